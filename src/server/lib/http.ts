import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';

/** The Fastify instance with TypeBox types, as every module sees it. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export const ApiError = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable snake_case code, e.g. `validation_failed`, `slug_taken`.' }),
      message: Type.String(),
      details: Type.Array(
        Type.Object({
          path: Type.Optional(Type.String({ description: 'JSON pointer of the field, e.g. `/email`.' })),
          message: Type.String(),
          code: Type.Optional(Type.String()),
        }),
      ),
    }),
  },
  { $id: 'ApiError', description: 'Every error has this shape.' },
);

const errorRef = Type.Ref('ApiError');

/** Declares a route's success responses plus every error status Moebius can answer with. */
export function responses<T extends Record<number, TSchema>>(success: T) {
  return {
    ...success,
    400: errorRef,
    401: errorRef,
    403: errorRef,
    404: errorRef,
    409: errorRef,
    413: errorRef,
    415: errorRef,
    422: errorRef,
    429: errorRef,
  };
}

export const NoContent = Type.Null({ description: 'No content.' });
