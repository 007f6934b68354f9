import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the checkpointer thread', () => {
  it('moves the write-ahead log into the database file while the writer never checkpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moebius-checkpoint-'));
    dirs.push(dir);
    const path = join(dir, 'test.db');
    const writer = new SQLite(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (id integer primary key, text text)');
    const insert = writer.prepare('insert into t (text) values (?)');
    writer.transaction(() => {
      for (let i = 0; i < 5_000; i++) insert.run(`row ${i} ${'x'.repeat(100)}`);
    })();
    const before = statSync(path).size;
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(500_000);

    const stop = startCheckpointer(path);
    const deadline = Date.now() + 5_000;
    while (statSync(path).size <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await stop();
    await stop(); // stopping twice is harmless
    expect(statSync(path).size).toBeGreaterThan(500_000);
    expect(writer.prepare('select count(*) from t').pluck().get()).toBe(5_000);
    writer.close();
  });
});
