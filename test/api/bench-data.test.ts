import { statSync, truncateSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDataset, type GenerateResult } from '../../bench/data/generate.js';
import { SCALES } from '../../bench/data/scales.js';
import { wholeSqliteFile } from '../../bench/data/verify.js';
import { buildApp, type Services } from '../../src/server/app.js';
import { createDatabase, type DatabaseHandle, type Db } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/lib/http.js';
import { Client } from '../support/client.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { BASE_URL, testConfig } from '../support/test-app.js';

const scale = SCALES.tiny;
const now = new Date('2026-06-01T00:00:00.000Z');

interface Generated {
  target: TestDatabase;
  handle: DatabaseHandle;
  result: GenerateResult;
}

async function generated(dialect: 'sqlite' | 'postgres', seed = DEFAULT_SEED): Promise<Generated> {
  const target = await createTestDatabase(dialect);
  const handle = createDatabase(target.url);
  await migrateToLatest(handle);
  const result = await generateDataset(handle, { scale, seed, now, secret: testConfig(target).secret });
  return { target, handle, result };
}

const count = async (db: Db, table: 'users' | 'memberships' | 'contributions' | 'contributionRevisions' | 'contributionAuthors' | 'comments' | 'commentRevisions' | 'supports' | 'follows' | 'searchIndex' | 'apiTokens' | 'termsVersions') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

