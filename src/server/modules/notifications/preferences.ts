import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { chunks } from './audience.js';
import { CATALOGUE, NOTIFICATION_TYPES, isMailMode, isNotificationType, modeOf, type MailMode, type NotificationType } from './catalogue.js';
import type { Preferences, PreferencesBody } from './schemas.js';

/** Per person and type: how e-mail about it reaches them. Only choices that differ from nothing are stored; absent means the default. */
export class PreferencesService {
  constructor(private readonly ctx: Context) {}

  async list(userId: string, db: Db = this.ctx.db): Promise<Preferences> {
    const rows = await db.selectFrom('notificationPreferences').select(['eventType', 'mode']).where('userId', '=', userId).execute();
    const chosen = new Map(rows.map((r) => [r.eventType, r.mode]));
    return { preferences: NOTIFICATION_TYPES.map((type) => ({ type, mode: modeOf(type, chosen.get(type)), default: CATALOGUE[type].defaultMode, description: CATALOGUE[type].description })) };
  }

  async update(userId: string, body: PreferencesBody): Promise<Preferences> {
    const changes: [NotificationType, MailMode][] = [];
    for (const [type, mode] of Object.entries(body.preferences)) {
      if (mode === undefined) continue;
      // The schema refuses these already; kept so the service is safe on its own.
      if (!isNotificationType(type)) throw new AppError(422, 'validation_failed', `Unknown notification type ${type}.`, [{ path: `/preferences/${type}`, message: 'is not a notification type', code: 'unknown_type' }]);
      if (!isMailMode(mode)) throw new AppError(422, 'validation_failed', `Unknown mode ${mode}.`, [{ path: `/preferences/${type}`, message: 'must be immediately, daily, weekly or off', code: 'unknown_mode' }]);
      changes.push([type, mode]);
    }
    await this.set(this.ctx.db, userId, changes);
    return this.list(userId);
  }

  async set(db: Db, userId: string, changes: [NotificationType, MailMode][]): Promise<void> {
    if (changes.length === 0) return;
    const now = this.ctx.clock.now().toISOString();
    await db
      .insertInto('notificationPreferences')
      .values(changes.map(([eventType, mode]) => ({ userId, eventType, mode, updatedAt: now })))
      .onConflict((oc) => oc.columns(['userId', 'eventType']).doUpdateSet((eb) => ({ mode: eb.ref('excluded.mode'), updatedAt: eb.ref('excluded.updatedAt') })))
      .execute();
  }

  /** The mode of one type for many people: one query per 500. */
  async modesFor(db: Db, type: NotificationType, userIds: string[]): Promise<Map<string, MailMode>> {
    const out = new Map<string, MailMode>();
    for (const chunk of chunks(userIds)) {
      const rows = await db.selectFrom('notificationPreferences').select(['userId', 'mode']).where('eventType', '=', type).where('userId', 'in', chunk).execute();
      const chosen = new Map(rows.map((r) => [r.userId, r.mode]));
      for (const userId of chunk) out.set(userId, modeOf(type, chosen.get(userId)));
    }
    return out;
  }

  /** Every choice of many people (the digests read them per page of people). */
  async choicesOf(db: Db, userIds: string[]): Promise<Map<string, Map<string, string>>> {
    const out = new Map<string, Map<string, string>>();
    for (const chunk of chunks(userIds)) {
      const rows = await db.selectFrom('notificationPreferences').select(['userId', 'eventType', 'mode']).where('userId', 'in', chunk).execute();
      for (const r of rows) {
        const mine = out.get(r.userId) ?? new Map<string, string>();
        mine.set(r.eventType, r.mode);
        out.set(r.userId, mine);
      }
    }
    return out;
  }
}
