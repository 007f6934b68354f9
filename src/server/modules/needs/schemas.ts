import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Text = (max: number) => Type.String({ maxLength: max, description: 'Markdown.' });

export const Need = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  title: Type.String(),
  problem: Type.String({ description: 'The problem the host cannot solve alone.' }),
  context: Type.String(),
  tried: Type.String({ description: 'What was tried already.' }),
  constraints: Type.String(),
  createdBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Need = Static<typeof Need>;
export const NeedPage = Page(Need);

const needFields = { title: Title, problem: Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S' }), context: Type.Optional(Text(10_000)), tried: Type.Optional(Text(10_000)), constraints: Type.Optional(Text(10_000)) };
export const CreateNeedBody = Type.Object(needFields, { additionalProperties: false });
export type CreateNeedBody = Static<typeof CreateNeedBody>;
export const UpdateNeedBody = Type.Partial(Type.Object(needFields), { additionalProperties: false, minProperties: 1 });
export type UpdateNeedBody = Static<typeof UpdateNeedBody>;

export const ASSET_ACCESS = ['everyone', 'participants', 'stewards'] as const;
export type AssetAccess = (typeof ASSET_ACCESS)[number];

export const SharedAsset = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  title: Type.String(),
  description: Type.String(),
  url: Type.String({ description: 'Where the data, document, prototype or access lives.' }),
  access: Type.Enum(ASSET_ACCESS, { description: 'everyone who can see the initiative; participants (members who take part); stewards only.' }),
  file: Type.Union([Type.Object({ name: Type.String(), mediaType: Type.String(), size: Type.Integer() }), Type.Null()], {
    description: 'For an uploaded file: its name, sniffed type and size; download it from `url`.',
  }),
  createdBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SharedAsset = Static<typeof SharedAsset>;
export const AssetPage = Page(SharedAsset);

const assetFields = {
  title: Title,
  description: Type.Optional(Text(10_000)),
  url: Type.String({ maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'An http(s) link.' }),
  access: Type.Enum(ASSET_ACCESS),
};
export const CreateAssetBody = Type.Object(assetFields, { additionalProperties: false });
export type CreateAssetBody = Static<typeof CreateAssetBody>;
/** The text fields of a multipart file upload (the file itself is the part named `file`). */
export const FileAssetFields = Type.Object(
  { title: Title, description: Type.Optional(Text(10_000)), access: Type.Enum(ASSET_ACCESS) },
  { additionalProperties: false },
);
export type FileAssetFields = Static<typeof FileAssetFields>;
export const UpdateAssetBody = Type.Partial(Type.Object(assetFields), { additionalProperties: false, minProperties: 1 });
export type UpdateAssetBody = Static<typeof UpdateAssetBody>;
