import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { authorsOf } from '../contributions/access.js';
import { displayName } from '../contributions/present.js';
import type { ContributionsService } from '../contributions/service.js';
import type { EventsService } from '../events/service.js';
import type { InitiativesService } from '../initiatives/service.js';
import { REASON_REQUIRED, type RespondBody, type Response } from './schemas.js';

/** Rows of responses with their author, ready to present. */
export function responseRows(db: Db) {
  return db.selectFrom('responses as r').innerJoin('users as u', 'u.id', 'r.authorId').selectAll('r').select(['u.name as authorName', 'u.erasedAt']);
}

export function presentResponse(row: Awaited<ReturnType<ReturnType<typeof responseRows>['execute']>>[number]): Response {
  return {
    id: row.id,
    contributionId: row.contributionId,
    status: row.status as Response['status'],
    previousStatus: row.previousStatus as Response['status'],
    text: row.text,
    textHtml: renderMarkdown(row.text),
    reason: row.reason,
    author: { id: row.authorId, name: displayName({ name: row.authorName, erasedAt: row.erasedAt }) },
    createdAt: row.createdAt,
  };
}

/** The stewards' answers: every contribution gets one, with a status and, when it says no, a reason. */
export class ResponsesService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
    private readonly contributions: ContributionsService,
  ) {}

  async respond(actor: Actor, contributionId: string, body: RespondBody): Promise<Response> {
    const access = await this.contributions.access(actor, contributionId);
    const c = access.contribution;
    if (!access.isHost) throw forbidden('Only the stewards of the initiative respond to contributions.');
    if (c.mergedIntoId !== null) throw new AppError(409, 'contribution_merged', 'This contribution was merged; respond to the one it was merged into.', [{ path: '/mergedInto', message: c.mergedIntoId, code: 'contribution_merged' }]);
    if (body.text.trim() === '') throw new AppError(422, 'validation_failed', 'Write what you want to say.', [{ path: '/text', message: 'is empty', code: 'required' }]);
    const reason = body.reason?.trim() ?? '';
    if ((REASON_REQUIRED as readonly string[]).includes(body.status) && reason === '') {
      throw new AppError(422, 'validation_failed', `Say why: a contribution that is ${body.status === 'declined' ? 'declined' : 'not taken up now'} needs a reason.`, [{ path: '/reason', message: 'is required for this status', code: 'reason_required' }]);
    }
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    const authorIds = await authorsOf(this.ctx.db, contributionId);
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('responses').values({ id, contributionId, initiativeId: c.initiativeId, authorId: actor.userId, status: body.status, previousStatus: c.status, text: body.text, reason, createdAt: now }).execute();
      await trx
        .updateTable('contributions')
        .set((eb) => ({ status: body.status, lastActivityAt: now, firstResponseAt: eb.fn.coalesce('firstResponseAt', eb.val(now)) }))
        .where('id', '=', contributionId)
        .execute();
      await this.events.record(trx, {
        type: 'contribution.responded', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: contributionId,
        payload: { initiativeId: c.initiativeId, responseId: id, status: body.status, previousStatus: c.status, text: body.text.slice(0, 500), reason, authorIds, title: c.title },
      });
    });
    const row = await responseRows(this.ctx.db).where('r.id', '=', id).executeTakeFirstOrThrow();
    return presentResponse(row);
  }

  /** The public history of a contribution's responses, oldest first. */
  async history(actor: Actor | null, contributionId: string): Promise<{ items: Response[] }> {
    await this.contributions.access(actor, contributionId);
    const rows = await responseRows(this.ctx.db).where('r.contributionId', '=', contributionId).orderBy('r.id').execute();
    return { items: rows.map(presentResponse) };
  }

  /** Hosts set the initiative's target time to a first response. */
  async setTarget(actor: Actor, initiativeId: string, hours: number): Promise<{ hours: number }> {
    const access = await this.initiatives.authorize(actor, initiativeId, 'edit');
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('initiatives').set({ responseTargetHours: hours, updatedAt: this.ctx.clock.now().toISOString() }).where('id', '=', initiativeId).execute();
      await this.events.record(trx, { type: 'initiative.response_target_changed', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: initiativeId, payload: { initiativeId, before: access.initiative.responseTargetHours, after: hours } });
    });
    return { hours };
  }
}
