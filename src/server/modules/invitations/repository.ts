import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';

export const insertInvitation = (db: Db, row: Insertable<InvitationsTable>) => db.insertInto('invitations').values(row).execute();

const withInviter = (db: Db) =>
  db.selectFrom('invitations').innerJoin('users', 'users.id', 'invitations.invitedBy').selectAll('invitations').select('users.name as inviterName');

export const findInvitation = (db: Db, orgId: string, id: string) =>
  withInviter(db).where('invitations.orgId', '=', orgId).where('invitations.id', '=', id).executeTakeFirst();

export const findInvitationByToken = (db: Db, tokenHash: string) =>
  withInviter(db).where('invitations.tokenHash', '=', tokenHash).executeTakeFirst();

export const findPendingForEmail = (db: Db, orgId: string, email: string, now: string) =>
  db
    .selectFrom('invitations')
    .select('id')
    .where('orgId', '=', orgId)
    .where('email', '=', email)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .execute();

export function listInvitations(db: Db, orgId: string, after: Cursor | null, limit: number) {
  let query = withInviter(db).where('invitations.orgId', '=', orgId);
  if (after !== null) query = query.where('invitations.id', '<', String(after.id));
  return query.orderBy('invitations.id', 'desc').limit(limit + 1).execute();
}

export const markRevoked = (db: Db, id: string, revokedAt: string, revokedBy: string) =>
  db.updateTable('invitations').set({ revokedAt, revokedBy }).where('id', '=', id).execute();

/** Marks accepted only if still open, so two concurrent accepts cannot both win. */
export const markAccepted = (db: Db, id: string, acceptedAt: string, acceptedBy: string) =>
  db
    .updateTable('invitations')
    .set({ acceptedAt, acceptedBy })
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();

export type InvitationWithInviter = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;
