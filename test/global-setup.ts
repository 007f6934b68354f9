import pg from 'pg';

/**
 * The PostgreSQL suite runs when MOEBIUS_TEST_POSTGRES_URL is set. With CI=true it must run:
 * a missing URL or an unreachable server fails the whole run instead of skipping silently.
 */
export default async function setup(): Promise<void> {
  const url = process.env.MOEBIUS_TEST_POSTGRES_URL;
  if (!url) {
    if (process.env.CI === 'true') {
      throw new Error('CI=true but MOEBIUS_TEST_POSTGRES_URL is not set: the PostgreSQL suite must run in CI.');
    }
    console.warn(
      '\n*** PostgreSQL suite NOT run: set MOEBIUS_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run every API test on PostgreSQL too. ***\n',
    );
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at MOEBIUS_TEST_POSTGRES_URL (${(error as Error).message}). Start it or unset the variable.`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
