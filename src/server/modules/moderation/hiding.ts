import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict } from '../../lib/errors.js';
import { displayName } from '../contributions/present.js';
import type { EventsService } from '../events/service.js';
import type { ModerationState, SubjectType } from './schemas.js';
import { TABLE, type Subject, type Subjects } from './subjects.js';
import { latestAppeals } from './summaries.js';

/** A reason must say something: whitespace alone is refused. */
export function requireText(path: string, value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new AppError(422, 'validation_failed', `Invalid value at ${path}: write a reason.`, [{ path, message: 'is required', code: 'required' }]);
  return text;
}

/**
 * Hiding and showing again. Nothing is deleted: the row keeps every word, its authors and the
 * hosts still read it with the reason, and the author can appeal.
 */
export class HidingService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly subjects: Subjects,
  ) {}

  async hide(actor: Actor, type: SubjectType, id: string, reason: string): Promise<ModerationState> {
    const subject = await this.subjects.moderate(actor, type, id);
    const text = requireText('/reason', reason);
    await this.ctx.db.transaction().execute((trx) => this.hideIn(trx, actor.userId, subject, text));
    return this.state(type, id);
  }

  async unhide(actor: Actor, type: SubjectType, id: string): Promise<ModerationState> {
    const subject = await this.subjects.moderate(actor, type, id);
    await this.ctx.db.transaction().execute((trx) => this.unhideIn(trx, actor.userId, subject, null));
    return this.state(type, id);
  }

  /** Hides inside the caller's transaction, resolves the open flags and tells the authors (event). */
  async hideIn(trx: Db, actorId: string, subject: Subject, reason: string): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    const updated = await trx.updateTable(TABLE[subject.type]).set({ hiddenAt: now, hiddenBy: actorId, hiddenReason: reason }).where('id', '=', subject.id).where('hiddenAt', 'is', null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw conflict('already_hidden', `This ${subject.type} is already hidden.`);
    this.subjects.visibilityChanged(subject);
    const resolved = await trx.updateTable('flags').set({ resolvedAt: now, resolvedBy: actorId, resolution: 'hidden' }).where('subjectId', '=', subject.id).where('resolvedAt', 'is', null).executeTakeFirst();
    await this.events.record(trx, {
      type: `${subject.type}.hidden`, actorId, orgId: subject.orgId, subjectType: subject.type, subjectId: subject.id,
      payload: { initiativeId: subject.initiativeId, contributionId: subject.contributionId, reason, authorId: subject.authorIds[0] ?? null, authorIds: subject.authorIds, flagsResolved: Number(resolved.numUpdatedRows) },
    });
  }

  /**
   * Shows a hidden subject again inside the caller's transaction. `appealId` is the appeal that
   * was upheld; when a host unhides on their own, an open appeal is upheld with it.
   */
  async unhideIn(trx: Db, actorId: string, subject: Subject, appealId: string | null): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    const updated = await trx.updateTable(TABLE[subject.type]).set({ hiddenAt: null, hiddenBy: null, hiddenReason: null }).where('id', '=', subject.id).where('hiddenAt', 'is not', null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw conflict('not_hidden', `This ${subject.type} is not hidden.`);
    // Told before the commit: a read racing it sees the old row, and the next rebuild corrects it.
    this.subjects.visibilityChanged(subject);
    if (appealId === null) {
      await trx.updateTable('appeals').set({ status: 'upheld', decidedAt: now, decidedBy: actorId }).where('subjectId', '=', subject.id).where('status', '=', 'open').execute();
    }
    await this.events.record(trx, {
      type: `${subject.type}.unhidden`, actorId, orgId: subject.orgId, subjectType: subject.type, subjectId: subject.id,
      payload: { initiativeId: subject.initiativeId, contributionId: subject.contributionId, previousReason: subject.hiddenReason, authorId: subject.authorIds[0] ?? null, authorIds: subject.authorIds, appealId },
    });
  }

  /** Where a subject stands: hidden or not, why, by whom, its open flags and latest appeal. */
  async state(type: SubjectType, id: string): Promise<ModerationState> {
    const db = this.ctx.db;
    const row = await (type === 'contribution' ? db.selectFrom('contributions as s') : db.selectFrom('comments as s'))
      .leftJoin('users as u', 'u.id', 's.hiddenBy')
      .select(['s.hiddenAt', 's.hiddenReason', 's.hiddenBy', 'u.name', 'u.erasedAt'])
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow();
    const [flags, appeals] = await Promise.all([
      db.selectFrom('flags').select((eb) => eb.fn.countAll<number>().as('n')).where('subjectId', '=', id).where('resolvedAt', 'is', null).executeTakeFirstOrThrow(),
      latestAppeals(db, [id]),
    ]);
    return {
      subjectType: type,
      subjectId: id,
      hidden: row.hiddenAt !== null,
      reason: row.hiddenReason,
      hiddenAt: row.hiddenAt,
      hiddenBy: row.hiddenBy !== null && row.name !== null ? { id: row.hiddenBy, name: displayName({ name: row.name, erasedAt: row.erasedAt }) } : null,
      openFlags: Number(flags.n),
      appeal: appeals.get(id) ?? null,
    };
  }
}
