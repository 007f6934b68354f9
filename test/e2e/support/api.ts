/**
 * Setting the stage over HTTP, as a browser would (session cookie, Origin, CSRF token), so the
 * browser tests spend their time on what they test. A person made here can be handed to a
 * browser context with `signIn`.
 */
import type { BrowserContext } from 'playwright-core';

export const PASSWORD = 'correct horse battery staple';
const ALL_ACTIONS = ['tell_experiences', 'propose_ideas', 'build', 'support', 'comment', 'test'];

export interface ApiPerson {
  id: string;
  name: string;
  email: string;
  session: string;
  csrf: string;
  request: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
}

async function call(baseUrl: string, method: string, path: string, body: unknown, auth: { session?: string; csrf?: string }) {
  const headers: Record<string, string> = { accept: 'application/json', origin: baseUrl };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth.session) headers.cookie = `moebius_session=${auth.session}`;
  if (auth.csrf && method !== 'GET') headers['x-csrf-token'] = auth.csrf;
  const response = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const cookie = /moebius_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as unknown, cookie };
}

/** Signs up a new person; returns their signed-in API handle. */
export async function signUp(baseUrl: string, name: string, email: string): Promise<ApiPerson> {
  const created = await call(baseUrl, 'POST', '/auth/signup', { name, email, password: PASSWORD }, {});
  if (created.status !== 201 || !created.cookie) throw new Error(`signup failed: ${created.status} ${JSON.stringify(created.body)}`);
  const body = created.body as { user: { id: string }; csrfToken: string };
  const session = created.cookie;
  const csrf = body.csrfToken;
  return {
    id: body.user.id,
    name,
    email,
    session,
    csrf,
    request: async <T,>(method: string, path: string, payload?: unknown) => {
      const reply = await call(baseUrl, method, path, payload, { session, csrf });
      return { status: reply.status, body: reply.body as T };
    },
  };
}

async function expectStatus<T>(reply: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const done = await reply;
  if (done.status !== status) throw new Error(`${what} failed: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

/** The browser context acts as this person (their session cookie). */
export async function signIn(context: BrowserContext, baseUrl: string, person: ApiPerson): Promise<void> {
  await context.addCookies([{ name: 'moebius_session', value: person.session, url: baseUrl }]);
}

/** An organisation owned by `host`; returns its slug. */
export async function createOrg(host: ApiPerson, name: string, slug: string): Promise<string> {
  await expectStatus(host.request('POST', '/orgs', { name, slug, visibility: 'public' }), 201, 'org');
  return slug;
}

/** Makes `person` a member through a real invitation. */
export async function join(host: ApiPerson, slug: string, person: ApiPerson, kind = 'customer', role = 'member'): Promise<void> {
  const invited = await expectStatus(host.request<{ acceptUrl: string }>('POST', `/orgs/${slug}/invitations`, { email: person.email, kind, role }), 201, 'invite');
  const token = invited.acceptUrl.split('/').pop() ?? '';
  await expectStatus(person.request('POST', `/invitations/${token}/accept`), 200, 'accept invitation');
}

export interface OpenInitiative {
  id: string;
  title: string;
  termsVersion: number;
}

/** A launched initiative whose one phase enables every action; the host has accepted its terms. */
export async function openInitiative(host: ApiPerson, slug: string, title: string, audience = ['customer', 'community']): Promise<OpenInitiative> {
  const draft = await expectStatus(
    host.request<{ id: string }>('POST', `/orgs/${slug}/initiatives`, {
      title, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), summary: `Co-create ${title.toLowerCase()} with the people who live with it.`,
      vision: 'Better together.', goals: ['Listen first'], object: 'product', reach: 'business', locus: 'borders', adaptability: 'customisable', audience, visibility: 'public',
    }),
    201,
    'initiative',
  );
  await expectStatus(host.request('PUT', `/initiatives/${draft.id}/phases`, { phases: [{ name: 'Open conversation', actions: ALL_ACTIONS }] }), 200, 'phases');
  const launched = await expectStatus(host.request<OpenInitiative>('POST', `/initiatives/${draft.id}/launch`), 200, 'launch');
  await acceptTerms(host, launched);
  return launched;
}

export async function acceptTerms(person: ApiPerson, initiative: OpenInitiative): Promise<void> {
  await expectStatus(person.request('POST', `/initiatives/${initiative.id}/terms/accept`, { version: initiative.termsVersion }), 200, 'accept terms');
}

/** Writes a contribution as `person`; returns its id. */
export async function contribute(person: ApiPerson, initiative: OpenInitiative, body: Record<string, unknown>): Promise<string> {
  const created = await expectStatus(person.request<{ id: string }>('POST', `/initiatives/${initiative.id}/contributions`, body), 201, 'contribution');
  return created.id;
}
