import { expect, it } from 'vitest';
import { createInitiative } from '../support/initiatives.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Page<T> { items: T[]; nextCursor: string | null }

describeEachDatabase('needs and shared assets', (t) => {
  it('hosts publish needs; anyone who sees the initiative reads them; hosts edit them', async () => {
    const ana = await t().person('Ana');
    const bea = await t().person('Bea');
    const org = await t().org(ana);
    await t().join(ana, org, bea, 'member', 'customer');
    const initiative = await createInitiative(t(), ana, org, { launch: true });
    const created = await ana.client.post<{ id: string }>(`/api/v1/initiatives/${initiative.id}/needs`, {
      title: 'Seams leak after a year', problem: 'Taped seams peel off in the cold.', context: 'Returns data 2025', tried: 'Three tape suppliers', constraints: 'No PFAS',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Seams leak after a year', createdBy: { id: ana.user.id, name: 'Ana' } });
    expect((await bea.client.post(`/api/v1/initiatives/${initiative.id}/needs`, { title: 'x', problem: 'y' })).status).toBe(403);
    const list = await t().client().get<Page<{ title: string }>>(`/api/v1/initiatives/${initiative.id}/needs`);
    expect(list.body.items.map((n) => n.title)).toEqual(['Seams leak after a year']);
    const edited = await ana.client.patch(`/api/v1/needs/${created.body.id}`, { tried: 'Three tape suppliers and welding' });
    expect(edited.body).toMatchObject({ tried: 'Three tape suppliers and welding', problem: 'Taped seams peel off in the cold.' });
    expect((await bea.client.patch(`/api/v1/needs/${created.body.id}`, { tried: 'x' })).status).toBe(403);
    expect((await ana.client.patch('/api/v1/needs/nope', { tried: 'x' })).status).toBe(404);
    expect((await ana.client.post(`/api/v1/initiatives/${initiative.id}/needs`, { title: 'x' })).status).toBe(422);
    expect((await ana.client.patch(`/api/v1/needs/${created.body.id}`, {})).status).toBe(422);
  });

  it('shows each shared asset only to the people its access allows', async () => {
    const ana = await t().person('Ana');
    const bea = await t().person('Bea');
    const org = await t().org(ana);
    await t().join(ana, org, bea, 'member', 'customer');
    const initiative = await createInitiative(t(), ana, org, { launch: true });
    for (const access of ['everyone', 'participants', 'stewards']) {
      const shared = await ana.client.post(`/api/v1/initiatives/${initiative.id}/assets`, { title: `For ${access}`, url: `https://example.org/${access}`, access });
      expect(shared.status).toBe(201);
    }
    const titles = async (client: typeof ana.client) => (await client.get<Page<{ title: string }>>(`/api/v1/initiatives/${initiative.id}/assets`)).body.items.map((a) => a.title).sort();
    expect(await titles(ana.client)).toEqual(['For everyone', 'For participants', 'For stewards']);
    expect(await titles(bea.client)).toEqual(['For everyone', 'For participants']);
    expect(await titles(t().client())).toEqual(['For everyone']);
    expect((await ana.client.post(`/api/v1/initiatives/${initiative.id}/assets`, { title: 'x', url: 'javascript:alert(1)', access: 'everyone' })).status).toBe(422);
    expect((await ana.client.post(`/api/v1/initiatives/${initiative.id}/assets`, { title: 'x', url: 'https://x.org', access: 'friends' })).status).toBe(422);
  });
});
