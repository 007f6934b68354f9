import { describe, expect, it } from 'vitest';
import { PASSWORD, TestApp, describeEachDatabase, uniqueEmail } from '../support/test-app.js';

describeEachDatabase('API tokens and CSRF', (t) => {
  describe('personal API tokens', () => {
    it('shows the secret once, lists without it, works as Bearer and stops working when revoked', async () => {
      const alice = await t().person('Alice');
      const created = await alice.client.post<{ token: { id: string; prefix: string }; secret: string }>('/api/v1/me/tokens', { name: 'CRM sync', expiresInDays: 30 });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^mbx_/);
      expect(created.body.secret.startsWith(created.body.token.prefix)).toBe(true);

      const list = await alice.client.get<{ items: Record<string, unknown>[] }>('/api/v1/me/tokens');
      expect(list.body.items).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain(created.body.secret);

      const api = t().client();
      api.bearer = created.body.secret;
      const me = await api.get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { id: alice.user.id }, csrfToken: null });
      // Bearer requests carry no ambient authority: writes need no CSRF token and no Origin.
      const write = await api.post('/api/v1/orgs', { name: 'By token', slug: `tok-${Date.now()}`, visibility: 'public' }, { origin: 'https://evil.example' });
      expect(write.status).toBe(201);

      expect((await alice.client.delete(`/api/v1/me/tokens/${created.body.token.id}`)).status).toBe(204);
      const after = await api.get('/api/v1/me');
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ error: { code: 'invalid_token' } });
      expect((await alice.client.delete(`/api/v1/me/tokens/${created.body.token.id}`)).status).toBe(404);
    });

    it('rejects a made-up token and a malformed Authorization header with 401', async () => {
      const api = t().client();
      api.bearer = 'mbx_not-a-real-token';
      expect((await api.get('/api/v1/me')).status).toBe(401);
      const malformed = await t().client().get('/api/v1/me', { authorization: 'Basic abc' });
      expect(malformed.status).toBe(401);
    });

    it('rejects bad token requests', async () => {
      const alice = await t().person('Alice');
      expect((await alice.client.post('/api/v1/me/tokens', {})).status).toBe(422);
      expect((await alice.client.post('/api/v1/me/tokens', { name: 'x', expiresInDays: 0 })).status).toBe(422);
      expect((await alice.client.post('/api/v1/me/tokens', { name: 'x', expiresInDays: '5' })).status).toBe(422);
      expect((await alice.client.post('/api/v1/me/tokens', { name: 'x', scope: 'all' })).status).toBe(422);
      expect((await t().client().post('/api/v1/me/tokens', { name: 'x' })).status).toBe(401);
      expect((await t().client().get('/api/v1/me/tokens')).status).toBe(401);
    });

    it("cannot revoke someone else's token", async () => {
      const alice = await t().person('Alice');
      const bob = await t().person('Bob');
      const created = await alice.client.post<{ token: { id: string } }>('/api/v1/me/tokens', { name: 'mine' });
      expect((await bob.client.delete(`/api/v1/me/tokens/${created.body.token.id}`)).status).toBe(404);
    });
  });

  describe('CSRF protection on cookie-authenticated writes', () => {
    it('refuses a write without the X-CSRF-Token header', async () => {
      const alice = await t().person('Alice');
      alice.client.csrfToken = null;
      const response = await alice.client.patch('/api/v1/me', { name: 'Mallory' });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ error: { code: 'csrf_failed' } });
    });

    it('refuses a write with a wrong token', async () => {
      const alice = await t().person('Alice');
      expect((await alice.client.patch('/api/v1/me', { name: 'M' }, { 'x-csrf-token': 'guess' })).status).toBe(403);
    });

    it('refuses a write from another origin, and one with no origin at all', async () => {
      const alice = await t().person('Alice');
      expect((await alice.client.patch('/api/v1/me', { name: 'M' }, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await alice.client.patch('/api/v1/me', { name: 'M' }, { origin: 'null' })).status).toBe(403);
    });

    it('accepts the Referer when Origin is absent', async () => {
      const alice = await t().person('Alice');
      alice.client.origin = '';
      expect((await alice.client.patch('/api/v1/me', { name: 'Alice R' }, { referer: 'http://moebius.test/account' })).status).toBe(200);
      expect((await alice.client.patch('/api/v1/me', { name: 'Alice R' }, { referer: 'https://evil.example/x' })).status).toBe(403);
      expect((await alice.client.patch('/api/v1/me', { name: 'Alice R' })).status).toBe(403);
    });

    it('refuses a login posted from another site (login CSRF)', async () => {
      const email = uniqueEmail('victim');
      await t().client().post('/api/v1/auth/signup', { email, password: PASSWORD, name: 'Victim' });
      const response = await t().client().post('/api/v1/auth/login', { email, password: PASSWORD }, { origin: 'https://evil.example' });
      expect(response.status).toBe(403);
    });
  });
});

describe('login rate limit', () => {
  it('answers 429 rate_limited after too many attempts from one address', async () => {
    const t = await TestApp.start('sqlite', { rateLimits: { login: 3 } });
    try {
      const client = t.client();
      const body = { email: 'nobody@example.com', password: 'wrong password' };
      for (let i = 0; i < 3; i++) expect((await client.post('/api/v1/auth/login', body)).status).toBe(401);
      const limited = await client.post('/api/v1/auth/login', body);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await t.close();
    }
  });

  it('counts per client behind a trusted proxy (X-Forwarded-For), and per proxy when it is not trusted', async () => {
    const body = { email: 'nobody@example.com', password: 'wrong password' };
    const attempts = async (t: TestApp) => {
      const statuses: number[] = [];
      for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
        for (let i = 0; i < 2; i++) statuses.push((await t.client().post('/api/v1/auth/login', body, { 'x-forwarded-for': client })).status);
      }
      return statuses;
    };
    const trusted = await TestApp.start('sqlite', { rateLimits: { login: 2 } }, { trustProxy: ['127.0.0.1'] });
    const untrusted = await TestApp.start('sqlite', { rateLimits: { login: 2 } });
    try {
      expect(await attempts(trusted)).toEqual([401, 401, 401, 401, 401, 401]);
      expect(await attempts(untrusted)).toEqual([401, 401, 429, 429, 429, 429]);
    } finally {
      await trusted.close();
      await untrusted.close();
    }
  });
});
