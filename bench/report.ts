import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ScenarioResult } from './scenarios.js';

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  dataset: string;
  scale?: string;
  connections: number;
  durationSeconds: number;
  /** Whether the server ran with its read cache (MOEBIUS_READ_CACHE, on unless 0). */
  readCache?: boolean;
  startToFirstResponseMs: number;
  /** From the first response until /readyz said warm (in-memory indexes built); scenarios start then. */
  warmAfterMs?: number;
  /** Then until the database stopped changing (the worker caught up); scenarios start then. */
  settledAfterMs?: number;
  serverPeakRssMb: number;
  /** (d): support_count against the supports rows of every touched contribution. */
  supportCheck?: { contributions: number; mismatches: number } | null;
  results: ScenarioResult[];
}

const HISTORY = '\n## History\n';
/** Hand-written sections after the run, kept as they are: the first of these headings starts them. */
const KEPT = ['\n## Targets', '\n## Dataset generation\n', HISTORY];

/** docs/benchmarks.md: the latest run as a table, with machine, dataset and date; the hand-written sections after it (Targets, Dataset generation, History) are kept. */
export function writeReport(path: string, report: BenchReport): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const starts = KEPT.map((heading) => previous.indexOf(heading)).filter((at) => at >= 0);
  const kept = starts.length > 0 ? previous.slice(Math.min(...starts)) : `${HISTORY}\n(Before and after of each performance change, newest first.)\n`;
  // The ceiling first, then the scenarios by letter (they run reads first, writes after).
  const letter = (r: ScenarioResult) => (r.name.startsWith('(j)') ? '' : r.name);
  const rows = [...report.results].sort((x, y) => letter(x).localeCompare(letter(y))).map(
    (r) => `| ${r.name} | ${r.requestsPerSecond > 0 ? r.requestsPerSecond.toLocaleString('en') : '–'} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors + r.non2xx} | ${r.serverPeakRssMb ?? '–'} | ${r.ratioToCeiling ?? '–'} |`,
  );
  const notes = report.results.filter((r) => r.notes !== undefined).map((r) => `- ${r.name}: ${r.notes}`);
  const text = `# Benchmarks

Run with \`npm run bench\` (options: \`-- --scale small|madrid --db URL --duration S --connections N
--clients N\`; \`--help\` for all). Without \`--db\` it generates the scale's dataset
(\`npm run bench:data\`) in a fresh SQLite file under /tmp; with \`--db\` it uses that database,
generating it unless the SQLite file exists. It builds the app when \`dist/\` is missing or older
than \`src/\`, then starts a production server (\`moebius start\`, logs at warn, no demo) in its
own process. Results as JSON are in \`bench/results/\`, named by date, time (UTC), scale and
database. CI runs \`npm run bench -- --smoke\` (small, 1 s per scenario, results in a temp
directory, this page untouched; fails on any error or a support-count mismatch).

To compare two versions of the code on a shared machine, \`npm run bench:inprocess -- --db URL
--scenario g\` answers one scenario's requests inside the process (\`app.inject\`, 50 at once, no
sockets and no load generator; \`--requests N\`, \`--concurrency N\`, \`--worker\`, \`--profile FILE\`)
and prints the CPU each request cost: it moves far less with the neighbours than requests per
second over HTTP. Writes go to the given database.

## Latest run

- Date: ${report.date.slice(0, 10)}
- Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GiB, Node ${report.machine.node}
- Dataset: ${report.dataset}
- Load: ${report.connections} connections, ${report.durationSeconds} s per scenario (autocannon, same machine)${report.readCache === false ? '; read cache off' : ''}
- Start to first served request: **${report.startToFirstResponseMs} ms** (process spawn to the first answered request, migrations on the existing dataset included)${report.warmAfterMs === undefined ? '' : `; warm ${report.warmAfterMs} ms later (the similar index of the open initiatives built in the background)`}${report.settledAfterMs === undefined ? '' : `; settled ${report.settledAfterMs} ms after that (the worker caught up: no writes for 2 s). Scenarios start then`}
- Server peak RSS: **${report.serverPeakRssMb} MiB** (the column below: each scenario's own peak)
${report.supportCheck ? `- Support check after (d) and (h): ${report.supportCheck.mismatches === 0 ? 'no lost or double-counted support' : `**${report.supportCheck.mismatches} mismatches**`} (support_count = supports rows on ${report.supportCheck.contributions.toLocaleString('en')} touched contributions)\n` : ''}
| scenario | requests/s | p50 ms | p99 ms | errors + non-2xx | server peak RSS MiB | ratio to ceiling |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

${notes.join('\n')}

The ceiling (j) is a bare Fastify hello-world server on the same machine in the same run: the
most any route could do here. autocannon runs on the same two cores as the server, so ratios
understate the server. Every request says \`Accept-Encoding: gzip, deflate, br\`, as browsers
do (kept answers then go out gzipped). (c) alternates GET contribution and GET its comments; (d) alternates POST
and DELETE support, each connection acting as its own member; (h) reads the feeds, contributions,
comments and search, and writes supports, retractions and new contributions. (i) times three
contributions created one after another, from the POST to each open stream receiving it
(latency columns: p50 and p99 over all deliveries). Scenarios run reads first (a, b, c, f, g),
then writes (d, e, h), then (i): each new contribution leaves the worker notifications for tens
of thousands of followers, which would otherwise be measured as part of the reads.
${kept}`;
  writeFileSync(path, text);
}
