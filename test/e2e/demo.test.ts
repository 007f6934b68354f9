import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './support/a11y.js';
import { chromiumAvailable, launchBrowser, requireChromium } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe.skipIf(!chromiumAvailable())('the demo data in Chromium: an invite-only initiative, a notification withheld', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    requireChromium();
    server = await startServer({ demo: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function logIn(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('moebius-demo');
    await page.getByRole('button', { name: 'Log in' }).last().click();
    await page.waitForURL('**/orgs');
    return page;
  }

  it('the host invites a member, who can then see it; withdrawing hides it again', async () => {
    const ana = await logIn('demo@moebius.local');
    await ana.goto(`${server.baseUrl}/orgs/acme-outdoor`);
    await ana.getByRole('link', { name: 'Prototype lab: a shell for 2027' }).first().click();
    const card = ana.getByRole('region', { name: 'Invited people' });
    await card.getByText('Kwame Mensah').waitFor();
    await card.getByText('Lars Berg').waitFor();
    const lab = ana.url();
    await expectAccessible(ana, 'invite-only initiative (host)');

    const jonas = await logIn('jonas@example.com');
    await jonas.goto(lab);
    await jonas.getByRole('heading', { name: 'Initiative not found' }).waitFor();

    await card.getByLabel('Member of the organisation').selectOption({ label: 'Jonas Weber' });
    await card.getByRole('button', { name: 'Invite' }).click();
    await ana.getByText('Jonas Weber is invited.').waitFor();
    await jonas.reload();
    await jonas.getByRole('heading', { level: 1, name: 'Prototype lab: a shell for 2027' }).waitFor();
    // Invited, but a customer: this initiative asks suppliers and the community.
    await jonas.locator('.part-list li', { hasText: 'Test' }).getByText('this initiative invites other protagonists').waitFor();

    await card.getByRole('button', { name: 'Withdraw the invitation of Jonas Weber' }).click();
    await card.locator('li', { hasText: 'Jonas Weber' }).waitFor({ state: 'detached' });
    await jonas.reload();
    await jonas.getByRole('heading', { name: 'Initiative not found' }).waitFor();
    expect(await card.locator('li').count()).toBe(2);
  });

  it('a comment the hosts hid after it reached an author shows in her inbox without its words, and says why', async () => {
    const priya = await logIn('priya@trailmaps.example');
    await priya.goto(`${server.baseUrl}/notifications`);
    const inbox = priya.getByRole('list', { name: 'Your notifications' });
    const item = inbox.getByRole('listitem').filter({ has: priya.getByRole('link', { name: 'Jonas Weber commented on “Repair corners in partner shops along the main trails”' }) });
    await item.getByText('The hosts hid it since: its words are no longer shown here.').waitFor();
    expect(await inbox.getByText('Selling my old jackets cheap').count()).toBe(0);
    await expectAccessible(priya, 'inbox with a withheld notification');
  });
});
