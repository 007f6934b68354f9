import { Type, type Static } from 'typebox';

export const IP_POLICIES = ['contributor_retains_with_licence', 'assign_to_host', 'open_licence', 'joint'] as const;
export const REWARD_KINDS = ['cash', 'points', 'royalty', 'recognition', 'other'] as const;
export const EXCLUSIVITY = ['yes', 'no', 'with_consent'] as const;
export const WORSE_CODES = ['reward_removed', 'reward_lowered', 'revenue_share_lowered', 'revenue_share_shortened', 'ip_weakened', 'exclusivity_weakened'] as const;

const Text = (max: number) => Type.String({ maxLength: max });

export const Reward = Type.Object(
  {
    kind: Type.Enum(REWARD_KINDS),
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
    percentage: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. EUR.' })),
    earnedBy: Type.String({ minLength: 1, maxLength: 1000, description: 'Who earns it and how.' }),
  },
  { additionalProperties: false },
);
export type Reward = Static<typeof Reward>;

/** The rules of the game, declared before launch and sealed at launch. */
export const Terms = Type.Object(
  {
    ip: Type.Object(
      {
        policy: Type.Enum(IP_POLICIES),
        licence: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.+-]{2,64}$', description: 'SPDX identifier; required for open_licence.' })),
        notes: Type.Optional(Text(2000)),
      },
      { additionalProperties: false },
    ),
    rewards: Type.Array(Reward, { maxItems: 20 }),
    revenueShare: Type.Union([
      Type.Object(
        {
          percentage: Type.Number({ minimum: 0, maximum: 100 }),
          of: Type.String({ minLength: 1, maxLength: 500, description: 'Percentage of what, e.g. "net sales of the resulting product".' }),
          durationMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 1200 }), Type.Null()], { description: 'null: for as long as the result earns.' }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    confidentiality: Type.Object(
      { mode: Type.Enum(['public', 'nda']), ndaText: Type.Optional(Text(20_000)) },
      { additionalProperties: false },
    ),
    exclusivity: Type.Enum(EXCLUSIVITY, { description: "May the host sell the result to a contributor's competitors: yes, no, or with the contributor's consent." }),
    coInvestment: Type.Array(
      Type.Object({ party: Type.String({ minLength: 1, maxLength: 200 }), invests: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      { maxItems: 20 },
    ),
    killCriteria: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 20, description: 'Measurable conditions under which the host stops.' }),
    dataUse: Text(5000),
    freeText: Text(20_000),
  },
  { additionalProperties: false },
);
export type Terms = Static<typeof Terms>;

export const TermsVersion = Type.Object({
  version: Type.Integer(),
  hash: Type.String({ description: 'Hex SHA-256 of the canonical JSON (RFC 8785) of the terms.' }),
  terms: Terms,
  reason: Type.Union([Type.String(), Type.Null()]),
  sealedAt: Type.String({ format: 'date-time' }),
  sealedBy: Type.Object({ id: Type.String(), name: Type.String() }),
});
export type TermsVersion = Static<typeof TermsVersion>;

export const TermsState = Type.Object({
  initiativeId: Type.String(),
  current: Type.Union([TermsVersion, Type.Null()], { description: 'The sealed version in force; null before launch.' }),
  draft: Type.Union([Terms, Type.Null()], { description: 'Draft terms before launch (hosts only).' }),
  myAcceptedVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'The latest version you accepted.' }),
});

export const AmendmentBody = Type.Object(
  { terms: Terms, reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type AmendmentBody = Static<typeof AmendmentBody>;

export const AcceptBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'The version you read; must be the current one.' }) },
  { additionalProperties: false },
);

export const Acceptance = Type.Object({
  version: Type.Integer(),
  hash: Type.String(),
  acceptedAt: Type.String({ format: 'date-time' }),
});

/** One way a new version is less favourable to contributors; `from`/`to` are what changed, `subject` what it is about. */
export const Worsening = Type.Object({
  code: Type.Enum(WORSE_CODES),
  message: Type.String({ description: 'The finding in English.' }),
  subject: Type.Optional(Type.String({ description: 'What it is about, e.g. the reward kind.' })),
  from: Type.Optional(Type.String({ description: 'The old value: an amount with currency, a percentage, a number of months or "unlimited", or an enum value.' })),
  to: Type.Optional(Type.String({ description: 'The new value, in the same form.' })),
});
export type Worsening = Static<typeof Worsening>;

export const DiffPart = Type.Object({ op: Type.Enum(['same', 'added', 'removed']), text: Type.String() });

export const HistoryItem = Type.Object({
  version: Type.Integer(),
  hash: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  sealedAt: Type.String({ format: 'date-time' }),
  acceptedBy: Type.Integer({ description: 'How many people accepted this version.' }),
  terms: Terms,
  worseForContributors: Type.Array(Worsening, { description: 'What this version makes less favourable than the one before; it governs only later contributions.' }),
  diff: Type.Array(DiffPart, { description: 'Line diff of the terms against the previous version.' }),
});
export type HistoryItem = Static<typeof HistoryItem>;
export const History = Type.Object({ items: Type.Array(HistoryItem) });
