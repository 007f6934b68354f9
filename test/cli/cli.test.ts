import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These run the built CLI (npm test builds first), exactly as a person would.
const BIN = join(import.meta.dirname, '../../bin/moebius');

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', MOEBIUS_LOG_LEVEL: 'warn', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const freshDb = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'moebius-cli-')), 'moebius.db')}`;

describe('moebius CLI', () => {
  it.each(['start', 'migrate', 'seed', 'admin'])('explains %s with --help', (command) => {
    const result = run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: moebius ${command}`);
  });

  it('lists the commands, and refuses an unknown one with exit code 2', () => {
    expect(run(['--help']).stdout).toMatch(/start[\s\S]*migrate[\s\S]*seed --demo[\s\S]*admin create-user/);
    const unknown = run(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "fly"');
  });

  it('exits with code 2 and one sentence on invalid configuration, without a stack trace', () => {
    const result = run(['migrate'], { MOEBIUS_DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('MOEBIUS_DATABASE_URL must start with sqlite: or postgres://.');
    const pg = run(['start'], { MOEBIUS_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(pg.code).toBe(2);
    expect(pg.stderr).not.toContain('    at ');
  });

  it('migrates, then reports the database up to date', () => {
    const db = freshDb();
    expect(run(['migrate'], { MOEBIUS_DATABASE_URL: db }).stdout).toContain('Applied: 0001_foundation');
    expect(run(['migrate'], { MOEBIUS_DATABASE_URL: db }).stdout).toContain('up to date');
  });

  it('seeds the demo once; a second seed changes nothing', () => {
    const db = freshDb();
    const first = run(['seed', '--demo'], { MOEBIUS_DATABASE_URL: db });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Seeded "Acme Outdoor"');
    expect(run(['seed', '--demo'], { MOEBIUS_DATABASE_URL: db }).stdout).toContain('nothing changed');
    expect(run(['seed'], { MOEBIUS_DATABASE_URL: db }).code).toBe(2);
  });

  it('creates a user from stdin, and refuses a weak password or a taken e-mail', () => {
    const db = freshDb();
    const created = run(['admin', 'create-user', '--email', 'Root@Example.com', '--name', 'Root', '--password-stdin'], { MOEBIUS_DATABASE_URL: db }, 'a long enough password\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created root@example.com');
    const weak = run(['admin', 'create-user', '--email', 'x@example.com', '--name', 'X', '--password', 'short'], { MOEBIUS_DATABASE_URL: db });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('password');
    expect(weak.stderr).toContain('/password must NOT have fewer than 10 characters');
    const taken = run(['admin', 'create-user', '--email', 'root@example.com', '--name', 'R', '--password', 'another long password'], { MOEBIUS_DATABASE_URL: db });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');
    expect(run(['admin', 'create-user', '--mail', 'x'], { MOEBIUS_DATABASE_URL: db }).code).toBe(2);
  });

  it('starts on a new embedded database, seeds the demo and prints the demo login', async () => {
    const db = freshDb();
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: { PATH: process.env.PATH ?? '', MOEBIUS_DATABASE_URL: db, MOEBIUS_PORT: '0', MOEBIUS_LOG_LEVEL: 'warn' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no demo login printed:\n${output}`)), 30_000);
        child.stdout.on('data', () => {
          if (output.includes('Demo login:')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect(output).toContain('Demo login: demo@moebius.local / moebius-demo');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('moebius verify-terms', () => {
  it('reports every version matching, and a tampered one with exit code 1', async () => {
    const db = freshDb();
    const path = db.slice('sqlite:'.length);
    expect(run(['seed', '--demo'], { MOEBIUS_DATABASE_URL: db }).code).toBe(0);
    const ok = run(['verify-terms'], { MOEBIUS_DATABASE_URL: db });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/All \d+ sealed terms versions match their hashes/);
    const { default: SQLite } = await import('better-sqlite3');
    const raw = new SQLite(path);
    const changed = raw.prepare("update terms_versions set content = replace(content, 'EUR', 'USD') where version = 1").run();
    raw.close();
    expect(changed.changes).toBeGreaterThan(0);
    const bad = run(['verify-terms'], { MOEBIUS_DATABASE_URL: db });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('MISMATCH initiative');
  });
});
