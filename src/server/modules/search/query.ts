import { invalidField } from '../../lib/errors.js';
import { rawWords } from './text.js';

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
