import { expect, it } from 'vitest';
import type { Reply } from '../support/client.js';
import { idea, openRoom } from '../support/contributions.js';
import { describeEachDatabase, PASSWORD } from '../support/test-app.js';

const outcome = (r: Reply) => [r.status, (r.body as { error?: { code?: string } }).error?.code];
const CONFIRM = 'erase my account';

describeEachDatabase('account erasure', (t) => {
  async function setting() {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const ben = await room.participant('Ben');
    const x = await room.contribute(ana, idea('Seams taped from the inside'));
    const comment = await ana.client.post<{ id: string }>(`/api/v1/contributions/${x.id}/comments`, { body: 'And glued, too.' });
    expect(comment.status).toBe(201);
    expect((await ben.client.post(`/api/v1/contributions/${x.id}/support`)).status).toBe(200);
    return { room, ana, ben, x, commentId: comment.body.id };
  }

  it('anonymises the account, signs it out everywhere and keeps what it wrote, shown as "Former participant"', async () => {
    const { room, ana, ben, x, commentId } = await setting();
    const token = await ana.client.post<{ secret: string }>('/api/v1/me/tokens', { name: 'script' });
    const api = t().client();
    api.bearer = token.body.secret;
    expect((await api.get('/api/v1/me')).status).toBe(200);

    expect((await ana.client.post('/api/v1/me/erasure', { password: PASSWORD, confirm: CONFIRM })).status).toBe(204);
    expect(outcome(await ana.client.get('/api/v1/me'))).toEqual([401, 'unauthorized']);
    expect(outcome(await api.get('/api/v1/me'))).toEqual([401, 'invalid_token']);
    expect(outcome(await t().client().post('/api/v1/auth/login', { email: ana.user.email, password: PASSWORD }))).toEqual([401, 'invalid_credentials']);
    expect(outcome(await t().client().post('/api/v1/auth/login', { email: `erased-${ana.user.id}@erased.invalid`, password: PASSWORD }))).toEqual([401, 'invalid_credentials']);

    const page = await ben.client.get<{ title: string; body: string; author: { id: string; name: string }; supportCount: number }>(`/api/v1/contributions/${x.id}`);
    expect(page.body).toMatchObject({ title: x.title, body: x.body, author: { id: ana.user.id, name: 'Former participant' }, supportCount: 1 });
    const threads = await ben.client.get<{ items: { id: string; body: string; author: { name: string } }[] }>(`/api/v1/contributions/${x.id}/comments`);
    expect(threads.body.items.map((c) => [c.id, c.body, c.author.name])).toEqual([[commentId, 'And glued, too.', 'Former participant']]);
    const members = await room.host.client.get<{ items: { userId: string; name: string; email: string | null }[] }>(`/api/v1/orgs/${room.org}/members?limit=100`);
    expect(members.body.items.find((m) => m.userId === ana.user.id)).toMatchObject({ name: 'Former participant', email: `erased-${ana.user.id}@erased.invalid` });

    const row = await t().db.selectFrom('users').select(['name', 'email', 'erasedAt']).where('id', '=', ana.user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Former participant', email: `erased-${ana.user.id}@erased.invalid`, erasedAt: expect.any(String) });
    expect(await t().db.selectFrom('sessions').select('id').where('userId', '=', ana.user.id).execute()).toEqual([]);
    expect(await t().db.selectFrom('apiTokens').select('revokedAt').where('userId', '=', ana.user.id).execute()).toEqual([{ revokedAt: expect.any(String) }]);
    expect(await t().db.selectFrom('contributions').select('id').where('authorId', '=', ana.user.id).execute()).toEqual([{ id: x.id }]);
    expect(await t().db.selectFrom('invitations').select('id').where('email', '=', ana.user.email).execute()).toEqual([]);
    const events = await t().db.selectFrom('events').select(['type', 'payload']).execute();
    expect(events.some((e) => e.type === 'invitation.created')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(ana.user.email);
    expect(events.filter((e) => e.type === 'user.erased')).toHaveLength(1);

    const again = await t().client().post<{ user: { id: string } }>('/api/v1/auth/signup', { email: ana.user.email, password: PASSWORD, name: 'Ana again' });
    expect(again.status).toBe(201);
    expect(again.body.user.id).not.toBe(ana.user.id);
  });

  it('refuses a wrong password, a missing confirmation and strangers, and erases nothing then', async () => {
    const { ana } = await setting();
    const url = '/api/v1/me/erasure';
    expect(outcome(await t().client().post(url, { password: PASSWORD, confirm: CONFIRM }))).toEqual([401, 'unauthorized']);
    expect(outcome(await ana.client.post(url, { password: 'not my password', confirm: CONFIRM }))).toEqual([403, 'wrong_password']);
    expect(outcome(await ana.client.post(url, { password: PASSWORD, confirm: 'yes' }))).toEqual([422, 'validation_failed']);
    expect(outcome(await ana.client.post(url, { password: PASSWORD }))).toEqual([422, 'validation_failed']);
    expect(outcome(await ana.client.post(url, { confirm: CONFIRM }))).toEqual([422, 'validation_failed']);
    expect(outcome(await ana.client.post(url, { password: PASSWORD, confirm: CONFIRM, keepName: true }))).toEqual([422, 'validation_failed']);
    const me = await ana.client.get<{ user: { name: string } }>('/api/v1/me');
    expect([me.status, me.body.user.name]).toEqual([200, 'Ana']);
  });

  it('keeps an organisation with members from losing its last owner who can sign in', async () => {
    const { room } = await setting();
    const refused = await room.host.client.post<{ error: { details: { message: string }[] } }>('/api/v1/me/erasure', { password: PASSWORD, confirm: CONFIRM });
    expect(outcome(refused)).toEqual([409, 'last_owner']);
    expect(refused.body.error.details.map((d) => d.message)).toEqual([room.org]);
    const stella = await t().person('Stella');
    await t().join(room.host, room.org, stella, 'owner', 'employee');
    expect((await room.host.client.post('/api/v1/me/erasure', { password: PASSWORD, confirm: CONFIRM })).status).toBe(204);

    const solo = await t().person('Solo');
    await t().org(solo);
    expect((await solo.client.post('/api/v1/me/erasure', { password: PASSWORD, confirm: CONFIRM })).status).toBe(204);
  });
}, { rateLimits: { signup: 1000 } });
