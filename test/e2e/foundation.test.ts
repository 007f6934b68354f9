import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/a11y.js';
import { chromiumAvailable, launchBrowser, requireChromium } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const PASSWORD = 'correct horse battery staple';

describe.skipIf(!chromiumAvailable())('the web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireChromium();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  /** A separate browser profile: its own cookies and storage, i.e. a different person. */
  async function person(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    return page;
  }

  it('Alice creates an organisation, invites Bob, Bob joins, Alice makes him steward and the log says so', async () => {
    const alice = await person();
    await alice.goto(server.baseUrl);
    await alice.getByRole('heading', { level: 1, name: /Create value together/ }).waitFor();
    await expectAccessible(alice, 'the landing page');

    await alice.getByRole('link', { name: 'Create your account' }).click();
    await alice.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await expectAccessible(alice, 'sign up');
    await alice.getByLabel('Your name').fill('Alice Moreau');
    await alice.getByLabel('E-mail address').fill('alice@example.com');
    await alice.getByLabel('Password').fill(PASSWORD);
    await alice.getByRole('button', { name: 'Create account' }).click();
    await alice.waitForURL(`${server.baseUrl}/orgs`);
    await alice.getByRole('heading', { name: 'You are not part of an organisation yet' }).waitFor();
    await expectAccessible(alice, 'my organisations (empty)');

    await alice.getByRole('link', { name: 'Create an organisation' }).click();
    await alice.getByLabel('Name of the organisation').fill('Trailhead Co-op');
    expect(await alice.getByLabel('Web address').inputValue()).toBe('trailhead-co-op');
    await expectAccessible(alice, 'create organisation');
    await alice.getByRole('button', { name: 'Create organisation' }).click();
    await alice.waitForURL(`${server.baseUrl}/orgs/trailhead-co-op`);
    await alice.getByRole('heading', { level: 1, name: 'Trailhead Co-op' }).waitFor();
    await alice.getByRole('link', { name: 'People' }).click();
    await alice.getByLabel('Role of Alice Moreau').waitFor();
    await expectAccessible(alice, 'organisation home');

    await alice.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = alice.getByRole('dialog', { name: 'Invite someone to Trailhead Co-op' });
    await dialog.waitFor();
    await expectAccessible(alice, 'the invite dialog');
    await dialog.getByLabel('E-mail address').fill('bob@example.com');
    await dialog.getByLabel('Protagonist kind').selectOption('customer');
    await dialog.getByLabel('Role').selectOption('member');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const linkField = alice.getByLabel('Invitation link');
    await linkField.waitFor();
    const shownLink = await linkField.inputValue();
    expect(shownLink).toMatch(new RegExp(`^${server.baseUrl}/invitations/\\S+$`));
    await alice.getByRole('button', { name: 'Copy', exact: true }).click();
    await alice.getByText('Copied to the clipboard.').waitFor();
    const copiedLink = await alice.evaluate(() => navigator.clipboard.readText());
    expect(copiedLink).toBe(shownLink);
    await expectAccessible(alice, 'the invitation link');
    await alice.getByRole('button', { name: 'Done' }).click();
    await alice.getByRole('cell', { name: 'bob@example.com', exact: true }).waitFor();

    // Bob is someone else: a second browser context with no session.
    const bob = await person();
    await bob.goto(copiedLink);
    await bob.getByRole('heading', { level: 1, name: 'Join Trailhead Co-op' }).waitFor();
    await bob.getByText('You are invited to take part as a customer, with the role member.').waitFor();
    await expectAccessible(bob, 'accept invitation');
    expect(await bob.getByLabel('E-mail address').inputValue()).toBe('bob@example.com');
    await bob.getByLabel('Your name').fill('Bob Okafor');
    await bob.getByLabel('Password').fill(PASSWORD);
    await bob.getByRole('button', { name: 'Create account and join' }).click();
    await bob.waitForURL(`${server.baseUrl}/orgs/trailhead-co-op`);
    await bob.getByRole('link', { name: 'People' }).click();
    await bob.getByText('You take part as a customer, with the role member.').waitFor();
    await expectAccessible(bob, 'organisation home as a new member');

    await alice.reload();
    const bobsRole = alice.getByLabel('Role of Bob Okafor');
    await bobsRole.waitFor();
    expect(await bobsRole.inputValue()).toBe('member');
    await bobsRole.selectOption('steward');
    await alice.getByText('Bob Okafor is now steward.').waitFor();
    await alice.reload();
    await alice.getByLabel('Role of Bob Okafor').waitFor();
    expect(await alice.getByLabel('Role of Bob Okafor').inputValue()).toBe('steward');

    await bob.reload();
    await bob.getByText('You take part as a customer, with the role steward.').waitFor();

    await alice.getByRole('link', { name: 'Activity' }).click();
    await alice.waitForURL(`${server.baseUrl}/orgs/trailhead-co-op/activity`);
    await alice.getByText('Alice Moreau changed Bob Okafor’s role from member to steward.').waitFor();
    await alice.getByText('Bob Okafor accepted the invitation sent to bob@example.com.').waitFor();
    await expectAccessible(alice, 'activity');

    await alice.getByRole('link', { name: 'Settings' }).click();
    await alice.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await expectAccessible(alice, 'organisation settings');

    await alice.getByRole('button', { name: /Account menu/ }).click();
    await alice.getByRole('link', { name: 'Account' }).click();
    await alice.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await expectAccessible(alice, 'account');

    await alice.getByRole('button', { name: /Account menu/ }).click();
    await alice.getByRole('button', { name: 'Log out' }).click();
    await alice.waitForURL(`${server.baseUrl}/`);
    await alice.getByRole('link', { name: 'Log in' }).first().click();
    await alice.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await expectAccessible(alice, 'log in');
  });

  it('switches to Spanish, remembers the choice and translates the page', async () => {
    const page = await person();
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: /Create value together/ }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Crea valor junto con las personas que rodean a tu organización' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectAccessible(page, 'the landing page in Spanish');

    await page.reload();
    await page.getByRole('link', { name: 'Iniciar sesión' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByText('Rellena este campo.').first().waitFor();
    await expectAccessible(page, 'log in in Spanish, with errors');
  });
});
