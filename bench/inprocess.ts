import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createDatabase } from '../src/server/db/database.js';
import { CLIENT_HEADERS, type Scenario } from './scenarios.js';
import type { BenchTokens } from './workload.js';
import { loadWorkload, scenarios } from './workload.js';

// `npm run bench:inprocess -- --db URL --scenario g`: one scenario's requests answered inside
// this process (app.inject, no sockets, no load generator), with the CPU each one costs. For
// comparing two versions of the code on a shared machine, where requests per second over HTTP
// move with the neighbours: CPU per request moves much less. Writes go to the given database.
const USAGE = `Usage: npm run bench:inprocess -- --db URL --scenario LETTER [options]

  --db URL           sqlite:PATH or postgres://… holding a generated dataset (npm run bench:data)
  --tokens FILE      the generator's bench-tokens.json (default: next to the SQLite file)
  --scenario L       a, b, c, d, e, f, g or h (see docs/benchmarks.md); b reads the first trending page
  --requests N       requests measured, after 10% as many to warm up (default 3000)
  --concurrency N    requests in flight at once (default 50)
  --worker           run the delivery worker meanwhile, as moebius start does
  --profile FILE     write a CPU profile of the measured requests (npm run bench:profile -- FILE)`;

const { values } = parseArgs({
  options: {
    db: { type: 'string' }, tokens: { type: 'string' }, scenario: { type: 'string' }, requests: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '50' }, worker: { type: 'boolean', default: false }, profile: { type: 'string' }, help: { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
if (values.help || values.db === undefined || values.scenario === undefined || !(requests > 0) || !(concurrency > 0)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const url = values.db;
const tokensFile = values.tokens ?? (url.startsWith('sqlite:') ? join(dirname(url.slice('sqlite:'.length)), 'bench-tokens.json') : '');
const config = { ...loadConfig({ ...process.env, MOEBIUS_DATABASE_URL: url, MOEBIUS_LOG_LEVEL: 'silent' }), worker: values.worker };
const database = createDatabase(url);
const { app, services } = await buildApp(config, database, { logger: false });
await app.ready();
if (values.worker) services.dispatch.worker.start();

const workload = await loadWorkload(database.db, JSON.parse(readFileSync(tokensFile, 'utf8')) as BenchTokens);
const trending = `/api/v1/initiatives/${workload.initiativeId}/contributions?sort=trending`;
const found = scenarios(workload, trending).find((s) => s.name.startsWith(`(${values.scenario})`));
if (found === undefined) {
  console.error(`No scenario "${values.scenario}".\n\n${USAGE}`);
  process.exit(2);
}
const scenario: Scenario = found;

/** One request as the HTTP bench sends it (with the browser's Accept-Encoding); anything but 2xx stops the run. */
async function one(context: Record<string, unknown>): Promise<void> {
  const shape = scenario.next ? scenario.next(context) : scenario;
  const headers = { ...CLIENT_HEADERS, ...shape.headers };
  const response = await app.inject({ method: shape.method ?? 'GET', url: shape.path, headers, ...(shape.body === undefined ? {} : { payload: shape.body }) });
  if (response.statusCode >= 300) throw new Error(`${shape.method ?? 'GET'} ${shape.path}: HTTP ${response.statusCode} ${response.body.slice(0, 200)}`);
}

async function run(count: number): Promise<void> {
  const contexts = Array.from({ length: concurrency }, (): Record<string, unknown> => ({}));
  let started = 0;
  await Promise.all(contexts.map(async (context) => {
    while (started++ < count) await one(context);
  }));
}

try {
  await run(Math.ceil(requests / 10));
  const session = new Session();
  session.connect();
  if (values.profile !== undefined) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run(requests);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (values.profile !== undefined) writeFileSync(values.profile, JSON.stringify((await session.post('Profiler.stop')).profile));
  session.disconnect();
  const perRequest = (microseconds: number) => Math.round(microseconds / requests);
  console.log(`${scenario.name}: ${requests} requests, ${concurrency} at once: ${perRequest(wallMs * 1000)} µs wall and ${perRequest(used.user + used.system)} µs CPU per request (${Math.round(requests / (wallMs / 1000))} a second)`);
} finally {
  await services.dispatch.worker.stop();
  await app.close();
  await database.close();
}
