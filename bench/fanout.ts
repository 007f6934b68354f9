import { setMaxListeners } from 'node:events';
import { Agent, get, type IncomingMessage } from 'node:http';
import { newContribution } from './workload.js';

export interface FanoutResult {
  clients: number;
  writes: number;
  /** Delivery times from the start of each write to each client receiving it. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Clients that did not connect or missed a write. */
  errors: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * N Server-Sent Events clients on one initiative; then `writes` contributions created one after
 * another, each timed from the POST to the last client seeing its title.
 */
export async function fanout(baseUrl: string, initiativeId: string, token: string, clients: number, writes: number): Promise<FanoutResult> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const controller = new AbortController();
  setMaxListeners(Infinity, controller.signal);
  let errors = 0;
  const waiting = new Map<string, { started: number; pending: number; times: number[]; done: () => void }>();
  let readyCount = 0;
  let allReady!: () => void;
  const ready = new Promise<void>((resolve) => (allReady = resolve));
  const settled = () => {
    readyCount++;
    if (readyCount === clients) allReady();
  };

  const open = async () => {
    let isReady = false;
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const request = get(`${baseUrl}/api/v1/initiatives/${initiativeId}/stream`, { agent, signal: controller.signal }, resolve);
        request.on('error', reject);
      });
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of response as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        if (!isReady && text.includes('event: ready')) {
          isReady = true;
          settled();
        }
        for (const [marker, write] of waiting) {
          if (text.includes(marker)) {
            write.times.push(performance.now() - write.started);
            if (--write.pending === 0) write.done();
          }
        }
        const end = text.lastIndexOf('\n\n');
        if (end !== -1) text = text.slice(end + 2);
      }
    } catch {
      if (!controller.signal.aborted) {
        errors++;
        if (!isReady) settled();
      }
    }
  };
  // Open in batches so the server's accept queue is not the thing measured.
  for (let i = 0; i < clients; i += 250) {
    for (let j = i; j < Math.min(clients, i + 250); j++) void open();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await ready;

  const times: number[] = [];
  const connected = clients - errors;
  for (let n = 0; n < writes; n++) {
    const marker = `fanout-${Date.now()}-${n}`;
    let done!: () => void;
    const delivered = new Promise<void>((resolve) => (done = resolve));
    const write = { started: performance.now(), pending: connected, times: [] as number[], done };
    waiting.set(marker, write);
    const response = await fetch(`${baseUrl}/api/v1/initiatives/${initiativeId}/contributions`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: newContribution(` ${marker}`),
    });
    if (!response.ok) throw new Error(`fan-out write: HTTP ${response.status} ${await response.text()}`);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
    if ((await Promise.race([delivered, timeout])) === 'timeout') errors += write.pending;
    waiting.delete(marker);
    times.push(...write.times);
  }
  controller.abort();
  agent.destroy();
  times.sort((a, b) => a - b);
  return { clients, writes, p50Ms: Math.round(quantile(times, 0.5)), p99Ms: Math.round(quantile(times, 0.99)), maxMs: Math.round(times.at(-1) ?? 0), errors };
}
