import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/test-app.js';

interface EventItem { id: number; type: string; actor: { id: string; name: string } | null; subjectType: string; subjectId: string; subjectName: string | null; payload: Record<string, unknown> }
interface EventPage { items: EventItem[]; nextCursor: string | null }

describeEachDatabase('audit log (events)', (t) => {
  it('records every change with its actor, newest first, for owners only', async () => {
    const alice = await t().person('Alice');
    const bob = await t().person('Bob');
    const slug = await t().org(alice);
    await t().join(alice, slug, bob, 'member', 'customer');
    await alice.client.patch(`/api/v1/orgs/${slug}/members/${bob.user.id}`, { role: 'steward' });
    await alice.client.patch(`/api/v1/orgs/${slug}`, { description: 'New words' });

    const log = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => e.type)).toEqual([
      'org.updated',
      'membership.changed',
      'invitation.accepted',
      'membership.created',
      'invitation.created',
      'membership.created',
      'org.created',
    ]);
    const changed = log.body.items[1];
    expect(changed).toMatchObject({
      actor: { id: alice.user.id, name: 'Alice' },
      subjectType: 'user',
      subjectId: bob.user.id,
      payload: { from: { role: 'member', kind: 'customer' }, to: { role: 'steward', kind: 'customer' } },
    });
    expect((await bob.client.get(`/api/v1/orgs/${slug}/events`)).status).toBe(403);
    expect((await t().client().get(`/api/v1/orgs/${slug}/events`)).status).toBe(401);
  });

  it('names the person an event is about, even after they left', async () => {
    const alice = await t().person('Alice');
    const bob = await t().person('Bob');
    const slug = await t().org(alice);
    await t().join(alice, slug, bob, 'member');
    await alice.client.delete(`/api/v1/orgs/${slug}/members/${bob.user.id}`);
    const log = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events?limit=1`);
    expect(log.body.items[0]).toMatchObject({ type: 'membership.removed', subjectId: bob.user.id, subjectName: 'Bob' });
    const org = (await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events?type=org.created`)).body.items[0];
    expect(org?.subjectName).toBeNull();
  });

  it('records only real organisation changes, with before and after', async () => {
    const alice = await t().person('Alice');
    const slug = await t().org(alice);
    const org = (await alice.client.get<{ name: string }>(`/api/v1/orgs/${slug}`)).body;
    expect((await alice.client.patch(`/api/v1/orgs/${slug}`, { name: org.name, visibility: 'public' })).status).toBe(200);
    expect((await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events?type=org.updated`)).body.items).toEqual([]);
    await alice.client.patch(`/api/v1/orgs/${slug}`, { name: 'Renamed', visibility: 'public' });
    const log = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events?type=org.updated`);
    expect(log.body.items.map((e) => e.payload)).toEqual([{ changes: { name: { from: org.name, to: 'Renamed' } } }]);
  });

  it('writes no event when the change fails (same transaction)', async () => {
    const alice = await t().person('Alice');
    const slug = await t().org(alice);
    const before = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events`);
    expect((await alice.client.patch(`/api/v1/orgs/${slug}/members/${alice.user.id}`, { role: 'member' })).status).toBe(409);
    const after = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events`);
    expect(after.body.items).toEqual(before.body.items);
  });

  it('pages with a cursor, filters by type and rejects bad queries', async () => {
    const alice = await t().person('Alice');
    const slug = await t().org(alice);
    for (let i = 0; i < 4; i++) await alice.client.patch(`/api/v1/orgs/${slug}`, { description: `v${i}` });
    const first = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events?limit=2&type=org.updated`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.every((e) => e.type === 'org.updated')).toBe(true);
    const second = await alice.client.get<EventPage>(`/api/v1/orgs/${slug}/events?limit=2&type=org.updated&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items[0]!.id).toBeLessThan(first.body.items[1]!.id);
    expect(second.body.nextCursor).toBeNull();
    expect((await alice.client.get(`/api/v1/orgs/${slug}/events?type=DROP TABLE`)).status).toBe(422);
    expect((await alice.client.get(`/api/v1/orgs/${slug}/events?cursor=!!!`)).status).toBe(422);
    expect((await alice.client.get(`/api/v1/orgs/${slug}/events?limit=abc`)).status).toBe(422);
  });
});
