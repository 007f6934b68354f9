import type { Context } from '../../context.js';
import { TRENDING_DAYS } from '../../db/migrations/0006_counters.js';

/** Supports settled per transaction: short transactions let requests in between. */
const BATCH = 2_000;

/**
 * Moves the trending window forward to a week before now: supports older than that stop
 * counting. In each transaction it takes the affected contributions' row locks first (the
 * lock support writers take, PostgreSQL), clears the supports' `in_window` flags and takes
 * exactly the cleared supports off `recent_support_count`. The flag is the truth, so a retract
 * racing the sweep subtracts a support at most once. Returns how many supports aged out.
 */
export async function advanceTrendingWindow(ctx: Pick<Context, 'db' | 'dialect' | 'clock'>): Promise<number> {
  const since = new Date(ctx.clock.now().getTime() - TRENDING_DAYS * 86_400_000).toISOString();
  const window = await ctx.db.selectFrom('trendingWindow').select('since').where('id', '=', 1).executeTakeFirst();
  if (window === undefined || new Date(window.since).toISOString() >= since) return 0;
  let aged = 0;
  for (;;) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      // The oldest supports still counted, through the partial index on in-window supports.
      const due = await trx.selectFrom('supports').select(['contributionId', 'userId']).where('inWindow', '=', 1).where('createdAt', '<', since).orderBy('createdAt').limit(BATCH).execute();
      if (due.length === 0) return true;
      const ids = [...new Set(due.map((r) => r.contributionId))].sort();
      if (ctx.dialect === 'postgres') await trx.selectFrom('contributions').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
      // By primary key, and only those still counted and still old: a support retracted meanwhile is gone, one
      // given again since is new, one cleared already is skipped.
      const cleared = await trx
        .updateTable('supports')
        .set({ inWindow: 0 })
        .where('inWindow', '=', 1)
        .where('createdAt', '<', since)
        .where((eb) => eb(eb.refTuple('contributionId', 'userId'), 'in', due.map((r) => eb.tuple(r.contributionId, r.userId))))
        .returning('contributionId')
        .execute();
      const counts = new Map<string, number>();
      for (const row of cleared) counts.set(row.contributionId, (counts.get(row.contributionId) ?? 0) + 1);
      for (const [id, n] of counts) await trx.updateTable('contributions').set((eb) => ({ recentSupportCount: eb('recentSupportCount', '-', n) })).where('id', '=', id).execute();
      aged += cleared.length;
      return false;
    });
    if (done) break;
  }
  await ctx.db.updateTable('trendingWindow').set({ since }).where('id', '=', 1).execute();
  return aged;
}
