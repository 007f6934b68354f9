import type { Db } from '../../db/database.js';
import type { Insertable } from 'kysely';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../../db/schema.js';
import { reusable } from '../../db/reusable.js';

export const findUserById = (db: Db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Db, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const insertUser = (db: Db, user: Insertable<UsersTable>) => db.insertInto('users').values(user).execute();

export const updateUser = (db: Db, id: string, changes: Partial<Pick<UsersTable, 'name' | 'passwordHash' | 'updatedAt'>>) =>
  db.updateTable('users').set(changes).where('id', '=', id).execute();

export const insertSession = (db: Db, session: Insertable<SessionsTable>) => db.insertInto('sessions').values(session).execute();

export const findSessionWithUser = (db: Db, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id', 'sessions.userId', 'sessions.csrfToken', 'sessions.expiresAt', 'sessions.lastSeenAt', 'users.name', 'users.email'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();

export const touchSession = (db: Db, id: string, lastSeenAt: string, expiresAt: string) =>
  db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();

export const deleteSession = (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

/** Deletes the sessions that expired before `now` (the worker, hourly); how many. Writes nothing when none did. */
export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expiresAt', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const deleteSessionsOfUser = (db: Db, userId: string, exceptId: string | null) => {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return query.execute();
};

export const insertToken = (db: Db, token: Insertable<ApiTokensTable>) => db.insertInto('apiTokens').values(token).execute();

// Every request with an API token runs it: compiled once (see db/reusable.ts).
const tokenWithUser = reusable((db, p: { tokenHash: string }) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select(['apiTokens.id', 'apiTokens.userId', 'apiTokens.expiresAt', 'apiTokens.revokedAt', 'apiTokens.lastUsedAt', 'users.name', 'users.email'])
    .where('apiTokens.tokenHash', '=', p.tokenHash),
);

export const findTokenWithUser = (db: Db, tokenHash: string) => tokenWithUser.first(db, { tokenHash });

export const touchToken = (db: Db, id: string, lastUsedAt: string) =>
  db.updateTable('apiTokens').set({ lastUsedAt }).where('id', '=', id).execute();

export const listActiveTokens = (db: Db, userId: string) =>
  db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(100)
    .execute();

export const revokeToken = (db: Db, userId: string, id: string, revokedAt: string) =>
  db
    .updateTable('apiTokens')
    .set({ revokedAt })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
