import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import { toPage, decodeCursor, type PageResult } from '../../lib/pagination.js';
import { insertEvent, listOrgEvents, type EventWithActor } from './repository.js';
import type { EventItem } from './schemas.js';

/** A domain event: what happened, to what, by whom. Written in the transaction of the change. */
export interface DomainEvent {
  type: string;
  actorId: string | null;
  orgId: string | null;
  subjectType: string;
  subjectId: string;
  payload?: Record<string, unknown>;
}

const present = (row: EventWithActor): EventItem => ({
  id: row.id,
  time: row.time,
  actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? '' },
  orgId: row.orgId,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  subjectName: row.subjectName,
  type: row.type,
  payload: parseJson(row.payload) as Record<string, unknown>,
});

/** The append-only events table: audit log now, outbox for dispatch later. */
export class EventsService {
  constructor(private readonly ctx: Context) {}

  /** Appends an event and answers its id; `trx` must be the transaction of the change it describes. */
  async record(trx: Db, event: DomainEvent): Promise<number> {
    return insertEvent(trx, {
      time: this.ctx.clock.now().toISOString(),
      actorId: event.actorId,
      orgId: event.orgId,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      type: event.type,
      payload: JSON.stringify(event.payload ?? {}),
    });
  }

  /** Newest first. Access is checked by the caller (owners only). */
  async listForOrg(orgId: string, query: { cursor?: string; limit?: number; type?: string }): Promise<PageResult<EventItem>> {
    const limit = query.limit ?? 50;
    const rows = await listOrgEvents(this.ctx.db, orgId, { type: query.type, after: decodeCursor(query.cursor), limit });
    return toPage(rows, limit, (row) => ({ key: row.id, id: row.id }), present);
  }
}
