import { createQueryId, NoResultError, type Compilable, type CompiledQuery, type QueryNode, type RootOperationNode } from 'kysely';
import type { Db } from './database.js';
import { DirectStatement } from './direct.js';

/** What a reusable query may take: scalars only (a list would change the SQL text with its length). */
export type QueryParams = Record<string, string | number | null>;

/** Marks where a parameter goes in the SQL; never sent to the database. */
const MARK = '\u0000moebius-parameter:';

type Slot = { key: string } | { value: unknown };

interface Template {
  sql: string;
  query: RootOperationNode;
  slots: Slot[];
  /** The statement on SQLite's own connection (direct.ts); null on PostgreSQL. */
  direct: DirectStatement | null;
}

interface Result<R> {
  rows: R[];
  numAffectedRows?: bigint;
}

/** A query built and compiled once per database, then executed with fresh parameters. */
export interface ReusableQuery<P extends QueryParams, R> {
  /** Every row. */
  all(db: Db, params: P): Promise<R[]>;
  /** The first row, if any. */
  first(db: Db, params: P): Promise<R | undefined>;
  /** The first row; throws Kysely's NoResultError when there is none (as `executeTakeFirstOrThrow`). */
  one(db: Db, params: P): Promise<R>;
  /** Rows inserted, updated or deleted (for statements without `returning`). */
  run(db: Db, params: P): Promise<number>;
}

/** Stands in for the parameters while the query is built: each one reads as its own mark. */
const placeholders = <P extends QueryParams>(): P => new Proxy({}, { get: (_target, key) => `${MARK}${String(key)}` }) as P;

function compileTemplate<P extends QueryParams>(db: Db, build: (db: Db, params: P) => Compilable<unknown>): Template {
  const compiled: CompiledQuery = build(db, placeholders<P>()).compile();
  if (compiled.sql.includes(MARK)) throw new Error(`A parameter of a reusable query ended up in its SQL text: ${compiled.sql}`);
  const slots = compiled.parameters.map((value): Slot => {
    if (typeof value !== 'string' || !value.includes(MARK)) return { value };
    // A parameter must be passed through as a whole value; one combined with other text would be sent stale.
    if (!value.startsWith(MARK) || value.indexOf(MARK, 1) !== -1) throw new Error(`A parameter of a reusable query was changed while it was built: ${JSON.stringify(value)}`);
    return { key: value.slice(MARK.length) };
  });
  return { sql: compiled.sql, query: compiled.query, slots, direct: DirectStatement.of(db, compiled.sql) };
}

/**
 * Kysely builds and compiles every query anew, which under write load was most of the server's
 * time (docs/benchmarks.md): a support ran about ten statements. A reusable query is built once
 * per database (per dialect: the template is kept by the database's adapter, which its
 * transactions share) with a mark in place of each parameter; later calls only put the
 * parameters in place and execute the compiled SQL, with the same plugins (CamelCasePlugin's
 * result mapping) as any Kysely query. On PostgreSQL the unchanged text also keeps its named
 * prepared statement (prepared.ts); on SQLite the statement is compiled once and run straight on
 * the connection, without Kysely's executor, whenever that is safe (direct.ts).
 *
 * `build` must use the parameters only as values (`where`, `values`, `set`): not in conditions,
 * arithmetic or string building, which would run once, with the marks. Marks found anywhere but
 * as whole parameters are refused when the query is first compiled.
 */
export function reusable<P extends QueryParams, R>(build: (db: Db, params: P) => Compilable<R>): ReusableQuery<P, R> {
  const templates = new WeakMap<object, Template>();
  const templateOf = (db: Db): Template => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (template === undefined) {
      template = compileTemplate(db, build);
      templates.set(adapter, template);
    }
    return template;
  };
  const rootOf = (db: Db) => templateOf(db).query as QueryNode;
  const execute = async (db: Db, params: P): Promise<Result<R>> => {
    const template = templateOf(db);
    const parameters = template.slots.map((slot) => ('key' in slot ? params[slot.key] : slot.value));
    const direct = template.direct?.execute(db, parameters);
    if (direct) return direct as Result<R>;
    const query: CompiledQuery<R> = { sql: template.sql, query: template.query, queryId: createQueryId(), parameters };
    return db.executeQuery(query);
  };
  return {
    all: async (db, params) => (await execute(db, params)).rows,
    first: async (db, params) => (await execute(db, params)).rows[0],
    one: async (db, params) => {
      const { rows } = await execute(db, params);
      if (rows[0] === undefined) throw new NoResultError(rootOf(db));
      return rows[0];
    },
    run: async (db, params) => Number((await execute(db, params)).numAffectedRows ?? 0n),
  };
}
