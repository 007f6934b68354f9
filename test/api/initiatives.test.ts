import { describe, expect, it } from 'vitest';
import { createInitiative, initiativeBody, type InitiativeBody } from '../support/initiatives.js';
import { describeEachDatabase } from '../support/test-app.js';

describeEachDatabase('initiatives', (t) => {
  describe('create and lifecycle', () => {
    it('starts as a draft stewarded by its creator, launches, closes and archives', async () => {
      const ana = await t().person('Ana');
      const org = await t().org(ana);
      const created = await ana.client.post<InitiativeBody>(`/api/v1/orgs/${org}/initiatives`, initiativeBody());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', termsVersion: 0, stewards: [{ id: ana.user.id }], goals: ['Halve returns', 'Double the life of a jacket'], me: { steward: true, canEdit: true } });
      const id = created.body.id;
      const noPhases = await ana.client.post(`/api/v1/initiatives/${id}/launch`);
      expect(noPhases.status).toBe(422);
      const launched = await createInitiative(t(), ana, org, { launch: true });
      expect(launched).toMatchObject({ status: 'open', termsVersion: 1, currentPhaseId: launched.phases[0]!.id });
      expect((await ana.client.post(`/api/v1/initiatives/${launched.id}/launch`)).status).toBe(409);
      expect((await ana.client.post(`/api/v1/initiatives/${launched.id}/archive`)).body).toMatchObject({ error: { code: 'invalid_status' } });
      expect((await ana.client.post<InitiativeBody>(`/api/v1/initiatives/${launched.id}/close`)).body.status).toBe('closed');
      expect((await ana.client.post<InitiativeBody>(`/api/v1/initiatives/${launched.id}/archive`)).body.status).toBe('archived');
      expect((await ana.client.patch(`/api/v1/initiatives/${launched.id}`, { title: 'Later' })).status).toBe(409);
    });

    it('discards a draft, but never deletes a launched initiative', async () => {
      const ana = await t().person('Ana');
      const org = await t().org(ana);
      const draft = await createInitiative(t(), ana, org);
      expect((await ana.client.delete(`/api/v1/initiatives/${draft.id}`)).status).toBe(204);
      expect((await t().client().get(`/api/v1/initiatives/${draft.id}`)).status).toBe(404);
      const launched = await createInitiative(t(), ana, org, { launch: true });
      const refused = await ana.client.delete(`/api/v1/initiatives/${launched.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: 'initiative_launched' } });
    });

    it('lets only owners and stewards of the organisation start initiatives', async () => {
      const ana = await t().person('Ana');
      const member = await t().person('Member');
      const org = await t().org(ana);
      await t().join(ana, org, member, 'member');
      expect((await member.client.post(`/api/v1/orgs/${org}/initiatives`, initiativeBody())).status).toBe(403);
      expect((await t().client().post(`/api/v1/orgs/${org}/initiatives`, initiativeBody())).status).toBe(401);
      const slug = initiativeBody().slug;
      expect((await ana.client.post(`/api/v1/orgs/${org}/initiatives`, initiativeBody({ slug }))).status).toBe(201);
      expect((await ana.client.post(`/api/v1/orgs/${org}/initiatives`, initiativeBody({ slug }))).body).toMatchObject({ error: { code: 'slug_taken' } });
    });

    it.each([
      ['title', ''], ['slug', 'No Caps'], ['summary', 's'.repeat(1001)], ['vision', 5], ['goals', ['']], ['object', 'toaster'],
      ['reach', 'galaxy'], ['locus', 'moon'], ['adaptability', 'liquid'], ['audience', []], ['audience', ['customer', 'customer']],
      ['audience', ['aliens']], ['visibility', 'secret'], ['budget', 100],
    ])('rejects %s = %j naming the field', async (field, value) => {
      const ana = await t().person('Ana');
      const org = await t().org(ana);
      const response = await ana.client.post(`/api/v1/orgs/${org}/initiatives`, initiativeBody({ [field]: value }));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).toContain(`/${field}`);
    });
  });

  describe('visibility', () => {
    it('hides drafts, org-only and invite-only initiatives from outsiders with 404', async () => {
      const ana = await t().person('Ana');
      const member = await t().person('Member');
      const outsider = await t().person('Outsider');
      const org = await t().org(ana);
      await t().join(ana, org, member, 'member');
      const draft = await createInitiative(t(), ana, org);
      const open = await createInitiative(t(), ana, org, { launch: true });
      const internal = await createInitiative(t(), ana, org, { launch: true, overrides: { visibility: 'org' } });
      const invite = await createInitiative(t(), ana, org, { launch: true, overrides: { visibility: 'invite_only' } });
      const status = async (client: typeof ana.client, id: string) => (await client.get(`/api/v1/initiatives/${id}`)).status;
      expect([await status(outsider.client, draft.id), await status(member.client, draft.id), await status(ana.client, draft.id)]).toEqual([404, 404, 200]);
      expect([await status(t().client(), open.id), await status(outsider.client, open.id)]).toEqual([200, 200]);
      expect([await status(outsider.client, internal.id), await status(member.client, internal.id)]).toEqual([404, 200]);
      expect([await status(member.client, invite.id), await status(ana.client, invite.id)]).toEqual([404, 200]);
      const listed = await member.client.get<{ items: { id: string }[] }>(`/api/v1/orgs/${org}/initiatives`);
      expect(listed.body.items.map((i) => i.id).sort()).toEqual([open.id, internal.id].sort());
      expect((await outsider.client.get(`/api/v1/initiatives/${internal.id}/terms`)).status).toBe(404);
    });
  });

  describe('invite-only initiatives', () => {
    it('are seen, listed and joined only by the members their hosts invite', async () => {
      const ana = await t().person('Ana');
      const bea = await t().person('Bea');
      const carl = await t().person('Carl');
      const outsider = await t().person('Outsider');
      const org = await t().org(ana);
      await t().join(ana, org, bea, 'member', 'customer');
      await t().join(ana, org, carl, 'member', 'customer');
      const initiative = await createInitiative(t(), ana, org, { launch: true, overrides: { visibility: 'invite_only' } });
      const url = `/api/v1/initiatives/${initiative.id}`;
      expect((await bea.client.get(url)).status).toBe(404);
      const added = await ana.client.post<{ items: { id: string }[] }>(`${url}/invitees`, { userId: bea.user.id });
      expect(added.body.items.map((i) => i.id)).toEqual([bea.user.id]);
      expect((await bea.client.get(url)).status).toBe(200);
      expect((await carl.client.get(url)).status).toBe(404);
      const listed = await bea.client.get<{ items: { id: string }[] }>(`/api/v1/orgs/${org}/initiatives`);
      expect(listed.body.items.map((i) => i.id)).toContain(initiative.id);
      expect((await ana.client.post(`${url}/invitees`, { userId: outsider.user.id })).status).toBe(422);
      expect((await bea.client.post(`${url}/invitees`, { userId: carl.user.id })).status).toBe(403);
      expect((await bea.client.get(`${url}/invitees`)).status).toBe(403);
      expect((await ana.client.delete(`${url}/invitees/${bea.user.id}`)).status).toBe(204);
      expect((await ana.client.delete(`${url}/invitees/${bea.user.id}`)).status).toBe(404);
      expect((await bea.client.get(url)).status).toBe(404);
    });
  });

  describe('phases', () => {
    it('plans a timeline before launch, then only moves forward, each change an event', async () => {
      const ana = await t().person('Ana');
      const org = await t().org(ana);
      const initiative = await createInitiative(t(), ana, org, { launch: true });
      const [listen, ideas] = initiative.phases;
      expect((await ana.client.request('PUT', `/api/v1/initiatives/${initiative.id}/phases`, { phases: [{ name: 'X', actions: [] }] })).body).toMatchObject({ error: { code: 'phases_locked' } });
      const moved = await ana.client.post<InitiativeBody>(`/api/v1/initiatives/${initiative.id}/phases/current`, { phaseId: ideas!.id });
      expect(moved.body.currentPhaseId).toBe(ideas!.id);
      expect((await ana.client.post(`/api/v1/initiatives/${initiative.id}/phases/current`, { phaseId: listen!.id })).body).toMatchObject({ error: { code: 'phase_backwards' } });
      expect((await ana.client.post(`/api/v1/initiatives/${initiative.id}/phases/current`, { phaseId: 'nope' })).status).toBe(422);
      const log = await ana.client.get<{ items: { payload: Record<string, unknown> }[] }>(`/api/v1/orgs/${org}/events?type=initiative.phase_changed`);
      expect(log.body.items[0]!.payload).toMatchObject({ from: 'Listen', to: 'Ideas' });
    });

    it('rejects bad phases', async () => {
      const ana = await t().person('Ana');
      const org = await t().org(ana);
      const draft = await createInitiative(t(), ana, org);
      const put = (phases: unknown) => ana.client.request('PUT', `/api/v1/initiatives/${draft.id}/phases`, { phases });
      expect((await put([])).status).toBe(422);
      expect((await put([{ name: 'A', actions: ['fly'] }])).status).toBe(422);
      expect((await put([{ name: '', actions: [] }])).status).toBe(422);
      expect((await put([{ name: 'A', actions: [], startsOn: '2026-13-01' }])).status).toBe(422);
      const backwards = await put([{ name: 'A', actions: [], startsOn: '2026-05-02', endsOn: '2026-05-01' }]);
      expect(backwards.body).toMatchObject({ error: { details: [{ path: '/phases/0/endsOn' }] } });
    });
  });
});

describeEachDatabase('style map', (t) => {
  it('places the initiatives a reader may see by locus and adaptability, with counts', async () => {
    const ana = await t().person('Ana');
    const member = await t().person('Member');
    const org = await t().org(ana);
    await t().join(ana, org, member, 'member');
    await createInitiative(t(), ana, org, { launch: true, overrides: { locus: 'borders', adaptability: 'customisable' } });
    await createInitiative(t(), ana, org, { launch: true, overrides: { locus: 'borders', adaptability: 'customisable' } });
    await createInitiative(t(), ana, org, { launch: true, overrides: { locus: 'community', adaptability: 'personal', visibility: 'org' } });
    await createInitiative(t(), ana, org, { overrides: { locus: 'firm', adaptability: 'standard' } });
    const cell = (map: { cells: { locus: string; adaptability: string; count: number }[] }, locus: string, adaptability: string) =>
      map.cells.find((c) => c.locus === locus && c.adaptability === adaptability)?.count;
    type Map = { loci: string[]; adaptabilities: string[]; cells: { locus: string; adaptability: string; count: number }[] };
    const host = (await ana.client.get<Map>(`/api/v1/orgs/${org}/style-map`)).body;
    expect(host.loci).toEqual(['firm', 'borders', 'community', 'third_party']);
    expect(host.cells).toHaveLength(12);
    expect([cell(host, 'borders', 'customisable'), cell(host, 'community', 'personal'), cell(host, 'firm', 'standard')]).toEqual([2, 1, 1]);
    const asMember = (await member.client.get<Map>(`/api/v1/orgs/${org}/style-map`)).body;
    expect([cell(asMember, 'borders', 'customisable'), cell(asMember, 'community', 'personal'), cell(asMember, 'firm', 'standard')]).toEqual([2, 1, 0]);
    const anonymous = (await t().client().get<Map>(`/api/v1/orgs/${org}/style-map`)).body;
    expect([cell(anonymous, 'borders', 'customisable'), cell(anonymous, 'community', 'personal')]).toEqual([2, 0]);
    expect((await t().client().get('/api/v1/orgs/no-such-org/style-map')).status).toBe(404);
  });
});
