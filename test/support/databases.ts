import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/server/db/database.js';

export interface TestDatabase {
  dialect: Dialect;
  url: string;
  /** A fresh directory for the data dir (secret, mail, the SQLite file). */
  dataDir: string;
  drop(): Promise<void>;
}

/** The dialects this run covers: SQLite always, PostgreSQL when MOEBIUS_TEST_POSTGRES_URL is set. */
export const dialects = (): Dialect[] => (process.env.MOEBIUS_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite']);

/** A new, empty database: a SQLite file in a temp dir, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'moebius-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return { dialect, url: `sqlite:${join(dataDir, 'moebius.db')}`, dataDir, drop: async () => removeDir() };
  }
  const adminUrl = process.env.MOEBIUS_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('MOEBIUS_TEST_POSTGRES_URL is not set');
  const name = `moebius_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    dataDir,
    drop: async () => {
      const client = new pg.Client(adminUrl);
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      removeDir();
    },
  };
}
