import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toPage, type PageResult } from '../../lib/pagination.js';
import { displayName } from '../contributions/present.js';
import type { EventsService } from '../events/service.js';
import type { HidingService } from './hiding.js';
import { requireText } from './hiding.js';
import type { Appeal, AppealsQuery, DecisionBody, SubjectType } from './schemas.js';
import type { Subjects } from './subjects.js';
import { decodeIdCursor } from './cursor.js';
import { hiddenReasons, summarise } from './summaries.js';

/** Appeals: the author of something hidden asks the hosts to look again, and gets an answer. */
export class AppealsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly subjects: Subjects,
    private readonly hiding: HidingService,
  ) {}

  /** Only its authors appeal, only while it is hidden, one open appeal at a time. */
  async appeal(actor: Actor, type: SubjectType, id: string, text: string): Promise<Appeal> {
    const { subject, isAuthor } = await this.subjects.see(actor, type, id);
    if (!isAuthor) throw forbidden(`Only the author of this ${type} can appeal.`);
    if (subject.hiddenAt === null) throw conflict('not_hidden', `This ${type} is not hidden: there is nothing to appeal.`);
    const body = requireText('/text', text);
    const appealId = newId();
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.subjects.lock(trx, subject);
      const open = await trx.selectFrom('appeals').select('id').where('subjectId', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (open) throw conflict('appeal_open', 'An appeal is already open; the hosts will answer it.');
      await trx.insertInto('appeals').values({ id: appealId, initiativeId: subject.initiativeId, subjectType: type, subjectId: id, userId: actor.userId, text: body, status: 'open', createdAt: this.ctx.clock.now().toISOString(), decidedAt: null, decidedBy: null, decisionNote: null }).execute();
      await this.events.record(trx, { type: 'appeal.opened', actorId: actor.userId, orgId: subject.orgId, subjectType: 'appeal', subjectId: appealId, payload: { initiativeId: subject.initiativeId, subjectType: type, subjectId: id, contributionId: subject.contributionId } });
    });
    return this.get(appealId);
  }

  /** The initiative's appeals with one status, oldest first (hosts). */
  async list(actor: Actor, initiativeId: string, query: AppealsQuery): Promise<PageResult<Appeal>> {
    await this.subjects.host(actor, initiativeId);
    const limit = query.limit ?? 50;
    const after = decodeIdCursor(query.cursor);
    let q = this.rows().where('a.initiativeId', '=', initiativeId).where('a.status', '=', query.status ?? 'open');
    if (after !== null) q = q.where('a.id', '>', after);
    const rows = await q.orderBy('a.id').limit(limit + 1).execute();
    const presented = await this.present(rows);
    return toPage(presented, limit, (a) => ({ key: a.id, id: a.id }), (a) => a);
  }

  /** Upheld shows it again; rejected keeps it hidden, and the author reads the note. */
  async decide(actor: Actor, appealId: string, body: DecisionBody): Promise<Appeal> {
    const appeal = await this.ctx.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirst();
    if (!appeal) throw notFound('The appeal');
    try {
      await this.subjects.host(actor, appeal.initiativeId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound('The appeal');
      throw error;
    }
    const note = requireText('/note', body.note);
    await this.ctx.db.transaction().execute(async (trx) => {
      const now = this.ctx.clock.now().toISOString();
      const decided = await trx.updateTable('appeals').set({ status: body.decision, decidedAt: now, decidedBy: actor.userId, decisionNote: note }).where('id', '=', appealId).where('status', '=', 'open').executeTakeFirst();
      if (decided.numUpdatedRows === 0n) throw conflict('appeal_decided', 'This appeal has already been decided.');
      const subject = await this.subjects.find(trx, appeal.subjectType as SubjectType, appeal.subjectId);
      if (!subject) throw notFound('The appealed contribution or comment');
      if (body.decision === 'upheld' && subject.hiddenAt !== null) await this.hiding.unhideIn(trx, actor.userId, subject, appealId);
      await this.events.record(trx, {
        type: `appeal.${body.decision}`, actorId: actor.userId, orgId: subject.orgId, subjectType: 'appeal', subjectId: appealId,
        payload: { initiativeId: subject.initiativeId, subjectType: subject.type, subjectId: subject.id, contributionId: subject.contributionId, authorId: appeal.userId, note },
      });
    });
    return this.get(appealId);
  }

  private rows() {
    return this.ctx.db
      .selectFrom('appeals as a')
      .innerJoin('users as u', 'u.id', 'a.userId')
      .leftJoin('users as d', 'd.id', 'a.decidedBy')
      .selectAll('a')
      .select(['u.name as byName', 'u.erasedAt as byErasedAt', 'd.name as deciderName', 'd.erasedAt as deciderErasedAt']);
  }

  private async get(id: string): Promise<Appeal> {
    const [appeal] = await this.present(await this.rows().where('a.id', '=', id).execute());
    if (!appeal) throw notFound('The appeal');
    return appeal;
  }

  private async present(rows: Awaited<ReturnType<ReturnType<AppealsService['rows']>['execute']>>): Promise<Appeal[]> {
    const refs = rows.map((r) => ({ type: r.subjectType as SubjectType, id: r.subjectId }));
    const [summaries, reasonOf] = await Promise.all([summarise(this.ctx.db, refs), hiddenReasons(this.ctx.db, refs)]);
    return rows.flatMap((r) => {
      const subject = summaries.get(r.subjectId);
      if (!subject) return [];
      return [{
        id: r.id,
        status: r.status as Appeal['status'],
        text: r.text,
        createdAt: r.createdAt,
        by: { id: r.userId, name: displayName({ name: r.byName, erasedAt: r.byErasedAt }) },
        subject,
        hiddenReason: reasonOf.get(r.subjectId) ?? null,
        decidedAt: r.decidedAt,
        decidedBy: r.decidedBy !== null && r.deciderName !== null ? { id: r.decidedBy, name: displayName({ name: r.deciderName, erasedAt: r.deciderErasedAt }) } : null,
        decisionNote: r.decisionNote,
      }];
    });
  }
}
