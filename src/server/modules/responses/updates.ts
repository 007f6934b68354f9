import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { decodeCursor, encodeCursor, type PageQuery } from '../../lib/pagination.js';
import { displayName } from '../contributions/present.js';
import type { EventsService } from '../events/service.js';
import type { InitiativesService } from '../initiatives/service.js';
import type { CreateUpdateBody, Update } from './schemas.js';

/** Progress reports from the hosts, linked to the contributions they are about. */
export class UpdatesService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
  ) {}

  async publish(actor: Actor, initiativeId: string, body: CreateUpdateBody): Promise<Update> {
    const access = await this.initiatives.authorize(actor, initiativeId, 'edit');
    if (access.initiative.status === 'draft' || access.initiative.status === 'discarded') throw new AppError(409, 'initiative_not_launched', 'Updates are for launched initiatives.');
    const ids = body.contributionIds ?? [];
    const found = new Set((await this.ctx.db.selectFrom('contributions').select('id').where('initiativeId', '=', initiativeId).where('id', 'in', [...ids, '']).execute()).map((r) => r.id));
    const unknown = ids.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
    if (unknown.length > 0) throw new AppError(422, 'validation_failed', 'Link contributions of this initiative.', unknown.map(({ i }) => ({ path: `/contributionIds/${i}`, message: 'is not a contribution of this initiative', code: 'unknown_contribution' })));
    if (body.title.trim().length < 3) throw new AppError(422, 'validation_failed', 'Give the update a title.', [{ path: '/title', message: 'needs at least 3 characters besides spaces', code: 'too_short' }]);
    if (body.body.trim() === '') throw new AppError(422, 'validation_failed', 'Write the update.', [{ path: '/body', message: 'is empty', code: 'required' }]);
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('updates').values({ id, initiativeId, authorId: actor.userId, title: body.title.trim(), body: body.body, createdAt: now, updatedAt: now }).execute();
      if (ids.length > 0) await trx.insertInto('updateLinks').values(ids.map((contributionId) => ({ updateId: id, contributionId }))).execute();
      await this.events.record(trx, { type: 'update.published', actorId: actor.userId, orgId: access.org.id, subjectType: 'update', subjectId: id, payload: { initiativeId, title: body.title.trim(), contributionIds: ids } });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor | null, id: string): Promise<Update> {
    const row = await this.ctx.db.selectFrom('updates').select('initiativeId').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError(404, 'not_found', 'The update was not found.');
    await this.initiatives.authorize(actor, row.initiativeId).catch(() => {
      throw new AppError(404, 'not_found', 'The update was not found.');
    });
    const [update] = await presentUpdates(this.ctx.db, [id]);
    if (!update) throw new AppError(404, 'not_found', 'The update was not found.');
    return update;
  }

  /** Newest first. */
  async list(actor: Actor | null, initiativeId: string, query: PageQuery) {
    await this.initiatives.authorize(actor, initiativeId);
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    let q = this.ctx.db.selectFrom('updates').select('id').where('initiativeId', '=', initiativeId);
    if (cursor) q = q.where('id', '<', String(cursor.id));
    const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await presentUpdates(this.ctx.db, page.map((r) => r.id)), nextCursor: rows.length > limit && last ? encodeCursor({ key: last.id, id: last.id }) : null };
  }
}

/** Updates with their author and linked contributions, in the order of `ids`. */
export async function presentUpdates(db: Db, ids: string[]): Promise<Update[]> {
  if (ids.length === 0) return [];
  const [rows, links] = await Promise.all([
    db.selectFrom('updates as up').innerJoin('users as u', 'u.id', 'up.authorId').selectAll('up').select(['u.name', 'u.erasedAt']).where('up.id', 'in', ids).execute(),
    db
      .selectFrom('updateLinks as l')
      .innerJoin('contributions as c', 'c.id', 'l.contributionId')
      .select(['l.updateId', 'c.id', 'c.title', 'c.kind', 'c.status'])
      .where('l.updateId', 'in', ids)
      .where('c.hiddenAt', 'is', null)
      .orderBy('c.id')
      .execute(),
  ]);
  return ids.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    return [{
      id: row.id, initiativeId: row.initiativeId, title: row.title, body: row.body, bodyHtml: renderMarkdown(row.body),
      author: { id: row.authorId, name: displayName(row) },
      contributions: links.filter((l) => l.updateId === id).map((l) => ({ id: l.id, title: l.title, kind: l.kind, status: l.status })),
      createdAt: row.createdAt,
    }];
  });
}
