import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { reusable } from '../../db/reusable.js';
import type { Actor } from '../../lib/actor.js';
import type { Role } from '../orgs/schemas.js';
import { canInitiative } from '../initiatives/policy.js';
import type { InitiativeStatus } from '../initiatives/schemas.js';

/** The initiatives a reader may see (with their titles), and those they host. */
export interface Readable {
  titles: Map<string, string>;
  hosted: Set<string>;
}

/**
 * Every initiative this reader may see, decided by the initiatives policy itself. SQL only
 * narrows the candidates (no drafts for outsiders, no private organisations for strangers);
 * `canInitiative('view')` has the last word, so search never disagrees with the initiative page.
 */
export async function readableInitiatives(db: Db, actor: Actor | null): Promise<Readable> {
  const rows = actor === null ? await publicInitiatives.all(db, { userId: '' }) : await initiativesOf.all(db, { userId: actor.userId });
  const titles = new Map<string, string>();
  const hosted = new Set<string>();
  for (const row of rows) {
    const steward = Boolean(row.steward);
    const orgRole = (row.role ?? null) as Role | null;
    const resource = { orgVisibility: row.orgVisibility, visibility: row.visibility as 'public', status: row.status as InitiativeStatus, orgRole, steward, invitee: Boolean(row.invitee) };
    if (!canInitiative('view', resource)) continue;
    titles.set(row.id, row.title);
    if (steward || orgRole === 'owner') hosted.add(row.id);
  }
  return { titles, hosted };
}

/** Initiatives with the reader's membership, stewardship and invitation (built once: every search asks). */
const candidates = (db: Db, userId: string) =>
  db
    .selectFrom('initiatives as i')
    .innerJoin('orgs as o', 'o.id', 'i.orgId')
    .leftJoin('memberships as m', (join) => join.onRef('m.orgId', '=', 'i.orgId').on('m.userId', '=', userId))
    .select((eb) => [
      'i.id', 'i.title', 'i.visibility', 'i.status', 'o.visibility as orgVisibility', 'm.role',
      eb.exists(eb.selectFrom('initiativeStewards as s').select('s.userId').whereRef('s.initiativeId', '=', 'i.id').where('s.userId', '=', userId)).as('steward'),
      eb.exists(eb.selectFrom('initiativeInvitees as v').select('v.userId').whereRef('v.initiativeId', '=', 'i.id').where('v.userId', '=', userId)).as('invitee'),
    ]);

const publicInitiatives = reusable((db, p: { userId: string }) =>
  candidates(db, p.userId).where('i.status', 'not in', ['draft', 'discarded']).where('i.visibility', '=', 'public').where('o.visibility', '=', 'public'),
);

const initiativesOf = reusable((db, p: { userId: string }) =>
  candidates(db, p.userId).where((eb) =>
    eb.or([
      eb.and([eb('i.status', 'not in', ['draft', 'discarded']), eb.or([eb.and([eb('i.visibility', '=', 'public'), eb('o.visibility', '=', 'public')]), eb('m.id', 'is not', null)])]),
      eb('m.role', '=', 'owner'),
      eb.exists(eb.selectFrom('initiativeStewards as s2').select('s2.userId').whereRef('s2.initiativeId', '=', 'i.id').where('s2.userId', '=', p.userId)),
    ]),
  ),
);

/** `column in ids` as one bound parameter whatever the number of ids (a JSON array or a text[]). */
export function inIds(dialect: Dialect, column: RawBuilder<unknown>, ids: Iterable<string>): RawBuilder<SqlBool> {
  const list = [...ids];
  return dialect === 'sqlite' ? sql<SqlBool>`${column} in (select value from json_each(${JSON.stringify(list)}))` : sql<SqlBool>`${column} = any(${list}::text[])`;
}
