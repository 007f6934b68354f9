import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import type { Contribution } from '../contributions/schemas.js';
import type { ContributionsService } from '../contributions/service.js';
import type { EventsService } from '../events/service.js';
import type { InitiativeAccess, InitiativesService } from '../initiatives/service.js';
import type { CreateThemeBody, Theme, ThemeSuggestion, UpdateThemeBody } from './schemas.js';
import { groupSimilar } from './suggestions.js';

/** How many recent contributions without a theme the suggestions compare (pairwise, so bounded). */
const SUGGESTION_POOL = 200;

const isHost = (access: InitiativeAccess) => access.steward || access.membership?.role === 'owner';
const notHost = () => forbidden('Only the hosts of the initiative (its stewards and the owners of the organisation) organise contributions into themes.');

/** Themes: the hosts group contributions so that many voices read as a few clear topics. */
export class ThemesService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
    private readonly contributions: ContributionsService,
  ) {}

  /** Hosts of an initiative that can still change; outsiders get 404, readers 403. */
  private async host(actor: Actor, initiativeId: string): Promise<InitiativeAccess> {
    const access = await this.initiatives.authorize(actor, initiativeId);
    if (!isHost(access)) throw notHost();
    assertChangeable(access);
    return access;
  }

  async list(actor: Actor | null, initiativeId: string, query: PageQuery): Promise<PageResult<Theme>> {
    const access = await this.initiatives.authorize(actor, initiativeId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    let q = this.ctx.db.selectFrom('themes').select('id').where('initiativeId', '=', initiativeId);
    if (cursor) q = q.where('id', '>', String(cursor.id));
    const ids = (await q.orderBy('id').limit(limit + 1).execute()).map((r) => r.id);
    const themes = await this.present(ids, access, actor);
    const page = toPage(ids, limit, (id) => ({ key: id, id }), (id) => themes.get(id) ?? null);
    return { items: page.items.filter((theme) => theme !== null), nextCursor: page.nextCursor };
  }

  async create(actor: Actor, initiativeId: string, body: CreateThemeBody): Promise<Theme> {
    const access = await this.host(actor, initiativeId);
    const name = body.name.trim();
    const contributionIds = body.contributionIds ?? [];
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    await this.ctx.db.transaction().execute(async (trx) => {
      await assertNameFree(trx, initiativeId, name, null);
      await assertInInitiative(trx, initiativeId, contributionIds);
      await trx.insertInto('themes').values({ id, initiativeId, name, description: body.description ?? '', createdBy: actor.userId, createdAt: now, updatedAt: now }).execute();
      if (contributionIds.length > 0) await trx.updateTable('contributions').set({ themeId: id }).where('id', 'in', contributionIds).execute();
      await this.events.record(trx, { type: 'theme.created', actorId: actor.userId, orgId: access.org.id, subjectType: 'theme', subjectId: id, payload: { initiativeId, name, contributionIds } });
    });
    return this.presentOne(id, access, actor);
  }

  async update(actor: Actor, themeId: string, body: UpdateThemeBody): Promise<Theme> {
    const theme = await this.ctx.db.selectFrom('themes').selectAll().where('id', '=', themeId).executeTakeFirst();
    if (!theme) throw notFound('The theme');
    const access = await this.host(actor, theme.initiativeId).catch(themeNotFound);
    const name = body.name?.trim() ?? theme.name;
    const description = body.description ?? theme.description;
    if (name === theme.name && description === theme.description) return this.presentOne(themeId, access, actor);
    await this.ctx.db.transaction().execute(async (trx) => {
      if (name.toLowerCase() !== theme.name.toLowerCase()) await assertNameFree(trx, theme.initiativeId, name, themeId);
      await trx.updateTable('themes').set({ name, description, updatedAt: this.ctx.clock.now().toISOString() }).where('id', '=', themeId).execute();
      await this.events.record(trx, {
        type: 'theme.updated', actorId: actor.userId, orgId: access.org.id, subjectType: 'theme', subjectId: themeId,
        payload: { initiativeId: theme.initiativeId, fields: Object.keys(body), ...(name !== theme.name ? { name, previousName: theme.name } : {}) },
      });
    });
    return this.presentOne(themeId, access, actor);
  }

  /** Puts a contribution in a theme of its initiative, or takes it out (hosts). */
  async setTheme(actor: Actor, contributionId: string, themeId: string | null): Promise<Contribution> {
    const access = await this.contributions.access(actor, contributionId);
    if (!access.isHost) throw notHost();
    assertChangeable(access);
    const c = access.contribution;
    if (themeId !== null) {
      const theme = await this.ctx.db.selectFrom('themes').select('initiativeId').where('id', '=', themeId).executeTakeFirst();
      if (!theme || theme.initiativeId !== c.initiativeId) throw invalidField('/themeId', 'is not a theme of this initiative', 'unknown_theme');
    }
    if (c.themeId !== themeId) {
      await this.ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('contributions').set({ themeId }).where('id', '=', contributionId).execute();
        await this.events.record(trx, {
          type: 'contribution.themed', actorId: actor.userId, orgId: c.orgId, subjectType: 'contribution', subjectId: contributionId,
          payload: { initiativeId: c.initiativeId, themeId, previousThemeId: c.themeId },
        });
      });
    }
    return this.contributions.get(actor, contributionId);
  }

  /**
   * Groups of similar contributions that have no theme yet, for a host to confirm by creating
   * a theme with them. Compares the most recent ones (not hidden, not merged).
   */
  async suggestions(actor: Actor, initiativeId: string): Promise<{ items: ThemeSuggestion[]; considered: number }> {
    const access = await this.initiatives.authorize(actor, initiativeId);
    if (!isHost(access)) throw notHost();
    const rows = await this.ctx.db
      .selectFrom('contributions')
      .select(['id', 'title', 'kind', 'body', 'details'])
      .where('initiativeId', '=', initiativeId)
      .where('themeId', 'is', null)
      .where('mergedIntoId', 'is', null)
      .where('hiddenAt', 'is', null)
      .orderBy('id', 'desc')
      .limit(SUGGESTION_POOL)
      .execute();
    const candidates = rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, body: [r.body, ...Object.values(parseJson(r.details) as Record<string, unknown>).filter((v) => typeof v === 'string')].join('\n\n') }));
    const groups = groupSimilar(candidates);
    return {
      considered: rows.length,
      items: groups.map((g) => ({ name: g.name, terms: g.terms, cohesion: g.cohesion, contributions: g.members.map((m) => ({ id: m.id, title: m.title, kind: m.kind as ThemeSuggestion['contributions'][number]['kind'] })) })),
    };
  }

  private async presentOne(id: string, access: InitiativeAccess, actor: Actor | null): Promise<Theme> {
    const theme = (await this.present([id], access, actor)).get(id);
    if (theme === undefined) throw notFound('The theme');
    return theme;
  }

  /** Themes with the number of their contributions this reader finds in the feed. */
  private async present(ids: string[], access: InitiativeAccess, actor: Actor | null): Promise<Map<string, Theme>> {
    if (ids.length === 0) return new Map();
    const host = isHost(access);
    const rows = await this.ctx.db
      .selectFrom('themes as t')
      .innerJoin('users as u', 'u.id', 't.createdBy')
      .select((eb) => [
        't.id', 't.initiativeId', 't.name', 't.description', 't.createdAt', 't.updatedAt', 'u.id as userId', 'u.name as userName', 'u.erasedAt',
        eb
          .selectFrom('contributions as c')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('c.themeId', '=', 't.id')
          .where('c.mergedIntoId', 'is', null)
          .$if(!host, (q) => q.where((w) => w.or([w('c.hiddenAt', 'is', null), w('c.authorId', '=', actor?.userId ?? '')])))
          .as('contributionCount'),
      ])
      .where('t.id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id, initiativeId: r.initiativeId, name: r.name, description: r.description, contributionCount: Number(r.contributionCount ?? 0),
          createdBy: { id: r.userId, name: r.erasedAt !== null ? 'Former participant' : r.userName }, createdAt: r.createdAt, updatedAt: r.updatedAt,
        },
      ]),
    );
  }
}

