import type { TFunction } from 'i18next';
import { check, type FieldErrors } from '../../lib/errors';
import type { Contribution, ContributionKind, CreateContributionBody, Ref, Sentiment, UpdateContributionBody } from './types';

/** What someone is writing, kept as the form shows it (every text a string, links as titled refs). */
export interface Draft {
  kind: ContributionKind;
  title: string;
  body: string;
  situation: string;
  sentiment: Sentiment | '';
  wish: string;
  problem: string;
  expectedValue: string;
  tags: string;
  answers: string[];
  cites: Ref[];
  buildsOn: Ref[];
}

export const emptyDraft = (kind: ContributionKind): Draft => ({
  kind, title: '', body: '', situation: '', sentiment: '', wish: '', problem: '', expectedValue: '', tags: '', answers: [], cites: [], buildsOn: [],
});

/** A contribution as the edit form shows it. */
export const draftOf = (c: Contribution): Draft => ({
  kind: c.kind,
  title: c.title,
  body: c.body,
  situation: c.details.situation ?? '',
  sentiment: c.details.sentiment ?? '',
  wish: c.details.wish ?? '',
  problem: c.details.problem ?? '',
  expectedValue: c.details.expectedValue ?? '',
  tags: c.tags.join(', '),
  answers: c.links.answers.map((a) => a.id),
  cites: c.links.cites,
  buildsOn: c.links.buildsOn,
});

/** "rain gear, seams" → ["rain gear", "seams"]; the server normalises them. */
export const parseTags = (text: string): string[] =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

const opt = (value: string) => (value.trim() === '' ? undefined : value);

/** Only the fields of the draft's kind: the server refuses a field another kind has. */
function kindFields(d: Draft) {
  switch (d.kind) {
    case 'experience':
      return { situation: d.situation, sentiment: d.sentiment === '' ? undefined : d.sentiment, wish: opt(d.wish) };
    case 'idea':
      return { problem: d.problem, expectedValue: opt(d.expectedValue) };
    case 'build':
      return {};
  }
}

export function toCreateBody(d: Draft): CreateContributionBody {
  const tags = parseTags(d.tags);
  return {
    kind: d.kind,
    title: d.title,
    body: d.body,
    ...kindFields(d),
    ...(tags.length > 0 ? { tags } : {}),
    ...(d.answers.length > 0 ? { answers: d.answers } : {}),
    ...(d.kind !== 'experience' && d.cites.length > 0 ? { cites: d.cites.map((c) => c.id) } : {}),
    ...(d.kind === 'build' ? { buildsOn: d.buildsOn.map((c) => c.id) } : {}),
  };
}

export function toUpdateBody(d: Draft, note: string): UpdateContributionBody {
  const fields: UpdateContributionBody = { title: d.title, body: d.body, tags: parseTags(d.tags) };
  if (d.kind === 'experience') Object.assign(fields, { situation: d.situation, wish: d.wish, ...(d.sentiment !== '' ? { sentiment: d.sentiment } : {}) });
  if (d.kind === 'idea') Object.assign(fields, { problem: d.problem, expectedValue: d.expectedValue });
  return note.trim() === '' ? fields : { ...fields, note };
}

/** The checks the server makes, made first so nobody waits for a refusal. */
export function checkDraft(t: TFunction, d: Draft): FieldErrors | null {
  return check({
    title: d.title.trim().length < 3 && t('contributions.compose.titleShort'),
    body: d.body.trim() === '' && t('validation.required'),
    situation: d.kind === 'experience' && d.situation.trim() === '' && t('validation.required'),
    sentiment: d.kind === 'experience' && d.sentiment === '' && t('contributions.compose.chooseSentiment'),
    problem: d.kind === 'idea' && d.problem.trim() === '' && t('validation.required'),
    buildsOn: d.kind === 'build' && d.buildsOn.length === 0 && t('contributions.compose.chooseBase'),
  });
}
