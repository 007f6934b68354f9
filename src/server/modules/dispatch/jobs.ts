import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import type { JobRow } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

export interface NewJob {
  kind: string;
  /** One job per effect: enqueuing the same key twice is a no-op (idempotent consumers). */
  dedupeKey: string;
  payload: Record<string, unknown>;
  orgId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;
const LOCK_MS = 5 * 60_000;

/** Exponential backoff with full jitter: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The jobs table: at-least-once execution with retries, backoff and a dead-letter state.
 * A worker claims a due job by a conditional update (so two workers never run the same one),
 * runs its handler, and marks it done, schedules a retry, or after `maxAttempts` marks it dead.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  constructor(
    private readonly ctx: Context,
    readonly workerId: string = newId(),
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(db: Db, job: NewJob): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await db
      .insertInto('jobs')
      .values({
        id: newId(), kind: job.kind, dedupeKey: job.dedupeKey, payload: JSON.stringify(job.payload), orgId: job.orgId ?? null, status: 'pending', attempts: 0,
        maxAttempts: job.maxAttempts ?? 8, runAt: (job.runAt ?? this.ctx.clock.now()).toISOString(), lockedBy: null, lockedUntil: null, lastError: null, createdAt: now, updatedAt: now,
      })
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .execute();
  }

  /** Runs up to `limit` due jobs, starting none after `deadline` (performance.now()); returns how many ran. */
  async runDue(limit = 50, deadline = Number.POSITIVE_INFINITY): Promise<number> {
    const now = this.ctx.clock.now();
    const due = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now.toISOString())])]))
      .where('runAt', '<=', now.toISOString())
      .orderBy('runAt')
      .limit(limit)
      .execute();
    let ran = 0;
    for (const job of due) {
      if (ran > 0 && performance.now() > deadline) break;
      if (await this.claim(job)) {
        await this.run(job);
        ran++;
      }
    }
    return ran;
  }

  private async claim(job: JobRow): Promise<boolean> {
    const now = this.ctx.clock.now();
    const claimed = await this.ctx.db
      .updateTable('jobs')
      .set({ status: 'running', lockedBy: this.workerId, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString(), updatedAt: now.toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', job.status)
      .where('updatedAt', '=', job.updatedAt)
      .executeTakeFirst();
    return claimed.numUpdatedRows > 0n;
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const attempts = job.attempts + 1;
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(parseJson(job.payload) as Record<string, unknown>, job);
      await this.finish(job.id, { status: 'done', attempts, lastError: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = attempts >= job.maxAttempts;
      const runAt = new Date(this.ctx.clock.now().getTime() + backoffMs(attempts)).toISOString();
      await this.finish(job.id, { status: dead ? 'dead' : 'pending', attempts, lastError: message.slice(0, 2000), ...(dead ? {} : { runAt }) });
      this.ctx.log.warn({ job: job.id, kind: job.kind, attempts, dead, error: message }, 'job failed');
    }
  }

  private async finish(id: string, values: { status: string; attempts: number; lastError: string | null; runAt?: string }): Promise<void> {
    await this.ctx.db
      .updateTable('jobs')
      .set({ ...values, lockedBy: null, lockedUntil: null, updatedAt: this.ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .where('lockedBy', '=', this.workerId)
      .execute();
  }

  /** Puts a dead (or failed) job back in the queue, now. */
  async retry(id: string): Promise<boolean> {
    const now = this.ctx.clock.now().toISOString();
    const result = await this.ctx.db.updateTable('jobs').set({ status: 'pending', attempts: 0, runAt: now, updatedAt: now, lastError: null }).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
