import { cosine, inverseFrequencies, termCounts, terms, vectorOf } from '../search/text.js';

export interface Candidate {
  id: string;
  title: string;
  kind: string;
  /** Everything the contribution says besides its title. */
  body: string;
}

export interface Group {
  members: Candidate[];
  terms: string[];
  name: string;
  cohesion: number;
}

/**
 * Two contributions at least this similar (cosine of TF-IDF vectors) are about the same thing;
 * a contribution joins a group when its mean similarity to the members reaches EXPAND times it.
 * Tuned on the labelled set in test/support/gear-corpus.ts (pure groups from 0.12 to 0.15).
 */
export const GROUP_THRESHOLD = 0.15;
const EXPAND = 0.6;

/**
 * Greedy grouping of similar contributions. Compare every pair (TF-IDF over the contributions
 * compared, cosine); take the contribution with the most unassigned neighbours as a seed, group
 * it with those neighbours, then let in any other whose mean similarity to the group is
 * still high enough. Repeat until no contribution has a neighbour left. Quadratic, so callers bound
 * the number of contributions (a couple of hundred compare in a few milliseconds).
 */
export function groupSimilar(candidates: Candidate[], options: { threshold?: number; maxGroups?: number } = {}): Group[] {
  const threshold = options.threshold ?? GROUP_THRESHOLD;
  const counts = candidates.map((c) => termCounts(c.title, c.body));
  const idf = inverseFrequencies(counts);
  const nodes = candidates.map((candidate, index) => ({ candidate, index, vector: vectorOf(counts[index] ?? new Map(), idf) }));
  type Node = (typeof nodes)[number];
  const n = nodes.length;
  const matrix = new Array<number>(n * n).fill(0);
  for (const a of nodes) for (const b of nodes) if (a.index < b.index) matrix[a.index * n + b.index] = matrix[b.index * n + a.index] = cosine(a.vector, b.vector);
  const sim = (a: Node, b: Node) => matrix[a.index * n + b.index] ?? 0;

  const unassigned = new Set(nodes);
  const neighbours = (node: Node) => [...unassigned].filter((other) => other !== node && sim(node, other) >= threshold);
  const meanTo = (node: Node, group: Node[]) => group.reduce((sum, g) => sum + sim(node, g), 0) / group.length;
  const groups: Node[][] = [];
  for (;;) {
    let seed: Node | null = null;
    let best: [number, number] = [0, 0];
    for (const node of unassigned) {
      const near = neighbours(node);
      const strength: [number, number] = [near.length, near.reduce((sum, other) => sum + sim(node, other), 0)];
      if (strength[0] > best[0] || (strength[0] === best[0] && strength[1] > best[1])) [seed, best] = [node, strength];
    }
    if (seed === null) break;
    const group = [seed, ...neighbours(seed)];
    for (const node of group) unassigned.delete(node);
    for (let grew = true; grew; ) {
      grew = false;
      for (const node of unassigned) {
        if (meanTo(node, group) >= threshold * EXPAND) {
          group.push(node);
          unassigned.delete(node);
          grew = true;
        }
      }
    }
    groups.push(group);
  }

  const named = groups.map((group) => {
    const members = group.map((node) => node.candidate);
    const words = sharedWords(members, idf);
    let pairs = 0;
    let total = 0;
    for (const a of group) for (const b of group) if (a.index < b.index) [pairs, total] = [pairs + 1, total + sim(a, b)];
    const name = words.length === 0 ? (members[0]?.title ?? '') : words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(', ');
    return { members, terms: words, name, cohesion: pairs === 0 ? 0 : Math.round((total / pairs) * 1000) / 1000 };
  });
  return named.sort((a, b) => b.members.length - a.members.length || b.cohesion - a.cohesion).slice(0, options.maxGroups ?? 10);
}

/**
 * The most telling words a group shares: used by at least two of its contributions (most of
 * them if it can), rare elsewhere (IDF). Each shown in its most frequent written form.
 */
function sharedWords(members: Candidate[], idf: Map<string, number>): string[] {
  const inMembers = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const member of members) {
    const seen = new Set<string>();
    for (const t of [...terms(member.title), ...terms(member.body)]) {
      const f = forms.get(t.stem) ?? new Map<string, number>();
      f.set(t.written, (f.get(t.written) ?? 0) + 1);
      forms.set(t.stem, f);
      if (seen.has(t.stem)) continue;
      seen.add(t.stem);
      inMembers.set(t.stem, (inMembers.get(t.stem) ?? 0) + 1);
    }
  }
  return [...inMembers]
    .filter(([, count]) => count >= 2)
    .map(([stem, count]) => ({ stem, weight: count * (idf.get(stem) ?? 0) }))
    .sort((a, b) => b.weight - a.weight || a.stem.localeCompare(b.stem))
    .slice(0, 3)
    .map(({ stem }) => [...(forms.get(stem) ?? [])].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? stem);
}
