import { KINDS } from '../../src/server/modules/orgs/schemas.js';
import { TRENDING_DAYS } from '../../src/server/db/migrations/0006_counters.js';
import { allocate, at, int, stream, WeightedSampler, zipfWeights, type Rng } from './random.js';
import type { Scale } from './scales.js';

export const CONTRIBUTION_KINDS = ['experience', 'idea', 'build'] as const;
const DAY = 86_400_000;
// Protagonist kinds of members, as shares of the whole: most are customers (citizens).
const KIND_SHARES: Record<(typeof KINDS)[number], number> = { customer: 0.55, community: 0.15, employee: 0.08, supplier: 0.07, partner: 0.07, regulator: 0.03, other: 0.05 };

/**
 * Who does what and when, as typed arrays (millions of supports stay small in memory).
 * Users are indices: 0 is the owner, 1..stewards the stewards, the rest members.
 */
export interface Plan {
  scale: Scale;
  /** Activity ends here (ms); it starts scale.days earlier, when the initiatives launch. */
  now: number;
  launchedAt: number;
  userKind: Uint8Array;
  userCreatedAt: Float64Array;
  initiativeWeight: Float64Array;
  c: { initiative: Int32Array; author: Int32Array; kind: Uint8Array; createdAt: Float64Array; theme: Int32Array; link: Int32Array; supports: Int32Array; recent: Int32Array; comments: Int32Array; lastActivity: Float64Array };
  /** Comments in time order; parent is an earlier top-level comment index on the same contribution, or -1. */
  m: { contribution: Int32Array; author: Int32Array; parent: Int32Array; time: Float64Array };
  s: { contribution: Int32Array; user: Int32Array; time: Float64Array };
  /** Follows: subject < contributions is a contribution, else the initiative subject - contributions. */
  f: { user: Int32Array; subject: Int32Array; time: Float64Array };
  /** Per initiative, who acts in it (and so accepted its terms). */
  participants: Uint8Array[];
  tokenUsers: number[];
}

export const THEMES_PER_INITIATIVE = 4;

/** Skewed towards a core of active people: index ~ n·u², so low indices act most. */
const activeUser = (rng: Rng, n: number): number => Math.min(n - 1, Math.floor(n * rng() ** 2));
const between = (rng: Rng, from: number, to: number): number => Math.floor(from + rng() * Math.max(0, to - from));

/** Where the trending window starts for a dataset made until `now` (migration 0006). */
export const trendingSince = (now: number) => now - TRENDING_DAYS * DAY;

