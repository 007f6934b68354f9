import type { Context } from '../../context.js';
import { responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { IdParams } from '../initiatives/schemas.js';
import { myHidden } from './mine.js';
import type { Moderation } from './module.js';
import * as S from './schemas.js';

const tags = ['moderation'];

/** Moderation without destruction: flags, hiding with a reason, appeals and bulk actions. */
export async function moderationRoutes(app: App, opts: { ctx: Context; moderation: Moderation }) {
  const { flags, hiding, appeals, bulk } = opts.moderation;
  const params = S.SubjectParams;

  for (const type of S.SUBJECT_TYPES) {
    const base = `/api/v1/${type}s/:id`;

    app.post(`${base}/flags`, {
      schema: { tags, summary: `Flag a ${type} for the hosts (one open flag per person; a note is required for "other")`, params, body: S.FlagBody, response: responses({ 201: S.Flag }) },
    }, async (request, reply) => reply.code(201).send(await flags.flag(requireActor(request), type, request.params.id, request.body)));

    app.post(`${base}/hide`, {
      schema: { tags, summary: `Hide a ${type} with a reason its author reads (hosts); nothing is deleted, open flags are resolved`, params, body: S.HideBody, response: responses({ 200: S.ModerationState }) },
    }, async (request) => hiding.hide(requireActor(request), type, request.params.id, request.body.reason));

    app.post(`${base}/unhide`, {
      schema: { tags, summary: `Show a hidden ${type} again (hosts); an open appeal is upheld with it`, params, response: responses({ 200: S.ModerationState }) },
    }, async (request) => hiding.unhide(requireActor(request), type, request.params.id));

    app.post(`${base}/appeals`, {
      schema: { tags, summary: `Appeal the hiding of your ${type} (its author; one open appeal at a time)`, params, body: S.AppealBody, response: responses({ 201: S.Appeal }) },
    }, async (request, reply) => reply.code(201).send(await appeals.appeal(requireActor(request), type, request.params.id, request.body.text)));
  }

  app.get('/api/v1/initiatives/:id/moderation/flags', {
    schema: { tags, summary: 'Open flags grouped by what they flag, with counts and reasons, the longest waiting first (hosts)', params: IdParams, querystring: PageQuery, response: responses({ 200: S.FlagQueue }) },
  }, async (request) => flags.queue(requireActor(request), request.params.id, request.query));

  app.post('/api/v1/initiatives/:id/moderation/flags/dismiss', {
    schema: { tags, summary: "Dismiss a contribution's or comment's open flags: nothing wrong (hosts)", params: IdParams, body: S.DismissBody, response: responses({ 200: S.Dismissed }) },
  }, async (request) => flags.dismiss(requireActor(request), request.params.id, request.body.subjectId));

  app.get('/api/v1/initiatives/:id/moderation/appeals', {
    schema: { tags, summary: 'Appeals with one status (open by default), oldest first (hosts)', params: IdParams, querystring: S.AppealsQuery, response: responses({ 200: S.AppealPage }) },
  }, async (request) => appeals.list(requireActor(request), request.params.id, request.query));

  app.post('/api/v1/appeals/:id/decision', {
    schema: { tags, summary: 'Decide an appeal (hosts): upheld shows it again, rejected keeps it hidden; the author reads the note', params: IdParams, body: S.DecisionBody, response: responses({ 200: S.Appeal }) },
  }, async (request) => appeals.decide(requireActor(request), request.params.id, request.body));

  app.post('/api/v1/initiatives/:id/moderation/bulk', {
    schema: { tags, summary: 'Hide, unhide or dismiss flags on up to 100 items of the initiative, each on its own (hosts)', params: IdParams, body: S.BulkBody, response: responses({ 200: S.BulkResult }) },
  }, async (request) => bulk.run(requireActor(request), request.params.id, request.body));

  app.get('/api/v1/me/moderation', {
    schema: { tags, summary: 'Your hidden contributions and comments, with the reason and where your appeal stands', querystring: PageQuery, response: responses({ 200: S.MyModerationPage }) },
  }, async (request) => myHidden(opts.ctx.db, requireActor(request), request.query));
}
