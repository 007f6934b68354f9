import type { DatabaseHandle } from '../src/server/db/database.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first successful response. */
  startMs: number;
  /** Peak resident memory (VmHWM) in MiB so far. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Waits until /readyz says the server is warm (its in-memory indexes built); milliseconds waited. */
export async function waitWarm(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { warm?: boolean };
    if (ready.warm === true) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} was not warm within ${timeoutMs} ms`);
}

/**
 * Waits until the database has not changed for `quietMs` (the server's worker has nothing left
 * to do); milliseconds waited. Gives up after `timeoutMs` and says so: the run goes on.
 */
export async function waitSettled(database: DatabaseHandle, quietMs = 2_000, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  let version = await database.dataVersion();
  let since = performance.now();
  while (performance.now() - since < quietMs) {
    if (performance.now() - started > timeoutMs) {
      console.error(`The database still changed after ${timeoutMs / 1000} s: measuring anyway.`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await database.dataVersion();
    if (now !== version) {
      version = now;
      since = performance.now();
    }
  }
  return Math.round(performance.now() - started);
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

/** Servers this run started: stopped when it exits, whatever ends it (an error left them running). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** Whether something already answers on the port (a server left by an earlier run would be measured instead). */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/** Spawns `node args…` with env, and waits until `readyPath` answers. */
export async function spawnServer(args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`Port ${port} is in use (a server left by an earlier run?): stop it, or the bench would measure it.`);
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  await waitFor(`${url}${readyPath}`, child, 30_000);
  const startMs = Math.round(performance.now() - started);
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    startMs,
    peakRssMb: () => peakRss(pid),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resets the process's peak RSS (Linux: writing 5 to clear_refs), so the next peak is one scenario's. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak is then the run's so far
  }
}
