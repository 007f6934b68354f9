import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../db/database.js';
import type { EventsService } from '../events/service.js';
import type { TermsLedger } from '../terms/ledger.js';
import { checkTerms } from '../terms/rules.js';
import type { Terms } from '../terms/schemas.js';
import * as repo from './repository.js';
import type { Initiative, InitiativeStatus, PhasesBody } from './schemas.js';
import type { InitiativesService } from './service.js';

const wrongStatus = (status: string, needed: string) =>
  new AppError(409, 'invalid_status', `The initiative is ${status}; this needs it to be ${needed}.`);

/** The lifecycle draft → open → closed → archived, a draft's discarding, and the phase timeline. */
export class InitiativeLifecycle {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
    private readonly ledger: TermsLedger,
  ) {}

  /** Replaces the planned timeline; only before launch (a running timeline only moves forward). */
  async setPhases(actor: Actor, id: string, body: PhasesBody): Promise<Initiative> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    if (access.initiative.status !== 'draft') throw new AppError(409, 'phases_locked', 'The timeline is fixed once the initiative is launched; move to the next phase instead.');
    body.phases.forEach((phase, i) => {
      if (phase.startsOn && phase.endsOn && phase.endsOn < phase.startsOn) {
        throw new AppError(422, 'validation_failed', 'A phase cannot end before it starts.', [{ path: `/phases/${i}/endsOn`, message: 'is before startsOn', code: 'date_order' }]);
      }
    });
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.replacePhases(trx, id, body.phases.map((p, position) => ({
        id: newId(), initiativeId: id, position, name: p.name.trim(), description: p.description ?? '',
        startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null, actions: JSON.stringify(p.actions),
      })));
      await repo.updateInitiative(trx, id, { updatedAt: this.ctx.clock.now().toISOString() });
      await this.events.record(trx, { type: 'initiative.phases_planned', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id, payload: { phases: body.phases.map((p) => p.name) } });
    });
    return this.initiatives.get(actor, id);
  }

  /** Moves a running initiative to a later phase of its timeline. */
  async advance(actor: Actor, id: string, phaseId: string): Promise<Initiative> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    if (access.initiative.status !== 'open') throw wrongStatus(access.initiative.status, 'open');
    const phases = await repo.listPhases(this.ctx.db, id);
    const target = phases.find((p) => p.id === phaseId);
    if (!target) throw new AppError(422, 'validation_failed', 'That phase is not in this timeline.', [{ path: '/phaseId', message: 'is not a phase of this initiative', code: 'unknown_phase' }]);
    const current = phases.find((p) => p.id === access.initiative.currentPhaseId);
    if (current && target.position <= current.position) throw new AppError(409, 'phase_backwards', 'Phases only move forward.');
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateInitiative(trx, id, { currentPhaseId: target.id, updatedAt: this.ctx.clock.now().toISOString() });
      await this.events.record(trx, { type: 'initiative.phase_changed', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id, payload: { from: current?.name ?? null, to: target.name, phaseId: target.id, actions: parseJson(target.actions) } });
    });
    return this.initiatives.get(actor, id);
  }

  /** Launch: needs a timeline and complete terms; seals terms version 1 and opens the first phase. */
  async launch(actor: Actor, id: string): Promise<Initiative> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.lockInitiative(trx, this.ctx.dialect, id);
      const initiative = await repo.findInitiative(trx, id);
      if (!initiative || initiative.status !== 'draft') throw wrongStatus(initiative?.status ?? 'gone', 'a draft');
      const phases = await repo.listPhases(trx, id);
      const first = phases[0];
      if (!first) throw new AppError(422, 'validation_failed', 'Plan at least one phase before launching.', [{ path: '/phases', message: 'at least one phase is needed', code: 'required' }]);
      const terms = parseJson(initiative.termsDraft) as Terms;
      checkTerms(terms);
      const now = this.ctx.clock.now().toISOString();
      await repo.updateInitiative(trx, id, { status: 'open', launchedAt: now, currentPhaseId: first.id, updatedAt: now });
      await this.events.record(trx, { type: 'initiative.launched', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id, payload: { phase: first.name } });
      await this.ledger.seal(trx, { initiativeId: id, orgId: access.org.id, terms, reason: null, actorId: actor.userId, worse: [] });
    });
    return this.initiatives.get(actor, id);
  }

  async close(actor: Actor, id: string): Promise<Initiative> {
    return this.move(actor, id, 'open', 'closed', 'closedAt');
  }

  async archive(actor: Actor, id: string): Promise<Initiative> {
    return this.move(actor, id, 'closed', 'archived', 'archivedAt');
  }

  /** A draft that never launched can be discarded; a launched initiative is never deleted. */
  async discard(actor: Actor, id: string): Promise<void> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    if (access.initiative.status !== 'draft') throw new AppError(409, 'initiative_launched', 'A launched initiative is never deleted; close and archive it instead.');
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateInitiative(trx, id, { status: 'discarded', updatedAt: this.ctx.clock.now().toISOString() });
      await this.events.record(trx, { type: 'initiative.discarded', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id });
    });
  }

  private async move(actor: Actor, id: string, from: InitiativeStatus, to: InitiativeStatus, stamp: 'closedAt' | 'archivedAt'): Promise<Initiative> {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    if (access.initiative.status !== from) throw wrongStatus(access.initiative.status, from);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateInitiative(trx, id, { status: to, [stamp]: now, updatedAt: now });
      await this.events.record(trx, { type: `initiative.${to}`, actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id });
    });
    return this.initiatives.get(actor, id);
  }
}
