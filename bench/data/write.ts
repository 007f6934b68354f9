import type { DatabaseHandle, Db } from '../../src/server/db/database.js';
import type { Progress } from './progress.js';

// Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_PARAMETERS = { sqlite: 32_000, postgres: 65_000 } as const;
const MAX_ROWS_PER_INSERT = 1_000;
const ROWS_PER_TRANSACTION = 20_000;

/**
 * Writes rows as multi-row inserts, many inserts per transaction, through Kysely.
 * `rows` is consumed lazily, so a phase never holds all its rows as objects at once.
 */
export async function writeRows<R extends object>(
  handle: DatabaseHandle,
  progress: Progress,
  name: string,
  total: number,
  rows: Iterable<R>,
  insert: (trx: Db, batch: R[]) => Promise<unknown>,
): Promise<number> {
  progress.phase(name, total);
  const iterator = rows[Symbol.iterator]();
  let batchSize = 0;
  let written = 0;
  let finished = false;
  while (!finished) {
    const chunk: R[] = [];
    while (chunk.length < ROWS_PER_TRANSACTION) {
      const next = iterator.next();
      if (next.done) {
        finished = true;
        break;
      }
      chunk.push(next.value);
    }
    if (chunk.length === 0) break;
    batchSize ||= Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS[handle.dialect] / Object.keys(chunk[0] ?? {}).length)));
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < chunk.length; i += batchSize) {
        const batch = chunk.slice(i, i + batchSize);
        await insert(trx, batch);
        progress.tick(batch.length);
      }
    });
    written += chunk.length;
  }
  progress.end();
  return written;
}
