import { countOfEntry, termOfEntry, type Doc, type InitiativeTexts, type SimilarIndex } from './similar-index.js';
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
  if (found.size < FEW_CANDIDATES) {
    ensureScratch(index.size);
    newestSharing(texts, anyIds, found, CANDIDATES);
  }
  const documents = [...found].flatMap((p) => texts.docs[p] ?? []);
  const wordOf = new Map(distinct.map((t) => [t.stem, t.written]));
  const nameOf = (t: number) => {
    const stem = index.stem(t);
    return wordOf.get(stem) ?? stem;
  };
  return score(documents, counts, index, nameOf)
    .filter((s) => s.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Scratch space indexed by term id, kept between calls (scoring is synchronous, so one set
 * serves every request): document frequencies, inverse frequencies and the draft's weights.
 * Only the entries a call touched are reset, so a call costs its candidates, not the vocabulary.
 */
let df = new Int32Array(1 << 14);
let idf = new Float64Array(1 << 14);
let mine = new Float64Array(1 << 14);

function ensureScratch(terms: number): void {
  if (terms <= df.length) return;
  let size = df.length;
  while (size < terms) size *= 2;
  [df, idf, mine] = [new Int32Array(size), new Float64Array(size), new Float64Array(size)];
}

/**
 * Cosine similarity of TF-IDF vectors (1 + ln tf, ln(1 + n/df) over the candidates and the
 * draft), as vectorOf and inverseFrequencies in text.ts compute it for strings, over term ids.
 */
function score(documents: Doc[], counts: Map<string, number>, index: SimilarIndex, nameOf: (term: number) => string): Scored[] {
  ensureScratch(index.size);
  const touched: number[] = [];
  // The draft's terms: those no contribution uses occur in the draft alone (df 1).
  const draft: [number, number][] = [];
  let unknownNorm = 0;
  const n = documents.length + 1;
  for (const [stem, count] of counts) {
    const id = index.termId(stem);
    if (id === undefined) {
      unknownNorm += ((TF_WEIGHT[Math.min(count, 255)] ?? 0) * Math.log(1 + n)) ** 2;
      continue;
    }
    draft.push([id, count]);
    df[id] = 1;
    touched.push(id);
  }
  for (const doc of documents) {
    for (const entry of doc.packed) {
      const t = termOfEntry(entry);
      if (df[t] === 0) touched.push(t);
      df[t] = (df[t] ?? 0) + 1;
    }
  }
  for (const t of touched) idf[t] = Math.log(1 + n / (df[t] ?? 1));
  let mineNorm = unknownNorm;
  for (const [t, count] of draft) {
    const w = (TF_WEIGHT[Math.min(count, 255)] ?? 0) * (idf[t] ?? 0);
    mine[t] = w;
    mineNorm += w * w;
  }
  mineNorm = Math.sqrt(mineNorm);
  try {
    if (mineNorm === 0) return [];
    return documents.map((doc) => {
      // One pass: the document's norm, its dot product with the draft, and the terms they share.
      let norm = 0;
      let dot = 0;
      const shared: [number, number][] = [];
      for (const entry of doc.packed) {
        const t = termOfEntry(entry);
        const w = (TF_WEIGHT[countOfEntry(entry)] ?? 0) * (idf[t] ?? 0);
        norm += w * w;
        const m = mine[t] ?? 0;
        if (m > 0 && w > 0) {
          dot += m * w;
          shared.push([t, m * w]);
        }
      }
      shared.sort((x, y) => y[1] - x[1]);
      return { id: doc.id, score: norm > 0 ? dot / (mineNorm * Math.sqrt(norm)) : 0, sharedTerms: shared.slice(0, 3).map(([t]) => nameOf(t)) };
    });
  } finally {
    for (const t of touched) {
      df[t] = 0;
      idf[t] = 0;
      mine[t] = 0;
    }
  }
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
function newestSharing(texts: InitiativeTexts, termIds: number[], found: Set<number>, limit: number): void {
  if (termIds.length === 0) return;
  // The terms marked in the scratch array: one read per entry instead of a set lookup.
  for (const t of termIds) mine[t] = 1;
  try {
    for (let p = texts.docs.length - 1; p >= 0 && found.size < limit; p--) {
      const doc = texts.docs[p];
      if (doc === null || doc === undefined || found.has(p)) continue;
      for (const entry of doc.packed) {
        if (mine[termOfEntry(entry)] === 1) {
          found.add(p);
          break;
        }
      }
    }
  } finally {
    for (const t of termIds) mine[t] = 0;
  }
}

/** The stems of a text once each, title words first, then by how often they occur. */
function distinctTerms(list: Term[], counts: Map<string, number>): Term[] {
  const seen = new Map<string, Term>();
  for (const t of list) if (!seen.has(t.stem)) seen.set(t.stem, t);
  return [...seen.values()].sort((a, b) => (counts.get(b.stem) ?? 0) - (counts.get(a.stem) ?? 0));
}
