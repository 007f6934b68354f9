import { describe, expect, it } from 'vitest';
import { omit } from './rows.js';

describe('omit', () => {
  it('gives what object rest gives: the other keys, in order, values untouched', () => {
    const row = { id: 'c1', title: 'Shade', hiddenAt: null, authored: 1, count: 0, tags: ['a'] };
    const { authored: _authored, count: _count, ...expected } = row;
    const rest = omit(row, new Set(['authored', 'count'] as const));
    expect(rest).toEqual(expected);
    expect(Object.keys(rest)).toEqual(['id', 'title', 'hiddenAt', 'tags']);
    expect(rest.tags).toBe(row.tags);
    expect(row).toHaveProperty('authored', 1);
  });
});
