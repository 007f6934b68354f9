import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/** A committed domain event, as consumers receive it. */
export interface StoredEvent {
  id: number;
  time: string;
  type: string;
  actorId: string | null;
  orgId: string | null;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Something that reacts to events: in-app notifications, e-mail, webhooks. `consume` runs in
 * the same transaction that advances the consumer's offset, so what it writes to the database
 * happens exactly once; work outside the database is enqueued as jobs with a dedupe key.
 */
export interface Consumer {
  name: string;
  accepts(type: string): boolean;
  consume(trx: Db, event: StoredEvent): Promise<void>;
}

const LOCK_MS = 60_000;
/** How long a hole in the event ids may be a transaction still committing (PostgreSQL) before it is skipped. */
const GAP_WAIT_MS = 3_000;

/**
 * Reads the events table (the outbox) after each consumer's offset and hands every committed
 * event to it, in order, at least once. One worker at a time advances a consumer (a lease on
 * its offset row); several workers share the consumers between them.
 */
export class Dispatcher {
  private readonly consumers: Consumer[] = [];
  private readonly gaps = new Map<string, { after: number; since: number }>();

  constructor(
    readonly ctx: Context,
    readonly workerId: string = newId(),
    private readonly batchSize = 200,
  ) {}

  register(consumer: Consumer): void {
    if (this.consumers.some((c) => c.name === consumer.name)) throw new Error(`consumer ${consumer.name} is registered twice`);
    this.consumers.push(consumer);
  }

  /** Creates the offsets of new consumers at the current end of the outbox: they react to what happens from now on. */
  async init(): Promise<void> {
    const start = await this.startOffset();
    const now = this.ctx.clock.now().toISOString();
    for (const consumer of this.consumers) {
      await this.ctx.db.insertInto('consumerOffsets').values({ consumer: consumer.name, lastEventId: start, lockedBy: null, lockedUntil: null, updatedAt: now }).onConflict((oc) => oc.column('consumer').doNothing()).execute();
    }
  }

  /** One pass over every consumer (a quarter of a batch each while the process is busy); returns how many events were handed over. */
  async tick(load: 'quiet' | 'busy' = 'quiet'): Promise<number> {
    const limit = load === 'busy' ? Math.ceil(this.batchSize / 4) : this.batchSize;
    let handled = 0;
    for (const consumer of this.consumers) handled += await this.advance(consumer, limit);
    return handled;
  }

  /** Runs passes until every consumer has caught up (tests, shutdown). */
  async drain(maxPasses = 100): Promise<void> {
    for (let pass = 0; pass < maxPasses; pass++) if ((await this.tick()) === 0) return;
  }

  private async lease(consumer: string): Promise<number | null> {
    const now = this.ctx.clock.now();
    const taken = await this.ctx.db
      .updateTable('consumerOffsets')
      .set({ lockedBy: this.workerId, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() })
      .where('consumer', '=', consumer)
      .where((eb) => eb.or([eb('lockedBy', 'is', null), eb('lockedBy', '=', this.workerId), eb('lockedUntil', '<', now.toISOString())]))
      .executeTakeFirst();
    if (taken.numUpdatedRows === 0n) return null; // another worker has it, or init() has not run
    const row = await this.ctx.db.selectFrom('consumerOffsets').select('lastEventId').where('consumer', '=', consumer).executeTakeFirstOrThrow();
    return Number(row.lastEventId);
  }

  private async startOffset(): Promise<number> {
    const row = await this.ctx.db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    return Number(row?.max ?? 0);
  }

  /** Whether events follow the consumer's offset: read-only, so an idle worker writes nothing (the data version stays, ADR 0008). */
  private async behind(consumer: string): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('consumerOffsets').select('lastEventId').where('consumer', '=', consumer).executeTakeFirst();
    if (row === undefined) return false;
    return (await this.ctx.db.selectFrom('events').select('id').where('id', '>', Number(row.lastEventId)).limit(1).executeTakeFirst()) !== undefined;
  }

  private async advance(consumer: Consumer, limit: number): Promise<number> {
    if (!(await this.behind(consumer.name))) return 0;
    const offset = await this.lease(consumer.name);
    if (offset === null) return 0;
    try {
      const rows = await this.ctx.db.selectFrom('events').selectAll().where('id', '>', offset).orderBy('id').limit(limit).execute();
      const batch = this.contiguous(consumer.name, offset, rows.map((r) => ({ ...r, id: Number(r.id), payload: parseJson(r.payload) as Record<string, unknown> })));
      if (batch.length === 0) return 0;
      const last = batch[batch.length - 1]?.id ?? offset;
      await this.ctx.db.transaction().execute(async (trx) => {
        for (const event of batch) if (consumer.accepts(event.type)) await consumer.consume(trx, event);
        const moved = await trx
          .updateTable('consumerOffsets')
          .set({ lastEventId: last, updatedAt: this.ctx.clock.now().toISOString() })
          .where('consumer', '=', consumer.name)
          .where('lockedBy', '=', this.workerId)
          .where('lastEventId', '=', offset)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n) throw new Error(`lost the lease on consumer ${consumer.name}`);
      });
      return batch.length;
    } finally {
      await this.ctx.db.updateTable('consumerOffsets').set({ lockedBy: null, lockedUntil: null }).where('consumer', '=', consumer.name).where('lockedBy', '=', this.workerId).execute();
    }
  }

  /**
   * The events up to the first hole in the ids. On PostgreSQL an id can become visible after a
   * higher one (its transaction commits later); a hole is waited for, then skipped (a rollback).
   */
  private contiguous(consumer: string, offset: number, events: StoredEvent[]): StoredEvent[] {
    const out: StoredEvent[] = [];
    let expected = offset + 1;
    for (const event of events) {
      if (event.id !== expected) {
        const gap = this.gaps.get(consumer);
        if (gap?.after !== expected - 1) {
          this.gaps.set(consumer, { after: expected - 1, since: Date.now() });
          break;
        }
        if (Date.now() - gap.since < GAP_WAIT_MS) break;
        this.gaps.delete(consumer);
      }
      out.push(event);
      expected = event.id + 1;
    }
    return out;
  }
}
