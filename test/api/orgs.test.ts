import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/test-app.js';

interface Org { slug: string; name: string; visibility: string; memberCount: number; me: { role: string; kind: string } | null }

describeEachDatabase('organisations', (t) => {
  describe('create and read', () => {
    it('creates an organisation; the creator is its owner', async () => {
      const alice = await t().person('Alice');
      const slug = `acme-${Date.now()}`;
      const response = await alice.client.post<Org>('/api/v1/orgs', { name: '  Acme  ', slug, description: 'Gear', visibility: 'public' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ slug, name: 'Acme', description: 'Gear', visibility: 'public', memberCount: 1, me: { role: 'owner', kind: 'employee' } });
      const mine = await alice.client.get<{ items: Org[] }>('/api/v1/orgs');
      expect(mine.body.items.map((o) => o.slug)).toEqual([slug]);
    });

    it('refuses a taken or reserved slug with 409 slug_taken', async () => {
      const alice = await t().person('Alice');
      const slug = await t().org(alice);
      const taken = await alice.client.post('/api/v1/orgs', { name: 'Again', slug, visibility: 'public' });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ error: { code: 'slug_taken' } });
      expect((await alice.client.post('/api/v1/orgs', { name: 'API', slug: 'api', visibility: 'public' })).status).toBe(409);
    });

    it.each([
      [{ name: 'X', slug: 'A-B', visibility: 'public' }, '/slug'],
      [{ name: 'X', slug: 'ab', visibility: 'public' }, '/slug'],
      [{ name: 'X', slug: '-abc', visibility: 'public' }, '/slug'],
      [{ name: 'X', slug: 'a'.repeat(51), visibility: 'public' }, '/slug'],
      [{ name: '', slug: 'abc', visibility: 'public' }, '/name'],
      [{ name: 'X', slug: 'abc', visibility: 'secret' }, '/visibility'],
      [{ name: 'X', slug: 'abc' }, '/visibility'],
      [{ name: 'X', slug: 'abc', visibility: 'public', description: 'd'.repeat(2001) }, '/description'],
      [{ name: 'X', slug: 'abc', visibility: 'public', owner: 'me' }, '/owner'],
    ])('rejects %j naming %s', async (body, path) => {
      const alice = await t().person('Alice');
      const response = await alice.client.post('/api/v1/orgs', body);
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ details: expect.arrayContaining([expect.objectContaining({ path })]) });
    });

    it('needs a signed-in person to create or list', async () => {
      expect((await t().client().post('/api/v1/orgs', { name: 'X', slug: 'xyz-anon', visibility: 'public' })).status).toBe(401);
      expect((await t().client().get('/api/v1/orgs')).status).toBe(401);
    });

    it('shows a public organisation to anyone and hides a private one (404, not 403)', async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const open = await t().org(alice, 'public');
      const closed = await t().org(alice, 'private');
      expect((await t().client().get(`/api/v1/orgs/${open}`)).body).toMatchObject({ slug: open, me: null });
      for (const client of [t().client(), bob.client]) {
        const hidden = await client.get(`/api/v1/orgs/${closed}`);
        expect(hidden.status).toBe(404);
        expect(hidden.body).toEqual((await client.get('/api/v1/orgs/no-such-org')).body);
        expect((await client.get(`/api/v1/orgs/${closed}/members`)).status).toBe(404);
      }
      expect((await alice.client.get(`/api/v1/orgs/${closed}`)).status).toBe(200);
    });

    it('pages through my organisations by name with a cursor', async () => {
      const alice = await t().person('Alice');
      const slugs: string[] = [];
      for (let i = 0; i < 5; i++) slugs.push(await t().org(alice));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${cursor}`;
        const page = await alice.client.get<{ items: Org[]; nextCursor: string | null }>(`/api/v1/orgs${query}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((o) => o.slug));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(seen.sort()).toEqual(slugs.sort());
      expect((await alice.client.get('/api/v1/orgs?cursor=garbage')).status).toBe(422);
      expect((await alice.client.get('/api/v1/orgs?limit=0')).status).toBe(422);
      expect((await alice.client.get('/api/v1/orgs?limit=101')).status).toBe(422);
      expect((await alice.client.get('/api/v1/orgs?sort=name')).status).toBe(422);
    });
  });

  describe('update', () => {
    it('lets owners change name, description and visibility; others get 403', async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const slug = await t().org(alice);
      await t().join(alice, slug, bob, 'steward');
      const changed = await alice.client.patch<Org>(`/api/v1/orgs/${slug}`, { name: 'Renamed', visibility: 'private' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: 'Renamed', visibility: 'private' });
      expect((await bob.client.patch(`/api/v1/orgs/${slug}`, { name: 'Nope' })).status).toBe(403);
      expect((await alice.client.patch(`/api/v1/orgs/${slug}`, {})).status).toBe(422);
      expect((await alice.client.patch(`/api/v1/orgs/${slug}`, { slug: 'new-slug' })).status).toBe(422);
      expect((await alice.client.patch('/api/v1/orgs/no-such-org', { name: 'X' })).status).toBe(404);
    });
  });

  describe('members', () => {
    it('lists members with kind and role; only owners and stewards see e-mails', async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const slug = await t().org(alice);
      await t().join(alice, slug, bob, 'member', 'supplier');
      const asOwner = await alice.client.get<{ items: { userId: string; email: string | null; kind: string; role: string }[] }>(`/api/v1/orgs/${slug}/members`);
      expect(asOwner.body.items).toEqual([
        expect.objectContaining({ userId: alice.user.id, role: 'owner', kind: 'employee', email: alice.user.email }),
        expect.objectContaining({ userId: bob.user.id, role: 'member', kind: 'supplier', email: bob.user.email }),
      ]);
      const asMember = await bob.client.get<{ items: { email: string | null }[] }>(`/api/v1/orgs/${slug}/members`);
      expect(asMember.body.items.every((m) => m.email === null)).toBe(true);
      expect((await (await t().person('Carol')).client.get(`/api/v1/orgs/${slug}/members`)).status).toBe(403);
    });

    it('lets owners change role and kind, and never demotes the last owner', async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const slug = await t().org(alice);
      await t().join(alice, slug, bob, 'member');
      const changed = await alice.client.patch(`/api/v1/orgs/${slug}/members/${bob.user.id}`, { role: 'steward', kind: 'partner' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ userId: bob.user.id, role: 'steward', kind: 'partner' });
      expect((await bob.client.patch(`/api/v1/orgs/${slug}/members/${alice.user.id}`, { role: 'member' })).status).toBe(403);

      const demoteSelf = await alice.client.patch(`/api/v1/orgs/${slug}/members/${alice.user.id}`, { role: 'member' });
      expect(demoteSelf.status).toBe(409);
      expect(demoteSelf.body).toMatchObject({ error: { code: 'last_owner' } });

      // With a second owner, the first may step down.
      expect((await alice.client.patch(`/api/v1/orgs/${slug}/members/${bob.user.id}`, { role: 'owner' })).status).toBe(200);
      expect((await alice.client.patch(`/api/v1/orgs/${slug}/members/${alice.user.id}`, { role: 'steward' })).status).toBe(200);
      expect((await bob.client.patch(`/api/v1/orgs/${slug}/members/${bob.user.id}`, { role: 'member' })).status).toBe(409);
    });

    it('rejects bad member changes', async () => {
      const alice = await t().person('Alice');
      const slug = await t().org(alice);
      const url = `/api/v1/orgs/${slug}/members/${alice.user.id}`;
      expect((await alice.client.patch(url, { role: 'king' })).status).toBe(422);
      expect((await alice.client.patch(url, { kind: 'alien' })).status).toBe(422);
      expect((await alice.client.patch(url, {})).status).toBe(422);
      expect((await alice.client.patch(`/api/v1/orgs/${slug}/members/nobody`, { role: 'member' })).status).toBe(404);
    });

    it('lets owners remove members and members leave; the last owner cannot leave', async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const carol = await t().person('Carol');
      const slug = await t().org(alice);
      await t().join(alice, slug, bob, 'member');
      await t().join(alice, slug, carol, 'observer');
      expect((await bob.client.delete(`/api/v1/orgs/${slug}/members/${carol.user.id}`)).status).toBe(403);
      expect((await alice.client.delete(`/api/v1/orgs/${slug}/members/${carol.user.id}`)).status).toBe(204);
      expect((await bob.client.delete(`/api/v1/orgs/${slug}/members/${bob.user.id}`)).status).toBe(204);
      const last = await alice.client.delete(`/api/v1/orgs/${slug}/members/${alice.user.id}`);
      expect(last.status).toBe(409);
      expect(last.body).toMatchObject({ error: { code: 'last_owner' } });
      const org = await alice.client.get<Org>(`/api/v1/orgs/${slug}`);
      expect(org.body.memberCount).toBe(1);
      expect((await alice.client.delete(`/api/v1/orgs/${slug}/members/${carol.user.id}`)).status).toBe(404);
    });

    it('keeps one owner when two owners demote each other at the same time', async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const slug = await t().org(alice);
      await t().join(alice, slug, bob, 'owner');
      const [a, b] = await Promise.all([
        alice.client.patch(`/api/v1/orgs/${slug}/members/${bob.user.id}`, { role: 'member' }),
        bob.client.patch(`/api/v1/orgs/${slug}/members/${alice.user.id}`, { role: 'member' }),
      ]);
      // One wins; the other is refused as the last owner (409) or, if it ran second, as no longer an owner (403).
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const owners = await t().db.selectFrom('memberships').innerJoin('orgs', 'orgs.id', 'memberships.orgId').select('memberships.userId').where('orgs.slug', '=', slug).where('role', '=', 'owner').execute();
      expect(owners).toHaveLength(1);
    });
  });
});
