import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { MembershipRow, OrgRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import type { EventsService } from '../events/service.js';
import { can, type OrgAction } from './policy.js';
import * as repo from './repository.js';
import type { ChangeMemberBody, CreateOrgBody, Member, Org, ProtagonistKind, Role, UpdateOrgBody } from './schemas.js';

/** Paths the web app uses for itself; an organisation cannot take them as its slug. */
const RESERVED_SLUGS = new Set(['new', 'api', 'admin', 'settings', 'me', 'orgs', 'invitations', 'login', 'signup', 'logout', 'account', 'docs']);

export interface OrgAccess {
  org: OrgRow;
  membership: MembershipRow | null;
}

const lastOwner = () =>
  new AppError(409, 'last_owner', 'An organisation needs at least one owner. Make someone else an owner first.');

/** Organisations and their memberships. */
export class OrgsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
  ) {}

  private present(org: OrgRow, membership: Pick<MembershipRow, 'role' | 'kind'> | null, memberCount: number): Org {
    return {
      id: org.id,
      slug: org.slug,
      name: org.name,
      description: org.description,
      visibility: org.visibility,
      memberCount,
      createdAt: org.createdAt,
      updatedAt: org.updatedAt,
      me: membership === null ? null : { role: membership.role as Role, kind: membership.kind as ProtagonistKind },
    };
  }

  /** Finds an organisation the actor may see; a private one is 404 to outsiders, never 403. */
  async access(actor: Actor | null, slug: string, db: Db = this.ctx.db): Promise<OrgAccess> {
    const org = await repo.findOrgBySlug(db, slug);
    if (!org) throw notFound('The organisation');
    const membership = actor === null ? null : ((await repo.findMembership(db, org.id, actor.userId)) ?? null);
    if (!can('view', { visibility: org.visibility, role: roleOf(membership) })) throw notFound('The organisation');
    return { org, membership };
  }

  /** Like access, and then 403 unless the actor may do `action`. For other modules too. */
  async authorize(actor: Actor | null, slug: string, action: OrgAction, extra: { inviteRole?: Role } = {}, db: Db = this.ctx.db): Promise<OrgAccess> {
    const found = await this.access(actor, slug, db);
    if (!can(action, { visibility: found.org.visibility, role: roleOf(found.membership), ...extra })) throw forbidden();
    return found;
  }

  async create(actor: Actor, body: CreateOrgBody): Promise<Org> {
    if (RESERVED_SLUGS.has(body.slug)) throw conflict('slug_taken', `The address "${body.slug}" is reserved. Choose another.`);
    const now = this.ctx.clock.now().toISOString();
    const org: OrgRow = {
      id: newId(),
      slug: body.slug,
      name: body.name.trim(),
      description: body.description ?? '',
      visibility: body.visibility,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    const membership: MembershipRow = { id: newId(), orgId: org.id, userId: actor.userId, kind: 'employee', role: 'owner', createdAt: now, updatedAt: now };
    try {
      await this.ctx.db.transaction().execute(async (trx) => {
        await repo.insertOrg(trx, org);
        await repo.insertMembership(trx, membership);
        await this.events.record(trx, { type: 'org.created', actorId: actor.userId, orgId: org.id, subjectType: 'org', subjectId: org.id, payload: { slug: org.slug, name: org.name, visibility: org.visibility } });
        await this.events.record(trx, { type: 'membership.created', actorId: actor.userId, orgId: org.id, subjectType: 'user', subjectId: actor.userId, payload: { role: 'owner', kind: 'employee', via: 'created_org' } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('slug_taken', `The address "${body.slug}" is taken. Choose another.`);
      throw error;
    }
    return this.present(org, membership, 1);
  }

  async listMine(actor: Actor, query: PageQuery): Promise<PageResult<Org>> {
    const limit = query.limit ?? 50;
    const rows = await repo.listOrgsOfUser(this.ctx.db, actor.userId, decodeCursor(query.cursor), limit);
    const counts = await repo.countMembers(this.ctx.db, rows.map((r) => r.id));
    return toPage(rows, limit, (r) => ({ key: r.name, id: r.id }), (r) => this.present(r, { role: r.myRole, kind: r.myKind }, counts.get(r.id) ?? 0));
  }

  async get(actor: Actor | null, slug: string): Promise<Org> {
    const { org, membership } = await this.access(actor, slug);
    const counts = await repo.countMembers(this.ctx.db, [org.id]);
    return this.present(org, membership, counts.get(org.id) ?? 0);
  }

  async update(actor: Actor, slug: string, body: UpdateOrgBody): Promise<Org> {
    const { org } = await this.authorize(actor, slug, 'update');
    const wanted = { ...body, ...(body.name !== undefined ? { name: body.name.trim() } : {}) };
    // Only what really changes is written and recorded, with its value before and after.
    const changed = (Object.keys(wanted) as (keyof UpdateOrgBody)[]).filter((field) => wanted[field] !== org[field]);
    if (changed.length === 0) return this.get(actor, slug);
    const values = Object.fromEntries(changed.map((field) => [field, wanted[field]]));
    const changes = Object.fromEntries(changed.map((field) => [field, { from: org[field], to: wanted[field] }]));
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateOrg(trx, org.id, { ...values, updatedAt: this.ctx.clock.now().toISOString() });
      await this.events.record(trx, { type: 'org.updated', actorId: actor.userId, orgId: org.id, subjectType: 'org', subjectId: org.id, payload: { changes } });
    });
    return this.get(actor, slug);
  }

  async listMembers(actor: Actor | null, slug: string, query: PageQuery): Promise<PageResult<Member>> {
    const { org, membership } = await this.authorize(actor, slug, 'view_members');
    const showEmails = can('see_member_emails', { visibility: org.visibility, role: roleOf(membership) });
    const limit = query.limit ?? 50;
    const rows = await repo.listMembers(this.ctx.db, org.id, decodeCursor(query.cursor), limit);
    return toPage(rows, limit, (r) => ({ key: r.id, id: r.id }), (r) => ({
      userId: r.userId,
      name: r.name,
      email: showEmails ? r.email : null,
      kind: r.kind as ProtagonistKind,
      role: r.role as Role,
      joinedAt: r.createdAt,
    }));
  }

  /** Owners change a member's role or protagonist kind; the last owner is never demoted. */
  async changeMember(actor: Actor, slug: string, userId: string, body: ChangeMemberBody): Promise<Member> {
    const { org } = await this.authorize(actor, slug, 'manage_members');
    return this.ctx.db.transaction().execute(async (trx) => {
      await repo.lockOrg(trx, this.ctx.dialect, org.id);
      const target = await repo.findMembership(trx, org.id, userId);
      if (!target) throw notFound('The member');
      if (target.role === 'owner' && body.role !== undefined && body.role !== 'owner' && (await repo.countOwners(trx, org.id)) <= 1) throw lastOwner();
      const changes = { role: body.role ?? target.role, kind: body.kind ?? target.kind };
      await repo.updateMembership(trx, target.id, { ...changes, updatedAt: this.ctx.clock.now().toISOString() });
      await this.events.record(trx, {
        type: 'membership.changed',
        actorId: actor.userId,
        orgId: org.id,
        subjectType: 'user',
        subjectId: userId,
        payload: { from: { role: target.role, kind: target.kind }, to: changes },
      });
      return this.memberOf(trx, org.id, userId, true);
    });
  }

  private async memberOf(db: Db, orgId: string, userId: string, showEmail: boolean): Promise<Member> {
    const row = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['memberships.kind', 'memberships.role', 'memberships.createdAt', 'users.name', 'users.email'])
      .where('memberships.orgId', '=', orgId)
      .where('memberships.userId', '=', userId)
      .executeTakeFirstOrThrow();
    return { userId, name: row.name, email: showEmail ? row.email : null, kind: row.kind as ProtagonistKind, role: row.role as Role, joinedAt: row.createdAt };
  }

  /** An owner removes a member, or a member leaves (userId is their own). */
  async removeMember(actor: Actor, slug: string, userId: string): Promise<void> {
    const leaving = userId === actor.userId;
    const { org } = await this.authorize(actor, slug, leaving ? 'leave' : 'manage_members');
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.lockOrg(trx, this.ctx.dialect, org.id);
      const target = await repo.findMembership(trx, org.id, userId);
      if (!target) throw notFound('The member');
      if (target.role === 'owner' && (await repo.countOwners(trx, org.id)) <= 1) throw lastOwner();
      await repo.deleteMembership(trx, target.id);
      await this.events.record(trx, {
        type: leaving ? 'membership.left' : 'membership.removed',
        actorId: actor.userId,
        orgId: org.id,
        subjectType: 'user',
        subjectId: userId,
        payload: { role: target.role, kind: target.kind },
      });
    });
  }

  /** Adds a member inside the caller's transaction (invitations); 409 when already a member. */
  async addMember(trx: Db, input: { orgId: string; userId: string; kind: ProtagonistKind; role: Role; actorId: string; via: string }): Promise<void> {
    if (await repo.findMembership(trx, input.orgId, input.userId)) throw conflict('already_member', 'You are already a member of this organisation.');
    const now = this.ctx.clock.now().toISOString();
    await repo.insertMembership(trx, { id: newId(), orgId: input.orgId, userId: input.userId, kind: input.kind, role: input.role, createdAt: now, updatedAt: now });
    await this.events.record(trx, { type: 'membership.created', actorId: input.actorId, orgId: input.orgId, subjectType: 'user', subjectId: input.userId, payload: { role: input.role, kind: input.kind, via: input.via } });
  }

  /** For other modules that hold an id from their own rows (no access check). */
  async byId(id: string): Promise<OrgRow> {
    const org = await repo.findOrgById(this.ctx.db, id);
    if (!org) throw notFound('The organisation');
    return org;
  }

  async findMembership(db: Db, orgId: string, userId: string): Promise<MembershipRow | undefined> {
    return repo.findMembership(db, orgId, userId);
  }
}

const roleOf = (membership: Pick<MembershipRow, 'role'> | null): Role | null => (membership === null ? null : (membership.role as Role));
