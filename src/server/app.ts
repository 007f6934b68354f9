import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Context } from './context.js';
import type { DatabaseHandle } from './db/database.js';
import { SimilarIndex } from './modules/search/similar-index.js';
import { deleteExpiredSessions } from './modules/accounts/repository.js';
import { installReadCache } from './plugins/read-cache.js';
import { FrontCache } from './plugins/front-cache.js';
import { advanceTrendingWindow } from './modules/contributions/trending.js';
import { systemClock, type Clock } from './lib/clock.js';
import { AppError } from './lib/errors.js';
import { requestIdOf } from './lib/request-id.js';
import type { App } from './lib/http.js';
import { createMailer, type Mailer } from './lib/mailer.js';
import { FileStore, MAX_FILE_BYTES } from './lib/file-store.js';
import multipart from '@fastify/multipart';
import { join } from 'node:path';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './lib/rate-limits.js';
import { installAuth } from './plugins/auth.js';
import { installErrorHandling } from './plugins/errors.js';
import { installHealth } from './plugins/health.js';
import { installMetrics } from './plugins/metrics.js';
import { installOpenApi } from './plugins/openapi.js';
import { installValidation, refuseNulCharacters } from './plugins/validation.js';
import { installWeb } from './plugins/web.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { AccountsService } from './modules/accounts/service.js';
import { eventRoutes } from './modules/events/routes.js';
import { EventsService } from './modules/events/service.js';
import { invitationRoutes } from './modules/invitations/routes.js';
import { InvitationsService } from './modules/invitations/service.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { OrgsService } from './modules/orgs/service.js';
import { InitiativeLifecycle } from './modules/initiatives/lifecycle.js';
import { ParticipationGate } from './modules/initiatives/participation.js';
import { initiativeRoutes } from './modules/initiatives/routes.js';
import { InitiativesService } from './modules/initiatives/service.js';
import { InviteesService } from './modules/initiatives/invitees.js';
import { contributionRoutes } from './modules/contributions/routes.js';
import { ContributionsService } from './modules/contributions/service.js';
import { commentRoutes } from './modules/comments/routes.js';
import { CommentsService } from './modules/comments/service.js';
import { SupportService } from './modules/contributions/support.js';
import { MergeService } from './modules/contributions/merge.js';
import { TeamService } from './modules/contributions/team.js';
import { teamRoutes } from './modules/contributions/team-routes.js';
import { needRoutes } from './modules/needs/routes.js';
import { assetFileRoutes } from './modules/needs/file-routes.js';
import { NeedsService } from './modules/needs/service.js';
import { TermsLedger } from './modules/terms/ledger.js';
import { termsRoutes } from './modules/terms/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { SearchService } from './modules/search/service.js';
import { themeRoutes } from './modules/themes/routes.js';
import { ThemesService } from './modules/themes/service.js';
import { TermsService } from './modules/terms/service.js';
import { createModeration, type Moderation } from './modules/moderation/module.js';
import { createDispatch, type Dispatch } from './modules/dispatch/module.js';
import { DeadLetters, deadLetterRoutes } from './modules/dispatch/dead-letters.js';
import { createNotifications, type Notifications } from './modules/notifications/module.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { createWebhooks, type Webhooks } from './modules/webhooks/module.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { alertOverdue } from './modules/responses/overdue.js';
import { responseRoutes } from './modules/responses/routes.js';
import { ResponsesService } from './modules/responses/service.js';
import { UpdatesService } from './modules/responses/updates.js';
import { moderationRoutes } from './modules/moderation/routes.js';
import { peopleModerationRoutes } from './modules/moderation/people-routes.js';
import { LiveHub, type LiveOptions } from './modules/live/hub.js';
import { liveRoutes } from './modules/live/routes.js';

export interface AppOptions {
  clock?: Clock;
  mailer?: Mailer;
  rateLimits?: Partial<RateLimits>;
  logger?: FastifyServerOptions['logger'];
  /** Live streams (SSE): poll interval, heartbeat, limits. */
  live?: Partial<LiveOptions>;
}

export interface Services {
  events: EventsService;
  accounts: AccountsService;
  orgs: OrgsService;
  invitations: InvitationsService;
  initiatives: InitiativesService;
  lifecycle: InitiativeLifecycle;
  terms: TermsService;
  ledger: TermsLedger;
  gate: ParticipationGate;
  needs: NeedsService;
  invitees: InviteesService;
  contributions: ContributionsService;
  support: SupportService;
  comments: CommentsService;
  team: TeamService;
  merges: MergeService;
  search: SearchService;
  similarIndex: SimilarIndex;
  themes: ThemesService;
  moderation: Moderation;
  dispatch: Dispatch;
  notifications: Notifications;
  responses: ResponsesService;
  updates: UpdatesService;
  webhooks: Webhooks;
  live: LiveHub;
}

