import type { Db } from '../src/server/db/database.js';
import type { Scenario } from './scenarios.js';

// The issue-6 scenarios against a generated dataset: ids and authors from the database, API
// tokens from the generator's bench-tokens.json.

export interface BenchTokens {
  scale: string;
  initiatives: { id: string; slug: string; contributions: number }[];
  tokens: { userId: string; email: string; token: string }[];
}

export interface Workload {
  initiativeId: string;
  /** Busy contributions of the busiest initiative, most supported first. */
  contributions: { id: string; authors: Set<string> }[];
  busiestContributionId: string;
  tokens: BenchTokens['tokens'];
  /** Contributions supported or retracted during the run: checked afterwards. */
  touched: Set<string>;
}

const WORDS = ['bike', 'trees', 'bus', 'library', 'playgrounds', 'lighting', 'benches', 'school', 'noise', 'toilets', 'shade', 'ramps', 'market', 'gardens', 'Vallecas', 'Retiro', 'children', 'cyclists'];
const SUBJECTS = ['bike lanes', 'street trees', 'bus stops', 'night buses', 'library hours', 'playgrounds', 'street lighting', 'benches', 'school routes', 'public toilets', 'shade in summer', 'accessible ramps'];
const PLACES = ['Lavapiés', 'Chamberí', 'Vallecas', 'Carabanchel', 'Tetuán', 'Usera', 'Retiro', 'Hortaleza', 'Latina', 'the old town'];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

export async function loadWorkload(db: Db, tokens: BenchTokens): Promise<Workload> {
  const busiest = [...tokens.initiatives].sort((a, b) => b.contributions - a.contributions)[0];
  if (busiest === undefined) throw new Error('The dataset has no initiatives.');
  const rows = await db.selectFrom('contributions').select(['id', 'authorId']).where('initiativeId', '=', busiest.id)
    .where('hiddenAt', 'is', null).where('mergedIntoId', 'is', null).orderBy('supportCount', 'desc').limit(500).execute();
  const authors = await db.selectFrom('contributionAuthors').select(['contributionId', 'userId']).where('contributionId', 'in', rows.map((r) => r.id)).execute();
  const contributions = rows.map((r) => ({ id: r.id, authors: new Set([r.authorId, ...authors.filter((a) => a.contributionId === r.id).map((a) => a.userId)]) }));
  const first = contributions[0];
  if (first === undefined) throw new Error('The busiest initiative has no contributions.');
  return { initiativeId: busiest.id, contributions, busiestContributionId: first.id, tokens: tokens.tokens, touched: new Set() };
}

