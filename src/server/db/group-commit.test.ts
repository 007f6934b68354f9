import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/support/databases.js';
import { createDatabase, type DatabaseHandle, type Db } from './database.js';
import { GroupCommit } from './group-commit.js';
import { migrateToLatest } from './migrate.js';

const user = (id: string) => ({ id, email: `${id}@example.org`, name: id, passwordHash: 'x', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', erasedAt: null });
const insert = (trx: Db, id: string) => trx.insertInto('users').values(user(id)).execute();

describe.each(dialects())('group commit (%s)', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let writes: GroupCommit;
  const names = async () => (await handle.db.selectFrom('users').select('id').orderBy('id').execute()).map((r) => r.id);
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = createDatabase(database.url);
    await migrateToLatest(handle);
    writes = new GroupCommit(handle.db, dialect);
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('gives each caller its own result, and rolls back only the one that failed', async () => {
    const results = await Promise.allSettled([
      writes.run(async (trx) => (await insert(trx, 'a'), 'first')),
      writes.run(async (trx) => {
        await insert(trx, 'b');
        throw new Error('second fails after writing');
      }),
      writes.run(async (trx) => {
        await insert(trx, 'c');
        // A statement error inside one transaction: the rows written before it in that one go too.
        await insert(trx, 'a');
        return 'never';
      }),
      writes.run(async (trx) => (await insert(trx, 'd'), 'fourth')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 'first' });
    expect(results[1]).toMatchObject({ reason: new Error('second fails after writing') });
    expect(results[3]).toMatchObject({ value: 'fourth' });
    expect(await names()).toEqual(['a', 'd']);
  });

  it('commits transactions queued together in one transaction on SQLite (in the order queued), on their own on PostgreSQL', async () => {
    const seen: Db[] = [];
    const order: string[] = [];
    await Promise.all(['e', 'f', 'g'].map((id) => writes.run(async (trx) => {
      seen.push(trx);
      order.push(id);
      await insert(trx, id);
    })));
    expect(dialect === 'sqlite' ? order : order.sort()).toEqual(['e', 'f', 'g']);
    expect(new Set(seen).size).toBe(dialect === 'sqlite' ? 1 : 3);
    // Queued later: a transaction of its own.
    await writes.run(async (trx) => void seen.push(trx));
    expect(new Set(seen).size).toBe(dialect === 'sqlite' ? 2 : 4);
    expect(await names()).toEqual(['a', 'd', 'e', 'f', 'g']);
  });

  it('splits a long queue into several commits of at most the batch size', async () => {
    const small = new GroupCommit(handle.db, dialect, 2);
    const seen: Db[] = [];
    await Promise.all(['h', 'i', 'j', 'k', 'l'].map((id) => small.run(async (trx) => {
      seen.push(trx);
      await insert(trx, id);
    })));
    expect(new Set(seen).size).toBe(dialect === 'sqlite' ? 3 : 5);
    expect((await names()).slice(-5)).toEqual(['h', 'i', 'j', 'k', 'l']);
  });
});
