import { NoContent, responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import * as S from './schemas.js';
import type { OrgsService } from './service.js';

const tags = ['organisations'];

/** Organisations and their members. */
export async function orgRoutes(app: App, opts: { orgs: OrgsService }) {
  const { orgs } = opts;

  app.post('/api/v1/orgs', {
    schema: { tags, summary: 'Create an organisation; you become its owner', body: S.CreateOrgBody, response: responses({ 201: S.Org }) },
  }, async (request, reply) => reply.code(201).send(await orgs.create(requireActor(request), request.body)));

  app.get('/api/v1/orgs', {
    schema: { tags, summary: 'The organisations you belong to', querystring: PageQuery, response: responses({ 200: S.OrgPage }) },
  }, async (request) => orgs.listMine(requireActor(request), request.query));

  app.get('/api/v1/orgs/:org', {
    schema: { tags, summary: 'An organisation (private ones are 404 to non-members)', params: S.OrgParams, response: responses({ 200: S.Org }) },
  }, async (request) => orgs.get(request.actor, request.params.org));

  app.patch('/api/v1/orgs/:org', {
    schema: { tags, summary: 'Change name, description or visibility (owners)', params: S.OrgParams, body: S.UpdateOrgBody, response: responses({ 200: S.Org }) },
  }, async (request) => orgs.update(requireActor(request), request.params.org, request.body));

  app.get('/api/v1/orgs/:org/members', {
    schema: { tags, summary: 'Members with their protagonist kind and role (members only)', params: S.OrgParams, querystring: PageQuery, response: responses({ 200: S.MemberPage }) },
  }, async (request) => orgs.listMembers(request.actor, request.params.org, request.query));

  app.patch('/api/v1/orgs/:org/members/:userId', {
    schema: { tags, summary: "Change a member's role or protagonist kind (owners)", params: S.MemberParams, body: S.ChangeMemberBody, response: responses({ 200: S.Member }) },
  }, async (request) => orgs.changeMember(requireActor(request), request.params.org, request.params.userId, request.body));

  app.delete('/api/v1/orgs/:org/members/:userId', {
    schema: { tags, summary: 'Remove a member (owners), or leave (your own user id)', params: S.MemberParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await orgs.removeMember(requireActor(request), request.params.org, request.params.userId);
    return reply.code(204).send(null);
  });
}
