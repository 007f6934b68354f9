import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ApiError } from '../lib/http.js';

/** OpenAPI 3.1 generated from the route schemas; served at /api/openapi.json with a UI at /api/docs. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ApiError);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Moebius API',
        version: '1',
        description:
          'The Moebius co-creation platform. Authenticate with the session cookie (browser; send `X-CSRF-Token` on writes) or a personal API token (`Authorization: Bearer mbx_…`). Every error is `{"error": {"code", "message", "details"}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token from POST /api/v1/me/tokens.' },
          session: { type: 'apiKey', in: 'cookie', name: 'moebius_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
