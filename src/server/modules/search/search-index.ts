import type { Db } from '../../db/database.js';

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
 * is one delete and one insert; only the queries differ (see search/service.ts).
 */
export const searchIndex = {
  async put(trx: Db, text: IndexedText): Promise<void> {
    await trx.deleteFrom('searchIndex').where('subjectId', '=', text.subjectId).execute();
    await trx.insertInto('searchIndex').values(text).execute();
  },
  async remove(trx: Db, subjectId: string): Promise<void> {
    await trx.deleteFrom('searchIndex').where('subjectId', '=', subjectId).execute();
  },
};
