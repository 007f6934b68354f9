import { Type } from 'typebox';
import { responses, type App } from '../../lib/http.js';
import { readForm, sendFile } from '../../lib/uploads.js';
import { requireActor } from '../../plugins/auth.js';
import { validateStrict } from '../../plugins/validation.js';
import { IdParams } from '../initiatives/schemas.js';
import * as S from './schemas.js';
import type { NeedsService } from './service.js';

const tags = ['needs and shared assets'];

/** Uploading a file as a shared asset, and downloading it behind the asset's access check. */
export async function assetFileRoutes(app: App, opts: { needs: NeedsService }) {
  app.post('/api/v1/initiatives/:id/assets/files', {
    schema: {
      tags,
      summary: 'Share a file (picture or PDF, up to 10 MB): multipart/form-data with title, description?, access and file (hosts)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: responses({ 201: S.SharedAsset }),
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { fields, file } = await readForm(request);
    validateStrict(S.FileAssetFields, fields, 'form');
    return reply.code(201).send(await opts.needs.createFileAsset(actor, request.params.id, fields as S.FileAssetFields, file));
  });

  app.get('/api/v1/assets/:id/file', {
    schema: { tags, summary: 'Download the file of a shared asset you may access', params: IdParams, response: responses({ 200: Type.Unsafe<unknown>({ description: 'The file, as uploaded.' }) }) },
  }, async (request, reply) => {
    return sendFile(reply, await opts.needs.assetFile(request.actor, request.params.id));
  });
}
