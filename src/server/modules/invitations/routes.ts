import type { Config } from '../../config.js';
import { NoContent, responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { perHour, type RateLimits } from '../../lib/rate-limits.js';
import { requireActor, setSessionCookie } from '../../plugins/auth.js';
import { OrgParams } from '../orgs/schemas.js';
import * as S from './schemas.js';
import type { InvitationsService } from './service.js';

const tags = ['invitations'];

/** Invite by e-mail link, list, revoke; preview and accept with the link's token. */
export async function invitationRoutes(app: App, opts: { invitations: InvitationsService; config: Config; rateLimits: RateLimits }) {
  const { invitations } = opts;

  app.post('/api/v1/orgs/:org/invitations', {
    schema: { tags, summary: 'Invite someone by e-mail (owners; stewards for member and observer)', params: OrgParams, body: S.CreateInvitationBody, response: responses({ 201: S.CreatedInvitation }) },
  }, async (request, reply) => reply.code(201).send(await invitations.create(requireActor(request), request.params.org, request.body)));

  app.get('/api/v1/orgs/:org/invitations', {
    schema: { tags, summary: 'Invitations, newest first (owners and stewards)', params: OrgParams, querystring: PageQuery, response: responses({ 200: S.InvitationPage }) },
  }, async (request) => invitations.list(requireActor(request), request.params.org, request.query));

  app.delete('/api/v1/orgs/:org/invitations/:id', {
    schema: { tags, summary: 'Withdraw a pending invitation', params: S.InvitationParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await invitations.revoke(requireActor(request), request.params.org, request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/invitations/:token', {
    config: perHour(opts.rateLimits.signup * 10),
    schema: { tags, summary: 'What an invitation link offers', params: S.TokenParams, response: responses({ 200: S.InvitationPreview }) },
  }, async (request) => invitations.preview(request.params.token));

  app.post('/api/v1/invitations/:token/accept', {
    config: perHour(opts.rateLimits.signup),
    schema: {
      tags,
      summary: 'Accept: signed in, join as yourself; otherwise send name and password to create your account',
      params: S.TokenParams,
      body: S.AcceptBodyOrEmpty,
      response: responses({ 200: S.AcceptResponse }),
    },
    // An empty POST (no body) accepts as the signed-in person.
    preValidation: async (request) => {
      if (request.body === undefined) request.body = null;
    },
  }, async (request, reply) => {
    const body = request.body ?? undefined;
    const accepted = await invitations.accept(request.params.token, request.actor, body, request.headers['user-agent'] ?? null);
    if (accepted.session !== null) setSessionCookie(reply, opts.config, accepted.session.sessionToken);
    return { org: accepted.org, user: accepted.user, csrfToken: accepted.session?.csrfToken ?? request.actor?.csrfToken ?? null };
  });
}
