import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installReadCache } from './read-cache.js';

describe('installReadCache', () => {
  it('refuses a kept route that is also rate-limited: its anonymous answers would skip the limit', async () => {
    const app = Fastify();
    installReadCache(app, { dataVersion: async () => '1' });
    expect(() => app.get('/limited', { config: { readCache: true, rateLimit: { max: 5, timeWindow: 60_000 } } }, async () => ({}))).toThrow(/cannot be rate-limited/);
    // Either alone is fine.
    app.get('/kept', { config: { readCache: true } }, async () => ({}));
    app.get('/limited-only', { config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async () => ({}));
    await app.close();
  });
});
