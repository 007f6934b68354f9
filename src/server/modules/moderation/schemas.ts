import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';
import { FLAG_REASONS } from '../contributions/schemas.js';

/** What hosts moderate: a contribution, or a comment on one. */
export const SUBJECT_TYPES = ['contribution', 'comment'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const APPEAL_STATUSES = ['open', 'upheld', 'rejected'] as const;
export const BULK_ACTIONS = ['hide', 'unhide', 'dismiss_flags'] as const;
export { FLAG_REASONS };

const Id = Type.String({ maxLength: 64 });
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const Person = Type.Object({ id: Type.String(), name: Type.String({ description: '"Former participant" for an erased account.' }) });

export const SubjectParams = Type.Object({ id: Id }, { additionalProperties: false });
export const BlockParams = Type.Object({ org: Type.String({ maxLength: 100 }), userId: Id }, { additionalProperties: false });

/** A contribution or comment as the moderation lists show it. */
export const SubjectSummary = Type.Object({
  type: Type.Enum(SUBJECT_TYPES),
  id: Type.String(),
  contributionId: Type.String({ description: 'The contribution itself, or the one the comment is on.' }),
  initiativeId: Type.String(),
  title: Type.String({ description: 'The title of the contribution (for a comment: of the contribution it is on).' }),
  excerpt: Type.String({ description: 'The first words of the text, as plain text.' }),
  author: Person,
  hidden: Type.Boolean(),
});
export type SubjectSummary = Static<typeof SubjectSummary>;

export const FlagBody = Type.Object(
  {
    reason: Type.Enum(FLAG_REASONS, { description: 'spam, abuse, off_topic, personal_data or other.' }),
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'What is wrong; required for `other`.' })),
  },
  { additionalProperties: false },
);
export type FlagBody = Static<typeof FlagBody>;

export const Flag = Type.Object({
  id: Type.String(),
  subjectType: Type.Enum(SUBJECT_TYPES),
  subjectId: Type.String(),
  reason: Type.Enum(FLAG_REASONS),
  note: Type.String(),
  createdAt: Time,
});

export const FlaggedSubject = Type.Object({
  subject: SubjectSummary,
  count: Type.Integer({ description: 'Open flags on it.' }),
  reasons: Type.Array(Type.Object({ reason: Type.Enum(FLAG_REASONS), count: Type.Integer() })),
  notes: Type.Array(Type.Object({ reason: Type.Enum(FLAG_REASONS), note: Type.String(), createdAt: Time }), { description: 'The five latest notes flaggers wrote.' }),
  firstFlaggedAt: Time,
  lastFlaggedAt: Time,
});
export type FlaggedSubject = Static<typeof FlaggedSubject>;
export const FlagQueue = Page(FlaggedSubject);

export const DismissBody = Type.Object({ subjectId: Id }, { additionalProperties: false });
export const Dismissed = Type.Object({ subjectId: Type.String(), dismissed: Type.Integer({ description: 'Flags resolved as dismissed.' }) });

export const HideBody = Type.Object({ reason: Text(1000, 'Why it is hidden; its author reads this and can appeal.') }, { additionalProperties: false });

export const AppealBrief = Type.Object({
  id: Type.String(),
  status: Type.Enum(APPEAL_STATUSES),
  text: Type.String(),
  decisionNote: Nullable(Type.String()),
  createdAt: Time,
  decidedAt: Nullable(Time),
});
export type AppealBrief = Static<typeof AppealBrief>;

export const ModerationState = Type.Object({
  subjectType: Type.Enum(SUBJECT_TYPES),
  subjectId: Type.String(),
  hidden: Type.Boolean(),
  reason: Nullable(Type.String()),
  hiddenAt: Nullable(Time),
  hiddenBy: Type.Union([Person, Type.Null()]),
  openFlags: Type.Integer(),
  appeal: Type.Union([AppealBrief, Type.Null()], { description: 'The latest appeal, if any.' }),
});
export type ModerationState = Static<typeof ModerationState>;

export const AppealBody = Type.Object({ text: Text(2000, 'Why it should be shown again.') }, { additionalProperties: false });
export const DecisionBody = Type.Object(
  { decision: Type.Enum(['upheld', 'rejected'], { description: 'upheld shows it again; rejected keeps it hidden.' }), note: Text(2000, 'Shown to the author.') },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const Appeal = Type.Object({
  id: Type.String(),
  status: Type.Enum(APPEAL_STATUSES),
  text: Type.String(),
  createdAt: Time,
  by: Person,
  subject: SubjectSummary,
  hiddenReason: Nullable(Type.String({ description: 'Why it is hidden now; null once shown again.' })),
  decidedAt: Nullable(Time),
  decidedBy: Type.Union([Person, Type.Null()]),
  decisionNote: Nullable(Type.String()),
});
export type Appeal = Static<typeof Appeal>;
export const AppealPage = Page(Appeal);
export const AppealsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(APPEAL_STATUSES, { default: 'open' })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type AppealsQuery = Static<typeof AppealsQuery>;

export const BulkItem = Type.Object({ type: Type.Enum(SUBJECT_TYPES), id: Id }, { additionalProperties: false });
export const BulkBody = Type.Object(
  {
    action: Type.Enum(BULK_ACTIONS),
    items: Type.Array(BulkItem, { minItems: 1, maxItems: 100 }),
    reason: Type.Optional(Text(1000, 'Required to hide: what the authors read.')),
  },
  { additionalProperties: false },
);
export type BulkBody = Static<typeof BulkBody>;
export const BulkResult = Type.Object({
  results: Type.Array(Type.Object({ type: Type.Enum(SUBJECT_TYPES), id: Type.String(), ok: Type.Boolean(), code: Type.Optional(Type.String({ description: 'Why this item failed, e.g. not_found, already_hidden.' })) })),
});
export type BulkResult = Static<typeof BulkResult>;

export const MyHiddenItem = Type.Object({
  subject: SubjectSummary,
  reason: Type.String(),
  hiddenAt: Time,
  appeal: Type.Union([AppealBrief, Type.Null()], { description: 'The latest appeal, if any.' }),
  canAppeal: Type.Boolean({ description: 'False while an appeal is open.' }),
});
export type MyHiddenItem = Static<typeof MyHiddenItem>;
export const MyModerationPage = Page(MyHiddenItem);

export const BlockBody = Type.Object({ userId: Id, reason: Text(1000, 'Why; kept with the block.') }, { additionalProperties: false });
export type BlockBody = Static<typeof BlockBody>;
export const Block = Type.Object({ user: Person, reason: Type.String(), blockedBy: Person, createdAt: Time });
export type Block = Static<typeof Block>;
export const BlockPage = Page(Block);

export const ERASE_CONFIRMATION = 'erase my account';
export const ErasureBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: 200, description: 'Your current password.' }),
    confirm: Type.Literal(ERASE_CONFIRMATION, { description: 'Type "erase my account".' }),
  },
  { additionalProperties: false },
);
export type ErasureBody = Static<typeof ErasureBody>;
