import type { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface UploadedFile {
  bytes: Buffer;
  name: string;
}

/** Reads a multipart form: its text fields and exactly one part named `file`. */
export async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
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

/** A file name kept readable but harmless: no path separators, no control characters. */
export const safeFileName = (name: string): string => [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(0, 200) || 'file';

/** Sends a stored file inline, as its sniffed type, unable to run anything in the browser. */
export function sendFile(reply: FastifyReply, file: { stream: Readable; name: string; mediaType: string; size: number }) {
  return reply
    .type(file.mediaType)
    .header('content-length', file.size)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.stream);
}
