import type { Insertable } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import type { MembershipsTable, OrgsTable, OrgUpdate } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';

export const findOrgBySlug = (db: Db, slug: string) => db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findOrgById = (db: Db, id: string) => db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

export const insertOrg = (db: Db, org: Insertable<OrgsTable>) => db.insertInto('orgs').values(org).execute();

export const updateOrg = (db: Db, id: string, changes: OrgUpdate) => db.updateTable('orgs').set(changes).where('id', '=', id).execute();

/** Serialises membership changes of one organisation (PostgreSQL row lock; SQLite has one writer anyway). */
export async function lockOrg(db: Db, dialect: Dialect, orgId: string): Promise<void> {
  if (dialect === 'postgres') await db.selectFrom('orgs').select('id').where('id', '=', orgId).forUpdate().execute();
}

export const findMembership = (db: Db, orgId: string, userId: string) =>
  db.selectFrom('memberships').selectAll().where('orgId', '=', orgId).where('userId', '=', userId).executeTakeFirst();

export const insertMembership = (db: Db, membership: Insertable<MembershipsTable>) => db.insertInto('memberships').values(membership).execute();

export const updateMembership = (db: Db, id: string, changes: Partial<Pick<MembershipsTable, 'role' | 'kind' | 'updatedAt'>>) =>
  db.updateTable('memberships').set(changes).where('id', '=', id).execute();

export const deleteMembership = (db: Db, id: string) => db.deleteFrom('memberships').where('id', '=', id).execute();

export async function countOwners(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countMembers(db: Db, orgIds: string[]): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['orgId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('orgId', 'in', orgIds)
    .groupBy('orgId')
    .execute();
  return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
}

/** The organisations a person belongs to, by name. */
export function listOrgsOfUser(db: Db, userId: string, after: Cursor | null, limit: number) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.orgId')
    .selectAll('orgs')
    .select(['memberships.role as myRole', 'memberships.kind as myKind'])
    .where('memberships.userId', '=', userId);
  if (after !== null) {
    const key = String(after.key);
    const id = String(after.id);
    query = query.where((eb) => eb.or([eb('orgs.name', '>', key), eb.and([eb('orgs.name', '=', key), eb('orgs.id', '>', id)])]));
  }
  return query.orderBy('orgs.name').orderBy('orgs.id').limit(limit + 1).execute();
}

/** Members in the order they joined. */
export function listMembers(db: Db, orgId: string, after: Cursor | null, limit: number) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.id', 'memberships.userId', 'memberships.kind', 'memberships.role', 'memberships.createdAt', 'users.name', 'users.email'])
    .where('memberships.orgId', '=', orgId);
  if (after !== null) query = query.where('memberships.id', '>', String(after.id));
  return query.orderBy('memberships.id').limit(limit + 1).execute();
}
