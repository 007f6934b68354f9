import { describe, expect, it } from 'vitest';
import { readOncePerTurn, sharedRead } from './shared-read.js';

/** A read the test settles by hand, numbered in the order the reads started. */
function reads() {
  const started: { n: number; settle: (fail?: boolean) => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      const n = started.length + 1;
      started.push({ n, settle: (fail) => (fail === true ? reject(new Error(`read ${n} failed`)) : resolve(n)) });
    });
  return { started, read };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('sharedRead', () => {
  it('answers callers who asked during a read with the next read, one for all of them', async () => {
    const { started, read } = reads();
    const version = sharedRead(read);
    const first = version();
    // Asked while read 1 is in flight: read 1 started before they asked, so it cannot answer them.
    const waiting = [version(), version(), version()];
    expect(started).toHaveLength(1);
    started[0]?.settle();
    expect(await first).toBe(1);
    await tick();
    expect(started).toHaveLength(2);
    // Asked while read 2 is in flight: they wait for read 3.
    const later = version();
    started[1]?.settle();
    expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
    await tick();
    started[2]?.settle();
    expect(await later).toBe(3);
    expect(started).toHaveLength(3);
  });

  it('starts a read at once when none is in flight, and a failure reaches only those it answered', async () => {
    const { started, read } = reads();
    const version = sharedRead(read);
    const failing = version();
    const next = version();
    started[0]?.settle(true);
    await expect(failing).rejects.toThrow('read 1 failed');
    await tick();
    started[1]?.settle();
    expect(await next).toBe(2);
    await tick();
    const fresh = version();
    expect(started).toHaveLength(3);
    started[2]?.settle();
    expect(await fresh).toBe(3);
  });
});

describe('readOncePerTurn', () => {
  it('reads once for the callers of a turn, after the last of them asked, and again in the next turn', async () => {
    const state = { value: 1, reads: 0 };
    const version = readOncePerTurn(() => {
      state.reads++;
      return state.value;
    });
    const asked = [version(), version()];
    // Still in the same turn: a change made now is seen by everyone who asked in it.
    state.value = 2;
    asked.push(version());
    expect(await Promise.all(asked)).toEqual([2, 2, 2]);
    expect(state.reads).toBe(1);
    state.value = 3;
    expect(await version()).toBe(3);
    expect(state.reads).toBe(2);
  });

  it('rejects the callers of a turn whose read failed, and reads afresh in the next', async () => {
    let fail = true;
    const version = readOncePerTurn(() => {
      if (fail) throw new Error('database is closed');
      return 'v';
    });
    await expect(Promise.all([version(), version()])).rejects.toThrow('database is closed');
    fail = false;
    expect(await version()).toBe('v');
  });
});
