import { Type, type Static } from 'typebox';
import { ContributionSummary, STATUSES } from '../contributions/schemas.js';

/** The statuses a steward can answer with; `merged` comes from merging, never from a response. */
export const RESPONSE_STATUSES = STATUSES.filter((s) => s !== 'merged');
export const REASON_REQUIRED = ['declined', 'not_now'] as const;

export const RespondBody = Type.Object(
  {
    status: Type.Enum(RESPONSE_STATUSES),
    text: Type.String({ minLength: 1, maxLength: 10_000, description: 'What the stewards say to the people behind it (Markdown).' }),
    reason: Type.Optional(Type.String({ maxLength: 5_000, description: 'Why: required when declined or not now.' })),
  },
  { additionalProperties: false },
);
export type RespondBody = Static<typeof RespondBody>;

export const Response = Type.Object({
  id: Type.String(),
  contributionId: Type.String(),
  status: Type.Enum(STATUSES),
  previousStatus: Type.Enum(STATUSES),
  text: Type.String(),
  textHtml: Type.String(),
  reason: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Response = Static<typeof Response>;
export const ResponseList = Type.Object({ items: Type.Array(Response) });

export const TargetBody = Type.Object({ hours: Type.Integer({ minimum: 1, maximum: 24 * 90, description: 'Target time to a first response, in hours.' }) }, { additionalProperties: false });

export const ResponseTimes = Type.Object({
  targetHours: Type.Integer(),
  answered: Type.Integer({ description: 'Contributions with a first response.' }),
  waiting: Type.Integer({ description: 'Contributions still waiting for one.' }),
  overdue: Type.Integer({ description: 'Waiting longer than the target.' }),
  medianHours: Type.Union([Type.Number(), Type.Null()], { description: 'Median time to first response, in hours.' }),
  p90Hours: Type.Union([Type.Number(), Type.Null()], { description: '90th percentile time to first response, in hours.' }),
  withinTargetShare: Type.Union([Type.Number(), Type.Null()], { description: 'Of the contributions whose target has come (answered, or waiting past it), the share answered within it.' }),
});
export type ResponseTimes = Static<typeof ResponseTimes>;

export const WaitingItem = Type.Object({ ...ContributionSummary.properties, waitingHours: Type.Number(), overdue: Type.Boolean() });
export const WaitingPage = Type.Object({ items: Type.Array(WaitingItem), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const CreateUpdateBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown.' }),
    contributionIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50, uniqueItems: true, description: 'Contributions this update is about: their authors and supporters hear of it.' })),
  },
  { additionalProperties: false },
);
export type CreateUpdateBody = Static<typeof CreateUpdateBody>;

const Ref = Type.Object({ id: Type.String(), title: Type.String(), kind: Type.String(), status: Type.String() });
export const Update = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  title: Type.String(),
  body: Type.String(),
  bodyHtml: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  contributions: Type.Array(Ref),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Update = Static<typeof Update>;
export const UpdatePage = Type.Object({ items: Type.Array(Update), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const Accountability = Type.Object({
  responseTimes: ResponseTimes,
  groups: Type.Array(
    Type.Object({
      status: Type.Enum(STATUSES),
      count: Type.Integer(),
      items: Type.Array(Type.Object({ contribution: ContributionSummary, response: Type.Union([Response, Type.Null()]), updates: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), createdAt: Type.String() })) })),
    }),
  ),
});
