import { describe, expect, it } from 'vitest';
import { markTitle, phrasesOf, snippet } from './marks.js';
import { parseQuery } from './query.js';
import { toSegments } from './segments.js';

const shown = (marked: string) => toSegments(marked).map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
const phrases = (q: string) => phrasesOf(parseQuery(q));

describe('highlights and snippets', () => {
  it('marks every word looked for, without case or diacritics, and never an exclusion', () => {
    expect(shown(markTitle('Campaña de ÁRBOLES en Lavapiés', phrases('campana arboles -lavapies')))).toBe('[Campaña] de [ÁRBOLES] en Lavapiés');
    expect(shown(markTitle('Bike lanes, bike racks', phrases('bike or racks')))).toBe('[Bike] lanes, [bike racks]');
  });

  it('marks a phrase as one run only where its words follow each other', () => {
    expect(shown(markTitle('Night buses: buses at night', phrases('"night buses"')))).toBe('[Night buses]: buses at night');
  });

  it('keeps what people wrote as text, markup included', () => {
    expect(shown(snippet('Seams <b>again</b>.', phrases('again')))).toBe('Seams <b>[again]</b>.');
  });

  it('shows about 24 words around the most matches, with … where it cut', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'quokka';
    words[44] = 'quokka';
    words[5] = 'quokka';
    const cut = shown(snippet(`${words.join(' ')}.`, phrases('quokka')));
    expect(cut.startsWith('…w36 w37 w38 w39 [quokka] w41 w42 w43 [quokka]')).toBe(true);
    expect(cut.endsWith('w59.')).toBe(true);
    expect(cut.split(' ')).toHaveLength(24);
    // No match in the body (the title matched): its beginning.
    expect(shown(snippet(words.slice(0, 30).join(' '), phrases('zebra')))).toBe(`${words.slice(0, 24).join(' ')}…`);
    expect(snippet('', phrases('zebra'))).toBe('');
  });
});
