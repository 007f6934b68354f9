import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { escapeHtml } from './mail.js';
import type { Notifications } from './module.js';
import * as S from './schemas.js';
import { unsubscribe } from './unsubscribe.js';

const tags = ['notifications'];

const wantsHtml = (request: FastifyRequest): boolean => {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !accept.startsWith('application/json');
};

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;line-height:1.5';
const BUTTON_STYLE = 'font:inherit;padding:10px 18px;border-radius:8px;border:0;background:#1f4fd1;color:#fff;cursor:pointer';

/** The page a browser gets: a question with a button (GET), or what was done (POST). */
function unsubscribePage(result: S.Unsubscribed, baseUrl: string, token: string): string {
  const title = result.confirm ? 'Unsubscribe' : 'Unsubscribed';
  const action = `${baseUrl}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  const body = result.confirm
    ? `<p>${escapeHtml(result.message)}</p><form method="post" action="${escapeHtml(action)}"><button type="submit" style="${BUTTON_STYLE}">Unsubscribe</button></form>`
    : `<p>${escapeHtml(result.message)}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title} · Moebius</title></head>` +
    `<body style="${PAGE_STYLE}"><h1 style="font-size:22px">${title}</h1>${body}` +
    `<p><a href="${escapeHtml(`${baseUrl}/account`)}">Your notification settings</a></p></body></html>`;
}

/** The inbox, e-mail preferences and one-click unsubscribe. */
export async function notificationRoutes(app: App, opts: { ctx: Context; notifications: Notifications }) {
  const { inbox, preferences } = opts.notifications;
  const { ctx } = opts;

  // RFC 8058: mail providers confirm a one-click unsubscribe with a form POST (List-Unsubscribe=One-Click).
  // Only the routes of this plugin accept form bodies.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
  });

  app.get('/api/v1/me/notifications', {
    schema: { tags, summary: 'Your notifications, newest first, with your unread count', querystring: S.InboxQuery, response: responses({ 200: S.Inbox }) },
  }, async (request) => inbox.list(requireActor(request).userId, request.query));

  app.get('/api/v1/me/notifications/unread-count', {
    schema: { tags, summary: 'How many of your notifications are unread (for the badge)', response: responses({ 200: S.UnreadCount }) },
  }, async (request) => ({ unreadCount: await inbox.unreadCount(requireActor(request).userId) }));

  app.post('/api/v1/me/notifications/read', {
    schema: { tags, summary: 'Mark some (ids) or all (all: true) of your notifications as read', body: S.ReadBody, response: responses({ 200: S.ReadResult }) },
  }, async (request) => inbox.markRead(requireActor(request).userId, request.body));

  app.get('/api/v1/me/notification-preferences', {
    schema: { tags, summary: 'How e-mail reaches you for every notification type: your mode and the default', response: responses({ 200: S.Preferences }) },
  }, async (request) => preferences.list(requireActor(request).userId));

  app.put('/api/v1/me/notification-preferences', {
    schema: { tags, summary: 'Change the e-mail mode of some types: immediately, daily, weekly or off', body: S.PreferencesBody, response: responses({ 200: S.Preferences }) },
  }, async (request) => preferences.update(requireActor(request).userId, request.body as S.PreferencesBody));

  const answer = async (request: FastifyRequest, reply: FastifyReply, token: string, apply: boolean) => {
    const result = await unsubscribe(ctx, preferences, token, apply);
    if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(unsubscribePage(result, ctx.config.baseUrl, token));
    return result;
  };

  app.get('/api/v1/unsubscribe', {
    schema: {
      tags, summary: 'What an e-mail\'s unsubscribe link would turn off, without changing anything (mail scanners open links): a page with a button for browsers, JSON otherwise',
      querystring: S.UnsubscribeQuery, response: responses({ 200: S.Unsubscribed }),
    },
  }, async (request, reply) => answer(request, reply, request.query.token, false));

  app.post('/api/v1/unsubscribe', {
    schema: {
      tags, summary: 'Unsubscribe, no login: the signed token names the person and the type (or digest), set to off. The page\'s button, or mail providers\' one-click (RFC 8058: a form POST of List-Unsubscribe=One-Click); the body is not needed',
      querystring: S.UnsubscribeQuery, response: responses({ 200: S.Unsubscribed }),
    },
  }, async (request, reply) => answer(request, reply, request.query.token, true));
}
