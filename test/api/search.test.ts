import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { experience, idea, openRoom, type ContributionBody } from '../support/contributions.js';
import { DRAFTS, writeGear } from '../support/gear-corpus.js';
import { describeEachDatabase, type Person, type TestApp } from '../support/test-app.js';
import type { Client } from '../support/client.js';

interface Segment { text: string; match: boolean }
interface Hit {
  subjectType: 'contribution' | 'comment';
  commentId: string | null;
  score: number;
  title: Segment[];
  snippet: Segment[];
  contribution: { id: string; title: string; kind: string; status: string; initiativeId: string; initiativeTitle: string; hidden: boolean; mergedInto: { id: string; title: string } | null };
}
interface SearchPage { items: Hit[]; nextCursor: string | null }
interface Similar { id: string; title: string; score: number; sharedTerms: string[]; excerpt: string }
interface ErrorBody { error: { code: string; message: string; details: { path?: string; code?: string }[] } }

const search = (client: Client, q: string, extra = '') => client.get<SearchPage>(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
const hitIds = (page: SearchPage) => page.items.map((h) => h.commentId ?? h.contribution.id);
const text = (segments: Segment[]) => segments.map((s) => s.text).join('');
const matched = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());

async function comment(person: Person, contributionId: string, body: string): Promise<string> {
  const created = await person.client.post<{ id: string }>(`/api/v1/contributions/${contributionId}/comments`, { body });
  if (created.status !== 201) throw new Error(`comment failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** Hidden by the stewards, directly in the database (moderation has its own tests). */
async function hide(t: TestApp, table: 'contributions' | 'comments', id: string, by: Person): Promise<void> {
  await t.db.updateTable(table).set({ hiddenAt: new Date().toISOString(), hiddenBy: by.user.id, hiddenReason: 'off_topic' }).where('id', '=', id).execute();
}

describeEachDatabase('search', (t, dialect) => {
  it('finds contributions and comments with their matches as plain segments, best first', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const strong = await room.contribute(ana, experience('Quokka seams split on day one', { body: 'The quokka pattern seams split. Quokka seams <b>again</b>.' }));
    const weak = await room.contribute(ben, idea('Stronger thread for the hem', { body: 'A thread that lasts; think of the quokka.' }));
    const commentId = await comment(ben, strong.id, 'Mine did the same: the quokka stitching gave way near the zip.');

    const found = await search(ana.client, 'quokka');
    expect(found.status).toBe(200);
    expect(new Set(hitIds(found.body))).toEqual(new Set([strong.id, weak.id, commentId]));
    expect(found.body.items[0]!.contribution.id).toBe(strong.id);
    const scores = found.body.items.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const top = found.body.items[0]!;
    expect(top).toMatchObject({ subjectType: 'contribution', commentId: null, contribution: { title: strong.title, kind: 'experience', status: 'received', initiativeId: room.initiative.id, initiativeTitle: 'Rain jackets that last', hidden: false, mergedInto: null } });
    expect(text(top.title)).toBe(strong.title);
    expect(matched(top.title)).toEqual(['quokka']);
    expect(matched(top.snippet)).toContain('quokka');
    // What people wrote stays text, never markup, on both databases.
    expect(text(top.snippet)).toContain('seams <b>again</b>.');
    for (const hit of found.body.items) for (const s of [...hit.title, ...hit.snippet]) expect(s.text).not.toMatch(/[\uE000\uE001]/);

    const onComment = found.body.items.find((h) => h.subjectType === 'comment')!;
    expect(onComment).toMatchObject({ commentId, contribution: { id: strong.id } });
    expect(onComment.title).toEqual([{ text: strong.title, match: false }]);
    expect(matched(onComment.snippet)).toEqual(['quokka']);
    expect(text(onComment.snippet)).toContain('stitching gave way');
  });

  it('understands words, "phrases", or and -exclusions the same way on both databases', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const [belt, strap, zipper] = [
      await room.contribute(ana, experience('Wombat hip belt slips', { body: 'The wombat hip belt slides down.' })),
      await room.contribute(ana, experience('Wombat strap on the hip', { body: 'A wombat strap rubs my belt line and hip bone.' })),
      await room.contribute(ana, experience('Wombat zipper jams', { body: 'The wombat zipper sticks.' })),
    ];
    const ids = async (q: string) => new Set(hitIds((await search(ana.client, q)).body));
    expect(await ids('wombat hip')).toEqual(new Set([belt.id, strap.id]));
    expect(await ids('wombat "hip belt"')).toEqual(new Set([belt.id]));
    expect(await ids('wombat -belt')).toEqual(new Set([zipper.id]));
    expect(await ids('wombat zipper or slides')).toEqual(new Set([belt.id, zipper.id]));
    // `or` separates alternatives, as in PostgreSQL's websearch syntax: "a b or c" is (a and b) or c.
    expect(await ids('zipper wombat or rubs')).toEqual(new Set([zipper.id, strap.id]));
    expect(await ids('wombat jams or -belt')).toEqual(new Set([zipper.id]));
    expect(await ids('wombat -"belt slides"')).toEqual(new Set([strap.id, zipper.id]));
    expect(await ids('wombat or')).toEqual(new Set());
    expect(await ids('WOMBAT, Zipper!')).toEqual(new Set([zipper.id]));
    expect(await ids('wombat nothingmatcheshere')).toEqual(new Set());
  });

  it('finds words written with accents and capitals, in any case', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const c = await room.contribute(ana, experience('La cremallera de la tienda de CAMPAÑA', { body: 'Se atascó en la montaña.' }));
    for (const q of ['campaña', 'Campaña montaña', 'CAMPAÑA']) expect(hitIds((await search(ana.client, q)).body), q).toEqual([c.id]);
    const hit = (await search(ana.client, 'campaña')).body.items[0]!;
    expect(matched(hit.title)).toEqual(['campaña']);
    // SQLite's index folds diacritics; PostgreSQL's `simple` document (migration 0003) keeps them.
    expect(hitIds((await search(ana.client, 'campana')).body)).toEqual(dialect === 'sqlite' ? [c.id] : []);
  });

  it('never lets search syntax or punctuation become a server error', async () => {
    const ana = await (await openRoom(t())).participant('Ana');
    for (const q of ['NEAR(a b)', 'seams"', '"unbalanced', 'a AND OR NOT b', '^x', 'col:umn', 'x*', "it's", 'seams)', '🙂 seams', 'a\\b', 'or', 'seams or', "'; drop table users; --", '\uE000seams\uE001', 'seams:* | !x & y', 'x'.repeat(200), '🙂x'.repeat(60), 'NOT', 'AND seams', '"""seams"""', 'ŝéàmś', '₃ ⅷ 42', 'a"b"c"d']) {
      const response = await search(ana.client, q);
      expect(response.status, q).toBe(200);
    }
    for (const q of ['*', '?!...', '"', '-', '-seams', ' ', '()', '(', '🙂', '"" -""']) {
      const response = await search(ana.client, q);
      expect(response.status, q).toBe(422);
      expect((response.body as unknown as ErrorBody).error).toMatchObject({ code: 'validation_failed', details: [{ path: '/q', code: 'no_words' }] });
    }
  });

  it('refuses an empty or over-long query, unknown parameters and foreign cursors', async () => {
    const client = t().client();
    const codes = async (url: string) => {
      const response = await client.get<ErrorBody>(url);
      return [response.status, response.body.error?.code, response.body.error?.details[0]?.path];
    };
    expect(await codes('/api/v1/search')).toEqual([422, 'validation_failed', '/q']);
    expect(await codes('/api/v1/search?q=')).toEqual([422, 'validation_failed', '/q']);
    expect(await codes(`/api/v1/search?q=${'a'.repeat(201)}`)).toEqual([422, 'validation_failed', '/q']);
    expect(await codes('/api/v1/search?q=seams&limit=0')).toEqual([422, 'validation_failed', '/limit']);
    expect(await codes('/api/v1/search?q=seams&limit=51')).toEqual([422, 'validation_failed', '/limit']);
    expect(await codes('/api/v1/search?q=seams&sort=top')).toEqual([422, 'validation_failed', '/sort']);
    const feedCursor = Buffer.from(JSON.stringify({ key: 'x', id: 'y' })).toString('base64url');
    expect(await codes(`/api/v1/search?q=seams&cursor=${feedCursor}`)).toEqual([422, 'validation_failed', '/cursor']);
    expect(await codes('/api/v1/search?q=seams&cursor=nonsense')).toEqual([422, 'validation_failed', '/cursor']);
    expect(await codes('/api/v1/search?q=seams&initiative=unknown')).toEqual([404, 'not_found', undefined]);
  });

  it('pages through hits with an opaque cursor, without repeats or gaps', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const made: ContributionBody[] = [];
    for (let i = 0; i < 7; i++) made.push(await room.contribute(ana, idea(`Numbat idea ${i}`, { body: `numbat ${'numbat '.repeat(i)} text` })));
    const all = await search(ana.client, 'numbat', '&limit=50');
    expect(all.body.items).toHaveLength(7);
    expect(all.body.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: SearchPage } = await search(ana.client, 'numbat', `&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...hitIds(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(hitIds(all.body));
    expect(new Set(seen)).toEqual(new Set(made.map((m) => m.id)));
  });

  it('pages through more hits than one ranking window, newest window first, without repeats or gaps', async () => {
    const { WINDOW } = await import('../../src/server/modules/search/service.js');
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const first = await room.contribute(ana, idea('Echidna spines on the zip', { body: 'An echidna pattern that lasts.' }));
    const comments: string[] = [];
    for (let i = 0; i < WINDOW + 5; i++) comments.push(await comment(ben, first.id, `Echidna note ${i}${' echidna'.repeat(i % 3)}.`));
    const hidden = await comment(ben, first.id, 'Echidna remark the stewards hid.');
    await hide(t(), 'comments', hidden, room.host);
    const seen: string[] = [];
    const scoresOfFirstWindow: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: SearchPage } = await search(ana.client, 'echidna', `&limit=40${cursor ? `&cursor=${cursor}` : ''}`);
      for (const hit of page.body.items) {
        if (seen.length < WINDOW) scoresOfFirstWindow.push(hit.score);
        seen.push(hit.commentId ?? hit.contribution.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(WINDOW + 6);
    expect(new Set(seen)).toEqual(new Set([first.id, ...comments]));
    // Within a window hits are best first; the newest window comes first.
    expect(scoresOfFirstWindow).toEqual([...scoresOfFirstWindow].sort((a, b) => b - a));
    expect(seen.slice(0, WINDOW)).not.toContain(first.id);
  });

  it('shows private, org-only and invite-only initiatives only to the people who may see them', async () => {
    const room = await openRoom(t());
    const [member, invitee] = await Promise.all([room.participant('Member'), room.participant('Invitee')]);
    const stranger = await t().person('Stranger');
    const c = await room.contribute(member, experience('Platypus hood flaps in the wind'));
    const ids = async (client: Client) => hitIds((await search(client, 'platypus')).body);
    const everyone = [room.host, member, invitee, stranger].map((p) => p.client);

    expect(await ids(t().client())).toEqual([c.id]);
    expect(await ids(stranger.client)).toEqual([c.id]);

    expect((await room.host.client.patch(`/api/v1/initiatives/${room.initiative.id}`, { visibility: 'org' })).status).toBe(200);
    expect(await ids(t().client())).toEqual([]);
    expect(await ids(stranger.client)).toEqual([]);
    expect(await ids(member.client)).toEqual([c.id]);

    expect((await room.host.client.patch(`/api/v1/initiatives/${room.initiative.id}`, { visibility: 'public' })).status).toBe(200);
    expect((await room.host.client.patch(`/api/v1/orgs/${room.org}`, { visibility: 'private' })).status).toBe(200);
    expect(await ids(t().client())).toEqual([]);
    expect(await ids(stranger.client)).toEqual([]);
    expect(await ids(member.client)).toEqual([c.id]);
    expect((await search(stranger.client, 'platypus', `&initiative=${room.initiative.id}`)).status).toBe(404);

    expect((await room.host.client.patch(`/api/v1/initiatives/${room.initiative.id}`, { visibility: 'invite_only' })).status).toBe(200);
    expect((await room.host.client.post(`/api/v1/initiatives/${room.initiative.id}/invitees`, { userId: invitee.user.id })).status).toBe(200);
    const seen = await Promise.all(everyone.map(ids));
    // The host and the invitee see it; the author, no longer invited, and the stranger do not.
    expect(seen).toEqual([[c.id], [], [c.id], []]);
    expect((await search(member.client, 'platypus', `&initiative=${room.initiative.id}`)).status).toBe(404);
    expect(hitIds((await search(invitee.client, 'platypus', `&initiative=${room.initiative.id}`)).body)).toEqual([c.id]);
  });

  it('shows hidden contributions and comments only to their authors and the hosts', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const hidden = await room.contribute(ana, experience('Axolotl lining tore'));
    const open = await room.contribute(ben, experience('Axolotl cuffs fray'));
    const onHidden = await comment(ben, hidden.id, 'Axolotl lining, same here.');
    const hiddenComment = await comment(ana, open.id, 'Axolotl remark the stewards hid.');
    await hide(t(), 'contributions', hidden.id, room.host);
    await hide(t(), 'comments', hiddenComment, room.host);
    const ids = async (client: Client) => new Set(hitIds((await search(client, 'axolotl')).body));

    expect(await ids(t().client())).toEqual(new Set([open.id]));
    // Ben wrote a comment on Ana's hidden contribution: it goes with the contribution.
    expect(await ids(ben.client)).toEqual(new Set([open.id]));
    expect(await ids(ana.client)).toEqual(new Set([open.id, hidden.id, onHidden, hiddenComment]));
    expect(await ids(room.host.client)).toEqual(new Set([open.id, hidden.id, onHidden, hiddenComment]));
    const own = (await search(ana.client, 'axolotl lining tore')).body.items.find((h) => h.contribution.id === hidden.id)!;
    expect(own.contribution.hidden).toBe(true);
  });

  it('shows merged contributions and says where they went', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const target = await room.contribute(ana, idea('Pangolin scales as a hood'));
    const source = await room.contribute(ben, idea('Pangolin style hood'));
    expect((await room.host.client.post(`/api/v1/contributions/${source.id}/merge`, { targetId: target.id, reason: 'Same idea.' })).status).toBe(200);
    const hits = (await search(ben.client, 'pangolin')).body.items;
    expect(hits.find((h) => h.contribution.id === source.id)!.contribution).toMatchObject({ status: 'merged', mergedInto: { id: target.id, title: target.title } });
    expect(hits.find((h) => h.contribution.id === target.id)!.contribution.mergedInto).toBeNull();
  });

  it('matches through the full-text index: FTS5 on SQLite, the GIN expression on PostgreSQL', async () => {
    const { rankQuery } = await import('../../src/server/modules/search/statements.js');
    const query = rankQuery(dialect, dialect === 'sqlite' ? '"seams"' : 'seams', { titles: new Map([['x', 'X']]), hosted: new Set() }, '', null, 10).compile(t().db);
    if (dialect === 'sqlite') {
      const explained = await t().db.executeQuery<Record<string, string | number>>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      expect(explained.rows.map((r) => String(r.detail)).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      return;
    }
    const plan = await t().db.connection().execute(async (db) => {
      await sql`set enable_seqscan = off`.execute(db);
      const explained = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
      await sql`reset enable_seqscan`.execute(db);
      return explained.rows.map((r) => Object.values(r).join('')).join('\n');
    });
    expect(plan).toContain('search_index_document_idx');
  });
});

