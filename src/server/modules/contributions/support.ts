import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { GroupCommit } from '../../db/group-commit.js';
import { reusable } from '../../db/reusable.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { EventsService } from '../events/service.js';
import type { ParticipationGate } from '../initiatives/participation.js';
import type { InitiativesService } from '../initiatives/service.js';
import type { ContributionsService } from './service.js';

/**
 * The statements of supporting and retracting, compiled once (db/reusable.ts): at thousands of
 * supports a second, building and compiling them anew was most of the server's time.
 */
const q = {
  lock: reusable((db, p: { id: string }) => db.selectFrom('contributions').select('id').where('id', '=', p.id).forUpdate()),
  count: reusable((db, p: { id: string }) => db.selectFrom('contributions').select('supportCount').where('id', '=', p.id)),
  insert: reusable((db, p: { id: string; userId: string; now: string }) =>
    db.insertInto('supports').values({ contributionId: p.id, userId: p.userId, createdAt: p.now, inWindow: 1 }).onConflict((oc) => oc.doNothing()),
  ),
  // A person counts once over this contribution and what was merged into it: one more unless
  // they already support something merged into it (checked in the same statement).
  addSupporter: reusable((db, p: { id: string; userId: string; now: string }) =>
    db
      .updateTable('contributions')
      .set((eb) => ({
        supportCount: eb('supportCount', '+', eb.case()
          .when(eb.exists(eb.selectFrom('supports as s').innerJoin('contributions as m', 'm.id', 's.contributionId').select('s.userId').where('m.mergedIntoId', '=', p.id).where('s.userId', '=', p.userId)))
          .then(eb.lit(0)).else(eb.lit(1)).end()),
        recentSupportCount: eb('recentSupportCount', '+', eb.lit(1)),
        lastActivityAt: p.now,
      }))
      .where('id', '=', p.id)
      .returning('supportCount'),
  ),
  // The person's supports here and on what was merged into it.
  remove: reusable((db, p: { id: string; userId: string }) =>
    db
      .deleteFrom('supports')
      .where('userId', '=', p.userId)
      .where('contributionId', 'in', (eb) => eb.selectFrom('contributions').select('id').where((w) => w.or([w('id', '=', p.id), w('mergedIntoId', '=', p.id)])))
      .returning(['contributionId', 'inWindow']),
  ),
  removeSupporter: reusable((db, p: { id: string }) =>
    db.updateTable('contributions').set((eb) => ({ supportCount: eb('supportCount', '-', eb.lit(1)) })).where('id', '=', p.id).returning('supportCount'),
  ),
  removeSupporterInWindow: reusable((db, p: { id: string }) =>
    db.updateTable('contributions').set((eb) => ({ supportCount: eb('supportCount', '-', eb.lit(1)), recentSupportCount: eb('recentSupportCount', '-', eb.lit(1)) })).where('id', '=', p.id).returning('supportCount'),
  ),
  leaveWindow: reusable((db, p: { id: string }) => db.updateTable('contributions').set((eb) => ({ recentSupportCount: eb('recentSupportCount', '-', eb.lit(1)) })).where('id', '=', p.id)),
};

/**
 * Takes the contribution's row lock for the rest of the transaction (PostgreSQL), so writers
 * of its supports go one at a time and each recount sees the rows the one before committed.
 * SQLite runs one write transaction at a time already.
 */
export async function lockForSupports(trx: Db, dialect: Context['dialect'], contributionId: string): Promise<void> {
  if (dialect === 'postgres') await q.lock.run(trx, { id: contributionId });
}

/**
 * Recounts a contribution's supporters from the rows themselves: distinct people over it and
 * every contribution merged into it (merging and unmerging). Supporting and retracting move the
 * counter by one instead, under the same lock: a recount of a contribution with 100,000
 * supporters on every click was the bottleneck at scale (docs/benchmarks.md).
 */
export async function recountSupports(trx: Db, contributionId: string): Promise<number> {
  const merged = (await trx.selectFrom('contributions').select('id').where('mergedIntoId', '=', contributionId).execute()).map((r) => r.id);
  const row = await trx
    .selectFrom('supports')
    .select((eb) => eb.fn.count<number>('userId').distinct().as('n'))
    .where('contributionId', 'in', [contributionId, ...merged])
    .executeTakeFirstOrThrow();
  const count = Number(row.n);
  await trx.updateTable('contributions').set({ supportCount: count }).where('id', '=', contributionId).execute();
  return count;
}

