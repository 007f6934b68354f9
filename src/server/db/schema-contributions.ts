import type { Generated, Selectable } from 'kysely';

/** Tables of contributions, their conversation, moderation and search (migration 0003). */
export interface ContributionTables {
  themes: ThemesTable;
  contributions: ContributionsTable;
  contributionRevisions: ContributionRevisionsTable;
  contributionLinks: ContributionLinksTable;
  contributionAuthors: ContributionAuthorsTable;
  contributionTags: ContributionTagsTable;
  contributionAttachments: ContributionAttachmentsTable;
  supports: SupportsTable;
  trendingWindow: TrendingWindowTable;
  comments: CommentsTable;
  commentRevisions: CommentRevisionsTable;
  follows: FollowsTable;
  merges: MergesTable;
  flags: FlagsTable;
  appeals: AppealsTable;
  orgBlocks: OrgBlocksTable;
  searchIndex: SearchIndexTable;
  searchIndexKeys: SearchIndexKeysTable;
}

export interface ThemesTable {
  id: string;
  initiativeId: string;
  name: string;
  description: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContributionsTable {
  id: string;
  initiativeId: string;
  orgId: string;
  /** experience | idea | build */
  kind: string;
  title: string;
  /** The main text, Markdown: what happened, the proposal, or the improvement. */
  body: string;
  /** JSON of the kind's other fields (situation, sentiment, wish; problem, expected value). */
  details: unknown;
  authorId: string;
  /** The author's protagonist kind when they contributed. */
  authorKind: string;
  status: string;
  /** The terms version the author had accepted: it governs what this contribution earns. */
  termsVersion: number;
  phaseId: string;
  themeId: string | null;
  mergedIntoId: string | null;
  revision: number;
  /** Distinct supporters, including those of contributions merged into this one; kept exact. */
  supportCount: number;
  /** Supports of the last week (the trending sort), kept exact with supports.in_window. */
  recentSupportCount: Generated<number>;
  commentCount: number;
  hiddenAt: string | null;
  hiddenBy: string | null;
  hiddenReason: string | null;
  firstResponseAt: string | null;
  /** When the stewards were alerted that it waited past the response target. */
  overdueAlertedAt: string | null;
  lastActivityAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContributionRevisionsTable {
  contributionId: string;
  revision: number;
  title: string;
  body: string;
  details: unknown;
  tags: unknown;
  editorId: string;
  note: string;
  createdAt: string;
}

export interface ContributionLinksTable {
  contributionId: string;
  /** answers (a need) | cites (an experience) | builds_on (a contribution) */
  relation: string;
  targetType: string;
  targetId: string;
  createdAt: string;
}

export interface ContributionAuthorsTable {
  contributionId: string;
  userId: string;
  /** author | coauthor | merged (credited through a merge) */
  role: string;
  /** accepted | invited | declined */
  status: string;
  /** For merge credit, the merged contribution; '' otherwise. */
  viaContributionId: string;
  invitedBy: string | null;
  createdAt: string;
  respondedAt: string | null;
}

export interface ContributionTagsTable {
  contributionId: string;
  tag: string;
}

export interface ContributionAttachmentsTable {
  id: string;
  contributionId: string;
  fileKey: string;
  name: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

export interface SupportsTable {
  contributionId: string;
  userId: string;
  createdAt: string;
  /** 1 while the support counts for trending (younger than trending_window.since); see migration 0006. */
  inWindow: Generated<number>;
}

/** One row (id 1): where the trending window starts; the worker moves it forward. */
export interface TrendingWindowTable {
  id: number;
  since: string;
}

export interface CommentsTable {
  id: string;
  contributionId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  revision: number;
  hiddenAt: string | null;
  hiddenBy: string | null;
  hiddenReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommentRevisionsTable {
  commentId: string;
  revision: number;
  body: string;
  editorId: string;
  createdAt: string;
}

export interface FollowsTable {
  userId: string;
  /** contribution | initiative */
  subjectType: string;
  subjectId: string;
  createdAt: string;
}

export interface MergesTable {
  id: string;
  sourceId: string;
  targetId: string;
  /** The source's status before the merge, restored by unmerge. */
  sourceStatus: string;
  reason: string;
  mergedBy: string;
  mergedAt: string;
  unmergedBy: string | null;
  unmergedAt: string | null;
}

export interface FlagsTable {
  id: string;
  initiativeId: string;
  /** contribution | comment */
  subjectType: string;
  subjectId: string;
  userId: string;
  reason: string;
  note: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export interface AppealsTable {
  id: string;
  initiativeId: string;
  subjectType: string;
  subjectId: string;
  userId: string;
  text: string;
  /** open | upheld | rejected */
  status: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export interface OrgBlocksTable {
  orgId: string;
  userId: string;
  reason: string;
  blockedBy: string;
  createdAt: string;
}

/** One row per searchable text (a contribution or a comment); FTS5 on SQLite, GIN-indexed on PostgreSQL. */
/** SQLite only (migration 0006): the FTS5 row of each subject, since FTS5 cannot look up an unindexed column. */
export interface SearchIndexKeysTable {
  subjectId: string;
  rowId: number;
}

export interface SearchIndexTable {
  subjectType: string;
  subjectId: string;
  contributionId: string;
  initiativeId: string;
  title: string;
  body: string;
}

export type ContributionRow = Selectable<ContributionsTable>;
export type CommentRow = Selectable<CommentsTable>;
