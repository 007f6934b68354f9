import { expect, it } from 'vitest';
import { ManualClock } from '../../src/server/lib/clock.js';
import { alertOverdue } from '../../src/server/modules/responses/overdue.js';
import { experience, idea, openRoom } from '../support/contributions.js';
import { describeEachDatabase } from '../support/test-app.js';

const clock = new ManualClock('2026-11-02T09:00:00.000Z');
const HOUR = 3_600_000;
type Failure = { error: { code: string; details: { path?: string; code: string }[] } };

describeEachDatabase('responses, targets and updates', (t) => {
  it('answers with a status and a public history; no without a reason is refused', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const c = await room.contribute(ana, idea('Repair corners in shops'));
    const url = `/api/v1/contributions/${c.id}/responses`;
    expect((await ana.client.post(url, { status: 'accepted', text: 'Yes!' })).status).toBe(403);
    expect((await t().client().post(url, { status: 'accepted', text: 'Yes!' })).status).toBe(401);
    const noReason = await room.host.client.post<Failure>(url, { status: 'declined', text: 'Not for us.' });
    expect([noReason.status, noReason.body.error.details[0]]).toEqual([422, { path: '/reason', message: 'is required for this status', code: 'reason_required' }]);
    expect((await room.host.client.post<Failure>(url, { status: 'not_now', text: 'Later.', reason: '   ' })).body.error.details[0]?.code).toBe('reason_required');
    expect((await room.host.client.post<Failure>(url, { status: 'merged', text: 'x' })).status).toBe(422);
    expect((await room.host.client.post<Failure>(url, { status: 'accepted', text: '' })).status).toBe(422);
    expect((await room.host.client.post<Failure>(url, { status: 'accepted', text: 'ok', extra: 1 })).status).toBe(422);
    expect((await room.host.client.post('/api/v1/contributions/nope/responses', { status: 'accepted', text: 'ok' })).status).toBe(404);

    const first = await room.host.client.post<{ status: string; previousStatus: string; textHtml: string }>(url, { status: 'under_review', text: 'We are **looking** at costs.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'under_review', previousStatus: 'received' });
    expect(first.body.textHtml).toContain('<strong>looking</strong>');
    const second = await room.host.client.post(url, { status: 'declined', text: 'Not this year.', reason: 'The shops cannot staff it before 2028.' });
    expect(second.status).toBe(201);
    const page = await ana.client.get<{ status: string }>(`/api/v1/contributions/${c.id}`);
    expect(page.body.status).toBe('declined');
    const history = await ana.client.get<{ items: { status: string; reason: string }[] }>(url);
    expect(history.body.items.map((r) => [r.status, r.reason])).toEqual([['under_review', ''], ['declined', 'The shops cannot staff it before 2028.']]);
    const event = await t().db.selectFrom('events').select(['payload']).where('type', '=', 'contribution.responded').where('subjectId', '=', c.id).orderBy('id').executeTakeFirstOrThrow();
    expect(JSON.parse(typeof event.payload === 'string' ? event.payload : JSON.stringify(event.payload))).toMatchObject({ status: 'under_review', authorIds: [ana.user.id] });
  });

  it('alerts the stewards once when a contribution waits past the target, on time', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    expect((await ana.client.request('PUT', `/api/v1/initiatives/${room.initiative.id}/response-target`, { hours: 48 })).status).toBe(403);
    expect((await room.host.client.request('PUT', `/api/v1/initiatives/${room.initiative.id}/response-target`, { hours: 0 })).status).toBe(422);
    expect((await room.host.client.request('PUT', `/api/v1/initiatives/${room.initiative.id}/response-target`, { hours: 48 })).status).toBe(200);
    const waiting = await room.contribute(ana, experience('Waiting for an answer'));
    const answered = await room.contribute(ana, experience('Answered in time'));
    await room.host.client.post(`/api/v1/contributions/${answered.id}/responses`, { status: 'received', text: 'Thank you, we read it.' });
    const alerts = async () => t().db.selectFrom('events').select(['subjectId', 'payload']).where('type', '=', 'contribution.overdue').where('subjectId', 'in', [waiting.id, answered.id]).execute();
    clock.advance(47 * HOUR);
    await alertOverdue(t().services.dispatch.dispatcher.ctx, t().services.events);
    expect(await alerts()).toEqual([]);
    clock.advance(2 * HOUR);
    await alertOverdue(t().services.dispatch.dispatcher.ctx, t().services.events);
    await alertOverdue(t().services.dispatch.dispatcher.ctx, t().services.events);
    const fired = await alerts();
    expect(fired.map((a) => a.subjectId)).toEqual([waiting.id]);
    const payload = JSON.parse(typeof fired[0]!.payload === 'string' ? fired[0]!.payload : JSON.stringify(fired[0]!.payload)) as { waitingHours: number; targetHours: number; stewardIds: string[] };
    expect(payload).toMatchObject({ waitingHours: 49, targetHours: 48, stewardIds: [room.host.user.id] });

    const queue = await room.host.client.get<{ items: { id: string; overdue: boolean; waitingHours: number }[] }>(`/api/v1/initiatives/${room.initiative.id}/unanswered`);
    expect(queue.body.items.map((i) => [i.id, i.overdue, i.waitingHours])).toEqual([[waiting.id, true, 49]]);
    expect((await ana.client.get(`/api/v1/initiatives/${room.initiative.id}/unanswered`)).status).toBe(403);
  });

  it('measures median and 90th-percentile time to first response, and the share within target', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await room.contribute(ana, idea(`Idea number ${i}`)));
    // Answered after 1, 2, 3 and 200 hours; the fifth waits.
    let elapsed = 0;
    for (const [i, at] of [1, 2, 3, 200].entries()) {
      clock.advance((at - elapsed) * HOUR);
      elapsed = at;
      await room.host.client.post(`/api/v1/contributions/${made[i]!.id}/responses`, { status: 'under_review', text: 'Looking.' });
    }
    const times = await ana.client.get<Record<string, unknown>>(`/api/v1/initiatives/${room.initiative.id}/response-times`);
    // The fifth has waited 200 h > 168 h: overdue; 3 of the 5 due were answered within target.
    expect(times.body).toEqual({ targetHours: 168, answered: 4, waiting: 1, overdue: 1, medianHours: 2, p90Hours: 200, withinTargetShare: 0.6 });
  });

  it('publishes updates about contributions and shows what came of every input', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const a = await room.contribute(ana, idea('Spare zips in every shop'));
    const b = await room.contribute(ana, idea('A repair hotline'));
    await room.host.client.post(`/api/v1/contributions/${a.id}/responses`, { status: 'in_development', text: 'Ordering zips.' });
    const url = `/api/v1/initiatives/${room.initiative.id}/updates`;
    expect((await ana.client.post(url, { title: 'Not mine', body: 'x' })).status).toBe(403);
    expect((await room.host.client.post<Failure>(url, { title: 'Zips', body: 'Ordered.', contributionIds: ['nope'] })).body.error.details[0]).toMatchObject({ path: '/contributionIds/0', code: 'unknown_contribution' });
    expect((await room.host.client.post(url, { title: 'Zi', body: 'Ordered.' })).status).toBe(422);
    const published = await room.host.client.post<{ id: string; bodyHtml: string; contributions: { id: string }[] }>(url, { title: 'Zips are ordered', body: 'The **first 500** arrive in March.', contributionIds: [a.id] });
    expect(published.status).toBe(201);
    expect(published.body.contributions.map((c) => c.id)).toEqual([a.id]);
    expect((await ana.client.get<{ items: { id: string }[] }>(url)).body.items.map((u) => u.id)).toEqual([published.body.id]);
    expect((await ana.client.get(`/api/v1/updates/${published.body.id}`)).status).toBe(200);
    expect((await ana.client.get('/api/v1/updates/nope')).status).toBe(404);

    const view = await t().client().get<{ groups: { status: string; count: number; items: { contribution: { id: string }; response: { text: string } | null; updates: { title: string }[] }[] }[] }>(`/api/v1/initiatives/${room.initiative.id}/accountability`);
    expect(view.body.groups.map((g) => [g.status, g.count])).toEqual([['in_development', 1], ['received', 1]]);
    expect(view.body.groups[0]!.items[0]).toMatchObject({ contribution: { id: a.id }, response: { text: 'Ordering zips.' }, updates: [{ title: 'Zips are ordered' }] });
    expect(view.body.groups[1]!.items[0]).toMatchObject({ contribution: { id: b.id }, response: null, updates: [] });
  });
}, { clock });
