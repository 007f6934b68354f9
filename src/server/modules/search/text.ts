/**
 * Text analysis for finding similar contributions: fold (lower case, no diacritics), split into
 * words, drop English and Spanish stop words, stem lightly. Pure functions, no database.
 */

// Stop words, folded (no diacritics), English then Spanish.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each even ever every few for from further get gets got had has have having he her here hers him his how ' +
    'i if in into is it its itself just let me more most much my no nor not now of off on once only or other our ours out over own really ' +
    'same she should so some still such than that the their theirs them then there these they this those through to too under until up us ' +
    'very was we were what when where which while who whom why will with would you your yours yet one two get getting ' +
    'al algo algun alguna algunas alguno algunos ante antes aqui asi aun bajo bien cada casi como con contra cual cuales cuando de del desde ' +
    'donde dos el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta estaba estan estar estas este esto estos fue fueron ' +
    'ha hace hacia han hasta hay la las le les lo los mas me mi mis mucho muchos muy nada ni no nos nosotros o os otra otras otro otros para ' +
    'pero poco por porque que quien se sea ser si sido sin sobre solo son su sus tambien tan tanto te tiene tienen todo todos tu tus un una ' +
    'unas uno unos usted vez y ya yo'
  ).split(/\s+/),
);

/** Lower case without diacritics: "Campaña" → "campana". */
export const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** A word: a run of letters and digits with their marks (what the queries and the highlights both read as one). */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The words of a text, as they were written but in lower case (runs of letters and digits). */
export const rawWords = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

const VOWEL = /[aeiouy]/;

/**
 * A light English and Spanish stemmer: plurals, -ing, -ed, a final e, doubled consonants.
 * It only has to map the forms of one word to the same key on both sides of a comparison.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/[lnrdj]es$/.test(w) && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-xz])\1$/.test(w) && !/(?:ll|ss|zz|rr)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3 && !VOWEL.test(w.charAt(w.length - 2))) w = `${w.slice(0, -1)}i`;
  return w;
}

export interface Term {
  /** The key compared: folded and stemmed. */
  stem: string;
  /** The folded word it came from (the first seen), for names and index queries. */
  word: string;
  /** The word as written, lower case, diacritics kept (PostgreSQL's index keeps them). */
  written: string;
}

/** Written word → its term (null: a stop word). Texts repeat their words; folding and stemming each once is most of the cost. */
const analysed = new Map<string, Term | null>();
const ANALYSED_MAX = 100_000;

function termOf(written: string): Term | null {
  let term = analysed.get(written);
  if (term !== undefined) return term;
  const word = fold(written);
  term = word.length < 2 || STOP_WORDS.has(word) || /^\d{1,2}$/.test(word) ? null : { stem: stem(word), word, written };
  if (analysed.size >= ANALYSED_MAX) analysed.clear();
  analysed.set(written, term);
  return term;
}

/** The meaningful terms of a text, in order, repeats kept (shared objects: do not change them). */
export function terms(text: string): Term[] {
  const out: Term[] = [];
  for (const written of rawWords(text)) {
    const term = termOf(written);
    if (term !== null) out.push(term);
  }
  return out;
}

/** Term frequencies of a title and a body; the title counts double, it says what matters. */
export function termCounts(title: string, body: string): Map<string, number> {
  return countsOf(terms(title), terms(body));
}

/** termCounts of texts already split into terms. */
export function countsOf(titleTerms: Term[], bodyTerms: Term[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of titleTerms) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 2);
  for (const t of bodyTerms) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
  return counts;
}

/** Inverse document frequencies over a small collection of term-count maps. */
export function inverseFrequencies(documents: Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  return new Map([...df].map(([term, count]) => [term, Math.log(1 + n / count)]));
}

export type Vector = Map<string, number>;

/** A TF-IDF vector with dampened term frequency (1 + ln tf), unit length. */
export function vectorOf(counts: Map<string, number>, idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, tf] of counts) {
    const weight = (1 + Math.log(tf)) * (idf.get(term) ?? 0);
    if (weight <= 0) continue;
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Cosine similarity of two unit vectors: 0 (nothing shared) to 1 (the same words, same weights). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}
