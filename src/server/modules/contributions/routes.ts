import { responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import type { Context } from '../../context.js';
import { IdParams } from '../initiatives/schemas.js';
import type { InitiativesService } from '../initiatives/service.js';
import { listContributions } from './feed.js';
import * as S from './schemas.js';
import type { ContributionsService } from './service.js';
import type { SupportService } from './support.js';

const tags = ['contributions'];

/** Experiences, ideas and builds: write, read, revise, find, support and follow. */
export async function contributionRoutes(app: App, opts: { ctx: Context; initiatives: InitiativesService; contributions: ContributionsService; support: SupportService }) {
  const { contributions, support } = opts;
  const byId = { params: S.ContributionParams };

  app.post('/api/v1/initiatives/:id/contributions', {
    schema: {
      tags, summary: 'Tell an experience, propose an idea or build on contributions (phase, audience and accepted terms apply)',
      params: IdParams, body: S.CreateContributionBody, response: responses({ 201: S.Contribution }),
    },
  }, async (request, reply) => reply.code(201).send(await contributions.create(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/initiatives/:id/contributions', {
    config: { readCache: true },
    schema: { tags, summary: "The initiative's contributions: sorted (top, new, trending, controversial, unanswered, discussed), filtered, paged", params: IdParams, querystring: S.ListQuery, response: responses({ 200: S.ContributionPage }) },
  }, async (request) => listContributions(opts.ctx, opts.initiatives, request.actor, request.params.id, request.query));

  app.get('/api/v1/contributions/:id', {
    config: { readCache: true },
    schema: { tags, summary: 'A contribution with its links, authors, attachments and your part in it', ...byId, response: responses({ 200: S.Contribution }) },
  }, async (request) => contributions.get(request.actor, request.params.id));

  app.patch('/api/v1/contributions/:id', {
    schema: { tags, summary: 'Edit a contribution (its authors); every edit is a revision', ...byId, body: S.UpdateContributionBody, response: responses({ 200: S.Contribution }) },
  }, async (request) => contributions.update(requireActor(request), request.params.id, request.body));

  app.get('/api/v1/contributions/:id/revisions', {
    schema: { tags, summary: 'Every revision, oldest first, with word diffs', ...byId, response: responses({ 200: S.RevisionList }) },
  }, async (request) => contributions.revisions(request.actor, request.params.id));

  app.get('/api/v1/contributions/:id/lineage', {
    schema: { tags, summary: 'What it answers, cites and builds on, and what cites, builds on or was merged into it', ...byId, response: responses({ 200: S.Lineage }) },
  }, async (request) => contributions.lineage(request.actor, request.params.id));

  app.post('/api/v1/contributions/:id/support', {
    schema: { tags, summary: 'Support a contribution (once per person; idempotent)', ...byId, response: responses({ 200: S.SupportState }) },
  }, async (request) => support.support(requireActor(request), request.params.id));

  app.delete('/api/v1/contributions/:id/support', {
    schema: { tags, summary: 'Retract your support', ...byId, response: responses({ 200: S.SupportState }) },
  }, async (request) => support.retract(requireActor(request), request.params.id));

  app.post('/api/v1/contributions/:id/follow', {
    schema: { tags, summary: 'Follow a contribution', ...byId, response: responses({ 200: S.FollowState }) },
  }, async (request) => support.followContribution(requireActor(request), request.params.id, true));

  app.delete('/api/v1/contributions/:id/follow', {
    schema: { tags, summary: 'Stop following a contribution', ...byId, response: responses({ 200: S.FollowState }) },
  }, async (request) => support.followContribution(requireActor(request), request.params.id, false));

  app.get('/api/v1/initiatives/:id/follow', {
    schema: { tags, summary: 'Whether you follow the initiative', params: IdParams, response: responses({ 200: S.FollowState }) },
  }, async (request) => support.isFollowingInitiative(request.actor, request.params.id));

  app.post('/api/v1/initiatives/:id/follow', {
    schema: { tags, summary: 'Follow an initiative', params: IdParams, response: responses({ 200: S.FollowState }) },
  }, async (request) => support.followInitiative(requireActor(request), request.params.id, true));

  app.delete('/api/v1/initiatives/:id/follow', {
    schema: { tags, summary: 'Stop following an initiative', params: IdParams, response: responses({ 200: S.FollowState }) },
  }, async (request) => support.followInitiative(requireActor(request), request.params.id, false));
}
