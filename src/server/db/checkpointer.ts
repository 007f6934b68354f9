import { Worker } from 'node:worker_threads';

/** How often the background thread moves the write-ahead log into the database file. */
const EVERY_MS = 1_000;

// CommonJS, run by the thread (eval): its own connection, a passive checkpoint every second.
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * SQLite in WAL mode copies the log back into the database file (a checkpoint) inside whichever
 * commit crosses the threshold; at city scale that commit stalls the event loop for a few
 * hundred milliseconds. A thread with its own connection checkpoints every second instead
 * (passive: it never blocks readers or writers), so commits on the serving thread stay short.
 * The connection's own auto-checkpoint stays as a safety net. Returns a stop function.
 */
export function startCheckpointer(path: string): () => Promise<void> {
  const worker = new Worker(THREAD, { eval: true, workerData: { path, everyMs: EVERY_MS } });
  worker.unref();
  worker.on('error', () => undefined);
  let stopped: Promise<void> | null = null;
  return () => {
    // Held (ref) while stopping, so a process that is otherwise done waits for the thread.
    stopped ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve();
      }, 2_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.ref();
      worker.postMessage('stop');
    });
    return stopped;
  };
}
