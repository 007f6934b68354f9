import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../../lib/pagination.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'Where deliveries are POSTed: https://, or http://localhost, 127.0.0.1 or [::1] on a developer machine. Deployments refuse local and private addresses.',
});
const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 100,
  description: 'Event types from `GET /api/v1/webhooks/event-types`, a whole family such as `contribution.*`, or `*` for every event of the organisation.',
});
const Description = Type.String({ maxLength: 500 });

export const Webhook = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: Type.String(),
  active: Type.Boolean(),
  secretHint: Type.String({ description: 'The signing secret masked (`whsec_…` and its last four characters); it is shown whole only when created or rotated.' }),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Webhook = Static<typeof Webhook>;

export const WebhookWithSecret = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: 'The signing secret (`whsec_` + base64). Shown this once: store it now.' }),
});
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;

export const WebhookList = Type.Object({ items: Type.Array(Webhook) });
export type WebhookList = Static<typeof WebhookList>;

export const CreateWebhookBody = Type.Object(
  { url: Url, eventTypes: EventTypes, description: Type.Optional(Description) },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  { url: Type.Optional(Url), eventTypes: Type.Optional(EventTypes), description: Type.Optional(Description), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const WebhookParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const DeliveryParams = Type.Object({ id: Type.String({ maxLength: 64 }), deliveryId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const Delivery = Type.Object({
  id: Type.String({ description: 'Also the `webhook-id` header: the same on every attempt, so receivers can drop duplicates.' }),
  webhookId: Type.String(),
  eventId: Type.Integer(),
  eventType: Type.String(),
  status: Type.Enum(DELIVERY_STATUSES, {
    description: 'pending: not tried yet; delivered: the last attempt got a 2xx; failed: the last attempt failed (see nextAttemptAt); dead: given up after the last retry.',
  }),
  attempts: Type.Integer(),
  responseStatus: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP status of the last attempt, null when no response came.' }),
  responseExcerpt: Type.Union([Type.String(), Type.Null()], { description: 'The first 1 KB of the last response body.' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the last attempt failed.' }),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When an attempt last succeeded.' }),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the next automatic retry is due, if one is.' }),
});
export type Delivery = Static<typeof Delivery>;
export const DeliveryPage = Page(Delivery);

export const DeliveryQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(Type.Enum(DELIVERY_STATUSES)) },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;

export const EventTypeCatalogue = Type.Object({
  types: Type.Array(Type.String(), { description: 'Every event type a webhook may subscribe to.' }),
  families: Type.Array(Type.String(), { description: 'Families, subscribable as `family.*` (includes types added later).' }),
});
