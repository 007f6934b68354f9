import { sql } from 'kysely';
import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newSecret } from '../../lib/ids.js';
import { hashPassword, verifyPassword } from '../accounts/passwords.js';
import type { EventsService } from '../events/service.js';

export const FORMER_PARTICIPANT = 'Former participant';
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

/**
 * Erasure on request: the person is anonymised, what they wrote stays. Their name becomes
 * "Former participant", their e-mail an address that can never receive mail, their password
 * one nobody knows; every session ends and every API token is revoked. Memberships,
 * contributions, comments, supports and credit remain, shown as a former participant.
 */
export class ErasureService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
  ) {}

  async erase(actor: Actor, password: string): Promise<void> {
    const user = await this.ctx.db.selectFrom('users').select(['id', 'email', 'passwordHash']).where('id', '=', actor.userId).executeTakeFirst();
    if (!user || !(await verifyPassword(user.passwordHash, password))) throw new AppError(403, 'wrong_password', 'The password is not right; your account was not erased.');
    // A password nobody knows, in the usual format, so a login attempt fails like any other.
    const passwordHash = await hashPassword(newSecret());
    const email = erasedEmail(user.id);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.refuseLastOwner(trx, user.id);
      await trx.updateTable('users').set({ name: FORMER_PARTICIPANT, email, passwordHash, erasedAt: now, updatedAt: now }).where('id', '=', user.id).execute();
      await trx.deleteFrom('sessions').where('userId', '=', user.id).execute();
      await trx.updateTable('apiTokens').set({ revokedAt: now }).where('userId', '=', user.id).where('revokedAt', 'is', null).execute();
      // The address also lives in invitations and in the payloads of their audit events.
      await trx.updateTable('invitations').set({ email }).where('email', '=', user.email).execute();
      await this.scrubEvents(trx, user.email, email);
      await this.events.record(trx, { type: 'user.erased', actorId: user.id, orgId: null, subjectType: 'user', subjectId: user.id });
    });
  }

  /** An organisation with other members must keep an owner who can sign in. */
  private async refuseLastOwner(trx: Db, userId: string): Promise<void> {
    const owned = await trx
      .selectFrom('memberships as m')
      .innerJoin('orgs as o', 'o.id', 'm.orgId')
      .select(['o.id', 'o.slug'])
      .where('m.userId', '=', userId)
      .where('m.role', '=', 'owner')
      .where((eb) => eb(eb.selectFrom('memberships as x').select((x) => x.fn.countAll<number>().as('n')).whereRef('x.orgId', '=', 'm.orgId').where('x.role', '=', 'owner'), '=', 1))
      .where((eb) => eb(eb.selectFrom('memberships as y').select((y) => y.fn.countAll<number>().as('n')).whereRef('y.orgId', '=', 'm.orgId'), '>', 1))
      .execute();
    if (owned.length > 0) {
      throw new AppError(409, 'last_owner', `You are the only owner of ${owned.map((o) => o.slug).join(', ')}: make someone else an owner first, so its members keep someone who runs it.`,
        owned.map((o) => ({ path: '/orgs', message: o.slug, code: 'last_owner' })));
    }
  }

  /** Replaces the address as a whole JSON string (quotes included), never inside another address. */
  private async scrubEvents(trx: Db, email: string, placeholder: string): Promise<void> {
    const [from, to] = [JSON.stringify(email), JSON.stringify(placeholder)];
    if (this.ctx.dialect === 'postgres') {
      await sql`update events set payload = replace(payload::text, ${from}, ${to})::jsonb where strpos(payload::text, ${from}) > 0`.execute(trx);
    } else {
      await sql`update events set payload = replace(payload, ${from}, ${to}) where instr(payload, ${from}) > 0`.execute(trx);
    }
  }
}
