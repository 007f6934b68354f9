import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/lib/clock.js';
import { describeEachDatabase, type Person } from '../support/test-app.js';

/** Real time, moved by hand: receivers check the signature timestamp against their own clock. */
const clock = new ManualClock(new Date());
const HOUR = 3_600_000;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1: answers each path with the statuses it is told (the last one repeats). */
class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server: Server | null = null;
  private base = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const script = this.scripts.get(path) ?? [200];
        const status = script.length > 1 ? (script.shift() ?? 200) : (script[0] ?? 200);
        if (status >= 300 && status < 400) response.setHeader('location', `${this.base}/elsewhere`);
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(status === 200 ? `thanks ${'!'.repeat(2000)}` : `status ${status}`);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  answer(path: string, ...statuses: number[]): void {
    this.scripts.set(path, statuses);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** Standard Webhooks verification, written from the specification (not from the server's code). */
function verify(secret: string, received: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const id = String(received.headers['webhook-id']);
  const timestamp = String(received.headers['webhook-timestamp']);
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${received.body}`).digest();
  return String(received.headers['webhook-signature'] ?? '')
    .split(' ')
    .some((entry) => {
      const [version, signature] = entry.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

interface WebhookBody {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  secret?: string;
  secretHint: string;
}
interface DeliveryBody {
  id: string;
  eventId: number;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}
interface Payload {
  type: string;
  timestamp: string;
  data: { id: number; subjectType: string; subjectId: string; orgId: string; payload: Record<string, unknown> };
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

let paths = 0;
const newPath = () => `/hook-${++paths}`;

describeEachDatabase('webhooks', (t) => {
  const drain = () => t().services.dispatch.worker.drain();

  async function setup(eventTypes: string[] = ['org.updated']): Promise<{ owner: Person; slug: string; orgId: string; webhook: WebhookBody & { secret: string }; path: string }> {
    const owner = await t().person('Owner');
    const slug = await t().org(owner, 'private');
    const path = newPath();
    const created = await owner.client.post<WebhookBody & { secret: string }>(`/api/v1/orgs/${slug}/webhooks`, { url: receiver.url(path), eventTypes, description: 'CRM' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const org = await owner.client.get<{ id: string }>(`/api/v1/orgs/${slug}`);
    return { owner, slug, orgId: org.body.id, webhook: created.body, path };
  }

  const rename = (owner: Person, slug: string, name: string) => owner.client.request('PATCH', `/api/v1/orgs/${slug}`, { name });
  const log = async (owner: Person, id: string) => (await owner.client.get<{ items: DeliveryBody[]; nextCursor: string | null }>(`/api/v1/webhooks/${id}/deliveries`)).body.items;
  const jobOf = (webhookId: string, eventId: number) => t().db.selectFrom('jobs').selectAll().where('dedupeKey', '=', `webhook:${webhookId}:${eventId}`).executeTakeFirstOrThrow();

  it('registers an endpoint, shows its secret once and masked afterwards, and records who did it', async () => {
    const { owner, slug, webhook } = await setup(['org.updated', 'contribution.*']);
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(webhook.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(webhook).toMatchObject({ eventTypes: ['org.updated', 'contribution.*'], active: true, secretHint: `whsec_…${webhook.secret.slice(-4)}` });
    const listed = await owner.client.get<{ items: Record<string, unknown>[] }>(`/api/v1/orgs/${slug}/webhooks`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('secret');
    const one = await owner.client.get<Record<string, unknown>>(`/api/v1/webhooks/${webhook.id}`);
    expect(one.body).toMatchObject({ id: webhook.id, secretHint: webhook.secretHint, description: 'CRM' });
    expect(JSON.stringify(one.body)).not.toContain(webhook.secret.slice(6, 20));
    const stored = await t().db.selectFrom('webhooks').select('secret').where('id', '=', webhook.id).executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(webhook.secret.slice(6));
    const audit = await owner.client.get<{ items: { type: string; payload: Record<string, unknown> }[] }>(`/api/v1/orgs/${slug}/events?type=webhook.created`);
    expect(audit.body.items[0]?.payload).toEqual({ target: new URL(webhook.url).origin, eventTypes: ['org.updated', 'contribution.*'], description: 'CRM' });
    expect(JSON.stringify(audit.body)).not.toContain('whsec_');
  });

  it("delivers an organisation's event once, signed the Standard Webhooks way, and logs it", async () => {
    const { owner, slug, orgId, webhook, path } = await setup(['org.updated']);
    const other = await setup(['*']); // another organisation's endpoint hears nothing of this one
    await rename(owner, slug, 'Renamed for the hook');
    await drain();
    expect(receiver.at(path)).toHaveLength(1);
    const heardByOther = receiver.at(other.path).map((r) => (JSON.parse(r.body) as Payload).data.orgId);
    expect(heardByOther.length).toBeGreaterThan(0); // its own organisation's events, e.g. webhook.created
    expect(heardByOther.every((id) => id === other.orgId)).toBe(true);
    const [request] = receiver.at(path);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(verify(webhook.secret, request!)).toBe(true);
    expect(verify(other.webhook.secret, request!)).toBe(false);
    expect(Math.abs(Number(request!.headers['webhook-timestamp']) - clock.now().getTime() / 1000)).toBeLessThan(5);
    const body = JSON.parse(request!.body) as Payload;
    expect(body).toMatchObject({ type: 'org.updated', data: { subjectType: 'org', subjectId: orgId, orgId, payload: { changes: { name: { to: 'Renamed for the hook' } } } } });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    await drain();
    expect(receiver.at(path)).toHaveLength(1);
    // The dispatcher hands events over at least once: handed the same events again, nothing is sent twice.
    await t().db.updateTable('consumerOffsets').set((eb) => ({ lastEventId: eb('lastEventId', '-', 10) })).where('consumer', '=', 'webhooks').execute();
    await drain();
    expect(receiver.at(path)).toHaveLength(1);

    const [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ id: request!.headers['webhook-id'], eventId: body.data.id, eventType: 'org.updated', status: 'delivered', attempts: 1, responseStatus: 200, error: null, nextAttemptAt: null });
    expect(delivery!.responseExcerpt).toHaveLength(1024);
    expect(delivery!.durationMs).toBeGreaterThanOrEqual(0);
    expect(delivery!.deliveredAt).not.toBeNull();
    // Events it did not subscribe to stay home.
    await owner.client.request('PATCH', `/api/v1/orgs/${slug}`, { description: 'changed' });
    const member = await t().person('Member');
    await t().join(owner, slug, member, 'member');
    await drain();
    expect(receiver.at(path).map((r) => (JSON.parse(r.body) as Payload).type)).toEqual(['org.updated', 'org.updated']);
  });

  it('retries a failing endpoint with backoff and logs both attempts under one webhook-id', async () => {
    const { owner, slug, webhook, path } = await setup();
    receiver.answer(path, 500, 200);
    await rename(owner, slug, 'Retry me');
    await drain();
    expect(receiver.at(path)).toHaveLength(1);
    let [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 500, responseExcerpt: 'status 500', error: 'answered 500' });
    const due = new Date(delivery!.nextAttemptAt!).getTime();
    expect(due).toBeGreaterThanOrEqual(clock.now().getTime() + 15_000);
    expect(due).toBeLessThanOrEqual(clock.now().getTime() + 30_000);
    await drain();
    expect(receiver.at(path)).toHaveLength(1); // not yet due
    clock.advance(31_000);
    await drain();
    const [first, second] = receiver.at(path);
    expect(receiver.at(path)).toHaveLength(2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(Number(second!.headers['webhook-timestamp'])).toBeGreaterThan(Number(first!.headers['webhook-timestamp']));
    expect(second!.body).toBe(first!.body);
    expect(verify(webhook.secret, first!) && verify(webhook.secret, second!)).toBe(true);
    [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 200, error: null, nextAttemptAt: null });
  });

  it('gives up after twelve attempts (dead), then an owner redelivers it by hand', async () => {
    const { owner, slug, webhook, path } = await setup();
    receiver.answer(path, 503);
    await rename(owner, slug, 'Doomed');
    for (let attempt = 1; attempt <= 14; attempt++) {
      await drain();
      clock.advance(7 * HOUR);
    }
    expect(receiver.at(path)).toHaveLength(12);
    let [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'dead', attempts: 12, responseStatus: 503, nextAttemptAt: null });
    expect((await jobOf(webhook.id, delivery!.eventId)).status).toBe('dead');
    const failed = await owner.client.get<{ items: DeliveryBody[] }>(`/api/v1/webhooks/${webhook.id}/deliveries?status=dead`);
    expect(failed.body.items.map((d) => d.id)).toEqual([delivery!.id]);
    expect((await owner.client.get<{ items: DeliveryBody[] }>(`/api/v1/webhooks/${webhook.id}/deliveries?status=delivered`)).body.items).toEqual([]);

    receiver.answer(path, 200);
    const redeliver = `/api/v1/webhooks/${webhook.id}/deliveries/${delivery!.id}/redeliver`;
    const asked = await owner.client.post<DeliveryBody>(redeliver);
    expect(asked.status).toBe(202);
    expect(asked.body.id).toBe(delivery!.id);
    expect((await owner.client.post(redeliver)).status).toBe(202); // a double click is one attempt
    await drain();
    expect(receiver.at(path)).toHaveLength(13);
    expect(receiver.at(path)[12]!.headers['webhook-id']).toBe(delivery!.id);
    expect(verify(webhook.secret, receiver.at(path)[12]!)).toBe(true);
    [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 13, responseStatus: 200, error: null });

    // Another redelivery of a delivered one is another attempt, now.
    expect((await owner.client.post(redeliver)).status).toBe(202);
    await drain();
    expect(receiver.at(path)).toHaveLength(14);
    expect((await log(owner, webhook.id))[0]).toMatchObject({ status: 'delivered', attempts: 14 });
  });

  it('redelivers a delivery still retrying without losing its schedule', async () => {
    const { owner, slug, webhook, path } = await setup();
    receiver.answer(path, 500, 502, 200);
    await rename(owner, slug, 'Flaky');
    await drain();
    const [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await owner.client.post(`/api/v1/webhooks/${webhook.id}/deliveries/${delivery!.id}/redeliver`)).status).toBe(202);
    await drain();
    expect(receiver.at(path)).toHaveLength(2);
    expect((await log(owner, webhook.id))[0]).toMatchObject({ status: 'failed', attempts: 2, responseStatus: 502 });
    clock.advance(31_000);
    await drain();
    expect(receiver.at(path)).toHaveLength(3);
    expect((await log(owner, webhook.id))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    clock.advance(HOUR);
    await drain();
    expect(receiver.at(path)).toHaveLength(3);
  });

  it('sends a test event to that endpoint alone, once', async () => {
    const { owner, slug, webhook, path } = await setup(['*']);
    const sibling = await owner.client.post<WebhookBody>(`/api/v1/orgs/${slug}/webhooks`, { url: receiver.url(newPath()), eventTypes: ['*'] });
    expect(sibling.status).toBe(201);
    await drain();
    const before = receiver.at(path).length;
    const siblingPath = new URL(sibling.body.url).pathname;
    const siblingBefore = receiver.at(siblingPath).length;
    const sent = await owner.client.post<DeliveryBody>(`/api/v1/webhooks/${webhook.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 0 });
    await drain();
    const tests = receiver.at(path).slice(before);
    expect(tests).toHaveLength(1);
    expect(verify(webhook.secret, tests[0]!)).toBe(true);
    expect(JSON.parse(tests[0]!.body)).toMatchObject({ type: 'webhook.test', data: { subjectType: 'webhook', subjectId: webhook.id } });
    expect(receiver.at(siblingPath).length).toBe(siblingBefore);
    expect((await log(owner, webhook.id)).find((d) => d.id === sent.body.id)).toMatchObject({ status: 'delivered', attempts: 1 });

    receiver.answer(path, 500);
    const failing = await owner.client.post<DeliveryBody>(`/api/v1/webhooks/${webhook.id}/test`);
    await drain();
    clock.advance(HOUR);
    await drain();
    expect((await log(owner, webhook.id)).find((d) => d.id === failing.body.id)).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 500, nextAttemptAt: null });
  });

  it('rotating the secret changes the signature', async () => {
    const { owner, webhook, path } = await setup();
    const rotated = await owner.client.post<WebhookBody & { secret: string }>(`/api/v1/webhooks/${webhook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    expect(rotated.body.secretHint).toBe(`whsec_…${rotated.body.secret.slice(-4)}`);
    await owner.client.post(`/api/v1/webhooks/${webhook.id}/test`);
    await drain();
    const [request] = receiver.at(path);
    expect(verify(rotated.body.secret, request!)).toBe(true);
    expect(verify(webhook.secret, request!)).toBe(false);
    expect((await owner.client.get<Record<string, unknown>>(`/api/v1/webhooks/${webhook.id}`)).body).not.toHaveProperty('secret');
  });

  it('does not follow redirects', async () => {
    const { owner, slug, webhook, path } = await setup();
    receiver.answer(path, 302);
    await rename(owner, slug, 'Moved');
    await drain();
    expect(receiver.at(path)).toHaveLength(1);
    expect(receiver.at('/elsewhere')).toHaveLength(0);
    const [delivery] = await log(owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'failed', responseStatus: 302 });
    expect(delivery!.error).toContain('redirects are not followed');
  });

  it('logs an endpoint that cannot be reached', async () => {
    const owner = await t().person('Owner');
    const slug = await t().org(owner);
    const created = await owner.client.post<WebhookBody>(`/api/v1/orgs/${slug}/webhooks`, { url: 'http://127.0.0.1:1/nobody-home', eventTypes: ['org.updated'] });
    expect(created.status).toBe(201);
    await rename(owner, slug, 'Unreachable');
    await drain();
    const [delivery] = await log(owner, created.body.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, responseStatus: null });
    expect(delivery!.error).toMatch(/fetch failed|ECONNREFUSED/);
  });

  it('pausing, changing and deleting: paused and deleted endpoints get nothing, the log stays', async () => {
    const { owner, slug, webhook, path } = await setup();
    const paused = await owner.client.request<WebhookBody>('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false, url: receiver.url(`${path}/v2`) });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ active: false, url: receiver.url(`${path}/v2`) });
    const changed = await owner.client.get<{ items: { payload: { changes: Record<string, { from: unknown; to: unknown }> } }[] }>(`/api/v1/orgs/${slug}/events?type=webhook.updated`);
    expect(changed.body.items[0]?.payload.changes).toEqual({ url: { from: new URL(receiver.url('/')).origin, to: new URL(receiver.url('/')).origin }, active: { from: true, to: false } });
    await rename(owner, slug, 'While paused');
    await drain();
    expect(receiver.at(`${path}/v2`)).toHaveLength(0);
    expect((await owner.client.post(`/api/v1/webhooks/${webhook.id}/test`)).status).toBe(409);

    await owner.client.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: true });
    receiver.answer(`${path}/v2`, 500);
    await rename(owner, slug, 'Resumed');
    await drain();
    expect(receiver.at(`${path}/v2`)).toHaveLength(1);
    const [pending] = await log(owner, webhook.id);
    expect(pending).toMatchObject({ status: 'failed' });

    expect((await owner.client.request('DELETE', `/api/v1/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await owner.client.get(`/api/v1/webhooks/${webhook.id}`)).status).toBe(404);
    expect((await owner.client.get(`/api/v1/webhooks/${webhook.id}/deliveries`)).status).toBe(404);
    expect((await owner.client.get<{ items: unknown[] }>(`/api/v1/orgs/${slug}/webhooks`)).body.items).toEqual([]);
    clock.advance(HOUR);
    await drain();
    expect(receiver.at(`${path}/v2`)).toHaveLength(1);
    const kept = await t().db.selectFrom('webhookDeliveries').selectAll().where('webhookId', '=', webhook.id).execute();
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.find((d) => d.id === pending!.id)).toMatchObject({ status: 'dead', error: 'The endpoint was deleted.' });
    const audit = await owner.client.get<{ items: { type: string }[] }>(`/api/v1/orgs/${slug}/events?type=webhook.deleted`);
    expect(audit.body.items).toHaveLength(1);
  });

  it('only owners: 403 for members and stewards, 404 for outsiders of a private organisation, 401 anonymous', async () => {
    const { owner, slug, webhook } = await setup();
    const member = await t().person('Member');
    const steward = await t().person('Steward');
    const outsider = await t().person('Outsider');
    await t().join(owner, slug, member, 'member');
    await t().join(owner, slug, steward, 'steward');
    const body = { url: receiver.url('/x'), eventTypes: ['*'] };
    const delivery = `/api/v1/webhooks/${webhook.id}/deliveries/00000000-0000-7000-8000-000000000000/redeliver`;
    for (const [who, status] of [[member, 403], [steward, 403], [outsider, 404]] as const) {
      expect((await who.client.post(`/api/v1/orgs/${slug}/webhooks`, body)).status).toBe(status);
      expect((await who.client.get(`/api/v1/orgs/${slug}/webhooks`)).status).toBe(status);
      const wanted = status === 404 ? 404 : 403;
      expect((await who.client.get(`/api/v1/webhooks/${webhook.id}`)).status).toBe(wanted);
      expect((await who.client.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false })).status).toBe(wanted);
      expect((await who.client.request('DELETE', `/api/v1/webhooks/${webhook.id}`)).status).toBe(wanted);
      expect((await who.client.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`)).status).toBe(wanted);
      expect((await who.client.get(`/api/v1/webhooks/${webhook.id}/deliveries`)).status).toBe(wanted);
      expect((await who.client.post(delivery)).status).toBe(wanted);
      expect((await who.client.post(`/api/v1/webhooks/${webhook.id}/test`)).status).toBe(wanted);
    }
    const anonymous = t().client();
    expect((await anonymous.get(`/api/v1/orgs/${slug}/webhooks`)).status).toBe(401);
    expect((await anonymous.get(`/api/v1/webhooks/${webhook.id}`)).status).toBe(401);
    // An outsider of a public organisation sees the organisation, so it is 403 there.
    const publicOwner = await t().person('Public owner');
    const publicSlug = await t().org(publicOwner, 'public');
    expect((await outsider.client.get(`/api/v1/orgs/${publicSlug}/webhooks`)).status).toBe(403);
    expect((await owner.client.get<WebhookBody>(`/api/v1/webhooks/${webhook.id}`)).body.active).toBe(true);
  });

  it('refuses bad URLs and event types with 422, and unknown ids with 404', async () => {
    const { owner, slug, webhook } = await setup();
    const create = (body: unknown) => owner.client.post<{ error: { code: string; details: { path?: string; code?: string }[] } }>(`/api/v1/orgs/${slug}/webhooks`, body);
    for (const url of ['ftp://example.com/hook', 'http://example.com/hook', 'https://user:secret@example.com/hook', 'not a url', 'javascript:alert(1)', '', 'x'.repeat(2001)]) {
      const response = await create({ url, eventTypes: ['*'] });
      expect(response.status, url).toBe(422);
      expect(response.body.error.details[0]?.path).toBe('/url');
    }
    const unknown = await create({ url: 'https://example.com/hook', eventTypes: ['org.updated', 'nothing.happened'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ path: '/eventTypes/1', code: 'unknown_event_type' });
    for (const eventTypes of [[], ['user.signed_up'], ['webhook.test'], ['nothing.*'], 'org.updated', [1]]) {
      expect((await create({ url: 'https://example.com/hook', eventTypes })).status, JSON.stringify(eventTypes)).toBe(422);
    }
    expect((await create({ url: 'https://example.com/hook', eventTypes: ['*'], secret: 'whsec_mine' })).status).toBe(422);
    expect((await owner.client.request('PATCH', `/api/v1/webhooks/${webhook.id}`, {})).status).toBe(422);
    expect((await owner.client.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { url: 'http://example.com/' })).status).toBe(422);
    expect((await owner.client.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { eventTypes: ['nope.nope'] })).status).toBe(422);
    expect((await owner.client.get(`/api/v1/webhooks/${webhook.id}/deliveries?status=lost`)).status).toBe(422);
    expect((await owner.client.get(`/api/v1/webhooks/${webhook.id}/deliveries?cursor=nonsense`)).status).toBe(422);

    const missing = '00000000-0000-7000-8000-000000000000';
    expect((await owner.client.get(`/api/v1/webhooks/${missing}`)).status).toBe(404);
    expect((await owner.client.request('PATCH', `/api/v1/webhooks/${missing}`, { active: false })).status).toBe(404);
    expect((await owner.client.request('DELETE', `/api/v1/webhooks/${missing}`)).status).toBe(404);
    expect((await owner.client.post(`/api/v1/webhooks/${missing}/test`)).status).toBe(404);
    expect((await owner.client.post(`/api/v1/webhooks/${webhook.id}/deliveries/${missing}/redeliver`)).status).toBe(404);
    expect((await owner.client.get(`/api/v1/orgs/no-such-org/webhooks`)).status).toBe(404);
    // Someone else's delivery id is not this webhook's.
    const other = await setup();
    await rename(other.owner, other.slug, 'Other');
    await drain();
    const [foreign] = await log(other.owner, other.webhook.id);
    expect((await owner.client.post(`/api/v1/webhooks/${webhook.id}/deliveries/${foreign!.id}/redeliver`)).status).toBe(404);
  });

  it('pages the delivery log newest first', async () => {
    const { owner, slug, webhook } = await setup();
    for (const name of ['One', 'Two', 'Three']) await rename(owner, slug, name);
    await drain();
    const first = await owner.client.get<{ items: DeliveryBody[]; nextCursor: string | null }>(`/api/v1/webhooks/${webhook.id}/deliveries?limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await owner.client.get<{ items: DeliveryBody[]; nextCursor: string | null }>(`/api/v1/webhooks/${webhook.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((d) => d.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('lists the event types to subscribe to', async () => {
    const response = await t().client().get<{ types: string[]; families: string[] }>('/api/v1/webhooks/event-types');
    expect(response.status).toBe(200);
    expect(response.body.types).toContain('contribution.created');
    expect(response.body.families).toContain('contribution');
  });
}, { clock });

describe('webhook receiver helper', () => {
  it('verifies the specification vector', () => {
    const received = {
      path: '/',
      body: '{"test": 2432232314}',
      headers: { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' },
    };
    expect(verify('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', received)).toBe(true);
  });
});
