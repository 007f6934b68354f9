import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/server/lib/ids.js';
import { experience, openRoom, type Room } from '../support/contributions.js';
import { createInitiative } from '../support/initiatives.js';
import { describeEachDatabase, TestApp, type Person } from '../support/test-app.js';

/** One Server-Sent Events message as a browser's EventSource would see it. */
interface Message {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

/**
 * A real SSE client over fetch: parses the stream as the EventSource specification does
 * (blank line ends a message; `:` lines are comments) and waits for messages.
 */
class SseClient {
  readonly messages: Message[] = [];
  comments = 0;
  retry: number | null = null;
  private buffer = '';
  private wake: (() => void) | null = null;
  private done = false;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const client = new SseClient(response, abort);
    if (response.ok) void client.read();
    return client;
  }

  private async read(): Promise<void> {
    const body = this.response.body;
    if (body === null) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
        this.wake?.();
      }
    } catch {
      // aborted
    }
    this.done = true;
    this.wake?.();
  }

  private parse(block: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
    }
    if (data.length > 0) this.messages.push({ id, event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
  }

  /** Resolves with the first message (from `from` on) that matches, waiting up to `ms`. */
  async waitFor(match: (m: Message) => boolean, ms = 5_000, from = 0): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.done) throw new Error(`stream ended; got ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(this.messages.map((m) => [m.event, m.data.subjectId]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  ready(): Promise<Message> {
    return this.waitFor((m) => m.event === 'ready');
  }

  /** Ids of the contributions whose `type` events arrived, in order. */
  subjects(type: string): unknown[] {
    return this.messages.filter((m) => m.event === type).map((m) => m.data.subjectId);
  }

  close(): void {
    this.abort.abort();
  }
}

const open: SseClient[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

describeEachDatabase('live activity over Server-Sent Events', (t, dialect) => {
  let base = '';
  beforeAll(async () => {
    base = await t().app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => {
    // fetch (undici) may open a spare connection that never carries a request; the server would
    // wait for it (headersTimeout) on close. Streams themselves end on close (see the last test).
    t().app.server.closeAllConnections();
  });

  const headersOf = (person?: Person): Record<string, string> => (person?.client.cookie ? { cookie: `moebius_session=${person.client.cookie}` } : {});
  const stream = async (path: string, person?: Person, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${base}${path}`, { ...headersOf(person), ...headers });
    open.push(client);
    return client;
  };
  const initiativeStream = async (room: Room, person?: Person, headers: Record<string, string> = {}, query = '') => {
    const client = await stream(`/api/v1/initiatives/${room.initiative.id}/stream${query}`, person, headers);
    expect(client.response.status).toBe(200);
    await client.ready();
    return client;
  };

  it('a reader receives a new contribution and its support live, with the SSE headers, retry and a small payload', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const reader = await t().person('Reader');
    const live = await initiativeStream(room, reader);
    expect(live.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(live.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(live.response.headers.get('x-accel-buffering')).toBe('no');
    expect(live.retry).toBe(3000);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(live.comments).toBeGreaterThan(0); // heartbeats

    const x = await room.contribute(ana, experience('Zip broke in the rain'));
    const created = await live.waitFor((m) => m.event === 'contribution.created');
    expect(created.data).toMatchObject({ type: 'contribution.created', initiativeId: room.initiative.id, subjectType: 'contribution', subjectId: x.id, contributionId: x.id, data: { kind: 'experience', title: 'Zip broke in the rain' } });
    expect(created.id).toBe(String(created.data.id));
    expect(JSON.stringify(created.data)).not.toContain('It happened on the third day'); // no bodies on the stream

    expect((await room.host.client.post(`/api/v1/contributions/${x.id}/support`)).status).toBeLessThan(300);
    const supported = await live.waitFor((m) => m.event === 'contribution.supported');
    expect(supported.data).toMatchObject({ subjectId: x.id, data: { supportCount: 1 } });
    // Anonymous readers of a public initiative get the same activity.
    const anonymous = await initiativeStream(room);
    const y = await room.contribute(ana, experience('Hood too small'));
    expect((await anonymous.waitFor((m) => m.event === 'contribution.created')).data.subjectId).toBe(y.id);
  });

  it('a disconnected reader resumes with Last-Event-ID and gets exactly the missed events, once, then live ones', async () => {
    const room = await openRoom(t());
    const other = await openRoom(t());
    const ana = await room.participant('Ana');
    const bo = await other.participant('Bo');
    const first = await initiativeStream(room, ana);
    const a = await room.contribute(ana, experience('First'));
    const seen = await first.waitFor((m) => m.event === 'contribution.created');
    first.close();

    const b = await room.contribute(ana, experience('Second'));
    await other.contribute(bo, experience('Elsewhere'));
    const c = await room.contribute(ana, experience('Third'));

    const resumed = await stream(`/api/v1/initiatives/${room.initiative.id}/stream`, ana, { 'last-event-id': seen.id ?? '' });
    const ready = await resumed.ready();
    expect(ready.data).toEqual({ replayed: 2 });
    const d = await room.contribute(ana, experience('Fourth'));
    await resumed.waitFor((m) => m.event === 'contribution.created' && m.data.subjectId === d.id);
    expect(resumed.subjects('contribution.created')).toEqual([b.id, c.id, d.id]);
    expect(resumed.subjects('contribution.created')).not.toContain(a.id);
    const ids = resumed.messages.filter((m) => m.id !== null).map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);

    // The query-string fallback replays the same way; the header wins over it.
    const byQuery = await stream(`/api/v1/initiatives/${room.initiative.id}/stream?lastEventId=${seen.id ?? ''}`, ana);
    await byQuery.ready();
    expect(byQuery.subjects('contribution.created')).toEqual([b.id, c.id, d.id]);
    const headerWins = await stream(`/api/v1/initiatives/${room.initiative.id}/stream?lastEventId=0`, ana, { 'last-event-id': String(resumed.messages.at(-1)?.id ?? '') });
    await headerWins.ready();
    expect(headerWins.subjects('contribution.created')).toEqual([]);
  });

  it('a Last-Event-ID from nowhere gets a reset and then live events', async () => {
    const room = await openRoom(t());
    const live = await stream(`/api/v1/initiatives/${room.initiative.id}/stream`, room.host, { 'last-event-id': '999999999' });
    await live.ready();
    expect(live.messages[0]).toMatchObject({ event: 'reset', data: { reason: 'unknown_position' } });
    const ana = await room.participant('Ana');
    const x = await room.contribute(ana, experience('After the reset'));
    await live.waitFor((m) => m.event === 'contribution.created' && m.data.subjectId === x.id);
  });

  it('events about a hidden contribution reach only its authors and the hosts; moderation internals only the hosts', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const reader = await room.participant('Reader');
    const x = await room.contribute(ana, experience('Buy our cheap jackets now'));
    const startId = (await t().db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow()).max;

    expect((await reader.client.post(`/api/v1/contributions/${x.id}/flags`, { reason: 'spam' })).status).toBeLessThan(300);
    expect((await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: 'Advertising is not welcome here.' })).status).toBe(200);

    const readerLive = await initiativeStream(room, reader);
    const authorLive = await initiativeStream(room, ana);
    const hostLive = await initiativeStream(room, room.host);
    const respond = (id: string, text: string) => room.host.client.post(`/api/v1/contributions/${id}/responses`, { status: 'under_review', text });
    expect((await respond(x.id, 'We are looking at it.')).status).toBe(201);
    const v = await room.contribute(ana, experience('Seams leak'));
    expect((await respond(v.id, 'Good point.')).status).toBe(201);

    await readerLive.waitFor((m) => m.event === 'contribution.responded' && m.data.subjectId === v.id);
    await authorLive.waitFor((m) => m.event === 'contribution.responded' && m.data.subjectId === v.id);
    await hostLive.waitFor((m) => m.event === 'contribution.responded' && m.data.subjectId === v.id);
    expect(readerLive.subjects('contribution.responded')).toEqual([v.id]);
    expect(authorLive.subjects('contribution.responded')).toEqual([x.id, v.id]);
    expect(hostLive.subjects('contribution.responded')).toEqual([x.id, v.id]);
    expect(authorLive.messages.find((m) => m.event === 'contribution.responded')?.data).toMatchObject({ data: { status: 'under_review', previousStatus: 'received' } });
    expect(JSON.stringify(hostLive.messages)).not.toContain('We are looking at it.'); // the response text is fetched, not streamed

    // Replayed from before the flag: readers get neither the hidden contribution's events nor moderation internals.
    const readerReplay = await stream(`/api/v1/initiatives/${room.initiative.id}/stream`, reader, { 'last-event-id': String(startId) });
    const hostReplay = await stream(`/api/v1/initiatives/${room.initiative.id}/stream`, room.host, { 'last-event-id': String(startId) });
    await readerReplay.ready();
    await hostReplay.ready();
    expect(readerReplay.messages.map((m) => m.event)).toEqual(['contribution.created', 'contribution.responded', 'ready']);
    expect(hostReplay.messages.map((m) => m.event)).toEqual(['contribution.flagged', 'contribution.hidden', 'contribution.responded', 'contribution.created', 'contribution.responded', 'ready']);
    const hidden = hostReplay.messages.find((m) => m.event === 'contribution.hidden');
    expect(hidden?.data).toEqual({ id: Number(hidden?.id), type: 'contribution.hidden', time: expect.any(String), initiativeId: room.initiative.id, subjectType: 'contribution', subjectId: x.id, contributionId: x.id });
  });

  it('an outsider gets 404 on an invite-only initiative; unknown initiatives are 404; bad positions are 422', async () => {
    const host = await t().person('Host');
    const org = await t().org(host);
    const secret = await createInitiative(t(), host, org, { launch: true, overrides: { visibility: 'invite_only' } });
    const outsider = await t().person('Outsider');
    for (const [who, path] of [[outsider, `/api/v1/initiatives/${secret.id}/stream`], [undefined, `/api/v1/initiatives/${secret.id}/stream`], [host, `/api/v1/initiatives/${newId()}/stream`], [host, '/api/v1/initiatives/x/stream']] as const) {
      const refused = await stream(path, who);
      expect(refused.response.status).toBe(404);
      expect(refused.response.headers.get('content-type')).toContain('application/json');
      expect(await refused.response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const hostStream = await stream(`/api/v1/initiatives/${secret.id}/stream`, host);
    expect(hostStream.response.status).toBe(200);
    for (const query of ['?lastEventId=-1', '?lastEventId=abc', '?other=1']) {
      const bad = await stream(`/api/v1/initiatives/${secret.id}/stream${query}`, host);
      expect(bad.response.status).toBe(422);
    }
    // Drafts are for their hosts only.
    const draft = await createInitiative(t(), host, org);
    expect((await stream(`/api/v1/initiatives/${draft.id}/stream`, outsider)).response.status).toBe(404);
  });

  it('the streams are in the OpenAPI document as text/event-stream (the no-5xx fuzz test probes them by that)', async () => {
    const spec = (await t().client().get<{ paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, unknown> }> } }> }>('/api/openapi.json')).body;
    for (const path of ['/api/v1/initiatives/{id}/stream', '/api/v1/me/stream']) {
      expect(Object.keys(spec.paths[path]?.get?.responses?.['200']?.content ?? {})).toEqual(['text/event-stream']);
      expect(spec.paths[path]?.get?.responses?.['404']).toBeDefined();
    }
  });

  it('/me/stream needs a login', async () => {
    const refused = await stream('/api/v1/me/stream');
    expect(refused.response.status).toBe(401);
    expect(await refused.response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const badToken = await stream('/api/v1/me/stream', undefined, { authorization: 'Bearer mbx_nope' });
    expect(badToken.response.status).toBe(401);
  });

  it('/me/stream delivers the notifications written for that person with the unread count, and resumes', async () => {
    const ana = await t().person('Ana');
    const bo = await t().person('Bo');
    const notify = async (person: Person, type: string, extra: { readAt?: string } = {}) => {
      const event = await t().db.insertInto('events').values({ time: new Date().toISOString(), actorId: null, orgId: null, subjectType: 'contribution', subjectId: newId(), type, payload: JSON.stringify({}) }).returning('id').executeTakeFirstOrThrow();
      const eventId = Number(event.id);
      await t().db.insertInto('notifications').values({
        id: newId(), userId: person.user.id, eventId, type, orgId: null, initiativeId: null, subjectType: 'contribution', subjectId: newId(),
        data: JSON.stringify({ title: 'Zip broke' }), readAt: extra.readAt ?? null, emailedAt: null, createdAt: new Date().toISOString(),
      }).execute();
      return eventId;
    };
    await notify(ana, 'contribution.responded', { readAt: new Date().toISOString() });
    const live = await stream('/api/v1/me/stream', ana);
    expect(live.response.status).toBe(200);
    await live.ready();
    expect(live.messages.map((m) => m.event)).toEqual(['unread', 'ready']);
    expect(live.messages[0]?.data).toEqual({ unreadCount: 0 });

    const first = await notify(ana, 'contribution.responded');
    await notify(bo, 'update.published');
    const got = await live.waitFor((m) => m.event === 'contribution.responded');
    expect(got.id).toBe(String(first));
    expect(got.data).toMatchObject({ eventId: first, type: 'contribution.responded', subjectType: 'contribution', data: { title: 'Zip broke' }, unreadCount: 1 });
    live.close();

    const second = await notify(ana, 'update.published');
    const third = await notify(ana, 'comment.created');
    const resumed = await stream('/api/v1/me/stream', ana, { 'last-event-id': String(first) });
    await resumed.ready();
    expect(resumed.messages.map((m) => [m.event, m.id])).toEqual([['update.published', String(second)], ['comment.created', String(third)], ['unread', null], ['ready', null]]);
    expect(resumed.messages[2]?.data).toEqual({ unreadCount: 3 });
    const fourth = await notify(ana, 'terms.amended');
    await resumed.waitFor((m) => m.event === 'terms.amended');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few more polls: nothing is sent twice
    expect(resumed.messages.filter((m) => m.id !== null).map((m) => Number(m.id))).toEqual([second, third, fourth]);
    expect(resumed.messages.at(-1)?.data).toMatchObject({ unreadCount: 4 });
    expect(resumed.messages.some((m) => m.event === 'update.published' && m.id !== String(second))).toBe(false);

    // Personal API tokens open the stream too.
    const token = await ana.client.post<{ secret: string }>('/api/v1/me/tokens', { name: 'live' });
    const byToken = await stream('/api/v1/me/stream', undefined, { authorization: `Bearer ${token.body.secret}` });
    expect(byToken.response.status).toBe(200);
    await byToken.ready();
  });

  it('one poller serves every stream and stops when the last one closes', async () => {
    const room = await openRoom(t());
    const hub = t().services.live;
    const clients = await Promise.all(Array.from({ length: 20 }, () => initiativeStream(room)));
    expect(hub.size).toBeGreaterThanOrEqual(20);
    expect(hub.active).toBe(true);
    const ana = await room.participant('Ana');
    const x = await room.contribute(ana, experience('Everyone sees this'));
    await Promise.all(clients.map((c) => c.waitFor((m) => m.event === 'contribution.created' && m.data.subjectId === x.id)));
    for (const c of open.splice(0)) c.close();
    const deadline = Date.now() + 5_000;
    while ((hub.size > 0 || hub.active) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hub.size).toBe(0);
    expect(hub.active).toBe(false);
  });

  it('a write answered by this process reaches its streams at once, without waiting for the next poll', async () => {
    const own = await TestApp.start(dialect, { live: { pollMs: 60_000 } });
    try {
      const url = await own.app.listen({ port: 0, host: '127.0.0.1' });
      const room = await openRoom(own);
      const ana = await room.participant('Ana');
      const token = await ana.client.post<{ secret: string }>('/api/v1/me/tokens', { name: 'live' });
      const client = await SseClient.open(`${url}/api/v1/initiatives/${room.initiative.id}/stream`);
      open.push(client);
      await client.ready();
      const written = await fetch(`${url}/api/v1/initiatives/${room.initiative.id}/contributions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.body.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(experience('Seen at once')),
      });
      expect(written.status).toBe(201);
      const { id } = (await written.json()) as { id: string };
      const created = await client.waitFor((m) => m.event === 'contribution.created', 5_000);
      expect(created.data.subjectId).toBe(id);
    } finally {
      for (const c of open.splice(0)) c.close();
      own.app.server.closeAllConnections();
      await own.close();
    }
  });

  it('closing the app ends open streams at once', async () => {
    const own = await TestApp.start(dialect, { live: { pollMs: 50 } });
    try {
      const url = await own.app.listen({ port: 0, host: '127.0.0.1' });
      const host = await own.person('Host');
      const org = await own.org(host);
      const initiative = await createInitiative(own, host, org, { launch: true });
      const client = await SseClient.open(`${url}/api/v1/initiatives/${initiative.id}/stream`, headersOf(host));
      open.push(client);
      await client.ready();
      const started = Date.now();
      await own.app.close();
      expect(Date.now() - started).toBeLessThan(2_000);
      await expect(client.waitFor(() => false, 2_000)).rejects.toThrow(/stream ended/);
      expect(own.services.live.size).toBe(0);
    } finally {
      await own.close();
    }
  });
}, { live: { pollMs: 50, notificationPollMs: 50, heartbeatMs: 200 } });

