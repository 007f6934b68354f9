import { describe, expect, it } from 'vitest';
import { deleteExpiredSessions } from '../../src/server/modules/accounts/repository.js';
import { PASSWORD, describeEachDatabase, uniqueEmail } from '../support/test-app.js';

describeEachDatabase('accounts', (t) => {
  describe('sign-up', () => {
    it('creates the account, signs in with an HTTP-only SameSite cookie and returns a CSRF token', async () => {
      const client = t().client();
      const email = uniqueEmail('Alice');
      const response = await client.post('/api/v1/auth/signup', { email: email.toUpperCase(), password: PASSWORD, name: ' Alice ' });
      expect(response.status).toBe(201);
      expect(response.body.user).toMatchObject({ email, name: 'Alice' });
      expect(response.body.csrfToken).toEqual(expect.any(String));
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(/moebius_session=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const me = await client.get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { email }, csrfToken: response.body.csrfToken });
    });

    it('stores an argon2id hash, never the password', async () => {
      const email = uniqueEmail('Hash');
      await t().client().post('/api/v1/auth/signup', { email, password: PASSWORD, name: 'Hash' });
      const row = await t().db.selectFrom('users').select('passwordHash').where('email', '=', email).executeTakeFirstOrThrow();
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(PASSWORD);
    });

    it('refuses an e-mail that already has an account with 409 email_taken', async () => {
      const email = uniqueEmail('Twice');
      await t().client().post('/api/v1/auth/signup', { email, password: PASSWORD, name: 'One' });
      const again = await t().client().post('/api/v1/auth/signup', { email: ` ${email.toUpperCase()}`.trim(), password: PASSWORD, name: 'Two' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: { code: 'email_taken' } });
    });

    it.each([
      [{ password: PASSWORD, name: 'X' }, '/email', 'required'],
      [{ email: 'not-an-email', password: PASSWORD, name: 'X' }, '/email', 'format'],
      [{ email: `${'a'.repeat(250)}@x.io`, password: PASSWORD, name: 'X' }, '/email', 'maxLength'],
      [{ email: 5, password: PASSWORD, name: 'X' }, '/email', 'type'],
      [{ email: 'a@b.co', password: 'short', name: 'X' }, '/password', 'minLength'],
      [{ email: 'a@b.co', password: 'p'.repeat(201), name: 'X' }, '/password', 'maxLength'],
      [{ email: 'a@b.co', name: 'X' }, '/password', 'required'],
      [{ email: 'a@b.co', password: PASSWORD, name: '' }, '/name', 'minLength'],
      [{ email: 'a@b.co', password: PASSWORD, name: '   ' }, '/name', 'pattern'],
      [{ email: 'a@b.co', password: PASSWORD, name: 'n'.repeat(101) }, '/name', 'maxLength'],
      [{ email: 'a@b.co', password: PASSWORD, name: 'X', admin: true }, '/admin', 'unknown_field'],
    ])('rejects %j with 422 naming %s', async (body, path, code) => {
      const response = await t().client().post('/api/v1/auth/signup', body);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { code: 'validation_failed' } });
      expect(response.body.error).toMatchObject({ details: expect.arrayContaining([expect.objectContaining({ path, code })]) });
    });

    it('refuses text with the NUL character, naming the field (PostgreSQL cannot store it)', async () => {
      const response = await t().client().post('/api/v1/auth/signup', { email: 'a@b.co', password: PASSWORD, name: 'A\u0000B' });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ details: [{ path: '/name', code: 'nul_character' }] });
    });

    it('answers 400 to malformed JSON, 415 to other media types and 413 to huge bodies', async () => {
      const client = t().client();
      const malformed = await client.post('/api/v1/auth/signup', '{"email": ', { 'content-type': 'application/json' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ error: { code: 'malformed_json' } });
      const text = await client.post('/api/v1/auth/signup', 'hello', { 'content-type': 'text/plain' });
      expect(text.status).toBe(415);
      expect(text.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
      const huge = await client.post('/api/v1/auth/signup', { email: 'a@b.co', password: PASSWORD, name: 'x'.repeat(2_000_000) });
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ error: { code: 'body_too_large' } });
    });
  });

  describe('login and logout', () => {
    it('logs in, and gives the same answer for a wrong password and an unknown e-mail', async () => {
      const email = uniqueEmail('Login');
      await t().client().post('/api/v1/auth/signup', { email, password: PASSWORD, name: 'Login' });
      const ok = await t().client().post('/api/v1/auth/login', { email, password: PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ user: { email } });
      const wrong = await t().client().post('/api/v1/auth/login', { email, password: 'wrong password!' });
      const unknown = await t().client().post('/api/v1/auth/login', { email: uniqueEmail('nobody'), password: 'wrong password!' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    });

    it('rejects bad login bodies with 422', async () => {
      expect((await t().client().post('/api/v1/auth/login', { email: 'a@b.co' })).status).toBe(422);
      expect((await t().client().post('/api/v1/auth/login', { email: 'a@b.co', password: 'x', remember: true })).status).toBe(422);
      expect((await t().client().post('/api/v1/auth/login', [])).status).toBe(422);
    });

    it('logs out: the session no longer works', async () => {
      const alice = await t().person('Alice');
      const cookie = alice.client.cookie;
      expect((await alice.client.post('/api/v1/auth/logout')).status).toBe(204);
      expect(alice.client.cookie).toBeNull();
      alice.client.cookie = cookie;
      expect((await alice.client.get('/api/v1/me')).status).toBe(401);
    });

    it('answers 401 to /me without a session', async () => {
      const response = await t().client().get('/api/v1/me');
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
    });
  });

  describe('profile and password', () => {
    it('changes the name', async () => {
      const alice = await t().person('Alice');
      const response = await alice.client.patch('/api/v1/me', { name: 'Alice Liddell' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Alice Liddell' });
      expect((await alice.client.patch('/api/v1/me', { name: '' })).status).toBe(422);
      expect((await alice.client.patch('/api/v1/me', { email: 'x@y.z' })).status).toBe(422);
    });

    it('changes the password, signs out other sessions and keeps this one', async () => {
      const alice = await t().person('Alice');
      const other = t().client();
      await other.post('/api/v1/auth/login', { email: alice.user.email, password: PASSWORD });
      expect((await other.get('/api/v1/me')).status).toBe(200);

      const wrong = await alice.client.post('/api/v1/me/password', { currentPassword: 'not it at all', newPassword: 'a new long password' });
      expect(wrong.status).toBe(403);
      expect(wrong.body).toMatchObject({ error: { code: 'wrong_password' } });
      const weak = await alice.client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
      expect(weak.status).toBe(422);

      const changed = await alice.client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a new long password' });
      expect(changed.status).toBe(204);
      expect((await alice.client.get('/api/v1/me')).status).toBe(200);
      expect((await other.get('/api/v1/me')).status).toBe(401);
      expect((await t().client().post('/api/v1/auth/login', { email: alice.user.email, password: PASSWORD })).status).toBe(401);
      expect((await t().client().post('/api/v1/auth/login', { email: alice.user.email, password: 'a new long password' })).status).toBe(200);
    });
  });

  it('deletes expired sessions (the worker, hourly) and keeps the others signed in', async () => {
    const [gone, kept] = [await t().person('Gone'), await t().person('Kept')];
    await t().db.updateTable('sessions').set({ expiresAt: '2020-01-01T00:00:00.000Z' }).where('userId', '=', gone.user.id).execute();
    expect(await deleteExpiredSessions(t().db, new Date().toISOString())).toBe(1);
    expect(await t().db.selectFrom('sessions').select('userId').where('userId', 'in', [gone.user.id, kept.user.id]).execute()).toEqual([{ userId: kept.user.id }]);
    expect((await kept.client.get('/api/v1/me')).status).toBe(200);
    expect((await gone.client.get('/api/v1/me')).status).toBe(401);
    // Nothing expired: nothing written (an idle worker must not empty the read cache).
    expect(await deleteExpiredSessions(t().db, new Date().toISOString())).toBe(0);
  });
});
