import { expect, it } from 'vitest';
import { ManualClock } from '../../src/server/lib/clock.js';
import { idea, openRoom } from '../support/contributions.js';
import { describeEachDatabase, type Person } from '../support/test-app.js';

interface Item { type: string; data: { title: string; excerpt: string; link: string; withheld?: boolean } }

// What the hosts hide leaves the inbox of everyone who may no longer read it, as it left its page.
describeEachDatabase('notifications about what was hidden since', (t) => {
  const deliver = () => t().services.dispatch.worker.drain();
  const itemsOf = async (p: Person, type: string): Promise<Item[]> => {
    const reply = await p.client.get<{ items: Item[] }>('/api/v1/me/notifications?limit=100');
    expect(reply.status).toBe(200);
    return reply.body.items.filter((i) => i.type === type);
  };

  it('withholds a hidden contribution’s title and text, and a hidden comment’s text, from all but its authors and the hosts', async () => {
    const room = await openRoom(t());
    const [ana, ben, cat] = [await room.participant('Ana'), await room.participant('Ben'), await room.participant('Cat')];
    // Cat follows the initiative (hears of new contributions) and Ana's contribution (hears of comments on it).
    expect((await cat.client.post(`/api/v1/initiatives/${room.initiative.id}/follow`)).status).toBe(200);
    const c = await room.contribute(ana, idea('Insulting title about the neighbours'));
    expect((await cat.client.post(`/api/v1/contributions/${c.id}/follow`)).status).toBe(200);
    const comment = await ben.client.post<{ id: string }>(`/api/v1/contributions/${c.id}/comments`, { body: 'A rude remark nobody should keep reading.' });
    expect(comment.status).toBe(201);
    await deliver();
    expect((await itemsOf(cat, 'contribution.created'))[0]?.data).toMatchObject({ title: 'Insulting title about the neighbours', excerpt: expect.stringContaining('Insulting title') });
    expect((await itemsOf(cat, 'comment.created'))[0]?.data).toMatchObject({ excerpt: 'A rude remark nobody should keep reading.' });
    expect((await itemsOf(cat, 'comment.created'))[0]?.data.withheld).toBeUndefined();

    // The comment is hidden: its text leaves Cat's and Ana's inboxes; the title of the (visible) contribution stays.
    expect((await room.host.client.post(`/api/v1/comments/${comment.body.id}/hide`, { reason: 'Personal attack.' })).status).toBe(200);
    for (const reader of [cat, ana]) {
      expect((await itemsOf(reader, 'comment.created'))[0]?.data).toMatchObject({ title: 'Insulting title about the neighbours', excerpt: '', withheld: true });
    }
    // The host still reads it (Ben wrote it and hears nothing of his own comment).
    await room.host.client.post(`/api/v1/contributions/${c.id}/follow`);

    // The contribution is hidden: its title and text leave Cat's inbox, everywhere they appeared.
    expect((await room.host.client.post(`/api/v1/contributions/${c.id}/hide`, { reason: 'Insults are not welcome.' })).status).toBe(200);
    for (const type of ['contribution.created', 'comment.created']) {
      expect((await itemsOf(cat, type))[0]?.data).toMatchObject({ title: '', excerpt: '', withheld: true });
    }
    // Ana wrote it: she keeps its title, and is told why it was hidden; the hidden comment's text stays withheld from her.
    expect((await itemsOf(ana, 'comment.created'))[0]?.data).toMatchObject({ title: 'Insulting title about the neighbours', excerpt: '', withheld: true });
    await deliver();
    expect((await itemsOf(ana, 'contribution.hidden'))[0]?.data).toMatchObject({ title: 'Insulting title about the neighbours', excerpt: 'Insults are not welcome.' });
    expect((await itemsOf(ana, 'contribution.hidden'))[0]?.data.withheld).toBeUndefined();

    // Shown again: everything is back for everyone.
    expect((await room.host.client.post(`/api/v1/contributions/${c.id}/unhide`)).status).toBe(200);
    expect((await room.host.client.post(`/api/v1/comments/${comment.body.id}/unhide`)).status).toBe(200);
    expect((await itemsOf(cat, 'contribution.created'))[0]?.data).toMatchObject({ title: 'Insulting title about the neighbours' });
    expect((await itemsOf(cat, 'comment.created'))[0]?.data).toMatchObject({ excerpt: 'A rude remark nobody should keep reading.' });
    expect((await itemsOf(cat, 'comment.created'))[0]?.data.withheld).toBeUndefined();
  });

  it('leaves the hosts every word: stewards read hidden contributions and comments in their inbox', async () => {
    const room = await openRoom(t());
    const [ana, ben] = [await room.participant('Ana'), await room.participant('Ben')];
    const c = await room.contribute(ana, idea('Heated gloves'));
    expect((await room.host.client.post(`/api/v1/contributions/${c.id}/follow`)).status).toBe(200);
    const comment = await ben.client.post<{ id: string }>(`/api/v1/contributions/${c.id}/comments`, { body: 'Off-topic advert.' });
    await deliver();
    expect((await room.host.client.post(`/api/v1/comments/${comment.body.id}/hide`, { reason: 'Advertising.' })).status).toBe(200);
    expect((await room.host.client.post(`/api/v1/contributions/${c.id}/hide`, { reason: 'Duplicate.' })).status).toBe(200);
    const [item] = await itemsOf(room.host, 'comment.created');
    expect(item?.data).toMatchObject({ title: 'Heated gloves', excerpt: 'Off-topic advert.' });
    expect(item?.data.withheld).toBeUndefined();
  });
});

// The digest goes out a day later: what the hosts hid meanwhile is withheld there too.
const clock = new ManualClock('2026-11-23T10:00:00.000Z');
describeEachDatabase('digests about what was hidden since', (t) => {
  it('a daily digest says that a comment was hidden instead of repeating its words', async () => {
    const room = await openRoom(t());
    const [ana, ben, cat] = [await room.participant('Ana'), await room.participant('Ben'), await room.participant('Cat')];
    const c = await room.contribute(ana, idea('Reflective piping'));
    expect((await cat.client.post(`/api/v1/contributions/${c.id}/follow`)).status).toBe(200);
    const pitch = await ben.client.post<{ id: string }>(`/api/v1/contributions/${c.id}/comments`, { body: 'Cheap jackets for sale, message me!' });
    expect((await ben.client.post(`/api/v1/contributions/${c.id}/comments`, { body: 'Piping on the sleeves too, please.' })).status).toBe(201);
    await t().services.dispatch.worker.drain();
    await t().services.notifications.digests.schedule();
    expect((await room.host.client.post(`/api/v1/comments/${pitch.body.id}/hide`, { reason: 'Selling is not what comments are for.' })).status).toBe(200);

    clock.advance(24 * 3_600_000);
    await t().services.dispatch.worker.drain(200);
    const digest = t().mails().find((m) => /^To: .*cat\./im.test(m) && /Subject: .*digest/i.test(m));
    expect(digest).toBeDefined();
    const text = (digest ?? '').replace(/=\r?\n/g, '');
    expect(text).toContain('Piping on the sleeves too, please.');
    expect(text).toContain('The hosts hid it since: its words are no longer shown here.');
    expect(text).not.toContain('Cheap jackets for sale');
  });
}, { clock });

