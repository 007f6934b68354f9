import { Type } from 'typebox';
import type { App } from '../lib/http.js';
import { isReachable, type Db } from '../db/database.js';

const Status = Type.Object({ status: Type.String() });
const Ready = Type.Object({
  status: Type.String(),
  warm: Type.Boolean({ description: 'The in-memory indexes of the open initiatives are built (similar while writing); false while they build after a start.' }),
});

/** /healthz: the process is up. /readyz: it can reach its database (and says whether it is warm). */
export function installHealth(app: App, db: Db, warm: () => boolean): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], response: { 200: Ready, 503: Status } } }, async (_request, reply) => {
    if (await isReachable(db)) return { status: 'ok', warm: warm() };
    return reply.code(503).send({ status: 'database_unreachable' });
  });
}
