import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import { decodeTimeCursor } from './cursor.js';
import type { MyHiddenItem, SubjectType } from './schemas.js';
import { latestAppeals, summarise, summaryOf } from './summaries.js';

interface HiddenRow {
  type: SubjectType;
  id: string;
  hiddenAt: string;
  reason: string;
}

/**
 * What the hosts hid of the actor's contributions (as author or co-author) and comments, most
 * recently hidden first, with the reason and where their appeal stands.
 */
export async function myHidden(db: Db, actor: Actor, query: PageQuery): Promise<PageResult<MyHiddenItem>> {
  const limit = query.limit ?? 50;
  const cursor = decodeTimeCursor(query.cursor);
  const after = (table: 'c' | 'm') =>
    cursor === null ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.ref(`${table}.hidden_at`)} < ${cursor.at} or (${sql.ref(`${table}.hidden_at`)} = ${cursor.at} and ${sql.ref(`${table}.id`)} < ${cursor.id}))`;
  const [contributions, comments] = await Promise.all([
    db
      .selectFrom('contributions as c')
      .select(['c.id', 'c.hiddenAt', 'c.hiddenReason'])
      .where('c.hiddenAt', 'is not', null)
      .where((eb) => eb.exists(eb.selectFrom('contributionAuthors as a').select('a.userId').whereRef('a.contributionId', '=', 'c.id').where('a.userId', '=', actor.userId).where('a.role', 'in', ['author', 'coauthor']).where('a.status', '=', 'accepted')))
      .where(after('c'))
      .orderBy('c.hiddenAt', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute(),
    db
      .selectFrom('comments as m')
      .select(['m.id', 'm.hiddenAt', 'm.hiddenReason'])
      .where('m.hiddenAt', 'is not', null)
      .where('m.authorId', '=', actor.userId)
      .where(after('m'))
      .orderBy('m.hiddenAt', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit + 1)
      .execute(),
  ]);
  const rows: HiddenRow[] = [
    ...contributions.map((r) => ({ type: 'contribution' as const, id: r.id, hiddenAt: r.hiddenAt ?? '', reason: r.hiddenReason ?? '' })),
    ...comments.map((r) => ({ type: 'comment' as const, id: r.id, hiddenAt: r.hiddenAt ?? '', reason: r.hiddenReason ?? '' })),
  ]
    .sort((a, b) => (a.hiddenAt === b.hiddenAt ? (a.id < b.id ? 1 : -1) : a.hiddenAt < b.hiddenAt ? 1 : -1))
    .slice(0, limit + 1);
  const [summaries, appeals] = await Promise.all([summarise(db, rows), latestAppeals(db, rows.map((r) => r.id))]);
  return toPage(rows, limit, (r) => ({ key: r.hiddenAt, id: r.id }), (r) => {
    const appeal = appeals.get(r.id) ?? null;
    return { subject: summaryOf(summaries, r.id), reason: r.reason, hiddenAt: r.hiddenAt, appeal, canAppeal: appeal?.status !== 'open' };
  });
}
