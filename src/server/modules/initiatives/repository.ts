import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { InitiativesTable, PhasesTable } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';
import { reusable } from '../../db/reusable.js';
import { omit } from '../../db/rows.js';

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

// The participation gate reads the current phase before every contribution, comment and support.
const phaseById = reusable((db, p: { initiativeId: string; id: string }) => db.selectFrom('phases').selectAll().where('initiativeId', '=', p.initiativeId).where('id', '=', p.id));

/** One phase of the initiative (compiled once, see db/reusable.ts). */
export const findPhase = (db: Db, initiativeId: string, id: string) => phaseById.first(db, { initiativeId, id });

export async function replacePhases(db: Db, initiativeId: string, phases: Insertable<PhasesTable>[]): Promise<void> {
  await db.deleteFrom('phases').where('initiativeId', '=', initiativeId).execute();
  if (phases.length > 0) await db.insertInto('phases').values(phases).execute();
}

/**
 * An initiative with its organisation, the reader's membership and whether they steward it or
 * are invited to it: what every access check needs, in one statement (compiled once: every
 * request about an initiative or a contribution runs it).
 */
const accessRow = reusable((db, p: { id: string; uid: string }) =>
  db
    .selectFrom('initiatives as i')
    .innerJoin('orgs as o', 'o.id', 'i.orgId')
    .leftJoin('memberships as m', (join) => join.onRef('m.orgId', '=', 'o.id').on('m.userId', '=', p.uid))
    .selectAll('i')
    .select(['o.slug as oSlug', 'o.name as oName', 'o.description as oDescription', 'o.visibility as oVisibility', 'o.createdBy as oCreatedBy', 'o.createdAt as oCreatedAt', 'o.updatedAt as oUpdatedAt'])
    .select(['m.id as mId', 'm.kind as mKind', 'm.role as mRole', 'm.createdAt as mCreatedAt', 'm.updatedAt as mUpdatedAt'])
    .select((eb) => [
      eb.exists(eb.selectFrom('initiativeStewards as s').select('s.userId').whereRef('s.initiativeId', '=', 'i.id').where('s.userId', '=', p.uid)).as('steward'),
      eb.exists(eb.selectFrom('initiativeInvitees as v').select('v.userId').whereRef('v.initiativeId', '=', 'i.id').where('v.userId', '=', p.uid)).as('invitee'),
    ])
    .where('i.id', '=', p.id),
);

/** The columns of `accessRow` that are not the initiative's. */
const JOINED = new Set(['oSlug', 'oName', 'oDescription', 'oVisibility', 'oCreatedBy', 'oCreatedAt', 'oUpdatedAt', 'mId', 'mKind', 'mRole', 'mCreatedAt', 'mUpdatedAt', 'steward', 'invitee'] as const);

export async function findAccess(db: Db, id: string, userId: string | null) {
  const row = await accessRow.first(db, { id, uid: userId ?? '' });
  if (row === undefined) return undefined;
  const { oSlug, oName, oDescription, oVisibility, oCreatedBy, oCreatedAt, oUpdatedAt, mId, mKind, mRole, mCreatedAt, mUpdatedAt, steward, invitee } = row;
  const initiative = omit(row, JOINED);
  return {
    initiative,
    org: { id: initiative.orgId, slug: oSlug, name: oName, description: oDescription, visibility: oVisibility, createdBy: oCreatedBy, createdAt: oCreatedAt, updatedAt: oUpdatedAt },
    membership: mId === null || userId === null ? null : { id: mId, orgId: initiative.orgId, userId, kind: mKind ?? '', role: mRole ?? '', createdAt: mCreatedAt ?? '', updatedAt: mUpdatedAt ?? '' },
    steward: userId !== null && Boolean(steward),
    invitee: userId !== null && Boolean(invitee),
  };
}
