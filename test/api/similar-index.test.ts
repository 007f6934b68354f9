import { expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createDatabase } from '../../src/server/db/database.js';
import { ManualClock } from '../../src/server/lib/clock.js';
import { Client } from '../support/client.js';
import { experience, openRoom, type Room } from '../support/contributions.js';
import { BASE_URL, describeEachDatabase, PASSWORD, type Person } from '../support/test-app.js';
import { searchableBody } from '../../src/server/modules/contributions/content.js';
import { cosine, inverseFrequencies, termCounts, vectorOf } from '../../src/server/modules/search/text.js';

// The in-memory index behind "similar while writing" (search/similar-index.ts) must never lag
// behind what this process wrote, and must catch up with what another process wrote.
const clock = new ManualClock(new Date());

interface Similar {
  id: string;
  title: string;
}

const similarIds = async (room: Room, who: Person, title: string, body?: string) => {
  const response = await who.client.post<{ items: Similar[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions/similar`, { title, ...(body ? { body } : {}) });
  expect(response.status).toBe(200);
  return response.body.items.map((i) => i.id);
};

describeEachDatabase('the similar index', (t) => {
  it('answers from what was just written, revised, merged, hidden and shown again', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const lane = await room.contribute(ana, experience('Bike lane blocked by delivery vans', { body: 'Vans park in the bike lane every morning.' }));
    // The first question builds the index.
    expect(await similarIds(room, ben, 'Delivery vans in the bike lane')).toEqual([lane.id]);

    // Written after the build: found at once.
    const lights = await room.contribute(ben, experience('Street lights broken on the bridge', { body: 'Dark bridge at night, the street lights are out.' }));
    expect(await similarIds(room, ana, 'Broken street lights')).toEqual([lights.id]);

    // Revised: found by its new words only.
    const revised = await ana.client.patch(`/api/v1/contributions/${lane.id}`, { title: 'Potholes on the river path', body: 'Deep potholes fill with rain on the river path.' });
    expect(revised.status).toBe(200);
    expect(await similarIds(room, ben, 'Delivery vans in the bike lane')).toEqual([]);
    expect(await similarIds(room, ben, 'Potholes on the river path')).toEqual([lane.id]);

    // Hidden, then shown again.
    expect((await room.host.client.post(`/api/v1/contributions/${lights.id}/hide`, { reason: 'Duplicate of a report elsewhere.' })).status).toBe(200);
    expect(await similarIds(room, ana, 'Broken street lights')).toEqual([]);
    expect((await room.host.client.post(`/api/v1/contributions/${lights.id}/unhide`)).status).toBe(200);
    expect(await similarIds(room, ana, 'Broken street lights')).toEqual([lights.id]);

    // Merged, then unmerged.
    const again = await room.contribute(ana, experience('Pothole on the river path again', { body: 'Another deep pothole on the river path.' }));
    expect((await room.host.client.post(`/api/v1/contributions/${again.id}/merge`, { targetId: lane.id, reason: 'Same path.' })).status).toBe(200);
    expect(await similarIds(room, ben, 'Potholes on the river path')).toEqual([lane.id]);
    expect((await room.host.client.post(`/api/v1/contributions/${again.id}/unmerge`)).status).toBe(200);
    expect(new Set(await similarIds(room, ben, 'Potholes on the river path'))).toEqual(new Set([lane.id, again.id]));
  });

  it('scores as the TF-IDF cosine of text.ts over the candidates and the draft', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    // Every one shares a title word with the draft, so all four are candidates.
    const written = [
      experience('Bike lane blocked by delivery vans', { body: 'Vans park in the bike lane every morning, bike riders swerve.' }),
      experience('Bike parking full at the station', { body: 'No free bike stands after eight.' }),
      experience('Delivery vans idling near the school', { body: 'Engines running for twenty minutes.' }),
      experience('Lane markings faded', { body: 'The paint on the lane is gone after the winter.' }),
    ];
    for (const c of written) await room.contribute(ana, c);
    const draft = { title: 'Delivery vans in the bike lane', body: 'Every morning vans block the bike lane near the bakery.' };
    const response = await ben.client.post<{ items: (Similar & { score: number })[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions/similar`, { ...draft, limit: 10 });
    expect(response.status).toBe(200);

    const countsOf = written.map((c) => termCounts(c.title, searchableBody(c.body, { situation: c.situation })));
    const mine = termCounts(draft.title, draft.body);
    const idf = inverseFrequencies([...countsOf, mine]);
    const expected = written
      .map((c, i) => ({ title: c.title, score: Math.round(cosine(vectorOf(countsOf[i] ?? new Map(), idf), vectorOf(mine, idf)) * 1000) / 1000 }))
      .filter((e) => e.score >= 0.1)
      .sort((a, b) => b.score - a.score);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(response.body.items.map((i) => ({ title: i.title, score: i.score }))).toEqual(expected);
  });

  it('catches up within a minute with contributions another process wrote', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    await room.contribute(ana, experience('Benches in the square', { body: 'More benches near the fountain, please.' }));
    expect(await similarIds(room, ben, 'Fountain water is dirty')).toEqual([]);

    // A second server on the same database: its writes are not told to this one's index.
    const other = createDatabase(t().config.databaseUrl);
    const { app } = await buildApp(t().config, other, { logger: false });
    try {
      await app.ready();
      const elsewhere = new Client(app, BASE_URL);
      expect((await elsewhere.post('/api/v1/auth/login', { email: ana.user.email, password: PASSWORD })).status).toBe(200);
      const written = await elsewhere.post<{ id: string }>(`/api/v1/initiatives/${room.initiative.id}/contributions`, experience('Fountain water is dirty', { body: 'The fountain water is green and dirty.' }));
      expect(written.status).toBe(201);

      // Not yet: the index was built before. A minute on, the next question rebuilds it, once
      // however many ask at that moment.
      expect(await similarIds(room, ben, 'Fountain water is dirty')).toEqual([]);
      clock.advance(61_000);
      const index = t().services.similarIndex;
      const builds = index.builds;
      await Promise.all(Array.from({ length: 8 }, () => index.texts(room.initiative.id)));
      expect(index.builds).toBe(builds + 1);
      await vi.waitFor(async () => expect(await similarIds(room, ben, 'Fountain water is dirty')).toEqual([written.body.id]), { timeout: 5_000, interval: 50 });
    } finally {
      await app.close();
      await other.close();
    }
  });
}, { clock });
