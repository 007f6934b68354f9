/**
 * Screenshots of every page at desktop and phone size, for looking at the design:
 *   npm run build && npx tsx test/e2e/support/screenshots.ts [outDir]
 * Uses a demo-seeded server (Acme Outdoor) and logs in as the demo owner.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { invitationLinksInMail } from './mail.js';
import { freePort, startServer, type RunningServer } from './server.js';

const OUT = process.argv[2] ?? '/tmp/shots';
/** `--contributions` takes only the contribution pages, `--loop` only the response loop (quicker while working on them). */
const ONLY_CONTRIBUTIONS = process.argv.includes('--contributions');
const ONLY_LOOP = process.argv.includes('--loop');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function shot(page: Page, name: string, viewport: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}/${name}-${viewport}.png`, fullPage: true });
  console.log(`  ${name}-${viewport}.png`);
  // Long pages also in screen-sized parts, which are easier to look at one by one.
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (size && height > size.height * 1.5) {
    for (let part = 0; part * size.height < height; part++) {
      const clip = { x: 0, y: part * size.height, width: size.width, height: Math.min(size.height, height - part * size.height) };
      await page.screenshot({ path: `${OUT}/${name}-${viewport}-part${part + 1}.png`, fullPage: true, clip });
    }
  }
}

async function logIn(page: Page, server: RunningServer) {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('E-mail address').fill('demo@moebius.local');
  await page.getByLabel('Password').fill('moebius-demo');
  await page.getByRole('button', { name: 'Log in' }).last().click();
  await page.waitForURL('**/orgs');
}

async function capture(browser: Browser, server: RunningServer, viewport: (typeof VIEWPORTS)[number]) {
  const size = { width: viewport.width, height: viewport.height };
  const guest = await browser.newContext({ viewport: size, locale: 'en-GB' });
  const page = await guest.newPage();
  await page.goto(server.baseUrl);
  await shot(page, '01-landing', viewport.name);
  await page.goto(`${server.baseUrl}/login`);
  await shot(page, '02-login', viewport.name);
  await page.getByRole('button', { name: 'Log in' }).last().click();
  await shot(page, '02b-login-errors', viewport.name);
  await page.goto(`${server.baseUrl}/signup`);
  await shot(page, '03-signup', viewport.name);
  const link = invitationLinksInMail(server.dataDir)[0];
  if (link) {
    await page.goto(link);
    await shot(page, '04-accept-invitation', viewport.name);
  }
  await page.goto(`${server.baseUrl}/invitations/not-a-real-token`);
  await shot(page, '04b-accept-invalid', viewport.name);
  await page.goto(server.baseUrl);
  await page.getByLabel('Language').selectOption('es');
  await shot(page, '01b-landing-es', viewport.name);
  await guest.close();

  const owner = await browser.newContext({ viewport: size, locale: 'en-GB' });
  const p = await owner.newPage();
  await logIn(p, server);
  await shot(p, '05-my-orgs', viewport.name);
  await p.goto(`${server.baseUrl}/orgs/new`);
  await p.getByLabel('Name of the organisation').fill('Río Verde Co-operative');
  await shot(p, '06-create-org', viewport.name);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor/people`);
  await p.getByRole('table').first().waitFor();
  await shot(p, '07-org-home', viewport.name);
  await p.getByRole('button', { name: 'Invite someone' }).click();
  await shot(p, '08-invite-dialog', viewport.name);
  await p.getByLabel('E-mail address').fill(`screens-${viewport.name}@example.com`);
  await p.getByRole('button', { name: 'Send invitation' }).click();
  await p.getByLabel('Invitation link').waitFor();
  await shot(p, '09-invite-link', viewport.name);
  await p.keyboard.press('Escape');
  await p.getByRole('button', { name: `Withdraw the invitation to screens-${viewport.name}@example.com` }).click();
  await p.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
  await p.getByLabel('Also show accepted, withdrawn and expired invitations').check();
  await shot(p, '09b-invitations-history', viewport.name);
  await p.getByLabel('Role of Chloé Martin').selectOption('steward');
  await p.getByText('Chloé Martin is now steward.').waitFor();
  await shot(p, '10-role-changed', viewport.name);
  await p.getByLabel('Role of Chloé Martin').selectOption('member');
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor/activity`);
  await p.getByRole('list').last().waitFor();
  await shot(p, '11-activity', viewport.name);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor/settings`);
  await shot(p, '12-settings', viewport.name);
  await p.goto(`${server.baseUrl}/account`);
  await p.getByLabel('Token name').fill(`Screens ${viewport.name}`);
  await p.getByRole('button', { name: 'Create token' }).click();
  await p.getByLabel('Your new token').waitFor();
  await shot(p, '13-account', viewport.name);
  await p.getByRole('button', { name: 'Account menu' }).click();
  await shot(p, '14-user-menu', viewport.name);
  await p.goto(`${server.baseUrl}/nowhere`);
  await shot(p, '15-not-found', viewport.name);
  await captureInitiatives(p, server, viewport.name);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor/people`);
  await p.getByLabel('Language').selectOption('es');
  await p.getByRole('table').first().waitFor();
  await shot(p, '16-org-home-es', viewport.name);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor/activity`);
  await shot(p, '17-activity-es', viewport.name);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await p.getByRole('link', { name: 'Rain jackets that last' }).first().click();
  await p.getByRole('heading', { level: 1 }).waitFor();
  await shot(p, '27-initiative-home-es', viewport.name);
  await owner.close();

  const fresh = await browser.newContext({ viewport: size, locale: 'en-GB' });
  const f = await fresh.newPage();
  await f.goto(`${server.baseUrl}/signup`);
  await f.getByLabel('Your name').fill('Noor Haddad');
  await f.getByLabel('E-mail address').fill(`noor-${viewport.name}@example.com`);
  await f.getByLabel('Password').fill('a long enough password');
  await f.getByRole('button', { name: 'Create account' }).click();
  await f.waitForURL('**/orgs');
  await shot(f, '18-my-orgs-empty', viewport.name);
  await fresh.close();
}

