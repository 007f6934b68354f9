import type { Db } from '../../db/database.js';
import type { EventRow } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';
import { reusable } from '../../db/reusable.js';

// Every write appends one: compiled once (see db/reusable.ts).
type EventValues = { time: string; actorId: string | null; orgId: string | null; subjectType: string; subjectId: string; type: string; payload: string };
const insert = reusable((db, e: EventValues) =>
  db.insertInto('events').values({ time: e.time, actorId: e.actorId, orgId: e.orgId, subjectType: e.subjectType, subjectId: e.subjectId, type: e.type, payload: e.payload }).returning('id'),
);

/** Appends the event; answers its id. */
export const insertEvent = async (db: Db, event: EventValues): Promise<number> => Number((await insert.one(db, event)).id);

export interface EventWithActor extends EventRow {
  actorName: string | null;
  subjectName: string | null;
}

export async function listOrgEvents(
  db: Db,
  orgId: string,
  filter: { type?: string | undefined; after: Cursor | null; limit: number },
): Promise<EventWithActor[]> {
  let query = db
    .selectFrom('events')
    .leftJoin('users as actors', 'actors.id', 'events.actorId')
    .leftJoin('users as subjects', (join) => join.onRef('subjects.id', '=', 'events.subjectId').on('events.subjectType', '=', 'user'))
    .selectAll('events')
    .select(['actors.name as actorName', 'subjects.name as subjectName'])
    .where('events.orgId', '=', orgId);
  if (filter.type !== undefined) query = query.where('events.type', '=', filter.type);
  if (filter.after !== null) query = query.where('events.id', '<', Number(filter.after.id));
  return query.orderBy('events.id', 'desc').limit(filter.limit + 1).execute();
}
