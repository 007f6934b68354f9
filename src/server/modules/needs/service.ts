import type { Context } from '../../context.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { safeFileName } from '../../lib/uploads.js';
import { decodeCursor, toPage, type PageQuery, type PageResult } from '../../lib/pagination.js';
import type { EventsService } from '../events/service.js';
import type { InitiativeAccess, InitiativesService } from '../initiatives/service.js';
import * as repo from './repository.js';
import type { AssetAccess, CreateAssetBody, FileAssetFields, CreateNeedBody, Need, SharedAsset, UpdateAssetBody, UpdateNeedBody } from './schemas.js';

const presentNeed = ({ authorName, ...row }: repo.NeedWithAuthor): Need => ({ ...row, createdBy: { id: row.createdBy, name: authorName } });
const presentAsset = ({ authorName, fileKey, fileName, fileType, fileSize, ...row }: repo.AssetWithAuthor): SharedAsset => ({
  ...row,
  access: row.access as AssetAccess,
  file: fileKey !== null && fileName !== null && fileType !== null && fileSize !== null ? { name: fileName, mediaType: fileType, size: fileSize } : null,
  createdBy: { id: row.createdBy, name: authorName },
});
const noFile = { fileKey: null, fileName: null, fileType: null, fileSize: null };

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
    const row = { id: newId(), initiativeId, title: body.title.trim(), description: body.description ?? '', url: body.url, ...noFile, access: body.access, createdBy: actor.userId, createdAt: now, updatedAt: now };
    await this.record(access, actor, 'asset.shared', 'shared_asset', row.id, { title: row.title, access: row.access }, (trx) => trx.insertInto('sharedAssets').values(row).execute());
    return presentAsset({ ...row, authorName: actor.name });
  }

  /** Shares an uploaded file (picture or PDF, sniffed); it downloads through the asset's access check. */
  async createFileAsset(actor: Actor, initiativeId: string, fields: FileAssetFields, file: { bytes: Buffer; name: string }): Promise<SharedAsset> {
    const access = await this.host(actor, initiativeId);
    const stored = await this.ctx.files.save(file.bytes);
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    const name = safeFileName(file.name);
    const row = { id, initiativeId, title: fields.title.trim(), description: fields.description ?? '', url: `/api/v1/assets/${id}/file`, fileKey: stored.key, fileName: name, fileType: stored.mediaType, fileSize: stored.size, access: fields.access, createdBy: actor.userId, createdAt: now, updatedAt: now };
    await this.record(access, actor, 'asset.shared', 'shared_asset', id, { title: row.title, access: row.access, file: { name, mediaType: stored.mediaType, size: stored.size } }, (trx) => trx.insertInto('sharedAssets').values(row).execute());
    return presentAsset({ ...row, authorName: actor.name });
  }

  /** The file of an asset, for someone its access allows (others get 404). */
  async assetFile(actor: Actor | null, id: string) {
    const found = await repo.findAsset(this.ctx.db, id);
    if (!found || found.fileKey === null) throw notFound('The file');
    const reach = await this.reach(actor, found.initiativeId).catch(() => [] as AssetAccess[]);
    if (!reach.includes(found.access as AssetAccess)) throw notFound('The file');
    return { stream: this.ctx.files.open(found.fileKey), name: found.fileName ?? 'file', mediaType: found.fileType ?? 'application/octet-stream', size: found.fileSize ?? 0 };
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
    if (found.fileKey !== null && body.url !== undefined) {
      throw new AppError(422, 'validation_failed', 'An uploaded file keeps its own address; share a new asset for a link.', [{ path: '/url', message: 'cannot change for an uploaded file', code: 'file_asset' }]);
    }
    await this.record(access, actor, 'asset.updated', 'shared_asset', id, { fields: Object.keys(body) }, (trx) =>
      trx.updateTable('sharedAssets').set({ ...body, updatedAt: this.ctx.clock.now().toISOString() }).where('id', '=', id).execute());
    return presentAsset((await repo.findAsset(this.ctx.db, id)) ?? found);
  }
}
