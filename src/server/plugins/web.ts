import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendNotFound } from './errors.js';

// src/server/plugins and dist/server/plugins are both three levels below the package root.
const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * Serves the built React app at `/`. Unknown non-API paths get index.html so the app's
 * router can handle them; unknown API paths get a JSON 404.
 */
export async function installWeb(app: FastifyInstance): Promise<void> {
  const built = existsSync(`${WEB_ROOT}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/metrics');
    if (!isPage) return sendNotFound(reply, request.method, request.url);
    if (!built) {
      return reply.code(503).type('text/plain').send('The web app is not built yet. Run `npm run build`, then reload.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
