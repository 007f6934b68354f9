import { describe, expect, it } from 'vitest';
import type { Role } from '../orgs/schemas.js';
import { canInitiative, type InitiativeResource } from './policy.js';

const roles: (Role | null)[] = ['owner', 'steward', 'member', 'observer', null];
const base = (over: Partial<InitiativeResource>): InitiativeResource => ({ orgVisibility: 'public', visibility: 'public', status: 'open', orgRole: null, steward: false, ...over });

describe('initiative policy', () => {
  // view of an open initiative by visibility, for each org role (not a steward, not invited).
  const viewOpen: Record<string, boolean[]> = {
    public: [true, true, true, true, true],
    org: [true, true, true, true, false],
    invite_only: [true, false, false, false, false],
  };
  for (const [visibility, expected] of Object.entries(viewOpen)) {
    roles.forEach((orgRole, i) => {
      it(`an open ${visibility} initiative is ${expected[i] ? '' : 'not '}visible to ${orgRole ?? 'a non-member'}`, () => {
        expect(canInitiative('view', base({ visibility: visibility as InitiativeResource['visibility'], orgRole }))).toBe(expected[i]);
      });
    });
  }

  it.each(roles)('drafts are hidden from %s unless they steward it or own the organisation', (orgRole) => {
    expect(canInitiative('view', base({ status: 'draft', orgRole }))).toBe(orgRole === 'owner');
    expect(canInitiative('view', base({ status: 'draft', orgRole, steward: true }))).toBe(true);
    expect(canInitiative('view', base({ status: 'discarded', orgRole }))).toBe(orgRole === 'owner');
  });

  it('invited members see an invite-only initiative', () => {
    expect(canInitiative('view', base({ visibility: 'invite_only', orgRole: 'member', invitee: true }))).toBe(true);
    expect(canInitiative('view', base({ visibility: 'invite_only', orgRole: null, invitee: true }))).toBe(false);
  });

  it('public initiatives of a private organisation are seen by its members only', () => {
    expect(canInitiative('view', base({ orgVisibility: 'private', orgRole: null }))).toBe(false);
    expect(canInitiative('view', base({ orgVisibility: 'private', orgRole: 'observer' }))).toBe(true);
  });

  it.each(roles)('%s: create needs owner or steward of the organisation; edit needs stewarding or owning', (orgRole) => {
    expect(canInitiative('create', base({ orgRole }))).toBe(orgRole === 'owner' || orgRole === 'steward');
    expect(canInitiative('edit', base({ orgRole }))).toBe(orgRole === 'owner');
    expect(canInitiative('edit', base({ orgRole, steward: true }))).toBe(true);
    expect(canInitiative('edit', base({ orgRole: 'owner', status: 'discarded' }))).toBe(false);
  });

  it.each(roles)('%s: participate needs an open initiative and a non-observer membership', (orgRole) => {
    expect(canInitiative('participate', base({ orgRole }))).toBe(orgRole !== null && orgRole !== 'observer');
    expect(canInitiative('participate', base({ orgRole, status: 'closed' }))).toBe(false);
  });
});
