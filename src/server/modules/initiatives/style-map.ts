import { Type, type Static } from 'typebox';
import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import type { Role } from '../orgs/schemas.js';
import type { OrgsService } from '../orgs/service.js';
import { canInitiative } from './policy.js';
import { ADAPTABILITIES, LOCI, type InitiativeStatus } from './schemas.js';

export const StyleMap = Type.Object({
  loci: Type.Array(Type.Enum(LOCI), { description: 'Horizontal axis: where innovation happens, from inside the firm outwards.' }),
  adaptabilities: Type.Array(Type.Enum(ADAPTABILITIES), { description: 'Vertical axis: how personal the resulting value is.' }),
  cells: Type.Array(
    Type.Object({
      locus: Type.Enum(LOCI),
      adaptability: Type.Enum(ADAPTABILITIES),
      count: Type.Integer(),
      initiatives: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), status: Type.String() }), { maxItems: 5, description: 'Up to five, newest first.' }),
    }),
  ),
});
export type StyleMap = Static<typeof StyleMap>;

/** The organisation's initiatives placed on the co-creation style map (locus × adaptability). */
export async function styleMap(ctx: Context, orgs: OrgsService, actor: Actor | null, slug: string): Promise<StyleMap> {
  const { org, membership } = await orgs.access(actor, slug);
  const rows = await ctx.db
    .selectFrom('initiatives')
    .leftJoin('initiativeStewards', (join) => join.onRef('initiativeStewards.initiativeId', '=', 'initiatives.id').on('initiativeStewards.userId', '=', actor?.userId ?? ''))
    .leftJoin('initiativeInvitees', (join) => join.onRef('initiativeInvitees.initiativeId', '=', 'initiatives.id').on('initiativeInvitees.userId', '=', actor?.userId ?? ''))
    .select(['initiatives.id', 'initiatives.title', 'initiatives.status', 'initiatives.visibility', 'initiatives.locus', 'initiatives.adaptability', 'initiativeStewards.userId as stewardId', 'initiativeInvitees.userId as inviteeId'])
    .where('initiatives.orgId', '=', org.id)
    .where('initiatives.status', '!=', 'discarded')
    .orderBy('initiatives.id', 'desc')
    .execute();
  const orgRole = membership === null ? null : (membership.role as Role);
  const visible = rows.filter((r) =>
    canInitiative('view', { orgVisibility: org.visibility, visibility: r.visibility as 'public', status: r.status as InitiativeStatus, orgRole, steward: r.stewardId !== null, invitee: r.inviteeId !== null }),
  );
  const cells = LOCI.flatMap((locus) =>
    ADAPTABILITIES.map((adaptability) => {
      const here = visible.filter((r) => r.locus === locus && r.adaptability === adaptability);
      return { locus, adaptability, count: here.length, initiatives: here.slice(0, 5).map((r) => ({ id: r.id, title: r.title, status: r.status })) };
    }),
  );
  return { loci: [...LOCI], adaptabilities: [...ADAPTABILITIES], cells };
}
