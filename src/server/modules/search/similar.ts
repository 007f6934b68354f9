import { countOfEntry, termOfEntry, type InitiativeTexts, type SimilarIndex } from './similar-index.js';
import { countsOf, terms, type Term } from './text.js';

/** How many contributions are proposed before similarity re-ranks them: keeps it fast. */
const CANDIDATES = 50;
/** Below this cosine similarity two texts are not about the same thing (tuned on test/support/gear-corpus.ts). */
export const SIMILAR_THRESHOLD = 0.1;
const MAX_QUERY_TERMS = 24;
/** Below this many candidates from titles, bodies are searched too. */
const FEW_CANDIDATES = 10;
/** Title words paired for the first candidates (15 pairs at most). */
const MAX_TITLE_TERMS = 6;

export interface Scored {
  id: string;
  score: number;
  sharedTerms: string[];
}

/**
 * The contributions most like a draft, best first, above the threshold. Candidates come newest
 * first in three tiers: titles sharing two of the draft's title words, titles sharing any of its
 * words, and (when those find few) any text sharing one. The cosine similarity of TF-IDF vectors
 * over the candidates and the draft re-ranks them and drops weak matches.
 */
export function similarTo(index: SimilarIndex, texts: InitiativeTexts, draft: { title: string; body: string }): Scored[] {
  const titleTerms = terms(draft.title);
  const bodyTerms = terms(draft.body);
  const counts = countsOf(titleTerms, bodyTerms);
  const distinct = distinctTerms([...titleTerms, ...bodyTerms], counts).slice(0, MAX_QUERY_TERMS);
  if (distinct.length === 0) return [];
  const known = (list: Term[]) => [...new Set(list.flatMap((t) => index.termId(t.stem) ?? []))];
  const titleIds = known(distinctTerms(titleTerms, counts).slice(0, MAX_TITLE_TERMS));
  const anyIds = known(distinct);
  const found = new Set<number>();
  if (titleIds.length >= 2) newest(texts.titles, titleIds, 2, found, CANDIDATES);
  newest(texts.titles, anyIds, 1, found, CANDIDATES);
  if (found.size < FEW_CANDIDATES) newestSharing(texts, new Set(anyIds), found, CANDIDATES);
  const documents = [...found].flatMap((p) => texts.docs[p] ?? []);

  // The draft's terms by id; a term no contribution uses gets an id of its own below zero.
  let unknown = 0;
  const mineCounts = new Map<number, number>();
  const nameOf = new Map<number, string>();
  for (const [stem, count] of counts) {
    const id = index.termId(stem) ?? --unknown;
    mineCounts.set(id, count);
    nameOf.set(id, stem);
  }
  const wordOf = new Map(distinct.map((t) => [t.stem, t.written]));
  // Inverse document frequencies over the candidates and the draft (see inverseFrequencies).
  const df = new Map<number, number>();
  for (const id of mineCounts.keys()) df.set(id, 1);
  for (const doc of documents) for (const entry of doc.packed) df.set(termOfEntry(entry), (df.get(termOfEntry(entry)) ?? 0) + 1);
  const n = documents.length + 1;
  const idf = new Map<number, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  const mine = new Map<number, number>();
  let mineNorm = 0;
  for (const [t, count] of mineCounts) {
    const w = (TF_WEIGHT[Math.min(count, 255)] ?? 0) * (idf.get(t) ?? 0);
    mine.set(t, w);
    mineNorm += w * w;
  }
  mineNorm = Math.sqrt(mineNorm);
  if (mineNorm === 0) return [];
  return documents
    .map((doc) => {
      // One pass: the document's norm, its dot product with the draft, and the terms they share.
      let norm = 0;
      let dot = 0;
      const shared: [number, number][] = [];
      for (const entry of doc.packed) {
        const t = termOfEntry(entry);
        const w = (TF_WEIGHT[countOfEntry(entry)] ?? 0) * (idf.get(t) ?? 0);
        norm += w * w;
        const m = mine.get(t);
        if (m !== undefined && m > 0 && w > 0) {
          dot += m * w;
          shared.push([t, m * w]);
        }
      }
      shared.sort((x, y) => y[1] - x[1]);
      const names = shared.slice(0, 3).map(([t]) => {
        const stem = nameOf.get(t) ?? index.stem(t);
        return wordOf.get(stem) ?? stem;
      });
      return { id: doc.id, score: norm > 0 ? dot / (mineNorm * Math.sqrt(norm)) : 0, sharedTerms: names };
    })
    .filter((s) => s.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Dampened term frequency, 1 + ln tf (as vectorOf), for every count an entry can hold. */
const TF_WEIGHT = Float64Array.from({ length: 256 }, (_, tf) => (tf > 0 ? 1 + Math.log(tf) : 0));

/**
 * Adds to `found`, newest first, the positions listed under at least `atLeast` of the terms,
 * until it holds `limit`: walks the postings lists (sorted oldest first) from their ends together,
 * so a common word costs no more than the candidates it yields.
 */
function newest(postings: Map<number, number[]>, termIds: number[], atLeast: number, found: Set<number>, limit: number): void {
  const lists = termIds.map((t) => postings.get(t)).filter((l) => l !== undefined);
  const at = Int32Array.from(lists, (l) => l.length - 1);
  while (found.size < limit) {
    let top = -1;
    lists.forEach((l, i) => {
      const p = l[at[i] ?? -1];
      if (p !== undefined && p > top) top = p;
    });
    if (top < 0) return;
    let holding = 0;
    lists.forEach((l, i) => {
      if (l[at[i] ?? -1] === top) {
        holding++;
        at[i] = (at[i] ?? 0) - 1;
      }
    });
    if (holding >= atLeast) found.add(top);
  }
}

/** Adds to `found`, newest first, contributions whose text holds any of the terms (a scan: few titles matched). */
function newestSharing(texts: InitiativeTexts, termIds: Set<number>, found: Set<number>, limit: number): void {
  if (termIds.size === 0) return;
  for (let p = texts.docs.length - 1; p >= 0 && found.size < limit; p--) {
    const doc = texts.docs[p];
    if (doc === null || doc === undefined || found.has(p)) continue;
    if (doc.packed.some((entry) => termIds.has(termOfEntry(entry)))) found.add(p);
  }
}

/** The stems of a text once each, title words first, then by how often they occur. */
function distinctTerms(list: Term[], counts: Map<string, number>): Term[] {
  const seen = new Map<string, Term>();
  for (const t of list) if (!seen.has(t.stem)) seen.set(t.stem, t);
  return [...seen.values()].sort((a, b) => (counts.get(b.stem) ?? 0) - (counts.get(a.stem) ?? 0));
}
