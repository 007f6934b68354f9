import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runScenario, type Scenario, type ScenarioResult } from './scenarios.js';
import { spawnServer } from './server-process.js';
import { writeReport } from './report.js';

// `npm run bench`: a production server on a fresh embedded database with the demo data, the
// scenarios against it, and a bare Fastify hello-world as the machine's ceiling.
const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
const root = join(import.meta.dirname, '..');

const HELLO = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

async function tokenFor(url: string): Promise<string> {
  const headers = { 'content-type': 'application/json', origin: url };
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ email: 'demo@moebius.local', password: 'moebius-demo' }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const created = await fetch(`${url}/api/v1/me/tokens`, { method: 'POST', headers: { ...headers, cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'bench' }) });
  return ((await created.json()) as { secret: string }).secret;
}

const ceilingServer = await spawnServer(['--input-type=module', '-e', HELLO], { PORT: '3901' }, 3901, '/');
const ceiling = await runScenario(ceilingServer.url, { name: 'ceiling: bare Fastify hello world', path: '/' }, connections, duration);
await ceilingServer.stop();

const dataDir = mkdtempSync(join(tmpdir(), 'moebius-bench-'));
const server = await spawnServer([join(root, 'bin/moebius'), 'start'], {
  MOEBIUS_DATABASE_URL: `sqlite:${join(dataDir, 'moebius.db')}`,
  MOEBIUS_PORT: '3902',
  MOEBIUS_LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
}, 3902, '/readyz');
const bearer = { authorization: `Bearer ${await tokenFor(server.url)}` };
const scenarios: Scenario[] = [
  { name: 'organisation page (anonymous)', path: '/api/v1/orgs/acme-outdoor' },
  { name: 'members list (API token)', path: '/api/v1/orgs/acme-outdoor/members', headers: bearer },
  { name: 'who am I (API token)', path: '/api/v1/me', headers: bearer },
];
const results: ScenarioResult[] = [{ ...ceiling, ratioToCeiling: 1 }];
for (const scenario of scenarios) {
  const result = await runScenario(server.url, scenario, connections, duration);
  results.push({ ...result, ratioToCeiling: Math.round((result.requestsPerSecond / ceiling.requestsPerSecond) * 100) / 100 });
}
const peakRssMb = server.peakRssMb();
await server.stop();

const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  dataset: 'demo (Acme Outdoor: 9 members, 2 organisations) on SQLite',
  connections,
  durationSeconds: duration,
  startToFirstResponseMs: server.startMs,
  serverPeakRssMb: peakRssMb,
  results,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, 'bench/results', `${report.date.slice(0, 10)}-foundation.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeReport(join(root, 'docs/benchmarks.md'), report);
console.table(results);
console.log(`start to first response: ${server.startMs} ms · server peak RSS: ${peakRssMb} MiB · ${file}`);