/** Support (one per person, retractable) and follow. */
export class SupportService {
  /** Supports and retractions arriving together commit together on SQLite (db/group-commit.ts). */
  private readonly writes: GroupCommit;

  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly contributions: ContributionsService,
    private readonly gate: ParticipationGate,
    private readonly initiatives: InitiativesService,
  ) {
    this.writes = new GroupCommit(ctx.db, ctx.dialect);
  }

  async support(actor: Actor, id: string): Promise<{ supported: boolean; supportCount: number }> {
    const access = await this.contributions.accessBrief(actor, id);
    const c = access.contribution;
    await this.gate.require(actor, c.initiativeId, 'support', access);
    if (c.mergedIntoId !== null) throw new AppError(409, 'contribution_merged', 'This contribution was merged into another; support that one.', [{ path: '/mergedInto', message: c.mergedIntoId, code: 'contribution_merged' }]);
    if (c.hiddenAt !== null) throw new AppError(409, 'contribution_hidden', 'A hidden contribution cannot be supported.');
    if (access.isAuthor) throw new AppError(409, 'own_contribution', 'You wrote this one: support counts what others think of it.');
    const now = this.ctx.clock.now().toISOString();
    const supportCount = await this.writes.run(async (trx) => {
      await lockForSupports(trx, this.ctx.dialect, id);
      if ((await q.insert.run(trx, { id, userId: actor.userId, now })) === 0) return (await q.count.one(trx, { id })).supportCount;
      const { supportCount: count } = await q.addSupporter.one(trx, { id, userId: actor.userId, now });
      await this.events.record(trx, { type: 'contribution.supported', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId, supportCount: count } });
      return count;
    });
    return { supported: true, supportCount };
  }

  /** Retracting removes the person's support wherever it counts: here and on what was merged into it. */
  async retract(actor: Actor, id: string): Promise<{ supported: boolean; supportCount: number }> {
    const access = await this.contributions.accessBrief(actor, id);
    const c = access.contribution;
    const supportCount = await this.writes.run(async (trx) => {
      await lockForSupports(trx, this.ctx.dialect, id);
      const deleted = await q.remove.all(trx, { id, userId: actor.userId });
      if (deleted.length === 0) return (await q.count.one(trx, { id })).supportCount;
      // The person counted once here; each deleted support still in the trending window counted on its own contribution.
      const here = deleted.some((d) => d.contributionId === id && d.inWindow === 1);
      const { supportCount: count } = await (here ? q.removeSupporterInWindow : q.removeSupporter).one(trx, { id });
      for (const row of deleted.filter((d) => d.contributionId !== id && d.inWindow === 1)) await q.leaveWindow.run(trx, { id: row.contributionId });
      await this.events.record(trx, { type: 'contribution.support_retracted', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId, supportCount: count } });
      return count;
    });
    return { supported: false, supportCount };
  }

  async followContribution(actor: Actor, id: string, following: boolean): Promise<{ following: boolean }> {
    await this.contributions.access(actor, id);
    return this.setFollow(actor, 'contribution', id, following);
  }

  async followInitiative(actor: Actor, id: string, following: boolean): Promise<{ following: boolean }> {
    await this.initiatives.authorize(actor, id);
    return this.setFollow(actor, 'initiative', id, following);
  }

  private async setFollow(actor: Actor, subjectType: 'contribution' | 'initiative', subjectId: string, following: boolean) {
    if (following) {
      await this.ctx.db.insertInto('follows').values({ userId: actor.userId, subjectType, subjectId, createdAt: this.ctx.clock.now().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
    } else {
      await this.ctx.db.deleteFrom('follows').where('userId', '=', actor.userId).where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).execute();
    }
    return { following };
  }

  async isFollowingInitiative(actor: Actor | null, id: string): Promise<{ following: boolean }> {
    await this.initiatives.authorize(actor, id);
    if (actor === null) return { following: false };
    const row = await this.ctx.db.selectFrom('follows').select('userId').where('userId', '=', actor.userId).where('subjectType', '=', 'initiative').where('subjectId', '=', id).executeTakeFirst();
    return { following: row !== undefined };
  }
}
