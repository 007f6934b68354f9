import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded SQLite database on port 3000', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ dialect: 'sqlite', port: 3000, host: 'localhost', baseUrl: 'http://localhost:3000', logLevel: 'info', demo: true, smtpUrl: null, secret: null });
    expect(config.sqlitePath).toMatch(/data\/moebius\.db$/);
    expect(config.dataDir).toMatch(/data$/);
  });

  it('selects PostgreSQL from a postgres:// URL and then requires a secret', () => {
    expect(() => parseConfig({ MOEBIUS_DATABASE_URL: 'postgres://u@h/db' })).toThrow(/MOEBIUS_SECRET is required with PostgreSQL/);
    const config = parseConfig({ MOEBIUS_DATABASE_URL: 'postgres://u@h/db', MOEBIUS_SECRET: 's'.repeat(32) });
    expect(config.dialect).toBe('postgres');
    expect(config.sqlitePath).toBeNull();
  });

  it('generates a secret once and keeps it in the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moebius-config-'));
    const env = { MOEBIUS_DATABASE_URL: `sqlite:${join(dir, 'm.db')}` };
    const first = loadConfig(env);
    const second = loadConfig(env);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    expect(readFileSync(join(dir, 'secret'), 'utf8')).toBe(first.secret);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
  });

  it.each([
    [{ MOEBIUS_PORT: 'eighty' }, /MOEBIUS_PORT must be a whole number/],
    [{ MOEBIUS_PORT: '70000' }, /MOEBIUS_PORT/],
    [{ MOEBIUS_DATABASE_URL: 'mysql://x' }, /must start with sqlite: or postgres:\/\//],
    [{ MOEBIUS_DATABASE_URL: 'sqlite:' }, /needs a file path/],
    [{ MOEBIUS_BASE_URL: 'not a url' }, /MOEBIUS_BASE_URL must be an absolute http\(s\) URL/],
    [{ MOEBIUS_BASE_URL: 'ftp://x.org' }, /MOEBIUS_BASE_URL/],
    [{ MOEBIUS_LOG_LEVEL: 'loud' }, /MOEBIUS_LOG_LEVEL must be one of/],
    [{ MOEBIUS_SECRET: 'short' }, /at least 32 characters/],
    [{ MOEBIUS_DEMO: 'maybe' }, /MOEBIUS_DEMO must be 1 or 0/],
    [{ MOEBIUS_WORKER: 'yes' }, /MOEBIUS_WORKER must be 1 or 0/],
    [{ MOEBIUS_READ_CACHE: 'off' }, /MOEBIUS_READ_CACHE must be 1 or 0/],
    [{ MOEBIUS_SMTP_URL: 'http://mail' }, /MOEBIUS_SMTP_URL must start with smtp/],
  ])('refuses %j with one clear sentence', (env, message) => {
    let caught: unknown;
    try {
      parseConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message.trim().split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
  });

  it('normalises the base URL and honours MOEBIUS_DEMO=0', () => {
    const config = parseConfig({ MOEBIUS_BASE_URL: 'https://co.example.org/moebius/', MOEBIUS_DEMO: '0' });
    expect(config.baseUrl).toBe('https://co.example.org/moebius');
    expect(config.demo).toBe(false);
    expect([config.worker, config.readCache]).toEqual([true, true]);
    expect(parseConfig({ MOEBIUS_READ_CACHE: '0', MOEBIUS_WORKER: 'false' })).toMatchObject({ readCache: false, worker: false });
  });

  it('reads which proxies to trust, and refuses what is not an address', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ MOEBIUS_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(parseConfig({ MOEBIUS_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ MOEBIUS_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => parseConfig({ MOEBIUS_TRUST_PROXY: 'proxy.internal' })).toThrow(/MOEBIUS_TRUST_PROXY must be true, or the IP addresses[^"]*"proxy.internal"/);
    expect(() => parseConfig({ MOEBIUS_TRUST_PROXY: '2' })).toThrow(ConfigError);
  });

  it('reads how far the heap may grow, and refuses what is not a percentage', () => {
    expect(parseConfig({}).heapGrowthPercent).toBe(50);
    expect(parseConfig({ MOEBIUS_HEAP_GROWTH: '0' }).heapGrowthPercent).toBe(0);
    expect(parseConfig({ MOEBIUS_HEAP_GROWTH: ' 120 ' }).heapGrowthPercent).toBe(120);
    for (const bad of ['-5', '1.5', 'lots', '301']) {
      expect(() => parseConfig({ MOEBIUS_HEAP_GROWTH: bad })).toThrow(new RegExp(`MOEBIUS_HEAP_GROWTH must be a whole percentage from 0 \\(V8 decides\\) to 300, not "${bad.replace('.', '\\.')}"`));
    }
  });
});
