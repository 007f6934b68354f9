import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Everything Moebius reads from its environment, typed and validated once at start. */
export interface Config {
  /** `sqlite:PATH` (embedded, default) or `postgres://…`. */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** File path of the SQLite database, or `:memory:`; only for the sqlite dialect. */
  sqlitePath: string | null;
  port: number;
  host: string;
  /** The public address people reach Moebius at; used in links and the CSRF origin check. */
  baseUrl: string;
  /** Key for hashing tokens and signing links; at least 32 characters. */
  secret: string;
  logLevel: LogLevel;
  /** Where the embedded database, the generated secret and outgoing mail (.eml) live. */
  dataDir: string;
  /** Seed the demo organisation on first start with an empty embedded database. */
  demo: boolean;
  /** Run the dispatch worker (notifications, e-mail, webhooks) inside `moebius start`. */
  worker: boolean;
  /** Serve GET answers again while the database is unchanged (ADR 0008). */
  readCache: boolean;
  /** `smtp://user:pass@host:port`; without it mail is written as .eml files under dataDir/mail. */
  smtpUrl: string | null;
  /**
   * Which proxies in front of Moebius to believe about the client's address (X-Forwarded-For):
   * none (false), every one (true), or these addresses and networks. Rate limits
   * count per client address, so behind a proxy that is not trusted everyone shares one count.
   */
  trustProxy: boolean | string[];
  /**
   * How far the JavaScript heap may grow past what the last full collection kept, in percent
   * (MOEBIUS_HEAP_GROWTH, default 50; 0 leaves it to V8, which lets a busy heap grow to 4×).
   * Applied by the long-running commands, `moebius start` and `moebius worker` (heap.ts).
   */
  heapGrowthPercent: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Invalid configuration: main prints the one-sentence message and exits with code 2. */
export class ConfigError extends Error {}

const DEFAULT_DATABASE_URL = 'sqlite:./data/moebius.db';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`MOEBIUS_PORT must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

function parseDatabase(url: string): Pick<Config, 'dialect' | 'sqlitePath'> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('MOEBIUS_DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/moebius.db.');
    return { dialect: 'sqlite', sqlitePath: path === ':memory:' ? path : resolve(path) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('MOEBIUS_DATABASE_URL is not a valid postgres:// URL.');
    }
    return { dialect: 'postgres', sqlitePath: null };
  }
  throw new ConfigError('MOEBIUS_DATABASE_URL must start with sqlite: or postgres://.');
}

function parseBaseUrl(raw: string | undefined, port: number): string {
  const value = raw === undefined || raw === '' ? `http://localhost:${port}` : raw;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`MOEBIUS_BASE_URL must be an absolute http(s) URL, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`MOEBIUS_BASE_URL must be an absolute http(s) URL, not "${value}".`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Reads the environment without side effects; the secret may still be missing (see ensureSecret). */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Omit<Config, 'secret'> & { secret: string | null } {
  const databaseUrl = env.MOEBIUS_DATABASE_URL || DEFAULT_DATABASE_URL;
  const { dialect, sqlitePath } = parseDatabase(databaseUrl);
  const port = parsePort(env.MOEBIUS_PORT);
  const logLevel = (env.MOEBIUS_LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`MOEBIUS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.MOEBIUS_LOG_LEVEL}".`);
  }
  const secret = env.MOEBIUS_SECRET || null;
  if (secret !== null && secret.length < 32) {
    throw new ConfigError('MOEBIUS_SECRET must be at least 32 characters long.');
  }
  if (secret === null && dialect === 'postgres') {
    throw new ConfigError('MOEBIUS_SECRET is required with PostgreSQL, so that every node shares it (at least 32 characters).');
  }
  const demo = flag(env, 'MOEBIUS_DEMO');
  const worker = flag(env, 'MOEBIUS_WORKER');
  const readCache = flag(env, 'MOEBIUS_READ_CACHE');
  const smtpUrl = env.MOEBIUS_SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('MOEBIUS_SMTP_URL must start with smtp:// or smtps://.');
  }
  const trustProxy = parseTrustProxy(env.MOEBIUS_TRUST_PROXY);
  const heapGrowthPercent = parseHeapGrowth(env.MOEBIUS_HEAP_GROWTH);
  const dataDir = resolve(
    env.MOEBIUS_DATA_DIR || (sqlitePath !== null && sqlitePath !== ':memory:' ? dirname(sqlitePath) : './data'),
  );
  return {
    databaseUrl,
    dialect,
    sqlitePath,
    port,
    host: env.MOEBIUS_HOST || 'localhost',
    baseUrl: parseBaseUrl(env.MOEBIUS_BASE_URL, port),
    secret,
    logLevel,
    dataDir,
    demo,
    worker,
    readCache,
    smtpUrl,
    trustProxy,
    heapGrowthPercent,
  };
}

/** MOEBIUS_HEAP_GROWTH: a whole percentage from 0 (V8's own policy) to 300; 50 unless set. */
function parseHeapGrowth(raw: string | undefined): number {
  const value = raw?.trim() ?? '';
  if (value === '') return 50;
  const percent = Number(value);
  if (!/^\d+$/.test(value) || percent > 300) {
    throw new ConfigError(`MOEBIUS_HEAP_GROWTH must be a whole percentage from 0 (V8 decides) to 300, not "${raw}".`);
  }
  return percent;
}

/** MOEBIUS_TRUST_PROXY: unset, 0 or false (none), `true` (all), or addresses and CIDR networks separated by commas. */
function parseTrustProxy(raw: string | undefined): Config['trustProxy'] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return true;
  const list = value.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const address = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;
  const bad = list.find((a) => !address.test(a));
  if (bad !== undefined || list.length === 0) {
    throw new ConfigError(`MOEBIUS_TRUST_PROXY must be true, or the IP addresses and networks separated by commas (like 10.0.0.0/8,127.0.0.1), not "${bad ?? value}".`);
  }
  return list;
}

/** An on/off setting, on unless set to 0 or false. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name] ?? '1';
  if (!['0', '1', 'true', 'false'].includes(value)) throw new ConfigError(`${name} must be 1 or 0, not "${value}".`);
  return value === '1' || value === 'true';
}

/** On the embedded default a missing secret is generated once and kept in the data directory. */
export function ensureSecret(config: ReturnType<typeof parseConfig>): Config {
  if (config.secret !== null) return { ...config, secret: config.secret };
  const file = join(config.dataDir, 'secret');
  mkdirSync(config.dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError(`The secret in ${file} is shorter than 32 characters; delete it to make a new one.`);
  return { ...config, secret };
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => ensureSecret(parseConfig(env));
