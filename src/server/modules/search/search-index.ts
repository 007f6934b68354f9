import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';

export interface IndexedText {
  subjectType: 'contribution' | 'comment';
  subjectId: string;
  contributionId: string;
  initiativeId: string;
  title: string;
  body: string;
}

/**
 * Keeps the full-text index in step with what people wrote, inside the writer's transaction.
 * The same table serves both dialects (FTS5 on SQLite, GIN-indexed on PostgreSQL), so writing
 * is one delete and one insert; only the queries differ (see search/service.ts). On SQLite the
 * row to replace is found through search_index_keys (FTS5 cannot look up subject_id).
 */
export const searchIndex = {
  async put(trx: Db, dialect: Dialect, text: IndexedText): Promise<void> {
    if (dialect === 'postgres') {
      await trx.deleteFrom('searchIndex').where('subjectId', '=', text.subjectId).execute();
      await trx.insertInto('searchIndex').values(text).execute();
      return;
    }
    await removeSqlite(trx, text.subjectId);
    const inserted = await trx.insertInto('searchIndex').values(text).executeTakeFirstOrThrow();
    await trx.insertInto('searchIndexKeys').values({ subjectId: text.subjectId, rowId: Number(inserted.insertId) }).execute();
  },
  async remove(trx: Db, dialect: Dialect, subjectId: string): Promise<void> {
    if (dialect === 'postgres') await trx.deleteFrom('searchIndex').where('subjectId', '=', subjectId).execute();
    else await removeSqlite(trx, subjectId);
  },
};

async function removeSqlite(trx: Db, subjectId: string): Promise<void> {
  const key = await trx.deleteFrom('searchIndexKeys').where('subjectId', '=', subjectId).returning('rowId').executeTakeFirst();
  if (key !== undefined) await trx.deleteFrom('searchIndex').where(sql.ref('rowid'), '=', key.rowId).execute();
}
