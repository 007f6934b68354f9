import type { ExpressionBuilder } from 'kysely';
import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { reusable } from '../../db/reusable.js';
import { omit } from '../../db/rows.js';
import type { ContributionRow, Database } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { InitiativeAccess, InitiativesService } from '../initiatives/service.js';

/** A contribution as one reader meets it: the initiative's access, and who they are to it. */
export type ContributionAccess = ContributionAccessOf<ContributionRow>;

export interface ContributionAccessOf<C> extends InitiativeAccess {
  contribution: C;
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

/** Whether the reader is one of a contribution's accepted authors (a column of the statements below). */
const authored = (eb: ExpressionBuilder<Database & { c: Database['contributions'] }, 'c'>, uid: string) =>
  eb.exists(eb.selectFrom('contributionAuthors as a').select('a.userId').whereRef('a.contributionId', '=', 'c.id').where('a.userId', '=', uid).where('a.role', 'in', ['author', 'coauthor']).where('a.status', '=', 'accepted')).as('authored');

// Every request about a contribution runs it: the row and whether the reader is one of its
// accepted authors, in one statement compiled once (db/reusable.ts).
const contributionFor = reusable((db, p: { id: string; uid: string }) =>
  db.selectFrom('contributions as c').selectAll('c').select((eb) => authored(eb, p.uid)).where('c.id', '=', p.id),
);

/** What supporting and retracting need of a contribution: five of its twenty-six columns, read in half the time. */
export type ContributionBrief = Pick<ContributionRow, 'id' | 'initiativeId' | 'orgId' | 'mergedIntoId' | 'hiddenAt'>;
const briefFor = reusable((db, p: { id: string; uid: string }) =>
  db
    .selectFrom('contributions as c')
    .select(['c.id', 'c.initiativeId', 'c.orgId', 'c.mergedIntoId', 'c.hiddenAt'])
    .select((eb) => authored(eb, p.uid))
    .where('c.id', '=', p.id),
);

const AUTHORED = new Set(['authored'] as const);

/**
 * Loads a contribution the actor may see: its initiative must be visible to them, and a
 * hidden one only to its authors and the hosts (to everyone else it does not exist).
 */
export async function accessContribution(ctx: Context, initiatives: InitiativesService, actor: Actor | null, id: string, db: Db = ctx.db): Promise<ContributionAccess> {
  return grant(initiatives, actor, await contributionFor.first(db, { id, uid: actor?.userId ?? '' }), db);
}

/** The same checks, answering only the columns in ContributionBrief. */
export async function accessContributionBrief(ctx: Context, initiatives: InitiativesService, actor: Actor | null, id: string): Promise<ContributionAccessOf<ContributionBrief>> {
  return grant(initiatives, actor, await briefFor.first(ctx.db, { id, uid: actor?.userId ?? '' }), ctx.db);
}

async function grant<C extends ContributionBrief>(initiatives: InitiativesService, actor: Actor | null, row: (C & { authored: unknown }) | undefined, db: Db): Promise<ContributionAccessOf<C>> {
  if (!row) throw notFound('The contribution');
  const contribution = omit(row, AUTHORED) as unknown as C;
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
