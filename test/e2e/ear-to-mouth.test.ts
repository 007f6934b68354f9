import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/a11y.js';
import { acceptTerms, contribute, createOrg, join, openInitiative, PASSWORD, signIn, signUp, type ApiPerson, type OpenInitiative } from './support/api.js';
import { chromiumAvailable, launchBrowser, requireChromium } from './support/browser.js';
import { freePort, startServer, type RunningServer } from './support/server.js';

/** A webhook receiver on this machine: answers 200 and remembers what it got. */
async function startReceiver(): Promise<{ url: string; received: { type: string; signature: string | undefined }[]; close: () => Promise<void> }> {
  const received: { type: string; signature: string | undefined }[] = [];
  const port = await freePort();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      try {
        const parsed = JSON.parse(body) as { type?: string };
        received.push({ type: parsed.type ?? '', signature: request.headers['webhook-signature'] as string | undefined });
      } catch {
        received.push({ type: '', signature: undefined });
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/moebius`, received, close: () => new Promise((done) => server.close(() => done())) };
}

describe.skipIf(!chromiumAvailable())('the shortest path from ear to mouth in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const contexts: BrowserContext[] = [];
  let olga: ApiPerson;
  let pia: ApiPerson;
  let quinn: ApiPerson;
  let slug: string;
  let initiative: OpenInitiative;
  let ideaId: string;
  let zipId: string;

  beforeAll(async () => {
    requireChromium();
    server = await startServer();
    browser = await launchBrowser();
    receiver = await startReceiver();
    olga = await signUp(server.baseUrl, 'Olga Lind', 'olga@example.com');
    slug = await createOrg(olga, 'Fjord Gear', 'fjord-gear');
    initiative = await openInitiative(olga, slug, 'Rain jackets that last');
    pia = await signUp(server.baseUrl, 'Pia Berg', 'pia@example.com');
    await join(olga, slug, pia, 'customer');
    await acceptTerms(pia, initiative);
    quinn = await signUp(server.baseUrl, 'Quinn Ode', 'quinn@example.com');
    await join(olga, slug, quinn, 'community');
    await acceptTerms(quinn, initiative);
    ideaId = await contribute(pia, initiative, { kind: 'idea', title: 'A hood that fits over a helmet', problem: 'Cyclists cannot wear the hood over a helmet.', body: 'Make the hood two sizes larger, with a drawcord.' });
    zipId = await contribute(quinn, initiative, { kind: 'experience', title: 'The zip froze on the ridge', situation: 'A winter crossing of the fjell.', body: 'At minus ten the zip would not move.', sentiment: 'pain' });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await receiver?.close();
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

  const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
  /** What the bell says to a screen reader, e.g. "Notifications: 1 unread". */
  const bellSays = (page: Page) => bell(page).getAttribute('aria-label');

  it('a host answers (a no needs a reason), the author sees it live with the bell rising, reads the inbox; an update and the accountability page close the loop', async () => {
    const ideaUrl = `${server.baseUrl}/contributions/${ideaId}`;

    // Pia waits on her idea's page: no answer yet, and what the hosts promise.
    const p = await as(pia);
    await p.goto(ideaUrl);
    await p.getByRole('heading', { level: 2, name: 'Waiting for the hosts’ answer' }).waitFor();
    await p.getByText('The hosts aim to answer every contribution within 7 days.').waitFor();
    expect(await bellSays(p)).toBe('Notifications');
    await p.waitForLoadState('networkidle');

    // Olga finds it in the unanswered queue, longest waiting first.
    const o = await as(olga);
    await o.goto(`${server.baseUrl}/initiatives/${initiative.id}`);
    await o.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Unanswered' }).click();
    const queue = o.getByRole('list', { name: 'Contributions waiting for an answer' });
    await queue.getByRole('link', { name: 'A hood that fits over a helmet', exact: true }).waitFor();
    await queue.getByRole('link', { name: 'The zip froze on the ridge', exact: true }).waitFor();
    await o.getByRole('region', { name: 'How fast the hosts answer' }).getByText('2 waiting').waitFor();
    await expectAccessible(o, 'the unanswered queue');
    await o.getByLabel('Answer within').fill('3');
    await o.getByRole('button', { name: 'Save the target' }).click();
    await o.getByText('The target is now 3 days.').waitFor();

    // She answers: declining without a reason is refused, with the reason it is published.
    await o.getByRole('link', { name: 'Answer “A hood that fits over a helmet”' }).click();
    await o.getByRole('heading', { level: 1, name: 'A hood that fits over a helmet' }).waitFor();
    const composer = o.getByRole('form', { name: 'Your answer, as a host' });
    await composer.getByLabel('Its status from now on').selectOption('declined');
    await composer.getByLabel('What you want to tell them').fill('Thank you, Pia: we looked at it carefully.');
    await composer.getByRole('button', { name: 'Publish the answer' }).click();
    await composer.getByText('Say why: the people behind it read this.').waitFor();
    await expectAccessible(o, 'the answer composer with a missing reason');
    await composer.getByLabel('Why', { exact: true }).fill('A larger hood flaps in the wind for everyone who walks; we will sell a helmet cover instead.');
    await composer.getByRole('button', { name: 'Publish the answer' }).click();
    await o.getByText('Your answer is published. The people behind it are told.').waitFor();

    // Pia sees it without reloading: the answer, its reason, and the bell counts one more.
    const answer = p.getByRole('region', { name: 'The hosts’ answer' });
    await answer.getByText('A larger hood flaps in the wind for everyone who walks; we will sell a helmet cover instead.').waitFor({ timeout: 20_000 });
    await answer.getByText('Olga Lind answered on', { exact: false }).waitFor();
    expect(await answer.getByRole('list', { name: 'Where it stands' }).locator('[aria-current="step"]').textContent()).toBe('Declined');
    await expect.poll(() => bellSays(p), { timeout: 20_000 }).toBe('Notifications: 1 unread');
    await expectAccessible(p, 'a contribution with its answer (the author)');

    // She opens the inbox from the bell.
    await bell(p).click();
    await p.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const inbox = p.getByRole('list', { name: 'Your notifications' });
    await inbox.getByRole('link', { name: 'Olga Lind answered “A hood that fits over a helmet”: Declined' }).waitFor();
    await expectAccessible(p, 'the inbox');
    await inbox.getByRole('button', { name: /^Mark as read/ }).click();
    await expect.poll(() => bellSays(p)).toBe('Notifications');

    // Olga posts an update about it.
    await o.getByRole('link', { name: '← Rain jackets that last' }).click();
    await o.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Updates' }).click();
    await o.getByRole('heading', { name: 'No updates yet' }).waitFor();
    await o.getByRole('button', { name: 'Post an update' }).click();
    await o.getByLabel('Title', { exact: true }).fill('A helmet cover for cyclists');
    await o.getByLabel('What happened').fill('Instead of a **larger hood**, a clip-on helmet cover ships in March.');
    await o.getByRole('button', { name: 'Choose “A hood that fits over a helmet”' }).click();
    await expectAccessible(o, 'the update composer');
    await o.getByRole('button', { name: 'Publish the update' }).click();
    await o.getByText('The update is published.').waitFor();
    const update = o.getByRole('article', { name: 'A helmet cover for cyclists' });
    await update.locator('strong', { hasText: 'larger hood' }).waitFor();
    await update.getByRole('link', { name: 'A hood that fits over a helmet' }).waitFor();

    // The update reaches Pia live; it leads to the Updates tab.
    await expect.poll(() => bellSays(p), { timeout: 20_000 }).toBe('Notifications: 1 unread');
    await inbox.getByRole('link', { name: 'Olga Lind posted an update: “A helmet cover for cyclists”' }).click();
    await p.waitForURL(/\/initiatives\/[^/]+\/updates#update-/);
    await p.getByRole('article', { name: 'A helmet cover for cyclists' }).waitFor();
    await expectAccessible(p, 'the updates of an initiative');

    // What we did with your input: her idea under Declined, with the answer and the update; the response times on the home.
    await p.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'About' }).click();
    const times = p.getByRole('region', { name: 'How fast the hosts answer' });
    await times.getByText('1 answered').waitFor();
    await times.getByRole('link', { name: /What we did with your input/ }).click();
    await p.getByRole('heading', { level: 1, name: 'What we did with your input' }).waitFor();
    const declined = p.getByRole('region', { name: 'Declined (1)' });
    await declined.getByRole('link', { name: 'A hood that fits over a helmet' }).waitFor();
    await declined.getByText('A larger hood flaps in the wind', { exact: false }).waitFor();
    await declined.getByRole('link', { name: 'A helmet cover for cyclists' }).waitFor();
    await p.getByRole('region', { name: 'Received (1)' }).getByRole('link', { name: 'The zip froze on the ridge' }).waitFor();
    await expectAccessible(p, 'what we did with your input');
  });

  it('a person chooses how e-mail reaches them', async () => {
    const p = await as(pia);
    await p.goto(`${server.baseUrl}/account`);
    const prefs = p.getByRole('region', { name: 'E-mail notifications' });
    const responded = prefs.getByLabel('E-mail for: The hosts answer a contribution you wrote, support or follow');
    expect(await responded.inputValue()).toBe('immediately');
    await responded.selectOption('weekly');
    await p.getByText('The hosts answer a contribution you wrote, support or follow: weekly digest.').waitFor();
    await prefs.getByText('Usually: Immediately').waitFor();
    await expectAccessible(p, 'the account page with the e-mail preferences');
    const saved = await pia.request<{ preferences: { type: string; mode: string }[] }>('GET', '/me/notification-preferences');
    expect(saved.body.preferences.find((x) => x.type === 'contribution.responded')?.mode).toBe('weekly');
    await p.reload();
    await expect.poll(() => p.getByLabel('E-mail for: The hosts answer a contribution you wrote, support or follow').inputValue()).toBe('weekly');
  });

  it('an owner registers a webhook, keeps its secret, sends a test and reads the delivery log', async () => {
    const o = await as(olga);
    await o.goto(`${server.baseUrl}/orgs/${slug}/settings`);
    await o.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    // Owners also see what could not be delivered after every retry (nothing, here).
    await o.getByRole('heading', { name: 'Could not be delivered' }).waitFor();
    await o.getByRole('heading', { name: 'Everything was delivered' }).waitFor();
    await o.getByRole('button', { name: 'Add an endpoint' }).click();
    await o.getByLabel('Endpoint URL').fill(receiver.url);
    await o.getByLabel('What it is for').fill('CRM sync');
    await o.getByRole('button', { name: 'Register the endpoint' }).click();
    await o.getByText('Choose at least one event.').waitFor();
    await o.getByRole('checkbox', { name: /^Contributions/ }).check();
    await expectAccessible(o, 'the webhook form');
    await o.getByRole('button', { name: 'Register the endpoint' }).click();
    await o.getByText(`The endpoint ${receiver.url} is registered`).waitFor();
    expect(await o.getByLabel('Signing secret').inputValue()).toMatch(/^whsec_/);
    await expectAccessible(o, 'a new webhook with its secret');
    await o.getByRole('button', { name: 'I have stored it' }).click();
    expect(await o.getByLabel('Signing secret').count()).toBe(0);

    await o.getByRole('link', { name: `Delivery log and settings of ${receiver.url}` }).click();
    await o.getByRole('heading', { level: 2, name: receiver.url }).waitFor();
    await o.getByRole('heading', { name: 'Nothing sent yet' }).waitFor();
    await o.getByRole('button', { name: 'Send a test' }).click();
    const log = o.getByRole('table', { name: `Deliveries to ${receiver.url}` });
    const test = log.getByRole('row').filter({ hasText: 'webhook.test' });
    await test.getByText('Delivered').waitFor({ timeout: 30_000 });
    await test.getByText('200', { exact: true }).waitFor();

    // A real event: a new contribution reaches the endpoint, signed, and shows in the log.
    await contribute(quinn, initiative, { kind: 'experience', title: 'Sleeves too short on the bike', situation: 'Cycling to work in the rain.', body: 'Reaching for the handlebar bares my wrists.', sentiment: 'pain' });
    await log.getByRole('row').filter({ hasText: 'contribution.created' }).getByText('Delivered').waitFor({ timeout: 30_000 });
    expect(receiver.received.some((r) => r.type === 'contribution.created' && r.signature?.startsWith('v1,'))).toBe(true);
    await expectAccessible(o, 'the delivery log');

    // Pause, resume, rotate the secret.
    await o.getByRole('button', { name: 'Pause' }).click();
    await o.getByText('Paused: nothing is sent until you resume it.').waitFor();
    await o.getByRole('button', { name: 'Resume' }).click();
    await o.getByText('Resumed: new events are sent again.').waitFor();
    await o.getByRole('button', { name: 'Rotate the secret' }).click();
    await o.getByRole('dialog', { name: 'Replace the signing secret?' }).getByRole('button', { name: 'Rotate the secret' }).click();
    await o.getByText('The signing secret was replaced').waitFor();
    expect(await o.getByLabel('Signing secret').inputValue()).toMatch(/^whsec_/);
  });

  it('hosts hide flagged contributions in bulk and show them again; they rename a theme and say what belongs in it', async () => {
    const flagged = await pia.request('POST', `/contributions/${zipId}/flags`, { reason: 'off_topic' });
    expect(flagged.status).toBe(201);
    const o = await as(olga);
    await o.goto(`${server.baseUrl}/initiatives/${initiative.id}/moderation`);
    await o.getByRole('checkbox', { name: 'Select The zip froze on the ridge' }).check();
    await o.getByRole('button', { name: 'Hide the selected…' }).click();
    const hide = o.getByRole('dialog', { name: 'Hide 1 item?' });
    await hide.getByLabel('Reason').fill('Not about rain jackets.');
    await hide.getByRole('button', { name: 'Hide 1 item' }).click();
    await o.getByText('1 item hidden.').waitFor();
    const recent = o.getByRole('group', { name: 'Hidden just now: 1 item' });
    await recent.getByText('The zip froze on the ridge').waitFor();
    await expectAccessible(o, 'the moderation queue after a bulk hide');
    await recent.getByRole('button', { name: 'Show it again' }).click();
    await o.getByText('1 item shown again.').waitFor();
    expect((await quinn.request<{ hidden: boolean }>('GET', `/contributions/${zipId}`)).body.hidden).toBe(false);

    const theme = await olga.request<{ id: string }>('POST', `/initiatives/${initiative.id}/themes`, { name: 'Cold', contributionIds: [zipId] });
    expect(theme.status).toBe(201);
    await o.goto(`${server.baseUrl}/initiatives/${initiative.id}/contributions`);
    await o.getByRole('button', { name: 'Edit the theme “Cold”' }).click();
    const edit = o.getByRole('dialog', { name: 'Edit the theme “Cold”' });
    await edit.getByLabel('Name', { exact: true }).fill('Winter use');
    await edit.getByLabel('Description').fill('Jackets in **frost and snow**: zips, cuffs, stiff fabric.');
    await expectAccessible(o, 'the theme dialog');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await o.getByText('The theme “Winter use” is saved.').waitFor();
    await o.getByRole('region', { name: 'Themes' }).getByRole('link', { name: 'Winter use' }).click();
    const about = o.getByRole('region', { name: 'About the theme “Winter use”' });
    await about.locator('strong', { hasText: 'frost and snow' }).waitFor();
    await o.locator('.contribution-card', { hasText: 'The zip froze on the ridge' }).waitFor();
  });

  it('a host blocks a member with a reason and lifts the block', async () => {
    const o = await as(olga);
    await o.goto(`${server.baseUrl}/orgs/${slug}/people`);
    await o.getByText('Nobody is blocked.', { exact: false }).waitFor();
    await o.getByRole('button', { name: 'Block Quinn Ode' }).click();
    const dialog = o.getByRole('dialog', { name: 'Block Quinn Ode?' });
    await dialog.getByRole('button', { name: 'Block' }).click();
    await dialog.getByText('Fill this in.').waitFor();
    await dialog.getByLabel('Why', { exact: true }).fill('Posted the same advert in every initiative.');
    await expectAccessible(o, 'the block dialog');
    await dialog.getByRole('button', { name: 'Block' }).click();
    await o.getByText('Quinn Ode is blocked.').waitFor();
    const blocked = o.getByRole('region', { name: 'Blocked people' });
    await blocked.getByText('Posted the same advert in every initiative.').waitFor();
    await blocked.getByText('Olga Lind').waitFor();
    await expectAccessible(o, 'the People tab with a blocked member');

    const refused = await quinn.request<{ error: { code: string } }>('POST', `/initiatives/${initiative.id}/contributions`, { kind: 'experience', title: 'Buy my jackets', situation: 'Anywhere.', body: 'Cheap jackets here.', sentiment: 'delight' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('blocked');

    await blocked.getByRole('button', { name: 'Unblock Quinn Ode' }).click();
    const lift = o.getByRole('dialog', { name: 'Unblock Quinn Ode?' });
    await lift.getByText('Posted the same advert in every initiative.').waitFor();
    await lift.getByRole('button', { name: 'Unblock' }).click();
    await o.getByText('Quinn Ode can take part again.').waitFor();
    await o.getByText('Nobody is blocked.', { exact: false }).waitFor();
  });

  it('a person erases their account: logged out, and what they wrote stays as "Former participant"', async () => {
    const p = await as(pia);
    await p.goto(`${server.baseUrl}/account`);
    const zone = p.getByRole('region', { name: 'Erase your account' });
    await zone.getByText('What you wrote stays, signed “Former participant”', { exact: false }).waitFor();
    await zone.getByLabel('Your password').fill('not my password');
    await zone.getByLabel('Type “erase my account” to confirm').fill('erase my account');
    await zone.getByRole('button', { name: 'Erase my account for good' }).click();
    await zone.getByText('Your current password is not right.').waitFor();
    await zone.getByLabel('Your password').fill(PASSWORD);
    await zone.getByLabel('Type “erase my account” to confirm').fill('erase it');
    await zone.getByRole('button', { name: 'Erase my account for good' }).click();
    await zone.getByText('Type “erase my account” exactly.').waitFor();
    await expectAccessible(p, 'the erasure form with errors');
    await zone.getByLabel('Type “erase my account” to confirm').fill('erase my account');
    await zone.getByRole('button', { name: 'Erase my account for good' }).click();
    await p.waitForURL(`${server.baseUrl}/?account=erased`);
    await p.getByText('Your account is erased.', { exact: false }).waitFor();
    await p.getByRole('banner').getByRole('link', { name: 'Log in' }).waitFor();
    await expectAccessible(p, 'the start page after erasure');

    await p.goto(`${server.baseUrl}/contributions/${ideaId}`);
    await p.getByRole('heading', { level: 1, name: 'A hood that fits over a helmet' }).waitFor();
    await p.getByText('By Former participant', { exact: false }).first().waitFor();
  });
});
