import { expect, it } from 'vitest';
import type { Db } from '../../src/server/db/database.js';
import { ManualClock } from '../../src/server/lib/clock.js';
import { Dispatcher, type StoredEvent } from '../../src/server/modules/dispatch/dispatcher.js';
import { backoffMs } from '../../src/server/modules/dispatch/jobs.js';
import { Worker } from '../../src/server/modules/dispatch/worker.js';
import { describeEachDatabase, type TestApp } from '../support/test-app.js';

const clock = new ManualClock('2026-11-23T10:00:00.000Z');

/** A consumer whose effect is a job per event (deduplicated), and which can be told to crash mid-batch. */
function recorder(t: TestApp, name: string) {
  const seen: number[] = [];
  let crashAt: number | null = null;
  const consumer = {
    name,
    accepts: (type: string) => type.startsWith('org.'),
    async consume(trx: Db, event: StoredEvent) {
      if (crashAt !== null && event.id === crashAt) {
        crashAt = null;
        throw new Error('killed mid-batch');
      }
      seen.push(event.id);
      await t.services.dispatch.jobs.enqueue(trx, { kind: `${name}.effect`, dedupeKey: `${name}:${event.id}`, payload: { eventId: event.id } });
    },
  };
  return { consumer, seen, crashNextAt: (id: number) => (crashAt = id) };
}

async function orgEvents(t: TestApp, n: number): Promise<number[]> {
  const owner = await t.person('Owner');
  for (let i = 0; i < n; i++) await t.org(owner);
  const rows = await t.db.selectFrom('events').select('id').where('type', '=', 'org.created').orderBy('id', 'desc').limit(n).execute();
  return rows.map((r) => Number(r.id)).reverse();
}

async function offsetOf(t: TestApp, consumer: string): Promise<number> {
  return Number((await t.db.selectFrom('consumerOffsets').select('lastEventId').where('consumer', '=', consumer).executeTakeFirstOrThrow()).lastEventId);
}

async function effects(t: TestApp, kind: string): Promise<number[]> {
  const rows = await t.db.selectFrom('jobs').select('payload').where('kind', '=', kind).execute();
  return rows.map((r) => Number((typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload).eventId)).sort((a, b) => a - b);
}

