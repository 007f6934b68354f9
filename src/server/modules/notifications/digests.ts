import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { JobQueue } from '../dispatch/jobs.js';
import { isNotificationType, modeOf, type DigestPeriod, type NotificationType } from './catalogue.js';
import type { MailDelivery } from './delivery.js';
import { notificationRows, toMailItem } from './inbox.js';
import { withholdHidden } from './withheld.js';
import { digestMail, type MailItem } from './mail.js';
import type { PreferencesService } from './preferences.js';
import { str } from './target.js';
import { unsubscribeUrl } from './unsubscribe.js';

export const DIGEST_PLAN = 'digest.plan';
export const DIGEST_BATCH = 'digest.batch';
/** How many notifications one digest lists; the rest are counted and wait in the inbox. */
const ITEMS_PER_MAIL = 50;
const DAY_MS = 86_400_000;

/** The start (UTC) of the period that contains `at`: the day, or the week from Monday. */
export function periodStart(period: DigestPeriod, at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (period === 'daily') return new Date(day);
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

export const nextPeriodStart = (period: DigestPeriod, at: Date): Date => new Date(periodStart(period, at).getTime() + (period === 'daily' ? DAY_MS : 7 * DAY_MS));
const dateKey = (date: Date) => date.toISOString().slice(0, 10);
const isPeriod = (value: string | null): value is DigestPeriod => value === 'daily' || value === 'weekly';

interface BatchPayload {
  period: DigestPeriod;
  /** The date of the period's start, e.g. 2026-11-23: names the run in dedupe keys. */
  key: string;
  /** Notifications created before this time are in this run. */
  cutoff: string;
  /** The batch covers people with ids after `after` and up to `until` (null: no upper bound). */
  after: string;
  until: string | null;
}

/**
 * Daily and weekly digests, cheap at 100,000 members.
 *
 * Scheduling: the next `digest.plan` job of each period waits in the jobs table with `run_at`
 * at the start of the next UTC day (or Monday) and the dedupe key `digest:daily:2026-11-24`
 * (`schedule()`, called at start and by every plan), so the worker runs it when the day
 * changes, once however many nodes there are. Tests call `plan()` directly or move the clock.
 *
 * A plan pages through the people who have un-e-mailed notifications from before the period's
 * start (keyset by user id over the `(emailed_at, user_id)` index) and enqueues one
 * `digest.batch` per `batchSize` people, all in one transaction. A batch streams through its
 * people `pageSize` at a time (three queries per page), and sends each of them one mail with
 * their pending items of the types they want in this period; then the mail is recorded and
 * the items are marked e-mailed, so a second run sends nothing. Never a job per member per event.
 */
export class Digests {
  /** People per `digest.batch` job. */
  batchSize = 500;
  /** People loaded at once inside a batch. */
  pageSize = 100;

  constructor(
    private readonly ctx: Context,
    private readonly jobs: JobQueue,
    private readonly preferences: PreferencesService,
    private readonly delivery: MailDelivery,
  ) {}

  /** Makes sure the next daily and weekly plans wait in the queue (idempotent). */
  async schedule(db: Db = this.ctx.db): Promise<void> {
    const now = this.ctx.clock.now();
    for (const period of ['daily', 'weekly'] as const) {
      const start = nextPeriodStart(period, now);
      await this.jobs.enqueue(db, { kind: DIGEST_PLAN, dedupeKey: `digest:${period}:${dateKey(start)}`, payload: { period, key: dateKey(start) }, runAt: start, maxAttempts: 20 });
    }
  }

  /** The `digest.plan` job. */
  async runPlan(payload: Record<string, unknown>): Promise<void> {
    await this.schedule();
    const period = str(payload, 'period');
    if (!isPeriod(period)) return;
    await this.plan(period);
  }

  /**
   * Enqueues the batches of this period's digest (the period that contains now: a late run
   * covers everything up to the latest period start). Returns how many batches it enqueued;
   * 0 when this period was planned already or nobody has anything pending.
   */
  async plan(period: DigestPeriod): Promise<number> {
    const start = periodStart(period, this.ctx.clock.now());
    const key = dateKey(start);
    const cutoff = start.toISOString();
    const prefix = `digest:${period}:${key}:batch:`;
    return this.ctx.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('jobs').select('id').where('dedupeKey', '=', `${prefix}0`).executeTakeFirst()) return 0;
      let after = '';
      let n = 0;
      for (;;) {
        const people = await this.pendingPeople(trx, { cutoff, after, until: null }, this.batchSize);
        if (people.length === 0) break;
        const full = people.length === this.batchSize;
        const until = full ? (people[people.length - 1] ?? null) : null;
        const batch: BatchPayload = { period, key, cutoff, after, until };
        await this.jobs.enqueue(trx, { kind: DIGEST_BATCH, dedupeKey: `${prefix}${n}`, payload: { ...batch }, maxAttempts: 20 });
        n++;
        if (until === null) break;
        after = until;
      }
      return n;
    });
  }

  /** People with notifications not yet e-mailed from before `cutoff`, by id, after `after` (and up to `until`). */
  private async pendingPeople(db: Db, range: { cutoff: string; after: string; until: string | null }, limit: number): Promise<string[]> {
    let query = db.selectFrom('notifications').select('userId').where('emailedAt', 'is', null).where('userId', '>', range.after).where('createdAt', '<', range.cutoff);
    if (range.until !== null) query = query.where('userId', '<=', range.until);
    const rows = await query.groupBy('userId').orderBy('userId').limit(limit).execute();
    return rows.map((r) => r.userId);
  }

  /** The `digest.batch` job. */
  async runBatch(payload: Record<string, unknown>): Promise<void> {
    const period = str(payload, 'period');
    const key = str(payload, 'key');
    const cutoff = str(payload, 'cutoff');
    if (!isPeriod(period) || key === null || cutoff === null) return;
    await this.batch({ period, key, cutoff, after: typeof payload.after === 'string' ? payload.after : '', until: str(payload, 'until') });
  }

  /** Streams through the batch's people a page at a time; returns how many mails went out. */
  async batch(batch: BatchPayload): Promise<number> {
    let sent = 0;
    let after = batch.after;
    for (;;) {
      const people = await this.pendingPeople(this.ctx.db, { cutoff: batch.cutoff, after, until: batch.until }, this.pageSize);
      if (people.length === 0) return sent;
      const [users, choices, counts] = await Promise.all([
        this.ctx.db.selectFrom('users').select(['id', 'email', 'name', 'erasedAt']).where('id', 'in', people).execute(),
        this.preferences.choicesOf(this.ctx.db, people),
        this.ctx.db
          .selectFrom('notifications')
          .select(['userId', 'type', (eb) => eb.fn.countAll<number>().as('n')])
          .where('userId', 'in', people)
          .where('emailedAt', 'is', null)
          .where('createdAt', '<', batch.cutoff)
          .groupBy(['userId', 'type'])
          .execute(),
      ]);
      const byId = new Map(users.map((u) => [u.id, u]));
      const pending = new Map<string, Map<NotificationType, number>>();
      for (const row of counts) {
        if (!isNotificationType(row.type)) continue;
        const mine = pending.get(row.userId) ?? new Map<NotificationType, number>();
        mine.set(row.type, Number(row.n));
        pending.set(row.userId, mine);
      }
      for (const userId of people) {
        const user = byId.get(userId);
        const types = pending.get(userId) ?? new Map<NotificationType, number>();
        const chosen = choices.get(userId);
        const modes = [...types.keys()].map((type) => ({ type, mode: user?.erasedAt === null ? modeOf(type, chosen?.get(type)) : 'off' }));
        const off = modes.filter((m) => m.mode === 'off').map((m) => m.type);
        if (off.length > 0) await this.settle(this.ctx.db, userId, batch.cutoff, off, this.ctx.clock.now().toISOString());
        const wanted = modes.filter((m) => m.mode === batch.period).map((m) => m.type);
        if (user === undefined || user.erasedAt !== null || wanted.length === 0) continue;
        const total = wanted.reduce((sum, type) => sum + (types.get(type) ?? 0), 0);
        const rows = await notificationRows(this.ctx.db)
          .where('n.userId', '=', userId)
          .where('n.emailedAt', 'is', null)
          .where('n.createdAt', '<', batch.cutoff)
          .where('n.type', 'in', wanted)
          .orderBy('n.id', 'desc')
          .limit(ITEMS_PER_MAIL)
          .execute();
        const items = await withholdHidden(this.ctx.db, userId, rows.reverse().map(toMailItem).filter((i): i is MailItem => i !== null));
        if (items.length === 0) continue;
        const dedupeKey = `digest:${batch.period}:${batch.key}:${userId}`;
        const { baseUrl, secret } = this.ctx.config;
        const mail = digestMail({
          to: { email: user.email, name: user.name }, period: batch.period, items, more: Math.max(0, total - items.length), baseUrl, dedupeKey,
          unsubscribeUrl: unsubscribeUrl(baseUrl, secret, userId, `digest:${batch.period}`),
        });
        await this.delivery.sendOnce({ userId, dedupeKey, kind: `digest.${batch.period}`, mail, mark: (trx, now) => this.settle(trx, userId, batch.cutoff, wanted, now) });
        sent++;
      }
      after = people[people.length - 1] ?? after;
    }
  }

  /** Marks a person's pending notifications of these types from before the cutoff as e-mailed (sent, or not wanted). */
  private async settle(db: Db, userId: string, cutoff: string, types: NotificationType[], now: string): Promise<void> {
    await db.updateTable('notifications').set({ emailedAt: now }).where('userId', '=', userId).where('emailedAt', 'is', null).where('createdAt', '<', cutoff).where('type', 'in', types).execute();
  }
}
