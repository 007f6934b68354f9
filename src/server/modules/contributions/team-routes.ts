import { Type } from 'typebox';
import { AppError } from '../../lib/errors.js';
import { NoContent, responses, type App } from '../../lib/http.js';
import { readForm, sendFile } from '../../lib/uploads.js';
import { requireActor } from '../../plugins/auth.js';
import type { MergeService } from './merge.js';
import * as S from './schemas.js';
import type { TeamService } from './team.js';

const tags = ['contributions'];

/** Co-authors, attachments, and merging duplicates. */
export async function teamRoutes(app: App, opts: { team: TeamService; merges: MergeService }) {
  const { team, merges } = opts;
  const byId = { params: S.ContributionParams };

  app.post('/api/v1/contributions/:id/coauthors', {
    schema: { tags, summary: 'Invite a member of the organisation to co-author (authors)', ...byId, body: S.CoauthorBody, response: responses({ 200: S.Contribution }) },
  }, async (request) => team.inviteCoauthor(requireActor(request), request.params.id, request.body.userId));

  app.post('/api/v1/contributions/:id/coauthors/me', {
    schema: { tags, summary: 'Accept or decline your invitation to co-author', ...byId, body: S.CoauthorAnswer, response: responses({ 200: S.Contribution }) },
  }, async (request) => team.answer(requireActor(request), request.params.id, request.body.accept));

  app.delete('/api/v1/contributions/:id/coauthors/:userId', {
    schema: { tags, summary: 'Remove a co-author or withdraw an invitation (the author), or leave (the co-author)', params: S.CoauthorParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await team.removeCoauthor(requireActor(request), request.params.id, request.params.userId);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/contributions/:id/attachments', {
    schema: {
      tags, summary: 'Attach a picture or PDF (up to 10 MB, type recognised from its bytes): multipart/form-data with the part `file` (authors)',
      ...byId, consumes: ['multipart/form-data'], response: responses({ 201: S.Attachment }),
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { fields, file } = await readForm(request);
    const unknown = Object.keys(fields)[0];
    if (unknown !== undefined) throw new AppError(422, 'validation_failed', `Unknown field "${unknown}".`, [{ path: `/${unknown}`, message: 'is not a known field', code: 'unknown_field' }]);
    return reply.code(201).send(await team.attach(actor, request.params.id, file));
  });

  app.get('/api/v1/attachments/:id/file', {
    schema: { tags, summary: 'Download an attachment of a contribution you may see', params: S.ContributionParams, response: responses({ 200: Type.Unsafe<unknown>({ description: 'The file, as uploaded.' }) }) },
  }, async (request, reply) => sendFile(reply, await team.file(request.actor, request.params.id)));

  app.post('/api/v1/contributions/:id/merge', {
    schema: { tags, summary: 'Merge this duplicate into another contribution (stewards): supports united, authors credited, undoable', ...byId, body: S.MergeBody, response: responses({ 200: S.Contribution }) },
  }, async (request) => merges.merge(requireActor(request), request.params.id, request.body.targetId, request.body.reason));

  app.post('/api/v1/contributions/:id/unmerge', {
    schema: { tags, summary: 'Undo a merge: both contributions return exactly as they were (stewards)', ...byId, response: responses({ 200: S.Contribution }) },
  }, async (request) => merges.unmerge(requireActor(request), request.params.id));
}
