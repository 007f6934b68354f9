import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { parseJson } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { NoContent, responses, type App } from '../../lib/http.js';
import { decodeCursor, encodeCursor, PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { OrgParams } from '../orgs/schemas.js';
import { DeadJobPage } from './schemas.js';
import type { OrgsService } from '../orgs/service.js';
import type { JobQueue } from './jobs.js';

const JobParams = Type.Object({ org: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** The dead-letter state, visible to the organisation's owners: what could not be delivered after every retry, and a way to try again. */
export class DeadLetters {
  constructor(
    private readonly ctx: Context,
    private readonly orgs: OrgsService,
    private readonly jobs: JobQueue,
  ) {}

  private async owner(actor: Actor, slug: string) {
    const { org, membership } = await this.orgs.access(actor, slug);
    if (membership?.role !== 'owner') throw forbidden('Only owners see what could not be delivered.');
    return org;
  }

  async list(actor: Actor, slug: string, query: PageQuery) {
    const org = await this.owner(actor, slug);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    let q = this.ctx.db.selectFrom('jobs').selectAll().where('orgId', '=', org.id).where('status', '=', 'dead');
    if (cursor) q = q.where('id', '<', String(cursor.id));
    const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((j) => ({ id: j.id, kind: j.kind, attempts: j.attempts, lastError: j.lastError, payload: parseJson(j.payload) as Record<string, unknown>, createdAt: j.createdAt, updatedAt: j.updatedAt })),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.id, id: last.id }) : null,
    };
  }

  async retry(actor: Actor, slug: string, id: string): Promise<void> {
    const org = await this.owner(actor, slug);
    const job = await this.ctx.db.selectFrom('jobs').select(['id', 'status']).where('id', '=', id).where('orgId', '=', org.id).executeTakeFirst();
    if (!job || job.status !== 'dead') throw notFound('A dead job');
    await this.jobs.retry(id);
  }
}

export async function deadLetterRoutes(app: App, opts: { deadLetters: DeadLetters }) {
  const tags = ['delivery'];
  app.get('/api/v1/orgs/:org/dead-jobs', {
    schema: { tags, summary: 'What could not be delivered after every retry (owners): e-mails, webhook deliveries', params: OrgParams, querystring: PageQuery, response: responses({ 200: DeadJobPage }) },
  }, async (request) => opts.deadLetters.list(requireActor(request), request.params.org, request.query));
  app.post('/api/v1/orgs/:org/dead-jobs/:id/retry', {
    schema: { tags, summary: 'Put a dead job back in the queue, to run now (owners)', params: JobParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await opts.deadLetters.retry(requireActor(request), request.params.org, request.params.id);
    return reply.code(204).send(null);
  });
}
