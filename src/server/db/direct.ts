import type SQLite from 'better-sqlite3';
import { CamelCasePlugin } from 'kysely';
import type { Db } from './database.js';

/** What a reusable query gets back, as Kysely's executor would answer it. */
export interface DirectResult {
  rows: Record<string, unknown>[];
  numAffectedRows?: bigint;
}

/** Kysely's CamelCasePlugin, with its name mapping open to the direct path. */
export class ColumnNames extends CamelCasePlugin {
  /** The property a column comes back as. */
  propertyOf(column: string): string {
    return this.camelCase(column);
  }
}

interface Connection {
  database: SQLite.Database;
  camelCase: ColumnNames;
  onQuery: ((sql: string) => void) | undefined;
}

/** SQLite connections reusable queries may run on directly, by the Kysely adapter their `Db` shares with its transactions. */
const connections = new WeakMap<object, Connection>();

/** Lets reusable queries on `db` (and its transactions) run straight on its SQLite connection. */
export function allowDirect(db: Db, connection: Connection): void {
  connections.set(db.getExecutor().adapter, connection);
}

/**
 * A compiled statement run on better-sqlite3 itself instead of through Kysely's executor
 * (db/reusable.ts). For the few statements every support and contribution runs, the executor's
 * connection lock, promises and result plugin added two thirds to SQLite's own work (a
 * primary-key read: 7.2 µs through Kysely, 4.4 µs straight). Rows are camel-cased by the same
 * CamelCasePlugin the Kysely instance uses, so both paths answer alike.
 *
 * Kysely hands its one SQLite connection to a transaction for its whole length, and SQLite
 * statements run synchronously; so a statement may run straight away inside a transaction
 * given as `db`, or outside any transaction. While another's transaction is open (between its
 * statements), a statement outside it goes through Kysely and waits for the connection, as
 * before: it must not see that transaction's uncommitted writes.
 */
export class DirectStatement {
  private readonly statement: SQLite.Statement;
  private readonly keys = new Map<string, string>();

  private constructor(
    private readonly connection: Connection,
    private readonly sql: string,
  ) {
    this.statement = connection.database.prepare(sql);
  }

  /** The direct form of `sql` on `db`'s connection, or null when it has none (PostgreSQL). */
  static of(db: Db, sql: string): DirectStatement | null {
    const connection = connections.get(db.getExecutor().adapter);
    return connection === undefined ? null : new DirectStatement(connection, sql);
  }

  /** The result, or null when the statement must go through Kysely (another's transaction is open). */
  execute(db: Db, parameters: unknown[]): DirectResult | null {
    if (!db.isTransaction && this.connection.database.inTransaction) return null;
    this.connection.onQuery?.(this.sql);
    if (!this.statement.reader) return { rows: [], numAffectedRows: BigInt(this.statement.run(parameters).changes) };
    return { rows: (this.statement.all(parameters) as Record<string, unknown>[]).map((row) => this.camelCased(row)) };
  }

  private camelCased(row: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const column in row) {
      let key = this.keys.get(column);
      if (key === undefined) {
        key = this.connection.camelCase.propertyOf(column);
        this.keys.set(column, key);
      }
      out[key] = row[column];
    }
    return out;
  }
}
