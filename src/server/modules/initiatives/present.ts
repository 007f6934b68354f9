import { parseJson } from '../../db/database.js';
import type { InitiativeRow, OrgRow, PhaseRow } from '../../db/schema.js';
import type { ProtagonistKind } from '../orgs/schemas.js';
import type { Initiative, Phase, PhaseAction } from './schemas.js';

export const presentPhase = (row: PhaseRow): Phase => ({
  id: row.id,
  position: row.position,
  name: row.name,
  description: row.description,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  actions: parseJson(row.actions) as PhaseAction[],
});

export function presentInitiative(
  row: InitiativeRow,
  org: Pick<OrgRow, 'id' | 'slug' | 'name'>,
  extra: { stewards: { id: string; name: string }[]; phases: PhaseRow[]; steward: boolean; canEdit: boolean },
): Initiative {
  return {
    id: row.id,
    org: { id: org.id, slug: org.slug, name: org.name },
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    vision: row.vision,
    goals: parseJson(row.goals) as string[],
    object: row.object as Initiative['object'],
    reach: row.reach as Initiative['reach'],
    locus: row.locus as Initiative['locus'],
    adaptability: row.adaptability as Initiative['adaptability'],
    audience: parseJson(row.audience) as ProtagonistKind[],
    visibility: row.visibility as Initiative['visibility'],
    status: row.status as Initiative['status'],
    stewards: extra.stewards,
    phases: extra.phases.map(presentPhase),
    currentPhaseId: row.currentPhaseId,
    termsVersion: row.termsVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    launchedAt: row.launchedAt,
    closedAt: row.closedAt,
    archivedAt: row.archivedAt,
    me: { steward: extra.steward, canEdit: extra.canEdit },
  };
}
