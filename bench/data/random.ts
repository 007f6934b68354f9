/** Deterministic randomness: the same seed gives the same dataset, on any machine. */
export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per purpose, so adding draws to one phase never shifts another. */
export function stream(seed: number, purpose: string): Rng {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193);
  return mulberry32(h >>> 0);
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[int(rng, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Typed-array read that never yields undefined (indices are in range by construction). */
export const at = (array: ArrayLike<number>, i: number): number => array[i] ?? 0;

/** A random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    const t = at(p, i);
    p[i] = at(p, j);
    p[j] = t;
  }
  return p;
}

/** Zipf-like weights 1/(rank+1)^s, laid out in a random order so popularity does not follow age. */
export function zipfWeights(rng: Rng, n: number, s: number): Float64Array {
  const order = permutation(rng, n);
  const weights = new Float64Array(n);
  for (let rank = 0; rank < n; rank++) weights[at(order, rank)] = 1 / (rank + 1) ** s;
  return weights;
}

/** Draws indices in proportion to their weights (cumulative sums and binary search). */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += at(weights, i);
  }
  sample(rng: Rng): number {
    const target = rng() * at(this.cumulative, this.cumulative.length - 1);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(this.cumulative, mid) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Splits `total` over items in proportion to their weights, none above `cap`, summing exactly
 * to `total`: heaviest first, each takes its share of what is left.
 */
export function allocate(total: number, weights: ArrayLike<number>, cap: number): Int32Array {
  const n = weights.length;
  if (total > cap * n) throw new Error(`cannot place ${total} items on ${n} slots of at most ${cap}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => at(weights, b) - at(weights, a) || a - b);
  const counts = new Int32Array(n);
  let left = total;
  let weightLeft = 0;
  for (let i = 0; i < n; i++) weightLeft += at(weights, i);
  order.forEach((i, position) => {
    const w = at(weights, i);
    const share = position === n - 1 ? left : Math.round((left * w) / weightLeft);
    // Never leave more than the remaining slots can hold.
    const room = cap * (n - position - 1);
    const count = Math.min(cap, Math.max(share, left - room));
    counts[i] = count;
    left -= count;
    weightLeft -= w;
  });
  return counts;
}

const hex = (value: number, digits: number): string => Math.floor(value).toString(16).padStart(digits, '0');

/** A UUIDv7 for time `ms` with seeded random bits: time-ordered like the app's ids, and reproducible. */
export function uuidv7At(ms: number, rng: Rng): string {
  const time = hex(ms, 12);
  const randA = hex(rng() * 0x1000, 3);
  const variant = hex(0x8000 + rng() * 0x4000, 4);
  const randB = hex(rng() * 0x1000000, 6) + hex(rng() * 0x1000000, 6);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${variant}-${randB}`;
}
