import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { Consumer, StoredEvent } from '../dispatch/dispatcher.js';
import type { JobQueue } from '../dispatch/jobs.js';
import { chunks, visibleAmong } from './audience.js';
import { isNotificationType } from './catalogue.js';
import { dataFor } from './content.js';
import type { PreferencesService } from './preferences.js';
import { WHO_HEARS, candidatesAfter } from './recipients.js';
import { loadTarget, num, str } from './target.js';

export const MAIL_JOB = 'notification.mail';
export const FANOUT_JOB = 'notification.fanout';
export const mailDedupeKey = (userId: string, eventId: number) => `mail:${userId}:${eventId}`;

/**
 * The in-app consumer: for each event in the table of `recipients.ts`, one `notifications` row
 * per person who may see it (unique per person and event, so handing the same event over
 * twice changes nothing). In the same transaction it settles e-mail: a job per person who
 * wants it immediately (deduplicated by `mail:<user>:<event>`), nothing for the digests (they
 * find the row by its empty `emailed_at`), and `emailed_at` set at once for those who turned
 * the type off.
 *
 * Large audiences go in batches of `batchSize` people by user id, each in its own short
 * transaction: the consumer's transaction writes the first batch and enqueues a
 * `notification.fanout` job for the people after it; each such job writes its batch and
 * enqueues the next in one transaction. A failed batch rolls back and its job is retried; a
 * batch written twice changes nothing.
 */
export class NotificationsConsumer implements Consumer {
  readonly name = 'notifications';
  /** People per batch (and per transaction). */
  batchSize = 500;
  /**
   * People notified inside the dispatcher's own transaction, which carries up to 200 events:
   * kept small so that a burst of events to big audiences never holds the database for long.
   */
  inlineSize = 25;

  constructor(
    private readonly ctx: Context,
    private readonly jobs: JobQueue,
    private readonly preferences: PreferencesService,
  ) {}

  accepts(type: string): boolean {
    return isNotificationType(type);
  }

  async consume(trx: Db, event: StoredEvent): Promise<void> {
    await this.batch(trx, event, '', Math.min(this.inlineSize, this.batchSize));
  }

  /** The `notification.fanout` job: the batch of people after `afterUserId`, and the next job if more follow. */
  async fanOut(payload: Record<string, unknown>): Promise<void> {
    const eventId = num(payload, 'eventId');
    const after = str(payload, 'afterUserId');
    if (eventId === null || after === null) return;
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
      if (row) await this.batch(trx, { ...row, id: Number(row.id), payload: parseJson(row.payload) as Record<string, unknown> }, after, this.batchSize);
    });
  }

  /** Notifies the next `size` people after `after` (`''`: the first), as the target and their preferences are now. */
  private async batch(trx: Db, event: StoredEvent, after: string, size: number): Promise<void> {
    if (!isNotificationType(event.type)) return;
    const target = await loadTarget(trx, event, event.type);
    if (target === null) return;
    const { people, next } = await candidatesAfter(trx, event, target, after, size);
    const recipients = people.length === 0 ? [] : await visibleAmong(trx, target, people, { evenIfBlocked: WHO_HEARS[event.type].evenIfBlocked });
    const data = JSON.stringify(dataFor(event, target));
    const modes = await this.preferences.modesFor(trx, event.type, recipients);
    const now = this.ctx.clock.now().toISOString();
    for (const chunk of chunks(recipients, 200)) {
      await trx
        .insertInto('notifications')
        .values(
          chunk.map((userId) => ({
            id: newId(), userId, eventId: event.id, type: event.type, orgId: target.org.id, initiativeId: target.initiative.id,
            subjectType: event.subjectType, subjectId: event.subjectId, data, readAt: null,
            // Off: nothing will ever be mailed, so the digests need not look at it.
            emailedAt: modes.get(userId) === 'off' ? now : null, createdAt: event.time,
          })),
        )
        .onConflict((oc) => oc.columns(['userId', 'eventId']).doNothing())
        .execute();
    }
    for (const userId of recipients) {
      if (modes.get(userId) !== 'immediately') continue;
      await this.jobs.enqueue(trx, { kind: MAIL_JOB, dedupeKey: mailDedupeKey(userId, event.id), payload: { userId, eventId: event.id }, orgId: target.org.id, maxAttempts: 8 });
    }
    if (next === null) return;
    // Due since the event, so the queue (which runs due jobs oldest first) takes the next batch before the mails of this one.
    await this.jobs.enqueue(trx, {
      kind: FANOUT_JOB, dedupeKey: `fanout:${event.id}:${next}`, payload: { eventId: event.id, afterUserId: next }, orgId: target.org.id, runAt: new Date(event.time), maxAttempts: 20,
    });
  }
}
