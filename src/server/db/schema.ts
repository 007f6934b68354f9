import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it (camelCase here, snake_case in SQL via CamelCasePlugin).
 * Times are ISO-8601 UTC strings on both dialects (text on SQLite, timestamptz on PostgreSQL).
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  orgs: OrgsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  events: EventsTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

export interface SessionsTable {
  /** Keyed hash of the cookie value; the value itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, shown so people can tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface OrgsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipsTable {
  id: string;
  orgId: string;
  userId: string;
  kind: string;
  role: string;
  createdAt: string;
  updatedAt: string;
}

export interface InvitationsTable {
  id: string;
  orgId: string;
  email: string;
  kind: string;
  role: string;
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  time: string;
  actorId: string | null;
  orgId: string | null;
  subjectType: string;
  subjectId: string;
  type: string;
  /** JSON text on SQLite, jsonb on PostgreSQL; read through parseJson. */
  payload: unknown;
}

export type UserRow = Selectable<UsersTable>;
export type OrgRow = Selectable<OrgsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type OrgUpdate = Updateable<OrgsTable>;
