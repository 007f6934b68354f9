import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/lib/clock.js';
import { SmtpMailer } from '../../src/server/lib/mailer.js';
import { readMail, startSmtpServer } from '../support/smtp.js';
import { PASSWORD, TestApp, describeEachDatabase, uniqueEmail, type Person } from '../support/test-app.js';

interface Created { invitation: { id: string; status: string; email: string }; acceptUrl: string }
const tokenOf = (created: Created) => created.acceptUrl.split('/').pop() ?? '';

describeEachDatabase('invitations', (t) => {
  async function invite(owner: Person, slug: string, body: Record<string, unknown>) {
    return owner.client.post<Created>(`/api/v1/orgs/${slug}/invitations`, body);
  }

  it('invites by e-mail link: the mail holds the link, the preview shows the offer', async () => {
    const alice = await t().person('Alice');
    const slug = await t().org(alice);
    const email = uniqueEmail('newcomer');
    const created = await invite(alice, slug, { email: email.toUpperCase(), kind: 'customer', role: 'member', message: 'Join us!' });
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({ email, status: 'pending' });
    expect(created.body.acceptUrl).toMatch(/^http:\/\/moebius\.test\/invitations\/[\w-]{40,}$/);
    const mails = await Promise.all(t().mails().map(readMail));
    const mail = mails.find((m) => m.to === email);
    expect(mail?.subject).toMatch(/^Alice invited you to Org \d+ on Moebius$/);
    expect(mail?.text).toContain(created.body.acceptUrl);
    expect(mail?.text).toContain('Join us!');

    const preview = await t().client().get(`/api/v1/invitations/${tokenOf(created.body)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ org: { slug }, email, kind: 'customer', role: 'member', status: 'pending', invitedBy: 'Alice', accountExists: false });
  });

  it('a new person accepts by creating an account for the invited e-mail, and is signed in', async () => {
    const alice = await t().person('Alice');
    const slug = await t().org(alice, 'private');
    const email = uniqueEmail('bob');
    const created = await invite(alice, slug, { email, kind: 'supplier', role: 'member' });
    const bob = t().client();
    const accepted = await bob.post(`/api/v1/invitations/${tokenOf(created.body)}/accept`, { name: 'Bob', password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ org: { slug, me: { role: 'member', kind: 'supplier' } }, user: { email, name: 'Bob' }, csrfToken: expect.any(String) });
    expect((await bob.get(`/api/v1/orgs/${slug}`)).status).toBe(200);
    expect((await bob.get('/api/v1/me')).body).toMatchObject({ user: { email } });
  });

  it('an existing account accepts while signed in, with an empty body', async () => {
    const alice = await t().person('Alice');
    const bob = await t().person('Bob');
    const slug = await t().org(alice);
    const created = await invite(alice, slug, { email: bob.user.email, kind: 'partner', role: 'observer' });
    expect((await t().client().get(`/api/v1/invitations/${tokenOf(created.body)}`)).body).toMatchObject({ accountExists: true });
    const accepted = await bob.client.post(`/api/v1/invitations/${tokenOf(created.body)}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ org: { me: { role: 'observer', kind: 'partner' } }, user: { id: bob.user.id } });
    const again = await bob.client.post(`/api/v1/invitations/${tokenOf(created.body)}/accept`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'invitation_accepted' } });
  });

  it('explains what is missing when accepting without a session or account details', async () => {
    const alice = await t().person('Alice');
    const bob = await t().person('Bob');
    const slug = await t().org(alice);
    const token = tokenOf((await invite(alice, slug, { email: uniqueEmail('x'), kind: 'customer', role: 'member' })).body);
    expect((await t().client().post(`/api/v1/invitations/${token}/accept`)).status).toBe(401);
    expect((await t().client().post(`/api/v1/invitations/${token}/accept`, { name: 'X' })).status).toBe(422);
    expect((await t().client().post(`/api/v1/invitations/${token}/accept`, { name: 'X', password: 'short' })).status).toBe(422);
    expect((await bob.client.post(`/api/v1/invitations/${token}/accept`, { name: 'X', password: PASSWORD })).status).toBe(422);
    // An e-mail that has an account must log in to accept.
    const taken = tokenOf((await invite(alice, slug, { email: bob.user.email, kind: 'customer', role: 'member' })).body);
    const conflict = await t().client().post(`/api/v1/invitations/${taken}/accept`, { name: 'Bob', password: PASSWORD });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ error: { code: 'email_taken' } });
  });

  it('answers 404 to an unknown token', async () => {
    const bob = await t().person('Bob');
    const response = await bob.client.post('/api/v1/invitations/not-a-token/accept');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'invitation_not_found' } });
    expect((await t().client().get('/api/v1/invitations/not-a-token')).status).toBe(404);
  });

  it('revokes: the link stops working; revoking twice is 409', async () => {
    const alice = await t().person('Alice');
    const bob = await t().person('Bob');
    const slug = await t().org(alice);
    const created = await invite(alice, slug, { email: bob.user.email, kind: 'customer', role: 'member' });
    expect((await alice.client.delete(`/api/v1/orgs/${slug}/invitations/${created.body.invitation.id}`)).status).toBe(204);
    const accept = await bob.client.post(`/api/v1/invitations/${tokenOf(created.body)}/accept`);
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ error: { code: 'invitation_revoked' } });
    expect((await alice.client.delete(`/api/v1/orgs/${slug}/invitations/${created.body.invitation.id}`)).status).toBe(409);
    expect((await alice.client.delete(`/api/v1/orgs/${slug}/invitations/nope`)).status).toBe(404);
  });

  it('replaces an open invitation to the same e-mail and refuses to invite a member', async () => {
    const alice = await t().person('Alice');
    const bob = await t().person('Bob');
    const slug = await t().org(alice);
    const first = await invite(alice, slug, { email: bob.user.email, kind: 'customer', role: 'member' });
    const second = await invite(alice, slug, { email: bob.user.email, kind: 'customer', role: 'observer' });
    expect((await bob.client.post(`/api/v1/invitations/${tokenOf(first.body)}/accept`)).status).toBe(409);
    expect((await bob.client.post(`/api/v1/invitations/${tokenOf(second.body)}/accept`)).status).toBe(200);
    const list = await alice.client.get<{ items: { status: string }[] }>(`/api/v1/orgs/${slug}/invitations`);
    expect(list.body.items.map((i) => i.status)).toEqual(['accepted', 'revoked']);
    const member = await invite(alice, slug, { email: bob.user.email, kind: 'customer', role: 'member' });
    expect(member.status).toBe(409);
    expect(member.body).toMatchObject({ error: { code: 'already_member', details: [{ path: '/email' }] } });
  });

  it('lets stewards invite members and observers only; members cannot invite or list', async () => {
    const alice = await t().person('Alice');
    const steward = await t().person('Steward');
    const member = await t().person('Member');
    const slug = await t().org(alice);
    await t().join(alice, slug, steward, 'steward');
    await t().join(alice, slug, member, 'member');
    expect((await invite(steward, slug, { email: uniqueEmail('a'), kind: 'customer', role: 'member' })).status).toBe(201);
    expect((await invite(steward, slug, { email: uniqueEmail('b'), kind: 'customer', role: 'observer' })).status).toBe(201);
    expect((await invite(steward, slug, { email: uniqueEmail('c'), kind: 'customer', role: 'steward' })).status).toBe(403);
    expect((await invite(steward, slug, { email: uniqueEmail('d'), kind: 'customer', role: 'owner' })).status).toBe(403);
    expect((await invite(member, slug, { email: uniqueEmail('e'), kind: 'customer', role: 'observer' })).status).toBe(403);
    expect((await member.client.get(`/api/v1/orgs/${slug}/invitations`)).status).toBe(403);
    expect((await steward.client.get(`/api/v1/orgs/${slug}/invitations`)).status).toBe(200);
  });

  it.each([
    [{ kind: 'customer', role: 'member' }, '/email'],
    [{ email: 'nope', kind: 'customer', role: 'member' }, '/email'],
    [{ email: 'a@b.co', kind: 'martian', role: 'member' }, '/kind'],
    [{ email: 'a@b.co', kind: 'customer', role: 'emperor' }, '/role'],
    [{ email: 'a@b.co', kind: 'customer' }, '/role'],
    [{ email: 'a@b.co', kind: 'customer', role: 'member', message: 'm'.repeat(1001) }, '/message'],
    [{ email: 'a@b.co', kind: 'customer', role: 'member', expires: 3 }, '/expires'],
  ])('rejects %j naming %s', async (body, path) => {
    const alice = await t().person('Alice');
    const slug = await t().org(alice);
    const response = await alice.client.post(`/api/v1/orgs/${slug}/invitations`, body);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ details: expect.arrayContaining([expect.objectContaining({ path })]) });
  });
});

