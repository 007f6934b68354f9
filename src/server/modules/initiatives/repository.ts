import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { InitiativesTable, PhasesTable } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';

export const findInitiative = (db: Db, id: string) => db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();

export const insertInitiative = (db: Db, row: Insertable<InitiativesTable>) => db.insertInto('initiatives').values(row).execute();

export const updateInitiative = (db: Db, id: string, changes: Updateable<InitiativesTable>) =>
  db.updateTable('initiatives').set(changes).where('id', '=', id).execute();

/** Locks the initiative row on PostgreSQL so lifecycle steps and amendments run one at a time. */
export async function lockInitiative(db: Db, dialect: 'sqlite' | 'postgres', id: string): Promise<void> {
  if (dialect === 'postgres') await db.selectFrom('initiatives').select('id').where('id', '=', id).forUpdate().execute();
}

export function listInitiatives(db: Db, orgId: string, filter: { status?: string | undefined; after: Cursor | null; limit: number }) {
  let query = db.selectFrom('initiatives').selectAll().where('orgId', '=', orgId).where('status', '!=', 'discarded');
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.after !== null) query = query.where('id', '<', String(filter.after.id));
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export const listStewards = (db: Db, initiativeIds: string[]) =>
  initiativeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('initiativeStewards')
        .innerJoin('users', 'users.id', 'initiativeStewards.userId')
        .select(['initiativeStewards.initiativeId', 'users.id', 'users.name'])
        .where('initiativeStewards.initiativeId', 'in', initiativeIds)
        .orderBy('initiativeStewards.addedAt')
        .execute();

export const isSteward = async (db: Db, initiativeId: string, userId: string) =>
  (await db.selectFrom('initiativeStewards').select('userId').where('initiativeId', '=', initiativeId).where('userId', '=', userId).executeTakeFirst()) !== undefined;

export async function replaceStewards(db: Db, initiativeId: string, userIds: string[], now: string): Promise<void> {
  await db.deleteFrom('initiativeStewards').where('initiativeId', '=', initiativeId).execute();
  await db.insertInto('initiativeStewards').values(userIds.map((userId) => ({ initiativeId, userId, addedAt: now }))).execute();
}

export const invitedTo = async (db: Db, initiativeIds: string[], userId: string): Promise<Set<string>> =>
  initiativeIds.length === 0
    ? new Set()
    : new Set(
        (await db.selectFrom('initiativeInvitees').select('initiativeId').where('userId', '=', userId).where('initiativeId', 'in', initiativeIds).execute()).map((r) => r.initiativeId),
      );

export const listInvitees = (db: Db, initiativeId: string) =>
  db
    .selectFrom('initiativeInvitees')
    .innerJoin('users', 'users.id', 'initiativeInvitees.userId')
    .select(['users.id', 'users.name', 'initiativeInvitees.addedAt'])
    .where('initiativeInvitees.initiativeId', '=', initiativeId)
    .orderBy('initiativeInvitees.addedAt')
    .limit(1000)
    .execute();

export const listPhases = (db: Db, initiativeId: string) =>
  db.selectFrom('phases').selectAll().where('initiativeId', '=', initiativeId).orderBy('position').execute();

export async function replacePhases(db: Db, initiativeId: string, phases: Insertable<PhasesTable>[]): Promise<void> {
  await db.deleteFrom('phases').where('initiativeId', '=', initiativeId).execute();
  if (phases.length > 0) await db.insertInto('phases').values(phases).execute();
}
