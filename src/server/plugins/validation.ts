import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { detailOf } from './errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * Bodies are validated strictly: no type coercion ("5" is not 5) and unknown fields are errors.
 * Query strings and path parameters are text by nature, so there numbers are coerced.
 */
const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
strict.addKeyword({ keyword: 'example' });

/** The strict body validator, for input that does not arrive as JSON (multipart fields). */
export function validateStrict(schema: object, value: unknown, where: string): void {
  const validate = strict.compile(schema);
  if (validate(value)) return;
  const details = (validate.errors ?? []).map(detailOf);
  throw new AppError(422, 'validation_failed', `The ${where} has ${details.length} invalid field(s): ${details.map((d) => `${d.path} ${d.message}`).join('; ')}.`, details);
}

export function installValidation(app: FastifyInstance): void {
  const lenient = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  lenient.addKeyword({ keyword: 'example' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema));
}

/** The JSON pointer of the first string containing NUL (which PostgreSQL cannot store), or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (depth > 64 || typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findNul(child, `${path}/${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Text containing the NUL character is refused everywhere, with the field named. */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['body', request.body], ['querystring', request.query], ['params', request.params]] as const) {
      const path = findNul(value, '');
      if (path !== null) {
        throw new AppError(422, 'validation_failed', `Invalid ${part} field ${path}: must not contain the NUL character.`, [
          { path, message: 'must not contain the NUL character', code: 'nul_character' },
        ]);
      }
    }
  });
}
