import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, type ErrorDetail } from '../lib/errors.js';

function send(reply: FastifyReply, status: number, code: string, message: string, details: ErrorDetail[] = []) {
  return reply.code(status).type('application/json').send({ error: { code, message, details } });
}

/** Turns one ajv error into a field path (JSON pointer) and a readable message. */
export function detailOf(error: ErrorObject): ErrorDetail {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not a known field', code: 'unknown_field' };
  }
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required', code: 'required' };
  }
  return { path: error.instancePath === '' ? '/' : error.instancePath, message: error.message ?? 'is invalid', code: error.keyword };
}

/** For `X or null` schemas, the "must be null" and "anyOf" errors only repeat the real problem. */
function meaningful(errors: ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null'));
  return kept.length > 0 ? kept : errors;
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'The request body is empty but says it is JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the request body as application/json.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'body_too_large', 'Files may be at most 10 MB.'],
  FST_FILES_LIMIT: [413, 'body_too_large', 'Send one file at a time.'],
  FST_PARTS_LIMIT: [413, 'body_too_large', 'The form has too many parts.'],
  FST_FIELDS_LIMIT: [413, 'body_too_large', 'The form has too many fields.'],
  FST_PROTO_VIOLATION: [400, 'bad_request', 'A form field name is not allowed.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported_media_type', 'Send the file as multipart/form-data.'],
  FST_MP_PREMATURE_CLOSE: [400, 'bad_request', 'The upload stopped before it was complete.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'The Content-Length header does not match the body.'],
};

/** Every error leaves as `{"error": {"code", "message", "details"}}`; a 5xx is always logged as a bug. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return send(reply, error.status, error.code, error.message, error.details);
    if (error.validation) {
      const details = meaningful(error.validation as ErrorObject[]).map(detailOf);
      const where = error.validationContext ?? 'request';
      const first = details[0];
      const message =
        details.length === 1 && first
          ? `Invalid ${where} field ${first.path}: ${first.message}.`
          : `The ${where} has ${details.length} invalid fields.`;
      return send(reply, 422, 'validation_failed', message, details);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return send(reply, known[0], known[1], known[2]);
    if (error instanceof SyntaxError) return send(reply, 400, 'malformed_json', 'The request body is not valid JSON.');
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(reply, status, 'bad_request', error.message);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal_error', 'Something went wrong on our side. It has been logged.');
  });
}

export const sendNotFound = (reply: FastifyReply, method: string, url: string) =>
  send(reply, 404, 'route_not_found', `There is no ${method} ${url.split('?')[0]}.`);
