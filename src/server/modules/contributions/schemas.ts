import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';

export const CONTRIBUTION_KINDS = ['experience', 'idea', 'build'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
/** Statuses of the response loop (answered in the ear-to-mouth issue); a new contribution is received. */
export const STATUSES = ['received', 'under_review', 'accepted', 'in_development', 'delivered', 'declined', 'not_now', 'merged'] as const;
export const SENTIMENTS = ['pain', 'delight', 'mixed'] as const;
export const SORTS = ['top', 'new', 'trending', 'controversial', 'unanswered', 'discussed'] as const;
export const FLAG_REASONS = ['spam', 'abuse', 'off_topic', 'personal_data', 'other'] as const;

const Id = Type.String({ maxLength: 64 });
export const ContributionParams = Type.Object({ id: Id }, { additionalProperties: false });
const Tag = Type.String({ minLength: 1, maxLength: 40, description: 'Normalised: lower case, words joined by dashes.' });
const Tags = Type.Array(Tag, { maxItems: 10 });

const Text = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });

/** The fields a kind may have; the service says which are required for which kind. */
const contentFields = {
  title: Text(3, 200, 'A short title someone scanning a list understands.'),
  body: Text(1, 20_000, 'Markdown. experience: what happened; idea: the proposal; build: the improvement or combination.'),
  situation: Type.Optional(Text(0, 5_000, 'experience: the situation you were in.')),
  sentiment: Type.Optional(Type.Enum(SENTIMENTS, { description: 'experience: pain, delight or mixed.' })),
  wish: Type.Optional(Text(0, 5_000, 'experience: what you wished for.')),
  problem: Type.Optional(Text(0, 5_000, 'idea: the problem it addresses (required for ideas).')),
  expectedValue: Type.Optional(Text(0, 5_000, 'idea: the value you expect, and for whom.')),
};

export const CreateContributionBody = Type.Object(
  {
    kind: Type.Enum(CONTRIBUTION_KINDS),
    ...contentFields,
    tags: Type.Optional(Tags),
    answers: Type.Optional(Type.Array(Id, { maxItems: 5, description: 'Needs of the initiative this answers.' })),
    cites: Type.Optional(Type.Array(Id, { maxItems: 10, description: 'Experiences this cites (ideas and builds).' })),
    buildsOn: Type.Optional(Type.Array(Id, { maxItems: 10, description: 'Contributions this builds on (required for builds).' })),
  },
  { additionalProperties: false },
);
export type CreateContributionBody = Static<typeof CreateContributionBody>;

export const UpdateContributionBody = Type.Object(
  {
    title: Type.Optional(contentFields.title),
    body: Type.Optional(contentFields.body),
    situation: contentFields.situation,
    sentiment: contentFields.sentiment,
    wish: contentFields.wish,
    problem: contentFields.problem,
    expectedValue: contentFields.expectedValue,
    tags: Type.Optional(Tags),
    note: Type.Optional(Text(0, 500, 'What changed and why; shown in the revision history.')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateContributionBody = Static<typeof UpdateContributionBody>;

export const Details = Type.Object({
  situation: Type.Optional(Type.String()),
  sentiment: Type.Optional(Type.Enum(SENTIMENTS)),
  wish: Type.Optional(Type.String()),
  problem: Type.Optional(Type.String()),
  expectedValue: Type.Optional(Type.String()),
});
export type Details = Static<typeof Details>;

const Person = Type.Object({ id: Type.String(), name: Type.String() });
const Ref = Type.Object({ id: Type.String(), title: Type.String(), kind: Type.String() });

export const ContributionSummary = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  kind: Type.Enum(CONTRIBUTION_KINDS),
  title: Type.String(),
  excerpt: Type.String({ description: 'The first words of the body, as plain text.' }),
  status: Type.Enum(STATUSES),
  tags: Type.Array(Type.String()),
  author: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }),
  theme: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  mergedInto: Type.Union([Ref, Type.Null()]),
  hidden: Type.Boolean({ description: 'Hidden by the stewards: only its authors and the stewards see it.' }),
  supportCount: Type.Integer(),
  commentCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  lastActivityAt: Type.String({ format: 'date-time' }),
});
export type ContributionSummary = Static<typeof ContributionSummary>;
export const ContributionPage = Page(ContributionSummary);

