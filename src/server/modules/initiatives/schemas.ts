import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';
import { KindSchema } from '../orgs/schemas.js';

/** What an initiative co-creates. */
export const OBJECTS = ['product', 'service', 'business_model', 'operational_process', 'management_process'] as const;
/** At what level: one process, a whole business, or a whole ecosystem. */
export const REACHES = ['process', 'business', 'ecosystem'] as const;
/** Where innovation happens (style map, horizontal axis). */
export const LOCI = ['firm', 'borders', 'community', 'third_party'] as const;
/** How personal the resulting value is (style map, vertical axis). */
export const ADAPTABILITIES = ['standard', 'customisable', 'personal'] as const;
export const INITIATIVE_VISIBILITIES = ['public', 'org', 'invite_only'] as const;
export const STATUSES = ['draft', 'open', 'closed', 'archived', 'discarded'] as const;
/** What a phase may enable. */
export const ACTIONS = ['tell_experiences', 'propose_ideas', 'build', 'support', 'comment', 'test'] as const;

export type InitiativeStatus = (typeof STATUSES)[number];
export type PhaseAction = (typeof ACTIONS)[number];

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Slug = Type.String({ minLength: 3, maxLength: 60, pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$' });
const Markdown = Type.String({ maxLength: 50_000 });
const Goals = Type.Array(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }), { maxItems: 20 });
const Audience = Type.Array(KindSchema, { minItems: 1, maxItems: 7, uniqueItems: true, description: 'Protagonist kinds who may contribute.' });

const classification = {
  object: Type.Enum(OBJECTS),
  reach: Type.Enum(REACHES),
  locus: Type.Enum(LOCI),
  adaptability: Type.Enum(ADAPTABILITIES),
};

export const Phase = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  startsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  actions: Type.Array(Type.Enum(ACTIONS)),
});
export type Phase = Static<typeof Phase>;

export const Initiative = Type.Object({
  id: Type.String(),
  org: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  vision: Type.String({ description: 'Markdown.' }),
  goals: Type.Array(Type.String()),
  ...classification,
  audience: Type.Array(KindSchema),
  visibility: Type.Enum(INITIATIVE_VISIBILITIES),
  status: Type.Enum(STATUSES),
  stewards: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  phases: Type.Array(Phase),
  currentPhaseId: Type.Union([Type.String(), Type.Null()]),
  termsVersion: Type.Integer({ description: 'The sealed terms version in force; 0 while in draft.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  launchedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  me: Type.Object({ steward: Type.Boolean(), canEdit: Type.Boolean() }),
});
export type Initiative = Static<typeof Initiative>;
export const InitiativePage = Page(Type.Omit(Initiative, ['phases', 'vision']));

export const CreateInitiativeBody = Type.Object(
  {
    title: Title,
    slug: Slug,
    summary: Type.String({ maxLength: 1000 }),
    vision: Type.Optional(Markdown),
    goals: Type.Optional(Goals),
    ...classification,
    audience: Audience,
    visibility: Type.Enum(INITIATIVE_VISIBILITIES),
  },
  { additionalProperties: false },
);
export type CreateInitiativeBody = Static<typeof CreateInitiativeBody>;

export const UpdateInitiativeBody = Type.Object(
  {
    title: Type.Optional(Title),
    summary: Type.Optional(Type.String({ maxLength: 1000 })),
    vision: Type.Optional(Markdown),
    goals: Type.Optional(Goals),
    object: Type.Optional(classification.object),
    reach: Type.Optional(classification.reach),
    locus: Type.Optional(classification.locus),
    adaptability: Type.Optional(classification.adaptability),
    audience: Type.Optional(Audience),
    visibility: Type.Optional(Type.Enum(INITIATIVE_VISIBILITIES)),
    stewards: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50, uniqueItems: true, description: 'User ids; each must be an owner, steward or member of the organisation.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateInitiativeBody = Static<typeof UpdateInitiativeBody>;

export const PhaseInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    startsOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    endsOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    actions: Type.Array(Type.Enum(ACTIONS), { uniqueItems: true, maxItems: ACTIONS.length }),
  },
  { additionalProperties: false },
);
export type PhaseInput = Static<typeof PhaseInput>;
export const PhasesBody = Type.Object({ phases: Type.Array(PhaseInput, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false });
export type PhasesBody = Static<typeof PhasesBody>;
export const AdvanceBody = Type.Object({ phaseId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const ListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    status: Type.Optional(Type.Enum(['draft', 'open', 'closed', 'archived'])),
  },
  { additionalProperties: false },
);
