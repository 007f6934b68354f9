import { responses, type App } from '../../lib/http.js';
import * as S from './schemas.js';
import type { SearchService } from './service.js';

const tags = ['search'];

/** Finding contributions: full-text search, and similar ones while someone writes. */
export async function searchRoutes(app: App, opts: { search: SearchService }) {
  const { search } = opts;

  app.get('/api/v1/search', {
    config: { readCache: true },
    schema: {
      tags, summary: 'Search contributions and comments you may see, best first, with highlighted snippets',
      querystring: S.SearchQuery, response: responses({ 200: S.SearchPage }),
    },
  }, async (request) => search.search(request.actor, request.query));

  app.post('/api/v1/initiatives/:id/contributions/similar', {
    schema: {
      tags, summary: 'Contributions like the one being written (before a duplicate is posted): visible, not hidden, not merged',
      params: S.IdParams, body: S.SimilarBody, response: responses({ 200: S.SimilarList }),
    },
  }, async (request) => search.similar(request.actor, request.params.id, request.body));
}
