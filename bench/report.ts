import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ScenarioResult } from './scenarios.js';

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  dataset: string;
  connections: number;
  durationSeconds: number;
  startToFirstResponseMs: number;
  serverPeakRssMb: number;
  results: ScenarioResult[];
}

const HISTORY = '\n## History\n';
const DATASET = '\n## Dataset generation\n';

/** docs/benchmarks.md: the latest run as a table, with machine, dataset and date; the hand-written Dataset generation and History are kept. */
export function writeReport(path: string, report: BenchReport): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const history = previous.includes(HISTORY) ? previous.slice(previous.indexOf(HISTORY)) : `${HISTORY}\n(Before and after of each performance change, newest first.)\n`;
  // The hand-written dataset generation section, between the run and the History, is kept too.
  const datasetAt = previous.indexOf(DATASET);
  const dataset = datasetAt === -1 ? '' : previous.slice(datasetAt, previous.includes(HISTORY) ? previous.indexOf(HISTORY) : undefined);
  const rows = report.results.map(
    (r) => `| ${r.name} | ${r.requestsPerSecond.toLocaleString('en')} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors + r.non2xx} | ${r.ratioToCeiling ?? '–'} |`,
  );
  const text = `# Benchmarks

Run with \`npm run bench\` (options: \`-- --duration 10 --connections 50\`). It builds nothing:
run \`npm run build\` first. Results as JSON are in \`bench/results/\`.

## Latest run

- Date: ${report.date.slice(0, 10)}
- Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GiB, Node ${report.machine.node}
- Dataset: ${report.dataset}
- Load: ${report.connections} connections, ${report.durationSeconds} s per scenario (autocannon, same machine)
- Start to first served request: **${report.startToFirstResponseMs} ms** (process spawn, migrations and seeding the demo on a new database included; the demo grew with issues 4 and 5)
- Server peak RSS: **${report.serverPeakRssMb} MiB**

| scenario | requests/s | p50 ms | p99 ms | errors + non-2xx | ratio to ceiling |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

The ceiling is a bare Fastify hello-world server on the same machine in the same run: the
most any route could do here. The Madrid-scale dataset and its targets arrive with the
benchmarks issue.
${dataset}${history}`;
  writeFileSync(path, text);
}
