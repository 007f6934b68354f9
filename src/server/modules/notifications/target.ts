import type { Db } from '../../db/database.js';
import type { StoredEvent } from '../dispatch/dispatcher.js';
import type { NotificationType } from './catalogue.js';

/** What an event is about, loaded once per event: visibility and the notification's text depend on it. */
export interface Target {
  type: NotificationType;
  initiative: { id: string; orgId: string; title: string; visibility: string; status: string };
  org: { id: string; visibility: 'public' | 'private' };
  contribution: { id: string; title: string; kind: string; body: string; hidden: boolean } | null;
  comment: { id: string; authorId: string; body: string; hidden: boolean } | null;
  /** For update.published: the update. */
  update: { id: string; title: string; body: string } | null;
}

export const str = (payload: Record<string, unknown>, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' && value !== '' ? value : null;
};
export const num = (payload: Record<string, unknown>, key: string): number | null => {
  const value = payload[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
export const strs = (payload: Record<string, unknown>, key: string): string[] => {
  const value = payload[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
};

/** Which contribution and comment an event is about, from its subject and payload. */
function refsOf(event: StoredEvent): { contributionId: string | null; commentId: string | null; initiativeId: string | null; updateId: string | null } {
  const p = event.payload;
  const base = { contributionId: null, commentId: null, initiativeId: str(p, 'initiativeId'), updateId: null };
  switch (event.subjectType) {
    case 'contribution':
      return { ...base, contributionId: event.subjectId };
    case 'comment':
      return { ...base, commentId: event.subjectId, contributionId: str(p, 'contributionId') };
    case 'appeal':
      return str(p, 'subjectType') === 'comment'
        ? { ...base, commentId: str(p, 'subjectId'), contributionId: str(p, 'contributionId') }
        : { ...base, contributionId: str(p, 'subjectId') ?? str(p, 'contributionId') };
    case 'update':
      return { ...base, updateId: event.subjectId };
    case 'initiative':
      return { ...base, initiativeId: event.subjectId };
    default:
      return base;
  }
}

/** Loads what the event is about as it is now; null when it no longer exists. */
export async function loadTarget(db: Db, event: StoredEvent, type: NotificationType): Promise<Target | null> {
  const refs = refsOf(event);
  const comment = refs.commentId === null ? undefined : await db.selectFrom('comments').select(['id', 'authorId', 'body', 'hiddenAt', 'contributionId']).where('id', '=', refs.commentId).executeTakeFirst();
  if (refs.commentId !== null && !comment) return null;
  const contributionId = refs.contributionId ?? comment?.contributionId ?? null;
  const contribution = contributionId === null ? undefined : await db.selectFrom('contributions').select(['id', 'title', 'kind', 'body', 'hiddenAt', 'initiativeId']).where('id', '=', contributionId).executeTakeFirst();
  if (contributionId !== null && !contribution) return null;
  const update = refs.updateId === null ? undefined : await db.selectFrom('updates').select(['id', 'title', 'body', 'initiativeId']).where('id', '=', refs.updateId).executeTakeFirst();
  const initiativeId = contribution?.initiativeId ?? update?.initiativeId ?? refs.initiativeId;
  if (initiativeId === null) return null;
  const initiative = await db
    .selectFrom('initiatives as i')
    .innerJoin('orgs as o', 'o.id', 'i.orgId')
    .select(['i.id', 'i.orgId', 'i.title', 'i.visibility', 'i.status', 'o.visibility as orgVisibility'])
    .where('i.id', '=', initiativeId)
    .executeTakeFirst();
  if (!initiative) return null;
  return {
    type,
    initiative: { id: initiative.id, orgId: initiative.orgId, title: initiative.title, visibility: initiative.visibility, status: initiative.status },
    org: { id: initiative.orgId, visibility: initiative.orgVisibility },
    contribution: contribution ? { id: contribution.id, title: contribution.title, kind: contribution.kind, body: contribution.body, hidden: contribution.hiddenAt !== null } : null,
    comment: comment ? { id: comment.id, authorId: comment.authorId, body: comment.body, hidden: comment.hiddenAt !== null } : null,
    // An update event may arrive before (or without) its row in tests and tools: its payload has the title.
    update: update ? { id: update.id, title: update.title, body: update.body } : refs.updateId !== null ? { id: refs.updateId, title: str(event.payload, 'title') ?? '', body: '' } : null,
  };
}
