import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { Consumer, StoredEvent } from '../dispatch/dispatcher.js';
import type { JobQueue } from '../dispatch/jobs.js';
import { chunks, visibleAmong } from './audience.js';
import { isNotificationType } from './catalogue.js';
import { dataFor } from './content.js';
import type { PreferencesService } from './preferences.js';
import { WHO_HEARS, candidatesFor } from './recipients.js';
import { loadTarget } from './target.js';

export const MAIL_JOB = 'notification.mail';
export const mailDedupeKey = (userId: string, eventId: number) => `mail:${userId}:${eventId}`;

/**
 * The in-app consumer: for each event in the table of `recipients.ts`, one `notifications` row
 * per person who may see it (unique per person and event, so handing the same event over
 * twice changes nothing). In the same transaction it settles e-mail: a job per person who
 * wants it immediately (deduplicated by `mail:<user>:<event>`), nothing for the digests (they
 * find the row by its empty `emailed_at`), and `emailed_at` set at once for those who turned
 * the type off.
 */
export class NotificationsConsumer implements Consumer {
  readonly name = 'notifications';

  constructor(
    private readonly ctx: Context,
    private readonly jobs: JobQueue,
    private readonly preferences: PreferencesService,
  ) {}

  accepts(type: string): boolean {
    return isNotificationType(type);
  }

  async consume(trx: Db, event: StoredEvent): Promise<void> {
    if (!isNotificationType(event.type)) return;
    const target = await loadTarget(trx, event, event.type);
    if (target === null) return;
    const candidates = await candidatesFor(trx, event, target);
    if (candidates.length === 0) return;
    const recipients = await visibleAmong(trx, target, candidates, { evenIfBlocked: WHO_HEARS[event.type].evenIfBlocked });
    if (recipients.length === 0) return;
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
  }
}