describeEachDatabase('dispatch', (t) => {
  it('hands every committed event to a consumer once, in order, from where it started', async () => {
    const before = await orgEvents(t(), 1);
    const dispatcher = new Dispatcher(t().services.dispatch.dispatcher.ctx, 'worker-a');
    const { consumer, seen } = recorder(t(), `in-order-${t().config.dialect}`);
    dispatcher.register(consumer);
    await dispatcher.init();
    const ids = await orgEvents(t(), 3);
    await dispatcher.drain();
    expect(seen).toEqual(ids);
    expect(seen).not.toContain(before[0]);
    await dispatcher.drain();
    expect(seen).toEqual(ids);
  });

  it('a worker killed mid-batch: after restart each effect happens exactly once', async () => {
    const ctx = t().services.dispatch.dispatcher.ctx;
    const name = `crash-${t().config.dialect}`;
    const first = new Dispatcher(ctx, 'worker-1');
    const { consumer, crashNextAt } = recorder(t(), name);
    first.register(consumer);
    await first.init();
    const ids = await orgEvents(t(), 4);
    crashNextAt(ids[2]!);
    await expect(first.tick()).rejects.toThrow('killed mid-batch');
    // Nothing of the broken batch was kept: the transaction rolled back with its offset.
    expect(await effects(t(), `${name}.effect`)).toEqual([]);
    // The worker dies holding its lease; another worker waits for the lease to run out, then takes over.
    await t().db.updateTable('consumerOffsets').set({ lockedBy: 'worker-1', lockedUntil: '2999-01-01T00:00:00.000Z' }).where('consumer', '=', name).execute();
    const second = new Dispatcher(ctx, 'worker-2');
    second.register(recorder(t(), name).consumer);
    expect(await second.tick()).toBe(0);
    await t().db.updateTable('consumerOffsets').set({ lockedUntil: '2000-01-01T00:00:00.000Z' }).where('consumer', '=', name).execute();
    await second.drain();
    expect(await effects(t(), `${name}.effect`)).toEqual(ids);
    await second.drain();
    expect(await effects(t(), `${name}.effect`)).toEqual(ids);
  });

  it('hands a quarter of a batch per pass while the process is busy serving, all of it when quiet', async () => {
    const name = `busy-${t().config.dialect}`;
    const dispatcher = new Dispatcher(t().services.dispatch.dispatcher.ctx, 'worker-busy', 8);
    dispatcher.register(recorder(t(), name).consumer);
    await dispatcher.init();
    const worker = new Worker(dispatcher, t().services.dispatch.jobs, t().app.log);
    // A first pass: nothing new for the consumer yet; from here the worker measures how busy the process was.
    await worker.once();
    const start = await offsetOf(t(), name);
    await orgEvents(t(), 12);
    const handed = async () => (await t().db.selectFrom('events').select('id').where('id', '>', start).where('id', '<=', await offsetOf(t(), name)).execute()).length;
    // The event loop fully used since the last pass: busy.
    const until = performance.now() + 60;
    while (performance.now() < until) Math.sqrt(until);
    await worker.once();
    expect(await handed()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await worker.once();
    expect(await handed()).toBe(10);
  });

  it('retries failed jobs with backoff, then keeps them dead until someone retries', async () => {
    const jobs = t().services.dispatch.jobs;
    let calls = 0;
    jobs.handle('test.flaky', async () => {
      calls++;
      throw new Error(`refused ${calls}`);
    });
    await jobs.enqueue(t().db, { kind: 'test.flaky', dedupeKey: `flaky-${t().config.dialect}`, payload: {}, maxAttempts: 3 });
    await jobs.enqueue(t().db, { kind: 'test.flaky', dedupeKey: `flaky-${t().config.dialect}`, payload: {}, maxAttempts: 3 });
    const row = async () => t().db.selectFrom('jobs').selectAll().where('dedupeKey', '=', `flaky-${t().config.dialect}`).executeTakeFirstOrThrow();
    await jobs.runDue();
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'refused 1' });
    await jobs.runDue();
    expect(calls).toBe(1); // not due yet: the backoff holds it back
    for (let attempt = 2; attempt <= 3; attempt++) {
      clock.advance(7 * 3_600_000);
      await jobs.runDue();
    }
    expect(await row()).toMatchObject({ status: 'dead', attempts: 3, lastError: 'refused 3' });
    clock.advance(7 * 3_600_000);
    await jobs.runDue();
    expect(calls).toBe(3);
    expect(await jobs.retry((await row()).id)).toBe(true);
    jobs.handle('test.flaky', async () => undefined);
    await jobs.runDue();
    expect(await row()).toMatchObject({ status: 'done', attempts: 1 });
  });

  it("shows an organisation's dead jobs to its owners, who can send them again", async () => {
    const owner = await t().person('Owner');
    const member = await t().person('Member');
    const slug = await t().org(owner);
    await t().join(owner, slug, member, 'member');
    const org = await t().db.selectFrom('orgs').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const jobs = t().services.dispatch.jobs;
    jobs.handle('test.doomed', async () => {
      throw new Error('the mail server said no');
    });
    await jobs.enqueue(t().db, { kind: 'test.doomed', dedupeKey: `doomed-${slug}`, payload: { to: 'someone' }, orgId: org.id, maxAttempts: 1 });
    await jobs.runDue();
    const url = `/api/v1/orgs/${slug}/dead-jobs`;
    const listed = await owner.client.get<{ items: { id: string; kind: string; attempts: number; lastError: string; payload: Record<string, unknown> }[] }>(url);
    expect(listed.body.items).toMatchObject([{ kind: 'test.doomed', attempts: 1, lastError: 'the mail server said no', payload: { to: 'someone' } }]);
    expect((await member.client.get(url)).status).toBe(403);
    expect((await t().client().get(url)).status).toBe(401);
    expect((await owner.client.post(`${url}/nope/retry`)).status).toBe(404);
    const id = listed.body.items[0]!.id;
    expect((await member.client.post(`${url}/${id}/retry`)).status).toBe(403);
    expect((await owner.client.post(`${url}/${id}/retry`)).status).toBe(204);
    expect((await owner.client.post(`${url}/${id}/retry`)).status).toBe(404);
    expect((await owner.client.get<{ items: unknown[] }>(url)).body.items).toEqual([]);
  });
}, { clock });

it('backs off exponentially with jitter, capped at six hours', () => {
  expect(backoffMs(1, () => 0)).toBe(15_000);
  expect(backoffMs(1, () => 1)).toBe(30_000);
  expect(backoffMs(3, () => 1)).toBe(120_000);
  expect(backoffMs(30, () => 1)).toBe(6 * 3_600_000);
});