describeEachDatabase('similar contributions while writing', (t) => {
  it('finds the contributions a draft duplicates: precision@3 of at least 0.8 on a labelled set', async () => {
    const room = await openRoom(t());
    const people = await Promise.all(['Ana', 'Ben', 'Cai'].map((n) => room.participant(n)));
    const written = await writeGear(room, people);
    const clusterOf = new Map(written.map((w) => [w.contribution.id, w.cluster]));
    const precisions: number[] = [];
    for (const draft of DRAFTS) {
      const response = await people[0]!.client.post<{ items: Similar[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions/similar`, { title: draft.title, ...(draft.body ? { body: draft.body } : {}), limit: 3 });
      expect(response.status).toBe(200);
      const found = response.body.items;
      expect(found.length).toBeLessThanOrEqual(3);
      expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a));
      if (draft.expect === null) {
        expect(found, draft.title).toEqual([]);
        continue;
      }
      // Every draft with duplicates finds at least one of them.
      expect(found.length, draft.title).toBeGreaterThan(0);
      precisions.push(found.filter((f) => clusterOf.get(f.id) === draft.expect).length / found.length);
    }
    const mean = precisions.reduce((a, b) => a + b, 0) / precisions.length;
    expect(precisions).toHaveLength(9);
    expect(mean).toBeGreaterThanOrEqual(0.8);
  });

  it('says which words it shares and leaves out hidden and merged contributions, even for their hosts', async () => {
    const room = await openRoom(t());
    const [ana, ben] = await Promise.all([room.participant('Ana'), room.participant('Ben')]);
    const kept = await room.contribute(ana, experience('Gaiters let snow into my boots', { body: 'Deep snow gets past the gaiters and into the boots.' }));
    const hidden = await room.contribute(ana, experience('Snow inside the gaiters', { body: 'Snow packs inside the gaiters and the boots get wet.' }));
    const merged = await room.contribute(ben, experience('Gaiters and snow in boots', { body: 'With gaiters on, snow still fills my boots.' }));
    await hide(t(), 'contributions', hidden.id, room.host);
    expect((await room.host.client.post(`/api/v1/contributions/${merged.id}/merge`, { targetId: kept.id, reason: 'Same.' })).status).toBe(200);
    const draft = { title: 'Snow gets into boots despite gaiters' };
    for (const client of [room.host.client, ana.client]) {
      const response = await client.post<{ items: Similar[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions/similar`, draft);
      expect(response.body.items.map((i) => i.id)).toEqual([kept.id]);
      expect(response.body.items[0]!.sharedTerms).toEqual(expect.arrayContaining(['snow', 'gaiters']));
      expect(response.body.items[0]!.score).toBeGreaterThan(0.1);
      expect(response.body.items[0]!.score).toBeLessThanOrEqual(1);
      expect(response.body.items[0]!.excerpt).toContain('Deep snow');
    }
    const nothing = await ana.client.post<{ items: Similar[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions/similar`, { title: 'the and of, y de la' });
    expect([nothing.status, nothing.body.items]).toEqual([200, []]);
  });

  it('finds other forms of the draft\'s words, in titles and in bodies', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const lanes = await room.contribute(ana, experience('Bike lane blocked by vans', { body: 'Delivery vans park in it every morning.' }));
    const body = await room.contribute(ana, experience('Morning commute', { body: 'Parked delivery vans block the cycle lanes.' }));
    await room.contribute(ana, experience('Benches in the square', { body: 'More benches near the fountain.' }));
    const url = `/api/v1/initiatives/${room.initiative.id}/contributions/similar`;
    const found = await ana.client.post<{ items: Similar[] }>(url, { title: 'Vans parking in bike lanes', body: 'Every morning the lanes are blocked.' });
    expect(found.body.items.map((i) => i.id)).toEqual(expect.arrayContaining([lanes.id, body.id]));
    expect(found.body.items).toHaveLength(2);
  });

  it('answers readers of the initiative only, and refuses bad drafts', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    await room.contribute(ana, experience('Bilby buckle broke'));
    const url = `/api/v1/initiatives/${room.initiative.id}/contributions/similar`;
    const anonymous = await t().client().post<{ items: Similar[] }>(url, { title: 'Bilby buckle' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.items).toHaveLength(1);
    const status = async (client: Client, path: string, body: unknown) => {
      const response = await client.post<ErrorBody>(path, body);
      return [response.status, response.body.error?.code, response.body.error?.details[0]?.path];
    };
    expect(await status(ana.client, '/api/v1/initiatives/unknown/contributions/similar', { title: 'Bilby' })).toEqual([404, 'not_found', undefined]);
    expect(await status(ana.client, url, {})).toEqual([422, 'validation_failed', '/title']);
    expect(await status(ana.client, url, { title: '' })).toEqual([422, 'validation_failed', '/title']);
    expect(await status(ana.client, url, { title: 'x'.repeat(201) })).toEqual([422, 'validation_failed', '/title']);
    expect(await status(ana.client, url, { title: 'Bilby', limit: 0 })).toEqual([422, 'validation_failed', '/limit']);
    expect(await status(ana.client, url, { title: 'Bilby', limit: 21 })).toEqual([422, 'validation_failed', '/limit']);
    expect((await ana.client.post<{ items: Similar[] }>(url, { title: 'Bilby buckle', limit: 20 })).body.items).toHaveLength(1);
    expect(await status(ana.client, url, { title: 'Bilby', limit: '3' })).toEqual([422, 'validation_failed', '/limit']);
    expect(await status(ana.client, url, { title: 'Bilby', kind: 'idea' })).toEqual([422, 'validation_failed', '/kind']);
    for (const title of ["'; drop table users; --", ':* | ! & <->', '\uE000\uE001', '"""', 'x'.repeat(200), '🙂'.repeat(100), 'ŝéàmś ₃ ⅷ 42']) {
      expect((await ana.client.post(url, { title, body: `${title} `.repeat(50) })).status, title).toBe(200);
    }
    expect((await room.host.client.patch(`/api/v1/orgs/${room.org}`, { visibility: 'private' })).status).toBe(200);
    expect(await status(t().client(), url, { title: 'Bilby buckle' })).toEqual([404, 'not_found', undefined]);
    expect((await ana.client.post(url, { title: 'Bilby buckle' })).status).toBe(200);
  });
});
