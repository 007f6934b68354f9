import { CompiledQuery } from 'kysely';
import type { Db, Dialect } from './database.js';
import { DirectStatement } from './direct.js';

interface Job {
  work: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const SAVEPOINT = CompiledQuery.raw('savepoint moebius_job');
const RELEASE = CompiledQuery.raw('release moebius_job');
const ROLLBACK = CompiledQuery.raw('rollback to moebius_job');

/** A savepoint statement, run straight on the SQLite connection where there is one (direct.ts). */
class Step {
  private readonly direct: DirectStatement | null;

  constructor(
    db: Db,
    private readonly query: CompiledQuery,
  ) {
    this.direct = DirectStatement.of(db, query.sql);
  }

  async run(trx: Db): Promise<void> {
    const done = this.direct?.execute(trx, []) ?? null;
    if (done === null) await trx.executeQuery(this.query);
  }
}

/**
 * Small write transactions that arrive together commit together (SQLite). A commit writes every
 * page the transaction changed to the write-ahead log, one system call per page: at city scale
 * about 200 µs, more than all the statements of a support (docs/benchmarks.md). Transactions
 * queued while the event loop handles one round of I/O run one after another in one database
 * transaction, each inside its own savepoint: one that fails is rolled back alone and rejects
 * with its own error, the others commit. Each caller's promise settles only after the commit,
 * so nothing is answered before it is durable. SQLite runs one writer at a time anyway, so no
 * transaction waits longer than it would have for the connection.
 *
 * PostgreSQL runs each transaction on its own, as `db.transaction()` does: its connections
 * write in parallel, and a shared transaction would hold every row lock until the last one.
 */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private readonly steps: { savepoint: Step; release: Step; rollback: Step };

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    /** Most transactions in one commit (bounds how long the first one waits for the last). */
    private readonly maxBatch = 64,
  ) {
    this.steps = { savepoint: new Step(db, SAVEPOINT), release: new Step(db, RELEASE), rollback: new Step(db, ROLLBACK) };
  }

  /** Runs `work` in a transaction (shared with others queued at the same time on SQLite). */
  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return this.db.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // After the current round of I/O: every request read in it has queued its transaction by then.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush(this.queue.splice(0, this.maxBatch));
      this.schedule();
    });
  }

  private async flush(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        const { savepoint, release, rollback } = this.steps;
        for (const job of batch) {
          await savepoint.run(trx);
          try {
            outcomes.push({ ok: true, value: await job.work(trx) });
          } catch (error) {
            await rollback.run(trx);
            outcomes.push({ ok: false, error });
          }
          await release.run(trx);
        }
      });
    } catch (error) {
      // Nothing committed (SQLite rolled the whole transaction back, or the commit failed).
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok === true) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }
}
