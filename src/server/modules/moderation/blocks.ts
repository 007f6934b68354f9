import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import { decodeTimeCursor } from './cursor.js';
import { displayName } from '../contributions/present.js';
import type { EventsService } from '../events/service.js';
import type { OrgAccess, OrgsService } from '../orgs/service.js';
import { requireText } from './hiding.js';
import type { Block, BlockBody } from './schemas.js';

const alreadyBlocked = () => conflict('already_blocked', 'This person is already blocked.');

/**
 * Blocks: owners and stewards stop a person from contributing, supporting and commenting in
 * their organisation. The person keeps their membership, can still read, and everything they
 * wrote stays; the participation gate refuses them with `blocked`.
 */
export class BlocksService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly orgs: OrgsService,
  ) {}

  /** Owners and stewards; 404 when the organisation is out of sight, 403 for other members. */
  private async manager(actor: Actor, slug: string): Promise<OrgAccess> {
    const access = await this.orgs.access(actor, slug);
    const role = access.membership?.role;
    if (role !== 'owner' && role !== 'steward') throw forbidden('Only owners and stewards of the organisation block people.');
    return access;
  }

  async block(actor: Actor, slug: string, body: BlockBody): Promise<Block> {
    const { org } = await this.manager(actor, slug);
    const reason = requireText('/reason', body.reason);
    if (body.userId === actor.userId) throw conflict('cannot_block_yourself', 'You cannot block yourself.');
    const target = await this.orgs.findMembership(this.ctx.db, org.id, body.userId);
    if (!target) throw notFound('The member');
    if (target.role === 'owner') throw conflict('cannot_block_owner', 'Owners cannot be blocked.');
    const row = { orgId: org.id, userId: body.userId, reason, blockedBy: actor.userId, createdAt: this.ctx.clock.now().toISOString() };
    try {
      await this.ctx.db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('orgBlocks').select('userId').where('orgId', '=', org.id).where('userId', '=', body.userId).executeTakeFirst()) throw alreadyBlocked();
        await trx.insertInto('orgBlocks').values(row).execute();
        await this.events.record(trx, { type: 'membership.blocked', actorId: actor.userId, orgId: org.id, subjectType: 'user', subjectId: body.userId, payload: { reason, role: target.role } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyBlocked();
      throw error;
    }
    return present(await this.rows(org.id).where('b.userId', '=', body.userId).executeTakeFirstOrThrow());
  }

  /** The organisation's blocks, oldest first. */
  async list(actor: Actor, slug: string, query: PageQuery): Promise<PageResult<Block>> {
    const { org } = await this.manager(actor, slug);
    const limit = query.limit ?? 50;
    const cursor = decodeTimeCursor(query.cursor);
    let q = this.rows(org.id);
    if (cursor) {
      const { at, id } = cursor;
      q = q.where((eb) => eb.or([eb('b.createdAt', '>', at), eb.and([eb('b.createdAt', '=', at), eb('b.userId', '>', id)])]));
    }
    const rows = await q.orderBy('b.createdAt').orderBy('b.userId').limit(limit + 1).execute();
    return toPage(rows, limit, (r) => ({ key: r.createdAt, id: r.userId }), present);
  }

  /** Lifts a block; the history stays in the audit log. */
  async unblock(actor: Actor, slug: string, userId: string): Promise<void> {
    const { org } = await this.manager(actor, slug);
    await this.ctx.db.transaction().execute(async (trx) => {
      const block = await trx.selectFrom('orgBlocks').select('reason').where('orgId', '=', org.id).where('userId', '=', userId).executeTakeFirst();
      if (!block) throw notFound('The block');
      await trx.deleteFrom('orgBlocks').where('orgId', '=', org.id).where('userId', '=', userId).execute();
      await this.events.record(trx, { type: 'membership.unblocked', actorId: actor.userId, orgId: org.id, subjectType: 'user', subjectId: userId, payload: { reason: block.reason } });
    });
  }

  private rows(orgId: string) {
    return this.ctx.db
      .selectFrom('orgBlocks as b')
      .innerJoin('users as u', 'u.id', 'b.userId')
      .innerJoin('users as blocker', 'blocker.id', 'b.blockedBy')
      .select(['b.userId', 'b.reason', 'b.createdAt', 'b.blockedBy', 'u.name', 'u.erasedAt', 'blocker.name as byName', 'blocker.erasedAt as byErasedAt'])
      .where('b.orgId', '=', orgId);
  }
}

interface BlockRow {
  userId: string;
  reason: string;
  createdAt: string;
  blockedBy: string;
  name: string;
  erasedAt: string | null;
  byName: string;
  byErasedAt: string | null;
}

const present = (r: BlockRow): Block => ({
  user: { id: r.userId, name: displayName(r) },
  reason: r.reason,
  blockedBy: { id: r.blockedBy, name: displayName({ name: r.byName, erasedAt: r.byErasedAt }) },
  createdAt: r.createdAt,
});
