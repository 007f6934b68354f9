import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../src/server/db/database.js';
import { fanout } from './fanout.js';
import { writeReport, type BenchReport } from './report.js';
import { runScenario, type ScenarioResult } from './scenarios.js';
import { resetPeakRss, spawnServer, waitSettled, waitWarm } from './server-process.js';
import { checkSupports, loadWorkload, scenarios, trendingFifthPage, type BenchTokens } from './workload.js';

// `npm run bench [-- --scale small|madrid] [--db URL] [--smoke]`: a production server in its own
// process on a generated dataset, the issue-6 scenarios with autocannon, a live-stream fan-out,
// and a bare Fastify hello-world as the machine's ceiling.
const USAGE = `Usage: npm run bench -- [--scale small|madrid] [--db URL] [options]

  --scale S        small (default) or madrid: the dataset generated when the database is new
  --db URL         sqlite:PATH or postgres://… (default: a fresh SQLite file under /tmp);
                   generated with \`npm run bench:data\` unless the SQLite file exists
  --tokens FILE    the generator's bench-tokens.json (default: next to the SQLite file)
  --duration S     seconds per scenario (default 5 at small, 10 at madrid, 1 with --smoke)
  --connections N  autocannon connections (default 50)
  --clients N      live-stream clients for the fan-out (default 500 at small, 5000 at madrid)
  --only LIST      run only these scenarios, by letter (e.g. --only a,c,f); the ceiling always runs
  --node-args A    extra options for the server's node process (e.g. "--max-semi-space-size=32")
  --cpu-prof       start the server with node --cpu-prof; profiles in bench/profiles/ (see
                   \`npm run bench:profile\` for the busiest functions)
  --smoke          CI: short runs, results JSON in a temp directory, docs/benchmarks.md untouched;
                   exits non-zero when a scenario has errors or the support check fails`;
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' }, db: { type: 'string' }, tokens: { type: 'string' }, duration: { type: 'string' },
    connections: { type: 'string', default: '50' }, clients: { type: 'string' }, only: { type: 'string' }, 'node-args': { type: 'string' }, 'cpu-prof': { type: 'boolean', default: false }, smoke: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = values.scale;
if (scale !== 'small' && scale !== 'madrid' && scale !== 'tiny') {
  console.error(`Unknown scale "${scale}".\n\n${USAGE}`);
  process.exit(2);
}
const smoke = values.smoke;
const duration = Number(values.duration ?? (smoke ? 1 : scale === 'madrid' ? 10 : 5));
const connections = Number(values.connections);
const sseClients = Number(values.clients ?? (smoke ? 100 : scale === 'madrid' ? 5000 : 500));
const root = join(import.meta.dirname, '..');
const BENCH_SECRET = 'moebius-bench-secret-not-for-production-0123456789';

