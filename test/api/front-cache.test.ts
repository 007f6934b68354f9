import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { idea, openRoom, roomWithHidden } from '../support/contributions.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent (gzip when the answer says so). */
  raw: Buffer;
  /** The body as text, unzipped. */
  text: string;
}

interface Page {
  items: { id: string; title: string; supportCount: number }[];
}

/** Headers that belong to one request, not to the answer. */
const PER_REQUEST = ['x-request-id', 'x-read-cache', 'date', 'connection', 'keep-alive'];
const answerHeaders = (headers: IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST.includes(name)));

// These go through a listening server: app.inject (the other API tests) never meets the front.
describeEachDatabase('kept answers served before routing', (t, dialect) => {
  let port = 0;
  beforeAll(async () => {
    await t().app.listen({ port: 0, host: '127.0.0.1' });
    port = (t().app.server.address() as AddressInfo).port;
  });

  const get = (path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const sent = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, text });
        });
      });
      sent.on('error', reject);
      sent.end();
    });
  const json = <T>(answer: Answer) => JSON.parse(answer.text) as T;
  /** Kept answers served before routing so far, as Prometheus reads them. */
  const counted = async () => Number(/^moebius_read_cache_front_hits (\d+)$/m.exec((await get('/metrics')).text)?.[1] ?? Number.NaN);
  // On PostgreSQL the data version moves with any database of the cluster (other test files), so a kept answer may be dropped at any time.
  const expectServedBeforeRouting = (before: number, after: number, times: number) => {
    if (dialect === 'sqlite') expect(after - before).toBe(times);
    else expect(after - before).toBeLessThanOrEqual(times);
  };

  it('answers a reader who is not signed in with the answer and headers the app sent, until the data changes', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    for (const title of ['Taped seams on the hood', 'A wider hood for helmets', 'A longer zip', 'Pockets that stay dry']) await room.contribute(ana, idea(title));
    const feed = `/api/v1/initiatives/${room.initiative.id}/contributions?sort=top`;
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };

    const before = await counted();
    const computed = await get(feed, gzip);
    expect([computed.status, computed.headers['x-read-cache'], computed.headers['content-encoding']]).toEqual([200, 'miss', 'gzip']);
    const again = await get(feed, { ...gzip, 'x-request-id': 'trace-42' });
    const plain = await get(feed, { 'x-request-id': 'not a valid id!' });
    expectServedBeforeRouting(before, await counted(), 2);
    if (dialect === 'sqlite') expect([again.headers['x-read-cache'], plain.headers['x-read-cache']]).toEqual(['hit', 'hit']);

    // The same answer, byte for byte, under the same headers; only the request's own differ.
    expect(again.raw.equals(computed.raw)).toBe(true);
    expect(answerHeaders(again.headers)).toEqual(answerHeaders(computed.headers));
    expect(again.headers['x-request-id']).toBe('trace-42');
    // Without gzip: the text itself; an id that is not a plain token is replaced, as the app does.
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(json(plain)).toEqual(json(computed));
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.headers['content-type']).toBe(computed.headers['content-type']);

    // A write: the next reader gets the new state, computed by the app.
    const top = json<Page>(computed).items[0];
    expect((await ben.client.post(`/api/v1/contributions/${top?.id}/support`)).status).toBe(200);
    const after = await get(feed, gzip);
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(json<Page>(after).items.find((i) => i.id === top?.id)?.supportCount).toBe((top?.supportCount ?? 0) + 1);
  });

  it('leaves signed-in readers, API tokens, HEAD and unknown addresses to the app', async () => {
    const { room, ana, kept, hidden } = await roomWithHidden(t());
    const feed = `/api/v1/initiatives/${room.initiative.id}/contributions`;
    const ids = (answer: Answer) => json<Page>(answer).items.map((i) => i.id).sort();
    for (let i = 0; i < 2; i++) expect(ids(await get(feed))).toEqual([kept.id]);

    const before = await counted();
    // The author, by session cookie, sees her hidden contribution: her answer is her own.
    const cookie = `theme=dark; moebius_session=${ana.client.cookie ?? ''}`;
    expect(ids(await get(feed, { cookie }))).toEqual([kept.id, hidden.id].sort());
    const token = await ana.client.post<{ secret: string }>('/api/v1/me/tokens', { name: 'script' });
    const read = await get(feed);
    expect(ids(read)).toEqual([kept.id]);
    expect(ids(await get(feed, { authorization: `Bearer ${token.body.secret}` }))).toEqual([kept.id, hidden.id].sort());
    // A wrong token is refused, never answered with what anyone may read.
    const refused = await get(feed, { authorization: 'Bearer mbx_not-a-token' });
    expect([refused.status, json<{ error: { code: string } }>(refused).error.code]).toEqual([401, 'invalid_token']);
    const head = await get(feed, {}, 'HEAD');
    expect([head.status, head.raw.length]).toEqual([200, 0]);
    expect((await get(`${feed}?sort=nonsense`)).status).toBe(422);
    expect((await get(`/api/v1/contributions/${hidden.id}`)).status).toBe(404);
    // None of these was served before routing: the one reader without credentials came after a write.
    expectServedBeforeRouting(before, await counted(), 0);
  });
});
