import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import { hashSecret, newSecret } from '../../src/server/lib/ids.js';
import { hashPassword } from '../../src/server/modules/accounts/passwords.js';
import { TOKEN_PREFIX } from '../../src/server/modules/accounts/service.js';
import type { Details } from '../../src/server/modules/contributions/schemas.js';
import { searchableBody } from '../../src/server/modules/contributions/content.js';
import { ACTIONS, ADAPTABILITIES, LOCI, OBJECTS, REACHES } from '../../src/server/modules/initiatives/schemas.js';
import { KINDS } from '../../src/server/modules/orgs/schemas.js';
import { canonicalJson, sha256 } from '../../src/server/modules/terms/canonical.js';
import { checkTerms, defaultTerms } from '../../src/server/modules/terms/rules.js';
import type { Terms } from '../../src/server/modules/terms/schemas.js';
import { CONTRIBUTION_KINDS, makePlan, THEMES_PER_INITIATIVE, trendingSince, type Plan } from './plan.js';
import { Progress } from './progress.js';
import { at, int, pick, stream, uuidv7At } from './random.js';
import type { Scale } from './scales.js';
import * as text from './text.js';
import { writeRows } from './write.js';

/** Every bench member logs in with this password (one argon2 hash, computed once). */
export const BENCH_PASSWORD = 'moebius-bench';
export const BENCH_ORG = 'bench-city';
export const DEFAULT_SEED = 20_260_101;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** Where activity ends; ids and times derive from it, so pin it for identical datasets. */
  now: Date;
  /** The server's secret: API tokens are stored as keyed hashes with it. */
  secret: string;
  progress?: Progress;
  /** Generate even into a database that already holds data (its people must not be bench people). */
  force?: boolean;
}

export interface BenchToken {
  userId: string;
  email: string;
  token: string;
}

export interface GenerateResult {
  scale: string;
  seed: number;
  now: string;
  seconds: number;
  rows: Record<string, number>;
  org: string;
  password: string;
  initiatives: { id: string; slug: string; contributions: number }[];
  tokens: BenchToken[];
}

export class DatasetError extends Error {}

const iso = (ms: number): string => new Date(ms).toISOString();
const SENTIMENTS = ['pain', 'delight', 'mixed'] as const;
const THEME_NAMES = ['Getting around', 'Public space', 'Services', 'Environment', 'Culture and sport', 'Safety'];

interface ContributionText {
  title: string;
  body: string;
  details: Details;
  tags: string[];
}

function contributionTexts(plan: Plan, seed: number): ContributionText[] {
  const rng = stream(seed, 'text');
  return Array.from({ length: plan.scale.contributions }, (_, i) => {
    const kind = CONTRIBUTION_KINDS[at(plan.c.kind, i)] ?? 'idea';
    const { title, body } = text.contributionText(rng, kind, i + 1);
    const details: Details =
      kind === 'experience' ? { situation: text.situation(rng), sentiment: pick(rng, SENTIMENTS), ...(rng() < 0.5 ? { wish: text.wish(rng) } : {}) }
      : kind === 'idea' ? { problem: text.problem(rng), ...(rng() < 0.5 ? { expectedValue: text.expectedValue(rng) } : {}) }
      : {};
    const tags = [...new Set(Array.from({ length: int(rng, 4) }, () => pick(rng, text.TAGS)))];
    return { title, body, details, tags };
  });
}

function termsFor(n: number): Terms {
  const terms: Terms = n % 2 === 0 ? defaultTerms() : { ...defaultTerms(), rewards: [...defaultTerms().rewards, { kind: 'cash', amount: 1000 * (n + 1), currency: 'EUR', earnedBy: 'The proposal the city funds.' }] };
  checkTerms(terms);
  return terms;
}

