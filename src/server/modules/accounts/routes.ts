import type { Config } from '../../config.js';
import { NoContent, responses, type App } from '../../lib/http.js';
import { perHour, perMinute, type RateLimits } from '../../lib/rate-limits.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../plugins/auth.js';
import * as S from './schemas.js';
import type { AccountsService } from './service.js';

const tags = ['accounts'];

/** Sign-up, login, logout, the signed-in person and their personal API tokens. */
export async function accountRoutes(app: App, opts: { accounts: AccountsService; config: Config; rateLimits: RateLimits }) {
  const { accounts, config } = opts;
  const userAgent = (ua: string | undefined) => ua ?? null;

  app.post('/api/v1/auth/signup', {
    config: perHour(opts.rateLimits.signup),
    schema: { tags, summary: 'Create an account and sign in', body: S.SignupBody, response: responses({ 201: S.SessionResponse }) },
  }, async (request, reply) => {
    const started = await accounts.signup(request.body, userAgent(request.headers['user-agent']));
    setSessionCookie(reply, config, started.sessionToken);
    return reply.code(201).send({ user: started.user, csrfToken: started.csrfToken });
  });

  app.post('/api/v1/auth/login', {
    config: perMinute(opts.rateLimits.login),
    schema: { tags, summary: 'Sign in with e-mail and password', body: S.LoginBody, response: responses({ 200: S.SessionResponse }) },
  }, async (request, reply) => {
    const started = await accounts.login(request.body, userAgent(request.headers['user-agent']));
    setSessionCookie(reply, config, started.sessionToken);
    return { user: started.user, csrfToken: started.csrfToken };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'Sign out of this session', response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    if (request.actor) await accounts.logout(request.actor);
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/me', {
    schema: { tags, summary: 'The signed-in person', response: responses({ 200: S.SessionResponse }) },
  }, async (request) => {
    const actor = requireActor(request);
    return { user: await accounts.getUser(actor.userId), csrfToken: actor.csrfToken };
  });

  app.patch('/api/v1/me', {
    schema: { tags, summary: 'Change your name', body: S.UpdateMeBody, response: responses({ 200: S.User }) },
  }, async (request) => accounts.updateMe(requireActor(request), request.body));

  app.post('/api/v1/me/password', {
    config: perMinute(opts.rateLimits.login),
    schema: { tags, summary: 'Change your password; signs out your other sessions', body: S.ChangePasswordBody, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await accounts.changePassword(requireActor(request), request.body);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/me/tokens', {
    schema: { tags, summary: 'Create a personal API token (shown once)', body: S.CreateTokenBody, response: responses({ 201: S.CreatedToken }) },
  }, async (request, reply) => reply.code(201).send(await accounts.createToken(requireActor(request), request.body)));

  app.get('/api/v1/me/tokens', {
    schema: { tags, summary: 'Your active API tokens', response: responses({ 200: S.TokenList }) },
  }, async (request) => ({ items: await accounts.listTokens(requireActor(request)) }));

  app.delete('/api/v1/me/tokens/:id', {
    schema: { tags, summary: 'Revoke an API token', params: S.TokenParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await accounts.revokeToken(requireActor(request), request.params.id);
    return reply.code(204).send(null);
  });
}
