import type pg from 'pg';

/**
 * Distinct statements named at most: beyond, statements run unnamed (parsed and planned each
 * time). Each connection keeps a plan per name, so this bounds PostgreSQL's memory too; the hot
 * statements are a few hundred (an `in (…)` list is one text per length).
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `moebius_${names.size + 1}`;
  names.set(text, name);
  return name;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Kysely sends every statement as text, so PostgreSQL parses and plans each one again
 * (about a millisecond for a feed query). Statements with parameters are sent as named
 * prepared statements instead: each connection prepares a text once and reuses its plan.
 * The same text has the same name on every connection of the process.
 */
export function prepareStatements(pool: pg.Pool): void {
  pool.on('connect', (client: pg.PoolClient) => {
    const target = client as unknown as { query: Query };
    const original = target.query.bind(client) as Query;
    target.query = (config, values, callback) => {
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
        const name = nameOf(config);
        if (name !== undefined) return original({ name, text: config, values });
      }
      return original(config, values, callback);
    };
  });
}
