import { expect, it } from 'vitest';
import { experience, idea, openRoom, type ContributionBody } from '../support/contributions.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { unsafeParts } from '../support/html.js';
import { describeEachDatabase } from '../support/test-app.js';

describeEachDatabase('contributions', (t) => {
  it('records the terms version and phase, renders Markdown safely, and its author follows it', async () => {
    const room = await openRoom(t());
    const chloe = await room.participant('Chloe');
    const created = await room.contribute(chloe, experience('Soaked at the shoulders', { body: '**Wet** <script>alert(1)</script> [x](javascript:alert(1))', tags: ['Rain Gear', 'rain-gear', ' Seams! '] }));
    expect(created.kind).toBe('experience');
    expect(created.termsVersion).toBe(1);
    expect(created.phase.name).toBe('Open');
    expect(created.tags).toEqual(['rain-gear', 'seams']);
    expect(created.bodyHtml).toContain('<strong>Wet</strong>');
    expect(unsafeParts(created.bodyHtml)).toEqual([]);
    expect(created.bodyHtml).toContain('&lt;script&gt;');
    expect(created.me).toMatchObject({ isAuthor: true, canEdit: true, following: true, supported: false });
  });

  it('renders every payload of the XSS corpus inert, in contributions and comments', async () => {
    const room = await openRoom(t());
    const chloe = await room.participant('Chloe');
    const body = XSS_PAYLOADS.join('\n\n');
    const created = await room.contribute(chloe, experience('Hostile Markdown', { body }));
    expect(created.body).toBe(body);
    expect(unsafeParts(created.bodyHtml)).toEqual([]);
    const comment = await chloe.client.post<{ bodyHtml: string }>(`/api/v1/contributions/${created.id}/comments`, { body });
    expect(unsafeParts(comment.body.bodyHtml)).toEqual([]);
  });

  it('lists with every sort and pages without repeats', async () => {
    const room = await openRoom(t());
    const people = await Promise.all(['A', 'B', 'C'].map((n) => room.participant(n)));
    const made: ContributionBody[] = [];
    for (let i = 0; i < 5; i++) made.push(await room.contribute(people[i % 3]!, idea(`Idea number ${i}`)));
    await people[1]!.client.post(`/api/v1/contributions/${made[0]!.id}/support`);
    await people[2]!.client.post(`/api/v1/contributions/${made[0]!.id}/support`);
    await people[0]!.client.post(`/api/v1/contributions/${made[4]!.id}/support`);
    for (const sort of ['top', 'new', 'trending', 'controversial', 'unanswered', 'discussed']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await people[0]!.client.get(`/api/v1/initiatives/${room.initiative.id}/contributions?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      if (sort !== 'controversial') expect(seen.sort()).toEqual(made.map((m) => m.id).sort());
    }
    const forged = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
    for (const [sort, cursor] of [['top', { key: 'x', id: made[0]!.id }], ['new', { key: 3, id: made[0]!.id }], ['top', { key: 1, id: 'a\u0000b' }], ['trending', { key: 1.5, id: made[0]!.id }]] as const) {
      const response = await people[0]!.client.get<{ error: { details: { code: string }[] } }>(`/api/v1/initiatives/${room.initiative.id}/contributions?sort=${sort}&cursor=${forged(cursor)}`);
      expect([response.status, response.body.error.details[0]?.code]).toEqual([422, 'invalid_cursor']);
    }
    const top = await people[0]!.client.get<{ items: { id: string; supportCount: number }[] }>(`/api/v1/initiatives/${room.initiative.id}/contributions?sort=top`);
    expect(top.body.items.slice(0, 2).map((i) => [i.id, i.supportCount])).toEqual([[made[0]!.id, 2], [made[4]!.id, 1]]);
  });
});
