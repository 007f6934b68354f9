import { expect, it } from 'vitest';
import { experience, idea, openRoom, type ContributionBody, type Room } from '../support/contributions.js';
import { writeGear, type Cluster } from '../support/gear-corpus.js';
import { describeEachDatabase, type Person, type TestApp } from '../support/test-app.js';
import type { Client } from '../support/client.js';

interface Theme { id: string; initiativeId: string; name: string; description: string; contributionCount: number; createdBy: { id: string; name: string }; createdAt: string; updatedAt: string }
interface Suggestion { name: string; terms: string[]; cohesion: number; contributions: { id: string; title: string; kind: string }[] }
interface ErrorBody { error: { code: string; details: { path?: string; code?: string }[] } }
interface Themed extends ContributionBody { theme: { id: string; name: string } | null }

const outcome = async (request: Promise<{ status: number; body: unknown }>) => {
  const response = await request;
  const error = (response.body as Partial<ErrorBody>).error;
  return [response.status, error?.code, error?.details[0]?.path];
};

async function events(t: TestApp, type: string) {
  return (await t.db.selectFrom('events').select(['type', 'actorId', 'subjectId', 'payload']).where('type', '=', type).orderBy('id').execute()).map((e) => ({
    ...e,
    payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown>,
  }));
}

async function createTheme(room: Room, body: Record<string, unknown>): Promise<Theme> {
  const created = await room.host.client.post<Theme>(`/api/v1/initiatives/${room.initiative.id}/themes`, body);
  if (created.status !== 201) throw new Error(`theme failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

const themeOf = async (client: Client, id: string) => (await client.get<Themed>(`/api/v1/contributions/${id}`)).body.theme;
const listThemes = async (client: Client, room: Room) => client.get<{ items: Theme[]; nextCursor: string | null }>(`/api/v1/initiatives/${room.initiative.id}/themes`);
const feedIds = async (client: Client, room: Room, themeId: string) =>
  (await client.get<{ items: { id: string }[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions?theme=${themeId}`)).body.items.map((i) => i.id).sort();

