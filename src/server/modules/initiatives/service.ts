import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { InitiativeRow, MembershipRow, OrgRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, toPage, type PageResult } from '../../lib/pagination.js';
import type { EventsService } from '../events/service.js';
import type { Role } from '../orgs/schemas.js';
import type { OrgsService } from '../orgs/service.js';
import { defaultTerms } from '../terms/rules.js';
import { canInitiative, type InitiativeAction } from './policy.js';
import { presentInitiative } from './present.js';
import { VersionMemo } from '../../db/version-memo.js';
import * as repo from './repository.js';
import type { CreateInitiativeBody, Initiative, InitiativeStatus, UpdateInitiativeBody } from './schemas.js';

export interface InitiativeAccess {
  initiative: InitiativeRow;
  org: OrgRow;
  membership: MembershipRow | null;
  steward: boolean;
}

const roleOf = (m: MembershipRow | null) => (m === null ? null : (m.role as Role));

/** Initiatives: who may see and run them, and their charter fields. */
export class InitiativesService {
  /** Access rows by initiative and reader, while the database is unchanged (outside transactions). */
  private readonly access: VersionMemo<Awaited<ReturnType<typeof repo.findAccess>>>;

  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly orgs: OrgsService,
  ) {
    this.access = new VersionMemo(ctx.memoVersion);
  }

  /** Finds an initiative the actor may see (404 otherwise, never 403), then checks `action`. */
  async authorize(actor: Actor | null, id: string, action: InitiativeAction = 'view', db: Db = this.ctx.db): Promise<InitiativeAccess> {
    const userId = actor?.userId ?? null;
    // In a transaction the access is read with it (it may have written what decides it).
    const found = db === this.ctx.db ? await this.access.get(`${id} ${userId ?? ''}`, () => repo.findAccess(db, id, userId)) : await repo.findAccess(db, id, userId);
    if (!found) throw notFound('The initiative');
    const { initiative, org, membership, steward } = found;
    const invitee = initiative.visibility === 'invite_only' && found.invitee;
    const resource = { orgVisibility: org.visibility, visibility: initiative.visibility as 'public', status: initiative.status as InitiativeStatus, orgRole: roleOf(membership), steward, invitee };
    if (!canInitiative('view', resource)) throw notFound('The initiative');
    if (!canInitiative(action, resource)) throw forbidden();
    return { initiative, org, membership, steward };
  }

  async present(access: InitiativeAccess, db: Db = this.ctx.db): Promise<Initiative> {
    const [stewards, phases] = await Promise.all([repo.listStewards(db, [access.initiative.id]), repo.listPhases(db, access.initiative.id)]);
    const canEdit = canInitiative('edit', { orgVisibility: access.org.visibility, visibility: 'public', status: access.initiative.status as InitiativeStatus, orgRole: roleOf(access.membership), steward: access.steward });
    return presentInitiative(access.initiative, access.org, { stewards: stewards.map((s) => ({ id: s.id, name: s.name })), phases, steward: access.steward, canEdit });
  }

  async get(actor: Actor | null, id: string): Promise<Initiative> {
    return this.present(await this.authorize(actor, id));
  }

  /** Owners and stewards of the organisation start initiatives as drafts; the creator stewards it. */
  async create(actor: Actor, orgSlug: string, body: CreateInitiativeBody): Promise<Initiative> {
    const { org, membership } = await this.orgs.access(actor, orgSlug);
    if (!canInitiative('create', { orgVisibility: org.visibility, visibility: body.visibility, status: 'draft', orgRole: roleOf(membership), steward: false })) throw forbidden('Only owners and stewards of the organisation start initiatives.');
    const now = this.ctx.clock.now().toISOString();
    const row: InitiativeRow = {
      id: newId(), orgId: org.id, slug: body.slug, title: body.title.trim(), summary: body.summary, vision: body.vision ?? '',
      goals: JSON.stringify(body.goals ?? []), object: body.object, reach: body.reach, locus: body.locus, adaptability: body.adaptability,
      audience: JSON.stringify(body.audience), visibility: body.visibility, status: 'draft', currentPhaseId: null,
      termsDraft: JSON.stringify(defaultTerms()), termsVersion: 0, createdBy: actor.userId, createdAt: now, updatedAt: now,
      launchedAt: null, closedAt: null, archivedAt: null, responseTargetHours: 168,
    };
    try {
      await this.ctx.db.transaction().execute(async (trx) => {
        await repo.insertInitiative(trx, row);
        await repo.replaceStewards(trx, row.id, [actor.userId], now);
        await this.events.record(trx, { type: 'initiative.created', actorId: actor.userId, orgId: org.id, subjectType: 'initiative', subjectId: row.id, payload: { title: row.title, slug: row.slug } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('slug_taken', `The organisation already has an initiative at "${body.slug}".`);
      throw error;
    }
    return this.get(actor, row.id);
  }

  async list(actor: Actor | null, orgSlug: string, query: { cursor?: string; limit?: number; status?: string }): Promise<PageResult<Omit<Initiative, 'phases' | 'vision'>>> {
    const { org, membership } = await this.orgs.access(actor, orgSlug);
    const limit = query.limit ?? 50;
    // Fetch a little more and drop what this reader may not see; pages stay bounded.
    const rows = await repo.listInitiatives(this.ctx.db, org.id, { status: query.status, after: decodeCursor(query.cursor), limit });
    const stewards = await repo.listStewards(this.ctx.db, rows.map((r) => r.id));
    const invited = actor === null ? new Set<string>() : await repo.invitedTo(this.ctx.db, rows.map((r) => r.id), actor.userId);
    const page = toPage(rows, limit, (r) => ({ key: r.id, id: r.id }), (r) => {
      const rowStewards = stewards.filter((s) => s.initiativeId === r.id).map((s) => ({ id: s.id, name: s.name }));
      const steward = actor !== null && rowStewards.some((s) => s.id === actor.userId);
      const resource = { orgVisibility: org.visibility, visibility: r.visibility as 'public', status: r.status as InitiativeStatus, orgRole: roleOf(membership), steward, invitee: invited.has(r.id) };
      if (!canInitiative('view', resource)) return null;
      const { phases: _phases, vision: _vision, ...rest } = presentInitiative(r, org, { stewards: rowStewards, phases: [], steward, canEdit: canInitiative('edit', resource) });
      return rest;
    });
    return { items: page.items.filter((i) => i !== null), nextCursor: page.nextCursor };
  }

  /** Charter fields can change while the initiative runs; the terms cannot (see TermsService). */
  async update(actor: Actor, id: string, body: UpdateInitiativeBody): Promise<Initiative> {
    const access = await this.authorize(actor, id, 'edit');
    if (access.initiative.status === 'archived') throw new AppError(409, 'initiative_archived', 'An archived initiative cannot change.');
    const now = this.ctx.clock.now().toISOString();
    const { stewards, goals, audience, ...fields } = body;
    await this.ctx.db.transaction().execute(async (trx) => {
      if (stewards !== undefined) {
        for (const userId of stewards) {
          const m = await this.orgs.findMembership(trx, access.org.id, userId);
          if (!m || m.role === 'observer') throw new AppError(422, 'validation_failed', 'Stewards must be owners, stewards or members of the organisation.', [{ path: '/stewards', message: `${userId} cannot steward this initiative`, code: 'not_member' }]);
        }
        await repo.replaceStewards(trx, id, stewards, now);
      }
      await repo.updateInitiative(trx, id, {
        ...fields,
        ...(fields.title !== undefined ? { title: fields.title.trim() } : {}),
        ...(goals !== undefined ? { goals: JSON.stringify(goals) } : {}),
        ...(audience !== undefined ? { audience: JSON.stringify(audience) } : {}),
        updatedAt: now,
      });
      await this.events.record(trx, { type: 'initiative.updated', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id, payload: { fields: Object.keys(body) } });
    });
    return this.get(actor, id);
  }
}
