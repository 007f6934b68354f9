import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { OutgoingMail } from '../../lib/mailer.js';
import { mailDedupeKey } from './consumer.js';
import { isNotificationType } from './catalogue.js';
import { notificationRows, toMailItem } from './inbox.js';
import { withholdHidden } from './withheld.js';
import { immediateMail } from './mail.js';
import type { PreferencesService } from './preferences.js';
import { num, str } from './target.js';
import { unsubscribeUrl } from './unsubscribe.js';

/**
 * Sends mail and records it. A mail is sent, then recorded in `mail_deliveries` under its
 * dedupe key together with `emailed_at`; a job retried after a crash between the two sends it
 * again with the same Message-ID (derived from the key), so the copy is recognisable, and
 * a job retried after the record sends nothing.
 */
export class MailDelivery {
  constructor(
    private readonly ctx: Context,
    private readonly preferences: PreferencesService,
  ) {}

  async delivered(db: Db, dedupeKey: string): Promise<boolean> {
    return (await db.selectFrom('mailDeliveries').select('id').where('dedupeKey', '=', dedupeKey).executeTakeFirst()) !== undefined;
  }

  /** Sends unless a mail with this key went out already; then records it and marks `notificationIds` (or a filtered set) as e-mailed. */
  async sendOnce(input: { userId: string; dedupeKey: string; kind: string; mail: OutgoingMail; mark: (trx: Db, now: string) => Promise<void> }): Promise<void> {
    if (!(await this.delivered(this.ctx.db, input.dedupeKey))) await this.ctx.mailer.send(input.mail);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('mailDeliveries')
        .values({ id: newId(), userId: input.userId, dedupeKey: input.dedupeKey, kind: input.kind, subject: input.mail.subject.slice(0, 300), sentAt: now })
        .onConflict((oc) => oc.column('dedupeKey').doNothing())
        .execute();
      await input.mark(trx, now);
    });
  }

  /** The `notification.mail` job: one notification, now, if the person still wants it so. */
  async immediate(payload: Record<string, unknown>): Promise<void> {
    const userId = str(payload, 'userId');
    const eventId = num(payload, 'eventId');
    if (userId === null || eventId === null) return;
    const row = await notificationRows(this.ctx.db).where('n.userId', '=', userId).where('n.eventId', '=', eventId).executeTakeFirst();
    if (!row || row.emailedAt !== null || !isNotificationType(row.type)) return;
    const stored = toMailItem(row);
    const [item = null] = stored === null ? [] : await withholdHidden(this.ctx.db, userId, [stored]);
    const user = await this.ctx.db.selectFrom('users').select(['email', 'name', 'erasedAt']).where('id', '=', userId).executeTakeFirst();
    const settle = (trx: Db, now: string) => trx.updateTable('notifications').set({ emailedAt: now }).where('id', '=', row.id).where('emailedAt', 'is', null).execute().then(() => undefined);
    const mode = (await this.preferences.modesFor(this.ctx.db, row.type, [userId])).get(userId);
    if (!user || user.erasedAt !== null || item === null || mode === 'off') {
      await settle(this.ctx.db, this.ctx.clock.now().toISOString());
      return;
    }
    // Switched to a digest since: the digest takes it.
    if (mode !== 'immediately') return;
    const dedupeKey = mailDedupeKey(userId, eventId);
    const { baseUrl, secret } = this.ctx.config;
    const mail = immediateMail({ to: { email: user.email, name: user.name }, item, baseUrl, dedupeKey, unsubscribeUrl: unsubscribeUrl(baseUrl, secret, userId, row.type) });
    await this.sendOnce({ userId, dedupeKey, kind: row.type, mail, mark: settle });
  }
}