/** The initiative pages: the organisation's list and style map, a home, the terms, the wizard, the accept dialog. */
async function captureInitiatives(p: Page, server: RunningServer, viewport: string) {
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await p.getByRole('img', { name: /Initiatives by where/ }).waitFor();
  await shot(p, '20-org-initiatives', viewport);
  await p.getByRole('link', { name: 'Rain jackets that last' }).first().click();
  await p.getByRole('heading', { level: 1, name: 'Rain jackets that last' }).waitFor();
  await shot(p, '21-initiative-home-host', viewport);
  const home = p.url();
  await p.getByRole('link', { name: 'All versions and changes' }).click();
  await p.getByRole('heading', { level: 2, name: 'Version 2' }).waitFor();
  await shot(p, '22-terms-page', viewport);
  await p.getByRole('button', { name: 'Amend the terms' }).click();
  await shot(p, '23-amend-terms', viewport);
  await p.goto(home);
  await p.getByRole('button', { name: 'Publish a need' }).click();
  await shot(p, '24-publish-need', viewport);
  await p.keyboard.press('Escape');
  await p.getByRole('button', { name: 'Share an asset' }).click();
  await p.getByLabel('A file').check();
  await p.getByLabel('The file', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
  await p.getByRole('dialog').getByLabel('Name').fill('Seam tape test results');
  await p.getByRole('dialog').getByRole('button', { name: 'Share an asset' }).click();
  await p.getByText('Upload a picture (PNG, JPEG, GIF or WebP) or a PDF.').waitFor();
  await shot(p, '24b-share-asset-refused', viewport);
  await p.keyboard.press('Escape');
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await p.getByRole('link', { name: 'Prototype lab: a shell for 2027' }).first().click();
  await p.getByRole('region', { name: 'Invited people' }).getByText('Lars Berg').waitFor();
  await shot(p, '24c-invite-only-host', viewport);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor/initiatives/new`);
  await p.getByLabel('Title').fill('Trail shoes we can resole');
  await shot(p, '25a-wizard-vision', viewport);
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await p.getByRole('link', { name: /A supplier code of conduct/ }).first().click();
  await p.getByRole('heading', { level: 2, name: 'Vision' }).waitFor();
  for (const [step, name] of [[1, 'audience'], [2, 'phases'], [3, 'terms'], [4, 'review']] as const) {
    await p.getByRole('button', { name: 'Save and continue' }).click();
    await p.getByRole('heading', { level: 2, name: { audience: 'Audience', phases: 'Phases', terms: 'Terms', review: 'Review' }[name] }).waitFor();
    await shot(p, `25${'bcde'[step - 1]}-wizard-${name}`, viewport);
    if (name === 'phases' && (await p.getByLabel('Name').first().inputValue()) === '') await p.getByLabel('Name').first().fill('Draft the code together');
  }
  await p.getByRole('button', { name: 'Launch' }).click();
  await shot(p, '25f-wizard-launch-dialog', viewport);
  await p.keyboard.press('Escape');
}

/** A community member who has not accepted the terms yet meets the accept dialog; Jonas, who accepted version 1, sees what changed. */
async function captureParticipant(browser: Browser, server: RunningServer, viewport: (typeof VIEWPORTS)[number]) {
  for (const [email, prefix] of [['lars@hiking-club.example', '26'], ['jonas@example.com', '28']] as const) {
    await captureAcceptDialog(browser, server, viewport, email, prefix);
  }
}

async function captureAcceptDialog(browser: Browser, server: RunningServer, viewport: (typeof VIEWPORTS)[number], email: string, prefix: string) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('moebius-demo');
  await page.getByRole('button', { name: 'Log in' }).last().click();
  await page.waitForURL('**/orgs');
  await page.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await page.getByRole('link', { name: 'Rain jackets that last' }).first().click();
  await page.getByRole('button', { name: 'Read and accept the terms' }).waitFor();
  await shot(page, `${prefix}a-initiative-home-participant`, viewport.name);
  await page.getByRole('button', { name: 'Read and accept the terms' }).click();
  await shot(page, `${prefix}b-accept-terms-dialog`, viewport.name);
  await context.close();
}

/** Logs a demo person in, in a fresh context. */
async function demoPerson(browser: Browser, server: RunningServer, viewport: (typeof VIEWPORTS)[number], email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('moebius-demo');
  await page.getByRole('button', { name: 'Log in' }).last().click();
  await page.waitForURL('**/orgs');
  return { page, close: () => context.close() };
}

/** The contribution pages on the demo's repair initiative: as a participant, as the author of a hidden idea, and as the host. */
async function captureContributions(browser: Browser, server: RunningServer, viewport: (typeof VIEWPORTS)[number]) {
  const v = viewport.name;
  const lars = await demoPerson(browser, server, viewport, 'lars@hiking-club.example');
  const p = lars.page;
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await p.getByRole('link', { name: 'A repair service on every trail' }).first().click();
  await p.getByRole('heading', { level: 2, name: 'What people are saying' }).waitFor();
  await shot(p, '30-initiative-home-with-contributions', v);
  await p.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Contributions' }).click();
  await p.locator('.contribution-card').first().waitFor();
  await shot(p, '31-feed', v);
  const feed = p.url();
  await p.getByText('Filter', { exact: true }).click();
  await p.getByLabel('Kind').selectOption('experience');
  await p.locator('.contribution-card').first().waitFor();
  await shot(p, '31b-feed-filtered', v);
  await p.goto(`${feed}?q=zip`);
  await p.locator('mark').first().waitFor();
  await shot(p, '31c-feed-search', v);
  await p.goto(`${feed}?sort=unanswered&kind=build&status=delivered`);
  await p.getByRole('heading', { name: 'Nothing matches these filters' }).waitFor();
  await shot(p, '31d-feed-no-match', v);
  await p.goto(feed);
  await p.getByRole('link', { name: 'Tell an experience' }).first().click();
  await p.getByLabel('Title', { exact: true }).fill('The zip of my tent split in the rain');
  await p.getByLabel('What happened').fill('No shop nearby could replace the zip slider, so I slept wet.');
  await p.getByRole('region', { name: 'Support or build on one of these instead' }).waitFor();
  await shot(p, '32-compose-experience-similar', v);
  await p.goto(`${feed.replace('/contributions', '/contribute')}?kind=idea`);
  await p.getByRole('button', { name: 'Propose the idea' }).click();
  await shot(p, '32b-compose-idea-errors', v);
  await p.goto(feed);
  await p.getByRole('link', { name: 'Repair corners in partner shops along the main trails' }).click();
  await p.getByRole('heading', { level: 2, name: /comments/ }).waitFor();
  await shot(p, '33-contribution', v);
  await p.getByRole('button', { name: /Reply to/ }).first().click();
  await shot(p, '33b-contribution-reply', v);
  await lars.close();

  const jonas = await demoPerson(browser, server, viewport, 'jonas@example.com');
  await jonas.page.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await jonas.page.getByRole('link', { name: 'A repair service on every trail' }).first().click();
  await jonas.page.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Contributions' }).click();
  await jonas.page.getByRole('link', { name: 'Just sell cheaper gear' }).click();
  await jonas.page.getByText('Hidden by the hosts').waitFor();
  await shot(jonas.page, '34-contribution-hidden-author', v);
  await jonas.close();

  const ana = await demoPerson(browser, server, viewport, 'demo@moebius.local');
  const a = ana.page;
  await a.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await a.getByRole('link', { name: 'A repair service on every trail' }).first().click();
  await a.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Contributions' }).click();
  await a.getByRole('link', { name: 'A repair kit in every mountain hut' }).click();
  await a.getByRole('heading', { level: 2, name: 'Host tools' }).waitFor();
  await shot(a, '35-contribution-host', v);
  await a.getByRole('button', { name: 'Merge into…' }).click();
  await shot(a, '35b-merge-dialog', v);
  await a.keyboard.press('Escape');
  await a.getByRole('link', { name: 'Put a repair kit in each hut' }).first().click();
  await a.getByText('This contribution was merged').waitFor();
  await shot(a, '36-contribution-merged', v);
  await a.goBack();
  await a.getByRole('heading', { level: 1, name: 'A repair kit in every mountain hut' }).waitFor();
  await a.getByRole('link', { name: '← A repair service on every trail' }).click();
  await a.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Moderation' }).click();
  await a.getByRole('heading', { level: 2, name: 'Appeals' }).waitFor();
  await shot(a, '37-moderation', v);
  await a.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Contributions' }).click();
  await a.getByRole('button', { name: 'Suggest groupings' }).click();
  await a.getByText(/Contributions that belong together|Nothing groups well/).waitFor();
  await shot(a, '37b-feed-host-themes', v);
  await a.getByLabel('Language').selectOption('es');
  await a.getByRole('navigation', { name: 'Secciones de la iniciativa' }).getByRole('link', { name: 'Aportaciones' }).click();
  await a.locator('.contribution-card').first().waitFor();
  await shot(a, '38-feed-es', v);
  await ana.close();
}


/** The response loop on the demo's repair initiative: answers, the unanswered queue, updates, accountability, notifications, preferences, blocks, webhooks. */
async function captureLoop(browser: Browser, server: RunningServer, viewport: (typeof VIEWPORTS)[number], hookUrl: string) {
  const v = viewport.name;
  const lars = await demoPerson(browser, server, viewport, 'lars@hiking-club.example');
  const p = lars.page;
  await p.goto(`${server.baseUrl}/orgs/acme-outdoor`);
  await p.getByRole('link', { name: 'A repair service on every trail' }).first().click();
  await p.getByRole('region', { name: 'How fast the hosts answer' }).waitFor();
  const home = p.url();
  await shot(p, '40-initiative-home-times', v);
  await p.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Contributions' }).click();
  await p.getByRole('link', { name: 'A repair kit in every mountain hut' }).click();
  await p.getByRole('region', { name: 'The hosts’ answer' }).waitFor();
  await shot(p, '41-contribution-answered', v);
  await p.goBack();
  await p.getByRole('link', { name: 'My sole came off on day two of the Haute Route' }).click();
  await p.getByRole('region', { name: 'Waiting for the hosts’ answer' }).waitFor();
  await shot(p, '41b-contribution-waiting-overdue', v);
  await p.goto(`${home}/updates`);
  await p.getByRole('article').first().waitFor();
  await shot(p, '42-updates', v);
  await p.goto(`${home}/accountability`);
  await p.getByRole('heading', { level: 1, name: 'What we did with your input' }).waitFor();
  await shot(p, '43-accountability', v);
  await p.goto(`${server.baseUrl}/notifications`);
  await p.getByRole('list', { name: 'Your notifications' }).waitFor();
  await shot(p, '44-inbox', v);
  await p.goto(`${server.baseUrl}/account`);
  await p.getByRole('region', { name: 'E-mail notifications' }).getByRole('list').waitFor();
  await shot(p, '45-account-notifications-erasure', v);
  await p.getByLabel('Language').selectOption('es');
  await p.goto(`${home}/accountability`);
  await p.getByRole('heading', { level: 1, name: 'Qué hicimos con tu aportación' }).waitFor();
  await shot(p, '43b-accountability-es', v);
  await lars.close();

  const ana = await demoPerson(browser, server, viewport, 'demo@moebius.local');
  const a = ana.page;
  await a.goto(home);
  await a.getByRole('navigation', { name: 'Initiative sections' }).getByRole('link', { name: 'Unanswered' }).click();
  await a.getByRole('list', { name: 'Contributions waiting for an answer' }).waitFor();
  await shot(a, '46-unanswered', v);
  await a.getByRole('link', { name: 'Answer “My sole came off on day two of the Haute Route”' }).click();
  const composer = a.getByRole('form', { name: 'Your answer, as a host' });
  await composer.getByLabel('Its status from now on').selectOption('declined');
  await composer.getByRole('button', { name: 'Publish the answer' }).click();
  await composer.getByText('Say why: the people behind it read this.').waitFor();
  await shot(a, '47-answer-composer-declined', v);
  await a.goto(`${home}/updates`);
  await a.getByRole('button', { name: 'Post an update' }).click();
  await a.getByLabel('Title', { exact: true }).fill('Repair corners open in three shops');
  await a.getByRole('button', { name: 'Choose “Repair corners in partner shops along the main trails”' }).click();
  await shot(a, '48-update-composer', v);
  await a.goto(`${server.baseUrl}/orgs/acme-outdoor/people`);
  await a.getByRole('button', { name: 'Block Jonas Weber' }).click();
  await a.getByRole('dialog').getByLabel('Why', { exact: true }).fill(`Posted the same advert twelve times (${v}).`);
  await shot(a, '49-block-dialog', v);
  await a.getByRole('dialog').getByRole('button', { name: 'Block' }).click();
  await a.getByRole('region', { name: 'Blocked people' }).getByRole('table').waitFor();
  await shot(a, '49b-people-blocked', v);
  await a.getByRole('region', { name: 'Blocked people' }).getByRole('button', { name: 'Unblock Jonas Weber' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Unblock' }).click();
  await a.getByText('Jonas Weber can take part again.').waitFor();
  await a.goto(`${server.baseUrl}/orgs/acme-outdoor/settings`);
  await a.getByRole('button', { name: 'Add an endpoint' }).click();
  await a.getByLabel('Endpoint URL').fill(hookUrl);
  await a.getByLabel('What it is for').fill(`CRM sync (${v})`);
  await a.getByRole('checkbox', { name: /^Contributions/ }).check();
  await a.getByText('Or choose single events').nth(2).click();
  await shot(a, '50-webhook-form', v);
  await a.getByRole('button', { name: 'Register the endpoint' }).click();
  await a.getByLabel('Signing secret').waitFor();
  await shot(a, '50b-webhook-secret', v);
  await a.getByRole('button', { name: 'I have stored it' }).click();
  await a.getByRole('link', { name: `Delivery log and settings of ${hookUrl}` }).first().click();
  await a.getByRole('button', { name: 'Send a test' }).click();
  await a.getByRole('table').getByText('Delivered').first().waitFor({ timeout: 30_000 });
  await shot(a, '50c-webhook-log', v);
  await ana.close();
}

/** Answers every POST with 200, for the webhook screenshots. */
async function startReceiver(): Promise<{ url: string; close: () => void }> {
  const port = await freePort();
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((done) => receiver.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/hooks/moebius`, close: () => receiver.close() };
}

const server = await startServer({ demo: true });
const receiver = await startReceiver();
const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  for (const viewport of VIEWPORTS) {
    console.log(`${viewport.name} (${viewport.width}×${viewport.height}):`);
    if (!ONLY_CONTRIBUTIONS && !ONLY_LOOP) {
      await capture(browser, server, viewport);
      await captureParticipant(browser, server, viewport);
    }
    if (!ONLY_LOOP) await captureContributions(browser, server, viewport);
    if (!ONLY_CONTRIBUTIONS) await captureLoop(browser, server, viewport, receiver.url);
  }
} finally {
  await browser.close();
  receiver.close();
  await server.stop();
}
