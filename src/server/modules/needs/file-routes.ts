import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors.js';
import { responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { validateStrict } from '../../plugins/validation.js';
import { IdParams } from '../initiatives/schemas.js';
import * as S from './schemas.js';
import type { NeedsService } from './service.js';

const tags = ['needs and shared assets'];

/** Reads a multipart form: its text fields and exactly one part named `file`. */
async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: { bytes: Buffer; name: string } }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value);
    else if (part.fieldname === 'file' && file === null) file = { bytes: await (part as MultipartFile).toBuffer(), name: part.filename };
    else {
      (part as MultipartFile).file.resume();
      throw new AppError(422, 'validation_failed', `Unexpected file part "${part.fieldname}".`, [{ path: `/${part.fieldname}`, message: 'is not a known field', code: 'unknown_field' }]);
    }
  }
  if (file === null) throw new AppError(422, 'validation_failed', 'Attach the file as the part named "file".', [{ path: '/file', message: 'is required', code: 'required' }]);
  return { fields, file };
}

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
    const file = await opts.needs.assetFile(request.actor, request.params.id);
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.stream);
  });
}
