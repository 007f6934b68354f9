import { responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { ContributionParams } from '../contributions/schemas.js';
import * as S from './schemas.js';
import type { CommentsService } from './service.js';

const tags = ['comments'];

/** The conversation on a contribution. */
export async function commentRoutes(app: App, opts: { comments: CommentsService }) {
  const { comments } = opts;

  app.post('/api/v1/contributions/:id/comments', {
    schema: { tags, summary: 'Comment on a contribution, or reply to a comment (two levels; phase and terms apply)', params: ContributionParams, body: S.CreateCommentBody, response: responses({ 201: S.Comment }) },
  }, async (request, reply) => reply.code(201).send(await comments.create(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/contributions/:id/comments', {
    config: { readCache: true },
    schema: { tags, summary: 'Threads oldest first, each with its replies', params: ContributionParams, querystring: PageQuery, response: responses({ 200: S.ThreadPage }) },
  }, async (request) => comments.list(request.actor, request.params.id, request.query));

  app.patch('/api/v1/comments/:id', {
    schema: { tags, summary: 'Edit your comment; the earlier text is kept', params: S.CommentParams, body: S.UpdateCommentBody, response: responses({ 200: S.Comment }) },
  }, async (request) => comments.update(requireActor(request), request.params.id, request.body.body));

  app.get('/api/v1/comments/:id/revisions', {
    schema: { tags, summary: 'Every version of a comment, oldest first', params: S.CommentParams, response: responses({ 200: S.CommentRevisions }) },
  }, async (request) => comments.revisions(request.actor, request.params.id));
}
