import type { ParsedQuery } from './query.js';
import { MATCH_END, MATCH_START } from './segments.js';
import { fold, WORD } from './text.js';

/**
 * Highlights and snippets of a page of hits, marked with the private-use characters of
 * segments.ts. Words are found the way the index finds them (runs of letters, digits and marks,
 * compared without case or diacritics), the same on both databases. Computing them here took
 * SQLite's highlight() and snippet() about 2 ms per page at city scale (they re-run the query
 * over the whole index), and PostgreSQL's ts_headline dropped what looked like markup from
 * what people wrote.
 */

/** Words in a snippet: about one or two sentences. */
const SNIPPET_WORDS = 24;
/** Words shown before the first match of a snippet. */
const LEAD = 3;

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) }));
}

/** The phrases to show as found: every word group the query looks for (exclusions are not found). */
export function phrasesOf(parsed: ParsedQuery): string[][] {
  return parsed.flatMap((clause) => clause.filter((l) => !l.negated).map((l) => l.words.map(fold)));
}

/** Indexes of the tokens that belong to an occurrence of a phrase. */
function found(list: Token[], phrases: string[][]): Set<number> {
  const hits = new Set<number>();
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= list.length; i++) {
      if (phrase.every((word, k) => list[i + k]?.folded === word)) for (let k = 0; k < phrase.length; k++) hits.add(i + k);
    }
  }
  return hits;
}

/** The text from token `from` to token `to` (exclusive), runs of found tokens between marks. */
function render(text: string, list: Token[], hits: Set<number>, from: number, to: number, start: number, end: number): string {
  let out = '';
  let at = start;
  for (let i = from; i < to; i++) {
    const token = list[i];
    if (token === undefined) break;
    const opens = hits.has(i) && !hits.has(i - 1);
    const closes = hits.has(i) && (!hits.has(i + 1) || i + 1 === to);
    out += text.slice(at, token.start) + (opens || (hits.has(i) && i === from) ? MATCH_START : '') + text.slice(token.start, token.end) + (closes ? MATCH_END : '');
    at = token.end;
  }
  return out + text.slice(at, end);
}

/** The whole title, its found words marked. */
export function markTitle(title: string, phrases: string[][]): string {
  const list = tokens(title);
  return render(title, list, found(list, phrases), 0, list.length, 0, title.length);
}

/** About SNIPPET_WORDS words of the body around the most found words, with … where it was cut. */
export function snippet(body: string, phrases: string[][]): string {
  const list = tokens(body);
  if (list.length === 0) return '';
  const hits = found(list, phrases);
  let from = 0;
  let best = -1;
  for (const i of [...hits].sort((a, b) => a - b)) {
    const start = Math.max(0, Math.min(i - LEAD, list.length - SNIPPET_WORDS));
    let count = 0;
    for (const h of hits) if (h >= start && h < start + SNIPPET_WORDS) count++;
    if (count > best) {
      best = count;
      from = start;
    }
  }
  const to = Math.min(list.length, from + SNIPPET_WORDS);
  const start = from === 0 ? 0 : (list[from]?.start ?? 0);
  const end = to === list.length ? body.length : (list[to - 1]?.end ?? body.length);
  return `${from > 0 ? '…' : ''}${render(body, list, hits, from, to, start, end).trim()}${to < list.length ? '…' : ''}`;
}
