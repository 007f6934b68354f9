import { invalidField } from '../../lib/errors.js';
import { rawWords, type Term } from './text.js';

/**
 * What a person typed in the search box, understood the way PostgreSQL's websearch_to_tsquery
 * understands it: words must all appear, "quoted words" as a phrase, a leading `-` leaves out,
 * and `or` between two words separates alternatives (`a b or c` is "a and b, or c"). Anything
 * else is punctuation and ignored. Both dialects search the canonical form of this parse, so
 * they agree on what a query means.
 */
export interface Literal {
  words: string[];
  negated: boolean;
}

/** Alternatives; each is a list of literals that must all hold, with at least one to find. */
export type ParsedQuery = Literal[][];

const MAX_LITERALS = 32;

export function parseQuery(q: string): ParsedQuery {
  const chunks = [...q.matchAll(/(-?)"([^"]*)"?|(\S+)/g)].map((m) => {
    const quoted = m[2];
    const bare = m[3];
    return {
      or: bare !== undefined && bare.toLowerCase() === 'or',
      negated: quoted !== undefined ? m[1] === '-' : (bare ?? '').startsWith('-'),
      words: rawWords(quoted ?? bare ?? ''),
    };
  }).filter((c) => c.words.length > 0);
  let current: Literal[] = [];
  const clauses: Literal[][] = [current];
  let previousWasLiteral = false;
  let count = 0;
  for (const [i, chunk] of chunks.entries()) {
    // `or` separates alternatives only between two literals; elsewhere it is a word.
    if (chunk.or && previousWasLiteral && i + 1 < chunks.length) {
      current = [];
      clauses.push(current);
      previousWasLiteral = false;
      continue;
    }
    if (++count > MAX_LITERALS) break;
    current.push({ words: chunk.words, negated: chunk.negated });
    previousWasLiteral = true;
  }
  // An alternative with nothing to find (only exclusions) would match almost everything.
  return clauses.filter((clause) => clause.some((l) => !l.negated));
}

/** The parsed query, or a 422 naming `q` when it has nothing to look for. */
export function requireWords(q: string): ParsedQuery {
  const parsed = parseQuery(q);
  if (parsed.length === 0) throw invalidField('/q', 'has no words to look for (punctuation and exclusions alone find nothing)', 'no_words');
  return parsed;
}

// Every literal is quoted, so nothing a person types can be FTS5 syntax. Words hold only
// letters, digits and marks (see rawWords), never a double quote.
const quoted = (l: Literal) => `"${l.words.join(' ')}"`;

/** The FTS5 MATCH expression: `(("a" AND "b c") NOT ("d")) OR ("e")`. */
export function toFts5(parsed: ParsedQuery): string {
  return parsed
    .map((clause) => {
      const positive = clause.filter((l) => !l.negated).map(quoted).join(' AND ');
      const negative = clause.filter((l) => l.negated).map(quoted);
      return negative.length === 0 ? `(${positive})` : `((${positive}) NOT (${negative.join(' OR ')}))`;
    })
    .join(' OR ');
}

/** The canonical websearch_to_tsquery text of the same parse: `"a" "b c" -"d" or "e"`. */
export function toWebsearch(parsed: ParsedQuery): string {
  return parsed.map((clause) => clause.map((l) => `${l.negated ? '-' : ''}${quoted(l)}`).join(' ')).join(' or ');
}

/** Any of the terms, each as a prefix when long enough, for PostgreSQL's to_tsquery: `'seam':* | 'leak':*` (`'seam':*A`: in titles only). Terms hold only letters, digits and marks. */
export const anyTermTsquery = (keys: string[], weight: '' | 'A' = ''): string => keys.map((k) => (k.length >= 3 ? `'${k}':*${weight}` : weight === '' ? `'${k}'` : `'${k}':${weight}`)).join(' | ');

/** What the word and its stem share ("stories", "stori" → "stor"): a prefix of every form of the word. */
function prefixOf(t: Term): string {
  let n = 0;
  while (n < t.stem.length && t.stem[n] === t.word[n]) n++;
  const prefix = t.word.slice(0, n);
  return prefix.length > 3 && prefix.endsWith('i') ? prefix.slice(0, -1) : prefix.length >= 2 ? prefix : t.word;
}

/**
 * The keys to look up for a set of terms: a prefix of each word's forms, plus the written form
 * when it has diacritics, because PostgreSQL's `simple` configuration keeps them.
 */
export function lookupKeys(termList: Term[], dialect: 'sqlite' | 'postgres', max: number): string[] {
  const keys = new Set<string>();
  for (const t of termList) {
    if (keys.size >= max) break;
    keys.add(prefixOf(t));
    if (dialect === 'postgres' && t.written !== t.word) keys.add(t.written);
  }
  return [...keys];
}

/**
 * The written forms a term probably takes, as exact FTS5 tokens (folded): the word, its stem and
 * the usual endings on what they share ("lanes" → lane, lanes, lan…). Exact tokens cost one
 * lookup each, where a prefix query merges every token that starts with it (slow at city scale).
 */
export function formsOf(t: Term): string[] {
  const base = prefixOf(t);
  const forms = new Set([t.word, t.stem, base]);
  for (const root of new Set([base, t.stem])) {
    for (const ending of ['s', 'e', 'es', 'ed', 'ing', 'y', 'ies', 'ly']) forms.add(root + ending);
    if (root.endsWith('i')) forms.add(`${root.slice(0, -1)}y`);
  }
  return [...forms].filter((f) => f.length >= 2);
}

/** Any form of a term, as an FTS5 group: `("lane" OR "lanes" OR …)`. */
export const formsFts5 = (t: Term): string => `(${formsOf(t).map((f) => `"${f}"`).join(' OR ')})`;

/** Any form of any term: what "similar to" looks for in titles and bodies. */
export const anyFormFts5 = (termList: Term[]): string => termList.map(formsFts5).join(' OR ');

/** Titles sharing at least two of the terms: `{title}: ((a) AND (b)) OR ((a) AND (c)) …`. */
export function titlePairsFts5(termList: Term[]): string | null {
  if (termList.length < 2) return null;
  const groups = termList.map(formsFts5);
  const pairs: string[] = [];
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) pairs.push(`(${groups[i]} AND ${groups[j]})`);
  return `{title}: (${pairs.join(' OR ')})`;
}

/** The same on PostgreSQL: title words carry weight A in the document (`'lan':*A & 'bik':*A | …`). */
export function titlePairsTsquery(keys: string[]): string | null {
  if (keys.length < 2) return null;
  const key = (k: string) => (k.length >= 3 ? `'${k}':*A` : `'${k}':A`);
  const pairs: string[] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.push(`(${key(keys[i] ?? '')} & ${key(keys[j] ?? '')})`);
  return pairs.join(' | ');
}