/** A theme whose initiative the actor cannot see does not exist for them. */
function themeNotFound(error: unknown): never {
  if (error instanceof AppError && error.status === 404) throw notFound('The theme');
  throw error;
}

function assertChangeable(access: InitiativeAccess): void {
  if (access.initiative.status === 'archived' || access.initiative.status === 'discarded') {
    throw new AppError(409, 'initiative_archived', 'This initiative is archived: its themes can no longer change.');
  }
}

/** Theme names are unique in an initiative, whatever their case (compared here: SQLite's lower() knows only ASCII). */
async function assertNameFree(trx: Db, initiativeId: string, name: string, except: string | null): Promise<void> {
  const themes = await trx.selectFrom('themes').select(['id', 'name']).where('initiativeId', '=', initiativeId).execute();
  const wanted = name.toLocaleLowerCase();
  if (themes.some((t) => t.id !== except && t.name.toLocaleLowerCase() === wanted)) throw conflict('theme_name_taken', `The initiative already has a theme called "${name}".`);
}

async function assertInInitiative(trx: Db, initiativeId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await trx.selectFrom('contributions').select('id').where('id', 'in', ids).where('initiativeId', '=', initiativeId).execute()).map((r) => r.id));
  const details = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `/contributionIds/${i}`, message: 'is not a contribution of this initiative', code: 'unknown_contribution' }]));
  if (details.length > 0) throw new AppError(422, 'validation_failed', `${details.length} of the contributions are not in this initiative.`, details);
}
