import { Type, type Static } from 'typebox';
import { Page } from '../../lib/pagination.js';

export const ROLES = ['owner', 'steward', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const KINDS = ['customer', 'employee', 'supplier', 'partner', 'regulator', 'community', 'other'] as const;
export type ProtagonistKind = (typeof KINDS)[number];
export const VISIBILITIES = ['public', 'private'] as const;

export const RoleSchema = Type.Enum(ROLES, {
  description: 'owner: everything; steward: runs initiatives and invites members; member: takes part; observer: reads only.',
});
export const KindSchema = Type.Enum(KINDS, { description: 'The protagonist kind: who this person is to the organisation.' });
export const VisibilitySchema = Type.Enum(VISIBILITIES, {
  description: 'public: anyone may see the organisation; private: only members (others get 404).',
});

export const Slug = Type.String({
  minLength: 3,
  maxLength: 50,
  pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$',
  description: 'Lower-case letters, digits and dashes; 3 to 50 characters.',
});
export const OrgName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const Description = Type.String({ maxLength: 2000 });

export const Org = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  visibility: VisibilitySchema,
  memberCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  me: Type.Union([Type.Object({ role: RoleSchema, kind: KindSchema }), Type.Null()], { description: 'Your membership, or null.' }),
});
export type Org = Static<typeof Org>;
export const OrgPage = Page(Org);

export const CreateOrgBody = Type.Object(
  { name: OrgName, slug: Slug, description: Type.Optional(Description), visibility: VisibilitySchema },
  { additionalProperties: false },
);
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Type.Object(
  { name: Type.Optional(OrgName), description: Type.Optional(Description), visibility: Type.Optional(VisibilitySchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrgBody = Static<typeof UpdateOrgBody>;

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

export const Member = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()], { description: 'Shown to owners and stewards only.' }),
  kind: KindSchema,
  role: RoleSchema,
  joinedAt: Type.String({ format: 'date-time' }),
});
export type Member = Static<typeof Member>;
export const MemberPage = Page(Member);

export const MemberParams = Type.Object({ org: Type.String({ maxLength: 100 }), userId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const ChangeMemberBody = Type.Object(
  { role: Type.Optional(RoleSchema), kind: Type.Optional(KindSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type ChangeMemberBody = Static<typeof ChangeMemberBody>;
