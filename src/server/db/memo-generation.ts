import type SQLite from 'better-sqlite3';

/**
 * Tables whose writes leave every kept lookup valid (version-memo.ts): the ones the busiest
 * writes touch (supports, contributions, comments, events, the delivery machinery behind them
 * and the search index's keys), which no kept lookup reads. A test holds the kept lookups to
 * that (memo-lookups test). Every other table, including any added later, moves the generation;
 * virtual tables and their storage are never watched.
 */
export const UNWATCHED_TABLES: ReadonlySet<string> = new Set([
  'supports', 'contributions', 'contribution_authors', 'contribution_revisions', 'contribution_tags', 'contribution_links',
  'contribution_attachments', 'comments', 'comment_revisions', 'follows', 'events', 'notifications', 'jobs', 'mail_deliveries',
  'webhook_deliveries', 'consumer_offsets', 'trending_window', 'flags', 'search_index_keys',
]);

const PREFIX = 'moebius_memo_';

/**
 * SQLite: a version for the kept lookups that, unlike the data version, survives this process's
 * own writes to the tables above — at thousands of supports a second every commit used to drop
 * every kept token and initiative, and each request looked them up again (docs/benchmarks.md).
 *
 * A counter in a temporary table (this connection's own, never on disk) is moved by temporary
 * triggers on every other table; other processes' commits move `data_version`, and schema
 * changes `schema_version`, after which the triggers are made again for the tables there are
 * then. The counter is transactional: a rolled-back write takes its move back with it. So that
 * a version never names two states (one seen inside a transaction that then rolled back, and a
 * later commit reaching the same count), a read made while a transaction is open answers a
 * version used once and never again.
 */
export function sqliteMemoVersion(database: SQLite.Database): () => string {
  database.exec('create temp table if not exists moebius_memo_generation (n integer not null); insert into temp.moebius_memo_generation select 0 where not exists (select 1 from temp.moebius_memo_generation)');
  const generation = database.prepare('select n from temp.moebius_memo_generation').pluck();
  const external = database.prepare('pragma data_version').pluck();
  const schema = database.prepare('pragma schema_version').pluck();
  let watching: unknown = null;
  let once = 0;
  return () => {
    if (!database.open) return 'closed';
    if (database.inTransaction) return `in-transaction.${++once}`;
    const schemaVersion = schema.get();
    if (schemaVersion !== watching) {
      try {
        watchTables(database);
      } catch {
        // Not watched: nothing may be kept (a version used once); the next read tries again.
        return `unwatched.${++once}`;
      }
      watching = schemaVersion;
    }
    return `${String(external.get())}.${String(schemaVersion)}.${String(generation.get())}`;
  };
}

/** (Re)makes the temporary triggers: insert, update and delete on every watched table move the counter. */
function watchTables(database: SQLite.Database): void {
  const old = database.prepare(`select name from temp.sqlite_master where type = 'trigger' and name like '${PREFIX}%'`).pluck().all() as string[];
  // Ordinary tables only: not a virtual table's own storage (FTS5's search_index_data, …, type 'shadow'), written only through it.
  const tables = database.prepare(`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'`).pluck().all() as string[];
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const statements = old.map((name) => `drop trigger if exists temp.${quoted(name)}`);
  for (const table of tables.filter((t) => !UNWATCHED_TABLES.has(t))) {
    for (const event of ['insert', 'update', 'delete']) {
      statements.push(`create temp trigger ${quoted(`${PREFIX}${table}_${event}`)} after ${event} on main.${quoted(table)} begin update temp.moebius_memo_generation set n = n + 1; end`);
    }
  }
  statements.push('update temp.moebius_memo_generation set n = n + 1');
  // All or nothing: a failure rolls back and leaves the triggers as they were.
  database.transaction(() => {
    for (const statement of statements) database.exec(statement);
  })();
}
