import type { Context } from '../../context.js';
import { responses as declare, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { ContributionParams } from '../contributions/schemas.js';
import { IdParams } from '../initiatives/schemas.js';
import type { InitiativesService } from '../initiatives/service.js';
import { accountability } from './accountability.js';
import { responseTimes, waitingQueue } from './metrics.js';
import * as S from './schemas.js';
import type { ResponsesService } from './service.js';
import type { UpdatesService } from './updates.js';

const tags = ['responses and updates'];

/** The shortest path from ear to mouth: responses, their timing, progress updates, and what came of the input. */
export async function responseRoutes(app: App, opts: { ctx: Context; initiatives: InitiativesService; responses: ResponsesService; updates: UpdatesService }) {
  const { ctx, initiatives, responses, updates } = opts;

  app.post('/api/v1/contributions/:id/responses', {
    schema: { tags, summary: 'Respond to a contribution with a status (stewards); declined and not_now need a reason', params: ContributionParams, body: S.RespondBody, response: declare({ 201: S.Response }) },
  }, async (request, reply) => reply.code(201).send(await responses.respond(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/contributions/:id/responses', {
    schema: { tags, summary: "The contribution's responses, oldest first (public with the contribution)", params: ContributionParams, response: declare({ 200: S.ResponseList }) },
  }, async (request) => responses.history(request.actor, request.params.id));

  app.put('/api/v1/initiatives/:id/response-target', {
    schema: { tags, summary: 'Set the target time to a first response, in hours (hosts; default 7 days)', params: IdParams, body: S.TargetBody, response: declare({ 200: S.TargetBody }) },
  }, async (request) => responses.setTarget(requireActor(request), request.params.id, request.body.hours));

  app.get('/api/v1/initiatives/:id/response-times', {
    schema: { tags, summary: 'Median and 90th-percentile time to first response, and the share answered within target', params: IdParams, response: declare({ 200: S.ResponseTimes }) },
  }, async (request) => responseTimes(ctx, initiatives, request.actor, request.params.id));

  app.get('/api/v1/initiatives/:id/unanswered', {
    schema: { tags, summary: 'Contributions waiting for a first response, longest waiting first (stewards)', params: IdParams, querystring: PageQuery, response: declare({ 200: S.WaitingPage }) },
  }, async (request) => waitingQueue(ctx, initiatives, requireActor(request), request.params.id, request.query));

  app.post('/api/v1/initiatives/:id/updates', {
    schema: { tags, summary: 'Publish a progress update, optionally about some contributions (hosts)', params: IdParams, body: S.CreateUpdateBody, response: declare({ 201: S.Update }) },
  }, async (request, reply) => reply.code(201).send(await updates.publish(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/initiatives/:id/updates', {
    schema: { tags, summary: "The initiative's updates, newest first", params: IdParams, querystring: PageQuery, response: declare({ 200: S.UpdatePage }) },
  }, async (request) => updates.list(request.actor, request.params.id, request.query));

  app.get('/api/v1/updates/:id', {
    schema: { tags, summary: 'One update', params: IdParams, response: declare({ 200: S.Update }) },
  }, async (request) => updates.get(request.actor, request.params.id));

  app.get('/api/v1/initiatives/:id/accountability', {
    schema: { tags, summary: 'What we did with your input: contributions by status, with responses and linked updates', params: IdParams, response: declare({ 200: S.Accountability }) },
  }, async (request) => accountability(ctx, initiatives, request.actor, request.params.id));
}
