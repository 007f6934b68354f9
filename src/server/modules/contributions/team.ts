import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { safeFileName, type UploadedFile } from '../../lib/uploads.js';
import type { EventsService } from '../events/service.js';
import type { OrgsService } from '../orgs/service.js';
import type { Contribution, Attachment } from './schemas.js';
import { assertEditable, type ContributionsService } from './service.js';

const MAX_ATTACHMENTS = 10;

/** Who wrote it together, and the files it carries. */
export class TeamService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly contributions: ContributionsService,
    private readonly orgs: OrgsService,
  ) {}

  /** An author invites a member of the organisation; they become a co-author when they accept. */
  async inviteCoauthor(actor: Actor, id: string, userId: string): Promise<Contribution> {
    const access = await this.contributions.access(actor, id);
    const c = access.contribution;
    if (!access.isAuthor) throw forbidden('Only its authors invite co-authors.');
    assertEditable(access);
    const member = await this.orgs.findMembership(this.ctx.db, c.orgId, userId);
    if (!member) throw new AppError(422, 'validation_failed', 'Co-authors are members of the organisation.', [{ path: '/userId', message: 'is not a member of the organisation', code: 'not_member' }]);
    const existing = await this.ctx.db.selectFrom('contributionAuthors').select(['role', 'status']).where('contributionId', '=', id).where('userId', '=', userId).where('viaContributionId', '=', '').executeTakeFirst();
    if (existing?.role === 'author' || existing?.status === 'accepted') throw conflict('already_author', 'This person is already one of its authors.');
    if (existing?.status === 'invited') throw conflict('already_invited', 'This person was invited already.');
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      if (existing) await trx.deleteFrom('contributionAuthors').where('contributionId', '=', id).where('userId', '=', userId).where('viaContributionId', '=', '').execute();
      await trx.insertInto('contributionAuthors').values({ contributionId: id, userId, role: 'coauthor', status: 'invited', viaContributionId: '', invitedBy: actor.userId, createdAt: now, respondedAt: null }).execute();
      await this.events.record(trx, { type: 'contribution.coauthor_invited', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId, userId } });
    });
    return this.contributions.get(actor, id);
  }

  /** The invited person accepts (and follows the contribution) or declines. */
  async answer(actor: Actor, id: string, accept: boolean): Promise<Contribution> {
    const access = await this.contributions.access(actor, id);
    const c = access.contribution;
    const invitation = await this.ctx.db.selectFrom('contributionAuthors').select('status').where('contributionId', '=', id).where('userId', '=', actor.userId).where('role', '=', 'coauthor').where('viaContributionId', '=', '').executeTakeFirst();
    if (invitation?.status !== 'invited') throw notFound('An invitation to co-author this contribution');
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('contributionAuthors').set({ status: accept ? 'accepted' : 'declined', respondedAt: now }).where('contributionId', '=', id).where('userId', '=', actor.userId).where('viaContributionId', '=', '').execute();
      if (accept) await trx.insertInto('follows').values({ userId: actor.userId, subjectType: 'contribution', subjectId: id, createdAt: now }).onConflict((oc) => oc.doNothing()).execute();
      await this.events.record(trx, { type: accept ? 'contribution.coauthor_accepted' : 'contribution.coauthor_declined', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId } });
    });
    return this.contributions.get(actor, id);
  }

  /** The author withdraws an invitation or removes a co-author; a co-author may leave. The author stays. */
  async removeCoauthor(actor: Actor, id: string, userId: string): Promise<void> {
    const access = await this.contributions.access(actor, id);
    const c = access.contribution;
    const row = await this.ctx.db.selectFrom('contributionAuthors').select(['role']).where('contributionId', '=', id).where('userId', '=', userId).where('viaContributionId', '=', '').executeTakeFirst();
    if (!row || row.role !== 'coauthor') throw notFound('The co-author');
    if (actor.userId !== userId && actor.userId !== c.authorId) throw forbidden('Only the author removes co-authors; co-authors may leave.');
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('contributionAuthors').where('contributionId', '=', id).where('userId', '=', userId).where('viaContributionId', '=', '').execute();
      await this.events.record(trx, { type: 'contribution.coauthor_removed', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId, userId } });
    });
  }

  /** A picture or PDF (≤ 10 MB, type sniffed from the bytes), stored under the data directory. */
  async attach(actor: Actor, id: string, file: UploadedFile): Promise<Attachment> {
    const access = await this.contributions.access(actor, id);
    const c = access.contribution;
    if (!access.isAuthor) throw forbidden('Only its authors attach files.');
    assertEditable(access);
    const count = await this.ctx.db.selectFrom('contributionAttachments').select((eb) => eb.fn.countAll<number>().as('n')).where('contributionId', '=', id).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ATTACHMENTS) throw conflict('too_many_attachments', `A contribution carries at most ${MAX_ATTACHMENTS} files.`);
    const stored = await this.ctx.files.save(file.bytes);
    const now = this.ctx.clock.now().toISOString();
    const row = { id: newId(), contributionId: id, fileKey: stored.key, name: safeFileName(file.name), mediaType: stored.mediaType, size: stored.size, uploadedBy: actor.userId, createdAt: now };
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('contributionAttachments').values(row).execute();
      await this.events.record(trx, { type: 'contribution.attachment_added', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId, attachmentId: row.id, name: row.name, mediaType: row.mediaType, size: row.size } });
    });
    const page = await this.contributions.get(actor, id);
    const attachment = page.attachments.find((a) => a.id === row.id);
    if (!attachment) throw notFound('The attachment');
    return attachment;
  }

  /** The file of an attachment, for whoever may see its contribution. */
  async file(actor: Actor | null, attachmentId: string) {
    const row = await this.ctx.db.selectFrom('contributionAttachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
    if (!row) throw notFound('The file');
    await this.contributions.access(actor, row.contributionId).catch(() => {
      throw notFound('The file');
    });
    return { stream: this.ctx.files.open(row.fileKey), name: row.name, mediaType: row.mediaType, size: row.size };
  }
}