/** The newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

// The web app must be built: the server serves it in production. A build older than the
// sources would measure code that is no longer there.
const built = existsSync(join(root, 'dist/web/index.html')) ? newest(join(root, 'dist')) : 0;
if (built === 0 || !existsSync(join(root, 'dist/cli/main.js')) || newest(join(root, 'src')) > built) {
  console.error(`== npm run build (${built === 0 ? 'dist is missing' : 'the sources changed since the last build'})`);
  if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}

// The dataset: a fresh SQLite file, or the given database (generated unless the SQLite file exists).
const dbUrl = values.db ?? `sqlite:${join(mkdtempSync(join(tmpdir(), `moebius-bench-${scale}-`)), 'moebius.db')}`;
const sqlitePath = dbUrl.startsWith('sqlite:') ? dbUrl.slice('sqlite:'.length) : null;
const tokensFile = values.tokens ?? (sqlitePath !== null ? join(dirname(sqlitePath), 'bench-tokens.json') : join(tmpdir(), 'moebius-bench-tokens.json'));
const reuse = sqlitePath !== null ? existsSync(sqlitePath) : existsSync(tokensFile);
// A database generated here uses the bench secret; an existing one, whatever secret generated it.
const secret = reuse ? process.env.MOEBIUS_SECRET : (process.env.MOEBIUS_SECRET ?? BENCH_SECRET);
let generateSeconds: number | null = null;
if (!reuse) {
  console.error(`== npm run bench:data -- --scale ${scale} --db ${dbUrl}`);
  const started = performance.now();
  const generated = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/data/main.ts'), '--scale', scale, '--db', dbUrl, '--tokens', tokensFile, '--secret', secret ?? BENCH_SECRET], { cwd: root, stdio: 'inherit' });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
  generateSeconds = Math.round((performance.now() - started) / 100) / 10;
} else if (!existsSync(tokensFile)) {
  console.error(`${dbUrl} exists but ${tokensFile} does not: generate with npm run bench:data, or pass --tokens.`);
  process.exit(2);
}
const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as BenchTokens;

const HELLO = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

const ceilingServer = await spawnServer(['--input-type=module', '-e', HELLO], { PORT: '3901' }, 3901, '/');
const ceiling = await runScenario(ceilingServer.url, { name: '(j) ceiling: bare Fastify hello world', path: '/' }, connections, duration);
await ceilingServer.stop();

const only = values.only === undefined ? null : new Set(values.only.split(',').map((s) => s.trim().toLowerCase()));
const selected = (name: string) => only === null || only.has(/^\((\w)\)/.exec(name)?.[1] ?? '');
const profileDir = join(root, 'bench/profiles');
const profileArgs = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
const nodeArgs = values['node-args']?.split(/\s+/).filter((a) => a.length > 0) ?? [];
const server = await spawnServer([...nodeArgs, ...profileArgs, join(root, 'bin/moebius'), 'start'], {
  MOEBIUS_DATABASE_URL: dbUrl,
  MOEBIUS_PORT: '3902',
  MOEBIUS_LOG_LEVEL: 'warn',
  MOEBIUS_DEMO: '0',
  NODE_ENV: 'production',
  ...(secret === undefined ? {} : { MOEBIUS_SECRET: secret }),
}, 3902, '/readyz');
// Scenarios measure the warm server: the similar index of the open initiatives builds after it listens.
const warmMs = await waitWarm(server.url);
const handle = createDatabase(dbUrl);
// …and once its worker has caught up with what the dataset left for it (response-target alerts
// that fell due since it was generated, their e-mails): the read scenarios measure a server whose
// data changes only by what they do.
const settledMs = await waitSettled(handle);
const ratio = (rps: number) => Math.round((rps / ceiling.requestsPerSecond) * 100) / 100;
const results: ScenarioResult[] = [{ ...ceiling, serverPeakRssMb: null, ratioToCeiling: 1 }];
let failed = false;
let supportCheck: BenchReport['supportCheck'] = null;
try {
  const workload = await loadWorkload(handle.db, tokens);
  const trending = await trendingFifthPage(server.url, workload);
  for (const scenario of scenarios(workload, trending).filter((s) => selected(s.name))) {
    resetPeakRss(server.pid);
    const result = await runScenario(server.url, scenario, connections, duration);
    results.push({ ...result, serverPeakRssMb: server.peakRssMb(), ratioToCeiling: ratio(result.requestsPerSecond) });
    console.error(`${result.name}: ${result.requestsPerSecond} req/s, p99 ${result.p99Ms} ms, ${result.errors + result.non2xx} errors`);
  }
  const check = await checkSupports(handle.db, workload.touched);
  supportCheck = { contributions: check.checked, mismatches: check.mismatches.length };
  if (check.mismatches.length > 0) {
    failed = true;
    console.error('Support check FAILED (support_count ≠ supports rows):', check.mismatches.slice(0, 10));
  }
  const support = results.find((r) => r.name.startsWith('(d)'));
  if (support) support.notes = `support_count = supports rows on all ${check.checked} touched contributions${check.mismatches.length > 0 ? `: ${check.mismatches.length} MISMATCHES` : ''}`;

  resetPeakRss(server.pid);
  const writer = tokens.tokens[0];
  if (writer === undefined) throw new Error('No API tokens in the dataset.');
  if (selected('(i)')) {
  const live = await fanout(server.url, workload.initiativeId, writer.token, sseClients, 3);
  results.push({
    name: `(i) live fan-out: ${live.clients.toLocaleString('en')} SSE clients, write → last client`, requestsPerSecond: 0, p50Ms: live.p50Ms, p99Ms: live.p99Ms, maxMs: live.maxMs,
    errors: live.errors, non2xx: 0, serverPeakRssMb: server.peakRssMb(), ratioToCeiling: null, notes: `${live.writes} writes, each delivered to every client; max ${live.maxMs} ms`,
  });
  console.error(`(i) fan-out to ${live.clients} clients: p50 ${live.p50Ms} ms, p99 ${live.p99Ms} ms, max ${live.maxMs} ms, ${live.errors} errors`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await handle.close();
}
const peakRssMb = Math.max(server.peakRssMb(), ...results.map((r) => r.serverPeakRssMb ?? 0));
await server.stop();

const rows = Object.values((tokens as unknown as { rows?: Record<string, number> }).rows ?? {}).reduce((a, b) => a + b, 0);
const report: BenchReport = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  dataset: `${scale} (bench:data${rows > 0 ? `, ${rows.toLocaleString('en')} rows` : ''}) on ${sqlitePath !== null ? 'SQLite' : 'PostgreSQL'}${reuse ? ', existing database' : `, generated in ${generateSeconds} s`}`,
  scale,
  connections,
  durationSeconds: duration,
  readCache: !['0', 'false'].includes(process.env.MOEBIUS_READ_CACHE ?? '1'),
  startToFirstResponseMs: server.startMs,
  warmAfterMs: warmMs,
  settledAfterMs: settledMs,
  serverPeakRssMb: peakRssMb,
  supportCheck,
  results,
};
const errored = results.filter((r) => r.errors + r.non2xx > 0);
if (errored.length > 0) {
  failed = true;
  console.error(`Scenarios with errors: ${errored.map((r) => `${r.name} (${r.errors} errors, ${r.non2xx} non-2xx)`).join('; ')}`);
}
const dir = smoke || only !== null ? mkdtempSync(join(tmpdir(), 'moebius-bench-results-')) : join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
// Date, time and database in the name: a second run on the same day, or on the other database, keeps the first.
const stamp = `${report.date.slice(0, 10)}-${report.date.slice(11, 16).replace(':', '')}`;
const file = join(dir, `${stamp}-${scale}${dbUrl.startsWith('postgres') ? '-postgres' : ''}${smoke ? '-smoke' : ''}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
if (!smoke && !failed && only === null) writeReport(join(root, 'docs/benchmarks.md'), report);
console.table(results.map(({ notes: _notes, ...r }) => r));
console.log(`start to first response: ${server.startMs} ms · warm ${warmMs} ms later · settled ${settledMs} ms later · server peak RSS: ${peakRssMb} MiB · ${file}${failed ? ' · FAILED' : ''}`);
if (failed) process.exitCode = 1;
