import type { Db } from '../../db/database.js';
import type { StoredEvent } from '../dispatch/dispatcher.js';
import type { LiveActivity } from './schemas.js';

/**
 * Who may read an event on an initiative's live stream.
 *
 * - `public`: public activity; everyone who may view the initiative — unless the event is about a
 *   hidden contribution or comment, which only its authors and the hosts receive.
 * - `host`: everything else recorded for the initiative (moderation, co-author invitations, needs,
 *   terms acceptance, overdue alerts…); only the hosts (stewards and organisation owners) receive
 *   it, and only as ids, so the web app knows which host screens to refresh.
 */
export type Audience = 'public' | 'host';

/** Payload fields each public type may carry on the stream (ids, titles, counts, statuses: nothing private). */
const PUBLIC_FIELDS: Record<string, readonly string[]> = {
  'contribution.created': ['kind', 'title'],
  'contribution.revised': ['revision'],
  'contribution.supported': ['supportCount'],
  'contribution.support_retracted': ['supportCount'],
  'contribution.merged': ['targetId', 'supportCount'],
  'contribution.unmerged': ['targetId', 'supportCount'],
  'contribution.responded': ['responseId', 'status', 'previousStatus', 'title'],
  'contribution.themed': ['themeId'],
  'comment.created': ['contributionId', 'parentId'],
  'update.published': ['title', 'contributionIds'],
  'theme.created': ['name'],
  'theme.updated': ['name'],
  'initiative.updated': ['fields'],
  'initiative.launched': ['phase'],
  'initiative.phase_changed': ['from', 'to', 'phaseId'],
  'initiative.closed': [],
  'initiative.archived': [],
  'initiative.discarded': [],
  'terms.sealed': ['version'],
  'terms.amended': ['version'],
};

/** The event types every reader of an initiative receives (the public activity). */
export const PUBLIC_LIVE_TYPES: readonly string[] = Object.keys(PUBLIC_FIELDS);

/** Initiative status after a lifecycle event, so the web app can update a status badge without a fetch. */
const STATUS_AFTER: Record<string, string> = {
  'initiative.launched': 'open',
  'initiative.closed': 'closed',
  'initiative.archived': 'archived',
  'initiative.discarded': 'discarded',
};

export const audienceOf = (type: string): Audience => (type in PUBLIC_FIELDS ? 'public' : 'host');

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The initiative an event belongs to: `payload.initiativeId`, or the subject itself. */
export function initiativeIdOf(event: StoredEvent): string | null {
  return str(event.payload.initiativeId) ?? (event.subjectType === 'initiative' ? event.subjectId : null);
}

/** The contribution an event is about, if any (its subject, or the contribution of a comment, appeal or flag). */
export function contributionIdOf(event: StoredEvent): string | null {
  return event.subjectType === 'contribution' ? event.subjectId : str(event.payload.contributionId);
}

export const commentIdOf = (event: StoredEvent): string | null => (event.subjectType === 'comment' ? event.subjectId : null);

/** What the stream says about an event: small, enough to refresh feeds, counts, statuses. */
export function present(event: StoredEvent, initiativeId: string): LiveActivity {
  const out: LiveActivity = { id: event.id, type: event.type, time: event.time, initiativeId, subjectType: event.subjectType, subjectId: event.subjectId };
  const contributionId = contributionIdOf(event);
  if (contributionId !== null) out.contributionId = contributionId;
  const fields = PUBLIC_FIELDS[event.type];
  if (fields === undefined) return out; // host-only: ids are enough
  const data: Record<string, unknown> = {};
  for (const field of fields) if (event.payload[field] !== undefined) data[field] = event.payload[field];
  const status = STATUS_AFTER[event.type];
  if (status !== undefined) data.status = status;
  if (Object.keys(data).length > 0) out.data = data;
  return out;
}

/**
 * Moderation state that decides who may read an event, loaded once per batch of events (never
 * per reader): hidden contributions with their authors, hidden comments with their author.
 */
export interface HiddenFacts {
  contributions: Map<string, ReadonlySet<string>>;
  comments: Map<string, string>;
}

export const NO_HIDDEN: HiddenFacts = { contributions: new Map(), comments: new Map() };

export async function loadHiddenFacts(db: Db, events: readonly StoredEvent[]): Promise<HiddenFacts> {
  const contributionIds = new Set<string>();
  const commentIds = new Set<string>();
  for (const event of events) {
    const contributionId = contributionIdOf(event);
    if (contributionId !== null) contributionIds.add(contributionId);
    const commentId = commentIdOf(event);
    if (commentId !== null) commentIds.add(commentId);
  }
  if (contributionIds.size === 0 && commentIds.size === 0) return NO_HIDDEN;
  const facts: HiddenFacts = { contributions: new Map(), comments: new Map() };
  if (contributionIds.size > 0) {
    const hidden = await db.selectFrom('contributions').select('id').where('id', 'in', [...contributionIds]).where('hiddenAt', 'is not', null).execute();
    if (hidden.length > 0) {
      const authors = await db
        .selectFrom('contributionAuthors')
        .select(['contributionId', 'userId'])
        .where('contributionId', 'in', hidden.map((h) => h.id))
        .where('role', 'in', ['author', 'coauthor'])
        .where('status', '=', 'accepted')
        .execute();
      for (const h of hidden) facts.contributions.set(h.id, new Set(authors.filter((a) => a.contributionId === h.id).map((a) => a.userId)));
    }
  }
  if (commentIds.size > 0) {
    const hidden = await db.selectFrom('comments').select(['id', 'authorId']).where('id', 'in', [...commentIds]).where('hiddenAt', 'is not', null).execute();
    for (const h of hidden) facts.comments.set(h.id, h.authorId);
  }
  return facts;
}

/**
 * Who, besides the hosts, may read an event about hidden content: `null` when the content is not
 * hidden (everyone who may view the initiative), else a test for one reader.
 */
export function restriction(event: StoredEvent, facts: HiddenFacts): ((userId: string | null) => boolean) | null {
  const contributionId = contributionIdOf(event);
  const commentId = commentIdOf(event);
  const contributionAuthors = contributionId === null ? undefined : facts.contributions.get(contributionId);
  const commentAuthor = commentId === null ? undefined : facts.comments.get(commentId);
  if (contributionAuthors === undefined && commentAuthor === undefined) return null;
  return (userId) => userId !== null && (contributionAuthors === undefined || contributionAuthors.has(userId)) && (commentAuthor === undefined || commentAuthor === userId);
}
