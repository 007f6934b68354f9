import type { Db } from '../../db/database.js';
import { displayName, excerptOf } from '../contributions/present.js';
import type { AppealBrief, SubjectSummary, SubjectType } from './schemas.js';

export interface SubjectRef {
  type: SubjectType;
  id: string;
}

/** What the moderation lists show of many subjects, with two queries. */
export async function summarise(db: Db, refs: SubjectRef[]): Promise<Map<string, SubjectSummary>> {
  const ids = (type: SubjectType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id)), ''];
  const [contributions, comments] = await Promise.all([
    db
      .selectFrom('contributions as c')
      .innerJoin('users as u', 'u.id', 'c.authorId')
      .select(['c.id', 'c.initiativeId', 'c.title', 'c.body', 'c.hiddenAt', 'c.authorId', 'u.name', 'u.erasedAt'])
      .where('c.id', 'in', ids('contribution'))
      .execute(),
    db
      .selectFrom('comments as m')
      .innerJoin('contributions as c', 'c.id', 'm.contributionId')
      .innerJoin('users as u', 'u.id', 'm.authorId')
      .select(['m.id', 'm.contributionId', 'c.initiativeId', 'c.title', 'm.body', 'm.hiddenAt', 'm.authorId', 'u.name', 'u.erasedAt'])
      .where('m.id', 'in', ids('comment'))
      .execute(),
  ]);
  const out = new Map<string, SubjectSummary>();
  for (const c of contributions) {
    out.set(c.id, { type: 'contribution', id: c.id, contributionId: c.id, initiativeId: c.initiativeId, title: c.title, excerpt: excerptOf(c.body), author: { id: c.authorId, name: displayName(c) }, hidden: c.hiddenAt !== null });
  }
  for (const m of comments) {
    out.set(m.id, { type: 'comment', id: m.id, contributionId: m.contributionId, initiativeId: m.initiativeId, title: m.title, excerpt: excerptOf(m.body), author: { id: m.authorId, name: displayName(m) }, hidden: m.hiddenAt !== null });
  }
  return out;
}

/** A summary that must exist: rows are never deleted, so a missing one is a bug. */
export function summaryOf(summaries: Map<string, SubjectSummary>, id: string): SubjectSummary {
  const summary = summaries.get(id);
  if (summary === undefined) throw new Error(`moderation subject ${id} has no row`);
  return summary;
}

/** Why each hidden subject is hidden (visible ones are absent). */
export async function hiddenReasons(db: Db, refs: SubjectRef[]): Promise<Map<string, string>> {
  const ids = (type: SubjectType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id)), ''];
  const rows = await Promise.all([
    db.selectFrom('contributions').select(['id', 'hiddenReason']).where('id', 'in', ids('contribution')).where('hiddenAt', 'is not', null).execute(),
    db.selectFrom('comments').select(['id', 'hiddenReason']).where('id', 'in', ids('comment')).where('hiddenAt', 'is not', null).execute(),
  ]);
  return new Map(rows.flat().map((r) => [r.id, r.hiddenReason ?? '']));
}

/** The latest appeal on each subject. */
export async function latestAppeals(db: Db, subjectIds: string[]): Promise<Map<string, AppealBrief>> {
  const rows = await db
    .selectFrom('appeals')
    .select(['id', 'subjectId', 'status', 'text', 'decisionNote', 'createdAt', 'decidedAt'])
    .where('subjectId', 'in', [...subjectIds, ''])
    .orderBy('id')
    .execute();
  return new Map(rows.map(({ subjectId, ...a }) => [subjectId, { ...a, status: a.status as AppealBrief['status'] }]));
}
