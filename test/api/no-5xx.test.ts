import { expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Operation { path: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; properties: string[]; stream: boolean }
interface OpenApi { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; anyOf?: { properties?: Record<string, unknown> }[] } }> }; responses?: Record<string, { content?: Record<string, unknown> }> }>> }

const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
/** Values that are wrong for almost any field. */
const hostileValues: unknown[] = [null, 0, -1, 1e308, true, '', ' ', 'x'.repeat(10_000), '\u0000\uffff🙂', '<script>alert(1)</script>', "'; drop table users; --", [], [1, 2], {}, deep(30)];
const hostileSegments = ['%00', 'x'.repeat(300), '..%2F..%2Fetc', '%F0%9F%99%82', 'null', '-1', "'or'1'='1"];
const hostileQueries = ['?limit=-5', '?limit=1e9', '?cursor=%00', '?cursor=eyJrZXkiOnt9LCJpZCI6W119', '?limit=10&limit=20', '?type=a.b&type=c.d', '?x[y]=1'];

function operations(spec: OpenApi): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const props = schema?.properties ?? schema?.anyOf?.find((s) => s.properties)?.properties ?? {};
      // Server-Sent Events routes (200 is text/event-stream) never end on their own.
      const stream = op.responses?.['200']?.content?.['text/event-stream'] !== undefined;
      return { path, method: method.toUpperCase() as Operation['method'], properties: Object.keys(props), stream };
    }),
  );
}

function bodiesFor(op: Operation): unknown[] {
  const bodies: unknown[] = [null, [], 'text', 42, {}, deep(200)];
  for (const property of op.properties) for (const value of hostileValues) bodies.push({ [property]: value });
  bodies.push(Object.fromEntries(op.properties.map((p) => [p, 'x'.repeat(5000)])));
  return bodies;
}

describeEachDatabase('no input produces a 5xx', (t) => {
  it('every operation answers hostile bodies, paths and queries with a 4xx or success', async () => {
    const owner = await t().person('Owner');
    const slug = await t().org(owner);
    const token = await owner.client.post<{ secret: string }>('/api/v1/me/tokens', { name: 'fuzz' });
    const api = t().client();
    api.bearer = token.body.secret;
    const spec = (await t().client().get<OpenApi>('/api/openapi.json')).body;
    const failures: string[] = [];
    const check = async (label: string, status: number) => {
      if (status >= 500) failures.push(`${label} → ${status}`);
    };
    // A stream that opens would keep `inject` waiting for its end: probe streams with
    // payloadAsStream, which answers at the headers; the stream is dropped and the app's close ends it.
    const probe = async (op: Operation, client: Client, method: Operation['method'], url: string, body?: unknown) => {
      if (!op.stream) return (await client.request(method, url, body)).status;
      const headers: Record<string, string> = {};
      if (client.bearer !== null) headers.authorization = `Bearer ${client.bearer}`;
      if (client.cookie !== null) headers.cookie = `moebius_session=${client.cookie}`;
      const response = await t().app.inject({ method, url, headers, payloadAsStream: true });
      response.stream().destroy();
      return response.statusCode;
    };
    for (const op of operations(spec)) {
      const real = op.path.replace('{org}', slug).replace('{userId}', owner.user.id).replace('{id}', 'x').replace('{token}', 'x');
      for (const client of [owner.client, api, t().client()]) {
        if (op.method === 'GET' || op.method === 'DELETE') {
          for (const q of [...hostileQueries, ...(op.stream ? ['', '?lastEventId=1'] : [])]) await check(`${op.method} ${real}${q}`, await probe(op, client, op.method, `${real}${q}`));
        } else {
          for (const body of bodiesFor(op)) await check(`${op.method} ${real} ${JSON.stringify(body).slice(0, 80)}`, await probe(op, client, op.method, real, body));
        }
      }
      for (const segment of hostileSegments) {
        const weird = op.path.replace(/\{[^}]+\}/g, segment);
        if (weird !== op.path) await check(`${op.method} ${weird}`, await probe(op, owner.client, op.method, weird, op.method === 'GET' || op.method === 'DELETE' ? undefined : {}));
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
