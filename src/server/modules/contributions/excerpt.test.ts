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
});
