import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/a11y.js';
import { acceptTerms, contribute, createOrg, join, openInitiative, signIn, signUp, type ApiPerson, type OpenInitiative } from './support/api.js';
import { chromiumAvailable, launchBrowser, requireChromium } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe.skipIf(!chromiumAvailable())('contributions in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let olga: ApiPerson;
  let pia: ApiPerson;
  let quinn: ApiPerson;
  let initiative: OpenInitiative;

  beforeAll(async () => {
    requireChromium();
    server = await startServer();
    browser = await launchBrowser();
    olga = await signUp(server.baseUrl, 'Olga Lind', 'olga@example.com');
    const slug = await createOrg(olga, 'Fjord Gear', 'fjord-gear');
    initiative = await openInitiative(olga, slug, 'Rain jackets that last');
    pia = await signUp(server.baseUrl, 'Pia Berg', 'pia@example.com');
    await join(olga, slug, pia, 'customer');
    quinn = await signUp(server.baseUrl, 'Quinn Ode', 'quinn@example.com');
    await join(olga, slug, quinn, 'community');
    await acceptTerms(quinn, initiative);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function as(person: ApiPerson): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await signIn(context, server.baseUrl, person);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    return page;
  }

  const apiGet = async <T,>(person: ApiPerson, path: string) => (await person.request<T>('GET', path)).body;

  it('a participant writes an experience and an idea, others support and discuss, the author edits, a host hides, the author appeals and the host upholds', async () => {
    // Pia finds the contributions from the initiative's home, and an empty feed says what to do.
    const p = await as(pia);
    await p.goto(`${server.baseUrl}/initiatives/${initiative.id}`);
    await p.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Contributions' }).click();
    await p.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
    await expectAccessible(p, 'the feed, empty');

    // The experience: the terms come first, and the text waits while she reads them.
    await p.getByRole('link', { name: 'Tell an experience' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Tell an experience' }).waitFor();
    await p.getByText('Before your first contribution, read and accept the terms (version 1).').waitFor();
    await p.getByRole('button', { name: 'Share your experience' }).click();
    await p.getByText('Write at least 3 characters.').waitFor();
    await p.getByLabel('Title', { exact: true }).fill('Soaked at the shoulders on day two');
    await p.getByLabel('The situation').fill('Hiking the coast path in November rain.');
    await p.getByLabel('What happened').fill('Water came in through the **shoulder seams** after two hours. My base layer was wet.');
    await p.getByLabel('It hurt').check();
    await p.getByLabel('What you wished for', { exact: false }).and(p.getByRole('textbox')).fill('Seams that stay dry all day.');
    await p.getByLabel('Tags').fill('Seams, rain');
    await expectAccessible(p, 'compose an experience');
    await p.getByRole('button', { name: 'Share your experience' }).click();
    const terms = p.getByRole('dialog', { name: 'The terms of Rain jackets that last' });
    await terms.getByRole('button', { name: 'Accept these terms' }).click();
    await terms.waitFor({ state: 'detached' });
    expect(await p.getByLabel('Title', { exact: true }).inputValue()).toBe('Soaked at the shoulders on day two');
    await p.getByRole('button', { name: 'Share your experience' }).click();
    await p.waitForURL(/\/contributions\/[^/]+$/);
    const experienceUrl = p.url();
    await p.getByRole('heading', { level: 1, name: 'Soaked at the shoulders on day two' }).waitFor();
    await p.locator('.contribution-text strong', { hasText: 'shoulder seams' }).waitFor();
    await p.getByText('Seams that stay dry all day.').waitFor();
    await p.getByRole('link', { name: '#seams' }).waitFor();
    await p.getByRole('region', { name: 'About this contribution' }).getByText('It earns what version 1 promised, whatever changes later.').waitFor();
    await expectAccessible(p, 'a contribution (its author)');

    // The idea: while she types, the experience is suggested to support or build on instead.
    await p.goto(`${server.baseUrl}/initiatives/${initiative.id}/contributions`);
    await p.locator('.contribution-card', { hasText: 'Soaked at the shoulders on day two' }).waitFor();
    await p.getByRole('link', { name: 'Propose an idea' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Propose an idea' }).waitFor();
    await p.getByLabel('Title', { exact: true }).fill('Taped shoulder seams');
    await p.getByLabel('The problem').fill('Rain gets in through the shoulder seams.');
    const similar = p.getByRole('region', { name: 'Support or build on one of these instead' });
    await similar.getByRole('link', { name: /Soaked at the shoulders on day two/ }).waitFor();
    await similar.getByRole('button', { name: 'Build on this' }).waitFor();
    await expectAccessible(p, 'compose an idea with a similar suggestion');
    await p.getByLabel('Your proposal').fill('Tape the shoulder seams from inside, like on mountain jackets.');
    await p.getByRole('button', { name: 'Choose “Soaked at the shoulders on day two”' }).click();
    await p.getByRole('button', { name: 'Propose the idea' }).click();
    await p.waitForURL(/\/contributions\/[^/]+$/);
    const ideaUrl = p.url();
    const ideaId = ideaUrl.split('/').pop()!;
    await p.getByRole('heading', { level: 1, name: 'Taped shoulder seams' }).waitFor();
    await p.locator('.lineage-group', { hasText: 'Cites the experiences' }).getByRole('link', { name: 'Soaked at the shoulders on day two' }).waitFor();
    await p.goto(experienceUrl);
    await p.locator('.lineage-group', { hasText: 'Cited by' }).getByRole('link', { name: 'Taped shoulder seams' }).waitFor();

    // Quinn supports the idea: a double click counts once.
    const q = await as(quinn);
    await q.goto(ideaUrl);
    const support = q.getByRole('button', { name: 'Support', exact: true });
    await support.dblclick();
    await q.getByRole('button', { name: 'Supported' }).waitFor();
    await q.getByText('1 support', { exact: true }).waitFor();
    await q.waitForLoadState('networkidle');
    await q.waitForTimeout(300);
    expect(await q.getByText('1 support', { exact: true }).count()).toBe(1);
    expect((await apiGet<{ supportCount: number }>(quinn, `/contributions/${ideaId}`)).supportCount).toBe(1);
    await q.reload();
    await q.getByText('1 support', { exact: true }).waitFor();
    expect(await q.getByRole('button', { name: 'Supported' }).getAttribute('aria-pressed')).toBe('true');

    // Quinn comments, Pia replies.
    await q.getByLabel('Add a comment').fill('Would taped seams make the jacket **stiffer**?');
    await q.getByRole('button', { name: 'Comment', exact: true }).click();
    await q.locator('.comment-body strong', { hasText: 'stiffer' }).waitFor();
    await q.getByRole('heading', { name: '1 comment' }).waitFor();
    await expectAccessible(q, 'a contribution with a comment (a reader)');
    await p.goto(ideaUrl);
    await p.getByRole('button', { name: 'Reply to Quinn Ode' }).click();
    await p.getByRole('textbox', { name: 'Reply to Quinn Ode' }).fill('Not with the thin tape the mountain jackets use.');
    await p.getByRole('button', { name: 'Reply', exact: true }).click();
    const replies = p.getByRole('list', { name: 'Replies to Quinn Ode' });
    await replies.getByText('Not with the thin tape the mountain jackets use.').waitFor();
    await p.getByRole('heading', { name: '2 comments' }).waitFor();

    // Pia edits her idea; the history shows what changed, word by word, and why.
    await p.getByRole('group', { name: 'What you can do' }).getByRole('button', { name: 'Edit' }).click();
    await p.getByLabel('Your proposal').fill('Tape the shoulder seams from inside with a soft, thin tape, like on mountain jackets.');
    await p.getByLabel('What changed, and why').fill('Softer tape, after Quinn’s question');
    await p.getByRole('button', { name: 'Save the new version' }).click();
    await p.getByText('Saved. The earlier version stays in the history.').waitFor();
    const history = p.getByRole('region', { name: 'History: 2 versions' });
    await history.locator('.word-diff ins', { hasText: 'soft' }).first().waitFor();
    await history.getByText('Softer tape, after Quinn’s question').waitFor();
    await expectAccessible(p, 'a contribution with its history');

    // Olga hides it with a reason.
    const o = await as(olga);
    await o.goto(ideaUrl);
    await o.getByRole('button', { name: 'Hide…' }).click();
    const hide = o.getByRole('dialog', { name: 'Hide “Taped shoulder seams”?' });
    await hide.getByLabel('Reason').fill('It quotes a supplier’s price list, which is confidential.');
    await expectAccessible(o, 'the hide dialog');
    await hide.getByRole('button', { name: 'Hide it' }).click();
    await o.getByText('Hidden. Its authors see your reason.').waitFor();
    await o.getByRole('button', { name: 'Show again' }).waitFor();

    // Quinn no longer sees it; Pia sees why, and appeals.
    await q.reload();
    await q.getByRole('heading', { level: 1, name: 'Contribution not found' }).waitFor();
    await p.reload();
    await p.getByText('Hidden by the hosts').waitFor();
    await p.getByText('It quotes a supplier’s price list, which is confidential.').waitFor();
    await p.getByLabel('Why should it be shown again?').fill('I removed nothing confidential: the prices are on the supplier’s public website.');
    await expectAccessible(p, 'a hidden contribution (its author)');
    await p.getByRole('button', { name: 'Send the appeal' }).click();
    await p.getByText('Your appeal is with the hosts: “I removed nothing confidential: the prices are on the supplier’s public website.”').waitFor();

    await p.goto(`${server.baseUrl}/account`);
    const mine = p.getByRole('region', { name: 'Hidden by the hosts' });
    await mine.getByRole('link', { name: 'Taped shoulder seams' }).waitFor();
    await mine.getByText('Your appeal is with the hosts.', { exact: false }).waitFor();

    // Olga upholds the appeal in the moderation queue.
    await o.goto(`${server.baseUrl}/initiatives/${initiative.id}`);
    await o.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Moderation' }).click();
    const appeal = o.locator('.moderation-item', { hasText: 'Taped shoulder seams' });
    await appeal.getByText('It quotes a supplier’s price list, which is confidential.').waitFor();
    await appeal.getByLabel('Your note to the author').fill('You are right: those prices are public. Sorry.');
    await expectAccessible(o, 'the moderation queue with an appeal');
    await appeal.getByRole('button', { name: 'Uphold: show it again' }).click();
    await o.getByText('Upheld: it is visible again.').waitFor();
    await o.getByRole('heading', { name: 'No appeal is waiting' }).waitFor();

    await p.goto(ideaUrl);
    await p.getByRole('heading', { level: 1, name: 'Taped shoulder seams' }).waitFor();
    expect(await p.getByText('Hidden by the hosts').count()).toBe(0);
    await q.reload();
    await q.getByRole('heading', { level: 1, name: 'Taped shoulder seams' }).waitFor();

    // The feed finds it by search, sorts it to the top by support, and filters by kind.
    await q.goto(`${server.baseUrl}/initiatives/${initiative.id}/contributions`);
    await q.getByRole('button', { name: 'Top', exact: true }).click();
    await expect.poll(() => q.locator('.contribution-card h3').first().textContent()).toBe('Taped shoulder seams');
    await q.getByText('Filter', { exact: true }).click();
    await q.getByLabel('Kind').selectOption('experience');
    await expect.poll(() => q.locator('.contribution-card').count()).toBe(1);
    await q.locator('.contribution-card', { hasText: 'Soaked at the shoulders on day two' }).waitFor();
    await expectAccessible(q, 'the feed, filtered');
    await q.getByRole('searchbox', { name: 'Search contributions and comments' }).fill('stiffer');
    await q.keyboard.press('Enter');
    const results = q.getByRole('list', { name: 'Results for “stiffer”' });
    await results.locator('mark', { hasText: 'stiffer' }).first().waitFor();
    await results.getByText('In a comment').waitFor();
    await expectAccessible(q, 'search results');
  });

  it('flags are grouped by what was flagged; a host dismisses them in bulk', async () => {
    await acceptTerms(pia, initiative).catch(() => undefined);
    const target = await contribute(pia, initiative, { kind: 'idea', title: 'A hood that folds into the collar', problem: 'The hood flaps in the wind.', body: 'Fold it into the collar.' });
    for (const person of [quinn, olga]) {
      const flagged = await person.request('POST', `/contributions/${target}/flags`, { reason: 'off_topic' });
      expect(flagged.status).toBe(201);
    }
    const q = await as(quinn);
    await q.goto(`${server.baseUrl}/contributions/${target}`);
    await q.getByRole('button', { name: 'Flag' }).click();
    const dialog = q.getByRole('dialog', { name: 'Flag this contribution' });
    await dialog.getByLabel('Something else').check();
    await dialog.getByRole('button', { name: 'Send the flag' }).click();
    await dialog.getByText('Say what is wrong.').waitFor();
    await expectAccessible(q, 'the flag dialog');
    await dialog.getByLabel('Anything the hosts should know').fill('Just checking the flag twice.');
    await dialog.getByRole('button', { name: 'Send the flag' }).click();
    await dialog.getByText('You already flagged this; the hosts will look at it.').waitFor();

    const o = await as(olga);
    await o.goto(`${server.baseUrl}/initiatives/${initiative.id}/moderation`);
    const item = o.locator('.moderation-item', { hasText: 'A hood that folds into the collar' });
    await item.getByText('2 flags').waitFor();
    await item.getByText('Off topic × 2').waitFor();
    await o.getByLabel('Select A hood that folds into the collar').check();
    await o.getByText('1 selected').waitFor();
    await expectAccessible(o, 'the flag queue');
    await o.getByRole('button', { name: 'Dismiss the flags' }).click();
    await o.getByRole('dialog').getByRole('button', { name: 'Dismiss the flags' }).click();
    await o.getByText('Flags dismissed on 1 item.').waitFor();
    await o.getByRole('heading', { name: 'Nothing is flagged' }).waitFor();
  });

  it('an author attaches a picture and invites a co-author, who accepts', async () => {
    await acceptTerms(pia, initiative).catch(() => undefined);
    const id = await contribute(pia, initiative, { kind: 'idea', title: 'Reflective piping on the cuffs', problem: 'Walkers are hard to see at dusk.', body: 'Add reflective piping to both cuffs.' });
    const p = await as(pia);
    await p.goto(`${server.baseUrl}/contributions/${id}`);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await p.getByLabel('Add a picture or PDF').setInputFiles({ name: 'cuff.png', mimeType: 'image/png', buffer: png });
    await p.getByRole('button', { name: 'Upload' }).click();
    await p.getByText('cuff.png is attached.').waitFor();
    const link = p.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'cuff.png' });
    const href = await link.getAttribute('href');
    const file = await p.request.get(`${server.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');

    await p.getByRole('button', { name: 'Invite a co-author' }).click();
    await p.getByLabel('Co-author').selectOption({ label: 'Quinn Ode' });
    await p.getByRole('button', { name: 'Send the invitation' }).click();
    await p.getByText('Quinn Ode is invited to co-author.').waitFor();
    await p.getByRole('region', { name: 'About this contribution' }).getByText('(invited)').waitFor();
    await expectAccessible(p, 'a contribution with an attachment and an invited co-author');

    const q = await as(quinn);
    await q.goto(`${server.baseUrl}/contributions/${id}`);
    await q.getByText('You are invited to co-author this').waitFor();
    await expectAccessible(q, 'an invitation to co-author');
    await q.getByRole('button', { name: 'Accept' }).click();
    await q.getByText('You are now a co-author.').waitFor();
    await q.getByText('By Pia Berg (customer) with Quinn Ode').waitFor();
    await q.getByRole('group', { name: 'What you can do' }).getByRole('button', { name: 'Edit' }).waitFor();
  });

  it('Markdown with scripts, handlers and script links renders inert', async () => {
    await acceptTerms(pia, initiative).catch(() => undefined);
    const payloads = [
      '<script>window.__xss = "script"; alert("script")</script>',
      '<img src=x onerror="window.__xss = \'img\'; alert(\'img\')">',
      '[click me](javascript:alert("link"))',
      '<svg onload="window.__xss = \'svg\'; alert(\'svg\')"><circle r="4"/></svg>',
      '<a href="javascript:alert(1)">raw link</a> <iframe src="javascript:alert(2)"></iframe>',
      '**still bold**',
    ].join('\n\n');
    const id = await contribute(pia, initiative, {
      kind: 'experience', title: 'Payloads <script>alert("title")</script>', situation: '<img src=x onerror=alert("situation")>', sentiment: 'mixed', body: payloads,
    });
    await quinn.request('POST', `/contributions/${id}/comments`, { body: payloads });
    const q = await as(quinn);
    const dialogs: string[] = [];
    q.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await q.goto(`${server.baseUrl}/contributions/${id}`);
    await q.getByRole('heading', { level: 1, name: 'Payloads <script>alert("title")</script>' }).waitFor();
    await q.locator('.contribution-text strong', { hasText: 'still bold' }).waitFor();
    await q.locator('.comment-body strong', { hasText: 'still bold' }).waitFor();
    await q.getByText('<img src=x onerror=alert("situation")>').waitFor();
    await q.waitForTimeout(500);
    const found = await q.evaluate(() => {
      const main = document.querySelector('main')!;
      return {
        scripts: main.querySelectorAll('script').length,
        svgs: main.querySelectorAll('.markdown svg').length,
        iframes: main.querySelectorAll('iframe').length,
        handlers: Array.from(main.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).length,
        scriptLinks: Array.from(main.querySelectorAll('[href], [src]')).filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
        xss: (window as unknown as { __xss?: string }).__xss ?? null,
      };
    });
    expect(found).toEqual({ scripts: 0, svgs: 0, iframes: 0, handlers: 0, scriptLinks: 0, xss: null });
    expect(dialogs).toEqual([]);

    // In the feed the title is text, never markup.
    await q.goto(`${server.baseUrl}/initiatives/${initiative.id}/contributions`);
    await q.getByRole('link', { name: 'Payloads <script>alert("title")</script>' }).waitFor();
    expect(await q.evaluate(() => document.querySelectorAll('main script').length)).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
