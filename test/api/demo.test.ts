import { expect, it } from 'vitest';
import { DEMO_LOGIN, seedDemo } from '../../src/server/demo/seed.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Summary { id: string; slug: string; status: string }
interface History { items: { version: number; acceptedBy: number; worseForContributors: { code: string }[] }[] }

describeEachDatabase('demo data', (t) => {
  it('shows every initiative feature right after seeding: two launched initiatives with amended terms and a draft', async () => {
    expect(await seedDemo(t().services, t().db)).toBe(true);
    expect(await seedDemo(t().services, t().db)).toBe(false);
    const ana = t().client();
    expect((await ana.post('/api/v1/auth/login', DEMO_LOGIN)).status).toBe(200);
    const list = await ana.get<{ items: Summary[] }>('/api/v1/orgs/acme-outdoor/initiatives');
    const bySlug = new Map(list.body.items.map((i) => [i.slug, i]));
    expect([...bySlug.keys()].sort()).toEqual(['rain-jackets', 'shell-2027', 'supplier-code', 'trail-repair']);
    expect(bySlug.get('supplier-code')!.status).toBe('draft');

    const history = async (slug: string) => (await ana.get<History>(`/api/v1/initiatives/${bySlug.get(slug)!.id}/terms/versions`)).body.items;
    const rain = await history('rain-jackets');
    expect(rain.map((v) => [v.version, v.acceptedBy])).toEqual([[2, 1], [1, 2]]);
    // Adding a second prize is not a worsening; cutting the points of the repair service is.
    expect(rain[0]!.worseForContributors).toEqual([]);
    const repair = await history('trail-repair');
    expect(repair[0]!.version).toBe(2);
    expect(repair[0]!.worseForContributors.map((w) => w.code)).toEqual(['reward_lowered']);

    const draft = await ana.get<{ phases: unknown[]; vision: string }>(`/api/v1/initiatives/${bySlug.get('supplier-code')!.id}`);
    expect(draft.body.phases).toHaveLength(2);
    expect(draft.body.vision).toContain('**all along the chain**');
    // The invite-only lab: two invitees; other members do not even see it.
    const lab = bySlug.get('shell-2027')!;
    expect((await ana.get<{ items: { name: string }[] }>(`/api/v1/initiatives/${lab.id}/invitees`)).body.items.map((i) => i.name).sort()).toEqual(['Kwame Mensah', 'Lars Berg']);
    const jonas = t().client();
    expect((await jonas.post('/api/v1/auth/login', { email: 'jonas@example.com', password: DEMO_LOGIN.password })).status).toBe(200);
    expect((await jonas.get(`/api/v1/initiatives/${lab.id}`)).status).toBe(404);
    const lars = t().client();
    expect((await lars.post('/api/v1/auth/login', { email: 'lars@hiking-club.example', password: DEMO_LOGIN.password })).status).toBe(200);
    expect((await lars.get(`/api/v1/initiatives/${lab.id}`)).status).toBe(200);
    expect(await t().services.ledger.verify(t().db)).toEqual([]);
  });
});
