import { expect, it } from 'vitest';
import { experience, openRoom } from '../support/contributions.js';
import { describeEachDatabase } from '../support/test-app.js';

interface Comment { id: string; parentId: string | null; body: string; bodyHtml: string; revision: number; edited: boolean; me: { isAuthor: boolean; canEdit: boolean } }
interface Threads { items: (Comment & { replies: Comment[] })[]; nextCursor: string | null }

describeEachDatabase('comments', (t) => {
  async function setting() {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const ben = await room.participant('Ben');
    const c = await room.contribute(ana, experience('The hood fills with water'));
    return { room, ana, ben, c };
  }

  it('threads two levels deep, counts comments, and keeps every edit', async () => {
    const { ana, ben, c } = await setting();
    const first = await ben.client.post<Comment>(`/api/v1/contributions/${c.id}/comments`, { body: 'Same here, **every** time.' });
    expect(first.status).toBe(201);
    expect(first.body.bodyHtml).toContain('<strong>every</strong>');
    const reply = await ana.client.post<Comment>(`/api/v1/contributions/${c.id}/comments`, { body: 'Which model?', parentId: first.body.id });
    expect(reply.status).toBe(201);
    const tooDeep = await ben.client.post(`/api/v1/contributions/${c.id}/comments`, { body: 'The 2024 one.', parentId: reply.body.id });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.body).toMatchObject({ error: { details: [{ path: '/parentId', code: 'too_deep' }] } });

    const threads = await ana.client.get<Threads>(`/api/v1/contributions/${c.id}/comments`);
    expect(threads.body.items.map((i) => [i.id, i.replies.map((r) => r.id)])).toEqual([[first.body.id, [reply.body.id]]]);
    expect((await ana.client.get<{ commentCount: number }>(`/api/v1/contributions/${c.id}`)).body.commentCount).toBe(2);

    const edited = await ben.client.patch<Comment>(`/api/v1/comments/${first.body.id}`, { body: 'Same here, most times.' });
    expect(edited.body).toMatchObject({ revision: 2, edited: true, body: 'Same here, most times.' });
    const history = await ana.client.get<{ items: { revision: number; body: string }[] }>(`/api/v1/comments/${first.body.id}/revisions`);
    expect(history.body.items.map((r) => [r.revision, r.body])).toEqual([[1, 'Same here, **every** time.'], [2, 'Same here, most times.']]);
  });

  it('refuses bad input and the wrong people', async () => {
    const { room, ana, ben, c } = await setting();
    const url = `/api/v1/contributions/${c.id}/comments`;
    expect((await t().client().post(url, { body: 'Hi' })).status).toBe(401);
    expect((await ben.client.post(url, { body: '   ' })).status).toBe(422);
    expect((await ben.client.post(url, { body: '' })).status).toBe(422);
    expect((await ben.client.post(url, { body: 'x'.repeat(10_001) })).status).toBe(422);
    expect((await ben.client.post(url, { body: 'Hi', extra: 1 })).status).toBe(422);
    expect((await ben.client.post(url, { body: 'Hi', parentId: 'nope' })).status).toBe(422);
    expect((await ben.client.post('/api/v1/contributions/unknown/comments', { body: 'Hi' })).status).toBe(404);
    const outsider = await t().person('Outsider');
    const refused = await outsider.client.post(url, { body: 'Hi' });
    expect([refused.status, (refused.body as { error: { code: string } }).error.code]).toEqual([403, 'not_a_participant']);
    const newcomer = await t().person('Newcomer');
    await t().join(room.host, room.org, newcomer, 'member', 'customer');
    const unaccepted = await newcomer.client.post(url, { body: 'Hi' });
    expect([unaccepted.status, (unaccepted.body as { error: { code: string } }).error.code]).toEqual([409, 'terms_not_accepted']);
    const mine = await ana.client.post<Comment>(url, { body: 'Mine' });
    expect((await ben.client.patch(`/api/v1/comments/${mine.body.id}`, { body: 'Not yours' })).status).toBe(403);
    expect((await ana.client.patch(`/api/v1/comments/${mine.body.id}`, { body: '' })).status).toBe(422);
    expect((await ana.client.patch('/api/v1/comments/unknown', { body: 'x' })).status).toBe(404);
    expect((await ana.client.get('/api/v1/comments/unknown/revisions')).status).toBe(404);
  });
});
