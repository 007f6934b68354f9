import { NoContent, responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { OrgParams } from '../orgs/schemas.js';
import { WEBHOOK_EVENT_FAMILIES, WEBHOOK_EVENT_TYPES } from './event-types.js';
import * as S from './schemas.js';
import type { WebhooksService } from './service.js';

const tags = ['webhooks'];

/** Webhooks: signed deliveries of an organisation's events to its owners' endpoints, with a delivery log. */
export async function webhookRoutes(app: App, opts: { webhooks: WebhooksService }) {
  const { webhooks } = opts;

  app.get('/api/v1/webhooks/event-types', {
    schema: { tags, summary: 'The event types webhooks can subscribe to', response: responses({ 200: S.EventTypeCatalogue }) },
  }, async () => ({ types: [...WEBHOOK_EVENT_TYPES], families: WEBHOOK_EVENT_FAMILIES }));

  app.post('/api/v1/orgs/:org/webhooks', {
    schema: { tags, summary: 'Register an endpoint for event types (owners); the answer holds its signing secret, shown this once', params: OrgParams, body: S.CreateWebhookBody, response: responses({ 201: S.WebhookWithSecret }) },
  }, async (request, reply) => reply.code(201).send(await webhooks.create(requireActor(request), request.params.org, request.body)));

  app.get('/api/v1/orgs/:org/webhooks', {
    schema: { tags, summary: "The organisation's webhooks, oldest first (owners)", params: OrgParams, response: responses({ 200: S.WebhookList }) },
  }, async (request) => webhooks.list(requireActor(request), request.params.org));

  app.get('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'A webhook, its secret masked (owners)', params: S.WebhookParams, response: responses({ 200: S.Webhook }) },
  }, async (request) => webhooks.get(requireActor(request), request.params.id));

  app.patch('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Change the URL, event types or description, or pause and resume (owners)', params: S.WebhookParams, body: S.UpdateWebhookBody, response: responses({ 200: S.Webhook }) },
  }, async (request) => webhooks.update(requireActor(request), request.params.id, request.body));

  app.delete('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Delete a webhook (owners): it stops at once; its delivery log is kept for the audit trail', params: S.WebhookParams, response: responses({ 204: NoContent }) },
  }, async (request, reply) => {
    await webhooks.remove(requireActor(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/webhooks/:id/rotate-secret', {
    schema: { tags, summary: 'Replace the signing secret (owners); the new one is shown this once and signs from now on', params: S.WebhookParams, response: responses({ 200: S.WebhookWithSecret }) },
  }, async (request) => webhooks.rotateSecret(requireActor(request), request.params.id));

  app.get('/api/v1/webhooks/:id/deliveries', {
    schema: { tags, summary: 'The delivery log, newest first: status, attempts, response and timing (owners)', params: S.WebhookParams, querystring: S.DeliveryQuery, response: responses({ 200: S.DeliveryPage }) },
  }, async (request) => webhooks.deliveries(requireActor(request), request.params.id, request.query));

  app.post('/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver', {
    schema: { tags, summary: 'Try a delivery once more, now, whatever its state (owners); the log shows the outcome', params: S.DeliveryParams, response: responses({ 202: S.Delivery }) },
  }, async (request, reply) => reply.code(202).send(await webhooks.redeliver(requireActor(request), request.params.id, request.params.deliveryId)));

  app.post('/api/v1/webhooks/:id/test', {
    schema: { tags, summary: 'Send a signed `webhook.test` event to this endpoint now, once (owners)', params: S.WebhookParams, response: responses({ 202: S.Delivery }) },
  }, async (request, reply) => reply.code(202).send(await webhooks.test(requireActor(request), request.params.id)));
}
