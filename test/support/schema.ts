import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle, type Dialect } from '../../src/server/db/database.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** Runs `body` on a new, empty database of `dialect` (not migrated), closed and dropped afterwards. */
export async function onFreshDatabase<T>(dialect: Dialect, body: (handle: DatabaseHandle, target: TestDatabase) => Promise<T>): Promise<T> {
  const target = await createTestDatabase(dialect);
  const handle = createDatabase(target.url);
  try {
    return await body(handle, target);
  } finally {
    await handle.close();
    await target.drop();
  }
}

/** The names of a table's indexes, sorted (PostgreSQL's include the primary key's; SQLite names none for a WITHOUT ROWID key). */
export async function indexesOf(handle: DatabaseHandle, table: string): Promise<string[]> {
  const { rows } =
    handle.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = ${table} order by name`.execute(handle.db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = ${table} order by indexname`.execute(handle.db);
  return rows.map((r) => r.name);
}
