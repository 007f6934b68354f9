import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { IdParams } from '../initiatives/schemas.js';
import type { InitiativesService } from '../initiatives/service.js';
import { loadHiddenFacts, present, restriction } from './audience.js';
import { NOTIFICATION_LOOKBACK_MS, type LiveHub } from './hub.js';
import { InitiativeStream, PersonStream, presentNotification } from './streams.js';
import { initiativeEventsBetween, notificationsAfter, recentNotificationEvents, unreadCounts, uuidFloor } from './queries.js';
import { StreamQuery, streamResponse } from './schemas.js';
import { SseConnection, sseFrame } from './sse.js';

const RETRY_MS = 3_000;
/**
 * How long the answer to "may an anonymous reader view this initiative" is reused. It is the same
 * for every anonymous reader, so a burst of them opening streams (a page shared widely, every
 * stream reconnecting after a restart) costs one check per initiative, not one per reader.
 * Signed-in readers are checked each time (their role and stewardship decide).
 */
const ANONYMOUS_ACCESS_MS = 1_000;
const MAX_CACHED_INITIATIVES = 10_000;
/** A Last-Event-ID this far beyond what the database holds is from elsewhere (a rebuilt database): start afresh. */
const FAR_AHEAD = 10_000;

/** The position to resume from: the `Last-Event-ID` header (what browsers send on reconnect), else `?lastEventId=`. */
function resumeFrom(request: FastifyRequest, query: StreamQuery): number | null {
  const header = request.headers['last-event-id'];
  if (typeof header === 'string' && /^\d{1,15}$/.test(header.trim())) return Number(header.trim());
  return query.lastEventId ?? null;
}

/** Both errors are answered before the stream opens, as JSON like every other error. */
const streamErrors = () => {
  const { 200: _ok, ...errors } = responses({ 200: Type.Null() });
  return errors;
};

/**
 * Live activity over Server-Sent Events. Access is checked before the stream opens (errors are
 * ordinary JSON errors); then the request is hijacked and written raw: missed events first
 * (when resuming), `event: ready`, then live messages from the process's LiveHub.
 */
