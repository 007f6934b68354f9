import { Type, type Static } from 'typebox';
import type { Context } from '../../context.js';
import { parseJson } from '../../db/database.js';
import { reusable } from '../../db/reusable.js';
import { VersionMemo } from '../../db/version-memo.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { TermsService } from '../terms/service.js';
import { canInitiative } from './policy.js';
import * as repo from './repository.js';
import { ACTIONS, type InitiativeStatus, type PhaseAction } from './schemas.js';
import type { InitiativeAccess, InitiativesService } from './service.js';
import type { Role } from '../orgs/schemas.js';

export const Participation = Type.Object({
  termsVersion: Type.Integer({ description: 'The version in force; 0 before launch.' }),
  acceptedVersion: Type.Union([Type.Integer(), Type.Null()]),
  phase: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  actions: Type.Record(Type.String(), Type.Object({ allowed: Type.Boolean(), code: Type.Union([Type.String(), Type.Null()]) }), {
    description: 'For each action, whether you may do it now, or the code of the reason you may not (e.g. phase_closed, terms_not_accepted).',
  }),
});
export type Participation = Static<typeof Participation>;

// Asked before every contribution, comment and support: compiled once (db/reusable.ts).
const blockOf = reusable((db, p: { orgId: string; userId: string }) => db.selectFrom('orgBlocks').select('reason').where('orgId', '=', p.orgId).where('userId', '=', p.userId));

/** What a contribution records: the terms its author accepted and the phase it was made in. */
export interface ContributionStamp {
  termsVersion: number;
  phaseId: string;
}

type Standing = Awaited<ReturnType<ParticipationGate['standing']>>;

/** The gate before every contribution: status, membership, blocks, audience, phase and accepted terms. */
export class ParticipationGate {
  /** Each reader's standing in an initiative, kept like its access (version-memo.ts): asked before every support. */
  private readonly standings: VersionMemo<Standing>;

  constructor(
    private readonly ctx: Context,
    private readonly initiatives: InitiativesService,
    private readonly terms: TermsService,
  ) {
    this.standings = new VersionMemo(ctx.memoVersion);
  }

  /** Loads everything the checks need, once (the initiative's access too, unless the caller has it). */
  private async situation(actor: Actor | null, id: string, known?: InitiativeAccess) {
    const access = known ?? (await this.initiatives.authorize(actor, id));
    const phaseId = access.initiative.currentPhaseId;
    const orgId = access.org.id;
    const key = `${id}\n${phaseId ?? ''}\n${orgId}\n${actor?.userId ?? ''}`;
    return { access, ...(await this.standings.get(key, () => this.standing(actor, id, phaseId, orgId))) };
  }

  /** The phase in force, and the actor's accepted terms and block, if any. */
  private async standing(actor: Actor | null, id: string, phaseId: string | null, orgId: string) {
    const phase = phaseId === null ? null : ((await repo.findPhase(this.ctx.db, id, phaseId)) ?? null);
    const accepted = actor === null ? null : await this.terms.acceptedVersion(id, actor.userId);
    const block = actor === null ? undefined : await blockOf.first(this.ctx.db, { orgId, userId: actor.userId });
    return { phase, accepted, block };
  }

  /** The reason `action` is refused now, or null when it is allowed. */
  private refusal(actor: Actor | null, s: Awaited<ReturnType<ParticipationGate['situation']>>, action: PhaseAction): AppError | null {
    const { initiative, org, membership, steward } = s.access;
    if (actor === null) return new AppError(401, 'unauthorized', 'Log in to take part.');
    if (initiative.status !== 'open') return new AppError(409, 'initiative_not_open', 'This initiative is not open for contributions.');
    const resource = { orgVisibility: org.visibility, visibility: initiative.visibility as 'public', status: initiative.status as InitiativeStatus, orgRole: membership === null ? null : (membership.role as Role), steward };
    if (!canInitiative('participate', resource) || membership === null) return new AppError(403, 'not_a_participant', 'Only members of the organisation (not observers) take part.');
    if (s.block !== undefined) {
      return new AppError(403, 'blocked', 'The hosts of this organisation have blocked you from contributing, supporting and commenting. You can still read.', [{ message: s.block.reason, code: 'blocked' }]);
    }
    const audience = parseJson(initiative.audience) as string[];
    if (!steward && !audience.includes(membership.kind)) return new AppError(403, 'not_in_audience', `This initiative asks ${audience.join(', ')} to contribute.`);
    const phase = s.phase;
    if (phase === null || !(parseJson(phase.actions) as PhaseAction[]).includes(action)) {
      return new AppError(409, 'phase_closed', `The current phase${phase ? ` (${phase.name})` : ''} does not enable ${action.replace('_', ' ')}.`, [{ message: phase?.name ?? 'no phase', code: 'phase_closed' }]);
    }
    if (s.accepted !== initiative.termsVersion) {
      return new AppError(409, 'terms_not_accepted', `Read and accept version ${initiative.termsVersion} of the terms before you contribute.`, [
        { path: '/version', message: `version ${initiative.termsVersion}`, code: 'terms_not_accepted' },
      ]);
    }
    return null;
  }

  /** Throws the reason the actor may not do `action` now, or returns what the contribution records. */
  async require(actor: Actor, id: string, action: PhaseAction, access?: InitiativeAccess): Promise<ContributionStamp> {
    const s = await this.situation(actor, id, access);
    const refused = this.refusal(actor, s, action);
    if (refused !== null) throw refused;
    return { termsVersion: s.access.initiative.termsVersion, phaseId: s.phase?.id ?? '' };
  }

  /** The same checks for every action, as answers instead of errors (for the web app). */
  async describe(actor: Actor | null, id: string): Promise<Participation> {
    const s = await this.situation(actor, id);
    const actions: Participation['actions'] = {};
    for (const action of ACTIONS) {
      const refused = this.refusal(actor, s, action);
      actions[action] = { allowed: refused === null, code: refused?.code ?? null };
    }
    return {
      termsVersion: s.access.initiative.termsVersion,
      acceptedVersion: s.accepted,
      phase: s.phase === null ? null : { id: s.phase.id, name: s.phase.name },
      actions,
    };
  }
}
