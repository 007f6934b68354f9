import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Actor } from '../lib/actor.js';
import { AppError, unauthorized } from '../lib/errors.js';
import type { AccountsService } from '../modules/accounts/service.js';
import { SESSION_DAYS } from '../modules/accounts/service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Set by the auth plugin before the body is read. */
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'moebius_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfFailed = (why: string) => new AppError(403, 'csrf_failed', `The request was refused to protect your account: ${why}`);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The origin the browser says a request comes from, from Origin or else Referer. */
function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return origin;
  const referer = request.headers.referer;
  if (typeof referer === 'string') {
    try {
      return new URL(referer).origin;
    } catch {
      return null;
    }
  }
  return null;
}

function originAllowed(request: FastifyRequest, config: Config): boolean {
  const origin = requestOrigin(request);
  if (origin === null) return false;
  if (origin === new URL(config.baseUrl).origin) return true;
  // Same-origin requests name the host they were sent to.
  return origin === `${request.protocol}://${request.headers.host ?? ''}`;
}

/**
 * Resolves the actor from `Authorization: Bearer mbx_…` or the session cookie, and guards
 * cookie-authenticated writes against CSRF: the Origin must be ours and `X-CSRF-Token` must
 * match the session's token. Bearer requests carry no ambient authority and skip CSRF.
 */
export function installAuth(app: FastifyInstance, config: Config, accounts: AccountsService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // Only the API knows people; static files and health checks need no database lookup.
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && authorization.length > 0) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match?.[1] ? await accounts.authenticateToken(match[1]) : null;
      if (actor === null) throw new AppError(401, 'invalid_token', 'The API token is not valid, has expired or was revoked.');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.actor = await accounts.authenticateSession(cookie);
    if (SAFE_METHODS.has(request.method)) return;
    const hasOriginHeader = request.headers.origin !== undefined || request.headers.referer !== undefined;
    if (request.actor?.via === 'session') {
      if (!originAllowed(request, config)) throw csrfFailed('it did not come from this site.');
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || request.actor.csrfToken === null || !sameSecret(token, request.actor.csrfToken)) {
        throw csrfFailed('the X-CSRF-Token header is missing or wrong. Reload the page and try again.');
      }
    } else if (hasOriginHeader && !originAllowed(request, config)) {
      // Login and signup from another site (login CSRF).
      throw csrfFailed('it did not come from this site.');
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw unauthorized();
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.baseUrl.startsWith('https:'),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export const clearSessionCookie = (reply: FastifyReply): void => {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
};
