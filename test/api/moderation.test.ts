import { expect, it } from 'vitest';
import type { Reply } from '../support/client.js';
import { experience, idea, openRoom, type ContributionBody, type Room } from '../support/contributions.js';
import { describeEachDatabase, type Person } from '../support/test-app.js';

interface Summary { type: string; id: string; title: string; excerpt: string; author: { id: string; name: string }; hidden: boolean }
interface Queue { items: { subject: Summary; count: number; reasons: { reason: string; count: number }[]; notes: { reason: string; note: string }[] }[]; nextCursor: string | null }
interface State { hidden: boolean; reason: string | null; openFlags: number; appeal: { status: string } | null }
interface Appeal { id: string; status: string; text: string; subject: Summary; hiddenReason: string | null; decisionNote: string | null; by: { id: string } }
interface Mine { items: { subject: Summary; reason: string; canAppeal: boolean; appeal: { status: string; decisionNote: string | null } | null }[] }
interface Moderated { moderation: { reason: string; appeal: { status: string; decisionNote: string | null } | null } | null }
interface Comment { id: string; body: string; hidden: boolean; moderation: { reason: string } | null }

/** Status and error code of a reply, to compare in one expectation. */
const outcome = (r: Reply) => [r.status, (r.body as { error?: { code?: string } }).error?.code];

