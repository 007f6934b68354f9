import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import type { EventsService } from '../events/service.js';
import type { FlagBody, FlaggedSubject, FLAG_REASONS, SubjectType } from './schemas.js';
import type { Subject, Subjects } from './subjects.js';
import { decodeIdCursor } from './cursor.js';
import { summarise, summaryOf } from './summaries.js';

type Reason = (typeof FLAG_REASONS)[number];

/** Flags: anyone who sees something wrong tells the hosts; the hosts see one queue. */
export class FlagsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly subjects: Subjects,
  ) {}

  /** One open flag per person per subject; hidden subjects are already out of sight. */
  async flag(actor: Actor, type: SubjectType, id: string, body: FlagBody) {
    const { subject } = await this.subjects.see(actor, type, id);
    const note = body.note?.trim() ?? '';
    if (body.reason === 'other' && note === '') {
      throw new AppError(422, 'validation_failed', 'Invalid value at /note: say what is wrong.', [{ path: '/note', message: 'is required when the reason is other', code: 'required' }]);
    }
    if (subject.hiddenAt !== null) throw conflict('already_hidden', `This ${type} is already hidden by the hosts.`);
    const flag = { id: newId(), initiativeId: subject.initiativeId, subjectType: type, subjectId: id, userId: actor.userId, reason: body.reason, note, createdAt: this.ctx.clock.now().toISOString(), resolvedAt: null, resolvedBy: null, resolution: null };
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.subjects.lock(trx, subject);
      const open = await trx.selectFrom('flags').select('id').where('subjectId', '=', id).where('userId', '=', actor.userId).where('resolvedAt', 'is', null).executeTakeFirst();
      if (open) throw conflict('already_flagged', 'You already flagged this; the hosts will look at it.');
      await trx.insertInto('flags').values(flag).execute();
      await this.events.record(trx, { type: `${type}.flagged`, actorId: actor.userId, orgId: subject.orgId, subjectType: type, subjectId: id, payload: { initiativeId: subject.initiativeId, flagId: flag.id, reason: body.reason } });
    });
    return { id: flag.id, subjectType: type, subjectId: id, reason: body.reason, note, createdAt: flag.createdAt };
  }

  /** Open flags grouped by what they flag, the longest waiting first. */
  async queue(actor: Actor, initiativeId: string, query: PageQuery): Promise<PageResult<FlaggedSubject>> {
    await this.subjects.host(actor, initiativeId);
    const db = this.ctx.db;
    const limit = query.limit ?? 50;
    const after = decodeIdCursor(query.cursor);
    let groups = db
      .selectFrom('flags')
      .select((eb) => ['subjectType', 'subjectId', eb.fn.min('id').as('firstId'), eb.fn.countAll<number>().as('n'), eb.fn.min('createdAt').as('firstAt'), eb.fn.max('createdAt').as('lastAt')])
      .where('initiativeId', '=', initiativeId)
      .where('resolvedAt', 'is', null)
      .groupBy(['subjectType', 'subjectId']);
    if (after !== null) groups = groups.having((eb) => eb(eb.fn.min('id'), '>', after));
    const rows = await groups.orderBy((eb) => eb.fn.min('id')).limit(limit + 1).execute();
    const ids = [...rows.map((r) => r.subjectId), ''];
    const [summaries, reasons, notes] = await Promise.all([
      summarise(db, rows.map((r) => ({ type: r.subjectType as SubjectType, id: r.subjectId }))),
      db.selectFrom('flags').select((eb) => ['subjectId', 'reason', eb.fn.countAll<number>().as('n')]).where('subjectId', 'in', ids).where('resolvedAt', 'is', null).groupBy(['subjectId', 'reason']).orderBy('reason').execute(),
      db
        .selectFrom((eb) =>
          eb
            .selectFrom('flags')
            .select((inner) => ['subjectId', 'reason', 'note', 'createdAt', inner.fn.agg<number>('row_number').over((o) => o.partitionBy('subjectId').orderBy('id', 'desc')).as('rank')])
            .where('subjectId', 'in', ids)
            .where('resolvedAt', 'is', null)
            .where('note', '<>', '')
            .as('n'),
        )
        .selectAll()
        .where('rank', '<=', 5)
        .orderBy('createdAt', 'desc')
        .execute(),
    ]);
    return toPage(rows, limit, (r) => ({ key: r.firstId, id: r.firstId }), (r) => ({
      subject: summaryOf(summaries, r.subjectId),
      count: Number(r.n),
      reasons: reasons.filter((x) => x.subjectId === r.subjectId).map((x) => ({ reason: x.reason as Reason, count: Number(x.n) })),
      notes: notes.filter((x) => x.subjectId === r.subjectId).map((x) => ({ reason: x.reason as Reason, note: x.note, createdAt: x.createdAt })),
      firstFlaggedAt: r.firstAt,
      lastFlaggedAt: r.lastAt,
    }));
  }

  /** The hosts looked and found nothing wrong: the open flags are resolved as dismissed. */
  async dismiss(actor: Actor, initiativeId: string, subjectId: string): Promise<{ subjectId: string; dismissed: number }> {
    await this.subjects.host(actor, initiativeId);
    const subject = await this.subjects.findAny(this.ctx.db, subjectId);
    if (!subject || subject.initiativeId !== initiativeId) throw notFound('The flagged contribution or comment');
    const dismissed = await this.ctx.db.transaction().execute((trx) => this.dismissIn(trx, actor.userId, subject));
    return { subjectId, dismissed };
  }

  /** Dismisses inside the caller's transaction; 409 when nothing is open. */
  async dismissIn(trx: Db, actorId: string, subject: Subject): Promise<number> {
    const resolved = await trx.updateTable('flags').set({ resolvedAt: this.ctx.clock.now().toISOString(), resolvedBy: actorId, resolution: 'dismissed' }).where('subjectId', '=', subject.id).where('resolvedAt', 'is', null).executeTakeFirst();
    const count = Number(resolved.numUpdatedRows);
    if (count === 0) throw conflict('no_open_flags', `This ${subject.type} has no open flags.`);
    await this.events.record(trx, { type: 'flags.dismissed', actorId, orgId: subject.orgId, subjectType: subject.type, subjectId: subject.id, payload: { initiativeId: subject.initiativeId, contributionId: subject.contributionId, count } });
    return count;
  }
}
