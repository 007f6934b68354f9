import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/test-app.js';

interface OpenApi { openapi: string; paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>; components: { schemas?: Record<string, unknown> } }

describeEachDatabase('operations', (t) => {
  it('answers /healthz and /readyz, which says when the similar index is warm', async () => {
    expect((await t().client().get('/healthz')).body).toEqual({ status: 'ok' });
    // The test app never warms on its own (the server does, after it listens).
    expect((await t().client().get('/readyz')).body).toEqual({ status: 'ok', warm: false });
    await t().services.similarIndex.warm(() => false);
    expect((await t().client().get('/readyz')).body).toEqual({ status: 'ok', warm: true });
  });

  it('serves Prometheus metrics with request durations by route', async () => {
    await t().client().get('/healthz');
    const response = await t().app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('moebius_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/healthz"');
    expect(response.body).toContain('moebius_process_resident_memory_bytes');
  });

  it('gives every response a request id, and keeps a sane one it was given', async () => {
    const generated = await t().client().get('/healthz');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t().client().get('/healthz', { 'x-request-id': 'trace-123' });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const hostile = await t().client().get('/healthz', { 'x-request-id': 'x\u0000'.repeat(50) });
    expect(hostile.headers['x-request-id']).not.toContain('\u0000');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t().client().get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'route_not_found' } });
  });

  describe('OpenAPI', () => {
    it('publishes OpenAPI 3.1 where every operation declares its success and error responses', async () => {
      const response = await t().client().get<OpenApi>('/api/openapi.json');
      expect(response.status).toBe(200);
      const spec = response.body;
      expect(spec.openapi).toBe('3.1.0');
      const operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
      expect(operations.length).toBeGreaterThan(20);
      for (const { path, method, op } of operations) {
        const codes = Object.keys(op.responses ?? {});
        expect(codes.some((c) => c.startsWith('2')), `${method} ${path} declares a 2xx`).toBe(true);
        if (path.startsWith('/api/')) expect(codes, `${method} ${path} declares 422`).toContain('422');
      }
      expect(spec.paths['/api/v1/orgs/{org}/invitations']).toBeDefined();
      expect(JSON.stringify(spec)).toContain('ApiError');
    });

    it('serves the docs UI', async () => {
      const response = await t().app.inject({ method: 'GET', url: '/api/docs/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('swagger');
    });
  });
});
