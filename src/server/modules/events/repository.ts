import type { Db } from '../../db/database.js';
import type { EventRow, NewEvent } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';

export const insertEvent = (db: Db, event: NewEvent) => db.insertInto('events').values(event).execute();

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
