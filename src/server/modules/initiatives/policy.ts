import type { Role } from '../orgs/schemas.js';
import type { InitiativeStatus } from './schemas.js';

export type InitiativeAction = 'view' | 'create' | 'edit' | 'participate';

export interface InitiativeResource {
  orgVisibility: 'public' | 'private';
  visibility: 'public' | 'org' | 'invite_only';
  status: InitiativeStatus;
  /** The actor's role in the organisation, or null. */
  orgRole: Role | null;
  /** Whether the actor is one of the initiative's stewards. */
  steward: boolean;
  /** Whether the actor was invited to an invite-only initiative. */
  invitee?: boolean;
}

const runsOrg = (role: Role | null) => role === 'owner';

/**
 * Who may do what with an initiative. Drafts and discarded drafts are seen only by the
 * people who run them; public initiatives of public organisations by anyone; `org` ones by
 * members; `invite_only` ones by their hosts and the members invited to them.
 */
export function canInitiative(action: InitiativeAction, r: InitiativeResource): boolean {
  const host = r.steward || runsOrg(r.orgRole);
  switch (action) {
    case 'create':
      return r.orgRole === 'owner' || r.orgRole === 'steward';
    case 'edit':
      return host && r.status !== 'discarded';
    case 'view':
      if (host) return true;
      if (r.status === 'draft' || r.status === 'discarded') return false;
      if (r.visibility === 'public') return r.orgVisibility === 'public' || r.orgRole !== null;
      if (r.visibility === 'org') return r.orgRole !== null;
      return r.orgRole !== null && r.invitee === true;
    case 'participate':
      return r.status === 'open' && r.orgRole !== null && r.orgRole !== 'observer';
  }
}
