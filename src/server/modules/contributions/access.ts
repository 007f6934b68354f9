import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { reusable } from '../../db/reusable.js';
import { omit } from '../../db/rows.js';
import type { ContributionRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { InitiativeAccess, InitiativesService } from '../initiatives/service.js';

/** A contribution as one reader meets it: the initiative's access, and who they are to it. */
export interface ContributionAccess extends InitiativeAccess {
  contribution: ContributionRow;
  /** The author or an accepted co-author. */
  isAuthor: boolean;
  /** Stewards of the initiative and owners of the organisation: they moderate, merge and theme. */
  isHost: boolean;
}

export async function authorsOf(db: Db, contributionId: string, status: 'accepted' | 'any' = 'accepted'): Promise<string[]> {
  let query = db.selectFrom('contributionAuthors').select('userId').where('contributionId', '=', contributionId).where('role', 'in', ['author', 'coauthor']);
  if (status === 'accepted') query = query.where('status', '=', 'accepted');
  return (await query.execute()).map((r) => r.userId);
}

// Every request about a contribution runs it: the row and whether the reader is one of its
// accepted authors, in one statement compiled once (db/reusable.ts).
const contributionFor = reusable((db, p: { id: string; uid: string }) =>
  db
    .selectFrom('contributions as c')
    .selectAll('c')
    .select((eb) => eb.exists(eb.selectFrom('contributionAuthors as a').select('a.userId').whereRef('a.contributionId', '=', 'c.id').where('a.userId', '=', p.uid).where('a.role', 'in', ['author', 'coauthor']).where('a.status', '=', 'accepted')).as('authored'))
    .where('c.id', '=', p.id),
);

const AUTHORED = new Set(['authored'] as const);

/**
 * Loads a contribution the actor may see: its initiative must be visible to them, and a
 * hidden one only to its authors and the hosts (to everyone else it does not exist).
 */
export async function accessContribution(ctx: Context, initiatives: InitiativesService, actor: Actor | null, id: string, db: Db = ctx.db): Promise<ContributionAccess> {
  const row = await contributionFor.first(db, { id, uid: actor?.userId ?? '' });
  if (!row) throw notFound('The contribution');
  const contribution = omit(row, AUTHORED);
  let access: InitiativeAccess;
  try {
    access = await initiatives.authorize(actor, contribution.initiativeId, 'view', db);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound('The contribution');
    throw error;
  }
  const isHost = access.steward || access.membership?.role === 'owner';
  const isAuthor = actor !== null && Boolean(row.authored);
  if (contribution.hiddenAt !== null && !isAuthor && !isHost) throw notFound('The contribution');
  return { ...access, contribution, isAuthor, isHost };
}
