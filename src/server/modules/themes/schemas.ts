import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';
import { CONTRIBUTION_KINDS } from '../contributions/schemas.js';

const Id = Type.String({ maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S', description: 'What the contributions in it are about, in a few words.' });
const Description = Type.String({ maxLength: 2000, description: 'Markdown: what belongs here and what does not.' });

export const Theme = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  contributionCount: Type.Integer({ description: 'Contributions in the theme you can see in the feed (merged ones count in their target).' }),
  createdBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Theme = Static<typeof Theme>;
export const ThemePage = Page(Theme);

export const CreateThemeBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    contributionIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'Contributions of the initiative to put in the theme (moved from any other theme).' })),
  },
  { additionalProperties: false },
);
export type CreateThemeBody = Static<typeof CreateThemeBody>;

export const UpdateThemeBody = Type.Object({ name: Type.Optional(Name), description: Type.Optional(Description) }, { additionalProperties: false, minProperties: 1 });
export type UpdateThemeBody = Static<typeof UpdateThemeBody>;

export const SetThemeBody = Type.Object(
  { themeId: Type.Union([Id, Type.Null()], { description: 'A theme of the same initiative, or null to take the contribution out of its theme.' }) },
  { additionalProperties: false },
);
export type SetThemeBody = Static<typeof SetThemeBody>;

const ContributionRef = Type.Object({ id: Type.String(), title: Type.String(), kind: Type.Enum(CONTRIBUTION_KINDS) });

export const ThemeSuggestion = Type.Object({
  name: Type.String({ description: 'A suggested name: the most telling words the contributions share.' }),
  terms: Type.Array(Type.String()),
  cohesion: Type.Number({ minimum: 0, maximum: 1, description: 'Average similarity of the contributions to each other.' }),
  contributions: Type.Array(ContributionRef),
});
export type ThemeSuggestion = Static<typeof ThemeSuggestion>;
export const ThemeSuggestions = Type.Object({
  items: Type.Array(ThemeSuggestion),
  considered: Type.Integer({ description: 'How many recent contributions without a theme were compared.' }),
});

export const ThemeParams = Type.Object({ id: Id }, { additionalProperties: false });
export const NoQuery = Type.Object({}, { additionalProperties: false });
