import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { addDays } from '../../lib/clock.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { decodeCursor, toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import { hashPassword } from '../accounts/passwords.js';
import { normaliseEmail, presentUser, type AccountsService } from '../accounts/service.js';
import type { User } from '../accounts/schemas.js';
import type { EventsService } from '../events/service.js';
import type { Org, ProtagonistKind, Role } from '../orgs/schemas.js';
import type { OrgsService } from '../orgs/service.js';
import { invitationMail } from './mail.js';
import * as repo from './repository.js';
import type { AcceptBody, CreateInvitationBody, Invitation, InvitationPreview, InvitationStatus } from './schemas.js';

export const INVITATION_DAYS = 14;

export interface Accepted {
  org: Org;
  user: User;
  /** Set when the invitation created the account: the new session to sign in with. */
  session: { sessionToken: string; csrfToken: string } | null;
}

/** Invitations by e-mail link: a token with an expiry, accepted by new or existing accounts. */
export class InvitationsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly orgs: OrgsService,
    private readonly accounts: AccountsService,
  ) {}

  private statusOf(row: { acceptedAt: string | null; revokedAt: string | null; expiresAt: string }): InvitationStatus {
    if (row.acceptedAt !== null) return 'accepted';
    if (row.revokedAt !== null) return 'revoked';
    return row.expiresAt <= this.ctx.clock.now().toISOString() ? 'expired' : 'pending';
  }

  private present(row: repo.InvitationWithInviter): Invitation {
    return {
      id: row.id,
      email: row.email,
      kind: row.kind as ProtagonistKind,
      role: row.role as Role,
      status: this.statusOf(row),
      invitedBy: { id: row.invitedBy, name: row.inviterName },
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      acceptedAt: row.acceptedAt,
    };
  }

  acceptUrl(token: string): string {
    return `${this.ctx.config.baseUrl}/invitations/${token}`;
  }

  /** Invites an e-mail; an earlier open invitation to the same e-mail is replaced. */
  async create(actor: Actor, slug: string, body: CreateInvitationBody): Promise<{ invitation: Invitation; acceptUrl: string }> {
    const { org } = await this.orgs.authorize(actor, slug, 'invite', { inviteRole: body.role });
    const email = normaliseEmail(body.email);
    const now = this.ctx.clock.now();
    const token = newSecret();
    const id = newId();
    await this.ctx.db.transaction().execute(async (trx) => {
      const existing = await this.accounts.findUserByEmail(trx, email);
      if (existing && (await this.orgs.findMembership(trx, org.id, existing.id))) {
        throw new AppError(409, 'already_member', `${email} is already a member of this organisation.`, [{ path: '/email', message: 'is already a member', code: 'already_member' }]);
      }
      for (const old of await repo.findPendingForEmail(trx, org.id, email, now.toISOString())) {
        await repo.markRevoked(trx, old.id, now.toISOString(), actor.userId);
        await this.events.record(trx, { type: 'invitation.revoked', actorId: actor.userId, orgId: org.id, subjectType: 'invitation', subjectId: old.id, payload: { reason: 'replaced', email } });
      }
      await repo.insertInvitation(trx, {
        id,
        orgId: org.id,
        email,
        kind: body.kind,
        role: body.role,
        tokenHash: hashSecret(this.ctx.config.secret, token),
        invitedBy: actor.userId,
        createdAt: now.toISOString(),
        expiresAt: addDays(now, INVITATION_DAYS).toISOString(),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
        revokedBy: null,
      });
      await this.events.record(trx, { type: 'invitation.created', actorId: actor.userId, orgId: org.id, subjectType: 'invitation', subjectId: id, payload: { email, kind: body.kind, role: body.role } });
    });
    const row = await repo.findInvitation(this.ctx.db, org.id, id);
    if (!row) throw notFound('The invitation');
    const acceptUrl = this.acceptUrl(token);
    // Mail goes out after the commit; a mail failure never loses the invitation (the link is returned too).
    const mail = invitationMail({ to: email, inviter: actor.name, orgName: org.name, role: body.role, acceptUrl, expiresAt: row.expiresAt, message: body.message });
    await this.ctx.mailer.send(mail).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'invitation e-mail could not be sent'));
    return { invitation: this.present(row), acceptUrl };
  }

  async list(actor: Actor, slug: string, query: PageQuery): Promise<PageResult<Invitation>> {
    const { org } = await this.orgs.authorize(actor, slug, 'view_invitations');
    const limit = query.limit ?? 50;
    const rows = await repo.listInvitations(this.ctx.db, org.id, decodeCursor(query.cursor), limit);
    return toPage(rows, limit, (r) => ({ key: r.id, id: r.id }), (r) => this.present(r));
  }

  async revoke(actor: Actor, slug: string, id: string): Promise<void> {
    const { org } = await this.orgs.authorize(actor, slug, 'revoke_invitation');
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findInvitation(trx, org.id, id);
      if (!row) throw notFound('The invitation');
      if (this.statusOf(row) !== 'pending') throw conflict('invitation_closed', `This invitation is already ${this.statusOf(row)}.`);
      await repo.markRevoked(trx, id, this.ctx.clock.now().toISOString(), actor.userId);
      await this.events.record(trx, { type: 'invitation.revoked', actorId: actor.userId, orgId: org.id, subjectType: 'invitation', subjectId: id, payload: { email: row.email } });
    });
  }

  private async byToken(token: string) {
    const row = await repo.findInvitationByToken(this.ctx.db, hashSecret(this.ctx.config.secret, token));
    if (!row) throw new AppError(404, 'invitation_not_found', 'This invitation link is not valid. Ask for a new one.');
    return row;
  }

  /** What the invitation link shows before accepting; the token is the credential. */
  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.byToken(token);
    const org = await this.orgs.byId(row.orgId);
    return {
      org: { slug: org.slug, name: org.name, description: org.description },
      email: row.email,
      kind: row.kind as ProtagonistKind,
      role: row.role as Role,
      status: this.statusOf(row),
      invitedBy: row.inviterName,
      expiresAt: row.expiresAt,
      accountExists: (await this.accounts.findUserByEmail(this.ctx.db, row.email)) !== undefined,
    };
  }

  /** Signed in: joins as the current account. Not signed in: creates the account for the invited e-mail. */
  async accept(token: string, actor: Actor | null, body: AcceptBody | undefined, userAgent: string | null): Promise<Accepted> {
    const row = await this.byToken(token);
    const status = this.statusOf(row);
    if (status !== 'pending') throw conflict(`invitation_${status}`, closedMessage(status));
    if (actor === null && body === undefined) {
      throw new AppError(401, 'unauthorized', 'Log in to accept, or send your name and a password to create your account.');
    }
    if (actor !== null && body !== undefined) {
      throw new AppError(422, 'validation_failed', 'You are signed in already: accept without a name and password.', [{ path: '/', message: 'must be empty when signed in' }]);
    }
    const passwordHash = body === undefined ? null : await hashPassword(body.password);
    const result = await this.ctx.db.transaction().execute(async (trx) => {
      let userRow = actor === null ? undefined : await this.accounts.findUserById(trx, actor.userId);
      let session: Accepted['session'] = null;
      if (actor === null && body !== undefined && passwordHash !== null) {
        userRow = await this.accounts.createAccount(trx, { email: row.email, name: body.name, passwordHash });
        const started = await this.accounts.startSession(trx, userRow, userAgent);
        session = { sessionToken: started.sessionToken, csrfToken: started.csrfToken };
      }
      if (!userRow) throw notFound('The account');
      const now = this.ctx.clock.now().toISOString();
      const marked = await repo.markAccepted(trx, row.id, now, userRow.id);
      if (marked.numUpdatedRows === 0n) throw conflict('invitation_accepted', closedMessage('accepted'));
      await this.orgs.addMember(trx, { orgId: row.orgId, userId: userRow.id, kind: row.kind as ProtagonistKind, role: row.role as Role, actorId: userRow.id, via: 'invitation' });
      await this.events.record(trx, { type: 'invitation.accepted', actorId: userRow.id, orgId: row.orgId, subjectType: 'invitation', subjectId: row.id, payload: { email: row.email, userId: userRow.id } });
      return { user: presentUser(userRow), session };
    });
    const org = await this.orgs.byId(row.orgId);
    return { org: await this.orgs.get(this.actorFor(result.user), org.slug), user: result.user, session: result.session };
  }

  private actorFor(user: User): Actor {
    return { userId: user.id, name: user.name, email: user.email, via: 'session', sessionId: null, csrfToken: null };
  }
}

function closedMessage(status: InvitationStatus): string {
  switch (status) {
    case 'accepted':
      return 'This invitation has been used already.';
    case 'revoked':
      return 'This invitation was withdrawn. Ask for a new one.';
    case 'expired':
      return 'This invitation has expired. Ask for a new one.';
    case 'pending':
      return 'This invitation is still open.';
  }
}
