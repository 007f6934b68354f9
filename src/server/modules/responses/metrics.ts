import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { decodeCursor, encodeCursor, type PageQuery } from '../../lib/pagination.js';
import { presentSummaries } from '../contributions/present.js';
import type { InitiativesService } from '../initiatives/service.js';
import type { ResponseTimes } from './schemas.js';

const HOUR = 3_600_000;
const round = (n: number) => Math.round(n * 10) / 10;

/** The value below which `p` of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

/** How fast an initiative answers: median and 90th percentile time to first response, and the share within target. */
export async function responseTimes(ctx: Context, initiatives: InitiativesService, actor: Actor | null, initiativeId: string): Promise<ResponseTimes> {
  const { initiative } = await initiatives.authorize(actor, initiativeId);
  const rows = await ctx.db
    .selectFrom('contributions')
    .select(['createdAt', 'firstResponseAt'])
    .where('initiativeId', '=', initiativeId)
    .where('mergedIntoId', 'is', null)
    .where('hiddenAt', 'is', null)
    .execute();
  const now = ctx.clock.now().getTime();
  const target = initiative.responseTargetHours * HOUR;
  const answered = rows.filter((r) => r.firstResponseAt !== null).map((r) => Date.parse(r.firstResponseAt ?? '') - Date.parse(r.createdAt)).sort((a, b) => a - b);
  const waiting = rows.filter((r) => r.firstResponseAt === null).map((r) => now - Date.parse(r.createdAt));
  const overdue = waiting.filter((w) => w > target).length;
  const due = answered.length + overdue;
  const median = percentile(answered, 0.5);
  const p90 = percentile(answered, 0.9);
  return {
    targetHours: initiative.responseTargetHours,
    answered: answered.length,
    waiting: waiting.length,
    overdue,
    medianHours: median === null ? null : round(median / HOUR),
    p90Hours: p90 === null ? null : round(p90 / HOUR),
    withinTargetShare: due === 0 ? null : round((answered.filter((a) => a <= target).length / due) * 1000) / 1000,
  };
}

/** The stewards' queue: contributions without a first response, longest waiting first. */
export async function waitingQueue(ctx: Context, initiatives: InitiativesService, actor: Actor, initiativeId: string, query: PageQuery) {
  const access = await initiatives.authorize(actor, initiativeId);
  if (!(access.steward || access.membership?.role === 'owner')) throw forbidden('The queue of unanswered contributions is for the stewards.');
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  let q = ctx.db
    .selectFrom('contributions')
    .selectAll()
    .where('initiativeId', '=', initiativeId)
    .where('firstResponseAt', 'is', null)
    .where('mergedIntoId', 'is', null)
    .where('hiddenAt', 'is', null);
  if (cursor) q = q.where('id', '>', String(cursor.id));
  const rows = await q.orderBy('id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const summaries = await presentSummaries(ctx.db, page);
  const now = ctx.clock.now().getTime();
  const target = access.initiative.responseTargetHours * HOUR;
  const last = page[page.length - 1];
  return {
    items: summaries.map((s, i) => {
      const waited = now - Date.parse(page[i]?.createdAt ?? s.createdAt);
      return { ...s, waitingHours: round(waited / HOUR), overdue: waited > target };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.id, id: last.id }) : null,
  };
}
