import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySerializerCompiler } from 'fastify';
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

type DataValidationCxt = Parameters<ValidateFunction>[1];

/** A validator compiled by Ajv on its first call, with the same interface Fastify expects of Ajv's. */
interface LazyValidator {
  (data: unknown, context?: DataValidationCxt): boolean;
  errors?: ErrorObject[] | null;
  /** Fastify passes the parent object (so Ajv can coerce a root value) only to validators that have this. */
  schemaEnv: true;
}

function lazyValidator(compile: () => ValidateFunction): LazyValidator {
  let compiled: ValidateFunction | null = null;
  const validate: LazyValidator = Object.assign(
    (data: unknown, context?: DataValidationCxt): boolean => {
      compiled ??= compile();
      const valid = compiled(data, context);
      validate.errors = compiled.errors;
      return valid;
    },
    { schemaEnv: true as const },
  );
  return validate;
}

type Serialize = (data: unknown) => string;
type SerializerFactory = (externalSchemas: unknown, options?: unknown) => FastifySerializerCompiler<unknown>;

/** Fastify's own response serializer compiler (fast-json-stringify), the copy Fastify itself loads. */
let serializerFactory: SerializerFactory | null = null;
function defaultSerializers(externalSchemas: unknown): FastifySerializerCompiler<unknown> {
  if (serializerFactory === null) {
    const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
    const selector = fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory;
    serializerFactory = selector();
  }
  return serializerFactory(externalSchemas);
}

/**
 * Request validators and response serializers are compiled when a route first uses them, not
 * when the server starts: Fastify would otherwise compile every route's schemas (≈ 1 s of a cold
 * start) before it answers anything, most of them for routes nobody calls in the first minutes.
 * Bodies are validated strictly, query strings and path parameters leniently (see above); a
 * response is serialised through its schema exactly as Fastify's default compiler does it.
 */
export function installValidation(app: FastifyInstance): void {
  const lenient = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  lenient.addKeyword({ keyword: 'example' });
  app.setValidatorCompiler(({ schema, httpPart }) => lazyValidator(() => (httpPart === 'body' ? strict : lenient).compile(schema as object)));
  app.addHook('onRoute', function (route) {
    if (route.serializerCompiler !== undefined || route.schema?.response === undefined) return;
    // The shared schemas ($ref targets such as ApiError) of the instance that declares the route, read on first use.
    const sharedSchemas = () => this.getSchemas();
    route.serializerCompiler = (definition) => {
      let compiled: Serialize | null = null;
      return (data: unknown) => {
        compiled ??= defaultSerializers(sharedSchemas())(definition) as Serialize;
        return compiled(data);
      };
    };
  });
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
