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

/** The initiative pages' cache keys. */
export const initiativeKeys = {
  list: (slug: string) => ['org', slug, 'initiatives'] as const,
  styleMap: (slug: string) => ['org', slug, 'style-map'] as const,
  one: (id: string) => ['initiative', id] as const,
  terms: (id: string) => ['initiative', id, 'terms'] as const,
  versions: (id: string) => ['initiative', id, 'terms', 'versions'] as const,
  participation: (id: string) => ['initiative', id, 'participation'] as const,
  needs: (id: string) => ['initiative', id, 'needs'] as const,
  assets: (id: string) => ['initiative', id, 'assets'] as const,
  invitees: (id: string) => ['initiative', id, 'invitees'] as const,
};