for (const dialect of dialects()) {
  describe(`bench dataset, ${scale.name} scale [${dialect}]`, () => {
    let first: Generated;
    let app: App;
    let services: Services;

    beforeAll(async () => {
      first = await generated(dialect);
      ({ app, services } = await buildApp(testConfig(first.target), first.handle, { logger: false }));
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await first?.handle.close();
      await first?.target.drop();
    });

    it('writes the numbers of rows the scale asks for', async () => {
      const db = first.handle.db;
      expect(await count(db, 'users')).toBe(scale.members);
      expect(await count(db, 'memberships')).toBe(scale.members);
      expect(await count(db, 'contributions')).toBe(scale.contributions);
      expect(await count(db, 'contributionRevisions')).toBe(scale.contributions);
      expect(await count(db, 'contributionAuthors')).toBe(scale.contributions);
      expect(await count(db, 'comments')).toBe(scale.comments);
      expect(await count(db, 'commentRevisions')).toBe(scale.comments);
      expect(await count(db, 'supports')).toBe(scale.supports);
      expect(await count(db, 'follows')).toBe(scale.follows);
      expect(await count(db, 'searchIndex')).toBe(scale.contributions + scale.comments);
      expect(await count(db, 'termsVersions')).toBe(scale.initiatives);
      expect(await count(db, 'apiTokens')).toBe(scale.tokens + 1);
      expect(first.result.rows.supports).toBe(scale.supports);
      expect(first.result.initiatives.reduce((sum, i) => sum + i.contributions, 0)).toBe(scale.contributions);
    });

    it('keeps support_count and comment_count exactly equal to the rows, with skew', async () => {
      const db = first.handle.db;
      const rows = await db
        .selectFrom('contributions as c')
        .select(['c.id', 'c.supportCount', 'c.recentSupportCount', 'c.commentCount'])
        .select((eb) => [
          eb.selectFrom('supports as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.contributionId', '=', 'c.id').as('supports'),
          eb.selectFrom('supports as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.contributionId', '=', 'c.id').where('s.inWindow', '=', 1).as('recent'),
          eb.selectFrom('comments as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.contributionId', '=', 'c.id').as('comments'),
        ])
        .execute();
      expect(rows.filter((r) => r.supportCount !== Number(r.supports) || r.commentCount !== Number(r.comments) || r.recentSupportCount !== Number(r.recent))).toEqual([]);
      // The trending window starts a week before the dataset's end, and some supports fall in it.
      expect(rows.reduce((sum, r) => sum + r.recentSupportCount, 0)).toBeGreaterThan(0);
      if (first.handle.dialect === 'sqlite') {
        const [keys, texts] = await Promise.all([db.selectFrom('searchIndexKeys').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), db.selectFrom('searchIndex').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
        expect(Number(keys.n)).toBe(Number(texts.n));
      }
      // Unanswered contributions past the response target were alerted about back then, not all at the first start.
      const unalerted = await db.selectFrom('contributions').select('id').where('firstResponseAt', 'is', null).where('overdueAlertedAt', 'is', null).where('createdAt', '<', new Date(now.getTime() - 168 * 3_600_000).toISOString()).execute();
      expect(unalerted).toEqual([]);
      const window = await db.selectFrom('trendingWindow').select('since').executeTakeFirstOrThrow();
      expect(new Date(window.since).getTime()).toBe(now.getTime() - 7 * 86_400_000);
      // A few contributions get most of the support: the top tenth holds over three times its even share.
      const counts = rows.map((r) => r.supportCount).sort((a, b) => b - a);
      const top = counts.slice(0, Math.ceil(counts.length / 10)).reduce((a, b) => a + b, 0);
      expect(top).toBeGreaterThan(scale.supports * 0.3);
      // Nobody supports their own contribution, and replies answer a top-level comment on the same contribution.
      const own = await db.selectFrom('supports as s').innerJoin('contributions as c', 'c.id', 's.contributionId').select('c.id').whereRef('c.authorId', '=', 's.userId').execute();
      expect(own).toEqual([]);
      const badReplies = await db
        .selectFrom('comments as r')
        .innerJoin('comments as p', 'p.id', 'r.parentId')
        .select('r.id')
        .where((eb) => eb.or([eb('p.parentId', 'is not', null), eb(sql.ref('p.contribution_id'), '!=', sql.ref('r.contribution_id')), eb(sql.ref('p.id'), '>=', sql.ref('r.id'))]))
        .execute();
      expect(badReplies).toEqual([]);
    });

    it('gives the same ids and titles for the same seed, and others for another seed', async () => {
      const again = await generated(dialect);
      const other = await generated(dialect, DEFAULT_SEED + 1);
      try {
        const snapshot = async (db: Db) => ({
          contributions: await db.selectFrom('contributions').select(['id', 'title', 'authorId', 'supportCount', 'commentCount', 'lastActivityAt']).orderBy('id').execute(),
          comments: await db.selectFrom('comments').select(['id', 'parentId', 'body']).orderBy('id').execute(),
          supports: await db.selectFrom('supports').select(['contributionId', 'userId', 'createdAt']).orderBy('contributionId').orderBy('userId').execute(),
          users: await db.selectFrom('users').select(['id', 'email', 'name']).orderBy('id').execute(),
        });
        const a = await snapshot(first.handle.db);
        expect(await snapshot(again.handle.db)).toEqual(a);
        expect((await snapshot(other.handle.db)).contributions.map((c) => c.title)).not.toEqual(a.contributions.map((c) => c.title));
      } finally {
        for (const g of [again, other]) {
          await g.handle.close();
          await g.target.drop();
        }
      }
    });

    it('refuses a database that already holds data unless forced', async () => {
      await expect(generateDataset(first.handle, { scale, seed: 1, now, secret: testConfig(first.target).secret })).rejects.toThrow(/already holds data/);
    });

    it('is served by the app: top feed, tokens, login, support and sealed terms', async () => {
      const client = new Client(app, BASE_URL);
      for (const initiative of first.result.initiatives) {
        const best = await first.handle.db.selectFrom('contributions').select(['id', 'supportCount']).where('initiativeId', '=', initiative.id).orderBy('supportCount', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
        const feed = await client.get<{ items: { id: string; supportCount: number }[] }>(`/api/v1/initiatives/${initiative.id}/contributions?sort=top&limit=5`);
        expect(feed.status).toBe(200);
        expect(feed.body.items[0]).toMatchObject({ id: best.id, supportCount: best.supportCount });
        expect(feed.body.items.map((i) => i.supportCount)).toEqual([...feed.body.items.map((i) => i.supportCount)].sort((a, b) => b - a));
      }

      const holder = first.result.tokens[1]!;
      const api = new Client(app, BASE_URL);
      api.bearer = holder.token;
      const me = await api.get<{ user: { id: string; email: string } }>('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ id: holder.userId, email: holder.email });

      // A token holder may support (member, in the audience, phase open, terms accepted); the counter stays exact.
      const target = await first.handle.db
        .selectFrom('contributions as c')
        .select(['c.id', 'c.supportCount'])
        .where('c.authorId', '!=', holder.userId)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('supports as s').select('s.userId').whereRef('s.contributionId', '=', 'c.id').where('s.userId', '=', holder.userId))))
        .orderBy('c.id')
        .executeTakeFirstOrThrow();
      const supported = await api.request<{ supportCount: number }>('POST', `/api/v1/contributions/${target.id}/support`);
      expect(supported.status).toBe(200);
      expect(supported.body.supportCount).toBe(target.supportCount + 1);

      const login = await new Client(app, BASE_URL).request('POST', '/api/v1/auth/login', { email: 'member7@bench.example', password: first.result.password });
      expect(login.status).toBe(200);

      expect(await services.ledger.verify(first.handle.db)).toEqual([]);
    });
  });
}

describe('a generated SQLite file', () => {
  it('is whole once written, and a file cut short is found out', async () => {
    const { target, handle } = await generated('sqlite');
    await handle.close();
    const path = target.url.slice('sqlite:'.length);
    try {
      expect(wholeSqliteFile(path)).toBeNull();
      // The last page gone: the header still counts it, and SQLite refuses the file.
      truncateSync(path, statSync(path).size - 4096);
      expect(wholeSqliteFile(path)).toBe(`${path} cannot be read (database disk image is malformed): the file is damaged; generate it again with --force.`);
      expect(wholeSqliteFile(`${path}.missing`)).toMatch(/does not exist/);
    } finally {
      await target.drop();
    }
  });
});
