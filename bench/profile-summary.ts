import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// `npm run bench:profile [-- FILE.cpuprofile] [--top N]`: where a server profiled with
// `npm run bench -- --cpu-prof` spent its time: self time by function and by package.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const explicit = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
const dir = join(root, 'bench/profiles');
const file = explicit ?? (() => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error(`No .cpuprofile in ${dir}: run npm run bench -- --cpu-prof first.`);
  return newest;
})();
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg !== undefined) return pkg;
  if (path.startsWith('node:')) return 'node';
  return relative(root, path);
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of selfUs) {
  const frame = byId.get(id)?.callFrame;
  if (frame === undefined) continue;
  const place = where(frame.url);
  const key = `${frame.functionName || '(anonymous)'}  ${place}${frame.url === '' ? '' : `:${frame.lineNumber + 1}`}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  const group = place.startsWith('dist/') || place.startsWith('src/') ? place.split('/').slice(0, 4).join('/') : place;
  packages.set(group, (packages.get(group) ?? 0) + us);
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
};
console.log(`${relative(root, file)}: ${(total / 1e6).toFixed(1)} s sampled`);
print('Self time by function', functions);
print('Self time by package or folder', packages);