describeEachDatabase('themes', (t) => {
  it('lets a host create a theme with its contributions, in one recorded step; the feed filters by it', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const [a, b, c] = [await room.contribute(ana, experience('Hood blows off')), await room.contribute(ana, idea('Stiffer hood brim')), await room.contribute(ana, experience('Cuffs fray'))];
    const theme = await createTheme(room, { name: '  Hoods  ', description: 'Everything about **hoods**.', contributionIds: [a.id, b.id] });
    expect(theme).toMatchObject({ initiativeId: room.initiative.id, name: 'Hoods', description: 'Everything about **hoods**.', contributionCount: 2, createdBy: { id: room.host.user.id, name: 'Host' } });
    expect(await themeOf(ana.client, a.id)).toEqual({ id: theme.id, name: 'Hoods' });
    expect(await themeOf(ana.client, c.id)).toBeNull();
    expect(await feedIds(t().client(), room, theme.id)).toEqual([a.id, b.id].sort());
    const recorded = await events(t(), 'theme.created');
    expect(recorded.filter((e) => e.subjectId === theme.id)).toEqual([
      { type: 'theme.created', actorId: room.host.user.id, subjectId: theme.id, payload: { initiativeId: room.initiative.id, name: 'Hoods', contributionIds: [a.id, b.id] } },
    ]);
    const empty = await createTheme(room, { name: 'Cuffs' });
    expect([empty.contributionCount, empty.description]).toEqual([0, '']);
  });

  it('lists themes with counts to every reader, hiding what the reader may not see', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const [a, b, hidden, merged] = [
      await room.contribute(ana, experience('Zip sticks')),
      await room.contribute(ben, experience('Zip pull snapped')),
      await room.contribute(ana, experience('Zip rant')),
      await room.contribute(ben, experience('Zip sticks too')),
    ];
    const zips = await createTheme(room, { name: 'Zips', contributionIds: [a.id, b.id, hidden.id, merged.id] });
    await createTheme(room, { name: 'Seams' });
    await t().db.updateTable('contributions').set({ hiddenAt: new Date().toISOString(), hiddenBy: room.host.user.id, hiddenReason: 'abuse' }).where('id', '=', hidden.id).execute();
    expect((await room.host.client.post(`/api/v1/contributions/${merged.id}/merge`, { targetId: a.id, reason: 'Same zip.' })).status).toBe(200);

    const countFor = async (client: Client) => (await listThemes(client, room)).body.items.map((th) => [th.name, th.contributionCount]);
    expect(await countFor(room.host.client)).toEqual([['Zips', 3], ['Seams', 0]]);
    expect(await countFor(ana.client)).toEqual([['Zips', 3], ['Seams', 0]]);
    expect(await countFor(ben.client)).toEqual([['Zips', 2], ['Seams', 0]]);
    expect(await countFor(t().client())).toEqual([['Zips', 2], ['Seams', 0]]);
    expect(await feedIds(ben.client, room, zips.id)).toEqual([a.id, b.id].sort());

    const first = await t().client().get<{ items: Theme[]; nextCursor: string }>(`/api/v1/initiatives/${room.initiative.id}/themes?limit=1`);
    expect(first.body.items.map((th) => th.name)).toEqual(['Zips']);
    const second = await t().client().get<{ items: Theme[]; nextCursor: string | null }>(`/api/v1/initiatives/${room.initiative.id}/themes?limit=1&cursor=${first.body.nextCursor}`);
    expect([second.body.items.map((th) => th.name), second.body.nextCursor]).toEqual([['Seams'], null]);

    expect((await room.host.client.patch(`/api/v1/orgs/${room.org}`, { visibility: 'private' })).status).toBe(200);
    const stranger = await t().person('Stranger');
    expect(await outcome(listThemes(stranger.client, room))).toEqual([404, 'not_found', undefined]);
    expect(await outcome(listThemes(t().client(), room))).toEqual([404, 'not_found', undefined]);
    expect((await listThemes(ben.client, room)).status).toBe(200);
    expect(await outcome(t().client().get('/api/v1/initiatives/unknown/themes'))).toEqual([404, 'not_found', undefined]);
    expect(await outcome(t().client().get(`/api/v1/initiatives/${room.initiative.id}/themes?cursor=bad`))).toEqual([404, 'not_found', undefined]);
    expect(await outcome(ben.client.get(`/api/v1/initiatives/${room.initiative.id}/themes?cursor=bad`))).toEqual([422, 'validation_failed', '/cursor']);
    expect(await outcome(ben.client.get(`/api/v1/initiatives/${room.initiative.id}/themes?limit=101`))).toEqual([422, 'validation_failed', '/limit']);
  });

  it('moves a contribution between themes and out of them, recording each move', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const c = await room.contribute(ana, experience('Pocket flap leaks'));
    const [pockets, leaks] = [await createTheme(room, { name: 'Pockets' }), await createTheme(room, { name: 'Leaks' })];
    const put = (themeId: string | null, client = room.host.client) => client.request<Themed>('PUT', `/api/v1/contributions/${c.id}/theme`, { themeId });

    const first = await put(pockets.id);
    expect([first.status, first.body.theme]).toEqual([200, { id: pockets.id, name: 'Pockets' }]);
    expect((await put(leaks.id)).body.theme).toEqual({ id: leaks.id, name: 'Leaks' });
    expect((await put(leaks.id)).body.theme).toEqual({ id: leaks.id, name: 'Leaks' });
    expect((await listThemes(ana.client, room)).body.items.map((th) => [th.name, th.contributionCount])).toEqual([['Pockets', 0], ['Leaks', 1]]);
    expect((await put(null)).body.theme).toBeNull();
    const moves = (await events(t(), 'contribution.themed')).filter((e) => e.subjectId === c.id).map((e) => e.payload);
    // The repeated move changed nothing and recorded nothing.
    expect(moves).toEqual([
      { initiativeId: room.initiative.id, themeId: pockets.id, previousThemeId: null },
      { initiativeId: room.initiative.id, themeId: leaks.id, previousThemeId: pockets.id },
      { initiativeId: room.initiative.id, themeId: null, previousThemeId: leaks.id },
    ]);

    const other = await openRoom(t());
    const foreign = await createTheme(other, { name: 'Elsewhere' });
    const url = `/api/v1/contributions/${c.id}/theme`;
    expect(await outcome(put(foreign.id))).toEqual([422, 'validation_failed', '/themeId']);
    expect(await outcome(put('unknown'))).toEqual([422, 'validation_failed', '/themeId']);
    expect(await outcome(room.host.client.request('PUT', url, {}))).toEqual([422, 'validation_failed', '/themeId']);
    expect(await outcome(room.host.client.request('PUT', url, { themeId: 5 }))).toEqual([422, 'validation_failed', '/themeId']);
    expect(await outcome(room.host.client.request('PUT', url, { themeId: null, note: 'x' }))).toEqual([422, 'validation_failed', '/note']);
    expect(await outcome(put(pockets.id, ana.client))).toEqual([403, 'forbidden', undefined]);
    expect(await outcome(put(pockets.id, t().client()))).toEqual([401, 'unauthorized', undefined]);
    expect(await outcome(room.host.client.request('PUT', '/api/v1/contributions/unknown/theme', { themeId: null }))).toEqual([404, 'not_found', undefined]);
    expect(await outcome(other.host.client.request('PUT', url, { themeId: foreign.id }))).toEqual([403, 'forbidden', undefined]);
  });

  it('renames a theme (hosts), keeping names unique in the initiative whatever their case', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const [hoods, cuffs] = [await createTheme(room, { name: 'Hoods' }), await createTheme(room, { name: 'Cuffs' })];
    const patch = (id: string, body: unknown, client: Client = room.host.client) => client.patch<Theme>(`/api/v1/themes/${id}`, body);
    const renamed = await patch(hoods.id, { name: 'Hoods and collars', description: 'Heads and necks.' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: hoods.id, name: 'Hoods and collars', description: 'Heads and necks.' });
    expect((await patch(hoods.id, { name: 'hoods AND collars' })).body.name).toBe('hoods AND collars');
    expect((await events(t(), 'theme.updated')).filter((e) => e.subjectId === hoods.id).map((e) => e.payload)).toEqual([
      { initiativeId: room.initiative.id, fields: ['name', 'description'], name: 'Hoods and collars', previousName: 'Hoods' },
      { initiativeId: room.initiative.id, fields: ['name'], name: 'hoods AND collars', previousName: 'Hoods and collars' },
    ]);
    expect(await outcome(patch(cuffs.id, { name: 'HOODS and Collars' }))).toEqual([409, 'theme_name_taken', undefined]);
    expect(await outcome(room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/themes`, { name: 'cuffs' }))).toEqual([409, 'theme_name_taken', undefined]);
    expect(await outcome(room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/themes`, { name: 'Ñandú' }))).toEqual([201, undefined, undefined]);
    expect(await outcome(room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/themes`, { name: 'ñANDÚ' }))).toEqual([409, 'theme_name_taken', undefined]);

    expect(await outcome(patch(cuffs.id, {}))).toEqual([422, 'validation_failed', '/']);
    expect(await outcome(patch(cuffs.id, { name: '   ' }))).toEqual([422, 'validation_failed', '/name']);
    expect(await outcome(patch(cuffs.id, { name: 'x'.repeat(81) }))).toEqual([422, 'validation_failed', '/name']);
    expect(await outcome(patch(cuffs.id, { colour: 'red' }))).toEqual([422, 'validation_failed', '/colour']);
    expect(await outcome(patch(cuffs.id, { name: 'Sleeves' }, ana.client))).toEqual([403, 'forbidden', undefined]);
    expect(await outcome(patch(cuffs.id, { name: 'Sleeves' }, t().client()))).toEqual([401, 'unauthorized', undefined]);
    expect(await outcome(patch('unknown', { name: 'Sleeves' }))).toEqual([404, 'not_found', undefined]);
    expect((await room.host.client.patch(`/api/v1/orgs/${room.org}`, { visibility: 'private' })).status).toBe(200);
    const stranger = await t().person('Stranger');
    expect(await outcome(patch(cuffs.id, { name: 'Sleeves' }, stranger.client))).toEqual([404, 'not_found', undefined]);
  });

  it('refuses themes from anyone but the hosts, and bad bodies', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const mine = await room.contribute(ana, experience('Hem rides up'));
    const other = await openRoom(t());
    const foreign = await other.contribute(await other.participant('Olga'), experience('Somewhere else'));
    const url = `/api/v1/initiatives/${room.initiative.id}/themes`;
    expect(await outcome(t().client().post(url, { name: 'Hems' }))).toEqual([401, 'unauthorized', undefined]);
    expect(await outcome(ana.client.post(url, { name: 'Hems' }))).toEqual([403, 'forbidden', undefined]);
    expect(await outcome(other.host.client.post(url, { name: 'Hems' }))).toEqual([403, 'forbidden', undefined]);
    expect(await outcome(room.host.client.post('/api/v1/initiatives/unknown/themes', { name: 'Hems' }))).toEqual([404, 'not_found', undefined]);
    expect(await outcome(room.host.client.post(url, {}))).toEqual([422, 'validation_failed', '/name']);
    expect(await outcome(room.host.client.post(url, { name: '' }))).toEqual([422, 'validation_failed', '/name']);
    expect(await outcome(room.host.client.post(url, { name: 'Hems', colour: 'red' }))).toEqual([422, 'validation_failed', '/colour']);
    expect(await outcome(room.host.client.post(url, { name: 'Hems', description: 5 }))).toEqual([422, 'validation_failed', '/description']);
    expect(await outcome(room.host.client.post(url, { name: 'Hems', contributionIds: [mine.id, mine.id] }))).toEqual([422, 'validation_failed', '/contributionIds']);
    expect(await outcome(room.host.client.post(url, { name: 'Hems', contributionIds: [mine.id, foreign.id] }))).toEqual([422, 'validation_failed', '/contributionIds/1']);
    expect(await outcome(room.host.client.post(url, { name: 'Hems', contributionIds: ['unknown'] }))).toEqual([422, 'validation_failed', '/contributionIds/0']);
    // Nothing of the refused attempts was written.
    expect((await listThemes(room.host.client, room)).body.items).toEqual([]);
    expect(await themeOf(ana.client, mine.id)).toBeNull();

    expect((await room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/close`)).status).toBe(200);
    const closed = await createTheme(room, { name: 'After closing', contributionIds: [mine.id] });
    expect(closed.contributionCount).toBe(1);
    expect((await room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/archive`)).status).toBe(200);
    expect(await outcome(room.host.client.post(url, { name: 'Too late' }))).toEqual([409, 'initiative_archived', undefined]);
    expect(await outcome(room.host.client.patch(`/api/v1/themes/${closed.id}`, { name: 'Too late' }))).toEqual([409, 'initiative_archived', undefined]);
    expect(await outcome(room.host.client.request('PUT', `/api/v1/contributions/${mine.id}/theme`, { themeId: null }))).toEqual([409, 'initiative_archived', undefined]);
  });

  it('suggests themes that group the clusters of similar contributions, for a host to confirm', async () => {
    const room = await openRoom(t());
    const people: Person[] = await Promise.all(['Ana', 'Ben', 'Cai'].map((n) => room.participant(n)));
    const written = await writeGear(room, people);
    const clusterOf = new Map(written.map((w) => [w.contribution.id, w.cluster]));
    const url = `/api/v1/initiatives/${room.initiative.id}/themes/suggestions`;
    const response = await room.host.client.get<{ items: Suggestion[]; considered: number }>(url);
    expect(response.status).toBe(200);
    expect(response.body.considered).toBe(written.length);
    const groups = response.body.items;
    // Every suggestion is pure: all its contributions come from one cluster, and no cluster is split.
    const clusters = groups.map((g) => new Set(g.contributions.map((c) => clusterOf.get(c.id))));
    for (const cluster of clusters) expect(cluster.size).toBe(1);
    const suggested = clusters.map((c) => [...c][0]);
    expect(new Set(suggested).size).toBe(suggested.length);
    expect(suggested.sort()).toEqual<Cluster[]>(['boots', 'costuras', 'cremallera', 'seams', 'sleeping', 'straps', 'zippers']);
    // Grouped together: at least 22 of the 25.
    expect(groups.reduce((n, g) => n + g.contributions.length, 0)).toBeGreaterThanOrEqual(22);
    const byCluster = new Map(groups.map((g) => [clusterOf.get(g.contributions[0]!.id), g]));
    expect(byCluster.get('zippers')!.terms).toEqual(expect.arrayContaining(['zipper', 'tent']));
    expect(byCluster.get('cremallera')!.name.toLowerCase()).toContain('cremallera');
    expect(byCluster.get('cremallera')!.terms).toContain('campaña');
    for (const g of groups) {
      expect(g.cohesion).toBeGreaterThan(0);
      expect(g.name.length).toBeGreaterThan(0);
    }

    // The host confirms one; it no longer comes up, the others still do.
    const zips = byCluster.get('zippers')!;
    const theme = await createTheme(room, { name: zips.name, contributionIds: zips.contributions.map((c) => c.id) });
    expect(theme.contributionCount).toBe(zips.contributions.length);
    const after = await room.host.client.get<{ items: Suggestion[]; considered: number }>(url);
    expect(after.body.considered).toBe(written.length - zips.contributions.length);
    expect(after.body.items.flatMap((g) => g.contributions.map((c) => clusterOf.get(c.id)))).not.toContain('zippers');
    expect(after.body.items).toHaveLength(groups.length - 1);

    expect(await outcome(people[0]!.client.get(url))).toEqual([403, 'forbidden', undefined]);
    expect(await outcome(t().client().get(url))).toEqual([401, 'unauthorized', undefined]);
    expect(await outcome(room.host.client.get('/api/v1/initiatives/unknown/themes/suggestions'))).toEqual([404, 'not_found', undefined]);
    expect(await outcome(room.host.client.get(`${url}?limit=5`))).toEqual([422, 'validation_failed', '/limit']);
  });

  it('suggests nothing when nothing is alike', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    await room.contribute(ana, experience('Hood blows off in the wind', { body: 'Gusts lift the hood.' }));
    await room.contribute(ana, idea('Recycled packaging', { body: 'Ship in paper, not plastic.', problem: 'Too much plastic waste.' }));
    const response = await room.host.client.get<{ items: Suggestion[]; considered: number }>(`/api/v1/initiatives/${room.initiative.id}/themes/suggestions`);
    expect(response.body).toEqual({ items: [], considered: 2 });
  });
});
