import { expect, it } from 'vitest';
import { experience, idea, openRoom, type ContributionBody } from '../support/contributions.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Full extends ContributionBody {
  credited: { id: string; name: string; via: { id: string } }[];
  merged: { id: string }[];
}

describeEachDatabase('supports and merges', (t) => {
  it('counts a support once under concurrent double clicks, and retracting takes it back', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const c = await room.contribute(ana, idea('Glue the seams twice'));
    const clicks = await Promise.all(Array.from({ length: 8 }, () => ben.client.post<{ supportCount: number }>(`/api/v1/contributions/${c.id}/support`)));
    expect(clicks.map((r) => r.status)).toEqual(Array(8).fill(200));
    const after = await ben.client.get<ContributionBody>(`/api/v1/contributions/${c.id}`);
    expect(after.body.supportCount).toBe(1);
    expect(after.body.me.supported).toBe(true);
    const own = await ana.client.post(`/api/v1/contributions/${c.id}/support`);
    expect([own.status, (own.body as { error: { code: string } }).error.code]).toEqual([409, 'own_contribution']);
    const retracted = await ben.client.delete<{ supported: boolean; supportCount: number }>(`/api/v1/contributions/${c.id}/support`);
    expect(retracted.body).toEqual({ supported: false, supportCount: 0 });
    expect((await t().client().post(`/api/v1/contributions/${c.id}/support`)).status).toBe(401);
    // Many people at once, some changing their mind: the counter always equals the rows.
    const crowd = await Promise.all(Array.from({ length: 12 }, (_, i) => room.participant(`Crowd ${i}`)));
    await Promise.all(crowd.flatMap((p, i) => [p.client.post(`/api/v1/contributions/${c.id}/support`), ...(i % 3 === 0 ? [p.client.delete(`/api/v1/contributions/${c.id}/support`)] : [])]));
    const rows = await t().db.selectFrom('supports').select((eb) => eb.fn.countAll<number>().as('n')).where('contributionId', '=', c.id).executeTakeFirstOrThrow();
    const counter = await t().db.selectFrom('contributions').select('supportCount').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(Number(counter.supportCount)).toBe(Number(rows.n));
    expect(Number(rows.n)).toBeGreaterThanOrEqual(8);
    expect((await ben.client.post('/api/v1/contributions/unknown/support')).status).toBe(404);
  });

  it('merges a duplicate without loss and unmerge restores the exact prior state', async () => {
    const room = await openRoom(t());
    const [ana, ben, cai, dee] = await Promise.all([room.participant('Ana'), room.participant('Ben'), room.participant('Cai'), room.participant('Dee')]);
    const target = await room.contribute(ana, idea('Replaceable hood'));
    const source = await room.contribute(ben, idea('A hood you can swap'));
    // Cai supports both (counted once after the merge), Dee only the duplicate.
    for (const [person, id] of [[cai, target.id], [cai, source.id], [dee, source.id], [ana, source.id]] as const) {
      expect((await person.client.post(`/api/v1/contributions/${id}/support`)).status).toBe(200);
    }
    const read = async () => Promise.all([target.id, source.id].map(async (id) => (await room.host.client.get<Full>(`/api/v1/contributions/${id}`)).body));
    const lineage = async () => (await room.host.client.get(`/api/v1/contributions/${source.id}/lineage`)).body;
    const before = await read();
    const lineageBefore = await lineage();

    expect((await ben.client.post(`/api/v1/contributions/${source.id}/merge`, { targetId: target.id, reason: 'Same idea' })).status).toBe(403);
    const merged = await room.host.client.post<Full>(`/api/v1/contributions/${source.id}/merge`, { targetId: target.id, reason: 'Same idea' });
    expect(merged.status).toBe(200);
    expect(merged.body.supportCount).toBe(3); // Cai, Dee and Ana: Cai once
    expect(merged.body.credited.map((c) => [c.id, c.via.id])).toEqual([[ben.user.id, source.id]]);
    expect(merged.body.merged.map((m) => m.id)).toEqual([source.id]);
    const shown = (await dee.client.get<Full>(`/api/v1/contributions/${source.id}`)).body;
    expect(shown.mergedInto?.id).toBe(target.id);
    expect(shown.status).toBe('merged');
    expect((await dee.client.post(`/api/v1/contributions/${source.id}/support`)).status).toBe(409);
    const talk = await dee.client.post<{ error: { code: string } }>(`/api/v1/contributions/${source.id}/comments`, { body: 'Still here?' });
    expect([talk.status, talk.body.error.code]).toEqual([409, 'contribution_merged']);
    // Merged duplicates leave the feed but stay findable by status.
    const feed = await dee.client.get<{ items: { id: string }[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions`);
    expect(feed.body.items.map((i) => i.id)).toEqual([target.id]);
    const mergedFeed = await dee.client.get<{ items: { id: string }[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions?status=merged`);
    expect(mergedFeed.body.items.map((i) => i.id)).toEqual([source.id]);

    const again = await room.host.client.post(`/api/v1/contributions/${source.id}/merge`, { targetId: target.id, reason: 'Again' });
    expect([again.status, (again.body as { error: { code: string } }).error.code]).toEqual([409, 'contribution_merged']);
    expect((await room.host.client.post(`/api/v1/contributions/${source.id}/unmerge`)).status).toBe(200);
    expect(await read()).toEqual(before);
    expect(await lineage()).toEqual(lineageBefore);
    const notMerged = await room.host.client.post(`/api/v1/contributions/${source.id}/unmerge`);
    expect([notMerged.status, (notMerged.body as { error: { code: string } }).error.code]).toEqual([409, 'not_merged']);
  });

  it('refuses merges that would lose or confuse', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const a = await room.contribute(ana, idea('First idea here'));
    const other = await openRoom(t());
    const elsewhere = await other.contribute(await other.participant('Zed'), idea('Another initiative'));
    const merge = (id: string, body: Record<string, unknown>) => room.host.client.post<{ error: { code: string; details: { path: string; code: string }[] } }>(`/api/v1/contributions/${id}/merge`, body);
    expect((await merge(a.id, { targetId: a.id, reason: 'x' })).body.error.details[0]?.code).toBe('same_contribution');
    expect((await merge(a.id, { targetId: elsewhere.id, reason: 'x' })).body.error.details[0]?.code).toBe('unknown_contribution');
    expect((await merge(a.id, { targetId: 'nope', reason: 'x' })).status).toBe(422);
    expect((await merge(a.id, { targetId: a.id })).status).toBe(422);
    expect((await merge(a.id, { targetId: a.id, reason: '' })).status).toBe(422);
    expect((await merge('nope', { targetId: a.id, reason: 'x' })).status).toBe(404);
    expect((await t().client().post(`/api/v1/contributions/${a.id}/merge`, { targetId: a.id, reason: 'x' })).status).toBe(401);
    const b = await room.contribute(ana, experience('A cold morning'));
    const c = await room.contribute(ana, idea('Third idea here'));
    expect((await merge(b.id, { targetId: a.id, reason: 'dup' })).status).toBe(200);
    expect((await merge(c.id, { targetId: b.id, reason: 'dup' })).body.error.code).toBe('target_merged');
    expect((await merge(a.id, { targetId: c.id, reason: 'dup' })).body.error.code).toBe('has_merged_contributions');
  });
});
