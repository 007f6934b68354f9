import type { Context } from '../../context.js';
import { parseJson } from '../../db/database.js';
import { reusable } from '../../db/reusable.js';
import type { TermsVersionRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { EventsService } from '../events/service.js';
import { lockInitiative } from '../initiatives/repository.js';
import type { InitiativesService } from '../initiatives/service.js';
import { diffTerms, worseForContributors } from './compare.js';
import type { TermsLedger } from './ledger.js';
import { checkTerms } from './rules.js';
import type { AmendmentBody, Terms, TermsVersion } from './schemas.js';

const termsOf = (row: TermsVersionRow) => JSON.parse(row.content) as Terms;

// The participation gate asks it before every contribution, comment and support: compiled once (db/reusable.ts).
const acceptedMax = reusable((db, p: { initiativeId: string; userId: string }) =>
  db.selectFrom('termsAcceptances').select((eb) => eb.fn.max('version').as('v')).where('initiativeId', '=', p.initiativeId).where('userId', '=', p.userId),
);

/** The charter's terms: drafted, sealed at launch, amended forward only, accepted before contributing. */
export class TermsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
    private readonly ledger: TermsLedger,
  ) {}

  private versions(initiativeId: string) {
    return this.ctx.db
      .selectFrom('termsVersions')
      .innerJoin('users', 'users.id', 'termsVersions.createdBy')
      .selectAll('termsVersions')
      .select('users.name as sealedByName')
      .where('initiativeId', '=', initiativeId)
      .orderBy('version')
      .execute();
  }

  async acceptedVersion(initiativeId: string, userId: string): Promise<number | null> {
    const row = await acceptedMax.first(this.ctx.db, { initiativeId, userId });
    return row?.v === null || row?.v === undefined ? null : Number(row.v);
  }

  async state(actor: Actor | null, id: string) {
    const access = await this.initiatives.authorize(actor, id);
    const host = (await this.initiatives.present(access)).me.canEdit;
    const rows = await this.versions(id);
    const last = rows[rows.length - 1];
    const current: TermsVersion | null = last
      ? { version: last.version, hash: last.hash, terms: termsOf(last), reason: last.reason, sealedAt: last.createdAt, sealedBy: { id: last.createdBy, name: last.sealedByName } }
      : null;
    return {
      initiativeId: id,
      current,
      draft: host && access.initiative.status === 'draft' ? (parseJson(access.initiative.termsDraft) as Terms) : null,
      myAcceptedVersion: actor === null ? null : await this.acceptedVersion(id, actor.userId),
    };
  }

  /** Drafts are edited freely before launch; sealed terms never change (amend instead). */
  async putDraft(actor: Actor, id: string, terms: Terms) {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    if (access.initiative.status !== 'draft') throw conflict('terms_sealed', `The terms were sealed at launch (version ${access.initiative.termsVersion}). Propose an amendment: it applies only to later contributions.`);
    checkTerms(terms, '');
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('initiatives').set({ termsDraft: JSON.stringify(terms), updatedAt: this.ctx.clock.now().toISOString() }).where('id', '=', id).execute();
      await this.events.record(trx, { type: 'terms.drafted', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id });
    });
    return this.state(actor, id);
  }

  /** A new version with a reason; it governs only contributions made after it. */
  async amend(actor: Actor, id: string, body: AmendmentBody) {
    const access = await this.initiatives.authorize(actor, id, 'edit');
    if (access.initiative.status !== 'open' && access.initiative.status !== 'closed') {
      throw conflict('invalid_status', access.initiative.status === 'draft' ? 'The terms are still a draft: edit them directly.' : 'An archived initiative cannot change its terms.');
    }
    checkTerms(body.terms);
    await this.ctx.db.transaction().execute(async (trx) => {
      await lockInitiative(trx, this.ctx.dialect, id);
      const previous = await trx.selectFrom('termsVersions').selectAll().where('initiativeId', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
      const worse = worseForContributors(termsOf(previous), body.terms);
      await this.ledger.seal(trx, { initiativeId: id, orgId: access.org.id, terms: body.terms, reason: body.reason.trim(), actorId: actor.userId, worse });
    });
    return this.state(actor, id);
  }

  /** Records that the actor accepted the current version (person, version, hash, time). */
  async accept(actor: Actor, id: string, version: number) {
    const access = await this.initiatives.authorize(actor, id);
    const current = access.initiative.termsVersion;
    if (current === 0) throw conflict('terms_not_sealed', 'The initiative has not launched; there are no terms to accept yet.');
    if (version !== current) {
      throw new AppError(409, 'terms_outdated', `Version ${version} is not the current one; read and accept version ${current}.`, [{ path: '/version', message: `the current version is ${current}`, code: 'terms_outdated' }]);
    }
    const row = await this.ctx.db.selectFrom('termsVersions').select(['hash']).where('initiativeId', '=', id).where('version', '=', current).executeTakeFirstOrThrow();
    const acceptedAt = this.ctx.clock.now().toISOString();
    const existing = await this.ctx.db.selectFrom('termsAcceptances').selectAll().where('initiativeId', '=', id).where('version', '=', current).where('userId', '=', actor.userId).executeTakeFirst();
    if (existing) return { version: existing.version, hash: existing.hash, acceptedAt: existing.acceptedAt };
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('termsAcceptances').values({ id: newId(), initiativeId: id, version: current, userId: actor.userId, hash: row.hash, acceptedAt }).onConflict((oc) => oc.doNothing()).execute();
      await this.events.record(trx, { type: 'terms.accepted', actorId: actor.userId, orgId: access.org.id, subjectType: 'initiative', subjectId: id, payload: { version: current, hash: row.hash } });
    });
    return { version: current, hash: row.hash, acceptedAt };
  }

  /** Every sealed version with its hash, reason, date, diff to the previous one and acceptances. */
  async history(actor: Actor | null, id: string) {
    await this.initiatives.authorize(actor, id);
    const rows = await this.versions(id);
    const counts = await this.ctx.db
      .selectFrom('termsAcceptances')
      .select(['version', (eb) => eb.fn.countAll<number>().as('n')])
      .where('initiativeId', '=', id)
      .groupBy('version')
      .execute();
    const accepted = new Map(counts.map((c) => [c.version, Number(c.n)]));
    const items = rows.map((row, i) => {
      const previous = rows[i - 1];
      const before = previous === undefined ? null : termsOf(previous);
      const after = termsOf(row);
      return {
        version: row.version,
        hash: row.hash,
        reason: row.reason,
        sealedAt: row.createdAt,
        acceptedBy: accepted.get(row.version) ?? 0,
        terms: after,
        worseForContributors: before === null ? [] : worseForContributors(before, after),
        diff: diffTerms(before, after),
      };
    });
    return { items: items.reverse() };
  }

  /** The version a contribution made under `version` is governed by: never a later one. */
  async termsAt(initiativeId: string, version: number): Promise<Terms> {
    const row = await this.ctx.db.selectFrom('termsVersions').selectAll().where('initiativeId', '=', initiativeId).where('version', '=', version).executeTakeFirstOrThrow();
    return termsOf(row);
  }
}
