import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { parseJson } from '../../src/server/db/database.js';
import { ManualClock } from '../../src/server/lib/clock.js';
import { newId } from '../../src/server/lib/ids.js';
import { SmtpMailer, type Mailer, type OutgoingMail } from '../../src/server/lib/mailer.js';
import { CATALOGUE, NOTIFICATION_TYPES } from '../../src/server/modules/notifications/catalogue.js';
import { FANOUT_JOB, MAIL_JOB } from '../../src/server/modules/notifications/consumer.js';
import { WHO_HEARS } from '../../src/server/modules/notifications/recipients.js';
import { signUnsubscribe } from '../../src/server/modules/notifications/unsubscribe.js';
import { alertOverdue } from '../../src/server/modules/responses/overdue.js';
import { defaultTerms } from '../../src/server/modules/terms/rules.js';
import { idea, openRoom, type Room } from '../support/contributions.js';
import { dialects } from '../support/databases.js';
import { startSmtpServer } from '../support/smtp.js';
import { describeEachDatabase, TestApp, type Person } from '../support/test-app.js';

interface Item { id: string; type: string; read: boolean; eventId: number; subjectId: string; actor: { id: string; name: string } | null; data: { title: string; initiativeTitle: string; excerpt: string; link: string; status?: string } }
interface InboxBody { items: Item[]; nextCursor: string | null; unreadCount: number }
interface Prefs { preferences: { type: string; mode: string; default: string; description: string }[] }

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let smtpMailer: SmtpMailer;
/** Every mail the app sends; forwarded to the real SMTP server unless a test turns that off (bulk digests). */
const sent: OutgoingMail[] = [];
let forward = true;
const mailer: Mailer = {
  async send(mail) {
    sent.push(mail);
    if (forward) await smtpMailer.send(mail);
  },
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  smtpMailer = new SmtpMailer(smtp.url);
});
afterAll(async () => smtp.close());

/** The mails the SMTP server received for one address, parsed. */
const received = async (email: string): Promise<ParsedMail[]> => {
  const all = await Promise.all(smtp.mails.filter((m) => m.to.includes(email)).map((m) => simpleParser(m.raw)));
  // Invitations (sent when people join in the tests) are not notifications; these carry ids made from dedupe keys.
  return all.filter((m) => /^<(mail|digest)\./.test(m.messageId ?? ''));
};
const header = (mail: ParsedMail, name: string): string => (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]+:\s*/, '');

const clock = new ManualClock('2026-11-23T10:00:00.000Z');

