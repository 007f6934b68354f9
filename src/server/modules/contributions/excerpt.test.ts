import { describe, expect, it } from 'vitest';
import { excerptOf } from './present.js';

describe('excerpt of a Markdown body', () => {
  it('keeps the words and drops the markup', () => {
    expect(excerptOf('Each shop keeps a **repair corner**: a bench.\n\n- walk in\n- well-made parts\n# Title\n> a [link](https://x.example)')).toBe('Each shop keeps a repair corner: a bench. walk in well-made parts Title a link');
  });

  it('cuts long text at a word and says so', () => {
    const text = excerptOf('word '.repeat(100), 30);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(30);
    expect(text).not.toMatch(/wor…$/);
  });

  it('cuts at the last space before the limit, whatever the space was written as, and inside one long word only when it must', () => {
    expect(excerptOf('alpha beta\u00a0gamma delta', 14)).toBe('alpha beta…');
    expect(excerptOf('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(excerptOf('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(excerptOf('short enough', 12)).toBe('short enough');
  });
});