export const Attachment = Type.Object({ id: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer(), url: Type.String(), uploadedBy: Person, createdAt: Type.String({ format: 'date-time' }) });
export type Attachment = Static<typeof Attachment>;

export const Moderation = Type.Object({
  reason: Type.String(),
  hiddenAt: Type.String({ format: 'date-time' }),
  appeal: Type.Union([Type.Object({ id: Type.String(), status: Type.String(), text: Type.String(), decisionNote: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});

export const Contribution = Type.Object({
  ...ContributionSummary.properties,
  body: Type.String({ description: 'Markdown, as written.' }),
  bodyHtml: Type.String({ description: 'The body rendered and sanitised: no scripts, no event handlers, only http(s) and mailto links.' }),
  details: Details,
  coauthors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), status: Type.Enum(['invited', 'accepted', 'declined']) })),
  credited: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), via: Ref }), { description: 'Authors of contributions merged into this one.' }),
  merged: Type.Array(Ref, { description: 'Contributions merged into this one.' }),
  links: Type.Object({ answers: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })), cites: Type.Array(Ref), buildsOn: Type.Array(Ref) }),
  attachments: Type.Array(Attachment),
  termsVersion: Type.Integer({ description: 'The terms version its author accepted: it governs what this contribution earns.' }),
  phase: Type.Object({ id: Type.String(), name: Type.String() }),
  revision: Type.Integer(),
  moderation: Type.Union([Moderation, Type.Null()], { description: 'Why it is hidden; shown to its authors and the stewards.' }),
  updatedAt: Type.String({ format: 'date-time' }),
  me: Type.Object({ isAuthor: Type.Boolean(), canEdit: Type.Boolean(), canModerate: Type.Boolean(), supported: Type.Boolean(), following: Type.Boolean(), coauthorInvitation: Type.Boolean() }),
});
export type Contribution = Static<typeof Contribution>;

export const ListQuery = Type.Object(
  {
    sort: Type.Optional(Type.Enum(SORTS, { default: 'new' })),
    kind: Type.Optional(Type.Enum(CONTRIBUTION_KINDS)),
    status: Type.Optional(Type.Enum(STATUSES)),
    tag: Type.Optional(Tag),
    authorKind: Type.Optional(Type.Enum(['customer', 'employee', 'supplier', 'partner', 'regulator', 'community', 'other'])),
    theme: Type.Optional(Id),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

const DiffPart = Type.Object({ op: Type.Enum(['same', 'added', 'removed']), text: Type.String() });
export const Revision = Type.Object({
  revision: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  details: Details,
  tags: Type.Array(Type.String()),
  editor: Person,
  note: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  changes: Type.Array(Type.Object({ field: Type.String(), parts: Type.Array(DiffPart) }), { description: 'Word diff of each changed field against the previous revision.' }),
});
export const RevisionList = Type.Object({ items: Type.Array(Revision) });

export const SupportState = Type.Object({ supported: Type.Boolean(), supportCount: Type.Integer() });
export const FollowState = Type.Object({ following: Type.Boolean() });

export const CoauthorBody = Type.Object({ userId: Id }, { additionalProperties: false });
export const CoauthorAnswer = Type.Object({ accept: Type.Boolean() }, { additionalProperties: false });
export const CoauthorParams = Type.Object({ id: Id, userId: Id }, { additionalProperties: false });

export const Lineage = Type.Object({
  answers: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  cites: Type.Array(Ref),
  citedBy: Type.Array(Ref),
  buildsOn: Type.Array(Ref),
  builtUponBy: Type.Array(Ref),
  mergedInto: Type.Union([Ref, Type.Null()]),
  merged: Type.Array(Ref),
});

export const MergeBody = Type.Object({ targetId: Id, reason: Text(1, 1000) }, { additionalProperties: false });
