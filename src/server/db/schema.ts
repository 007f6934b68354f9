import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ContributionTables } from './schema-contributions.js';
import type { DispatchTables } from './schema-dispatch.js';

export type * from './schema-contributions.js';
export type * from './schema-dispatch.js';

/**
 * The database as Kysely sees it (camelCase here, snake_case in SQL via CamelCasePlugin).
 * Times are ISO-8601 UTC strings on both dialects (text on SQLite, timestamptz on PostgreSQL).
 */
export interface Database extends ContributionTables, DispatchTables {
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  orgs: OrgsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  events: EventsTable;
  initiatives: InitiativesTable;
  initiativeStewards: InitiativeStewardsTable;
  initiativeInvitees: InitiativeInviteesTable;
  phases: PhasesTable;
  termsVersions: TermsVersionsTable;
  termsAcceptances: TermsAcceptancesTable;
  needs: NeedsTable;
  sharedAssets: SharedAssetsTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the person asked to be erased: name, e-mail and password are gone, their content stays. */
  erasedAt: string | null;
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

export interface InitiativesTable {
  id: string;
  orgId: string;
  slug: string;
  title: string;
  summary: string;
  /** Markdown. */
  vision: string;
  /** JSON array of strings. */
  goals: unknown;
  object: string;
  reach: string;
  locus: string;
  adaptability: string;
  /** JSON array of protagonist kinds who may contribute. */
  audience: unknown;
  visibility: string;
  status: string;
  currentPhaseId: string | null;
  /** JSON terms while in draft; null once sealed. */
  termsDraft: unknown;
  /** The sealed version in force; 0 while in draft. */
  termsVersion: number;
  /** The target time to a first response, in hours (default 7 days). */
  responseTargetHours: Generated<number>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
}

export interface InitiativeStewardsTable {
  initiativeId: string;
  userId: string;
  addedAt: string;
}

/** Who may see and join an invite-only initiative (besides its hosts). */
export interface InitiativeInviteesTable {
  initiativeId: string;
  userId: string;
  addedBy: string;
  addedAt: string;
}

export interface PhasesTable {
  id: string;
  initiativeId: string;
  position: number;
  name: string;
  description: string;
  /** YYYY-MM-DD or null. */
  startsOn: string | null;
  endsOn: string | null;
  /** JSON array of enabled actions. */
  actions: unknown;
}

export interface TermsVersionsTable {
  id: string;
  initiativeId: string;
  version: number;
  /** Canonical JSON (RFC 8785): exactly the bytes the hash was computed over. */
  content: string;
  /** Hex SHA-256 of content. */
  hash: string;
  reason: string | null;
  createdBy: string;
  createdAt: string;
}

export interface TermsAcceptancesTable {
  id: string;
  initiativeId: string;
  version: number;
  userId: string;
  hash: string;
  acceptedAt: string;
}

export interface NeedsTable {
  id: string;
  initiativeId: string;
  title: string;
  problem: string;
  context: string;
  tried: string;
  constraints: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SharedAssetsTable {
  id: string;
  initiativeId: string;
  title: string;
  description: string;
  /** A link, or for an uploaded file the path it downloads from. */
  url: string;
  /** Uploaded file: content address in the file store, original name, sniffed type, bytes. */
  fileKey: string | null;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  access: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type InitiativeRow = Selectable<InitiativesTable>;
export type PhaseRow = Selectable<PhasesTable>;
export type TermsVersionRow = Selectable<TermsVersionsTable>;
export type NeedRow = Selectable<NeedsTable>;
export type SharedAssetRow = Selectable<SharedAssetsTable>;
