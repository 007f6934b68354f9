import { expect, it } from 'vitest';
import { ManualClock } from '../../src/server/lib/clock.js';
import { advanceTrendingWindow } from '../../src/server/modules/contributions/trending.js';
import { idea, openRoom, type ContributionBody } from '../support/contributions.js';
import { describeEachDatabase } from '../support/test-app.js';

const DAY = 86_400_000;
// Starts at the real time: the migration opened the trending window a week before it.
const clock = new ManualClock(new Date());

interface Page {
  items: { id: string; supportCount: number }[];
  nextCursor: string | null;
}

describeEachDatabase('the trending sort', (t, dialect) => {
  it('counts the supports of the last week, exactly, as the window moves and people retract', async () => {
    const room = await openRoom(t());
    const [ana, ...people] = await Promise.all(['Ana', 'Ben', 'Cai', 'Dee', 'Eve', 'Fay'].map((name) => room.participant(name)));
    const a = await room.contribute(ana!, idea('Taped seams'));
    const b = await room.contribute(ana!, idea('Wider hood'));
    const c = await room.contribute(ana!, idea('Longer zip'));
    const support = (who: number, id: string) => people[who]!.client.post(`/api/v1/contributions/${id}/support`);
    const trending = async (cursor?: string) =>
      (await room.host.client.get<Page>(`/api/v1/initiatives/${room.initiative.id}/contributions?sort=trending&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
    const recent = async () =>
      Object.fromEntries((await t().db.selectFrom('contributions').select(['id', 'recentSupportCount']).where('id', 'in', [a.id, b.id, c.id]).execute()).map((r) => [r.id, r.recentSupportCount]));
    const sweep = () => advanceTrendingWindow({ db: t().db, dialect, clock });

    for (const who of [0, 1, 2]) expect((await support(who, a.id)).status).toBe(200);
    expect((await support(0, b.id)).status).toBe(200);
    expect((await trending()).items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(await sweep()).toBe(0);

    // Four days on, B gains two: a tie on three, newest id first.
    clock.advance(4 * DAY);
    for (const who of [1, 2]) expect((await support(who, b.id)).status).toBe(200);
    expect(await recent()).toEqual({ [a.id]: 3, [b.id]: 3, [c.id]: 0 });

    // Eight days on, the first four supports have left the window; only B's newer two count.
    clock.advance(4 * DAY);
    expect(await sweep()).toBe(4);
    expect(await recent()).toEqual({ [a.id]: 0, [b.id]: 2, [c.id]: 0 });
    const first = await trending();
    expect(first.items.map((i) => i.id)).toEqual([b.id, c.id]);
    expect(first.items[0]?.supportCount).toBe(3);
    const second = await trending(first.nextCursor ?? '');
    expect(second.items.map((i) => i.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();

    // Retracting an aged support leaves the window's count alone; a recent one comes off it.
    expect((await people[0]!.client.delete<{ supportCount: number }>(`/api/v1/contributions/${a.id}/support`)).body.supportCount).toBe(2);
    expect((await people[1]!.client.delete<{ supportCount: number }>(`/api/v1/contributions/${b.id}/support`)).body.supportCount).toBe(2);
    expect(await recent()).toEqual({ [a.id]: 0, [b.id]: 1, [c.id]: 0 });
    expect(await sweep()).toBe(0);

    // Every counter equals its rows still in the window, and support_count all its rows.
    const rows = await t().db
      .selectFrom('contributions as x')
      .select(['x.id', 'x.supportCount', 'x.recentSupportCount'])
      .select((eb) => [
        eb.selectFrom('supports as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.contributionId', '=', 'x.id').as('all'),
        eb.selectFrom('supports as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.contributionId', '=', 'x.id').where('s.inWindow', '=', 1).as('recent'),
      ])
      .where('x.id', 'in', [a.id, b.id, c.id])
      .execute();
    expect(rows.filter((r) => r.supportCount !== Number(r.all) || r.recentSupportCount !== Number(r.recent))).toEqual([]);
    const page = await room.host.client.get<ContributionBody>(`/api/v1/contributions/${a.id}`);
    expect(page.body.supportCount).toBe(2);
  });
}, { clock });
