import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/a11y.js';
import { chromiumAvailable, launchBrowser, requireChromium } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const PASSWORD = 'correct horse battery staple';

describe.skipIf(!chromiumAvailable())('initiatives in Chromium', () => {
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

  async function person(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    return page;
  }

  /** The owner invites someone through the People tab and reads the invitation link. */
  async function invite(page: Page, slug: string, email: string): Promise<string> {
    await page.goto(`${server.baseUrl}/orgs/${slug}/people`);
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('E-mail address').fill(email);
    await dialog.getByLabel('Protagonist kind').selectOption('customer');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    await page.getByRole('button', { name: 'Done' }).click();
    return link;
  }

  it('an owner runs the wizard through launch, a member accepts the terms, the owner amends them', async () => {
    const olga = await person();
    await olga.goto(`${server.baseUrl}/signup`);
    await olga.getByLabel('Your name').fill('Olga Lind');
    await olga.getByLabel('E-mail address').fill('olga@example.com');
    await olga.getByLabel('Password').fill(PASSWORD);
    await olga.getByRole('button', { name: 'Create account' }).click();
    await olga.waitForURL(`${server.baseUrl}/orgs`);
    await olga.getByRole('link', { name: 'Create an organisation' }).click();
    await olga.getByLabel('Name of the organisation').fill('Fjord Gear');
    await olga.getByRole('button', { name: 'Create organisation' }).click();
    await olga.waitForURL(`${server.baseUrl}/orgs/fjord-gear`);
    await olga.getByRole('heading', { name: 'No initiatives yet' }).waitFor();
    await expectAccessible(olga, 'organisation initiatives (empty)');

    // Step 1: vision.
    await olga.getByRole('link', { name: 'Start an initiative' }).click();
    await olga.getByRole('heading', { level: 2, name: 'Vision' }).waitFor();
    await olga.getByLabel('Summary').fill('Tell us where your hands get cold, and help us design the glove.');
    await olga.getByRole('button', { name: 'Save and continue' }).click();
    await olga.getByText('Fill this in.').first().waitFor();
    expect(await olga.getByLabel('Summary').inputValue()).toBe('Tell us where your hands get cold, and help us design the glove.');
    await olga.getByLabel('Title').fill('Gloves that keep hands warm');
    expect(await olga.getByLabel('Address').inputValue()).toBe('gloves-that-keep-hands-warm');
    await olga.getByLabel('Vision').fill('**Warm hands** on every trail. <b>raw</b>\n\n- no bulk\n- [repairable](javascript:alert(1))');
    await olga.getByLabel('Goals').fill('A prototype by spring');
    await expectAccessible(olga, 'wizard: vision');
    await olga.getByRole('button', { name: 'Save and continue' }).click();

    // Step 2: audience, with the style map.
    await olga.getByRole('heading', { level: 2, name: 'Audience' }).waitFor();
    await olga.getByRole('button', { name: 'Back' }).click();
    await olga.getByRole('heading', { level: 2, name: 'Vision' }).waitFor();
    expect(await olga.getByLabel('Goals').inputValue()).toBe('A prototype by spring');
    await olga.getByRole('button', { name: 'Save and continue' }).click();
    await olga.getByRole('heading', { level: 2, name: 'Audience' }).waitFor();
    await olga.getByLabel('Employees').check();
    await expectAccessible(olga, 'wizard: audience');
    await olga.getByRole('button', { name: 'Save and continue' }).click();

    // Step 3: phases.
    await olga.getByRole('heading', { level: 2, name: 'Phases' }).waitFor();
    await olga.getByLabel('Name').fill('Tell us your cold stories');
    await expectAccessible(olga, 'wizard: phases');
    await olga.getByRole('button', { name: 'Save and continue' }).click();

    // Step 4: terms, with a cash reward.
    await olga.getByRole('heading', { level: 2, name: 'Terms' }).waitFor();
    await olga.getByRole('button', { name: 'Add a reward' }).click();
    await olga.getByLabel('Amount').fill('5000');
    await olga.getByLabel('Who earns it, and how').last().fill('The idea the jury picks');
    await expectAccessible(olga, 'wizard: terms');
    await olga.getByRole('button', { name: 'Save and continue' }).click();

    // Step 5: review, then launch.
    await olga.getByRole('heading', { level: 2, name: 'Review' }).waitFor();
    await olga.getByText('Cash prize: 5,000 EUR — The idea the jury picks').waitFor();
    await expectAccessible(olga, 'wizard: review');
    await olga.getByRole('button', { name: 'Launch' }).click();
    const launch = olga.getByRole('dialog', { name: 'Launch Gloves that keep hands warm?' });
    await launch.waitFor();
    await expectAccessible(olga, 'wizard: launch dialog');
    await launch.getByRole('button', { name: 'Launch' }).click();
    await olga.waitForURL(/\/initiatives\/[^/]+$/);
    const home = olga.url();
    await olga.getByRole('heading', { level: 1, name: 'Gloves that keep hands warm' }).waitFor();
    await olga.locator('.timeline-current', { hasText: 'Tell us your cold stories' }).getByText('Now').waitFor();
    await olga.getByText('You keep the rights to what you contribute and license it to Fjord Gear.').waitFor();
    await olga.getByText('Cash prize: 5,000 EUR — The idea the jury picks').waitFor();
    await olga.getByText('Version 1', { exact: true }).waitFor();
    // The vision is Markdown without raw HTML or script links.
    await olga.locator('.markdown strong', { hasText: 'Warm hands' }).waitFor();
    expect(await olga.locator('.markdown b').count()).toBe(0);
    expect(await olga.locator('.markdown a[href^="javascript"]').count()).toBe(0);
    await expectAccessible(olga, 'initiative home (host)');

    // The host shares a file: a text file is refused by its bytes, a PDF is stored and can be opened.
    await olga.getByRole('button', { name: 'Share an asset' }).click();
    const share = olga.getByRole('dialog', { name: 'Share an asset' });
    await share.getByLabel('Name').fill('Glove sizes survey');
    await share.getByLabel('A file').check();
    await share.getByRole('button', { name: 'Share an asset' }).click();
    await share.getByText('Choose a file.').waitFor();
    await share.getByLabel('The file', { exact: true }).setInputFiles({ name: 'sizes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text, not a PDF') });
    await share.getByRole('button', { name: 'Share an asset' }).click();
    await share.getByText('Upload a picture (PNG, JPEG, GIF or WebP) or a PDF.').waitFor();
    await expectAccessible(olga, 'share an asset: refused file');
    await share.getByLabel('The file', { exact: true }).setInputFiles({ name: 'sizes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await share.getByRole('button', { name: 'Share an asset' }).click();
    await olga.getByText('The asset is shared.').waitFor();
    const asset = olga.locator('section[aria-labelledby="assets-title"] li', { hasText: 'Glove sizes survey' });
    await asset.getByText(/^PDF · \d+ bytes$/).waitFor();
    const href = await asset.getByRole('link', { name: 'Glove sizes survey' }).getAttribute('href');
    const download = await olga.request.get(`${server.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).toString()).toMatch(/^%PDF-1.4/);

    await olga.goto(`${server.baseUrl}/orgs/fjord-gear`);
    await olga.getByRole('img', { name: /Initiatives by where innovation happens/ }).waitFor();
    await olga.getByRole('link', { name: 'Gloves that keep hands warm' }).first().waitFor();
    await expectAccessible(olga, 'organisation initiatives with the style map');

    // A member joins and meets the terms before contributing.
    const link = await invite(olga, 'fjord-gear', 'pia@example.com');
    const pia = await person();
    await pia.goto(link);
    await pia.getByLabel('Your name').fill('Pia Berg');
    await pia.getByLabel('Password').fill(PASSWORD);
    await pia.getByRole('button', { name: 'Create account and join' }).click();
    await pia.waitForURL(`${server.baseUrl}/orgs/fjord-gear`);
    await pia.goto(home);
    await pia.getByRole('button', { name: 'Read and accept the terms' }).click();
    const terms = pia.getByRole('dialog', { name: 'The terms of Gloves that keep hands warm' });
    await terms.waitFor();
    await terms.getByText('Cash prize: 5,000 EUR — The idea the jury picks').waitFor();
    await expectAccessible(pia, 'the accept-terms dialog');
    await terms.getByRole('button', { name: 'Accept these terms' }).click();
    await pia.getByText('You accepted version 1 of the terms.').waitFor();
    await pia.locator('.part-list li', { hasText: 'Tell experiences' }).getByText('You can').waitFor({ state: 'attached' });
    expect(await pia.getByRole('button', { name: 'Read and accept the terms' }).count()).toBe(0);
    await expectAccessible(pia, 'initiative home (participant)');

    // The owner amends the terms: a lower prize, with a reason.
    await olga.goto(home);
    await olga.getByRole('link', { name: 'All versions and changes' }).click();
    await olga.getByRole('heading', { level: 1, name: 'Terms of Gloves that keep hands warm' }).waitFor();
    await olga.getByRole('button', { name: 'Amend the terms' }).click();
    await olga.getByLabel('Reason for the change').fill('The budget was cut.');
    await olga.getByLabel('Amount').fill('3000');
    await expectAccessible(olga, 'amend the terms');
    await olga.getByRole('button', { name: 'Seal the new version' }).click();
    await olga.getByRole('heading', { level: 2, name: 'Version 2' }).waitFor();
    await olga.getByText('Changes from version 1').waitFor();
    // In plain words first: what no longer holds and what now does.
    await olga.locator('.plain-removed', { hasText: 'Cash prize: 5,000 EUR — The idea the jury picks' }).waitFor();
    await olga.locator('.plain-added', { hasText: 'Cash prize: 3,000 EUR — The idea the jury picks' }).waitFor();
    await olga.getByText('Less favourable for contributors').waitFor();
    await olga.getByText('Cash prize: down from 5000 EUR to 3000 EUR.').waitFor();
    // The exact line diff is one click away.
    await olga.getByText('Show the exact changes').first().click();
    expect(await olga.locator('.diff-added').count()).toBeGreaterThan(0);
    expect(await olga.locator('.diff-removed').count()).toBeGreaterThan(0);
    await expectAccessible(olga, 'terms page with two versions');

    // Pia must accept again before her next contribution.
    await pia.reload();
    await pia.getByText('The terms changed since you accepted them. Accept version 2 before your next contribution.').waitFor();
    await pia.getByRole('button', { name: 'Read and accept the terms' }).click();
    const again = pia.getByRole('dialog', { name: 'The terms of Gloves that keep hands warm' });
    await again.getByRole('heading', { name: 'What changed since version 1, which you accepted' }).waitFor();
    await again.getByText('Why: The budget was cut.').waitFor();
    await again.locator('.plain-added', { hasText: 'Cash prize: 3,000 EUR' }).waitFor();
    await expectAccessible(pia, 'the accept-terms dialog after an amendment');
    await again.getByRole('button', { name: 'Accept these terms' }).click();
    await pia.getByText('You accepted version 2 of the terms.').waitFor();
  });
});
