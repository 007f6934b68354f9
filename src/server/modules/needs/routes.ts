import { Type } from 'typebox';
import { responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { IdParams } from '../initiatives/schemas.js';
import * as S from './schemas.js';
import type { NeedsService } from './service.js';

const tags = ['needs and shared assets'];
const ItemParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** Needs the hosts publish and the assets they share on an initiative. */
export async function needRoutes(app: App, opts: { needs: NeedsService }) {
  const { needs } = opts;

  app.post('/api/v1/initiatives/:id/needs', {
    schema: { tags, summary: 'Publish a need: a problem the host cannot solve alone (hosts)', params: IdParams, body: S.CreateNeedBody, response: responses({ 201: S.Need }) },
  }, async (request, reply) => reply.code(201).send(await needs.createNeed(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/initiatives/:id/needs', {
    schema: { tags, summary: "The initiative's needs, newest first", params: IdParams, querystring: PageQuery, response: responses({ 200: S.NeedPage }) },
  }, async (request) => needs.listNeeds(request.actor, request.params.id, request.query));

  app.patch('/api/v1/needs/:id', {
    schema: { tags, summary: 'Change a need (hosts)', params: ItemParams, body: S.UpdateNeedBody, response: responses({ 200: S.Need }) },
  }, async (request) => needs.updateNeed(requireActor(request), request.params.id, request.body));

  app.post('/api/v1/initiatives/:id/assets', {
    schema: { tags, summary: 'Share an asset: data, a document, a prototype or access (hosts)', params: IdParams, body: S.CreateAssetBody, response: responses({ 201: S.SharedAsset }) },
  }, async (request, reply) => reply.code(201).send(await needs.createAsset(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/initiatives/:id/assets', {
    schema: { tags, summary: 'The shared assets you may access, newest first', params: IdParams, querystring: PageQuery, response: responses({ 200: S.AssetPage }) },
  }, async (request) => needs.listAssets(request.actor, request.params.id, request.query));

  app.patch('/api/v1/assets/:id', {
    schema: { tags, summary: 'Change a shared asset (hosts)', params: ItemParams, body: S.UpdateAssetBody, response: responses({ 200: S.SharedAsset }) },
  }, async (request) => needs.updateAsset(requireActor(request), request.params.id, request.body));
}
