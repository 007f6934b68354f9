import type { Role } from './schemas.js';

export type OrgAction =
  | 'view'
  | 'update'
  | 'view_members'
  | 'see_member_emails'
  | 'manage_members'
  | 'invite'
  | 'view_invitations'
  | 'revoke_invitation'
  | 'view_events'
  | 'leave';

export interface OrgResource {
  visibility: 'public' | 'private';
  /** The actor's role in this organisation, or null for non-members and anonymous people. */
  role: Role | null;
  /** For 'invite': the role the invitation would grant. */
  inviteRole?: Role;
}

const RANK: Record<Role, number> = { owner: 3, steward: 2, member: 1, observer: 0 };

/**
 * What a person may do to an organisation, decided by their role alone.
 * Rules about data (the last owner) live in the service.
 */
export function can(action: OrgAction, org: OrgResource): boolean {
  const role = org.role;
  switch (action) {
    case 'view':
      return org.visibility === 'public' || role !== null;
    case 'view_members':
    case 'leave':
      return role !== null;
    case 'update':
    case 'manage_members':
    case 'view_events':
      return role === 'owner';
    case 'see_member_emails':
    case 'view_invitations':
    case 'revoke_invitation':
      return role === 'owner' || role === 'steward';
    case 'invite':
      // Owners invite anyone; stewards invite only roles below their own.
      if (role === 'owner') return true;
      return role === 'steward' && org.inviteRole !== undefined && RANK[org.inviteRole] < RANK.steward;
  }
}
