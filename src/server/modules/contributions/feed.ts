import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Context } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { invalidField } from '../../lib/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../lib/pagination.js';
import type { InitiativesService } from '../initiatives/service.js';
import { presentSummaries } from './present.js';
import type { ContributionSummary, ListQuery } from './schemas.js';

type Eb = ExpressionBuilder<Database & { c: Database['contributions'] }, 'c'>;
const ID = /^[0-9a-f-]{36}$/;

/**
 * The sort key of each order, as SQL (snake_case: raw SQL bypasses the camel-case plugin),
 * and its direction. Keyset pagination continues after (key, id) of the last row, so every
 * order is stable and pages never repeat or skip. Ids are UUIDv7: ordering by id is by time.
 */
function sortKey(sort: NonNullable<ListQuery['sort']>): { key: RawBuilder<number | string>; desc: boolean; filter?: (eb: Eb) => Expression<SqlBool> } {
  switch (sort) {
    case 'top':
      return { key: sql`c.support_count`, desc: true };
    case 'discussed':
      return { key: sql`c.comment_count`, desc: true };
    case 'trending':
      // Supports in the last week: what people rally behind now (a counter kept exact, see trending.ts).
      return { key: sql`c.recent_support_count`, desc: true };
    case 'controversial':
      // Much discussion for little support: comments per supporter, per mille.
      return { key: sql`(c.comment_count * 1000) / (c.support_count + 1)`, desc: true, filter: (eb) => eb('c.commentCount', '>', 0) };
    case 'unanswered':
      // Waiting longest first, until a steward answers.
      return { key: sql`c.id`, desc: false, filter: (eb) => eb('c.firstResponseAt', 'is', null) };
    case 'new':
      return { key: sql`c.id`, desc: true };
  }
}

/** The initiative's feed for this reader: sorted, filtered, one page at a time. */
export async function listContributions(ctx: Context, initiatives: InitiativesService, actor: Actor | null, initiativeId: string, query: ListQuery): Promise<PageResult<ContributionSummary>> {
  const access = await initiatives.authorize(actor, initiativeId);
  const isHost = access.steward || access.membership?.role === 'owner';
  const limit = query.limit ?? 20;
  const sort = query.sort ?? 'new';
  const { key, desc, filter } = sortKey(sort);
  const cursor = decodeCursor(query.cursor);
  // A cursor is ours only if its key fits the sort: an id for new and unanswered, a whole number otherwise.
  const idKey = sort === 'new' || sort === 'unanswered';
  if (cursor && (!ID.test(String(cursor.id)) || (idKey ? typeof cursor.key !== 'string' || !ID.test(cursor.key) : !Number.isSafeInteger(cursor.key)))) {
    throw invalidField('/cursor', 'is not a cursor this server issued for this sort', 'invalid_cursor');
  }
  let q = ctx.db
    .selectFrom('contributions as c')
    .selectAll('c')
    .select(key.as('sortKey'))
    .where('c.initiativeId', '=', initiativeId);
  if (!isHost) q = q.where((eb) => eb.or([eb('c.hiddenAt', 'is', null), eb('c.authorId', '=', actor?.userId ?? '')]));
  q = query.status === undefined ? q.where('c.mergedIntoId', 'is', null) : q.where('c.status', '=', query.status);
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  if (query.authorKind) q = q.where('c.authorKind', '=', query.authorKind);
  if (query.theme) q = q.where('c.themeId', '=', query.theme);
  if (query.tag) {
    const tag = query.tag;
    q = q.where((eb) => eb.exists(eb.selectFrom('contributionTags as t').select('t.tag').whereRef('t.contributionId', '=', 'c.id').where('t.tag', '=', tag)));
  }
  if (filter) q = q.where((eb) => filter(eb));
  if (cursor) {
    const after = cursor.key;
    const op = desc ? sql.raw('<') : sql.raw('>');
    q = q.where(sql<SqlBool>`(${key} ${op} ${after} or (${key} = ${after} and c.id ${op} ${String(cursor.id)}))`);
  }
  const rows = await q
    .orderBy(key, desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (r) => ({ key: typeof r.sortKey === 'string' ? r.sortKey : Number(r.sortKey), id: r.id }), (r) => r);
  return { items: await presentSummaries(ctx.db, page.items), nextCursor: page.nextCursor };
}