/** Generates the whole dataset on an empty, migrated database. */
export async function generateDataset(handle: DatabaseHandle, options: GenerateOptions): Promise<GenerateResult> {
  const db = handle.db;
  if (!options.force && (await db.selectFrom('users').select('id').limit(1).execute()).length > 0) {
    throw new DatasetError('The database already holds data; generate into an empty database (or pass --force).');
  }
  // SQLite: a large page cache while loading, so the indexes of millions of rows stay in memory.
  const cacheSize = handle.dialect === 'sqlite' ? (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size : undefined;
  if (cacheSize !== undefined) await sql`pragma cache_size = -524288`.execute(db);
  try {
    return await generate(handle, options);
  } finally {
    if (cacheSize !== undefined) await sql`pragma cache_size = ${sql.raw(String(Math.trunc(cacheSize)))}`.execute(db);
  }
}

/**
 * A deployment that ran for months alerted its stewards about each unanswered contribution once,
 * when it passed the response target (168 hours): so should the dataset, or the first start
 * would alert about tens of thousands at once.
 */
const overdueSince = (created: number, now: number): string | null => {
  const due = created + 168 * 3_600_000;
  return due < now ? iso(due) : null;
};

async function generate(handle: DatabaseHandle, options: GenerateOptions): Promise<GenerateResult> {
  const { scale, seed } = options;
  const progress = options.progress ?? new Progress(null);
  const started = performance.now();
  const plan = makePlan(scale, seed, options.now.getTime());
  const ids = stream(seed, 'ids');
  const N = scale.members;
  const rows: Record<string, number> = {};
  const write = async <R extends object>(table: string, total: number, items: Iterable<R>, insert: Parameters<typeof writeRows<R>>[5]) => {
    rows[table] = (rows[table] ?? 0) + (await writeRows(handle, progress, table, total, items, insert));
  };

  // People, all with the same password so any of them can log in.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const names = stream(seed, 'names');
  const userIds = Array.from({ length: N }, (_, u) => uuidv7At(at(plan.userCreatedAt, u), ids));
  const email = (u: number) => `member${u}@bench.example`;
  await write('users', N, (function* () {
    for (let u = 0; u < N; u++) {
      const time = iso(at(plan.userCreatedAt, u));
      yield { id: userIds[u] ?? '', email: email(u), name: text.personName(names), passwordHash, createdAt: time, updatedAt: time, erasedAt: null };
    }
  })(), (trx, batch) => trx.insertInto('users').values(batch).execute());

  const owner = userIds[0] ?? '';
  const orgTime = at(plan.userCreatedAt, 0) + 1000;
  const orgId = uuidv7At(orgTime, ids);
  await write('orgs', 1, [{ id: orgId, slug: BENCH_ORG, name: 'Bench City', description: 'A city-sized organisation generated for benchmarks: every member takes part in its initiatives.', visibility: 'public' as const, createdBy: owner, createdAt: iso(orgTime), updatedAt: iso(orgTime) }],
    (trx, batch) => trx.insertInto('orgs').values(batch).execute());
  await write('memberships', N, (function* () {
    for (let u = 0; u < N; u++) {
      const time = Math.max(orgTime, at(plan.userCreatedAt, u) + 1000);
      const role = u === 0 ? 'owner' : u <= scale.stewards ? 'steward' : 'member';
      yield { id: uuidv7At(time, ids), orgId, userId: userIds[u] ?? '', kind: KINDS[at(plan.userKind, u)] ?? 'other', role, createdAt: iso(time), updatedAt: iso(time) };
    }
  })(), (trx, batch) => trx.insertInto('memberships').values(batch).execute());

  // Initiatives: launched, one phase enabling every action, terms version 1 sealed.
  const I = scale.initiatives;
  const hosts = Array.from({ length: scale.stewards + 1 }, (_, u) => userIds[u] ?? '');
  const launched = iso(plan.launchedAt);
  const initiatives = Array.from({ length: I }, (_, n) => {
    const created = plan.launchedAt - 7 * 86_400_000 + n;
    const terms = termsFor(n);
    const content = canonicalJson(terms);
    return { id: uuidv7At(created, ids), phaseId: uuidv7At(created + 1, ids), termsId: uuidv7At(plan.launchedAt + n, ids), created, slug: `initiative-${n + 1}`, title: text.initiativeTitle(n), content, hash: sha256(content) };
  });
  await write('initiatives', I, initiatives.map((x, n) => ({
    id: x.id, orgId, slug: x.slug, title: x.title, summary: `Proposals, experiences and support for ${x.title.toLowerCase()}.`,
    vision: `A city shaped by the people who live in it.\n\nTell what happened to you, propose, and support what should come first.`,
    goals: JSON.stringify(['Hear every district', 'Fund the most supported proposals']), object: OBJECTS[n % OBJECTS.length] ?? 'service', reach: REACHES[n % REACHES.length] ?? 'ecosystem',
    locus: LOCI[n % LOCI.length] ?? 'community', adaptability: ADAPTABILITIES[n % ADAPTABILITIES.length] ?? 'standard', audience: JSON.stringify(KINDS), visibility: 'public', status: 'open',
    currentPhaseId: x.phaseId, termsDraft: null, termsVersion: 1, responseTargetHours: 168, createdBy: owner, createdAt: iso(x.created), updatedAt: launched, launchedAt: launched, closedAt: null, archivedAt: null,
  })), (trx, batch) => trx.insertInto('initiatives').values(batch).execute());
  await write('phases', I, initiatives.map((x) => ({ id: x.phaseId, initiativeId: x.id, position: 0, name: 'Open to everyone', description: 'Tell, propose, build, support and discuss.', startsOn: launched.slice(0, 10), endsOn: null, actions: JSON.stringify(ACTIONS) })),
    (trx, batch) => trx.insertInto('phases').values(batch).execute());
  await write('initiative_stewards', I * hosts.length, initiatives.flatMap((x) => hosts.map((userId) => ({ initiativeId: x.id, userId, addedAt: iso(x.created) }))),
    (trx, batch) => trx.insertInto('initiativeStewards').values(batch).execute());
  await write('terms_versions', I, initiatives.map((x, n) => ({ id: x.termsId, initiativeId: x.id, version: 1, content: x.content, hash: x.hash, reason: null, createdBy: owner, createdAt: iso(plan.launchedAt + n) })),
    (trx, batch) => trx.insertInto('termsVersions').values(batch).execute());
  const themeIds = Array.from({ length: I * THEMES_PER_INITIATIVE }, (_, t) => uuidv7At(plan.launchedAt + 1000 + t, ids));
  await write('themes', themeIds.length, themeIds.map((id, t) => ({
    id, initiativeId: initiatives[Math.floor(t / THEMES_PER_INITIATIVE)]?.id ?? '', name: THEME_NAMES[t % THEMES_PER_INITIATIVE] ?? 'Other', description: '', createdBy: owner, createdAt: iso(plan.launchedAt + 1000 + t), updatedAt: iso(plan.launchedAt + 1000 + t),
  })), (trx, batch) => trx.insertInto('themes').values(batch).execute());

  // Everyone who acts in an initiative accepted its terms first.
  const acceptances = plan.participants.reduce((sum, set) => sum + set.reduce((a, b) => a + b, 0), 0);
  await write('terms_acceptances', acceptances, (function* () {
    let k = 0;
    for (let n = 0; n < I; n++) {
      const set = plan.participants[n] ?? new Uint8Array(0);
      const x = initiatives[n];
      if (!x) continue;
      for (let u = 0; u < N; u++) {
        if (set[u] !== 1) continue;
        const time = plan.launchedAt + 60_000 + k++;
        yield { id: uuidv7At(time, ids), initiativeId: x.id, version: 1, userId: userIds[u] ?? '', hash: x.hash, acceptedAt: iso(time) };
      }
    }
  })(), (trx, batch) => trx.insertInto('termsAcceptances').values(batch).execute());

  // Contributions with their authors, first revision, tags, links and search entry.
  const C = scale.contributions;
  const texts = contributionTexts(plan, seed);
  const cIds = Array.from({ length: C }, (_, i) => uuidv7At(at(plan.c.createdAt, i), ids));
  const cid = (i: number) => cIds[i] ?? '';
  const initiativeOf = (i: number) => initiatives[at(plan.c.initiative, i)] ?? { id: '', phaseId: '' };
  const each = <R>(n: number, make: (i: number) => R | R[] | null) => (function* () {
    for (let i = 0; i < n; i++) {
      const made = make(i);
      if (Array.isArray(made)) yield* made;
      else if (made !== null) yield made;
    }
  })();
  await write('contributions', C, each(C, (i) => {
    const t = texts[i] ?? { title: '', body: '', details: {}, tags: [] };
    const created = iso(at(plan.c.createdAt, i));
    const theme = at(plan.c.theme, i);
    const author = at(plan.c.author, i);
    return {
      id: cid(i), initiativeId: initiativeOf(i).id, orgId, kind: CONTRIBUTION_KINDS[at(plan.c.kind, i)] ?? 'idea', title: t.title, body: t.body, details: JSON.stringify(t.details),
      authorId: userIds[author] ?? '', authorKind: KINDS[at(plan.userKind, author)] ?? 'other', status: 'received', termsVersion: 1, phaseId: initiativeOf(i).phaseId,
      themeId: theme < 0 ? null : (themeIds[theme] ?? null), mergedIntoId: null, revision: 1, supportCount: at(plan.c.supports, i), recentSupportCount: at(plan.c.recent, i), commentCount: at(plan.c.comments, i),
      hiddenAt: null, hiddenBy: null, hiddenReason: null, firstResponseAt: null, overdueAlertedAt: overdueSince(at(plan.c.createdAt, i), plan.now), lastActivityAt: iso(at(plan.c.lastActivity, i)), createdAt: created, updatedAt: created,
    };
  }), (trx, batch) => trx.insertInto('contributions').values(batch).execute());
  await write('contribution_authors', C, each(C, (i) => {
    const created = iso(at(plan.c.createdAt, i));
    return { contributionId: cid(i), userId: userIds[at(plan.c.author, i)] ?? '', role: 'author', status: 'accepted', viaContributionId: '', invitedBy: null, createdAt: created, respondedAt: created };
  }), (trx, batch) => trx.insertInto('contributionAuthors').values(batch).execute());
  await write('contribution_revisions', C, each(C, (i) => {
    const t = texts[i] ?? { title: '', body: '', details: {}, tags: [] };
    return { contributionId: cid(i), revision: 1, title: t.title, body: t.body, details: JSON.stringify(t.details), tags: JSON.stringify(t.tags), editorId: userIds[at(plan.c.author, i)] ?? '', note: '', createdAt: iso(at(plan.c.createdAt, i)) };
  }), (trx, batch) => trx.insertInto('contributionRevisions').values(batch).execute());
  const tagCount = texts.reduce((sum, t) => sum + t.tags.length, 0);
  await write('contribution_tags', tagCount, each(C, (i) => (texts[i]?.tags ?? []).map((tag) => ({ contributionId: cid(i), tag }))),
    (trx, batch) => trx.insertInto('contributionTags').values(batch).execute());
  const linked = plan.c.link.reduce((sum, target) => sum + (target >= 0 ? 1 : 0), 0);
  await write('contribution_links', linked, each(C, (i) => {
    const target = at(plan.c.link, i);
    if (target < 0) return null;
    return { contributionId: cid(i), relation: at(plan.c.kind, i) === 2 ? 'builds_on' : 'cites', targetType: 'contribution', targetId: cid(target), createdAt: iso(at(plan.c.createdAt, i)) };
  }), (trx, batch) => trx.insertInto('contributionLinks').values(batch).execute());
  await write('search_index', C, each(C, (i) => {
    const t = texts[i] ?? { title: '', body: '', details: {}, tags: [] };
    return { subjectType: 'contribution', subjectId: cid(i), contributionId: cid(i), initiativeId: initiativeOf(i).id, title: t.title, body: searchableBody(t.body, t.details) };
  }), (trx, batch) => trx.insertInto('searchIndex').values(batch).execute());

  // Comments (threads two levels deep), their first revision and search entry.
  const M = scale.comments;
  const said = stream(seed, 'comment-text');
  const comments = Array.from({ length: M }, (_, j) => ({ id: uuidv7At(at(plan.m.time, j), ids), body: text.commentText(said) }));
  const comment = (j: number) => comments[j] ?? { id: '', body: '' };
  await write('comments', M, each(M, (j) => {
    const time = iso(at(plan.m.time, j));
    const parent = at(plan.m.parent, j);
    return { id: comment(j).id, contributionId: cid(at(plan.m.contribution, j)), parentId: parent < 0 ? null : comment(parent).id, authorId: userIds[at(plan.m.author, j)] ?? '', body: comment(j).body, revision: 1, hiddenAt: null, hiddenBy: null, hiddenReason: null, createdAt: time, updatedAt: time };
  }), (trx, batch) => trx.insertInto('comments').values(batch).execute());
  await write('comment_revisions', M, each(M, (j) => ({ commentId: comment(j).id, revision: 1, body: comment(j).body, editorId: userIds[at(plan.m.author, j)] ?? '', createdAt: iso(at(plan.m.time, j)) })),
    (trx, batch) => trx.insertInto('commentRevisions').values(batch).execute());
  await write('search_index', M, each(M, (j) => {
    const i = at(plan.m.contribution, j);
    return { subjectType: 'comment', subjectId: comment(j).id, contributionId: cid(i), initiativeId: initiativeOf(i).id, title: '', body: comment(j).body };
  }), (trx, batch) => trx.insertInto('searchIndex').values(batch).execute());

  if (handle.dialect === 'sqlite') await sql`insert into search_index_keys (subject_id, row_id) select subject_id, rowid from search_index`.execute(handle.db);

  // Supports (one per person and contribution) and follows.
  const since = trendingSince(plan.now);
  await write('supports', scale.supports, each(scale.supports, (k) => ({ contributionId: cid(at(plan.s.contribution, k)), userId: userIds[at(plan.s.user, k)] ?? '', createdAt: iso(at(plan.s.time, k)), inWindow: at(plan.s.time, k) >= since ? 1 : 0 })),
    (trx, batch) => trx.insertInto('supports').values(batch).execute());
  await handle.db.updateTable('trendingWindow').set({ since: iso(since) }).where('id', '=', 1).execute();
  await write('follows', plan.f.user.length, each(plan.f.user.length, (k) => {
    const subject = at(plan.f.subject, k);
    const isContribution = subject < C;
    return { userId: userIds[at(plan.f.user, k)] ?? '', subjectType: isContribution ? 'contribution' : 'initiative', subjectId: isContribution ? cid(subject) : (initiatives[subject - C]?.id ?? ''), createdAt: iso(at(plan.f.time, k)) };
  }), (trx, batch) => trx.insertInto('follows').values(batch).execute());

  // API tokens for the load tests: the owner first, then members who accepted every initiative's terms.
  const tokens: BenchToken[] = [];
  const holders = [0, ...plan.tokenUsers];
  await write('api_tokens', holders.length, holders.map((u, t) => {
    const secret = newSecret(TOKEN_PREFIX);
    const time = plan.now + t;
    tokens.push({ userId: userIds[u] ?? '', email: email(u), token: secret });
    return { id: uuidv7At(time, ids), userId: userIds[u] ?? '', name: 'bench', tokenHash: hashSecret(options.secret, secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6), createdAt: iso(time), lastUsedAt: null, expiresAt: null, revokedAt: null };
  }), (trx, batch) => trx.insertInto('apiTokens').values(batch).execute());

  const perInitiative = new Int32Array(I);
  for (let i = 0; i < C; i++) perInitiative[at(plan.c.initiative, i)] = at(perInitiative, at(plan.c.initiative, i)) + 1;
  return {
    scale: scale.name, seed, now: iso(plan.now), seconds: Math.round((performance.now() - started) / 100) / 10, rows, org: BENCH_ORG, password: BENCH_PASSWORD,
    initiatives: initiatives.map((x, n) => ({ id: x.id, slug: x.slug, contributions: at(perInitiative, n) })), tokens,
  };
}
