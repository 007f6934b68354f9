import { describe, expect, it } from 'vitest';
import { can, type OrgAction } from './policy.js';
import type { Role } from './schemas.js';

type Row = Record<OrgAction, boolean>;
const roles: (Role | null)[] = ['owner', 'steward', 'member', 'observer', null];

// Every role × action, for a public and a private organisation. `null` is a non-member.
const expected: Record<'public' | 'private', Record<string, Row>> = {
  public: {
    owner: { view: true, update: true, view_members: true, see_member_emails: true, manage_members: true, invite: true, view_invitations: true, revoke_invitation: true, view_events: true, leave: true },
    steward: { view: true, update: false, view_members: true, see_member_emails: true, manage_members: false, invite: true, view_invitations: true, revoke_invitation: true, view_events: false, leave: true },
    member: { view: true, update: false, view_members: true, see_member_emails: false, manage_members: false, invite: false, view_invitations: false, revoke_invitation: false, view_events: false, leave: true },
    observer: { view: true, update: false, view_members: true, see_member_emails: false, manage_members: false, invite: false, view_invitations: false, revoke_invitation: false, view_events: false, leave: true },
    none: { view: true, update: false, view_members: false, see_member_emails: false, manage_members: false, invite: false, view_invitations: false, revoke_invitation: false, view_events: false, leave: false },
  },
  private: {} as Record<string, Row>,
};
// A private organisation is the same for members and invisible to everyone else.
expected.private = { ...expected.public, none: { ...expected.public.none!, view: false } };

describe('organisation policy', () => {
  for (const visibility of ['public', 'private'] as const) {
    for (const role of roles) {
      const row = expected[visibility][role ?? 'none']!;
      for (const action of Object.keys(row) as OrgAction[]) {
        it(`${visibility} org: ${role ?? 'non-member'} ${row[action] ? 'may' : 'may not'} ${action}`, () => {
          // Invite is checked for the lowest role, which every inviter may grant.
          expect(can(action, { visibility, role, inviteRole: 'observer' })).toBe(row[action]);
        });
      }
    }
  }

  it.each([
    ['owner', 'owner', true],
    ['owner', 'steward', true],
    ['steward', 'member', true],
    ['steward', 'observer', true],
    ['steward', 'steward', false],
    ['steward', 'owner', false],
    ['member', 'observer', false],
    ['observer', 'observer', false],
  ] as const)('a %s inviting as %s: %s', (role, inviteRole, allowed) => {
    expect(can('invite', { visibility: 'public', role, inviteRole })).toBe(allowed);
  });

  it('a steward cannot invite without naming the role', () => {
    expect(can('invite', { visibility: 'public', role: 'steward' })).toBe(false);
  });
});
