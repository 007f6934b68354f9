import { Type } from 'typebox';
import type { App } from '../lib/http.js';
import { isReachable, type Db } from '../db/database.js';

const Status = Type.Object({ status: Type.String() });

/** /healthz: the process is up. /readyz: it can reach its database. */
export function installHealth(app: App, db: Db): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], response: { 200: Status, 503: Status } } }, async (_request, reply) => {
    if (await isReachable(db)) return { status: 'ok' };
    return reply.code(503).send({ status: 'database_unreachable' });
  });
}
