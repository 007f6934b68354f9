import { diffWordsWithSpace } from 'diff';
import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { EventsService } from '../events/service.js';
import type { ParticipationGate } from '../initiatives/participation.js';
import type { InitiativesService } from '../initiatives/service.js';
import { searchIndex } from '../search/search-index.js';
import { accessContribution, accessContributionBrief, type ContributionAccess, type ContributionAccessOf, type ContributionBrief } from './access.js';
import { ACTION_OF_KIND, checkLinks, checkText, detailsFor, normaliseTags, searchableBody } from './content.js';
import { displayName, presentContribution } from './present.js';
import type { Contribution, ContributionKind, CreateContributionBody, Details, UpdateContributionBody } from './schemas.js';

/** Experiences, ideas and builds: written, read and revised without losing a word. */
export class ContributionsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
    private readonly gate: ParticipationGate,
    /** Told after a contribution's text is written or revised (the in-memory similar index). */
    private readonly texts?: { changed(initiativeId: string, contributionId: string): void },
  ) {}

  /** After a commit that changed what "similar" may propose: its text, or whether it is merged. */
  textChanged(initiativeId: string, contributionId: string): void {
    this.texts?.changed(initiativeId, contributionId);
  }

  access(actor: Actor | null, id: string, db: Db = this.ctx.db): Promise<ContributionAccess> {
    return accessContribution(this.ctx, this.initiatives, actor, id, db);
  }

  /** The same access with only the columns supporting needs (thousands a second). */
  accessBrief(actor: Actor, id: string): Promise<ContributionAccessOf<ContributionBrief>> {
    return accessContributionBrief(this.ctx, this.initiatives, actor, id);
  }

  async get(actor: Actor | null, id: string): Promise<Contribution> {
    return presentContribution(this.ctx.db, await this.access(actor, id), actor);
  }

  async create(actor: Actor, initiativeId: string, body: CreateContributionBody): Promise<Contribution> {
    const access = await this.initiatives.authorize(actor, initiativeId);
    const stamp = await this.gate.require(actor, initiativeId, ACTION_OF_KIND[body.kind], access);
    checkText(body);
    const details = detailsFor(body.kind, body);
    const tags = normaliseTags(body.tags) ?? [];
    const links = await checkLinks(this.ctx.db, initiativeId, body);
    const { initiative, membership } = access;
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    const row = {
      id, initiativeId, orgId: initiative.orgId, kind: body.kind, title: body.title.trim(), body: body.body, details: JSON.stringify(details),
      authorId: actor.userId, authorKind: membership?.kind ?? 'other', status: 'received', termsVersion: stamp.termsVersion, phaseId: stamp.phaseId,
      themeId: null, mergedIntoId: null, revision: 1, supportCount: 0, recentSupportCount: 0, commentCount: 0, hiddenAt: null, hiddenBy: null, hiddenReason: null,
      firstResponseAt: null, overdueAlertedAt: null, lastActivityAt: now, createdAt: now, updatedAt: now,
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('contributions').values(row).execute();
      await trx.insertInto('contributionAuthors').values({ contributionId: id, userId: actor.userId, role: 'author', status: 'accepted', viaContributionId: '', invitedBy: null, createdAt: now, respondedAt: now }).execute();
      if (tags.length > 0) await trx.insertInto('contributionTags').values(tags.map((tag) => ({ contributionId: id, tag }))).execute();
      if (links.length > 0) await trx.insertInto('contributionLinks').values(links.map((l) => ({ ...l, contributionId: id, createdAt: now }))).execute();
      await trx.insertInto('contributionRevisions').values({ contributionId: id, revision: 1, title: row.title, body: row.body, details: row.details, tags: JSON.stringify(tags), editorId: actor.userId, note: '', createdAt: now }).execute();
      await trx.insertInto('follows').values({ userId: actor.userId, subjectType: 'contribution', subjectId: id, createdAt: now }).onConflict((oc) => oc.doNothing()).execute();
      await searchIndex.put(trx, this.ctx.dialect, { subjectType: 'contribution', subjectId: id, contributionId: id, initiativeId, title: row.title, body: searchableBody(row.body, details) });
      await this.events.record(trx, {
        type: 'contribution.created', actorId: actor.userId, orgId: initiative.orgId, subjectType: 'contribution', subjectId: id,
        payload: { initiativeId, kind: body.kind, title: row.title, termsVersion: stamp.termsVersion, phaseId: stamp.phaseId, links: links.map((l) => ({ relation: l.relation, targetId: l.targetId })) },
      });
    });
    this.textChanged(initiativeId, id);
    // Presented from what was just written: its author reads it.
    return presentContribution(this.ctx.db, { ...access, contribution: row, isAuthor: true, isHost: access.steward || access.membership?.role === 'owner' }, actor);
  }

  /** Authors and accepted co-authors edit while the initiative is open; every edit is a revision. */
  async update(actor: Actor, id: string, body: UpdateContributionBody): Promise<Contribution> {
    const access = await this.access(actor, id);
    const c = access.contribution;
    if (!access.isAuthor) throw forbidden('Only its authors can edit a contribution.');
    assertEditable(access);
    checkText(body);
    const details = detailsFor(c.kind as ContributionKind, body, parseJson(c.details) as Details);
    const tags = normaliseTags(body.tags);
    const previousTags = (await this.ctx.db.selectFrom('contributionTags').select('tag').where('contributionId', '=', id).orderBy('tag').execute()).map((r) => r.tag);
    const next = { title: body.title?.trim() ?? c.title, body: body.body ?? c.body, details: JSON.stringify(details), tags: tags ?? previousTags };
    const changed = next.title !== c.title || next.body !== c.body || next.details !== JSON.stringify(parseJson(c.details)) || JSON.stringify([...next.tags].sort()) !== JSON.stringify(previousTags);
    if (!changed) return this.get(actor, id);
    const now = this.ctx.clock.now().toISOString();
    const revision = c.revision + 1;
    await this.ctx.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('contributions')
        .set({ title: next.title, body: next.body, details: next.details, revision, updatedAt: now, lastActivityAt: now })
        .where('id', '=', id)
        .where('revision', '=', c.revision)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw conflict('edit_conflict', 'Someone else saved a change a moment ago. Reload to see it, then edit again.');
      if (tags !== undefined) {
        await trx.deleteFrom('contributionTags').where('contributionId', '=', id).execute();
        if (tags.length > 0) await trx.insertInto('contributionTags').values(tags.map((tag) => ({ contributionId: id, tag }))).execute();
      }
      await trx.insertInto('contributionRevisions').values({ contributionId: id, revision, title: next.title, body: next.body, details: next.details, tags: JSON.stringify(next.tags), editorId: actor.userId, note: body.note?.trim() ?? '', createdAt: now }).execute();
      await searchIndex.put(trx, this.ctx.dialect, { subjectType: 'contribution', subjectId: id, contributionId: id, initiativeId: c.initiativeId, title: next.title, body: searchableBody(next.body, details) });
      await this.events.record(trx, { type: 'contribution.revised', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: id, payload: { initiativeId: c.initiativeId, revision } });
    });
    this.textChanged(c.initiativeId, id);
    return this.get(actor, id);
  }

  /** Every revision, oldest first, with a word diff of each changed field against the one before. */
  async revisions(actor: Actor | null, id: string) {
    await this.access(actor, id);
    const rows = await this.ctx.db
      .selectFrom('contributionRevisions as r')
      .innerJoin('users as u', 'u.id', 'r.editorId')
      .select(['r.revision', 'r.title', 'r.body', 'r.details', 'r.tags', 'r.note', 'r.createdAt', 'u.id as editorId', 'u.name as editorName', 'u.erasedAt'])
      .where('r.contributionId', '=', id)
      .orderBy('r.revision')
      .execute();
    const fieldsOf = (r: (typeof rows)[number]): Record<string, string> => {
      const details = parseJson(r.details) as Record<string, string>;
      return { title: r.title, body: r.body, ...details, tags: (parseJson(r.tags) as string[]).join(', ') };
    };
    return {
      items: rows.map((r, i) => {
        const previous = rows[i - 1];
        const before = previous === undefined ? {} : fieldsOf(previous);
        const after = fieldsOf(r);
        const changes = [...new Set([...Object.keys(before), ...Object.keys(after)])]
          .filter((field) => (before[field] ?? '') !== (after[field] ?? ''))
          .map((field) => ({ field, parts: diffWordsWithSpace(before[field] ?? '', after[field] ?? '').map((p) => ({ op: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const), text: p.value })) }));
        return {
          revision: r.revision, title: r.title, body: r.body, details: parseJson(r.details) as Details, tags: parseJson(r.tags) as string[],
          editor: { id: r.editorId, name: displayName({ name: r.editorName, erasedAt: r.erasedAt }) }, note: r.note, createdAt: r.createdAt, changes,
        };
      }),
    };
  }

  /** Where a contribution comes from and what grew out of it, both ways. */
  async lineage(actor: Actor | null, id: string) {
    const access = await this.access(actor, id);
    const visible = (q: ReturnType<typeof this.refs>) => (access.isHost ? q : q.where((eb) => eb.or([eb('c.hiddenAt', 'is', null), eb('c.authorId', '=', actor?.userId ?? '')])));
    const [page, citedBy, builtUponBy, merged] = await Promise.all([
      presentContribution(this.ctx.db, access, actor),
      visible(this.refs().innerJoin('contributionLinks as l', 'l.contributionId', 'c.id').where('l.targetId', '=', id).where('l.relation', '=', 'cites')).execute(),
      visible(this.refs().innerJoin('contributionLinks as l', 'l.contributionId', 'c.id').where('l.targetId', '=', id).where('l.relation', '=', 'builds_on')).execute(),
      visible(this.refs().where('c.mergedIntoId', '=', id)).execute(),
    ]);
    return { answers: page.links.answers, cites: page.links.cites, buildsOn: page.links.buildsOn, citedBy, builtUponBy, mergedInto: page.mergedInto, merged };
  }

  private refs() {
    return this.ctx.db.selectFrom('contributions as c').select(['c.id', 'c.title', 'c.kind']).orderBy('c.id');
  }
}

/** What the index searches besides the title: the body and the kind's other texts. */

/** A contribution can change only while its initiative is open and it is neither merged nor hidden. */
export function assertEditable(access: ContributionAccess): void {
  const c = access.contribution;
  if (access.initiative.status !== 'open') throw new AppError(409, 'initiative_not_open', 'This initiative is not open: its contributions can no longer change.');
  if (c.mergedIntoId !== null) throw new AppError(409, 'contribution_merged', 'This contribution was merged into another; continue there.', [{ path: '/mergedInto', message: c.mergedIntoId, code: 'contribution_merged' }]);
  if (c.hiddenAt !== null) throw new AppError(409, 'contribution_hidden', 'This contribution is hidden by the stewards; appeal instead of editing.');
}