/** Builds the whole application on an open database; never listens itself. */
export async function buildApp(config: Config, database: DatabaseHandle, options: AppOptions = {}): Promise<{ app: App; services: Services }> {
  // Answers kept for readers who are not signed in go out before routing (front-cache.ts).
  const front = new FrontCache();
  const app = Fastify({
    serverFactory: front.serverFactory,
    logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: 1_048_576,
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    return503OnClosing: true,
    trustProxy: config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ctx: Context = {
    config,
    db: database.db,
    dialect: database.dialect,
    clock: options.clock ?? systemClock,
    mailer: options.mailer ?? createMailer(config.smtpUrl, config.dataDir),
    files: new FileStore(join(config.dataDir, 'files')),
    log: app.log,
    memoVersion: config.readCache ? database.memoVersion : null,
  };
  const events = new EventsService(ctx);
  const accounts = new AccountsService(ctx, events);
  const orgs = new OrgsService(ctx, events);
  const invitations = new InvitationsService(ctx, events, orgs, accounts);
  const initiatives = new InitiativesService(ctx, events, orgs);
  const ledger = new TermsLedger(ctx, events);
  const lifecycle = new InitiativeLifecycle(ctx, events, initiatives, ledger);
  const terms = new TermsService(ctx, events, initiatives, ledger);
  const gate = new ParticipationGate(ctx, initiatives, terms);
  const needs = new NeedsService(ctx, events, initiatives);
  const invitees = new InviteesService(ctx, events, initiatives, orgs);
  const similarIndex = new SimilarIndex(ctx, database.dataVersion);
  const contributions = new ContributionsService(ctx, events, initiatives, gate, similarIndex);
  const support = new SupportService(ctx, events, contributions, gate, initiatives);
  const comments = new CommentsService(ctx, events, contributions, gate);
  const team = new TeamService(ctx, events, contributions, orgs);
  const merges = new MergeService(ctx, events, contributions);
  const search = new SearchService(ctx, initiatives, similarIndex);
  const themes = new ThemesService(ctx, events, initiatives, contributions);
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const moderation = createModeration(ctx, { events, initiatives, contributions, orgs });
  const dispatch = createDispatch(ctx);
  const notifications = createNotifications(ctx, dispatch);
  dispatch.worker.schedule('digest planning', 600_000, () => notifications.digests.schedule());
  const webhooks = createWebhooks(ctx, { events, orgs, dispatch });
  const responses = new ResponsesService(ctx, events, initiatives, contributions);
  const updates = new UpdatesService(ctx, events, initiatives);
  const live = new LiveHub(ctx, options.live);
  dispatch.worker.schedule('response-target alerts', 60_000, () => alertOverdue(ctx, events));
  dispatch.worker.schedule('trending window', 60_000, () => advanceTrendingWindow(ctx));
  dispatch.worker.schedule('expired sessions', 3_600_000, () => deleteExpiredSessions(ctx.db, ctx.clock.now().toISOString()));

  // JSON only: a text/plain body (what a cross-site HTML form can send) is 415.
  app.removeContentTypeParser('text/plain');
  installValidation(app);
  refuseNulCharacters(app);
  installErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 20_000, parts: 12 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many attempts. Try again in ${context.after}.`),
  });
  installAuth(app, config, accounts);
  const readCache = config.readCache ? installReadCache(app, { dataVersion: database.dataVersion }) : null;
  await installOpenApi(app);
  const record = installMetrics(app, readCache === null ? null : () => readCache.stats());
  if (readCache !== null) front.attach({ cache: readCache, record, log: app.log });
  app.addHook('preClose', async () => front.close());
  installHealth(app, database.db, () => similarIndex.warmed);

  await app.register(accountRoutes, { accounts, config, rateLimits });
  await app.register(orgRoutes, { orgs });
  await app.register(invitationRoutes, { invitations, config, rateLimits });
  await app.register(eventRoutes, { events, orgs });
  await app.register(initiativeRoutes, { initiatives, lifecycle, gate, ctx, orgs, invitees });
  await app.register(termsRoutes, { terms });
  await app.register(needRoutes, { needs });
  await app.register(assetFileRoutes, { needs });
  await app.register(contributionRoutes, { ctx, initiatives, contributions, support });
  await app.register(commentRoutes, { comments });
  await app.register(teamRoutes, { team, merges });
  await app.register(searchRoutes, { search });
  await app.register(themeRoutes, { themes });
  await app.register(moderationRoutes, { ctx, moderation });
  await app.register(peopleModerationRoutes, { moderation, rateLimits });
  await app.register(notificationRoutes, { ctx, notifications });

  await app.register(responseRoutes, { ctx, initiatives, responses, updates });
  await app.register(deadLetterRoutes, { deadLetters: new DeadLetters(ctx, orgs, dispatch.jobs) });
  await app.register(webhookRoutes, { webhooks: webhooks.service });
  await app.register(liveRoutes, { ctx, initiatives, hub: live });
  // Streams end before the server stops accepting (it waits for open connections), then the poller stops.
  app.addHook('preClose', async () => live.close());
  app.addHook('onClose', async () => live.close());
  await dispatch.dispatcher.init();
  app.addHook('onClose', async () => dispatch.worker.stop());
  await installWeb(app);
  return { app, services: { events, accounts, orgs, invitations, initiatives, lifecycle, terms, ledger, gate, needs, invitees, contributions, support, comments, team, merges, search, similarIndex, themes, moderation, dispatch, notifications, responses, updates, webhooks, live } };
}
