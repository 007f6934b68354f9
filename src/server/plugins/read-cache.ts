import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip, gzipped, type Compressible } from './compression.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Answers may be served again while the database is unchanged (GET routes whose answer
     * depends on the reader, the URL and the data only). Answers to readers who are not signed
     * in are then served before routing (front-cache.ts), so such a route must not count or
     * limit requests (no rate limit) nor set cookies.
     */
    readCache?: boolean;
  }
  interface FastifyRequest {
    /** The data version read before a cacheable answer was computed; null when not cacheable. */
    readCacheVersion: string | null;
    /** Tells requests waiting for the same answer what it was (null: not kept, compute your own). */
    readCacheSettle: ((entry: Entry | null) => void) | null;
    /** The answer this request computed and kept, once sent. */
    readCacheKept: Entry | null;
  }
}

export interface ReadCacheOptions {
  /** The database's data version (DatabaseHandle.dataVersion). */
  dataVersion: () => Promise<string>;
  /** Most answers kept at once (default 5,000). */
  maxEntries?: number;
  /** Most bytes of answers kept at once (default 64 MiB), counted as text; their gzip forms come on top (about a quarter more). */
  maxBytes?: number;
}

export interface ReadCacheStats {
  hits: number;
  /** Of the hits, those served before routing (front-cache.ts). */
  frontHits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export interface Entry extends Compressible {
  contentType: string;
  /** The route pattern that computed it (for metrics). */
  route: string;
  /**
   * The headers it went out with, less those of one request (id, length, encoding), once it
   * was sent to a reader who is not signed in: such answers may be served before routing.
   */
  headers?: Record<string, string | string[]>;
  /** The body's length in bytes as UTF-8, once counted. */
  length?: number;
}

/** A kept answer that went out to a reader who is not signed in, with the headers it went out with. */
export type AnyonesEntry = Entry & { headers: Record<string, string | string[]> };

const wentToAnyone = (entry: Entry): entry is AnyonesEntry => entry.headers !== undefined;

/** The read cache as the rest of the server sees it. */
export interface ReadCache {
  stats(): ReadCacheStats;
  /** Whether an answer for readers who are not signed in is held for `url`, under whatever version: no database read. */
  holdsForAnyone(url: string): boolean;
  /** That answer under the data version read now; null when there is none. */
  keptForAnyone(url: string): Promise<AnyonesEntry | null>;
  /** Counts a kept answer served before routing. */
  countFrontHit(): void;
}

/** Headers of one request or one encoding, never replayed from a kept answer. */
const OWN_HEADERS = ['x-request-id', 'content-length', 'content-encoding', 'x-read-cache', 'date', 'connection', 'keep-alive'];

/**
 * Serves a GET route's last answer again while the database has not changed. Every answer is
 * keyed by reader and URL under the data version read before it was computed; when a request
 * reads another version, every kept answer is dropped (they all describe an older state). So
 * an answer is never older than the request, across processes and nodes: any write anywhere
 * moves the version. Routes opt in with `config: { readCache: true }`. See ADR 0008.
 *
 * Requests for an answer already being computed under the same version wait for it instead of
 * computing it again (after a write, or at a cold start, many readers ask for the same page at once).
 * Clients that accept gzip get a kept answer compressed, once per answer (compression.ts).
 */
export function installReadCache(app: FastifyInstance, options: ReadCacheOptions): ReadCache {
  const maxEntries = options.maxEntries ?? 5_000;
  const maxBytes = options.maxBytes ?? 64 * 1_048_576;
  let version: string | null = null;
  let entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let frontHits = 0;
  let misses = 0;
  /** Answers being computed: `version key` → the answer once sent. */
  const computing = new Map<string, Promise<Entry | null>>();

  const keyFor = (userId: string | null, url: string) => `${userId ?? '-'} ${url}`;
  const keyOf = (request: FastifyRequest) => keyFor(request.actor?.userId ?? null, request.url);
  // The kept object itself: its gzip form and length are filled in on first use.
  const anyones = (url: string): AnyonesEntry | null => {
    const kept = entries.get(keyFor(null, url));
    return kept !== undefined && wentToAnyone(kept) ? kept : null;
  };
  const observe = (seen: string) => {
    if (seen === version) return;
    version = seen;
    entries = new Map();
    bytes = 0;
  };

  const settle = (request: FastifyRequest, entry: Entry | null) => {
    const done = request.readCacheSettle;
    request.readCacheSettle = null;
    done?.(entry);
  };

  // The rule above as a guard: a rate-limited route would be limited only for signed-in readers.
  app.addHook('onRoute', (route) => {
    if (route.config?.readCache === true && route.config.rateLimit !== undefined) {
      throw new Error(`${route.method.toString()} ${route.url}: a route whose answers are kept (readCache) cannot be rate-limited; its anonymous answers go out before routing.`);
    }
  });
  app.decorateRequest('readCacheVersion', null);
  app.decorateRequest('readCacheSettle', null);
  app.decorateRequest('readCacheKept', null);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || request.routeOptions.config.readCache !== true) return;
    const seen = await options.dataVersion();
    observe(seen);
    const key = keyOf(request);
    const flight = `${seen} ${key}`;
    let kept = entries.get(key);
    // Looked up before any await (awaiting nothing would let the others past unregistered).
    const pending = kept === undefined ? computing.get(flight) : undefined;
    if (pending !== undefined) kept = (await pending) ?? undefined;
    if (kept === undefined) {
      misses++;
      request.readCacheVersion = seen;
      // Registered before any await, so readers arriving meanwhile find it.
      if (!computing.has(flight)) {
        computing.set(flight, new Promise<Entry | null>((resolve) => {
          request.readCacheSettle = (entry) => {
            computing.delete(flight);
            resolve(entry);
          };
        }));
      }
      return;
    }
    hits++;
    reply.code(200).header('content-type', kept.contentType).header('vary', 'accept-encoding').header('x-read-cache', 'hit');
    return reply.send(encoded(request, reply, kept));
  });
  // An answer that was not kept (an error, a closed connection) releases those waiting for it.
  app.addHook('onResponse', async (request, reply) => {
    settle(request, null);
    const kept = request.readCacheKept;
    // Only an answer to no one in particular, that set no cookie, may go to anyone before routing.
    if (kept === null || request.actor !== null || reply.hasHeader('set-cookie')) return;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !OWN_HEADERS.includes(name)) headers[name] = typeof value === 'number' ? String(value) : value;
    }
    kept.headers = headers;
  });
  app.addHook('onRequestAbort', async (request) => settle(request, null));
  app.addHook('onSend', async (request, reply, payload) => {
    const seen = request.readCacheVersion;
    // Only whole JSON answers computed under the version still current are kept.
    if (seen === null || seen !== version || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const size = payload.length * 2;
    const contentType = reply.getHeader('content-type');
    const entry: Entry = { body: payload, contentType: typeof contentType === 'string' ? contentType : 'application/json; charset=utf-8', route: request.routeOptions.url ?? request.url };
    settle(request, entry);
    reply.header('vary', 'accept-encoding');
    if (size > maxBytes / 16) return encoded(request, reply, entry);
    const key = keyOf(request);
    if (entries.size >= maxEntries || bytes + size > maxBytes) {
      entries = new Map();
      bytes = 0;
    }
    bytes -= (entries.get(key)?.body.length ?? 0) * 2;
    entries.set(key, entry);
    bytes += size;
    request.readCacheKept = entry;
    reply.header('x-read-cache', 'miss');
    return encoded(request, reply, entry);
  });
  return {
    stats: () => ({ hits, frontHits, misses, entries: entries.size, bytes }),
    holdsForAnyone: (url) => anyones(url) !== null,
    keptForAnyone: async (url) => {
      observe(await options.dataVersion());
      return anyones(url);
    },
    countFrontHit: () => {
      hits++;
      frontHits++;
    },
  };
}

/** The answer as this client takes it: gzip (made once per kept answer) or the text itself. */
function encoded(request: FastifyRequest, reply: FastifyReply, entry: Entry): string | Buffer {
  const gzip = acceptsGzip(request.headers['accept-encoding']) ? gzipped(entry) : null;
  if (gzip === null) return entry.body;
  reply.header('content-encoding', 'gzip');
  return gzip;
}
