import { responses, type App } from '../../lib/http.js';
import { PageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { Contribution } from '../contributions/schemas.js';
import * as S from './schemas.js';
import type { ThemesService } from './service.js';

const tags = ['themes'];
const params = S.ThemeParams;

/** Themes: hosts group an initiative's contributions; everyone who can read it sees them. */
export async function themeRoutes(app: App, opts: { themes: ThemesService }) {
  const { themes } = opts;

  app.post('/api/v1/initiatives/:id/themes', {
    schema: { tags, summary: 'Create a theme, optionally with its contributions (hosts)', params, body: S.CreateThemeBody, response: responses({ 201: S.Theme }) },
  }, async (request, reply) => reply.code(201).send(await themes.create(requireActor(request), request.params.id, request.body)));

  app.get('/api/v1/initiatives/:id/themes', {
    schema: { tags, summary: "The initiative's themes, oldest first, with how many contributions each holds", params, querystring: PageQuery, response: responses({ 200: S.ThemePage }) },
  }, async (request) => themes.list(request.actor, request.params.id, request.query));

  app.get('/api/v1/initiatives/:id/themes/suggestions', {
    schema: { tags, summary: 'Suggested groups of similar contributions without a theme, to confirm as themes (hosts)', params, querystring: S.NoQuery, response: responses({ 200: S.ThemeSuggestions }) },
  }, async (request) => themes.suggestions(requireActor(request), request.params.id));

  app.patch('/api/v1/themes/:id', {
    schema: { tags, summary: "Rename a theme or change its description (hosts)", params, body: S.UpdateThemeBody, response: responses({ 200: S.Theme }) },
  }, async (request) => themes.update(requireActor(request), request.params.id, request.body));

  app.put('/api/v1/contributions/:id/theme', {
    schema: { tags, summary: 'Put a contribution in a theme of its initiative, or take it out with null (hosts)', params, body: S.SetThemeBody, response: responses({ 200: Contribution }) },
  }, async (request) => themes.setTheme(requireActor(request), request.params.id, request.body.themeId));
}