it('has one clear rule for every notification type', () => {
  expect(Object.keys(WHO_HEARS).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  expect(Object.keys(CATALOGUE).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  expect(WHO_HEARS['contribution.responded'].audiences).toEqual(['contribution.authors', 'contribution.supporters', 'contribution.followers']);
  expect(WHO_HEARS['update.published'].audiences).toEqual(['initiative.followers', 'linked.authors', 'linked.supporters']);
  expect(WHO_HEARS['comment.created'].audiences).toEqual(['contribution.authors', 'contribution.followers', 'comment.parent_author']);
  expect(WHO_HEARS['contribution.created'].audiences).toEqual(['initiative.followers']);
  expect(WHO_HEARS['contribution.overdue'].audiences).toEqual(['payload.stewards']);
  expect(WHO_HEARS['terms.amended'].audiences).toEqual(['terms.earlier_acceptors']);
  expect(WHO_HEARS['contribution.coauthor_invited'].audiences).toEqual(['payload.invitee']);
  expect(CATALOGUE['comment.created'].defaultMode).toBe('daily');
  expect(CATALOGUE['contribution.supported'].defaultMode).toBe('off');
  expect(CATALOGUE['contribution.responded'].defaultMode).toBe('immediately');
});

describeEachDatabase('notifications', (t) => {
  const deliver = () => t().services.dispatch.worker.drain();
  const inbox = async (p: Person, query = '') => {
    const reply = await p.client.get<InboxBody>(`/api/v1/me/notifications${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const typesOf = async (p: Person) => (await inbox(p)).items.map((i) => i.type).sort();
  const lastEventId = async (type: string) => Number((await t().db.selectFrom('events').select('id').where('type', '=', type).orderBy('id', 'desc').executeTakeFirstOrThrow()).id);

  it('the whole loop: a response reaches authors, supporters and followers in the inbox and by e-mail over SMTP, once', async () => {
    const room = await openRoom(t());
    const [ana, ben, cat, eve] = [await room.participant('Ana'), await room.participant('Ben'), await room.participant('Cat'), await room.participant('Eve')];
    const c = await room.contribute(ana, idea('Seal the seams with tape'));
    expect((await ben.client.post(`/api/v1/contributions/${c.id}/support`)).status).toBe(200);
    expect((await eve.client.post(`/api/v1/contributions/${c.id}/support`)).status).toBe(200);
    expect((await cat.client.post(`/api/v1/contributions/${c.id}/follow`)).status).toBe(200);
    expect((await room.host.client.post(`/api/v1/orgs/${room.org}/blocks`, { userId: eve.user.id, reason: 'Spam in another initiative' })).status).toBe(201);
    const responded = await room.host.client.post(`/api/v1/contributions/${c.id}/responses`, { status: 'accepted', text: 'We will **tape** every seam from March.' });
    expect(responded.status).toBe(201);
    await deliver();
    const eventId = await lastEventId('contribution.responded');

    expect(await typesOf(ana)).toEqual(['contribution.responded', 'contribution.supported', 'contribution.supported']);
    expect(await typesOf(ben)).toEqual(['contribution.responded']);
    expect(await typesOf(cat)).toEqual(['contribution.responded']);
    expect(await typesOf(eve)).toEqual([]); // blocked
    expect(await typesOf(room.host)).toEqual([]); // the actor
    const item = (await inbox(ben)).items[0]!;
    expect(item).toMatchObject({ read: false, eventId, subjectId: c.id, actor: { id: room.host.user.id }, data: { title: 'Seal the seams with tape', initiativeTitle: 'Rain jackets that last', excerpt: 'We will tape every seam from March.', link: `/contributions/${c.id}`, status: 'accepted' } });

    // Immediate mails, only for responses (supports are off by default), through a real SMTP server.
    for (const person of [ana, ben, cat]) expect(await received(person.user.email)).toHaveLength(1);
    expect(await received(eve.user.email)).toHaveLength(0);
    const [mail] = await received(ana.user.email);
    expect(mail!.subject).toBe('Host responded to "Seal the seams with tape": accepted');
    expect(mail!.text).toContain('Hello Ana,');
    expect(mail!.text).toContain('We will tape every seam from March.');
    expect(mail!.text).toContain(`http://moebius.test/contributions/${c.id}`);
    expect(mail!.html).toContain(`href="http://moebius.test/contributions/${c.id}"`);
    expect(mail!.messageId).toBe(`<mail.${ana.user.id}.${eventId}@moebius.test>`);
    expect(header(mail!, 'list-unsubscribe')).toMatch(/^<http:\/\/moebius\.test\/api\/v1\/unsubscribe\?token=[\w.-]+>$/);
    expect(header(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const delivery = await t().db.selectFrom('mailDeliveries').selectAll().where('dedupeKey', '=', `mail:${ana.user.id}:${eventId}`).executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ userId: ana.user.id, kind: 'contribution.responded' });
    const row = await t().db.selectFrom('notifications').selectAll().where('userId', '=', ana.user.id).where('eventId', '=', eventId).executeTakeFirstOrThrow();
    expect(row.emailedAt).not.toBeNull();

    // Nothing is sent twice: another pass, and the job run again by hand.
    await deliver();
    await t().services.notifications.delivery.immediate({ userId: ana.user.id, eventId });
    expect(await received(ana.user.email)).toHaveLength(1);

    // Opening the link changes nothing (mail scanners open links); confirming, no login, turns
    // the type off for Ana; the next response reaches her inbox only.
    const link = header(mail!, 'list-unsubscribe').slice(1, -1).replace('http://moebius.test', '');
    const anonymous = t().client();
    const opened = await anonymous.get<{ unsubscribed: string[]; confirm: boolean; message: string }>(link);
    expect([opened.status, opened.body.unsubscribed, opened.body.confirm]).toEqual([200, [], true]);
    const untouched = await ana.client.get<Prefs>('/api/v1/me/notification-preferences');
    expect(untouched.body.preferences.find((p) => p.type === 'contribution.responded')).toMatchObject({ mode: 'immediately' });
    const clicked = await anonymous.request<{ unsubscribed: string[]; confirm: boolean }>('POST', link, '', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(clicked.status).toBe(200);
    expect([clicked.body.unsubscribed, clicked.body.confirm]).toEqual([['contribution.responded'], false]);
    const prefs = await ana.client.get<Prefs>('/api/v1/me/notification-preferences');
    expect(prefs.body.preferences.find((p) => p.type === 'contribution.responded')).toMatchObject({ mode: 'off', default: 'immediately' });
    await room.host.client.post(`/api/v1/contributions/${c.id}/responses`, { status: 'in_development', text: 'Prototype on the bench.' });
    await deliver();
    expect(await typesOf(ana)).toContain('contribution.responded');
    expect((await inbox(ana)).items.filter((i) => i.type === 'contribution.responded')).toHaveLength(2);
    expect(await received(ana.user.email)).toHaveLength(1);
    expect(await received(ben.user.email)).toHaveLength(2);
    const second = (await received(ben.user.email)).find((m) => m.subject?.includes('in development'));
    expect(second?.messageId).toBe(`<mail.${ben.user.id}.${await lastEventId('contribution.responded')}@moebius.test>`);
  });

  it('unsubscribe links: a page with a button for browsers, JSON otherwise, RFC 8058 one-click POST; forged or broken tokens are refused', async () => {
    const person = await t().person('Una');
    const secret = t().config.secret;
    const token = signUnsubscribe(secret, person.user.id, 'comment.created');
    const anonymous = t().client();
    const html = { accept: 'text/html,application/xhtml+xml' };
    const page = await anonymous.get(`/api/v1/unsubscribe?token=${token}`, html);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const question = (page.body as { text: string }).text;
    expect(question).toContain('Stop receiving e-mail when a new comment on a contribution you wrote or follow?');
    expect(question).toContain(`<form method="post" action="http://moebius.test/api/v1/unsubscribe?token=${token}">`);
    const before = (await person.client.get<Prefs>('/api/v1/me/notification-preferences')).body.preferences;
    expect(before.find((p) => p.type === 'comment.created')?.mode).not.toBe('off');
    // The button posts the form; the browser gets the answer as a page.
    const pressed = await anonymous.request('POST', `/api/v1/unsubscribe?token=${token}`, '', { 'content-type': 'application/x-www-form-urlencoded', ...html });
    expect(pressed.status).toBe(200);
    expect((pressed.body as { text: string }).text).toContain('You will no longer receive e-mail when a new comment on a contribution you wrote or follow.');
    const oneClick = await anonymous.request('POST', `/api/v1/unsubscribe?token=${signUnsubscribe(secret, person.user.id, 'update.published')}`, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toMatchObject({ unsubscribed: ['update.published'] });
    const modes = (await person.client.get<Prefs>('/api/v1/me/notification-preferences')).body.preferences;
    expect(modes.filter((p) => p.mode === 'off').map((p) => p.type).sort()).toEqual(['comment.created', 'contribution.supported', 'update.published']);

    // A digest link turns off every type that person gets in that digest.
    const digestLink = `/api/v1/unsubscribe?token=${signUnsubscribe(secret, person.user.id, 'digest:daily')}`;
    expect((await anonymous.get<{ unsubscribed: string[]; message: string }>(digestLink)).body).toMatchObject({ unsubscribed: [], confirm: true, message: 'Stop receiving daily digests?' });
    const digest = await anonymous.request<{ unsubscribed: string[] }>('POST', digestLink, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(digest.body.unsubscribed).toEqual(['contribution.created']);

    const [payload, signature] = token.split('.') as [string, string];
    const forgedFor = Buffer.from(`${(await t().person('Victim')).user.id}\ncomment.created`).toString('base64url');
    const refusals: [string, number, string][] = [
      [`${forgedFor}.${signature}`, 403, 'invalid_signature'],
      [`${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`, 403, 'invalid_signature'],
      [signUnsubscribe('another-secret-that-is-long-enough-000000', person.user.id, 'comment.created'), 403, 'invalid_signature'],
      ['not-a-token', 422, 'validation_failed'],
      [`${Buffer.from('no-newline').toString('base64url')}.${signature}`, 422, 'validation_failed'],
    ];
    for (const [bad, status, code] of refusals) {
      const reply = await anonymous.get(`/api/v1/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect([bad, reply.status, reply.body]).toMatchObject([bad, status, { error: { code } }]);
    }
    expect((await anonymous.get('/api/v1/unsubscribe')).status).toBe(422);
    expect((await anonymous.get('/api/v1/unsubscribe?token=')).status).toBe(422);
    // Signed by us but for a type this version does not know, or for nobody.
    const unknownType = signUnsubscribe(secret, person.user.id, 'something.else' as 'comment.created');
    expect((await anonymous.get(`/api/v1/unsubscribe?token=${unknownType}`)).body).toMatchObject({ error: { code: 'validation_failed', details: [{ code: 'unknown_type' }] } });
    expect((await anonymous.get(`/api/v1/unsubscribe?token=${signUnsubscribe(secret, newId(), 'comment.created')}`)).status).toBe(404);
  });

  it('preferences: every type with its mode and default; changes are kept; unknown types and modes are 422', async () => {
    const person = await t().person('Pia');
    const initial = await person.client.get<Prefs>('/api/v1/me/notification-preferences');
    expect(initial.status).toBe(200);
    expect(initial.body.preferences.map((p) => p.type)).toEqual([...NOTIFICATION_TYPES]);
    expect(Object.fromEntries(initial.body.preferences.map((p) => [p.type, p.mode]))).toMatchObject({
      'contribution.responded': 'immediately', 'update.published': 'immediately', 'contribution.overdue': 'immediately', 'contribution.hidden': 'immediately',
      'appeal.rejected': 'immediately', 'contribution.coauthor_invited': 'immediately', 'comment.created': 'daily', 'contribution.created': 'daily', 'contribution.supported': 'off',
    });
    for (const p of initial.body.preferences) expect(p.mode).toBe(p.default);

    const changed = await person.client.request<Prefs>('PUT', '/api/v1/me/notification-preferences', { preferences: { 'comment.created': 'weekly', 'update.published': 'daily' } });
    expect(changed.status).toBe(200);
    expect(changed.body.preferences.find((p) => p.type === 'comment.created')).toMatchObject({ mode: 'weekly', default: 'daily' });
    const again = await person.client.request<Prefs>('PUT', '/api/v1/me/notification-preferences', { preferences: { 'comment.created': 'off' } });
    expect(again.body.preferences.find((p) => p.type === 'comment.created')?.mode).toBe('off');
    expect(again.body.preferences.find((p) => p.type === 'update.published')?.mode).toBe('daily');
    expect((await person.client.request('PUT', '/api/v1/me/notification-preferences', { preferences: {} })).status).toBe(200);

    for (const body of [{ preferences: { 'no.such.type': 'daily' } }, { preferences: { 'comment.created': 'hourly' } }, { preferences: { 'comment.created': 1 } }, { preferences: [] }, {}, { preferences: {}, extra: 1 }, null]) {
      const reply = await person.client.request('PUT', '/api/v1/me/notification-preferences', body);
      expect([body, reply.status]).toEqual([body, 422]);
    }
    const anonymous = t().client();
    expect((await anonymous.get('/api/v1/me/notification-preferences')).status).toBe(401);
    expect((await anonymous.request('PUT', '/api/v1/me/notification-preferences', { preferences: {} })).status).toBe(401);
    // A cookie write without the CSRF token is refused.
    person.client.csrfToken = null;
    expect((await person.client.request('PUT', '/api/v1/me/notification-preferences', { preferences: {} })).status).toBe(403);
  });

  it('inbox: newest first, unread filter, keyset pages, unread count, mark some or all read; every 4xx', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const c = await room.contribute(ana, idea('Hood that stays up'));
    const supporters = [await room.participant('S1'), await room.participant('S2'), await room.participant('S3'), await room.participant('S4'), await room.participant('S5')];
    for (const s of supporters) await s.client.post(`/api/v1/contributions/${c.id}/support`);
    await deliver();
    const all = await inbox(ana);
    expect(all.unreadCount).toBe(5);
    expect(all.items.map((i) => i.actor?.name)).toEqual(['S5', 'S4', 'S3', 'S2', 'S1']);
    expect((await ana.client.get('/api/v1/me/notifications/unread-count')).body).toEqual({ unreadCount: 5 });

    const first = await inbox(ana, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await inbox(ana, `?limit=2&cursor=${first.nextCursor}`);
    const third = await inbox(ana, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));

    const marked = await ana.client.post('/api/v1/me/notifications/read', { ids: [all.items[0]!.id, all.items[1]!.id, newId()] });
    expect(marked.body).toEqual({ marked: 2, unreadCount: 3 });
    expect((await inbox(ana, '?unread=true')).items.map((i) => i.id)).toEqual(all.items.slice(2).map((i) => i.id));
    expect((await inbox(ana, '?unread=false')).items).toHaveLength(5);
    // Someone else's notification is not theirs to mark.
    expect((await supporters[0]!.client.post('/api/v1/me/notifications/read', { ids: [all.items[2]!.id] })).body).toEqual({ marked: 0, unreadCount: 0 });
    expect((await ana.client.post('/api/v1/me/notifications/read', { all: true })).body).toEqual({ marked: 3, unreadCount: 0 });
    expect((await inbox(ana)).items.every((i) => i.read)).toBe(true);

    for (const body of [{}, { all: false }, { ids: [] }, { ids: ['x'], all: true }, { ids: 'x' }, { ids: [1] }, { all: 'yes' }, { all: true, other: 1 }, { ids: Array.from({ length: 501 }, () => 'x') }]) {
      expect([body, (await ana.client.post('/api/v1/me/notifications/read', body)).status]).toEqual([body, 422]);
    }
    for (const query of ['?limit=0', '?limit=101', '?unread=maybe', '?cursor=nope', `?cursor=${Buffer.from(JSON.stringify({ key: 1, id: 2 })).toString('base64url')}`, '?other=1']) {
      expect([query, (await ana.client.get(`/api/v1/me/notifications${query}`)).status]).toEqual([query, 422]);
    }
    const anonymous = t().client();
    expect((await anonymous.get('/api/v1/me/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/v1/me/notifications/unread-count')).status).toBe(401);
    expect((await anonymous.post('/api/v1/me/notifications/read', { all: true })).status).toBe(401);
    expect((await ana.client.request('POST', '/api/v1/me/notifications/read', 'all=true', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('who hears what: comments, replies, new contributions, hiding, appeals, co-author invitations, updates, overdue, amended terms', async () => {
    /** The types of what reached `p` since the last look (then marked read). */
    const fresh = async (p: Person): Promise<string[]> => {
      const unread = await inbox(p, '?unread=true&limit=100');
      if (unread.items.length > 0) await p.client.post('/api/v1/me/notifications/read', { all: true });
      return unread.items.map((i) => i.type).sort();
    };
    const room = await openRoom(t());
    const [ana, ben, cat, dan] = [await room.participant('Ana'), await room.participant('Ben'), await room.participant('Cat'), await room.participant('Dan')];
    // Dan follows the initiative: he hears of new contributions, but not of his own.
    expect((await dan.client.post(`/api/v1/initiatives/${room.initiative.id}/follow`)).status).toBe(200);
    const c = await room.contribute(ana, idea('Zip that works with gloves'));
    const own = await room.contribute(dan, idea('Pockets above the harness'));
    await cat.client.post(`/api/v1/contributions/${c.id}/follow`);
    await ben.client.post(`/api/v1/contributions/${c.id}/support`);
    await deliver();
    expect((await inbox(dan)).items.map((i) => i.subjectId)).toEqual([c.id]);
    expect(await fresh(dan)).toEqual(['contribution.created']);
    expect(await fresh(ana)).toEqual(['contribution.supported']);
    expect(await fresh(room.host)).toEqual([]);

    // A comment: the authors and followers, not the commenter and not a mere supporter; a reply also reaches the parent's author.
    const comment = await cat.client.post<{ id: string }>(`/api/v1/contributions/${c.id}/comments`, { body: 'Tried it with **ski** gloves: works.' });
    expect(comment.status).toBe(201);
    await deliver();
    expect((await inbox(ana)).items[0]!.data).toMatchObject({ excerpt: 'Tried it with ski gloves: works.', link: `/contributions/${c.id}#comment-${comment.body.id}` });
    expect(await fresh(ana)).toEqual(['comment.created']);
    expect(await fresh(cat)).toEqual([]);
    expect(await fresh(ben)).toEqual([]);
    expect((await ben.client.post(`/api/v1/contributions/${c.id}/comments`, { body: 'Which gloves?', parentId: comment.body.id })).status).toBe(201);
    await deliver();
    expect(await fresh(cat)).toEqual(['comment.created']);
    expect(await fresh(ana)).toEqual(['comment.created']);
    expect(await fresh(ben)).toEqual([]);

    // A co-author invitation reaches the invitee.
    expect((await ana.client.post(`/api/v1/contributions/${c.id}/coauthors`, { userId: ben.user.id })).status).toBe(200);
    await deliver();
    expect(await fresh(ben)).toEqual(['contribution.coauthor_invited']);
    expect(await fresh(ana)).toEqual([]);

    // An update reaches the initiative's followers and the authors and supporters of what it links.
    const update = await room.host.client.post<{ id: string }>(`/api/v1/initiatives/${room.initiative.id}/updates`, { title: 'Glove tests done', body: 'Three **gloves**, all fine.', contributionIds: [c.id] });
    expect(update.status).toBe(201);
    await deliver();
    expect((await inbox(dan)).items[0]!.data).toMatchObject({ title: 'Glove tests done', excerpt: 'Three gloves, all fine.', link: `/initiatives/${room.initiative.id}#update-${update.body.id}` });
    for (const person of [ana, ben, dan]) expect(await fresh(person)).toEqual(['update.published']);
    expect(await fresh(cat)).toEqual([]); // follows the contribution, not the initiative
    expect(await fresh(room.host)).toEqual([]);

    // Hidden: the authors hear why; while hidden, a response reaches the authors and hosts only.
    expect((await room.host.client.post(`/api/v1/contributions/${own.id}/hide`, { reason: 'Personal data in the text.' })).status).toBe(200);
    await deliver();
    expect((await inbox(dan)).items[0]).toMatchObject({ type: 'contribution.hidden', data: { excerpt: 'Personal data in the text.', link: `/contributions/${own.id}` } });
    expect(await fresh(dan)).toEqual(['contribution.hidden']);
    await room.host.client.post(`/api/v1/contributions/${c.id}/hide`, { reason: 'Duplicate of a build.' });
    await room.host.client.post(`/api/v1/contributions/${c.id}/responses`, { status: 'under_review', text: 'Looking at it while hidden.' });
    await deliver();
    expect(await fresh(ana)).toEqual(['contribution.hidden', 'contribution.responded']);
    expect(await fresh(ben)).toEqual([]); // supporter, and only invited as co-author
    expect(await fresh(cat)).toEqual([]); // follower

    // The appeal decision reaches the author who appealed.
    const appeal = await dan.client.post<{ id: string }>(`/api/v1/contributions/${own.id}/appeals`, { text: 'I removed the phone number.' });
    expect(appeal.status).toBe(201);
    expect((await room.host.client.post(`/api/v1/appeals/${appeal.body.id}/decision`, { decision: 'upheld', note: 'Thanks, it is fine now.' })).status).toBe(200);
    await deliver();
    expect((await inbox(dan)).items[0]).toMatchObject({ type: 'appeal.upheld', data: { excerpt: 'Thanks, it is fine now.', link: `/contributions/${own.id}` } });
    expect(await fresh(dan)).toEqual(['appeal.upheld']);
    expect(await fresh(room.host)).toEqual([]);

    // Overdue: the stewards named in the event, nobody else.
    clock.advance(8 * 24 * 3_600_000);
    expect(await alertOverdue(t().services.dispatch.dispatcher.ctx, t().services.events)).toBeGreaterThan(0);
    await deliver();
    expect((await fresh(room.host)).every((type) => type === 'contribution.overdue')).toBe(true);
    for (const person of [ana, ben, cat, dan]) expect(await fresh(person)).toEqual([]);

    // Amended terms: everyone who accepted an earlier version, not the host who amended them.
    const amended = await room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/terms/amendments`, { terms: { ...defaultTerms(), freeText: 'A repair workshop each spring.' }, reason: 'Add the workshop' });
    expect(amended.status).toBe(201);
    await deliver();
    expect((await inbox(ana)).items[0]!.data).toMatchObject({ title: 'Rain jackets that last', excerpt: 'Add the workshop', link: `/initiatives/${room.initiative.id}/terms` });
    for (const person of [ana, ben, cat, dan]) expect(await fresh(person)).toEqual(['terms.amended']);
    expect(await fresh(room.host)).toEqual([]);
  });

  it('never notifies someone who can no longer see it: a member who left a private organisation, an erased account', async () => {
    const room = await openRoom(t());
    const [ana, kim, leo, era] = [await room.participant('Ana'), await room.participant('Kim'), await room.participant('Leo'), await room.participant('Era')];
    for (const p of [kim, leo, era]) await p.client.post(`/api/v1/initiatives/${room.initiative.id}/follow`);
    expect((await room.host.client.patch(`/api/v1/orgs/${room.org}`, { visibility: 'private' })).status).toBe(200);
    expect((await room.host.client.delete(`/api/v1/orgs/${room.org}/members/${leo.user.id}`)).status).toBe(204);
    expect((await era.client.post('/api/v1/me/erasure', { password: 'correct horse battery', confirm: 'erase my account' })).status).toBe(204);
    await room.contribute(ana, idea('Reflective piping'));
    await deliver();
    const rows = await t().db.selectFrom('notifications').select('userId').where('type', '=', 'contribution.created').where('initiativeId', '=', room.initiative.id).execute();
    expect(rows.map((r) => r.userId)).toEqual([kim.user.id]);
  });

  it('handing the same events to the consumer twice creates no duplicates (in-app, jobs, mails)', async () => {
    const room = await openRoom(t());
    const [ana, ben] = [await room.participant('Ana'), await room.participant('Ben')];
    const c = await room.contribute(ana, idea('Longer back'));
    await ben.client.post(`/api/v1/contributions/${c.id}/follow`);
    await room.host.client.post(`/api/v1/contributions/${c.id}/responses`, { status: 'accepted', text: 'Yes.' });
    await deliver();
    const count = async () => ({
      notifications: Number((await t().db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      jobs: Number((await t().db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'notification.mail').executeTakeFirstOrThrow()).n),
    });
    const before = await count();
    const mails = sent.length;
    const events = await t().db.selectFrom('events').selectAll().where('subjectId', '=', c.id).orderBy('id').execute();
    const consumer = t().services.notifications.consumer;
    for (let round = 0; round < 2; round++) {
      await t().db.transaction().execute(async (trx) => {
        for (const e of events) if (consumer.accepts(e.type)) await consumer.consume(trx, { ...e, id: Number(e.id), payload: typeof e.payload === 'string' ? JSON.parse(e.payload) : (e.payload as Record<string, unknown>) });
      });
    }
    await deliver();
    expect(await count()).toEqual(before);
    expect(sent.length).toBe(mails);
    expect((await inbox(ben)).items.filter((i) => i.type === 'contribution.responded')).toHaveLength(1);
  });

  it('a type set to off is settled at once: in the inbox, never mailed, never in a digest', async () => {
    const room = await openRoom(t());
    const [ana, ben] = [await room.participant('Ana'), await room.participant('Ben')];
    await ben.client.request('PUT', '/api/v1/me/notification-preferences', { preferences: { 'contribution.responded': 'off' } });
    const c = await room.contribute(ana, idea('Taped cuffs'));
    await ben.client.post(`/api/v1/contributions/${c.id}/support`);
    await room.host.client.post(`/api/v1/contributions/${c.id}/responses`, { status: 'accepted', text: 'Yes.' });
    await deliver();
    const row = await t().db.selectFrom('notifications').selectAll().where('userId', '=', ben.user.id).executeTakeFirstOrThrow();
    expect(row.emailedAt).not.toBeNull();
    expect(await t().db.selectFrom('jobs').select('id').where('dedupeKey', '=', `mail:${ben.user.id}:${row.eventId}`).executeTakeFirst()).toBeUndefined();
    expect(await received(ben.user.email)).toEqual([]);
  });

  it('a large audience goes in batches, each in its own transaction: one notification per follower who may see it, immediate mails once, a failed batch retried without duplicates', async () => {
    const { consumer } = t().services.notifications;
    const { jobs } = t().services.dispatch;
    const room = await openRoom(t());
    const people: Person[] = [];
    for (let i = 0; i < 9; i++) people.push(await room.participant(`Follower ${i}`));
    const [ana, blocked, eager, quiet, daily] = people as [Person, Person, Person, Person, Person];
    for (const p of people) expect((await p.client.post(`/api/v1/initiatives/${room.initiative.id}/follow`)).status).toBe(200);
    expect((await room.host.client.post(`/api/v1/orgs/${room.org}/blocks`, { userId: blocked.user.id, reason: 'Spam' })).status).toBe(201);
    await eager.client.request('PUT', '/api/v1/me/notification-preferences', { preferences: { 'contribution.created': 'immediately' } });
    await quiet.client.request('PUT', '/api/v1/me/notification-preferences', { preferences: { 'contribution.created': 'off' } });
    await daily.client.request('PUT', '/api/v1/me/notification-preferences', { preferences: { 'update.published': 'daily' } });
    const follows = await t().db.selectFrom('follows').select('userId').where('subjectType', '=', 'initiative').where('subjectId', '=', room.initiative.id).execute();
    const batches = Math.ceil(follows.length / 3);
    expect(batches).toBeGreaterThanOrEqual(3);
    const fanOuts = async (eventId: number) => (await t().db.selectFrom('jobs').select(['status', 'attempts', 'payload', 'lastError']).where('kind', '=', FANOUT_JOB).where('dedupeKey', 'like', `fanout:${eventId}:%`).execute());
    const notified = async (eventId: number) => (await t().db.selectFrom('notifications').select(['userId', 'emailedAt']).where('eventId', '=', eventId).execute());
    const mailJobs = async (eventId: number) => (await t().db.selectFrom('jobs').select('dedupeKey').where('kind', '=', MAIL_JOB).where('dedupeKey', 'like', `mail:%:${eventId}`).execute()).map((j) => j.dedupeKey).sort();
    /** Every mail about the event to these people (the other database's run has the same event ids). */
    const mailsOf = (eventId: number, among: Person[]) => among.flatMap((p) => sent.filter((m) => m.messageId === `<mail.${p.user.id}.${eventId}@moebius.test>`).map((m) => m.to)).sort();
    const ids = (list: Person[]) => list.map((p) => p.user.id).sort();
    consumer.batchSize = 3;
    const enqueue = jobs.enqueue.bind(jobs);
    try {
      // A new contribution: every follower but its author and the blocked member, once; the one who wants it at once gets one mail.
      const sleeves = await room.contribute(ana, idea('Sleeves that roll up'));
      await deliver();
      const created = await lastEventId('contribution.created');
      const rows = await notified(created);
      expect(rows.map((r) => r.userId).sort()).toEqual(ids(people.filter((p) => p !== ana && p !== blocked)));
      expect(rows.filter((r) => r.emailedAt !== null).map((r) => r.userId).sort()).toEqual(ids([eager, quiet])); // mailed, and off
      expect((await fanOuts(created)).map((j) => j.status)).toEqual(Array.from({ length: batches - 1 }, () => 'done'));
      expect(await mailJobs(created)).toEqual([`mail:${eager.user.id}:${created}`]);
      expect(mailsOf(created, [...people, room.host])).toEqual([eager.user.email]);

      // An update (mailed at once by default) that links the contribution: the followers, its author and its supporters (Sam follows nothing), each once.
      const sam = await room.participant('Sam');
      for (const p of [sam, eager]) expect((await p.client.post(`/api/v1/contributions/${sleeves.id}/support`)).status).toBe(200);
      await deliver();
      // The second batch fails after writing its rows and mail jobs: all of it rolls back and its job is retried.
      let fanOutsEnqueued = 0;
      vi.spyOn(jobs, 'enqueue').mockImplementation(async (db, job) => {
        if (job.kind === FANOUT_JOB && ++fanOutsEnqueued === 2) throw new Error('the worker died midway');
        return enqueue(db, job);
      });
      expect((await room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/updates`, { title: 'Sleeves tested', body: 'They roll.', contributionIds: [sleeves.id] })).status).toBe(201);
      await deliver();
      const published = await lastEventId('update.published');
      const failed = await fanOuts(published);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'the worker died midway' });
      const firstBatch = await notified(published);
      expect(firstBatch.length).toBeLessThanOrEqual(3);
      expect(await mailJobs(published)).toEqual(firstBatch.filter((r) => r.userId !== daily.user.id).map((r) => `mail:${r.userId}:${published}`).sort());
      vi.mocked(jobs.enqueue).mockRestore();

      clock.advance(60_000); // past the retry's backoff
      await deliver();
      const everyone = ids([...people.filter((p) => p !== blocked), sam]);
      expect((await notified(published)).map((r) => r.userId).sort()).toEqual(everyone);
      const chain = await fanOuts(published);
      expect(chain.map((j) => j.status)).toEqual(Array.from({ length: Math.ceil((follows.length + 1) / 3) - 1 }, () => 'done'));
      const wantMail = [...people.filter((p) => p !== blocked && p !== daily), sam];
      expect(await mailJobs(published)).toEqual(wantMail.map((p) => `mail:${p.user.id}:${published}`).sort());
      expect(mailsOf(published, [...people, sam, room.host])).toEqual(wantMail.map((p) => p.user.email).sort());

      // A batch run again (a crash after its commit, before its job was marked done) and the event handed over again change nothing.
      const before = { rows: (await notified(published)).length, jobs: (await t().db.selectFrom('jobs').select('id').execute()).length, mails: sent.length };
      for (const job of chain) await consumer.fanOut(parseJson(job.payload) as Record<string, unknown>);
      const event = await t().db.selectFrom('events').selectAll().where('id', '=', published).executeTakeFirstOrThrow();
      await t().db.transaction().execute((trx) => consumer.consume(trx, { ...event, id: published, payload: parseJson(event.payload) as Record<string, unknown> }));
      await deliver();
      expect({ rows: (await notified(published)).length, jobs: (await t().db.selectFrom('jobs').select('id').execute()).length, mails: sent.length }).toEqual(before);
    } finally {
      vi.restoreAllMocks();
      consumer.batchSize = 500;
    }
  }, 60_000);
}, { clock, mailer, rateLimits: { signup: 1000 } });

/** 1,200 followers with a small batch size: batches, one mail per person, nothing twice. */
for (const dialect of dialects()) {
  describe(`digests [${dialect}]`, () => {
    const digestClock = new ManualClock('2026-11-23T10:00:00.000Z'); // a Monday
    let t: TestApp;
    let room: Room;
    const followers: { id: string; email: string }[] = [];
    const weekly = new Set<string>();
    const off = new Set<string>();

    beforeAll(async () => {
      t = await TestApp.start(dialect, { clock: digestClock, mailer });
      room = await openRoom(t);
      const org = await t.db.selectFrom('orgs').select('id').where('slug', '=', room.org).executeTakeFirstOrThrow();
      const now = digestClock.now().toISOString();
      for (let i = 0; i < 1200; i++) followers.push({ id: newId(), email: `digest-${dialect}-${process.pid}-${i}@example.com` });
      for (let i = 0; i < followers.length; i += 200) {
        const slice = followers.slice(i, i + 200);
        await t.db.insertInto('users').values(slice.map((f, j) => ({ id: f.id, email: f.email, name: `Member ${i + j}`, passwordHash: 'x', createdAt: now, updatedAt: now, erasedAt: null }))).execute();
        await t.db.insertInto('memberships').values(slice.map((f) => ({ id: newId(), orgId: org.id, userId: f.id, kind: 'customer', role: 'member', createdAt: now, updatedAt: now }))).execute();
        await t.db.insertInto('follows').values(slice.map((f) => ({ userId: f.id, subjectType: 'initiative', subjectId: room.initiative.id, createdAt: now }))).execute();
      }
      for (const f of followers.slice(0, 10)) weekly.add(f.id);
      for (const f of followers.slice(10, 20)) off.add(f.id);
      await t.db.insertInto('notificationPreferences').values([...weekly].map((userId) => ({ userId, eventType: 'contribution.created', mode: 'weekly', updatedAt: now }))).execute();
      await t.db.insertInto('notificationPreferences').values([...off].map((userId) => ({ userId, eventType: 'contribution.created', mode: 'off', updatedAt: now }))).execute();
    }, 120_000);
    afterAll(async () => {
      forward = true;
      await t.close();
    });

    it('are planned when the day changes, batched by 250 people, one mail per person with all their items, and never sent twice', async () => {
      forward = false; // 1,200 mails go to memory; the SMTP path is covered above
      const digests = t.services.notifications.digests;
      digests.batchSize = 250;
      const drain = () => t.services.dispatch.worker.drain(500);
      await digests.schedule();
      const ana = await room.participant('Ana');
      await room.contribute(ana, idea('Vents under the arms'));
      await room.contribute(ana, idea('A hood with a brim'));
      await drain();
      const pending = await t.db.selectFrom('notifications').select(['userId', 'emailedAt']).where('type', '=', 'contribution.created').where('initiativeId', '=', room.initiative.id).execute();
      expect(pending).toHaveLength(2400);
      expect(pending.filter((r) => r.emailedAt !== null)).toHaveLength(20); // the ten who turned it off
      expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', 'notification.mail').execute()).toEqual([]);
      const before = sent.length;
      expect(await digests.plan('daily')).toBe(0); // today's items wait for tomorrow's digest

      // The day changes: the worker runs the plan that waited for midnight, then its batches.
      digestClock.advance(14 * 3_600_000 + 5 * 60_000);
      await drain();
      const batches = await t.db.selectFrom('jobs').select(['dedupeKey', 'status', 'payload']).where('kind', '=', 'digest.batch').orderBy('dedupeKey').execute();
      expect(batches.map((b) => b.dedupeKey)).toEqual([0, 1, 2, 3, 4].map((n) => `digest:daily:2026-11-24:batch:${n}`));
      expect(batches.every((b) => b.status === 'done')).toBe(true);
      const mails = sent.slice(before);
      const daily = followers.filter((f) => !weekly.has(f.id) && !off.has(f.id));
      expect(mails).toHaveLength(daily.length);
      expect(new Set(mails.map((m) => m.to)).size).toBe(daily.length);
      expect(mails.map((m) => m.to).sort()).toEqual(daily.map((f) => f.email).sort());
      const one = mails.find((m) => m.to === daily[0]!.email)!;
      expect(one.subject).toBe('Your daily Moebius digest: 2 notifications');
      expect(one.text).toContain('Vents under the arms');
      expect(one.text).toContain('A hood with a brim');
      expect(one.text).toContain('Rain jackets that last');
      expect(one.html).toContain('A hood with a brim');
      expect(one.messageId).toBe(`<digest.daily.2026-11-24.${daily[0]!.id}@moebius.test>`);
      expect(one.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(await t.db.selectFrom('mailDeliveries').select('id').where('kind', '=', 'digest.daily').execute()).toHaveLength(daily.length);

      // Run again, every way: no second mail.
      expect(await digests.plan('daily')).toBe(0);
      expect(await digests.batch({ period: 'daily', key: '2026-11-24', cutoff: '2026-11-24T00:00:00.000Z', after: '', until: null })).toBe(0);
      await drain();
      expect(sent.length).toBe(before + daily.length);

      // The weekly digest on Monday brings the other ten theirs; the daily run of that day finds nothing of theirs.
      digestClock.advance(6 * 24 * 3_600_000);
      await drain();
      const weeklyMails = sent.slice(before + daily.length);
      expect(weeklyMails.map((m) => m.to).sort()).toEqual(followers.filter((f) => weekly.has(f.id)).map((f) => f.email).sort());
      expect(weeklyMails[0]!.subject).toBe('Your weekly Moebius digest: 2 notifications');
      const left = await t.db.selectFrom('notifications').select('id').where('emailedAt', 'is', null).where('type', '=', 'contribution.created').execute();
      expect(left).toEqual([]);

      // The digest's one-click link turns off what came in it.
      const link = one.headers?.['List-Unsubscribe']?.slice(1, -1) ?? '';
      const reply = await t.client().request<{ unsubscribed: string[] }>('POST', link.replace('http://moebius.test', ''), 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(reply.body.unsubscribed).toEqual(['comment.created', 'contribution.created']);
    }, 300_000);
  });
}
