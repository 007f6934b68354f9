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
    expect(rain.map((v) => [v.version, v.acceptedBy])).toEqual([[2, 3], [1, 2]]);
    // Adding a second prize is not a worsening; cutting the points of the repair service is.
    expect(rain[0]!.worseForContributors).toEqual([]);
    const repair = await history('trail-repair');
    expect(repair[0]!.version).toBe(2);
    expect(repair[0]!.worseForContributors.map((w) => w.code)).toEqual(['reward_lowered']);

    const draft = await ana.get<{ phases: unknown[]; vision: string }>(`/api/v1/initiatives/${bySlug.get('supplier-code')!.id}`);
    expect(draft.body.phases).toHaveLength(2);
    expect(draft.body.vision).toContain('**all along the chain**');
    // The lively repair initiative: every kind, a merged duplicate, a hidden contribution under appeal.
    const repairId = bySlug.get('trail-repair')!.id;
    const feed = await ana.get<{ items: { kind: string; title: string; hidden: boolean; supportCount: number; commentCount: number }[] }>(`/api/v1/initiatives/${repairId}/contributions?sort=top&limit=50`);
    expect(new Set(feed.body.items.map((i) => i.kind))).toEqual(new Set(['experience', 'idea', 'build']));
    // The hut kits count their merged twin's supporters once: Chloé, Priya and Jonas.
    expect(feed.body.items[0]).toMatchObject({ title: 'A repair kit in every mountain hut', supportCount: 3 });
    expect(feed.body.items[1]).toMatchObject({ title: 'Repair corners in partner shops along the main trails', supportCount: 2, commentCount: 4 });
    expect(feed.body.items.filter((i) => i.hidden).map((i) => i.title)).toEqual(['Just sell cheaper gear']);
    const merged = await ana.get<{ items: { title: string; mergedInto: { title: string } | null }[] }>(`/api/v1/initiatives/${repairId}/contributions?status=merged`);
    expect(merged.body.items.map((i) => [i.title, i.mergedInto?.title])).toEqual([['Put a repair kit in each hut', 'A repair kit in every mountain hut']]);
    const themes = await ana.get<{ items: { name: string; contributionCount: number }[] }>(`/api/v1/initiatives/${repairId}/themes`);
    expect(themes.body.items.map((th) => th.name).sort()).toEqual(['Repair on the trail', 'Zips']);
    const times = await ana.get<{ answered: number; overdue: number; waiting: number }>(`/api/v1/initiatives/${repairId}/response-times`);
    expect(times.body).toMatchObject({ answered: 3, overdue: 1 });
    expect(times.body.waiting).toBeGreaterThanOrEqual(2);
    const updates = await ana.get<{ items: { title: string }[] }>(`/api/v1/initiatives/${repairId}/updates`);
    expect(updates.body.items.map((u) => u.title)).toEqual(['First talks with partner shops', 'Five huts will pilot the repair kits']);
    const appeals = await ana.get<{ items: { status: string }[] }>(`/api/v1/initiatives/${repairId}/moderation/appeals?status=open`);
    expect(appeals.body.items).toHaveLength(1);

    // The invite-only lab: two invitees; other members do not even see it.
    const lab = bySlug.get('shell-2027')!;
    expect((await ana.get<{ items: { name: string }[] }>(`/api/v1/initiatives/${lab.id}/invitees`)).body.items.map((i) => i.name).sort()).toEqual(['Kwame Mensah', 'Lars Berg']);
    const jonas = t().client();
    expect((await jonas.post('/api/v1/auth/login', { email: 'jonas@example.com', password: DEMO_LOGIN.password })).status).toBe(200);
    expect((await jonas.get(`/api/v1/initiatives/${lab.id}`)).status).toBe(404);
    const lars = t().client();
    expect((await lars.post('/api/v1/auth/login', { email: 'lars@hiking-club.example', password: DEMO_LOGIN.password })).status).toBe(200);
    expect((await lars.get(`/api/v1/initiatives/${lab.id}`)).status).toBe(200);
    // Priya wrote the repair corners: the sales pitch hidden among its comments is withheld in her inbox.
    const priya = t().client();
    expect((await priya.post('/api/v1/auth/login', { email: 'priya@trailmaps.example', password: DEMO_LOGIN.password })).status).toBe(200);
    const inbox = await priya.get<{ items: { type: string; actor: { name: string } | null; data: { title: string; excerpt: string; withheld?: boolean } }[] }>('/api/v1/me/notifications?limit=100');
    expect(inbox.body.items.filter((i) => i.data.withheld === true).map((i) => [i.type, i.actor?.name, i.data.title, i.data.excerpt])).toEqual([
      ['comment.created', 'Jonas Weber', 'Repair corners in partner shops along the main trails', ''],
    ]);
    expect(await t().services.ledger.verify(t().db)).toEqual([]);
  });
});
