import { sql } from 'kysely';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { createDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { DatasetError, DEFAULT_SEED, generateDataset } from './generate.js';
import { wholeSqliteFile } from './verify.js';
import { Progress } from './progress.js';
import { isScaleName, SCALES } from './scales.js';

// `npm run bench:data -- --scale small|madrid --db URL`: a deterministic dataset through the data layer.
const USAGE = `Usage: npm run bench:data -- --scale ${Object.keys(SCALES).join('|')} --db URL [options]

  --db URL         sqlite:PATH or postgres://… (default: MOEBIUS_DATABASE_URL)
  --seed N         the random seed (default ${DEFAULT_SEED}); the same seed and --now give the same dataset
  --now ISO        when the generated activity ends (default: today, 00:00 UTC)
  --secret S       the server's MOEBIUS_SECRET, to hash API tokens (default: as \`moebius start\` reads it)
  --tokens FILE    where to write the API tokens (default: next to the SQLite file, or in the temp directory)
  --force          generate even if the database already holds data (it must not hold bench data)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      scale: { type: 'string' }, db: { type: 'string' }, seed: { type: 'string' }, now: { type: 'string' },
      secret: { type: 'string' }, tokens: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scaleName = values.scale ?? '';
if (!isScaleName(scaleName)) fail(values.scale === undefined ? 'Give a --scale.' : `Unknown scale "${scaleName}": use ${Object.keys(SCALES).join(', ')}.`);
const scale = SCALES[scaleName];
const url = values.db ?? process.env.MOEBIUS_DATABASE_URL;
if (url === undefined || url === '') fail('Give a --db URL: sqlite:PATH or postgres://…');
const seed = Number(values.seed ?? DEFAULT_SEED);
if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed must be a whole number, not "${values.seed}".`);
const now = values.now === undefined ? new Date(new Date().toISOString().slice(0, 10)) : new Date(values.now);
if (Number.isNaN(now.getTime())) fail(`--now must be an ISO date, not "${values.now}".`);

// The same secret the server will use: --secret, or the configuration `moebius start` reads.
let secret: string;
let sqlitePath: string | null;
try {
  const config = loadConfig({ ...process.env, MOEBIUS_DATABASE_URL: url, ...(values.secret === undefined ? {} : { MOEBIUS_SECRET: values.secret }) });
  secret = config.secret;
  sqlitePath = config.sqlitePath;
} catch (error) {
  if (error instanceof ConfigError) fail(error.message.replaceAll('MOEBIUS_DATABASE_URL', '--db'));
  throw error;
}
if (sqlitePath === ':memory:') fail('--db sqlite::memory: would vanish on exit; give a file path.');

const handle = createDatabase(url);
const progress = new Progress(process.stderr);
try {
  await migrateToLatest(handle);
  const result = await generateDataset(handle, { scale, seed, now, secret, progress, force: values.force });
  // A database loaded in bulk has no planner statistics until autovacuum gets to it (minutes):
  // without them PostgreSQL chose plans 100× slower. A deployment that grew has them.
  if (handle.dialect === 'postgres') {
    console.error('\nanalyze (planner statistics)…');
    await sql`analyze`.execute(handle.db);
  }
  const file = values.tokens ?? (sqlitePath !== null ? join(dirname(sqlitePath), 'bench-tokens.json') : join(tmpdir(), 'moebius-bench-tokens.json'));
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`, { mode: 0o600 });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.error(`\n${scale.name} dataset on ${handle.dialect}: ${total.toLocaleString('en')} rows in ${progress.elapsed().toFixed(1)} s (seed ${seed}, until ${result.now}).`);
  console.error(`Log in as member1@bench.example … member${scale.members - 1}@bench.example with "${result.password}"; ${result.tokens.length} API tokens in ${file}`);
} catch (error) {
  if (error instanceof DatasetError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
if (sqlitePath !== null && process.exitCode === undefined) {
  const damage = wholeSqliteFile(sqlitePath);
  if (damage !== null) {
    console.error(damage);
    process.exitCode = 1;
  }
}