describe('invitation expiry and SMTP', () => {
  it('an invitation expires after 14 days', async () => {
    const clock = new ManualClock('2026-03-01T09:00:00.000Z');
    const t = await TestApp.start('sqlite', { clock });
    try {
      const alice = await t.person('Alice');
      const slug = await t.org(alice);
      const created = await alice.client.post<Created>(`/api/v1/orgs/${slug}/invitations`, { email: uniqueEmail('late'), kind: 'customer', role: 'member' });
      clock.advance(14 * 86_400_000 + 1000);
      expect((await t.client().get(`/api/v1/invitations/${tokenOf(created.body)}`)).body).toMatchObject({ status: 'expired' });
      const response = await t.client().post(`/api/v1/invitations/${tokenOf(created.body)}/accept`, { name: 'Late', password: PASSWORD });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: { code: 'invitation_expired' } });
    } finally {
      await t.close();
    }
  });

  it('sends the invitation through a real SMTP server when MOEBIUS_SMTP_URL is set', async () => {
    const smtp = await startSmtpServer();
    const t = await TestApp.start('sqlite', { mailer: new SmtpMailer(smtp.url) });
    try {
      const alice = await t.person('Alice');
      const slug = await t.org(alice);
      const email = uniqueEmail('smtp');
      const created = await alice.client.post<Created>(`/api/v1/orgs/${slug}/invitations`, { email, kind: 'community', role: 'member' });
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]?.to).toEqual([email]);
      const mail = await readMail(smtp.mails[0]?.raw ?? '');
      expect(mail.text).toContain(created.body.acceptUrl);
      expect(mail.subject).toMatch(/^Alice invited you to Org \d+ on Moebius$/);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
