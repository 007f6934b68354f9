import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';
import { CONTRIBUTION_KINDS, STATUSES } from '../contributions/schemas.js';

const Id = Type.String({ maxLength: 64 });

export const Segment = Type.Object(
  { text: Type.String(), match: Type.Boolean({ description: 'True for the words that matched the query.' }) },
  { description: 'A piece of text; show `match` pieces highlighted. Plain text, never HTML.' },
);
export type Segment = Static<typeof Segment>;
const Segments = Type.Array(Segment);

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words to find (all must appear); "quoted words" as a phrase; `or` between alternatives; a leading `-` leaves a word out.',
    }),
    initiative: Type.Optional(Type.String({ maxLength: 64, description: 'Only this initiative.' })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const ContributionRef = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Enum(CONTRIBUTION_KINDS),
  status: Type.Enum(STATUSES),
  initiativeId: Type.String(),
  initiativeTitle: Type.String(),
  hidden: Type.Boolean({ description: 'Hidden by the stewards: you see it as its author or a host.' }),
  mergedInto: Type.Union([Type.Object({ id: Type.String(), title: Type.String() }), Type.Null()], { description: 'Set when it was merged into another contribution; continue there.' }),
});

export const SearchHit = Type.Object({
  subjectType: Type.Enum(['contribution', 'comment'], { description: 'Whether the words were found in a contribution or in a comment on it.' }),
  commentId: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number({ description: 'Relevance; higher is better. Only comparable within one search.' }),
  title: Segments,
  snippet: Segments,
  contribution: ContributionRef,
});
export type SearchHit = Static<typeof SearchHit>;
export const SearchPage = Page(SearchHit);

/** The most contributions one similar answer holds. */
export const MAX_SIMILAR = 20;

export const SimilarBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, description: 'The title being written.' }),
    body: Type.Optional(Type.String({ maxLength: 20_000, description: 'The text being written, if any.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SIMILAR, default: 5 })),
  },
  { additionalProperties: false },
);
export type SimilarBody = Static<typeof SimilarBody>;

export const SimilarContribution = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Enum(CONTRIBUTION_KINDS),
  status: Type.Enum(STATUSES),
  excerpt: Type.String(),
  supportCount: Type.Integer(),
  score: Type.Number({ minimum: 0, maximum: 1, description: 'Cosine similarity of the words, 0 to 1.' }),
  sharedTerms: Type.Array(Type.String(), { description: 'The most telling words both texts use.' }),
});
export type SimilarContribution = Static<typeof SimilarContribution>;
export const SimilarList = Type.Object({ items: Type.Array(SimilarContribution) });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
