import { sql, type Expression, type SqlBool } from 'kysely';
import { parseJson, type Db, type Dialect } from '../../db/database.js';
import type { EventRow, NotificationRow } from '../../db/schema.js';
import type { StoredEvent } from '../dispatch/dispatcher.js';

/** Replays are bounded: at most this many messages … */
export const REPLAY_LIMIT = 1_000;
/** … from at most this far back. */
export const REPLAY_MS = 24 * 3_600_000;
/** A replay scans at most this many event ids (the primary key range), whatever the client sends. */
const REPLAY_SCAN = 200_000;

export const toStored = (row: EventRow): StoredEvent => ({ ...row, id: Number(row.id), payload: parseJson(row.payload) as Record<string, unknown> });

/** `user_id` is one of `users`, as one parameter on both dialects (any number of users). */
export function userIn(dialect: Dialect, users: readonly string[]): Expression<SqlBool> {
  return dialect === 'postgres' ? sql<SqlBool>`user_id = any(${[...users]})` : sql<SqlBool>`user_id in (select value from json_each(${JSON.stringify(users)}))`;
}

const initiativeOfPayload = (dialect: Dialect) => (dialect === 'postgres' ? sql<string>`payload->>'initiativeId'` : sql<string>`json_extract(payload, '$.initiativeId')`);

export async function eventsAfter(db: Db, cursor: number, limit: number): Promise<StoredEvent[]> {
  return (await db.selectFrom('events').selectAll().where('id', '>', cursor).orderBy('id').limit(limit).execute()).map(toStored);
}

export async function lastEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * The events of one initiative in (after, upTo], oldest first, bounded by REPLAY_LIMIT and
 * REPLAY_MS. `truncated` when some could not be replayed: the client should refetch instead.
 */
export async function initiativeEventsBetween(db: Db, dialect: Dialect, initiativeId: string, after: number, upTo: number, now: Date): Promise<{ events: StoredEvent[]; truncated: boolean }> {
  if (after >= upTo) return { events: [], truncated: false };
  const since = new Date(now.getTime() - REPLAY_MS).toISOString();
  const lower = Math.max(after, upTo - REPLAY_SCAN);
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '>', lower)
    .where('id', '<=', upTo)
    .where('time', '>=', since)
    .where((eb) => eb.or([eb.and([eb('subjectType', '=', 'initiative'), eb('subjectId', '=', initiativeId)]), eb(initiativeOfPayload(dialect), '=', initiativeId)]))
    .orderBy('id', 'desc')
    .limit(REPLAY_LIMIT + 1)
    .execute();
  let truncated = lower > after || rows.length > REPLAY_LIMIT;
  if (!truncated) {
    const first = await db.selectFrom('events').select('time').where('id', '>', after).orderBy('id').limit(1).executeTakeFirst();
    truncated = first !== undefined && first.time < since;
  }
  return { events: rows.slice(0, REPLAY_LIMIT).reverse().map(toStored), truncated };
}

/** A person's notifications for events after `afterEventId`, oldest first, bounded like the events replay. */
export async function notificationsAfter(db: Db, userId: string, afterEventId: number, now: Date, limit = REPLAY_LIMIT): Promise<{ rows: NotificationRow[]; truncated: boolean }> {
  const since = new Date(now.getTime() - REPLAY_MS).toISOString();
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', userId)
    .where('eventId', '>', afterEventId)
    .where('createdAt', '>=', since)
    .orderBy('eventId', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).reverse().map((r) => ({ ...r, eventId: Number(r.eventId) })), truncated: rows.length > limit };
}

/** The event ids of a person's notifications written after the notification id `afterId`. */
export async function recentNotificationEvents(db: Db, userId: string, afterId: string): Promise<number[]> {
  const rows = await db.selectFrom('notifications').select('eventId').where('userId', '=', userId).where('id', '>', afterId).execute();
  return rows.map((r) => Number(r.eventId));
}

/** New notification rows of `users` after the notification id `afterId`, in id (creation) order. */
export async function notificationsOf(db: Db, dialect: Dialect, users: readonly string[], afterId: string, limit: number): Promise<NotificationRow[]> {
  const rows = await db.selectFrom('notifications').selectAll().where('id', '>', afterId).where(userIn(dialect, users)).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...r, eventId: Number(r.eventId) }));
}

/** Unread notifications per person, one query for all of them. */
export async function unreadCounts(db: Db, dialect: Dialect, users: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(users.map((u) => [u, 0]));
  if (users.length === 0) return counts;
  const rows = await db
    .selectFrom('notifications')
    .select((eb) => ['userId', eb.fn.countAll().as('n')])
    .where(userIn(dialect, users))
    .where('readAt', 'is', null)
    .groupBy('userId')
    .execute();
  for (const row of rows) counts.set(row.userId, Number(row.n));
  return counts;
}

/** The smallest UUIDv7 of a millisecond: ids compare as text in creation-time order. */
export function uuidFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8)}-0000-0000-000000000000`;
}
