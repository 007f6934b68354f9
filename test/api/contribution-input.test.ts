import { expect, it } from 'vitest';
import { experience, idea, openRoom } from '../support/contributions.js';
import { createInitiative } from '../support/initiatives.js';
import { describeEachDatabase } from '../support/test-app.js';

type Failure = { error: { code: string; details: { path?: string; code: string }[] } };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describeEachDatabase('contribution input and permissions', (t) => {
  it('refuses bad input on every field with the field named', async () => {
    const room = await openRoom(t());
    const ana = await room.participant('Ana');
    const url = `/api/v1/initiatives/${room.initiative.id}/contributions`;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...experience('Fine title'), kind: 'poem' }, '/kind', 'enum'],
      [{ ...experience('Fine title'), title: 'ab' }, '/title', 'minLength'],
      [{ ...experience('Fine title'), title: '   x   ' }, '/title', 'too_short'],
      [{ ...experience('Fine title'), title: 'x'.repeat(201) }, '/title', 'maxLength'],
      [{ ...experience('Fine title'), body: '' }, '/body', 'minLength'],
      [{ ...experience('Fine title'), body: '  \n ' }, '/body', 'required'],
      [{ ...experience('Fine title'), body: 'x'.repeat(20_001) }, '/body', 'maxLength'],
      [{ ...experience('Fine title'), situation: undefined }, '/situation', 'required'],
      [{ ...experience('Fine title'), sentiment: 'meh' }, '/sentiment', 'enum'],
      [{ ...experience('Fine title'), problem: 'Not for experiences' }, '/problem', 'not_for_kind'],
      [{ ...idea('Fine title'), problem: '' }, '/problem', 'required'],
      [{ ...idea('Fine title'), wish: 'Not for ideas' }, '/wish', 'not_for_kind'],
      [{ kind: 'build', title: 'Fine title', body: 'Better' }, '/buildsOn', 'required'],
      [{ kind: 'build', title: 'Fine title', body: 'Better', buildsOn: ['nope'] }, '/buildsOn/0', 'unknown_contribution'],
      [{ ...idea('Fine title'), buildsOn: ['x'] }, '/buildsOn', 'not_for_kind'],
      [{ ...idea('Fine title'), cites: ['nope'] }, '/cites/0', 'not_an_experience'],
      [{ ...idea('Fine title'), answers: ['nope'] }, '/answers/0', 'unknown_need'],
      [{ ...experience('Fine title'), tags: ['!!!'] }, '/tags/0', 'invalid_tag'],
      [{ ...experience('Fine title'), tags: Array(11).fill('a') }, '/tags', 'maxItems'],
      [{ ...experience('Fine title'), colour: 'red' }, '/colour', 'unknown_field'],
      [{ ...experience('Fine title'), title: 42 }, '/title', 'type'],
    ];
    for (const [body, path, code] of cases) {
      const response = await ana.client.post<Failure>(url, body);
      expect([response.status, path, response.body.error.details.map((d) => [d.path, d.code])], JSON.stringify(body).slice(0, 80)).toEqual([422, path, expect.arrayContaining([[path, code]])]);
    }
    const idea1 = await room.contribute(ana, idea('An idea to cite'));
    const citing = await ana.client.post<Failure>(url, { ...idea('Cites an idea'), cites: [idea1.id] });
    expect(citing.body.error.details).toEqual([{ path: '/cites/0', message: 'is not an experience in this initiative', code: 'not_an_experience' }]);
    expect((await ana.client.post(`/api/v1/initiatives/unknown/contributions`, experience('Fine title'))).status).toBe(404);
    expect((await t().client().post(url, experience('Fine title'))).status).toBe(401);
  });

  it('lets only the audience contribute, in the phases that enable it; edits become revisions with diffs', async () => {
    const room = await openRoom(t(), ['customer']);
    const ana = await room.participant('Ana');
    const sam = await room.participant('Sam', 'supplier');
    const url = `/api/v1/initiatives/${room.initiative.id}/contributions`;
    expect(((await sam.client.post<Failure>(url, experience('Outside the audience'))).body).error.code).toBe('not_in_audience');
    const observer = await t().person('Olive');
    await t().join(room.host, room.org, observer, 'observer', 'customer');
    expect(((await observer.client.post<Failure>(url, experience('Only watching'))).body).error.code).toBe('not_a_participant');
    // The default timeline's first phase (Listen) enables experiences only: ideas and builds wait.
    const listening = await createInitiative(t(), room.host, room.org, { launch: true, overrides: { audience: ['customer'] } });
    expect((await ana.client.post(`/api/v1/initiatives/${listening.id}/terms/accept`, { version: 1 })).status).toBe(200);
    const early = await ana.client.post<Failure>(`/api/v1/initiatives/${listening.id}/contributions`, idea('Too early for ideas'));
    expect([early.status, early.body.error.code]).toEqual([409, 'phase_closed']);
    expect((await ana.client.post(`/api/v1/initiatives/${listening.id}/contributions`, experience('Right on time'))).status).toBe(201);
    const c = await room.contribute(ana, experience('Wet shoulders again', { tags: ['rain'] }));
    const edited = await ana.client.patch<{ revision: number; title: string }>(`/api/v1/contributions/${c.id}`, { title: 'Wet shoulders, again and again', tags: ['rain', 'seams'], note: 'Clearer title' });
    expect(edited.body).toMatchObject({ revision: 2, title: 'Wet shoulders, again and again' });
    const same = await ana.client.patch<{ revision: number }>(`/api/v1/contributions/${c.id}`, { title: 'Wet shoulders, again and again' });
    expect(same.body.revision).toBe(2);
    const revisions = await ana.client.get<{ items: { revision: number; note: string; changes: { field: string; parts: { op: string; text: string }[] }[] }[] }>(`/api/v1/contributions/${c.id}/revisions`);
    expect(revisions.body.items.map((r) => r.revision)).toEqual([1, 2]);
    const second = revisions.body.items[1]!;
    expect(second.note).toBe('Clearer title');
    expect(second.changes.map((ch) => ch.field).sort()).toEqual(['tags', 'title']);
    const parts = second.changes.find((ch) => ch.field === 'title')!.parts;
    expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe('Wet shoulders again');
    expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe('Wet shoulders, again and again');
    expect(parts.some((p) => p.op === 'added')).toBe(true);
    const other = await room.participant('Ben');
    expect((await other.client.patch(`/api/v1/contributions/${c.id}`, { title: 'Not mine to change' })).status).toBe(403);
    expect((await ana.client.patch<Failure>(`/api/v1/contributions/${c.id}`, { problem: 'no' })).body.error.details[0]).toMatchObject({ path: '/problem', code: 'not_for_kind' });
    expect((await ana.client.patch(`/api/v1/contributions/${c.id}`, {})).status).toBe(422);
    expect((await ana.client.patch('/api/v1/contributions/nope', { title: 'Whatever it is' })).status).toBe(404);
  });

  it('invites co-authors who accept, and carries attachments', async () => {
    const room = await openRoom(t());
    const [ana, ben, cai] = await Promise.all([room.participant('Ana'), room.participant('Ben'), room.participant('Cai')]);
    const c = await room.contribute(ana, idea('A repair kit in the pocket'));
    const base = `/api/v1/contributions/${c.id}/coauthors`;
    expect((await ben.client.post(base, { userId: cai.user.id })).status).toBe(403);
    expect((await ana.client.post<Failure>(base, { userId: 'stranger' })).body.error.details[0]?.code).toBe('not_member');
    expect((await ana.client.post(base, { userId: ben.user.id })).status).toBe(200);
    expect((await ana.client.post<Failure>(base, { userId: ben.user.id })).body.error.code).toBe('already_invited');
    expect((await ben.client.get<{ me: { coauthorInvitation: boolean; canEdit: boolean } }>(`/api/v1/contributions/${c.id}`)).body.me).toMatchObject({ coauthorInvitation: true, canEdit: false });
    expect((await cai.client.post(`${base}/me`, { accept: true })).status).toBe(404);
    const accepted = await ben.client.post<{ coauthors: { id: string; status: string }[]; me: { canEdit: boolean } }>(`${base}/me`, { accept: true });
    expect(accepted.body.coauthors).toEqual([{ id: ben.user.id, name: 'Ben', status: 'accepted' }]);
    expect(accepted.body.me.canEdit).toBe(true);
    expect((await ben.client.patch(`/api/v1/contributions/${c.id}`, { body: 'Now with a needle too.' })).status).toBe(200);
    expect((await cai.client.delete(`${base}/${ben.user.id}`)).status).toBe(403);
    expect((await ana.client.delete(`${base}/${ana.user.id}`)).status).toBe(404);

    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'kit.pdf');
    const attached = await ben.client.upload<{ id: string; name: string; mediaType: string; url: string }>(`/api/v1/contributions/${c.id}/attachments`, form);
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ name: 'kit.pdf', mediaType: 'application/pdf' });
    const download = await cai.client.get(attached.body.url);
    expect(download.status).toBe(200);
    const text = new FormData();
    text.append('file', new Blob(['hello'], { type: 'application/pdf' }), 'fake.pdf');
    expect((await ana.client.upload<Failure>(`/api/v1/contributions/${c.id}/attachments`, text)).body.error.code).toBe('unsupported_file_type');
    expect((await cai.client.upload(`/api/v1/contributions/${c.id}/attachments`, form)).status).toBe(403);
    expect((await ana.client.upload(`/api/v1/contributions/nope/attachments`, form)).status).toBe(404);
    expect((await ana.client.get('/api/v1/attachments/nope/file')).status).toBe(404);
    const extra = new FormData();
    extra.append('caption', 'x');
    extra.append('file', new Blob([PDF], { type: 'application/pdf' }), 'kit.pdf');
    expect((await ana.client.upload<Failure>(`/api/v1/contributions/${c.id}/attachments`, extra)).body.error.details[0]?.path).toBe('/caption');
  });
});
