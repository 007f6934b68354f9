import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { displayName } from '../contributions/present.js';
import { isNotificationType } from './catalogue.js';
import type { MailItem } from './mail.js';
import type { Inbox, InboxQuery, Notification, NotificationData, ReadBody } from './schemas.js';
import { withholdHidden } from './withheld.js';

/** Notifications with the actor of their event, named as they are now (an erased actor is a former participant). */
export const notificationRows = (db: Db) =>
  db
    .selectFrom('notifications as n')
    .leftJoin('events as e', 'e.id', 'n.eventId')
    .leftJoin('users as a', 'a.id', 'e.actorId')
    .select(['n.id', 'n.userId', 'n.eventId', 'n.type', 'n.initiativeId', 'n.subjectType', 'n.subjectId', 'n.data', 'n.readAt', 'n.emailedAt', 'n.createdAt', 'a.id as actorId', 'a.name as actorName', 'a.erasedAt as actorErasedAt']);

export type NotificationRowWithActor = Awaited<ReturnType<ReturnType<typeof notificationRows>['execute']>>[number];

const actorOf = (row: NotificationRowWithActor) =>
  row.actorId === null || row.actorName === null ? null : { id: row.actorId, name: displayName({ name: row.actorName, erasedAt: row.actorErasedAt }) };

export const dataOf = (row: { data: unknown }): NotificationData => parseJson(row.data) as NotificationData;

export function toMailItem(row: NotificationRowWithActor): MailItem | null {
  if (!isNotificationType(row.type)) return null;
  return { eventId: Number(row.eventId), type: row.type, data: dataOf(row), actorName: actorOf(row)?.name ?? null };
}

function present(row: NotificationRowWithActor): Notification | null {
  if (!isNotificationType(row.type)) return null;
  return {
    id: row.id, type: row.type, eventId: Number(row.eventId), createdAt: row.createdAt, read: row.readAt !== null, readAt: row.readAt,
    initiativeId: row.initiativeId, subjectType: row.subjectType, subjectId: row.subjectId, actor: actorOf(row), data: dataOf(row),
  };
}

/** A person's inbox: newest first, unread count, marking read. */
export class InboxService {
  constructor(private readonly ctx: Context) {}

  async list(userId: string, query: InboxQuery): Promise<Inbox> {
    const limit = query.limit ?? 30;
    const cursor = decodeCursor(query.cursor);
    if (cursor !== null && (typeof cursor.id !== 'string' || cursor.id.length > 64)) throw invalidField('/cursor', 'is not a cursor this server issued', 'invalid_cursor');
    let rows = notificationRows(this.ctx.db).where('n.userId', '=', userId);
    if (query.unread === true) rows = rows.where('n.readAt', 'is', null);
    if (cursor !== null) rows = rows.where('n.id', '<', String(cursor.id));
    const found = await rows.orderBy('n.id', 'desc').limit(limit + 1).execute();
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await withholdHidden(this.ctx.db, userId, page.map(present).filter((n): n is Notification => n !== null)),
      nextCursor: found.length > limit && last !== undefined ? encodeCursor({ key: last.id, id: last.id }) : null,
      unreadCount: await this.unreadCount(userId),
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks the given notifications (only the person's own) or all of them as read. */
  async markRead(userId: string, body: ReadBody): Promise<{ marked: number; unreadCount: number }> {
    const all = body.all === true;
    if (all && body.ids !== undefined) throw new AppError(422, 'validation_failed', 'Give either ids or all, not both.', [{ path: '/ids', message: 'must be absent with all', code: 'ids_or_all' }]);
    if (!all && body.ids === undefined) throw new AppError(422, 'validation_failed', 'Say which notifications to mark: ids, or all: true.', [{ path: '/ids', message: 'is required without all', code: 'ids_or_all' }]);
    let update = this.ctx.db.updateTable('notifications').set({ readAt: this.ctx.clock.now().toISOString() }).where('userId', '=', userId).where('readAt', 'is', null);
    if (!all) update = update.where('id', 'in', body.ids ?? []);
    const result = await update.executeTakeFirst();
    return { marked: Number(result.numUpdatedRows), unreadCount: await this.unreadCount(userId) };
  }
}
