import { NoContent, responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { perMinute, type RateLimits } from '../../lib/rate-limits.js';
import { clearSessionCookie, requireActor } from '../../plugins/auth.js';
import { OrgParams } from '../orgs/schemas.js';
import type { Moderation } from './module.js';
import * as S from './schemas.js';

/** Blocking a person from an organisation, and erasing your own account. */
export async function peopleModerationRoutes(app: App, opts: { moderation: Moderation; rateLimits: RateLimits }) {
  const { blocks, erasure } = opts.moderation;
  const tags = ['moderation'];

  app.post('/api/v1/orgs/:org/blocks', {
    schema: { tags, summary: 'Block a member from contributing, supporting and commenting; they keep their membership and content (owners, stewards)', params: OrgParams, body: S.BlockBody, response: responses({ 201: S.Block }) },
  }, async (request, reply) => reply.code(201).send(await blocks.block(requireActor(request), request.params.org, request.body)));

  app.get('/api/v1/orgs/:org/blocks', {
    schema: { tags, summary: "The organisation's blocked people, oldest first (owners, stewards)", params: OrgParams, querystring: PageQuery, response: responses({ 200: S.BlockPage }) },
  }, async (request) => blocks.list(requireActor(request), request.params.org, request.query));

  app.delete('/api/v1/orgs/:org/blocks/:userId', {
    schema: { tags, summary: 'Lift a block (owners, stewards)', params: S.BlockParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await blocks.unblock(requireActor(request), request.params.org, request.params.userId);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/me/erasure', {
    config: perMinute(opts.rateLimits.login),
    schema: {
      tags: ['accounts'], summary: 'Erase your account: you become "Former participant", you are signed out everywhere, what you wrote stays',
      body: S.ErasureBody, response: responses({ 204: NoContent }),
    },
  }, async (request, reply) => {
    await erasure.erase(requireActor(request), request.body.password);
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });
}
