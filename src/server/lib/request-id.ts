import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id a request is logged and answered under: the caller's `X-Request-Id` when it is a
 * plain token, else a new one. randomUUID draws from a cached entropy pool, so an id per
 * request costs nothing (uuidv7 did).
 */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
