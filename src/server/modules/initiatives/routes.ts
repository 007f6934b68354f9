import { NoContent, responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { OrgParams } from '../orgs/schemas.js';
import type { InitiativeLifecycle } from './lifecycle.js';
import { Participation, type ParticipationGate } from './participation.js';
import { StyleMap, styleMap } from './style-map.js';
import { AddInviteeBody, InviteeList, InviteeParams, type InviteesService } from './invitees.js';
import type { Context } from '../../context.js';
import type { OrgsService } from '../orgs/service.js';
import * as S from './schemas.js';
import type { InitiativesService } from './service.js';

const tags = ['initiatives'];

/** Initiatives: charter fields, lifecycle, phase timeline and the participation gate. */
export async function initiativeRoutes(app: App, opts: { initiatives: InitiativesService; lifecycle: InitiativeLifecycle; gate: ParticipationGate; ctx: Context; orgs: OrgsService; invitees: InviteesService }) {
  const { initiatives, lifecycle, gate } = opts;
  const byId = { params: S.IdParams };

  app.post('/api/v1/orgs/:org/initiatives', {
    schema: { tags, summary: 'Start an initiative as a draft (owners and stewards)', params: OrgParams, body: S.CreateInitiativeBody, response: responses({ 201: S.Initiative }) },
  }, async (request, reply) => reply.code(201).send(await initiatives.create(requireActor(request), request.params.org, request.body)));

  app.get('/api/v1/orgs/:org/initiatives', {
    schema: { tags, summary: "The organisation's initiatives you may see, newest first", params: OrgParams, querystring: S.ListQuery, response: responses({ 200: S.InitiativePage }) },
  }, async (request) => initiatives.list(request.actor, request.params.org, request.query));

  app.get('/api/v1/orgs/:org/style-map', {
    schema: { tags, summary: 'Initiatives you may see on the style map: locus × adaptability, with counts', params: OrgParams, response: responses({ 200: StyleMap }) },
  }, async (request) => styleMap(opts.ctx, opts.orgs, request.actor, request.params.org));

  app.get('/api/v1/initiatives/:id', {
    config: { readCache: true },
    schema: { tags, summary: 'An initiative with its timeline (hidden ones are 404)', ...byId, response: responses({ 200: S.Initiative }) },
  }, async (request) => initiatives.get(request.actor, request.params.id));

  app.patch('/api/v1/initiatives/:id', {
    schema: { tags, summary: 'Change charter fields or stewards (hosts)', ...byId, body: S.UpdateInitiativeBody, response: responses({ 200: S.Initiative }) },
  }, async (request) => initiatives.update(requireActor(request), request.params.id, request.body));

  app.delete('/api/v1/initiatives/:id', {
    schema: { tags, summary: 'Discard a draft (a launched initiative is never deleted)', ...byId, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await lifecycle.discard(requireActor(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.put('/api/v1/initiatives/:id/phases', {
    schema: { tags, summary: 'Plan the phase timeline (before launch)', ...byId, body: S.PhasesBody, response: responses({ 200: S.Initiative }) },
  }, async (request) => lifecycle.setPhases(requireActor(request), request.params.id, request.body));

  app.post('/api/v1/initiatives/:id/phases/current', {
    schema: { tags, summary: 'Move to a later phase', ...byId, body: S.AdvanceBody, response: responses({ 200: S.Initiative }) },
  }, async (request) => lifecycle.advance(requireActor(request), request.params.id, request.body.phaseId));

  for (const step of ['launch', 'close', 'archive'] as const) {
    app.post(`/api/v1/initiatives/:id/${step}`, {
      schema: { tags, summary: step === 'launch' ? 'Launch: seal terms version 1 and open the first phase' : `${step.charAt(0).toUpperCase()}${step.slice(1)} the initiative`, ...byId, response: responses({ 200: S.Initiative }) },
    }, async (request) => lifecycle[step](requireActor(request), request.params.id));
  }

  app.get('/api/v1/initiatives/:id/invitees', {
    schema: { tags, summary: 'Members invited to an invite-only initiative (hosts)', ...byId, response: responses({ 200: InviteeList }) },
  }, async (request) => opts.invitees.list(requireActor(request), request.params.id));

  app.post('/api/v1/initiatives/:id/invitees', {
    schema: { tags, summary: 'Invite a member of the organisation to an invite-only initiative (hosts)', ...byId, body: AddInviteeBody, response: responses({ 200: InviteeList }) },
  }, async (request) => opts.invitees.add(requireActor(request), request.params.id, request.body.userId));

  app.delete('/api/v1/initiatives/:id/invitees/:userId', {
    schema: { tags, summary: 'Withdraw an invitation to an initiative (hosts)', params: InviteeParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await opts.invitees.remove(requireActor(request), request.params.id, request.params.userId);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/initiatives/:id/participation', {
    schema: { tags, summary: 'What you may do now, and why not (phase, audience, terms)', ...byId, response: responses({ 200: Participation }) },
  }, async (request) => gate.describe(request.actor, request.params.id));
}
