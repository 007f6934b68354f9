import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteMemoVersion } from './memo-generation.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database with one watched table (users), one that is not (supports) and a full-text index. */
function open() {
  const dir = mkdtempSync(join(tmpdir(), 'moebius-memo-'));
  dirs.push(dir);
  const path = join(dir, 'test.db');
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.exec('create table users (id text primary key, name text); create table supports (contribution_id text, user_id text); create virtual table search using fts5(body)');
  return { path, database, version: sqliteMemoVersion(database) };
}

describe('the SQLite memo version', () => {
  it('stays through this connection’s writes to unwatched tables and moves with its writes to any other', () => {
    const { database, version } = open();
    const start = version();
    database.prepare('insert into supports values (?, ?)').run('c1', 'u1');
    database.prepare('delete from supports').run();
    // A virtual table (and the storage it writes) is never watched.
    database.prepare('insert into search (body) values (?)').run('taped seams');
    expect(version()).toBe(start);
    database.prepare('insert into users values (?, ?)').run('u1', 'Ana');
    const afterInsert = version();
    expect(afterInsert).not.toBe(start);
    database.prepare('update users set name = ? where id = ?').run('Ana María', 'u1');
    const afterUpdate = version();
    expect(afterUpdate).not.toBe(afterInsert);
    database.prepare('delete from users').run();
    expect(version()).not.toBe(afterUpdate);
  });

  it('moves with commits of other connections, to any table', () => {
    const { path, database, version } = open();
    const start = version();
    const other = new SQLite(path);
    other.prepare('insert into supports values (?, ?)').run('c1', 'u1');
    other.close();
    expect(version()).not.toBe(start);
    database.close();
  });

  it('watches tables made after it started (a migration), once the schema has changed', () => {
    const { database, version } = open();
    version();
    database.exec('create table memberships (id text primary key)');
    const made = version();
    database.prepare('insert into memberships values (?)').run('m1');
    expect(version()).not.toBe(made);
  });

  it('never names two states with one version: a read inside a transaction answers a version used once', () => {
    const { database, version } = open();
    const before = version();
    database.exec('begin');
    database.prepare('insert into users values (?, ?)').run('u1', 'Ana');
    const inside = [version(), version()];
    database.exec('rollback');
    // The rolled-back insert took its move back: the counter is where it was…
    expect(version()).toBe(before);
    database.prepare('insert into users values (?, ?)').run('u2', 'Bea');
    // …and the next commit reaches the count seen inside; the versions read there are not repeated.
    const after = version();
    expect(new Set([before, after, ...inside]).size).toBe(4);
  });

  it('answers "closed" once the connection is closed', () => {
    const { database, version } = open();
    database.close();
    expect(version()).toBe('closed');
  });
});
