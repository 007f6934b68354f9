import { Type, type Static } from 'typebox';
import { Email, Password, PersonName, User } from '../accounts/schemas.js';
import { KindSchema, Org, RoleSchema } from '../orgs/schemas.js';
import { Page } from '../../lib/pagination.js';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
const StatusSchema = Type.Enum(INVITATION_STATUSES);

export const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  kind: KindSchema,
  role: RoleSchema,
  status: StatusSchema,
  invitedBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Invitation = Static<typeof Invitation>;
export const InvitationPage = Page(Invitation);

export const CreateInvitationBody = Type.Object(
  {
    email: Email,
    kind: KindSchema,
    role: RoleSchema,
    message: Type.Optional(Type.String({ maxLength: 1000, description: 'A personal note included in the e-mail.' })),
  },
  { additionalProperties: false },
);
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

export const CreatedInvitation = Type.Object({
  invitation: Invitation,
  acceptUrl: Type.String({ description: 'The link to accept; also sent by e-mail. Shown only now.' }),
});

export const InvitationParams = Type.Object({ org: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const InvitationPreview = Type.Object({
  org: Type.Object({ slug: Type.String(), name: Type.String(), description: Type.String() }),
  email: Type.String(),
  kind: KindSchema,
  role: RoleSchema,
  status: StatusSchema,
  invitedBy: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  accountExists: Type.Boolean({ description: 'Whether the invited e-mail already has an account (then log in to accept).' }),
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const AcceptBody = Type.Object(
  { name: PersonName, password: Password },
  { additionalProperties: false, description: 'Only when not signed in: creates the account for the invited e-mail.' },
);
export type AcceptBody = Static<typeof AcceptBody>;
export const AcceptBodyOrEmpty = Type.Union([AcceptBody, Type.Null()]);

export const AcceptResponse = Type.Object({
  org: Org,
  user: User,
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
