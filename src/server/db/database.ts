import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import type { Database } from './schema.js';
import { readOncePerTurn, sharedRead } from './shared-read.js';
import { startCheckpointer } from './checkpointer.js';
import { allowDirect, ColumnNames } from './direct.js';
import { sqliteMemoVersion } from './memo-generation.js';
import { prepareStatements } from './prepared.js';
import { withStatementCache } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /**
   * Names the database's committed state: equal versions mean equal data, and any write
   * (here or by another process) gives a new one. Read it before the data it keys, so the data
   * is at least as new as its version. See ADR 0008.
   */
  dataVersion(): Promise<string>;
  /**
   * Names the state of what kept lookups read (version-memo.ts): it changes with every write
   * the data version sees, except this process's own writes to the tables no kept lookup reads
   * (SQLite: memo-generation.ts). On PostgreSQL it is the data version.
   */
  memoVersion(): Promise<string>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint as string and timestamptz as Date; Moebius uses numbers and ISO strings on both dialects.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());

function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): at city scale the indexes written on every
  // support and contribution stay in memory instead of being read back from the OS each time.
  database.pragma('cache_size = -65536');
  // Checkpoints run on a background thread (checkpointer.ts); this one only if it falls behind.
  database.pragma('wal_autocheckpoint = 10000');
  return database;
}

/** One factory for both dialects: `sqlite:PATH` or `postgres://…`. */
export function createDatabase(url: string, options: { poolSize?: number; onQuery?: (sql: string) => void } = {}): DatabaseHandle {
  const camelCase = new ColumnNames();
  const plugins = [camelCase];
  const { onQuery } = options;
  const log = onQuery === undefined ? undefined : (event: LogEvent) => onQuery(event.query.sql);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const database = openSqlite(path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }), plugins, ...(log && { log }) });
    allowDirect(db, { database, camelCase, onQuery });
    const stopCheckpointer = path === ':memory:' ? async () => undefined : startCheckpointer(path);
    return {
      db, dialect: 'sqlite', dataVersion: readOncePerTurn(sqliteDataVersion(database)), memoVersion: readOncePerTurn(sqliteMemoVersion(database)),
      close: async () => {
        await stopCheckpointer();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  prepareStatements(pool);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins, ...(log && { log }) });
  const dataVersion = postgresDataVersion(pool);
  return { db, dialect: 'postgres', dataVersion, memoVersion: dataVersion, close: () => db.destroy() };
}

/**
 * SQLite: the rows this connection has changed so far (total_changes, which never goes back)
 * and the commits of other connections (data_version). Both are read without a query plan.
 */
function sqliteDataVersion(database: SQLite.Database): () => string {
  const changes = database.prepare('select total_changes()').pluck();
  const external = database.prepare('pragma data_version').pluck();
  return () => (database.open ? `${String(external.get())}.${String(changes.get())}` : 'closed');
}

/**
 * PostgreSQL: the current snapshot (xmin:xmax:in-progress ids). It changes exactly when a
 * write transaction starts or ends anywhere in the cluster; reads do not move it. Requests
 * asking at once share one read that started after they asked (shared-read.ts).
 */
function postgresDataVersion(pool: pg.Pool): () => Promise<string> {
  return sharedRead(async () => (await pool.query<{ s: string }>('select pg_current_snapshot()::text as s')).rows[0]?.s ?? '');
}

/** True when the database answers a trivial query (readiness). */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** JSON columns: text on SQLite, jsonb (already parsed) on PostgreSQL. */
export const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