/** The fifth page of the trending feed: walk four pages for its cursor. */
export async function trendingFifthPage(baseUrl: string, w: Workload): Promise<string> {
  let cursor: string | null = null;
  for (let page = 1; page < 5; page++) {
    const response: Response = await fetch(`${baseUrl}/api/v1/initiatives/${w.initiativeId}/contributions?sort=trending${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    if (!response.ok) throw new Error(`trending page ${page}: HTTP ${response.status}`);
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    if (cursor === null) throw new Error(`the trending feed ends at page ${page}`);
  }
  return `/api/v1/initiatives/${w.initiativeId}/contributions?sort=trending&cursor=${encodeURIComponent(cursor ?? '')}`;
}

let clients = 0;
/** Each connection holds one token (so no two connections act as the same member at once, as long as there are enough). */
function tokenOf(w: Workload, context: Record<string, unknown>): BenchTokens['tokens'][number] {
  if (context.token === undefined) context.token = w.tokens[clients++ % w.tokens.length];
  return context.token as BenchTokens['tokens'][number];
}

/** A contribution this member did not write. */
function supportable(w: Workload, userId: string): string {
  for (;;) {
    const c = pick(w.contributions);
    if (!c.authors.has(userId)) return c.id;
  }
}

/** Support, then retract the same one: alternating, on the connection's own member. */
function supportOrRetract(w: Workload, context: Record<string, unknown>) {
  const t = tokenOf(w, context);
  const pending = context.pending as string | undefined;
  if (pending !== undefined) {
    context.pending = undefined;
    return { method: 'DELETE' as const, path: `/api/v1/contributions/${pending}/support`, headers: { authorization: `Bearer ${t.token}` } };
  }
  const id = supportable(w, t.userId);
  w.touched.add(id);
  context.pending = id;
  return { method: 'POST' as const, path: `/api/v1/contributions/${id}/support`, headers: { authorization: `Bearer ${t.token}` } };
}

let created = 0;
export function newContribution(marker = ''): string {
  const n = ++created;
  const subject = pick(SUBJECTS);
  const place = pick(PLACES);
  const body = `About the ${subject} in ${place}: ${pick(['it was broken again', 'nobody came', 'it worked well this week', 'the neighbours asked me to write'])}. Bench ${n}${marker}.`;
  return JSON.stringify(n % 2 === 0
    ? { kind: 'experience', title: `${subject} in ${place} (bench ${n}${marker})`, body, situation: `Near the ${pick(SUBJECTS)} in ${place}.`, sentiment: pick(['pain', 'delight', 'mixed']), tags: [pick(['mobility', 'green', 'safety'])] }
    : { kind: 'idea', title: `Better ${subject} in ${place} (bench ${n}${marker})`, body, problem: `Today the ${subject} do not serve everyone.`, tags: [pick(['parks', 'lighting', 'transport'])] });
}

function create(w: Workload, context: Record<string, unknown>) {
  return { method: 'POST' as const, path: `/api/v1/initiatives/${w.initiativeId}/contributions`, headers: json(tokenOf(w, context).token), body: newContribution() };
}

const search = () => ({ path: `/api/v1/search?q=${encodeURIComponent(Math.random() < 0.3 ? `${pick(WORDS)} ${pick(WORDS)}` : pick(WORDS))}` });

function similar(w: Workload, context: Record<string, unknown>) {
  const subject = pick(SUBJECTS);
  return {
    method: 'POST' as const, path: `/api/v1/initiatives/${w.initiativeId}/contributions/similar`, headers: json(tokenOf(w, context).token),
    body: JSON.stringify({ title: `${pick(['More', 'Safer', 'Better'])} ${subject} in ${pick(PLACES)}`, body: `The ${subject} near my home ${pick(['are too few', 'close too early', 'are broken'])}.` }),
  };
}

export function scenarios(w: Workload, trendingPath: string): Scenario[] {
  const feed = `/api/v1/initiatives/${w.initiativeId}/contributions?sort=top`;
  const busy = w.contributions.slice(0, 20).map((c) => c.id);
  const page = (context: Record<string, unknown>) => {
    // GET the contribution, then its comments: one page view is two requests.
    const id = (context.page as string | undefined) ?? pick(busy);
    context.page = context.page === undefined ? id : undefined;
    return { path: context.page === undefined ? `/api/v1/contributions/${id}/comments` : `/api/v1/contributions/${id}` };
  };
  // Reads first, then writes: each new contribution of (e) leaves the worker tens of thousands of
  // notifications to write, which would otherwise be measured as part of the read scenarios.
  return [
    { name: '(a) initiative feed, top, first page', path: feed },
    { name: '(b) trending, fifth page by cursor', path: trendingPath },
    { name: '(c) contribution page + comments', path: '/', next: page },
    { name: '(f) search', path: '/', next: search },
    { name: '(g) similar while writing', path: '/', next: (context) => similar(w, context) },
    { name: '(d) support and retract (API tokens)', path: '/', next: (context) => supportOrRetract(w, context) },
    { name: '(e) create a contribution (API tokens)', path: '/', next: (context) => create(w, context) },
    {
      name: '(h) mix: 90% reads, 10% writes', path: '/',
      next: (context) => {
        if (context.pending !== undefined) return supportOrRetract(w, context);
        const r = Math.random();
        if (r < 0.08) return supportOrRetract(w, context);
        if (r < 0.1) return create(w, context);
        if (r < 0.4) return { path: feed };
        if (r < 0.5) return { path: trendingPath };
        if (r < 0.8) return { path: `/api/v1/contributions/${pick(busy)}${r < 0.65 ? '' : '/comments'}` };
        return search();
      },
    },
  ];
}

/**
 * No lost or double-counted support: each touched contribution's support_count equals its
 * supports rows. Read in one statement (one consistent snapshot) after the server has had a
 * moment to finish requests still in flight when the load stopped; two separate reads could
 * straddle a commit and report a mismatch that is not there.
 */
export async function checkSupports(db: Db, touched: Set<string>): Promise<{ checked: number; mismatches: { id: string; supportCount: number; rows: number }[] }> {
  await new Promise((done) => setTimeout(done, 1_000));
  const ids = [...touched];
  const mismatches: { id: string; supportCount: number; rows: number }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('contributions as c')
      .select(['c.id', 'c.supportCount', (eb) => eb.selectFrom('supports as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.contributionId', '=', 'c.id').as('n')])
      .where('c.id', 'in', batch)
      .execute();
    for (const r of rows) {
      const n = Number(r.n ?? 0);
      if (Number(r.supportCount) !== n) mismatches.push({ id: r.id, supportCount: Number(r.supportCount), rows: n });
    }
  }
  return { checked: ids.length, mismatches };
}
