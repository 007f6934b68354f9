import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers may be served again while the database is unchanged (GET routes whose answer depends on the reader, the URL and the data only). */
    readCache?: boolean;
  }
  interface FastifyRequest {
    /** The data version read before a cacheable answer was computed; null when not cacheable. */
    readCacheVersion: string | null;
  }
}

export interface ReadCacheOptions {
  /** The database's data version (DatabaseHandle.dataVersion). */
  dataVersion: () => Promise<string>;
  /** Most answers kept at once (default 5,000). */
  maxEntries?: number;
  /** Most bytes of answers kept at once (default 64 MiB). */
  maxBytes?: number;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

interface Entry {
  body: string;
  contentType: string;
}

/**
 * Serves a GET route's last answer again while the database has not changed. Every answer is
 * keyed by reader and URL under the data version read before it was computed; when a request
 * reads another version, every kept answer is dropped (they all describe an older state). So
 * an answer is never older than the request, across processes and nodes: any write anywhere
 * moves the version. Routes opt in with `config: { readCache: true }`. See ADR 0008.
 */
export function installReadCache(app: FastifyInstance, options: ReadCacheOptions): () => ReadCacheStats {
  const maxEntries = options.maxEntries ?? 5_000;
  const maxBytes = options.maxBytes ?? 64 * 1_048_576;
  let version: string | null = null;
  let entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const keyOf = (request: FastifyRequest) => `${request.actor?.userId ?? '-'} ${request.url}`;
  const observe = (seen: string) => {
    if (seen === version) return;
    version = seen;
    entries = new Map();
    bytes = 0;
  };

  app.decorateRequest('readCacheVersion', null);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || request.routeOptions.config.readCache !== true) return;
    const seen = await options.dataVersion();
    observe(seen);
    const kept = entries.get(keyOf(request));
    if (kept === undefined) {
      misses++;
      request.readCacheVersion = seen;
      return;
    }
    hits++;
    return reply.code(200).header('content-type', kept.contentType).header('x-read-cache', 'hit').send(kept.body);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const seen = request.readCacheVersion;
    // Only whole JSON answers computed under the version still current are kept.
    if (seen === null || seen !== version || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const size = payload.length * 2;
    if (size > maxBytes / 16) return payload;
    const key = keyOf(request);
    if (entries.size >= maxEntries || bytes + size > maxBytes) {
      entries = new Map();
      bytes = 0;
    }
    const contentType = reply.getHeader('content-type');
    bytes -= (entries.get(key)?.body.length ?? 0) * 2;
    entries.set(key, { body: payload, contentType: typeof contentType === 'string' ? contentType : 'application/json; charset=utf-8' });
    bytes += size;
    reply.header('x-read-cache', 'miss');
    return payload;
  });
  return () => ({ hits, misses, entries: entries.size, bytes });
}
