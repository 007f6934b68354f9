import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/test-app.js';

interface Operation { path: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; properties: string[] }
interface OpenApi { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; anyOf?: { properties?: Record<string, unknown> }[] } }> } }>> }

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
      return { path, method: method.toUpperCase() as Operation['method'], properties: Object.keys(props) };
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
    for (const op of operations(spec)) {
      const real = op.path.replace('{org}', slug).replace('{userId}', owner.user.id).replace('{id}', 'x').replace('{token}', 'x');
      for (const client of [owner.client, api, t().client()]) {
        if (op.method === 'GET' || op.method === 'DELETE') {
          for (const q of hostileQueries) await check(`${op.method} ${real}${q}`, (await client.request(op.method, `${real}${q}`)).status);
        } else {
          for (const body of bodiesFor(op)) await check(`${op.method} ${real} ${JSON.stringify(body).slice(0, 80)}`, (await client.request(op.method, real, body)).status);
        }
      }
      for (const segment of hostileSegments) {
        const weird = op.path.replace(/\{[^}]+\}/g, segment);
        if (weird !== op.path) await check(`${op.method} ${weird}`, (await owner.client.request(op.method, weird, op.method === 'GET' || op.method === 'DELETE' ? undefined : {})).status);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
