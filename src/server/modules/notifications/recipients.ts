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

/**
 * Every audience is read a page at a time: the ids after `after`, ascending, at most `limit`
 * (keyset on the user id), so no batch loads a large audience whole. Ids are UUIDs, which sort
 * the same in JavaScript and in both databases.
 */
interface Page {
  after: string;
  limit: number;
}

/** The same page of a list the event names itself. */
const pageOf = (list: string[], { after, limit }: Page): string[] => [...new Set(list)].filter((id) => id > after).sort().slice(0, limit);

const authorsOf = (db: Db, contributionIds: string[], page: Page) =>
  contributionIds.length === 0
    ? Promise.resolve([])
    : ids(
        db.selectFrom('contributionAuthors').select('userId').distinct().where('contributionId', 'in', contributionIds).where('role', 'in', ['author', 'coauthor']).where('status', '=', 'accepted')
          .where('userId', '>', page.after).orderBy('userId').limit(page.limit).execute(),
      );

const supportersOf = (db: Db, contributionIds: string[], page: Page) =>
  contributionIds.length === 0
    ? Promise.resolve([])
    : ids(db.selectFrom('supports').select('userId').distinct().where('contributionId', 'in', contributionIds).where('userId', '>', page.after).orderBy('userId').limit(page.limit).execute());

const followersOf = (db: Db, subjectType: 'contribution' | 'initiative', subjectId: string, page: Page) =>
  ids(db.selectFrom('follows').select('userId').where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).where('userId', '>', page.after).orderBy('userId').limit(page.limit).execute());

async function resolve(db: Db, audience: Audience, event: StoredEvent, target: Target, page: Page): Promise<string[]> {
  const p = event.payload;
  const contributionIds = target.contribution ? [target.contribution.id] : [];
  switch (audience) {
    case 'contribution.authors':
      return authorsOf(db, contributionIds, page);
    case 'contribution.supporters':
      return supportersOf(db, contributionIds, page);
    case 'contribution.followers':
      return target.contribution ? followersOf(db, 'contribution', target.contribution.id, page) : [];
    case 'comment.parent_author': {
      const parentId = str(p, 'parentId');
      if (parentId === null) return [];
      const parent = await db.selectFrom('comments').select('authorId').where('id', '=', parentId).executeTakeFirst();
      return pageOf(parent ? [parent.authorId] : [], page);
    }
    case 'initiative.followers':
      return followersOf(db, 'initiative', target.initiative.id, page);
    case 'linked.authors':
      return authorsOf(db, strs(p, 'contributionIds').slice(0, 1000), page);
    case 'linked.supporters':
      return supportersOf(db, strs(p, 'contributionIds').slice(0, 1000), page);
    case 'payload.authors': {
      const named = strs(p, 'authorIds');
      const one = str(p, 'authorId');
      return pageOf(named.length > 0 ? named : one === null ? [] : [one], page);
    }
    case 'payload.appellant': {
      const one = str(p, 'authorId');
      return pageOf(one === null ? [] : [one], page);
    }
    case 'payload.invitee': {
      const one = str(p, 'userId');
      return pageOf(one === null ? [] : [one], page);
    }
    case 'payload.stewards':
      return pageOf(strs(p, 'stewardIds'), page);
    case 'terms.earlier_acceptors': {
      const version = typeof p.version === 'number' ? p.version : Number.MAX_SAFE_INTEGER;
      return ids(
        db.selectFrom('termsAcceptances').select('userId').distinct().where('initiativeId', '=', target.initiative.id).where('version', '<', version)
          .where('userId', '>', page.after).orderBy('userId').limit(page.limit).execute(),
      );
    }
  }
}

/**
 * The next `limit` people the table names for this event with ids after `after` (`''`: from
 * the start), without its actor, and the id to continue after when more may follow (null when
 * this was the last page). Visibility is checked next.
 */
export async function candidatesAfter(db: Db, event: StoredEvent, target: Target, after: string, limit: number): Promise<{ people: string[]; next: string | null }> {
  // One more than a page from each audience: if together they have more than `limit`, the page is full and more follow.
  const found = new Set<string>();
  for (const audience of WHO_HEARS[target.type].audiences) for (const id of await resolve(db, audience, event, target, { after, limit: limit + 1 })) found.add(id);
  const all = [...found].sort();
  const page = all.slice(0, limit);
  return { people: page.filter((id) => id !== event.actorId), next: all.length > limit ? (page[page.length - 1] ?? null) : null };
}
