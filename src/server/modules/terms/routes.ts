import { responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { IdParams } from '../initiatives/schemas.js';
import * as S from './schemas.js';
import type { TermsService } from './service.js';

const tags = ['terms'];

/** The terms of an initiative: draft, sealed versions, amendments, acceptance and history. */
export async function termsRoutes(app: App, opts: { terms: TermsService }) {
  const { terms } = opts;
  const params = IdParams;

  app.get('/api/v1/initiatives/:id/terms', {
    schema: { tags, summary: 'The terms in force (and the draft, for hosts before launch)', params, response: responses({ 200: S.TermsState }) },
  }, async (request) => terms.state(request.actor, request.params.id));

  app.put('/api/v1/initiatives/:id/terms', {
    schema: { tags, summary: 'Edit the draft terms (before launch; afterwards 409 terms_sealed)', params, body: S.Terms, response: responses({ 200: S.TermsState }) },
  }, async (request) => terms.putDraft(requireActor(request), request.params.id, request.body));

  app.post('/api/v1/initiatives/:id/terms/amendments', {
    schema: { tags, summary: 'Amend sealed terms: a new version, for later contributions only', params, body: S.AmendmentBody, response: responses({ 201: S.TermsState }) },
  }, async (request, reply) => reply.code(201).send(await terms.amend(requireActor(request), request.params.id, request.body)));

  app.post('/api/v1/initiatives/:id/terms/accept', {
    schema: { tags, summary: 'Accept the current version before contributing', params, body: S.AcceptBody, response: responses({ 200: S.Acceptance }) },
  }, async (request) => terms.accept(requireActor(request), request.params.id, request.body.version));

  app.get('/api/v1/initiatives/:id/terms/versions', {
    schema: { tags, summary: 'Every version with hash, reason, diff and acceptances, newest first', params, response: responses({ 200: S.History }) },
  }, async (request) => terms.history(request.actor, request.params.id));
}
