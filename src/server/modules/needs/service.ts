import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import type { EventsService } from '../events/service.js';
import type { InitiativeAccess, InitiativesService } from '../initiatives/service.js';
import * as repo from './repository.js';
import type { AssetAccess, CreateAssetBody, CreateNeedBody, Need, SharedAsset, UpdateAssetBody, UpdateNeedBody } from './schemas.js';

const presentNeed = ({ authorName, ...row }: repo.NeedWithAuthor): Need => ({ ...row, createdBy: { id: row.createdBy, name: authorName } });
const presentAsset = ({ authorName, ...row }: repo.AssetWithAuthor): SharedAsset => ({ ...row, access: row.access as AssetAccess, createdBy: { id: row.createdBy, name: authorName } });

/** "Expose your weaknesses": the needs hosts cannot meet alone and the assets they share. */
export class NeedsService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly initiatives: InitiativesService,
  ) {}

  /** Hosts of a not-archived initiative; what they cannot see stays 404. */
  private async host(actor: Actor, initiativeId: string): Promise<InitiativeAccess> {
    const access = await this.initiatives.authorize(actor, initiativeId, 'edit');
    if (access.initiative.status === 'archived') throw new AppError(409, 'initiative_archived', 'An archived initiative cannot change.');
    return access;
  }

  /** The asset access levels this reader reaches: hosts all, members who take part two, others one. */
  private async reach(actor: Actor | null, initiativeId: string): Promise<AssetAccess[]> {
    const access = await this.initiatives.authorize(actor, initiativeId);
    if ((await this.initiatives.present(access)).me.canEdit) return ['everyone', 'participants', 'stewards'];
    return access.membership !== null && access.membership.role !== 'observer' ? ['everyone', 'participants'] : ['everyone'];
  }

  private async record(access: InitiativeAccess, actor: Actor, type: string, subjectType: string, subjectId: string, payload: Record<string, unknown>, write: (trx: Context['db']) => Promise<unknown>) {
    await this.ctx.db.transaction().execute(async (trx) => {
      await write(trx);
      await this.events.record(trx, { type, actorId: actor.userId, orgId: access.org.id, subjectType, subjectId, payload: { initiativeId: access.initiative.id, ...payload } });
    });
  }

  async listNeeds(actor: Actor | null, initiativeId: string, query: PageQuery): Promise<PageResult<Need>> {
    await this.initiatives.authorize(actor, initiativeId);
    const limit = query.limit ?? 50;
    const rows = await repo.listNeeds(this.ctx.db, initiativeId, decodeCursor(query.cursor), limit);
    return toPage(rows, limit, (r) => ({ key: r.id, id: r.id }), presentNeed);
  }

  async listAssets(actor: Actor | null, initiativeId: string, query: PageQuery): Promise<PageResult<SharedAsset>> {
    const reach = await this.reach(actor, initiativeId);
    const limit = query.limit ?? 50;
    const rows = await repo.listAssets(this.ctx.db, initiativeId, reach, decodeCursor(query.cursor), limit);
    return toPage(rows, limit, (r) => ({ key: r.id, id: r.id }), presentAsset);
  }

  async createNeed(actor: Actor, initiativeId: string, body: CreateNeedBody): Promise<Need> {
    const access = await this.host(actor, initiativeId);
    const now = this.ctx.clock.now().toISOString();
    const row = { id: newId(), initiativeId, title: body.title.trim(), problem: body.problem, context: body.context ?? '', tried: body.tried ?? '', constraints: body.constraints ?? '', createdBy: actor.userId, createdAt: now, updatedAt: now };
    await this.record(access, actor, 'need.published', 'need', row.id, { title: row.title }, (trx) => trx.insertInto('needs').values(row).execute());
    return presentNeed({ ...row, authorName: actor.name });
  }

  async createAsset(actor: Actor, initiativeId: string, body: CreateAssetBody): Promise<SharedAsset> {
    const access = await this.host(actor, initiativeId);
    const now = this.ctx.clock.now().toISOString();
    const row = { id: newId(), initiativeId, title: body.title.trim(), description: body.description ?? '', url: body.url, access: body.access, createdBy: actor.userId, createdAt: now, updatedAt: now };
    await this.record(access, actor, 'asset.shared', 'shared_asset', row.id, { title: row.title, access: row.access }, (trx) => trx.insertInto('sharedAssets').values(row).execute());
    return presentAsset({ ...row, authorName: actor.name });
  }

  async updateNeed(actor: Actor, id: string, body: UpdateNeedBody): Promise<Need> {
    const found = await repo.findNeed(this.ctx.db, id);
    if (!found) throw notFound('The need');
    const access = await this.host(actor, found.initiativeId);
    await this.record(access, actor, 'need.updated', 'need', id, { fields: Object.keys(body) }, (trx) =>
      trx.updateTable('needs').set({ ...body, updatedAt: this.ctx.clock.now().toISOString() }).where('id', '=', id).execute());
    return presentNeed((await repo.findNeed(this.ctx.db, id)) ?? found);
  }

  async updateAsset(actor: Actor, id: string, body: UpdateAssetBody): Promise<SharedAsset> {
    const found = await repo.findAsset(this.ctx.db, id);
    if (!found) throw notFound('The shared asset');
    const access = await this.host(actor, found.initiativeId);
    await this.record(access, actor, 'asset.updated', 'shared_asset', id, { fields: Object.keys(body) }, (trx) =>
      trx.updateTable('sharedAssets').set({ ...body, updatedAt: this.ctx.clock.now().toISOString() }).where('id', '=', id).execute());
    return presentAsset((await repo.findAsset(this.ctx.db, id)) ?? found);
  }
}
