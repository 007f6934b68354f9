import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db, Dialect } from './db/database.js';
import type { Clock } from './lib/clock.js';
import type { FileStore } from './lib/file-store.js';
import type { Mailer } from './lib/mailer.js';

/** What every service is built with. */
export interface Context {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  mailer: Mailer;
  files: FileStore;
  log: FastifyBaseLogger;
  /** Lookups may be kept while what they read is unchanged (version-memo.ts): DatabaseHandle.memoVersion, null when the read cache is off. */
  memoVersion: (() => Promise<string>) | null;
}
