/** The contribution API's shapes, taken from the server's TypeBox schemas. */
import type { Static } from 'typebox';
import type {
  Attachment,
  Contribution,
  ContributionKind,
  ContributionSummary,
  Details,
  Lineage as LineageSchema,
  Revision as RevisionSchema,
  SupportState as SupportStateSchema,
  FollowState as FollowStateSchema,
  ListQuery,
  CreateContributionBody,
  UpdateContributionBody,
} from '../../../server/modules/contributions/schemas.js';
import type { CONTRIBUTION_KINDS as KINDS_TUPLE, FLAG_REASONS as FLAG_TUPLE, SENTIMENTS as SENTIMENT_TUPLE, SORTS as SORT_TUPLE, STATUSES as STATUS_TUPLE } from '../../../server/modules/contributions/schemas.js';

export type { Attachment, Contribution, ContributionKind, ContributionSummary, Details, ListQuery, CreateContributionBody, UpdateContributionBody };
export type Lineage = Static<typeof LineageSchema>;
export type Revision = Static<typeof RevisionSchema>;
export type SupportState = Static<typeof SupportStateSchema>;
export type FollowState = Static<typeof FollowStateSchema>;
export type Status = (typeof STATUS_TUPLE)[number];
export type Sentiment = (typeof SENTIMENT_TUPLE)[number];
export type Sort = (typeof SORT_TUPLE)[number];
export type FlagReason = (typeof FLAG_TUPLE)[number];
export type Ref = Contribution['links']['cites'][number];

/** The same lists as the server's, in the order people read them. */
export const KINDS = ['experience', 'idea', 'build'] as const satisfies readonly (typeof KINDS_TUPLE)[number][];
export const SORTS = ['top', 'new', 'trending', 'controversial', 'unanswered', 'discussed'] as const satisfies readonly Sort[];
export const STATUSES = ['received', 'under_review', 'accepted', 'in_development', 'delivered', 'declined', 'not_now', 'merged'] as const satisfies readonly Status[];
export const SENTIMENTS = ['pain', 'delight', 'mixed'] as const satisfies readonly Sentiment[];
export const FLAG_REASONS = ['spam', 'abuse', 'off_topic', 'personal_data', 'other'] as const satisfies readonly FlagReason[];

/** Which phase action lets a person write each kind. */
export const ACTION_OF_KIND = { experience: 'tell_experiences', idea: 'propose_ideas', build: 'build' } as const satisfies Record<ContributionKind, string>;

export const isKind = (value: string | null): value is ContributionKind => value !== null && (KINDS as readonly string[]).includes(value);
export const isSort = (value: string | null): value is Sort => value !== null && (SORTS as readonly string[]).includes(value);
export const isStatus = (value: string | null): value is Status => value !== null && (STATUSES as readonly string[]).includes(value);
