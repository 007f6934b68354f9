import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/database.js';
import { idea, openRoom, roomWithHidden } from '../support/contributions.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Page {
  items: { id: string; title: string; supportCount: number }[];
}

describeEachDatabase('the read cache', (t, dialect) => {
  // A miss is certain after a write; a hit on PostgreSQL only when no database of the cluster
  // wrote in between (its snapshot is cluster-wide), which parallel test files cannot promise.
  const expectCache = (headers: Record<string, unknown>, expected: 'hit' | 'miss') => {
    if (expected === 'hit' && dialect === 'postgres') expect(['hit', 'miss']).toContain(headers['x-read-cache']);
    else expect(headers['x-read-cache']).toBe(expected);
  };

  it('serves an answer again only while the data is unchanged, written here or by another process', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const c = await room.contribute(ana, idea('Taped seams'));
    const feed = `/api/v1/initiatives/${room.initiative.id}/contributions?sort=top`;
    const reader = t().client();

    const first = await reader.get<Page>(feed);
    const again = await reader.get<Page>(feed);
    expectCache(first.headers, 'miss');
    expectCache(again.headers, 'hit');
    expect(again.body).toEqual(first.body);

    // A write through the API: the next answer is computed afresh and shows it.
    expect((await ben.client.post(`/api/v1/contributions/${c.id}/support`)).status).toBe(200);
    const supported = await reader.get<Page>(feed);
    expectCache(supported.headers, 'miss');
    expect(supported.body.items.find((i) => i.id === c.id)?.supportCount).toBe(1);
    expectCache((await reader.get<Page>(feed)).headers, 'hit');

    // A write by another process on the same database (its own connection) moves the version too.
    const other = createDatabase(t().config.databaseUrl);
    try {
      await other.db.updateTable('contributions').set({ title: 'Taped seams, renamed elsewhere' }).where('id', '=', c.id).execute();
    } finally {
      await other.close();
    }
    const renamed = await reader.get<Page>(feed);
    expectCache(renamed.headers, 'miss');
    expect(renamed.body.items.find((i) => i.id === c.id)?.title).toBe('Taped seams, renamed elsewhere');
  });

  it('keeps each reader’s answer apart, and never keeps errors or routes that did not opt in', async () => {
    const { room, ana, kept, hidden } = await roomWithHidden(t());
    const feed = `/api/v1/initiatives/${room.initiative.id}/contributions`;
    const ids = (page: Page) => page.items.map((i) => i.id).sort();
    const anonymous = t().client();

    // The author sees their hidden contribution; nobody else does, whatever was answered before.
    for (const round of ['miss', 'hit'] as const) {
      const mine = await ana.client.get<Page>(feed);
      const theirs = await anonymous.get<Page>(feed);
      expectCache(mine.headers, round);
      expectCache(theirs.headers, round);
      expect(ids(mine.body)).toEqual([kept.id, hidden.id].sort());
      expect(ids(theirs.body)).toEqual([kept.id]);
    }
    expect((await anonymous.get(`/api/v1/contributions/${hidden.id}`)).status).toBe(404);
    const missing = await anonymous.get(`/api/v1/contributions/${hidden.id}`);
    expect([missing.status, missing.headers['x-read-cache']]).toEqual([404, undefined]);
    const revisions = await anonymous.get(`/api/v1/contributions/${kept.id}/revisions`);
    expect([revisions.status, revisions.headers['x-read-cache']]).toEqual([200, undefined]);
    const page = `/api/v1/contributions/${kept.id}`;
    expectCache((await anonymous.get(page)).headers, 'miss');
    expectCache((await anonymous.get(page)).headers, 'hit');
  });

  it('is not emptied by an idle worker: a pass with nothing to do writes nothing', async () => {
    const worker = t().services.dispatch.worker;
    await worker.drain();
    await worker.once();
    const before = await t().database.dataVersion();
    expect(await worker.once()).toBe(0);
    // On PostgreSQL the snapshot also moves with other databases' writes in the cluster (other test files), so only SQLite can show it exactly.
    if (dialect === 'sqlite') expect(await t().database.dataVersion()).toBe(before);
  });

  it('computes an answer once when many readers ask for it at the same moment', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    for (const title of ['Taped seams', 'Wider hood', 'Longer zip']) await room.contribute(ana, idea(title));
    const search = `/api/v1/search?q=${encodeURIComponent('seams hood zip')}&initiative=${room.initiative.id}`;
    const readers = Array.from({ length: 8 }, () => t().client());
    const answers = await Promise.all(readers.map((r) => r.get<Page>(search)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    // Anonymous readers share one key: one computes, the others wait for its answer.
    const computed = answers.filter((a) => a.headers['x-read-cache'] === 'miss');
    if (dialect === 'sqlite') expect(computed).toHaveLength(1);
    else expect(computed.length).toBeLessThan(answers.length);
    for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
  });

  it('sends kept answers gzipped to clients that take gzip, compressed once, and plain to the rest', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    for (const title of ['Taped seams on the hood', 'A wider hood for helmets', 'A longer zip', 'Pockets that stay dry', 'Reflective piping']) {
      await room.contribute(ana, idea(title));
    }
    const feed = `/api/v1/initiatives/${room.initiative.id}/contributions?sort=top`;
    const get = (encoding?: string) => t().app.inject({ method: 'GET', url: feed, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');
    expect(plain.body.length).toBeGreaterThan(1_024);
    for (const round of ['first', 'again'] as const) {
      const zipped = await get('gzip, deflate, br');
      expect([round, zipped.statusCode, zipped.headers['content-encoding'], zipped.headers.vary]).toEqual([round, 200, 'gzip', 'accept-encoding']);
      expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
    }
    // Refused with q=0, or not offered: plain.
    for (const refused of ['gzip;q=0, identity', 'br', '']) {
      const answer = await get(refused);
      expect([refused, answer.headers['content-encoding'], answer.body]).toEqual([refused, undefined, plain.body]);
    }
    // An answer too short to gain stays plain even for gzip clients (a 404 is never kept, and plain too).
    const short = await t().app.inject({ method: 'GET', url: `/api/v1/initiatives/${room.initiative.id}/contributions?sort=top&limit=1`, headers: { 'accept-encoding': 'gzip' } });
    expect([short.statusCode, short.headers['content-encoding']]).toEqual([200, undefined]);
    const missing = await t().app.inject({ method: 'GET', url: '/api/v1/contributions/019a0000-0000-7000-8000-000000000000', headers: { 'accept-encoding': 'gzip' } });
    expect([missing.statusCode, missing.headers['content-encoding']]).toEqual([404, undefined]);
  });

  it('never lets a token revoked or a role changed by another process count for one more request', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const created = await ana.client.post<{ token: { id: string }; secret: string }>('/api/v1/me/tokens', { name: 'Script', expiresInDays: 30 });
    const api = t().client();
    api.bearer = created.body.secret;
    const draft = { title: 'Taped seams everywhere', body: 'All of them.' };
    const similar = `/api/v1/initiatives/${room.initiative.id}/contributions/similar`;
    for (let i = 0; i < 2; i++) expect((await api.post(similar, draft)).status).toBe(200);

    const other = createDatabase(t().config.databaseUrl);
    try {
      // The initiative closed to everyone but its organisation's members: Ana's access as looked up before no longer holds.
      await other.db.updateTable('initiatives').set({ status: 'draft' }).where('id', '=', room.initiative.id).execute();
      expect((await api.post(similar, draft)).status).toBe(404);
      await other.db.updateTable('initiatives').set({ status: 'open' }).where('id', '=', room.initiative.id).execute();
      expect((await api.post(similar, draft)).status).toBe(200);
      await other.db.updateTable('apiTokens').set({ revokedAt: new Date().toISOString() }).where('id', '=', created.body.token.id).execute();
    } finally {
      await other.close();
    }
    const revoked = await api.post(similar, draft);
    expect([revoked.status, revoked.body]).toMatchObject([401, { error: { code: 'invalid_token' } }]);
  });
});
