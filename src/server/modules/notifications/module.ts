import type { Context } from '../../context.js';
import type { Dispatch } from '../dispatch/module.js';
import { FANOUT_JOB, MAIL_JOB, NotificationsConsumer } from './consumer.js';
import { MailDelivery } from './delivery.js';
import { DIGEST_BATCH, DIGEST_PLAN, Digests } from './digests.js';
import { InboxService } from './inbox.js';
import { PreferencesService } from './preferences.js';

/** The notification services, wired once. */
export interface Notifications {
  preferences: PreferencesService;
  inbox: InboxService;
  delivery: MailDelivery;
  digests: Digests;
  consumer: NotificationsConsumer;
}

/** Builds the services and registers the consumer and the job handlers with dispatch (before `dispatcher.init()`). */
export function createNotifications(ctx: Context, dispatch: Dispatch): Notifications {
  const preferences = new PreferencesService(ctx);
  const inbox = new InboxService(ctx);
  const delivery = new MailDelivery(ctx, preferences);
  const digests = new Digests(ctx, dispatch.jobs, preferences, delivery);
  const consumer = new NotificationsConsumer(ctx, dispatch.jobs, preferences);
  dispatch.dispatcher.register(consumer);
  dispatch.jobs.handle(FANOUT_JOB, (payload) => consumer.fanOut(payload));
  dispatch.jobs.handle(MAIL_JOB, (payload) => delivery.immediate(payload));
  dispatch.jobs.handle(DIGEST_PLAN, (payload) => digests.runPlan(payload));
  dispatch.jobs.handle(DIGEST_BATCH, (payload) => digests.runBatch(payload));
  return { preferences, inbox, delivery, digests, consumer };
}
