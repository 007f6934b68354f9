import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { presentSummaries } from '../contributions/present.js';
import { STATUSES } from '../contributions/schemas.js';
import type { InitiativesService } from '../initiatives/service.js';
import { responseTimes } from './metrics.js';
import { presentResponse, responseRows } from './service.js';

const PER_STATUS = 50;
/** Final and advanced statuses first: what people most want to know is what came of their input. */
const ORDER = ['delivered', 'in_development', 'accepted', 'under_review', 'not_now', 'declined', 'received', 'merged'] as const;

/** "What we did with your input": every visible contribution by status, with its latest response and the updates about it. */
export async function accountability(ctx: Context, initiatives: InitiativesService, actor: Actor | null, initiativeId: string) {
  await initiatives.authorize(actor, initiativeId);
  const times = await responseTimes(ctx, initiatives, actor, initiativeId);
  const counts = await ctx.db
    .selectFrom('contributions')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('initiativeId', '=', initiativeId)
    .where('hiddenAt', 'is', null)
    .groupBy('status')
    .execute();
  const groups = [];
  for (const status of ORDER.filter((s) => STATUSES.includes(s))) {
    const count = Number(counts.find((c) => c.status === status)?.n ?? 0);
    if (count === 0) continue;
    const rows = await ctx.db.selectFrom('contributions').selectAll().where('initiativeId', '=', initiativeId).where('hiddenAt', 'is', null).where('status', '=', status).orderBy('supportCount', 'desc').orderBy('id').limit(PER_STATUS).execute();
    const ids = rows.map((r) => r.id);
    const [summaries, responses, updates] = await Promise.all([
      presentSummaries(ctx.db, rows),
      responseRows(ctx.db).where('r.contributionId', 'in', [...ids, '']).orderBy('r.id', 'desc').execute(),
      ctx.db.selectFrom('updateLinks as l').innerJoin('updates as up', 'up.id', 'l.updateId').select(['l.contributionId', 'up.id', 'up.title', 'up.createdAt']).where('l.contributionId', 'in', [...ids, '']).orderBy('up.id').execute(),
    ]);
    groups.push({
      status,
      count,
      items: summaries.map((contribution) => {
        const latest = responses.find((r) => r.contributionId === contribution.id);
        return {
          contribution,
          response: latest ? presentResponse(latest) : null,
          updates: updates.filter((u) => u.contributionId === contribution.id).map((u) => ({ id: u.id, title: u.title, createdAt: u.createdAt })),
        };
      }),
    });
  }
  return { responseTimes: times, groups };
}
