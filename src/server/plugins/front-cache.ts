import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerFactory } from 'fastify';
import { requestIdOf } from '../lib/request-id.js';
import { SESSION_COOKIE } from './auth.js';
import { acceptsGzip, gzipped } from './compression.js';
import type { RecordRequest } from './metrics.js';
import type { ReadCache } from './read-cache.js';

/** What the front needs once the app is built; until then every request goes to the app. */
export interface FrontCacheParts {
  cache: ReadCache;
  record: RecordRequest;
  log: FastifyBaseLogger;
}

/** A session cookie: its holder may be signed in, so only the app can tell what they may read. */
const SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/** Log levels at which Fastify logs every request, which the front then does too. */
const REQUEST_LOG_LEVELS = new Set(['trace', 'debug', 'info']);

/**
 * Answers kept for readers who are not signed in, served before routing (ADR 0008).
 *
 * The read cache keeps answers by reader and URL under the data version. An answer kept for no
 * one in particular, once it went out through the whole app, carries the headers it went out
 * with; a later GET for the same URL, with no credentials, is answered here from those headers
 * and the same body (gzip when the client takes it), after reading the data version like every
 * cached read. That skips the framework's routing, hooks and logger child, which were most of
 * the time of such an answer. Everything else, and every answer not kept, goes to the app.
 */
export class FrontCache {
  private parts: FrontCacheParts | null = null;
  private closing = false;

  /** Starts serving kept answers. */
  attach(parts: FrontCacheParts): void {
    this.parts = parts;
  }

  /** Stops: while the server closes, the app answers (503 for new requests). */
  close(): void {
    this.closing = true;
  }

  /** The HTTP server the app listens with: Fastify's own settings, this front before it. */
  readonly serverFactory: FastifyServerFactory = (handler, options) => {
    const server = createServer((request, response) => this.serve(request, response, handler));
    // As Fastify sets up its own server (lib/server.js), which a server factory replaces.
    const setting = (name: string) => {
      const value: unknown = options[name];
      return typeof value === 'number' ? value : undefined;
    };
    server.keepAliveTimeout = setting('keepAliveTimeout') ?? server.keepAliveTimeout;
    server.requestTimeout = setting('requestTimeout') ?? server.requestTimeout;
    server.setTimeout(setting('connectionTimeout') ?? 0);
    const perSocket = setting('maxRequestsPerSocket') ?? 0;
    if (perSocket > 0) server.maxRequestsPerSocket = perSocket;
    return server;
  };

  private serve(request: IncomingMessage, response: ServerResponse, app: RequestListener): void {
    const parts = this.parts;
    const url = request.url ?? '';
    if (parts === null || this.closing || request.method !== 'GET' || !parts.cache.holdsForAnyone(url) || request.headers.authorization !== undefined || SESSION.test(request.headers.cookie ?? '')) {
      app(request, response);
      return;
    }
    const started = performance.now();
    parts.cache.keptForAnyone(url).then(
      (kept) => {
        if (kept === null) return app(request, response);
        parts.cache.countFrontHit();
        const id = requestIdOf(request.headers['x-request-id']);
        const gzip = acceptsGzip(request.headers['accept-encoding']) ? gzipped(kept) : null;
        const length = gzip?.length ?? (kept.length ??= Buffer.byteLength(kept.body));
        const encoding = gzip === null ? {} : { 'content-encoding': 'gzip' };
        response.writeHead(200, { ...kept.headers, ...encoding, 'content-length': String(length), 'x-request-id': id, 'x-read-cache': 'hit' });
        response.end(gzip ?? kept.body);
        const seconds = (performance.now() - started) / 1000;
        parts.record('GET', kept.route, 200, seconds);
        if (REQUEST_LOG_LEVELS.has(parts.log.level)) parts.log.info({ reqId: id, req: { method: 'GET', url }, res: { statusCode: 200 }, responseTime: seconds * 1000 }, 'request completed');
      },
      // The version could not be read: the app answers, and reports the error its own way.
      () => app(request, response),
    );
  }
}
