import type { Db } from '../../db/database.js';
import type { Cursor } from '../../lib/pagination.js';
import type { AssetAccess } from './schemas.js';

const needs = (db: Db) =>
  db.selectFrom('needs').innerJoin('users', 'users.id', 'needs.createdBy').selectAll('needs').select('users.name as authorName');
const assets = (db: Db) =>
  db.selectFrom('sharedAssets').innerJoin('users', 'users.id', 'sharedAssets.createdBy').selectAll('sharedAssets').select('users.name as authorName');

export const findNeed = (db: Db, id: string) => needs(db).where('needs.id', '=', id).executeTakeFirst();
export const findAsset = (db: Db, id: string) => assets(db).where('sharedAssets.id', '=', id).executeTakeFirst();

export function listNeeds(db: Db, initiativeId: string, after: Cursor | null, limit: number) {
  let query = needs(db).where('needs.initiativeId', '=', initiativeId);
  if (after !== null) query = query.where('needs.id', '<', String(after.id));
  return query.orderBy('needs.id', 'desc').limit(limit + 1).execute();
}

export function listAssets(db: Db, initiativeId: string, reach: AssetAccess[], after: Cursor | null, limit: number) {
  let query = assets(db).where('sharedAssets.initiativeId', '=', initiativeId).where('sharedAssets.access', 'in', reach);
  if (after !== null) query = query.where('sharedAssets.id', '<', String(after.id));
  return query.orderBy('sharedAssets.id', 'desc').limit(limit + 1).execute();
}

export type NeedWithAuthor = NonNullable<Awaited<ReturnType<typeof findNeed>>>;
export type AssetWithAuthor = NonNullable<Awaited<ReturnType<typeof findAsset>>>;
