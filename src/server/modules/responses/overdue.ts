import type { Context } from '../../context.js';
import type { EventsService } from '../events/service.js';

const HOUR = 3_600_000;

/**
 * Finds contributions waiting past their initiative's response target and alerts its
 * stewards once (a `contribution.overdue` event, which notifications deliver in-app and by
 * e-mail). Safe to run from several workers: the alert is claimed by a conditional update.
 */
export async function alertOverdue(ctx: Context, events: EventsService, limit = 500): Promise<number> {
  const now = ctx.clock.now();
  const candidates = await ctx.db
    .selectFrom('contributions as c')
    .innerJoin('initiatives as i', 'i.id', 'c.initiativeId')
    .select(['c.id', 'c.orgId', 'c.initiativeId', 'c.title', 'c.createdAt', 'i.responseTargetHours'])
    .where('c.firstResponseAt', 'is', null)
    .where('c.overdueAlertedAt', 'is', null)
    .where('c.mergedIntoId', 'is', null)
    .where('c.hiddenAt', 'is', null)
    .where('i.status', '=', 'open')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  let alerted = 0;
  for (const c of candidates.filter((row) => now.getTime() - Date.parse(row.createdAt) > row.responseTargetHours * HOUR)) {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('contributions').set({ overdueAlertedAt: now.toISOString() }).where('id', '=', c.id).where('overdueAlertedAt', 'is', null).where('firstResponseAt', 'is', null).executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return;
      const stewards = await trx.selectFrom('initiativeStewards').select('userId').where('initiativeId', '=', c.initiativeId).execute();
      const waitingHours = Math.floor((now.getTime() - Date.parse(c.createdAt)) / HOUR);
      await events.record(trx, {
        type: 'contribution.overdue', actorId: null, orgId: c.orgId, subjectType: 'contribution', subjectId: c.id,
        payload: { initiativeId: c.initiativeId, title: c.title, waitingHours, targetHours: c.responseTargetHours, stewardIds: stewards.map((s) => s.userId) },
      });
      alerted++;
    });
  }
  return alerted;
}
