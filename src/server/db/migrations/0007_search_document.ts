import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { PG_DOCUMENT } from './0003_contributions.js';

/**
 * PostgreSQL: the search document as a stored column (generated from title and body) with the
 * GIN index on it. Queries that walk the index by recency test each row against the stored
 * vector instead of parsing its text again (a search for a common word took 200 ms at city
 * scale), and ranking reads it too. SQLite's FTS5 keeps its own index: nothing to do there.
 */
export const searchDocument = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'postgres') return;
    await sql`alter table search_index add column document tsvector generated always as (${sql.raw(PG_DOCUMENT)}) stored`.execute(db);
    await sql`drop index search_index_document_idx`.execute(db);
    await sql`create index search_index_document_idx on search_index using gin (document)`.execute(db);
  },
});
