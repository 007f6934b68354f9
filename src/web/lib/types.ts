/** The API's shapes, taken from the server's TypeBox schemas so both sides agree. */
import type { ApiToken, User } from '../../server/modules/accounts/schemas.js';
import type { Org, ProtagonistKind, Role } from '../../server/modules/orgs/schemas.js';
import type { Invitation } from '../../server/modules/invitations/schemas.js';

export type { User, SessionResponse, ApiToken } from '../../server/modules/accounts/schemas.js';
export type { Org, Member, Role, ProtagonistKind } from '../../server/modules/orgs/schemas.js';
export type { Invitation, InvitationPreview, InvitationStatus } from '../../server/modules/invitations/schemas.js';
export type { EventItem } from '../../server/modules/events/schemas.js';
export type { Block } from '../../server/modules/moderation/schemas.js';

export type Visibility = Org['visibility'];

/** The same lists as the server's, in the order people read them. */
export const ROLES = ['owner', 'steward', 'member', 'observer'] as const satisfies readonly Role[];
export const KINDS = ['customer', 'employee', 'supplier', 'partner', 'regulator', 'community', 'other'] as const satisfies readonly ProtagonistKind[];
export const VISIBILITIES = ['public', 'private'] as const satisfies readonly Visibility[];

export interface CreatedInvitation {
  invitation: Invitation;
  acceptUrl: string;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export interface AcceptResponse {
  org: Org;
  user: User;
  csrfToken: string | null;
}