describeEachDatabase('moderation', (t) => {
  async function setting() {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const ben = await room.participant('Ben');
    const cai = await room.participant('Cai');
    const x = await room.contribute(ana, idea('Buy our cheap jackets now'));
    const y = await room.contribute(ana, experience('The zip broke in the rain'));
    return { room, ana, ben, cai, x, y };
  }
  const feedIds = async (person: Person | null, room: Room) =>
    (await (person?.client ?? t().client()).get<{ items: { id: string }[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions`)).body.items.map((i) => i.id);
  const events = (type: string, subjectId: string) =>
    t().db.selectFrom('events').select(['type', 'actorId', 'payload']).where('type', '=', type).where('subjectId', '=', subjectId).execute()
      .then((rows) => rows.map((r) => ({ ...r, payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> })));

  it('flag → queue → hide → the author still reads it with the reason → appeal → upheld shows it again', async () => {
    const { room, ana, ben, cai, x, y } = await setting();
    const queueUrl = `/api/v1/initiatives/${room.initiative.id}/moderation/flags`;
    expect((await ben.client.post(`/api/v1/contributions/${x.id}/flags`, { reason: 'spam' })).status).toBe(201);
    const other = await cai.client.post(`/api/v1/contributions/${x.id}/flags`, { reason: 'other', note: '  It is an advert.  ' });
    expect(other.body).toMatchObject({ subjectType: 'contribution', subjectId: x.id, reason: 'other', note: 'It is an advert.' });
    expect(outcome(await ben.client.post(`/api/v1/contributions/${x.id}/flags`, { reason: 'abuse' }))).toEqual([409, 'already_flagged']);
    expect((await cai.client.post(`/api/v1/contributions/${y.id}/flags`, { reason: 'personal_data', note: 'Has a phone number.' })).status).toBe(201);

    const queue = await room.host.client.get<Queue>(queueUrl);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i) => [i.subject.id, i.count])).toEqual([[x.id, 2], [y.id, 1]]);
    expect(queue.body.items[0]).toMatchObject({
      subject: { type: 'contribution', title: 'Buy our cheap jackets now', author: { id: ana.user.id, name: 'Ana' }, hidden: false },
      reasons: [{ reason: 'other', count: 1 }, { reason: 'spam', count: 1 }],
      notes: [{ reason: 'other', note: 'It is an advert.' }],
    });
    const first = await room.host.client.get<Queue>(`${queueUrl}?limit=1`);
    expect(first.body.items.map((i) => i.subject.id)).toEqual([x.id]);
    const second = await room.host.client.get<Queue>(`${queueUrl}?limit=1&cursor=${first.body.nextCursor ?? ''}`);
    expect([second.body.items.map((i) => i.subject.id), second.body.nextCursor]).toEqual([[y.id], null]);

    const hidden = await room.host.client.post<State>(`/api/v1/contributions/${x.id}/hide`, { reason: 'Advertising is not welcome here.' });
    expect(hidden.body).toMatchObject({ hidden: true, reason: 'Advertising is not welcome here.', openFlags: 0, appeal: null });
    const row = await t().db.selectFrom('contributions').select(['title', 'body', 'hiddenReason', 'hiddenBy']).where('id', '=', x.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: x.title, body: x.body, hiddenReason: 'Advertising is not welcome here.', hiddenBy: room.host.user.id });
    const flags = await t().db.selectFrom('flags').select(['resolution', 'resolvedBy']).where('subjectId', '=', x.id).execute();
    expect(flags).toEqual([{ resolution: 'hidden', resolvedBy: room.host.user.id }, { resolution: 'hidden', resolvedBy: room.host.user.id }]);
    expect((await room.host.client.get<Queue>(queueUrl)).body.items.map((i) => i.subject.id)).toEqual([y.id]);
    const [told] = await events('contribution.hidden', x.id);
    expect(told).toMatchObject({ actorId: room.host.user.id, payload: { reason: 'Advertising is not welcome here.', authorId: ana.user.id, flagsResolved: 2 } });

    const seen = await ana.client.get<ContributionBody & Moderated>(`/api/v1/contributions/${x.id}`);
    expect([seen.status, seen.body.body, seen.body.moderation]).toEqual([200, x.body, { reason: 'Advertising is not welcome here.', hiddenAt: expect.any(String), appeal: null }]);
    expect((await ben.client.get(`/api/v1/contributions/${x.id}`)).status).toBe(404);
    expect((await t().client().get(`/api/v1/contributions/${x.id}`)).status).toBe(404);
    expect(await feedIds(ben, room)).not.toContain(x.id);
    expect(await feedIds(null, room)).not.toContain(x.id);
    expect(await feedIds(ana, room)).toContain(x.id);
    expect(await feedIds(room.host, room)).toContain(x.id);
    const mine = await ana.client.get<Mine>('/api/v1/me/moderation');
    expect(mine.body.items).toEqual([expect.objectContaining({ subject: expect.objectContaining({ id: x.id, hidden: true }), reason: 'Advertising is not welcome here.', appeal: null, canAppeal: true })]);
    expect((await ben.client.get<Mine>('/api/v1/me/moderation')).body.items).toEqual([]);

    expect((await ben.client.post(`/api/v1/contributions/${x.id}/appeals`, { text: 'Not mine but fine' })).status).toBe(404);
    const appeal = await ana.client.post<Appeal>(`/api/v1/contributions/${x.id}/appeals`, { text: 'It answers the need for cheaper jackets.' });
    expect(appeal.body).toMatchObject({ status: 'open', by: { id: ana.user.id }, hiddenReason: 'Advertising is not welcome here.', subject: { id: x.id } });
    expect(outcome(await ana.client.post(`/api/v1/contributions/${x.id}/appeals`, { text: 'Again' }))).toEqual([409, 'appeal_open']);
    expect((await ana.client.get<Mine>('/api/v1/me/moderation')).body.items[0]).toMatchObject({ canAppeal: false, appeal: { status: 'open' } });
    const open = await room.host.client.get<{ items: Appeal[] }>(`/api/v1/initiatives/${room.initiative.id}/moderation/appeals`);
    expect(open.body.items.map((a) => [a.id, a.text])).toEqual([[appeal.body.id, 'It answers the need for cheaper jackets.']]);

    const upheld = await room.host.client.post<Appeal>(`/api/v1/appeals/${appeal.body.id}/decision`, { decision: 'upheld', note: 'Fair: it is a real idea.' });
    expect(upheld.body).toMatchObject({ status: 'upheld', decisionNote: 'Fair: it is a real idea.', hiddenReason: null, subject: { hidden: false } });
    expect(outcome(await room.host.client.post(`/api/v1/appeals/${appeal.body.id}/decision`, { decision: 'rejected', note: 'Changed my mind' }))).toEqual([409, 'appeal_decided']);
    expect((await ben.client.get<Moderated>(`/api/v1/contributions/${x.id}`)).body.moderation).toBeNull();
    expect(await feedIds(ben, room)).toContain(x.id);
    expect((await ana.client.get<Mine>('/api/v1/me/moderation')).body.items).toEqual([]);
    expect(await events('contribution.unhidden', x.id)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ appealId: appeal.body.id, authorId: ana.user.id }) })]);
    expect(await events('appeal.upheld', appeal.body.id)).toHaveLength(1);
    expect((await room.host.client.get<{ items: Appeal[] }>(`/api/v1/initiatives/${room.initiative.id}/moderation/appeals?status=upheld`)).body.items.map((a) => a.id)).toEqual([appeal.body.id]);
  });

  it('a rejected appeal keeps it hidden with the note; a host unhiding later upholds the next appeal', async () => {
    const { room, ana, ben, x } = await setting();
    await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: 'Advertising.' });
    const appeal = await ana.client.post<Appeal>(`/api/v1/contributions/${x.id}/appeals`, { text: 'Please look again.' });
    const rejected = await room.host.client.post<Appeal>(`/api/v1/appeals/${appeal.body.id}/decision`, { decision: 'rejected', note: 'It is still an advert.' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'It is still an advert.', hiddenReason: 'Advertising.' });
    expect((await ana.client.get<Moderated>(`/api/v1/contributions/${x.id}`)).body.moderation).toMatchObject({ reason: 'Advertising.', appeal: { status: 'rejected', decisionNote: 'It is still an advert.' } });
    expect((await ben.client.get(`/api/v1/contributions/${x.id}`)).status).toBe(404);
    expect((await ana.client.get<Mine>('/api/v1/me/moderation')).body.items[0]).toMatchObject({ canAppeal: true, appeal: { status: 'rejected', decisionNote: 'It is still an advert.' } });
    expect((await room.host.client.get<{ items: Appeal[] }>(`/api/v1/initiatives/${room.initiative.id}/moderation/appeals?status=rejected`)).body.items.map((a) => a.id)).toEqual([appeal.body.id]);

    const again = await ana.client.post<Appeal>(`/api/v1/contributions/${x.id}/appeals`, { text: 'I removed the price list.' });
    expect(again.status).toBe(201);
    const unhidden = await room.host.client.post<State>(`/api/v1/contributions/${x.id}/unhide`);
    expect(unhidden.body).toMatchObject({ hidden: false, reason: null, appeal: { status: 'upheld' } });
    expect(outcome(await room.host.client.post(`/api/v1/contributions/${x.id}/unhide`))).toEqual([409, 'not_hidden']);
    expect(outcome(await ana.client.post(`/api/v1/contributions/${x.id}/appeals`, { text: 'Hm' }))).toEqual([409, 'not_hidden']);
    expect((await ben.client.get(`/api/v1/contributions/${x.id}`)).status).toBe(200);
  });

  it('hides a comment: others see a placeholder, its author the text and the reason; the author appeals', async () => {
    const { room, ana, ben, cai, x } = await setting();
    const comment = (await ben.client.post<Comment>(`/api/v1/contributions/${x.id}/comments`, { body: 'Rude words here.' })).body;
    expect((await cai.client.post(`/api/v1/comments/${comment.id}/flags`, { reason: 'abuse' })).status).toBe(201);
    const queue = await room.host.client.get<Queue>(`/api/v1/initiatives/${room.initiative.id}/moderation/flags`);
    expect(queue.body.items.map((i) => [i.subject.type, i.subject.id, i.subject.title, i.subject.excerpt, i.subject.author.name])).toEqual([['comment', comment.id, x.title, 'Rude words here.', 'Ben']]);

    expect(outcome(await ana.client.post(`/api/v1/comments/${comment.id}/hide`, { reason: 'No' }))).toEqual([403, 'forbidden']);
    expect((await room.host.client.post<State>(`/api/v1/comments/${comment.id}/hide`, { reason: 'Be kind.' })).body).toMatchObject({ hidden: true, reason: 'Be kind.' });
    expect(outcome(await room.host.client.post(`/api/v1/comments/${comment.id}/hide`, { reason: 'Twice' }))).toEqual([409, 'already_hidden']);
    expect(outcome(await ana.client.post(`/api/v1/comments/${comment.id}/flags`, { reason: 'spam' }))).toEqual([409, 'already_hidden']);
    expect((await t().db.selectFrom('comments').select('body').where('id', '=', comment.id).executeTakeFirstOrThrow()).body).toBe('Rude words here.');
    const threads = async (p: Person) => (await p.client.get<{ items: Comment[] }>(`/api/v1/contributions/${x.id}/comments`)).body.items.find((c) => c.id === comment.id);
    expect(await threads(cai)).toMatchObject({ hidden: true, body: '', moderation: null });
    expect(await threads(ben)).toMatchObject({ hidden: true, body: 'Rude words here.', moderation: { reason: 'Be kind.' } });
    expect(await events('comment.hidden', comment.id)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ reason: 'Be kind.', authorId: ben.user.id, contributionId: x.id }) })]);
    expect((await ben.client.get<Mine>('/api/v1/me/moderation')).body.items.map((i) => [i.subject.type, i.subject.id, i.reason])).toEqual([['comment', comment.id, 'Be kind.']]);

    expect(outcome(await cai.client.post(`/api/v1/comments/${comment.id}/appeals`, { text: 'Free Ben' }))).toEqual([403, 'forbidden']);
    const appeal = await ben.client.post<Appeal>(`/api/v1/comments/${comment.id}/appeals`, { text: 'I meant it kindly.' });
    expect(appeal.body).toMatchObject({ status: 'open', subject: { type: 'comment', id: comment.id } });
    await room.host.client.post(`/api/v1/appeals/${appeal.body.id}/decision`, { decision: 'upheld', note: 'Read again, fine.' });
    expect(await threads(cai)).toMatchObject({ hidden: false, body: 'Rude words here.' });
  });

  it('bulk: each item on its own, a mix of good and bad items', async () => {
    const { room, ana, ben, x, y } = await setting();
    const elsewhere = await openRoom(t());
    const stranger = await elsewhere.contribute(await elsewhere.participant('Dee'), idea('Somewhere else entirely'));
    const comment = (await ben.client.post<Comment>(`/api/v1/contributions/${y.id}/comments`, { body: 'Spam spam spam.' })).body;
    const url = `/api/v1/initiatives/${room.initiative.id}/moderation/bulk`;
    const items = [
      { type: 'contribution', id: x.id }, { type: 'contribution', id: x.id }, { type: 'comment', id: comment.id },
      { type: 'contribution', id: 'no-such-id' }, { type: 'contribution', id: stranger.id }, { type: 'comment', id: x.id },
    ];
    const hidden = await room.host.client.post<{ results: { id: string; ok: boolean; code?: string }[] }>(url, { action: 'hide', items, reason: 'A wave of spam.' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.results.map((r) => [r.id, r.ok, r.code])).toEqual([
      [x.id, true, undefined], [x.id, false, 'already_hidden'], [comment.id, true, undefined],
      ['no-such-id', false, 'not_found'], [stranger.id, false, 'not_found'], [x.id, false, 'not_found'],
    ]);
    expect((await ben.client.get(`/api/v1/contributions/${x.id}`)).status).toBe(404);
    expect((await ben.client.get(`/api/v1/contributions/${stranger.id}`)).status).toBe(200);
    expect((await t().db.selectFrom('contributions').select('hiddenAt').where('id', '=', stranger.id).executeTakeFirstOrThrow()).hiddenAt).toBeNull();

    await ben.client.post(`/api/v1/contributions/${y.id}/flags`, { reason: 'off_topic' });
    const dismissed = await room.host.client.post<{ results: { ok: boolean; code?: string }[] }>(url, { action: 'dismiss_flags', items: [{ type: 'contribution', id: y.id }, { type: 'contribution', id: x.id }] });
    expect(dismissed.body.results.map((r) => [r.ok, r.code])).toEqual([[true, undefined], [false, 'no_open_flags']]);
    const shown = await room.host.client.post<{ results: { ok: boolean; code?: string }[] }>(url, { action: 'unhide', items: [{ type: 'contribution', id: x.id }, { type: 'contribution', id: y.id }] });
    expect(shown.body.results.map((r) => [r.ok, r.code])).toEqual([[true, undefined], [false, 'not_hidden']]);
    expect((await ben.client.get(`/api/v1/contributions/${x.id}`)).status).toBe(200);

    expect(outcome(await room.host.client.post(url, { action: 'hide', items: [{ type: 'contribution', id: y.id }] }))).toEqual([422, 'validation_failed']);
    expect(outcome(await room.host.client.post(url, { action: 'hide', items: [{ type: 'contribution', id: y.id }], reason: '   ' }))).toEqual([422, 'validation_failed']);
    expect((await room.host.client.post(url, { action: 'hide', items: [], reason: 'x' })).status).toBe(422);
    expect((await room.host.client.post(url, { action: 'hide', items: Array.from({ length: 101 }, () => ({ type: 'contribution', id: y.id })), reason: 'x' })).status).toBe(422);
    expect((await room.host.client.post(url, { action: 'delete', items: [{ type: 'contribution', id: y.id }] })).status).toBe(422);
    expect((await room.host.client.post(url, { action: 'unhide', items: [{ type: 'idea', id: y.id }] })).status).toBe(422);
    expect((await room.host.client.post(url, { action: 'unhide', items: [{ type: 'contribution', id: y.id, extra: 1 }] })).status).toBe(422);
    expect(outcome(await ana.client.post(url, { action: 'unhide', items: [{ type: 'contribution', id: y.id }] }))).toEqual([403, 'forbidden']);
    expect((await t().client().post(url, { action: 'unhide', items: [{ type: 'contribution', id: y.id }] })).status).toBe(401);
    expect((await room.host.client.post('/api/v1/initiatives/unknown/moderation/bulk', { action: 'unhide', items: [{ type: 'contribution', id: y.id }] })).status).toBe(404);
  });

  it('dismissing flags resolves them without hiding; the flagger may flag again', async () => {
    const { room, ben, y } = await setting();
    const url = `/api/v1/initiatives/${room.initiative.id}/moderation/flags/dismiss`;
    await ben.client.post(`/api/v1/contributions/${y.id}/flags`, { reason: 'spam' });
    expect((await room.host.client.post(url, { subjectId: y.id })).body).toEqual({ subjectId: y.id, dismissed: 1 });
    expect((await t().db.selectFrom('flags').select('resolution').where('subjectId', '=', y.id).execute())).toEqual([{ resolution: 'dismissed' }]);
    expect((await ben.client.get(`/api/v1/contributions/${y.id}`)).status).toBe(200);
    expect(outcome(await room.host.client.post(url, { subjectId: y.id }))).toEqual([409, 'no_open_flags']);
    expect(outcome(await room.host.client.post(url, { subjectId: 'unknown' }))).toEqual([404, 'not_found']);
    expect(outcome(await ben.client.post(url, { subjectId: y.id }))).toEqual([403, 'forbidden']);
    expect((await room.host.client.post(url, { subjectId: y.id, extra: true })).status).toBe(422);
    expect((await room.host.client.post(url, {})).status).toBe(422);
    expect((await ben.client.post(`/api/v1/contributions/${y.id}/flags`, { reason: 'spam' })).status).toBe(201);
    expect(await events('flags.dismissed', y.id)).toEqual([expect.objectContaining({ actorId: room.host.user.id, payload: expect.objectContaining({ count: 1 }) })]);
  });

  it('refuses every wrong request with the right 4xx', async () => {
    const { room, ana, ben, x } = await setting();
    const anon = t().client();
    const appeals = `/api/v1/initiatives/${room.initiative.id}/moderation/appeals`;
    for (const [method, url, body] of [
      ['POST', `/api/v1/contributions/${x.id}/flags`, { reason: 'spam' }], ['POST', `/api/v1/contributions/${x.id}/hide`, { reason: 'x' }],
      ['POST', `/api/v1/contributions/${x.id}/unhide`, undefined], ['POST', `/api/v1/contributions/${x.id}/appeals`, { text: 'x' }],
      ['GET', `/api/v1/initiatives/${room.initiative.id}/moderation/flags`, undefined], ['GET', appeals, undefined],
      ['POST', '/api/v1/appeals/any/decision', { decision: 'upheld', note: 'x' }], ['GET', '/api/v1/me/moderation', undefined],
    ] as const) {
      expect(outcome(await anon.request(method, url, body)), `${method} ${url}`).toEqual([401, 'unauthorized']);
    }
    for (const type of ['contributions', 'comments']) {
      expect((await ben.client.post(`/api/v1/${type}/unknown/flags`, { reason: 'spam' })).status).toBe(404);
      expect((await room.host.client.post(`/api/v1/${type}/unknown/hide`, { reason: 'x' })).status).toBe(404);
      expect((await room.host.client.post(`/api/v1/${type}/unknown/unhide`)).status).toBe(404);
      expect((await ana.client.post(`/api/v1/${type}/unknown/appeals`, { text: 'x' })).status).toBe(404);
    }
    expect((await room.host.client.post('/api/v1/appeals/unknown/decision', { decision: 'upheld', note: 'x' })).status).toBe(404);
    expect((await room.host.client.get('/api/v1/initiatives/unknown/moderation/flags')).status).toBe(404);
    expect((await room.host.client.get('/api/v1/initiatives/unknown/moderation/appeals')).status).toBe(404);

    const flags = `/api/v1/contributions/${x.id}/flags`;
    expect(outcome(await ben.client.post(flags, { reason: 'other' }))).toEqual([422, 'validation_failed']);
    expect(outcome(await ben.client.post(flags, { reason: 'other', note: '   ' }))).toEqual([422, 'validation_failed']);
    expect((await ben.client.post(flags, { reason: 'boring' })).status).toBe(422);
    expect((await ben.client.post(flags, { reason: 'spam', extra: 1 })).status).toBe(422);
    expect((await ben.client.post(flags, { reason: 'spam', note: 'x'.repeat(1001) })).status).toBe(422);
    expect(outcome(await ben.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: 'Mine now' }))).toEqual([403, 'forbidden']);
    expect(outcome(await ana.client.post(`/api/v1/contributions/${x.id}/unhide`))).toEqual([403, 'forbidden']);
    expect(outcome(await ben.client.get(`/api/v1/initiatives/${room.initiative.id}/moderation/flags`))).toEqual([403, 'forbidden']);
    expect(outcome(await ben.client.get(appeals))).toEqual([403, 'forbidden']);
    expect((await room.host.client.get(`${appeals}?status=pending`)).status).toBe(422);
    expect((await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, {})).status).toBe(422);
    expect(outcome(await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: '  ' }))).toEqual([422, 'validation_failed']);
    expect((await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: 'x', silently: true })).status).toBe(422);
    expect(outcome(await ana.client.post(`/api/v1/contributions/${x.id}/appeals`, { text: 'Not hidden yet' }))).toEqual([409, 'not_hidden']);

    await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: 'Advertising.' });
    expect((await ana.client.post(`/api/v1/contributions/${x.id}/appeals`, {})).status).toBe(422);
    expect((await ana.client.post(`/api/v1/contributions/${x.id}/appeals`, { text: 'x'.repeat(2001) })).status).toBe(422);
    expect(outcome(await ana.client.post(`/api/v1/contributions/${x.id}/appeals`, { text: '   ' }))).toEqual([422, 'validation_failed']);
    const appeal = await ana.client.post<Appeal>(`/api/v1/contributions/${x.id}/appeals`, { text: 'Please.' });
    const decide = `/api/v1/appeals/${appeal.body.id}/decision`;
    expect(outcome(await ana.client.post(decide, { decision: 'upheld', note: 'Mine' }))).toEqual([403, 'forbidden']);
    expect(outcome(await (await t().person('Outsider')).client.post(decide, { decision: 'upheld', note: 'x' }))).toEqual([403, 'forbidden']);
    expect((await room.host.client.post(decide, { decision: 'maybe', note: 'x' })).status).toBe(422);
    expect((await room.host.client.post(decide, { decision: 'upheld' })).status).toBe(422);
    expect((await room.host.client.post(decide, { decision: 'upheld', note: 'x', extra: 1 })).status).toBe(422);
    expect(outcome(await room.host.client.post(decide, { decision: 'rejected', note: '   ' }))).toEqual([422, 'validation_failed']);
    expect((await ana.client.get('/api/v1/me/moderation?limit=0')).status).toBe(422);
  });

  it('pages through your hidden items, the appeals and the blocks, and refuses forged cursors', async () => {
    const { room, ana, ben, cai, x, y } = await setting();
    const z = await room.contribute(ana, idea('A third one to hide'));
    const comment = (await ana.client.post<Comment>(`/api/v1/contributions/${y.id}/comments`, { body: 'A comment to hide.' })).body;
    for (const [type, id] of [['contributions', x.id], ['comments', comment.id], ['contributions', z.id]] as const) {
      expect((await room.host.client.post(`/api/v1/${type}/${id}/hide`, { reason: `Hidden ${id}` })).status).toBe(200);
      expect((await ana.client.post(`/api/v1/${type}/${id}/appeals`, { text: 'Please.' })).status).toBe(201);
    }
    await room.host.client.post(`/api/v1/orgs/${room.org}/blocks`, { userId: ben.user.id, reason: 'One' });
    await room.host.client.post(`/api/v1/orgs/${room.org}/blocks`, { userId: cai.user.id, reason: 'Two' });
    const walk = async (url: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply<{ items: Record<string, unknown>[]; nextCursor: string | null }> = await (url.includes('/me/') ? ana : room.host).client.get(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i) => JSON.stringify(i.subject ?? i.user)));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen.map((s) => (JSON.parse(s) as { id: string }).id);
    };
    expect(await walk('/api/v1/me/moderation', 2)).toEqual([z.id, comment.id, x.id]);
    expect(await walk(`/api/v1/initiatives/${room.initiative.id}/moderation/appeals`, 2)).toEqual([x.id, comment.id, z.id]);
    expect(await walk(`/api/v1/orgs/${room.org}/blocks`, 1)).toEqual([ben.user.id, cai.user.id]);

    const forged = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
    const badTimes = [{ key: 5, id: 'x' }, { key: '2024-02-30T00:00:00.000Z', id: 'x' }, { key: 'yesterday', id: 'x' }, { key: '2024-01-01T00:00:00.000Z', id: 'a\u0000b' }];
    const badIds = [{ key: 1, id: 'a\u0000b' }, { key: 1, id: 7 }, { key: 1, id: 'x'.repeat(65) }];
    for (const [url, bad] of [
      ['/api/v1/me/moderation', badTimes], [`/api/v1/orgs/${room.org}/blocks`, badTimes],
      [`/api/v1/initiatives/${room.initiative.id}/moderation/flags`, badIds], [`/api/v1/initiatives/${room.initiative.id}/moderation/appeals`, badIds],
    ] as const) {
      for (const cursor of bad) {
        const reply = await (url.includes('/me/') ? ana : room.host).client.get(`${url}?cursor=${forged(cursor)}`);
        expect(outcome(reply), `${url} ${JSON.stringify(cursor)}`).toEqual([422, 'validation_failed']);
      }
    }
  });

  it('appeals on a private initiative are 404 to people who cannot see it', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const x = await room.contribute(ana, idea('Hidden in a private room'));
    await room.host.client.patch(`/api/v1/orgs/${room.org}`, { visibility: 'private' });
    await room.host.client.post(`/api/v1/contributions/${x.id}/hide`, { reason: 'Off topic.' });
    const appeal = await ana.client.post<Appeal>(`/api/v1/contributions/${x.id}/appeals`, { text: 'Please.' });
    const outsider = await t().person('Outsider');
    expect(outcome(await outsider.client.post(`/api/v1/appeals/${appeal.body.id}/decision`, { decision: 'upheld', note: 'x' }))).toEqual([404, 'not_found']);
    expect((await outsider.client.post(`/api/v1/contributions/${x.id}/flags`, { reason: 'spam' })).status).toBe(404);
  });

  it('blocks stop contributing, supporting and commenting; the person keeps membership and content; unblocking restores', async () => {
    const { room, ana, ben, x } = await setting();
    const steward = await t().person('Stella');
    await t().join(room.host, room.org, steward, 'steward', 'employee');
    const blocks = `/api/v1/orgs/${room.org}/blocks`;
    const blocked = await steward.client.post<{ user: { id: string; name: string }; reason: string; blockedBy: { id: string } }>(blocks, { userId: ben.user.id, reason: 'Spammed every thread.' });
    expect(blocked.status).toBe(201);
    expect(blocked.body).toMatchObject({ user: { id: ben.user.id, name: 'Ben' }, reason: 'Spammed every thread.', blockedBy: { id: steward.user.id } });

    expect(outcome(await ben.client.post(`/api/v1/initiatives/${room.initiative.id}/contributions`, idea('One more advert')))).toEqual([403, 'blocked']);
    expect(outcome(await ben.client.post(`/api/v1/contributions/${x.id}/support`))).toEqual([403, 'blocked']);
    expect(outcome(await ben.client.post(`/api/v1/contributions/${x.id}/comments`, { body: 'Buy now' }))).toEqual([403, 'blocked']);
    const participation = await ben.client.get<{ actions: Record<string, { allowed: boolean; code: string | null }> }>(`/api/v1/initiatives/${room.initiative.id}/participation`);
    expect(participation.body.actions.support).toEqual({ allowed: false, code: 'blocked' });
    expect((await ben.client.get(`/api/v1/contributions/${x.id}`)).status).toBe(200);
    expect((await room.host.client.get<{ items: { userId: string }[] }>(`/api/v1/orgs/${room.org}/members?limit=100`)).body.items.map((m) => m.userId)).toContain(ben.user.id);
    expect((await ana.client.post(`/api/v1/contributions/${x.id}/comments`, { body: 'Still open for me.' })).status).toBe(201);
    expect(await events('membership.blocked', ben.user.id)).toEqual([expect.objectContaining({ actorId: steward.user.id, payload: expect.objectContaining({ reason: 'Spammed every thread.' }) })]);

    const list = await room.host.client.get<{ items: { user: { id: string } }[]; nextCursor: string | null }>(blocks);
    expect(list.body.items.map((b) => b.user.id)).toEqual([ben.user.id]);
    expect(outcome(await room.host.client.post(blocks, { userId: ben.user.id, reason: 'Again' }))).toEqual([409, 'already_blocked']);
    expect(outcome(await steward.client.post(blocks, { userId: room.host.user.id, reason: 'Coup' }))).toEqual([409, 'cannot_block_owner']);
    expect(outcome(await steward.client.post(blocks, { userId: steward.user.id, reason: 'Oops' }))).toEqual([409, 'cannot_block_yourself']);
    expect(outcome(await room.host.client.post(blocks, { userId: 'unknown', reason: 'x' }))).toEqual([404, 'not_found']);
    const outsider = await t().person('Outsider');
    expect(outcome(await room.host.client.post(blocks, { userId: outsider.user.id, reason: 'Not a member' }))).toEqual([404, 'not_found']);
    expect(outcome(await ana.client.post(blocks, { userId: ben.user.id, reason: 'x' }))).toEqual([403, 'forbidden']);
    expect(outcome(await ana.client.get(blocks))).toEqual([403, 'forbidden']);
    expect(outcome(await outsider.client.get(blocks))).toEqual([403, 'forbidden']);
    expect(outcome(await ana.client.delete(`${blocks}/${ben.user.id}`))).toEqual([403, 'forbidden']);
    expect(outcome(await t().client().post(blocks, { userId: ben.user.id, reason: 'x' }))).toEqual([401, 'unauthorized']);
    expect((await t().client().get(blocks)).status).toBe(401);
    expect((await room.host.client.post(blocks, { userId: ben.user.id })).status).toBe(422);
    expect(outcome(await room.host.client.post(blocks, { userId: ana.user.id, reason: '  ' }))).toEqual([422, 'validation_failed']);
    expect((await room.host.client.post(blocks, { userId: ana.user.id, reason: 'x', until: 'never' })).status).toBe(422);
    expect((await room.host.client.get('/api/v1/orgs/no-such-org/blocks')).status).toBe(404);

    expect((await room.host.client.delete(`${blocks}/${ben.user.id}`)).status).toBe(204);
    expect(outcome(await room.host.client.delete(`${blocks}/${ben.user.id}`))).toEqual([404, 'not_found']);
    expect((await ben.client.post(`/api/v1/contributions/${x.id}/support`)).status).toBe(200);
    expect((await ben.client.post(`/api/v1/initiatives/${room.initiative.id}/contributions`, idea('A real idea this time'))).status).toBe(201);
  });
}, { rateLimits: { signup: 1000 } });
