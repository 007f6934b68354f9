import { describe, expect, it } from 'vitest';
import { VersionMemo } from './version-memo.js';

/** A database stand-in whose version the test moves, and a lookup that counts its reads. */
function setup(maxEntries?: number) {
  const state = { version: 1, reads: 0, value: 'first' };
  const memo = new VersionMemo<string | undefined>(async () => String(state.version), maxEntries);
  const lookup = (answer?: string) => async () => {
    state.reads++;
    return answer ?? state.value;
  };
  return { state, memo, lookup };
}

describe('VersionMemo', () => {
  it('keeps a lookup while the version is unchanged, and looks again once it moves', async () => {
    const { state, memo, lookup } = setup();
    expect(await memo.get('k', lookup())).toBe('first');
    expect(await memo.get('k', lookup())).toBe('first');
    expect(state.reads).toBe(1);
    state.version = 2;
    state.value = 'second';
    expect(await memo.get('k', lookup())).toBe('second');
    expect(state.reads).toBe(2);
  });

  it('keeps an empty answer too (an unknown token is not looked up again until something changes)', async () => {
    const { state, memo } = setup();
    let reads = 0;
    const none = async () => {
      reads++;
      return undefined;
    };
    expect(await memo.get('missing', none)).toBeUndefined();
    expect(await memo.get('missing', none)).toBeUndefined();
    expect(reads).toBe(1);
    state.version = 2;
    await memo.get('missing', none);
    expect(reads).toBe(2);
  });

  it('does not keep what was looked up while another version was seen', async () => {
    const { state, memo } = setup();
    let release: () => void = () => undefined;
    const slow = memo.get('k', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    await new Promise((r) => setImmediate(r));
    state.version = 2;
    expect(await memo.get('other', async () => 'new')).toBe('new');
    release();
    expect(await slow).toBe('old');
    let reads = 0;
    expect(await memo.get('k', async () => (reads++, 'fresh'))).toBe('fresh');
    expect(reads).toBe(1);
  });

  it('starts afresh when full, and looks up every time without a version (PostgreSQL)', async () => {
    const { state, memo, lookup } = setup(2);
    await memo.get('a', lookup('A'));
    await memo.get('b', lookup('B'));
    await memo.get('c', lookup('C'));
    expect(await memo.get('a', lookup('A2'))).toBe('A2');
    expect(state.reads).toBe(4);
    const direct = new VersionMemo<string>(null);
    let reads = 0;
    await direct.get('k', async () => (reads++, 'x'));
    await direct.get('k', async () => (reads++, 'x'));
    expect(reads).toBe(2);
  });
});
