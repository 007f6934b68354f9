import type { Context } from '../../context.js';
import type { Dispatch } from '../dispatch/module.js';
import type { EventsService } from '../events/service.js';
import type { OrgsService } from '../orgs/service.js';
import { DELIVER_JOB, WebhookDelivery } from './delivery.js';
import { WebhooksService } from './service.js';
import { SecretBox } from './signing.js';
import { targetPolicy, type TargetPolicy } from './targets.js';

export interface Webhooks {
  service: WebhooksService;
  delivery: WebhookDelivery;
  policy: TargetPolicy;
}

/**
 * Wires webhooks and plugs them into dispatch: the `webhooks` consumer and the delivery job.
 * Call before `dispatcher.init()`.
 */
export function createWebhooks(ctx: Context, deps: { events: EventsService; orgs: OrgsService; dispatch: Dispatch }, policy: TargetPolicy = targetPolicy(ctx.config)): Webhooks {
  const box = new SecretBox(ctx.config.secret);
  const delivery = new WebhookDelivery(ctx, deps.dispatch.jobs, box, policy);
  deps.dispatch.dispatcher.register(delivery.consumer());
  deps.dispatch.jobs.handle(DELIVER_JOB, (payload, job) => delivery.run(payload, job));
  return { service: new WebhooksService(ctx, deps.events, deps.orgs, delivery, box, policy), delivery, policy };
}
