import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { EventsService } from '../events/service.js';
import { authorsOf } from './access.js';
import type { Contribution } from './schemas.js';
import type { ContributionsService } from './service.js';
import { lockForSupports, recountSupports } from './support.js';

/**
 * Merging duplicates without loss: the source keeps everything it had and points to the
 * target; the target counts the supporters of both once and credits every author of the
 * source. Unmerge puts both back exactly as they were.
 */
export class MergeService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly contributions: ContributionsService,
  ) {}

  async merge(actor: Actor, sourceId: string, targetId: string, reason: string): Promise<Contribution> {
    const source = await this.contributions.access(actor, sourceId);
    if (!source.isHost) throw forbidden('Only the stewards merge contributions.');
    if (sourceId === targetId) throw new AppError(422, 'validation_failed', 'A contribution cannot be merged into itself.', [{ path: '/targetId', message: 'is the contribution itself', code: 'same_contribution' }]);
    const target = await this.contributions.access(actor, targetId).catch(() => null);
    if (target === null || target.contribution.initiativeId !== source.contribution.initiativeId) {
      throw new AppError(422, 'validation_failed', 'Merge into a contribution of the same initiative.', [{ path: '/targetId', message: 'is not a contribution of this initiative', code: 'unknown_contribution' }]);
    }
    if (reason.trim() === '') throw new AppError(422, 'validation_failed', 'Say why these are duplicates.', [{ path: '/reason', message: 'is empty', code: 'required' }]);
    if (source.contribution.mergedIntoId !== null) throw conflict('contribution_merged', 'This contribution is already merged; unmerge it first.');
    if (target.contribution.mergedIntoId !== null) throw conflict('target_merged', 'The target is itself merged into another; merge into that one.');
    const children = await this.ctx.db.selectFrom('contributions').select('id').where('mergedIntoId', '=', sourceId).execute();
    if (children.length > 0) throw conflict('has_merged_contributions', 'Other contributions are merged into this one; merge them into the target directly, or unmerge them first.');
    const now = this.ctx.clock.now().toISOString();
    const targetAuthors = await authorsOf(this.ctx.db, targetId);
    const credited = (await authorsOf(this.ctx.db, sourceId)).filter((userId) => !targetAuthors.includes(userId));
    await this.ctx.db.transaction().execute(async (trx) => {
      await lockForSupports(trx, this.ctx.dialect, targetId);
      await trx.insertInto('merges').values({ id: newId(), sourceId, targetId, sourceStatus: source.contribution.status, reason: reason.trim(), mergedBy: actor.userId, mergedAt: now, unmergedBy: null, unmergedAt: null }).execute();
      await trx.updateTable('contributions').set({ mergedIntoId: targetId, status: 'merged' }).where('id', '=', sourceId).execute();
      if (credited.length > 0) {
        await trx
          .insertInto('contributionAuthors')
          .values(credited.map((userId) => ({ contributionId: targetId, userId, role: 'merged', status: 'accepted', viaContributionId: sourceId, invitedBy: null, createdAt: now, respondedAt: now })))
          .execute();
      }
      const count = await recountSupports(trx, targetId);
      await this.events.record(trx, { type: 'contribution.merged', actorId: actor.userId, orgId: source.contribution.orgId, subjectType: 'contribution', subjectId: sourceId, payload: { initiativeId: source.contribution.initiativeId, targetId, reason: reason.trim(), supportCount: count, credited } });
    });
    this.contributions.textChanged(source.contribution.initiativeId, sourceId);
    return this.contributions.get(actor, targetId);
  }

  async unmerge(actor: Actor, sourceId: string): Promise<Contribution> {
    const source = await this.contributions.access(actor, sourceId);
    if (!source.isHost) throw forbidden('Only the stewards unmerge contributions.');
    const targetId = source.contribution.mergedIntoId;
    if (targetId === null) throw conflict('not_merged', 'This contribution is not merged.');
    const merge = await this.ctx.db.selectFrom('merges').selectAll().where('sourceId', '=', sourceId).where('unmergedAt', 'is', null).orderBy('mergedAt', 'desc').executeTakeFirstOrThrow();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      await lockForSupports(trx, this.ctx.dialect, targetId);
      await trx.updateTable('contributions').set({ mergedIntoId: null, status: merge.sourceStatus }).where('id', '=', sourceId).execute();
      await trx.deleteFrom('contributionAuthors').where('contributionId', '=', targetId).where('viaContributionId', '=', sourceId).execute();
      await trx.updateTable('merges').set({ unmergedBy: actor.userId, unmergedAt: now }).where('id', '=', merge.id).execute();
      const count = await recountSupports(trx, targetId);
      await this.events.record(trx, { type: 'contribution.unmerged', actorId: actor.userId, orgId: source.contribution.orgId, subjectType: 'contribution', subjectId: sourceId, payload: { initiativeId: source.contribution.initiativeId, targetId, supportCount: count } });
    });
    this.contributions.textChanged(source.contribution.initiativeId, sourceId);
    return this.contributions.get(actor, sourceId);
  }
}
