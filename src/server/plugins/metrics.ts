import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ReadCacheStats } from './read-cache.js';

/** Counts one answered request: its method, route pattern, status and duration in seconds. */
export type RecordRequest = (method: string, route: string, status: number, seconds: number) => void;

/**
 * Prometheus text at /metrics: process metrics and a request-duration histogram by route.
 * Returns the recorder, for answers sent before routing (front-cache.ts).
 */
export function installMetrics(app: FastifyInstance, readCache: (() => ReadCacheStats) | null): RecordRequest {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'moebius_' });
  if (readCache !== null) installReadCacheGauges(registry, readCache);
  const duration = new Histogram({
    name: 'moebius_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const record: RecordRequest = (method, route, status, seconds) => duration.observe({ method, route, status: String(status) }, seconds);
  app.addHook('onResponse', async (request, reply) => record(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000));
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return record;
}

const READ_CACHE_GAUGES: Record<keyof ReadCacheStats, string> = {
  hits: 'Answers served again from the read cache since start.',
  frontHits: 'Of those, answers served before routing to readers who are not signed in.',
  misses: 'Answers computed for a cacheable route since start.',
  entries: 'Answers kept now.',
  bytes: 'Bytes of answers kept now (as text).',
};

/** The read cache's counts, read when Prometheus scrapes. */
function installReadCacheGauges(registry: Registry, stats: () => ReadCacheStats): void {
  for (const [key, help] of Object.entries(READ_CACHE_GAUGES) as [keyof ReadCacheStats, string][]) {
    const name = `moebius_read_cache_${key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
    new Gauge({ name, help, registers: [registry], collect() { this.set(stats()[key]); } });
  }
}
