import { Type, type Static } from 'typebox';
import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { EventsService } from '../events/service.js';
import type { OrgsService } from '../orgs/service.js';
import * as repo from './repository.js';
import type { InitiativesService } from './service.js';

export const Invitee = Type.Object({ id: Type.String(), name: Type.String(), addedAt: Type.String({ format: 'date-time' }) });
export const InviteeList = Type.Object({ items: Type.Array(Invitee) });
export const AddInviteeBody = Type.Object({ userId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const InviteeParams = Type.Object({ id: Type.String({ maxLength: 64 }), userId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export type InviteeList = Static<typeof InviteeList>;

/** The members invited to an invite-only initiative: they may see it and take part. */
export class InviteesService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
    private readonly orgs: OrgsService,
  ) {}

  async list(actor: Actor, id: string): Promise<InviteeList> {
    await this.initiatives.authorize(actor, id, 'edit');
    return { items: await repo.listInvitees(this.ctx.db, id) };
  }

  async add(actor: Actor, id: string, userId: string): Promise<InviteeList> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    const membership = await this.orgs.findMembership(this.ctx.db, access.org.id, userId);
    if (!membership) {
      throw new AppError(422, 'validation_failed', 'Only members of the organisation can be invited to an initiative.', [{ path: '/userId', message: 'is not a member of the organisation', code: 'not_member' }]);
    }
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('initiativeInvitees').values({ initiativeId: id, userId, addedBy: actor.userId, addedAt: this.ctx.clock.now().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
      await this.events.record(trx, { type: 'initiative.invitee_added', actorId: actor.userId, orgId: access.org.id, subjectType: 'user', subjectId: userId, payload: { initiativeId: id } });
    });
    return this.list(actor, id);
  }

  async remove(actor: Actor, id: string, userId: string): Promise<void> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    await this.ctx.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('initiativeInvitees').where('initiativeId', '=', id).where('userId', '=', userId).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('The invitee');
      await this.events.record(trx, { type: 'initiative.invitee_removed', actorId: actor.userId, orgId: access.org.id, subjectType: 'user', subjectId: userId, payload: { initiativeId: id } });
    });
  }
}
