import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TestApp } from '../support/test-app.js';
import { dialects } from '../support/databases.js';

const webBuilt = existsSync(join(import.meta.dirname, '../../dist/web/index.html'));

for (const dialect of dialects()) {
  it(`/readyz answers 503 when the database is gone [${dialect}]`, async () => {
    const t = await TestApp.start(dialect);
    try {
      expect((await t.client().get('/readyz')).status).toBe(200);
      await t.database.db.destroy();
      const response = await t.client().get('/readyz');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'database_unreachable' });
      expect((await t.client().get('/healthz')).status).toBe(200);
    } finally {
      await t.app.close();
      await t.close().catch(() => undefined);
    }
  });
}

it('serves the web app for page paths and JSON 404s for API paths', async () => {
  const t = await TestApp.start('sqlite');
  try {
    const page = await t.app.inject({ method: 'GET', url: '/orgs/acme/members' });
    if (webBuilt) {
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root">');
    } else {
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build');
    }
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/orgs/acme/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'route_not_found' } });
    const post = await t.app.inject({ method: 'POST', url: '/somewhere' });
    expect(post.statusCode).toBe(404);
  } finally {
    await t.close();
  }
});
