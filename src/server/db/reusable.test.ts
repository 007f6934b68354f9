import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/support/databases.js';
import { createDatabase, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';
import { reusable } from './reusable.js';

const user = (id: string, name: string) => ({ id, email: `${id}@example.org`, name, passwordHash: 'x', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', erasedAt: null });

// Built against the real schema, with a constant (the empty e-mail) among the parameters.
let builds = 0;
const userById = reusable((db, p: { id: string }) => {
  builds++;
  return db.selectFrom('users').select(['id', 'name', 'erasedAt']).where('email', '!=', '').where('id', '=', p.id);
});
const rename = reusable((db, p: { id: string; name: string }) => db.updateTable('users').set({ name: p.name }).where('id', '=', p.id));
const renameReturning = reusable((db, p: { id: string; name: string }) => db.updateTable('users').set({ name: p.name }).where('id', '=', p.id).returning(['name', 'updatedAt']));
const insertUser = reusable((db, p: { id: string; name: string }) => db.insertInto('users').values({ ...user('', ''), id: p.id, email: p.id, name: p.name }).onConflict((oc) => oc.doNothing()));

describe.each(dialects())('reusable queries (%s)', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = createDatabase(database.url);
    await migrateToLatest(handle);
    await handle.db.insertInto('users').values([user('u1', 'Ada'), user('u2', 'Grace')]).execute();
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('returns the rows of each call with its own parameters, camel-cased like any Kysely query', async () => {
    const before = builds;
    expect(await userById.first(handle.db, { id: 'u1' })).toEqual({ id: 'u1', name: 'Ada', erasedAt: null });
    expect(await userById.all(handle.db, { id: 'u2' })).toEqual([{ id: 'u2', name: 'Grace', erasedAt: null }]);
    expect(await userById.first(handle.db, { id: 'nobody' })).toBeUndefined();
    expect(builds - before).toBe(1);
  });

  it('counts the rows a write changed, and returns what `returning` names', async () => {
    expect(await rename.run(handle.db, { id: 'u1', name: 'Ada L.' })).toBe(1);
    expect(await rename.run(handle.db, { id: 'nobody', name: 'x' })).toBe(0);
    expect(await renameReturning.first(handle.db, { id: 'u2', name: 'Grace H.' })).toEqual({ name: 'Grace H.', updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await insertUser.run(handle.db, { id: 'u3', name: 'Edsger' })).toBe(1);
    expect(await insertUser.run(handle.db, { id: 'u3', name: 'again' })).toBe(0);
    expect((await userById.first(handle.db, { id: 'u3' }))?.name).toBe('Edsger');
  });

  it('runs inside a transaction on its connection, and the rollback undoes it', async () => {
    await expect(handle.db.transaction().execute(async (trx) => {
      await rename.run(trx, { id: 'u1', name: 'inside' });
      expect((await userById.first(trx, { id: 'u1' }))?.name).toBe('inside');
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect((await userById.first(handle.db, { id: 'u1' }))?.name).toBe('Ada L.');
  });

  it('never reads what another transaction wrote and has not committed (SQLite: it waits for the connection)', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = handle.db.transaction().execute(async (trx) => {
      await rename.run(trx, { id: 'u1', name: 'uncommitted' });
      await held;
      throw new Error('roll back');
    });
    // The transaction is open and has written by now.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reading = userById.first(handle.db, { id: 'u1' });
    release();
    await expect(writing).rejects.toThrow('roll back');
    expect((await reading)?.name).toBe('Ada L.');
  });
});

describe('reusable queries refuse parameters used as anything but values', () => {
  it('fails when a parameter is combined with other text', async () => {
    const handle = createDatabase('sqlite::memory:');
    await migrateToLatest(handle);
    const broken = reusable((db, p: { name: string }) => db.selectFrom('users').select('id').where('name', 'like', `%${p.name}%`));
    await expect(broken.all(handle.db, { name: 'Ada' })).rejects.toThrow(/changed while it was built/);
    await handle.close();
  });
});
