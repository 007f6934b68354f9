import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DEFAULT_SEED, generateDataset } from '../../bench/data/generate.js';
import { SCALES } from '../../bench/data/scales.js';
import { migrateTo } from '../../src/server/db/migrate.js';
import { dialects } from '../support/databases.js';
import { indexesOf, onFreshDatabase } from '../support/schema.js';
import { testConfig } from '../support/test-app.js';

interface Support {
  contributionId: string;
  userId: string;
  createdAt: string;
  inWindow: number;
}

for (const dialect of dialects()) {
  it(`0010 keeps every support, each with its time and trending flag, on a leaner table [${dialect}]`, async () => {
    await onFreshDatabase(dialect, async (handle, target) => {
      // Supports written under the schema before 0010: the generated tiny city.
      await migrateTo(handle, '0009_search_without_pending_list');
      await generateDataset(handle, { scale: SCALES.tiny, seed: DEFAULT_SEED, now: new Date('2026-06-01T00:00:00.000Z'), secret: testConfig(target).secret });
      const all = () => handle.db.selectFrom('supports').selectAll().orderBy('contributionId').orderBy('userId').execute() as Promise<Support[]>;
      const before = await all();
      expect(before.length).toBeGreaterThan(100);
      expect(before.some((s) => s.inWindow === 1) && before.some((s) => s.inWindow === 0)).toBe(true);

      expect(await migrateTo(handle, '0010_lean_supports')).toEqual(['0010_lean_supports']);
      expect(await all()).toEqual(before);
      expect(await indexesOf(handle, 'supports')).toEqual(dialect === 'sqlite' ? ['supports_in_window_idx'] : ['supports_in_window_idx', 'supports_pk']);
      if (dialect === 'sqlite') {
        // WITHOUT ROWID: the primary key is the table (SQLite names no index for it).
        const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'supports'`.execute(handle.db);
        expect(rows[0]?.sql).toMatch(/without rowid\s*$/i);
        const { rows: problems } = await sql`pragma foreign_key_check(supports)`.execute(handle.db);
        expect(problems).toEqual([]);
      }
      // The primary key still refuses a second support by the same person.
      const first = before[0];
      if (first === undefined) throw new Error('no support generated');
      await expect(handle.db.insertInto('supports').values({ ...first, createdAt: '2026-06-02T00:00:00.000Z' }).execute()).rejects.toThrow();
    });
  });
}
