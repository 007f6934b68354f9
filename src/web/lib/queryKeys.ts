/** Every cache key in one place, so mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
  orgs: ['orgs'] as const,
  org: (slug: string) => ['org', slug] as const,
  members: (slug: string) => ['org', slug, 'members'] as const,
  invitations: (slug: string) => ['org', slug, 'invitations'] as const,
  events: (slug: string) => ['org', slug, 'events'] as const,
  blocks: (slug: string) => ['org', slug, 'blocks'] as const,
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

/** Contributions: the feed lives under its initiative (so accepting the terms refreshes it), a contribution under its own id. */
export const contributionKeys = {
  feeds: (initiativeId: string) => ['initiative', initiativeId, 'contributions'] as const,
  feed: (initiativeId: string, params: Record<string, string>) => ['initiative', initiativeId, 'contributions', params] as const,
  search: (initiativeId: string, q: string) => ['initiative', initiativeId, 'search', q] as const,
  similar: (initiativeId: string, title: string, body: string) => ['initiative', initiativeId, 'similar', title, body] as const,
  follow: (initiativeId: string) => ['initiative', initiativeId, 'follow'] as const,
  themes: (initiativeId: string) => ['initiative', initiativeId, 'themes'] as const,
  themeSuggestions: (initiativeId: string) => ['initiative', initiativeId, 'themes', 'suggestions'] as const,
  flags: (initiativeId: string) => ['initiative', initiativeId, 'moderation', 'flags'] as const,
  appeals: (initiativeId: string) => ['initiative', initiativeId, 'moderation', 'appeals'] as const,
  one: (id: string) => ['contribution', id] as const,
  revisions: (id: string) => ['contribution', id, 'revisions'] as const,
  lineage: (id: string) => ['contribution', id, 'lineage'] as const,
  comments: (id: string) => ['contribution', id, 'comments'] as const,
  commentRevisions: (commentId: string) => ['comment', commentId, 'revisions'] as const,
};

/** Responses, response times, updates and accountability: under the initiative or contribution they belong to, so refreshing either refreshes them. */
export const responseKeys = {
  history: (contributionId: string) => ['contribution', contributionId, 'responses'] as const,
  times: (initiativeId: string) => ['initiative', initiativeId, 'response-times'] as const,
  unanswered: (initiativeId: string) => ['initiative', initiativeId, 'unanswered'] as const,
  updates: (initiativeId: string) => ['initiative', initiativeId, 'updates'] as const,
  accountability: (initiativeId: string) => ['initiative', initiativeId, 'accountability'] as const,
  update: (id: string) => ['update', id] as const,
};

/** Your notifications: under `me`, so logging out forgets them. */
export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  unread: ['me', 'notifications', 'unread-count'] as const,
  inbox: (filter: 'all' | 'unread') => ['me', 'notifications', 'inbox', filter] as const,
  preferences: ['me', 'notification-preferences'] as const,
};

/** An organisation's webhooks and their delivery logs. */
export const webhookKeys = {
  list: (slug: string) => ['org', slug, 'webhooks'] as const,
  one: (id: string) => ['webhook', id] as const,
  deliveries: (id: string, status: string) => ['webhook', id, 'deliveries', status] as const,
  eventTypes: ['webhook-event-types'] as const,
};
