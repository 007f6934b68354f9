import type { Db } from '../../db/database.js';
import type { ErrorDetail } from '../../lib/errors.js';
import { AppError } from '../../lib/errors.js';
import type { ContributionKind, CreateContributionBody, Details, UpdateContributionBody } from './schemas.js';

/** Which optional fields each kind has, and which of them it requires. */
const KIND_FIELDS: Record<ContributionKind, { allowed: (keyof Details)[]; required: (keyof Details)[] }> = {
  experience: { allowed: ['situation', 'sentiment', 'wish'], required: ['situation', 'sentiment'] },
  idea: { allowed: ['problem', 'expectedValue'], required: ['problem'] },
  build: { allowed: [], required: [] },
};
const DETAIL_KEYS: (keyof Details)[] = ['situation', 'sentiment', 'wish', 'problem', 'expectedValue'];

export const ACTION_OF_KIND = { experience: 'tell_experiences', idea: 'propose_ideas', build: 'build' } as const;

/** "Rain Gear!" → "rain-gear": lower case, letters and digits joined by single dashes. */
export function normaliseTag(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function normaliseTags(raw: string[] | undefined, path = '/tags'): string[] | undefined {
  if (raw === undefined) return undefined;
  const details: ErrorDetail[] = [];
  const tags: string[] = [];
  raw.forEach((tag, i) => {
    const normal = normaliseTag(tag);
    if (normal === '') details.push({ path: `${path}/${i}`, message: 'has no letters or digits', code: 'invalid_tag' });
    else if (!tags.includes(normal)) tags.push(normal);
  });
  if (details.length > 0) throw new AppError(422, 'validation_failed', 'A tag needs letters or digits.', details);
  return tags;
}

/** Checks the kind's required and forbidden fields; returns the details to store. */
export function detailsFor(kind: ContributionKind, body: Partial<CreateContributionBody | UpdateContributionBody>, previous: Details = {}): Details {
  const { allowed, required } = KIND_FIELDS[kind];
  const problems: ErrorDetail[] = [];
  for (const key of DETAIL_KEYS) {
    if (body[key] !== undefined && !allowed.includes(key)) problems.push({ path: `/${key}`, message: `is not a field of ${kind === 'idea' ? 'an idea' : `a ${kind}`}`, code: 'not_for_kind' });
  }
  const details: Details = { ...previous };
  for (const key of allowed) {
    const value = body[key];
    if (value !== undefined) Object.assign(details, { [key]: typeof value === 'string' ? value.trim() : value });
  }
  for (const key of required) {
    const value = details[key];
    if (value === undefined || value === '') problems.push({ path: `/${key}`, message: 'is required', code: 'required' });
  }
  if (problems.length > 0) throw new AppError(422, 'validation_failed', problems.map((p) => `${(p.path ?? '').slice(1)} ${p.message}`).join('; ') + '.', problems);
  return details;
}

/** Title and body must say something, not only spaces. */
export function checkText(body: { title?: string; body?: string }): void {
  const problems: ErrorDetail[] = [];
  if (body.title !== undefined && body.title.trim().length < 3) problems.push({ path: '/title', message: 'needs at least 3 characters besides spaces', code: 'too_short' });
  if (body.body !== undefined && body.body.trim() === '') problems.push({ path: '/body', message: 'is empty', code: 'required' });
  if (problems.length > 0) throw new AppError(422, 'validation_failed', 'Write a title and a text.', problems);
}

/** Links must point into the same initiative: needs it published, experiences and contributions visible in it. */
export async function checkLinks(db: Db, initiativeId: string, body: Pick<CreateContributionBody, 'kind' | 'answers' | 'cites' | 'buildsOn'>): Promise<{ relation: string; targetType: string; targetId: string }[]> {
  const problems: ErrorDetail[] = [];
  const answers = [...new Set(body.answers ?? [])];
  const cites = [...new Set(body.cites ?? [])];
  const buildsOn = [...new Set(body.buildsOn ?? [])];
  if (body.kind === 'build' && buildsOn.length === 0) problems.push({ path: '/buildsOn', message: 'names at least one contribution this builds on', code: 'required' });
  if (body.kind !== 'build' && buildsOn.length > 0) problems.push({ path: '/buildsOn', message: 'is for builds', code: 'not_for_kind' });
  if (body.kind === 'experience' && cites.length > 0) problems.push({ path: '/cites', message: 'is for ideas and builds', code: 'not_for_kind' });
  const needs = new Set((await db.selectFrom('needs').select('id').where('initiativeId', '=', initiativeId).where('id', 'in', [...answers, '']).execute()).map((r) => r.id));
  answers.forEach((id, i) => {
    if (!needs.has(id)) problems.push({ path: `/answers/${i}`, message: 'is not a need of this initiative', code: 'unknown_need' });
  });
  const targets = await db
    .selectFrom('contributions')
    .select(['id', 'kind'])
    .where('initiativeId', '=', initiativeId)
    .where('hiddenAt', 'is', null)
    .where('id', 'in', [...cites, ...buildsOn, ''])
    .execute();
  const kindOf = new Map(targets.map((t) => [t.id, t.kind]));
  cites.forEach((id, i) => {
    if (kindOf.get(id) !== 'experience') problems.push({ path: `/cites/${i}`, message: 'is not an experience in this initiative', code: 'not_an_experience' });
  });
  buildsOn.forEach((id, i) => {
    if (!kindOf.has(id)) problems.push({ path: `/buildsOn/${i}`, message: 'is not a contribution in this initiative', code: 'unknown_contribution' });
  });
  if (problems.length > 0) throw new AppError(422, 'validation_failed', 'Some links do not point into this initiative.', problems);
  return [
    ...answers.map((targetId) => ({ relation: 'answers', targetType: 'need', targetId })),
    ...cites.map((targetId) => ({ relation: 'cites', targetType: 'contribution', targetId })),
    ...buildsOn.map((targetId) => ({ relation: 'builds_on', targetType: 'contribution', targetId })),
  ];
}

/** What the full-text and similar indexes read of a contribution: its body and the kind's text fields. */
export const searchableBody = (body: string, details: Details) => [body, details.situation, details.wish, details.problem, details.expectedValue].filter(Boolean).join('\n\n');
