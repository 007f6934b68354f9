import type { Db } from '../../db/database.js';
import type { StoredEvent } from '../dispatch/dispatcher.js';
import type { NotificationType } from './catalogue.js';
import { str, strs, type Target } from './target.js';

/** The groups of people an event can reach. */
export type Audience =
  /** Accepted authors and co-authors of the contribution the event is about. */
  | 'contribution.authors'
  | 'contribution.supporters'
  | 'contribution.followers'
  /** For a reply: the author of the comment it answers. */
  | 'comment.parent_author'
  | 'initiative.followers'
  /** For an update: the authors and supporters of the contributions it links. */
  | 'linked.authors'
  | 'linked.supporters'
  /** For a hiding: the authors named in the event (`authorIds`). */
  | 'payload.authors'
  /** For an appeal decision: the person who appealed (`authorId`). */
  | 'payload.appellant'
  /** For a co-author invitation: the invitee (`userId`). */
  | 'payload.invitee'
  /** For an overdue contribution: the stewards named in the event (`stewardIds`). */
  | 'payload.stewards'
  /** For an amendment: everyone who accepted an earlier version of the initiative's terms. */
  | 'terms.earlier_acceptors';

export interface Rule {
  audiences: Audience[];
  /** Blocked members still hear about what was done to their own contributions (hiding, appeals). */
  evenIfBlocked: boolean;
}

/**
 * Who hears what. On top of this table, always: never the actor of the event, never someone
 * who can no longer see what it is about (see `audience.ts`), never an erased account.
 */
export const WHO_HEARS: Record<NotificationType, Rule> = {
  'contribution.responded': { audiences: ['contribution.authors', 'contribution.supporters', 'contribution.followers'], evenIfBlocked: false },
  'update.published': { audiences: ['initiative.followers', 'linked.authors', 'linked.supporters'], evenIfBlocked: false },
  'comment.created': { audiences: ['contribution.authors', 'contribution.followers', 'comment.parent_author'], evenIfBlocked: false },
  'contribution.created': { audiences: ['initiative.followers'], evenIfBlocked: false },
  'contribution.hidden': { audiences: ['payload.authors'], evenIfBlocked: true },
  'comment.hidden': { audiences: ['payload.authors'], evenIfBlocked: true },
  'appeal.upheld': { audiences: ['payload.appellant'], evenIfBlocked: true },
  'appeal.rejected': { audiences: ['payload.appellant'], evenIfBlocked: true },
  'contribution.coauthor_invited': { audiences: ['payload.invitee'], evenIfBlocked: false },
  'contribution.overdue': { audiences: ['payload.stewards'], evenIfBlocked: false },
  'terms.amended': { audiences: ['terms.earlier_acceptors'], evenIfBlocked: false },
  'contribution.supported': { audiences: ['contribution.authors'], evenIfBlocked: false },
};

const ids = async (query: Promise<{ userId: string }[]>): Promise<string[]> => (await query).map((r) => r.userId);

const authorsOf = (db: Db, contributionIds: string[]) =>
  contributionIds.length === 0
    ? Promise.resolve([])
    : ids(db.selectFrom('contributionAuthors').select('userId').where('contributionId', 'in', contributionIds).where('role', 'in', ['author', 'coauthor']).where('status', '=', 'accepted').execute());

const supportersOf = (db: Db, contributionIds: string[]) =>
  contributionIds.length === 0 ? Promise.resolve([]) : ids(db.selectFrom('supports').select('userId').where('contributionId', 'in', contributionIds).execute());

const followersOf = (db: Db, subjectType: 'contribution' | 'initiative', subjectId: string) =>
  ids(db.selectFrom('follows').select('userId').where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).execute());

async function resolve(db: Db, audience: Audience, event: StoredEvent, target: Target): Promise<string[]> {
  const p = event.payload;
  const contributionIds = target.contribution ? [target.contribution.id] : [];
  switch (audience) {
    case 'contribution.authors':
      return authorsOf(db, contributionIds);
    case 'contribution.supporters':
      return supportersOf(db, contributionIds);
    case 'contribution.followers':
      return target.contribution ? followersOf(db, 'contribution', target.contribution.id) : [];
    case 'comment.parent_author': {
      const parentId = str(p, 'parentId');
      if (parentId === null) return [];
      const parent = await db.selectFrom('comments').select('authorId').where('id', '=', parentId).executeTakeFirst();
      return parent ? [parent.authorId] : [];
    }
    case 'initiative.followers':
      return followersOf(db, 'initiative', target.initiative.id);
    case 'linked.authors':
      return authorsOf(db, strs(p, 'contributionIds').slice(0, 1000));
    case 'linked.supporters':
      return supportersOf(db, strs(p, 'contributionIds').slice(0, 1000));
    case 'payload.authors': {
      const named = strs(p, 'authorIds');
      const one = str(p, 'authorId');
      return named.length > 0 ? named : one === null ? [] : [one];
    }
    case 'payload.appellant': {
      const one = str(p, 'authorId');
      return one === null ? [] : [one];
    }
    case 'payload.invitee': {
      const one = str(p, 'userId');
      return one === null ? [] : [one];
    }
    case 'payload.stewards':
      return strs(p, 'stewardIds');
    case 'terms.earlier_acceptors': {
      const version = typeof p.version === 'number' ? p.version : Number.MAX_SAFE_INTEGER;
      const rows = await db.selectFrom('termsAcceptances').select('userId').distinct().where('initiativeId', '=', target.initiative.id).where('version', '<', version).execute();
      return rows.map((r) => r.userId);
    }
  }
}

/** Everyone the table names for this event, once each, without its actor; visibility is checked next. */
export async function candidatesFor(db: Db, event: StoredEvent, target: Target): Promise<string[]> {
  const people = new Set<string>();
  for (const audience of WHO_HEARS[target.type].audiences) for (const id of await resolve(db, audience, event, target)) people.add(id);
  if (event.actorId !== null) people.delete(event.actorId);
  return [...people];
}
