/** Every cache key in one place, so mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
  orgs: ['orgs'] as const,
  org: (slug: string) => ['org', slug] as const,
  members: (slug: string) => ['org', slug, 'members'] as const,
  invitations: (slug: string) => ['org', slug, 'invitations'] as const,
  events: (slug: string) => ['org', slug, 'events'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};