export async function liveRoutes(app: App, opts: { ctx: Context; initiatives: InitiativesService; hub: LiveHub }) {
  const { ctx, hub } = opts;

  // A write answered by this process has committed its event: the hub reads it now, not at its next
  // tick. (On the HTTP server itself, as the routes that write live in other plugins.)
  app.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    response.once('finish', () => {
      if (response.statusCode < 400) hub.wake();
    });
  });

  const open = (request: FastifyRequest, reply: FastifyReply): SseConnection => {
    if (hub.size >= hub.options.maxStreams) throw new AppError(429, 'rate_limited', 'This server has too many live streams open. Try again in a minute.');
    reply.hijack();
    const connection = new SseConnection(reply.raw, hub.options.maxBufferedBytes);
    connection.open({ 'x-request-id': request.id }, RETRY_MS);
    return connection;
  };

  const anonymousAccess = new Map<string, { initiativeId: string; until: number }>();
  /** The initiative a reader may view (404 otherwise, like any read) and whether they are one of its hosts. */
  const readerOf = async (actor: FastifyRequest['actor'], id: string): Promise<{ initiativeId: string; host: boolean }> => {
    const now = Date.now();
    if (actor === null) {
      const cached = anonymousAccess.get(id);
      if (cached !== undefined && cached.until > now) return { initiativeId: cached.initiativeId, host: false };
    }
    const access = await opts.initiatives.authorize(actor, id);
    if (actor === null) {
      if (anonymousAccess.size >= MAX_CACHED_INITIATIVES) for (const [key, entry] of anonymousAccess) if (entry.until <= now) anonymousAccess.delete(key);
      if (anonymousAccess.size < MAX_CACHED_INITIATIVES) anonymousAccess.set(id, { initiativeId: access.initiative.id, until: now + ANONYMOUS_ACCESS_MS });
    }
    return { initiativeId: access.initiative.id, host: access.steward || access.membership?.role === 'owner' };
  };

  const failed = (connection: SseConnection, error: unknown) => {
    if (!connection.closed) ctx.log.warn({ err: error }, 'live stream failed');
    connection.close();
  };

  app.get('/api/v1/initiatives/:id/stream', {
    schema: {
      tags: ['live'],
      summary: "The initiative's activity, live (Server-Sent Events), filtered by what the reader may see",
      params: IdParams,
      querystring: StreamQuery,
      response: { ...streamErrors(), 200: streamResponse('`LiveActivity` — id, type, time, initiativeId, subject, contributionId and a few type-specific fields (title, supportCount, status…)') },
    },
  }, async (request, reply) => {
    const { initiativeId, host } = await readerOf(request.actor, request.params.id);
    const last = resumeFrom(request, request.query);
    const connection = open(request, reply);
    const stream = new InitiativeStream(connection, hub.options.maxStreamMs, initiativeId, request.actor?.userId ?? null, host);
    try {
      const { eventCursor } = await hub.join(stream);
      let replayed = 0;
      if (last !== null && last > eventCursor + FAR_AHEAD) {
        connection.write(sseFrame('reset', { reason: 'unknown_position' }));
      } else if (last !== null) {
        stream.skipUpTo = last;
        const { events, truncated } = await initiativeEventsBetween(ctx.db, ctx.dialect, initiativeId, last, eventCursor, ctx.clock.now());
        if (truncated) connection.write(sseFrame('reset', { reason: 'too_far_behind' }));
        const facts = await loadHiddenFacts(ctx.db, events);
        for (const event of events) {
          if (!stream.mayRead(event, restriction(event, facts))) continue;
          connection.write(sseFrame(event.type, present(event, initiativeId), event.id));
          replayed++;
        }
      }
      stream.goLive();
      connection.write(sseFrame('ready', { replayed }));
    } catch (error) {
      failed(connection, error);
    }
    return reply;
  });

  app.get('/api/v1/me/stream', {
    schema: {
      tags: ['live'],
      summary: 'Your notifications as they arrive, with your unread count (Server-Sent Events)',
      querystring: StreamQuery,
      response: { ...streamErrors(), 200: streamResponse('`LiveNotification` per notification (`event:` its type), and `event: unread` with `{unreadCount}` at connect and when it changes') },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const last = resumeFrom(request, request.query);
    const connection = open(request, reply);
    const stream = new PersonStream(connection, hub.options.maxStreamMs, actor.userId);
    try {
      const { eventCursor } = await hub.join(stream);
      const unread = (await unreadCounts(ctx.db, ctx.dialect, [actor.userId])).get(actor.userId) ?? 0;
      const known = new Set<number>();
      let replayed = 0;
      if (last !== null && last > eventCursor + FAR_AHEAD) {
        connection.write(sseFrame('reset', { reason: 'unknown_position' }));
      } else if (last !== null) {
        stream.skipUpTo = last;
        const { rows, truncated } = await notificationsAfter(ctx.db, actor.userId, last, ctx.clock.now());
        if (truncated) connection.write(sseFrame('reset', { reason: 'too_far_behind' }));
        for (const row of rows) {
          known.add(row.eventId);
          stream.remember(row.eventId);
          connection.write(sseFrame(row.type, presentNotification(row, unread), row.eventId));
          replayed++;
        }
      }
      // What was written just before connecting is in the inbox the page loaded: not news.
      if (last === null) {
        for (const eventId of await recentNotificationEvents(ctx.db, actor.userId, uuidFloor(Date.now() - NOTIFICATION_LOOKBACK_MS))) {
          known.add(eventId);
          stream.remember(eventId);
        }
      }
      stream.goLive((eventId) => known.has(eventId));
      stream.unread(unread);
      connection.write(sseFrame('ready', { replayed }));
    } catch (error) {
      failed(connection, error);
    }
    return reply;
  });
}