export function makePlan(scale: Scale, seed: number, now: number): Plan {
  const N = scale.members;
  const C = scale.contributions;
  const I = scale.initiatives;
  const launchedAt = now - scale.days * DAY;
  const rng = (purpose: string) => stream(seed, purpose);

  // People: joined during the year before launch, strictly increasing (ids are time-ordered).
  const people = rng('people');
  const kindSampler = new WeightedSampler(KINDS.map((k) => KIND_SHARES[k]));
  const userKind = new Uint8Array(N);
  const userCreatedAt = new Float64Array(N);
  const joinSpan = 365 * DAY;
  for (let u = 0; u < N; u++) {
    userKind[u] = u <= scale.stewards ? KINDS.indexOf('employee') : kindSampler.sample(people);
    userCreatedAt[u] = launchedAt - joinSpan + Math.floor(((u + people()) * joinSpan) / N);
  }

  // Contributions: a few initiatives get most of them; strictly increasing times.
  const shape = rng('contributions');
  const initiativeWeight = zipfWeights(shape, I, 1.1);
  const initiativeSampler = new WeightedSampler(initiativeWeight);
  const c = {
    initiative: new Int32Array(C), author: new Int32Array(C), kind: new Uint8Array(C), createdAt: new Float64Array(C), theme: new Int32Array(C),
    link: new Int32Array(C).fill(-1), supports: new Int32Array(C), recent: new Int32Array(C), comments: new Int32Array(C), lastActivity: new Float64Array(C),
  };
  const span = now - launchedAt - DAY;
  const earlier: number[][] = Array.from({ length: I }, () => []);
  const experiences: number[][] = Array.from({ length: I }, () => []);
  for (let i = 0; i < C; i++) {
    const initiative = initiativeSampler.sample(shape);
    c.initiative[i] = initiative;
    c.author[i] = activeUser(shape, N);
    c.createdAt[i] = launchedAt + Math.floor(((i + shape()) * span) / C);
    const roll = shape();
    const before = earlier[initiative] ?? [];
    const told = experiences[initiative] ?? [];
    // Builds name a contribution they build on; some ideas cite an experience.
    if (roll < 0.1 && before.length > 0) {
      c.kind[i] = 2;
      c.link[i] = before[int(shape, before.length)] ?? -1;
    } else if (roll < 0.5) {
      c.kind[i] = 1;
      if (told.length > 0 && shape() < 0.3) c.link[i] = told[int(shape, told.length)] ?? -1;
    } else {
      c.kind[i] = 0;
      told.push(i);
    }
    before.push(i);
    c.theme[i] = shape() < 0.6 ? initiative * THEMES_PER_INITIATIVE + int(shape, THEMES_PER_INITIATIVE) : -1;
    c.lastActivity[i] = at(c.createdAt, i);
  }

  // Support and discussion: Zipf over contributions; the most supported are also the most discussed.
  const activity = rng('activity');
  const supportWeight = zipfWeights(activity, C, 1.0);
  const commentWeight = supportWeight.map((w) => w ** 0.8 * (0.5 + activity()));
  c.supports.set(allocate(scale.supports, supportWeight, Math.floor((N - 1) * 0.9)));
  c.comments.set(allocate(scale.comments, commentWeight, Math.max(1, Math.ceil((scale.comments / C) * 50))));
  const participants = Array.from({ length: I }, () => new Uint8Array(N));
  const take = (initiative: number, user: number) => {
    const set = participants[initiative];
    if (set) set[user] = 1;
  };
  for (let i = 0; i < C; i++) take(at(c.initiative, i), at(c.author, i));

  // Supports: distinct people per contribution (partial Fisher–Yates over everyone), never the author.
  const supporting = rng('supports');
  const s = { contribution: new Int32Array(scale.supports), user: new Int32Array(scale.supports), time: new Float64Array(scale.supports) };
  const pool = new Int32Array(N);
  for (let u = 0; u < N; u++) pool[u] = u;
  let k = 0;
  for (let i = 0; i < C; i++) {
    const author = at(c.author, i);
    const created = at(c.createdAt, i);
    let drawn = 0;
    for (let j = 0; drawn < at(c.supports, i); j++) {
      const r = j + int(supporting, N - j);
      const user = at(pool, r);
      pool[r] = at(pool, j);
      pool[j] = user;
      if (user === author) continue;
      const time = between(supporting, created + 1, now);
      s.contribution[k] = i;
      s.user[k] = user;
      s.time[k] = time;
      if (time > at(c.lastActivity, i)) c.lastActivity[i] = time;
      if (time >= trendingSince(now)) c.recent[i] = at(c.recent, i) + 1;
      take(at(c.initiative, i), user);
      k++;
      drawn++;
    }
  }

  // Comments: times after their contribution, then sorted; replies answer an earlier top-level comment.
  const talking = rng('comments');
  const M = scale.comments;
  const unsorted = { contribution: new Int32Array(M), time: new Float64Array(M) };
  k = 0;
  for (let i = 0; i < C; i++) {
    for (let n = 0; n < at(c.comments, i); n++, k++) {
      unsorted.contribution[k] = i;
      unsorted.time[k] = between(talking, at(c.createdAt, i) + 1, now);
    }
  }
  const order = Array.from({ length: M }, (_, j) => j).sort((a, b) => at(unsorted.time, a) - at(unsorted.time, b) || a - b);
  const m = { contribution: new Int32Array(M), author: new Int32Array(M), parent: new Int32Array(M).fill(-1), time: new Float64Array(M) };
  const threads = new Map<number, number[]>();
  order.forEach((from, j) => {
    const i = at(unsorted.contribution, from);
    m.contribution[j] = i;
    m.time[j] = Math.max(at(unsorted.time, from), j > 0 ? at(m.time, j - 1) + 1 : 0);
    m.author[j] = activeUser(talking, N);
    const tops = threads.get(i) ?? [];
    if (tops.length > 0 && talking() < 0.3) m.parent[j] = tops[int(talking, tops.length)] ?? -1;
    else tops.push(j);
    threads.set(i, tops);
    if (at(m.time, j) > at(c.lastActivity, i)) c.lastActivity[i] = at(m.time, j);
    take(at(c.initiative, i), at(m.author, j));
  });

  // Follows: every author follows their contribution; others follow popular contributions and initiatives.
  const following = rng('follows');
  const F = Math.max(scale.follows, C);
  const f = { user: new Int32Array(F), subject: new Int32Array(F), time: new Float64Array(F) };
  const seen = new Set<number>();
  const contributionSampler = new WeightedSampler(supportWeight);
  for (let i = 0; i < C; i++) {
    f.user[i] = at(c.author, i);
    f.subject[i] = i;
    f.time[i] = at(c.createdAt, i);
    seen.add(at(c.author, i) * (C + I) + i);
  }
  for (let j = C; j < F; ) {
    const user = int(following, N);
    const subject = following() < 0.7 ? contributionSampler.sample(following) : C + initiativeSampler.sample(following);
    const key = user * (C + I) + subject;
    if (seen.has(key)) continue;
    seen.add(key);
    f.user[j] = user;
    f.subject[j] = subject;
    f.time[j] = between(following, subject < C ? at(c.createdAt, subject) + 1 : launchedAt, now);
    j++;
  }

  // Token holders: ordinary members spread over the population; hosts and token holders accept every initiative's terms.
  const tokenUsers = Array.from({ length: Math.min(scale.tokens, N - 1 - scale.stewards) }, (_, t) => 1 + scale.stewards + Math.floor((t * (N - 1 - scale.stewards)) / scale.tokens));
  for (let initiative = 0; initiative < I; initiative++) {
    for (let u = 0; u <= scale.stewards; u++) take(initiative, u);
    for (const u of tokenUsers) take(initiative, u);
  }
  return { scale, now, launchedAt, userKind, userCreatedAt, initiativeWeight, c, m, s, f, participants, tokenUsers };
}
