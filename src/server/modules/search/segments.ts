/**
 * Highlights travel as text segments, never as HTML: the database marks matches with two
 * private-use characters, and this splits the marked text into `{ text, match }` parts.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export interface Segment {
  text: string;
  match: boolean;
}

export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
    text = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

/** Unmarked text as one plain segment (or none when empty). */
export const plain = (text: string): Segment[] => (text === '' ? [] : [{ text, match: false }]);
