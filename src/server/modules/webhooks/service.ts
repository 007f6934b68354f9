import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import type { OrgRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, toPage, type PageResult } from '../../lib/pagination.js';
import type { EventsService } from '../events/service.js';
import type { Role } from '../orgs/schemas.js';
import type { OrgsService } from '../orgs/service.js';
import { jobKey, manualKeyPrefix, type WebhookDelivery } from './delivery.js';
import { isSubscribable, TEST_EVENT_TYPE } from './event-types.js';
import { canWebhook } from './policy.js';
import * as repo from './repository.js';
import type { CreateWebhookBody, Delivery, DeliveryQuery, DeliveryStatus, UpdateWebhookBody, Webhook, WebhookList, WebhookWithSecret } from './schemas.js';
import { maskSecret, newSigningSecret, type SecretBox } from './signing.js';
import { checkTarget, type TargetPolicy } from './targets.js';

/** More endpoints than this per organisation is a mistake (each event fans out to every one). */
export const MAX_WEBHOOKS_PER_ORG = 20;

const webhookNotFound = () => notFound('The webhook');
const inactive = () => conflict('webhook_inactive', 'This webhook is paused. Activate it first.');
/** Only the origin goes into the audit log and event payloads: paths and queries often carry tokens. */
const origin = (url: string): string => new URL(url).origin;

function eventTypesOf(body: string[]): string[] {
  const types = [...new Set(body)];
  types.forEach((type, i) => {
    if (!isSubscribable(type)) throw invalidField(`/eventTypes/${i}`, `"${type.slice(0, 100)}" is not an event type a webhook can subscribe to`, 'unknown_event_type');
  });
  return types;
}

/** Owners register endpoints, inspect what was delivered, redeliver and test. */
export class WebhooksService {
  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
    private readonly orgs: OrgsService,
    private readonly delivery: WebhookDelivery,
    private readonly box: SecretBox,
    private readonly policy: TargetPolicy,
  ) {}

  private present(row: repo.WebhookRow): Webhook {
    const secret = this.box.open(row.secret);
    return {
      id: row.id,
      orgId: row.orgId,
      url: row.url,
      eventTypes: parseJson(row.eventTypes) as string[],
      description: row.description,
      active: row.active === 1,
      secretHint: secret === null ? 'whsec_…????' : maskSecret(secret),
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private presentDelivery(row: repo.DeliveryRow, nextAttemptAt: string | null): Delivery {
    return {
      id: row.id,
      webhookId: row.webhookId,
      eventId: Number(row.eventId),
      eventType: row.eventType,
      status: row.status as DeliveryStatus,
      attempts: row.attempts,
      responseStatus: row.responseStatus,
      responseExcerpt: row.responseExcerpt,
      error: row.error,
      durationMs: row.durationMs,
      createdAt: row.createdAt,
      lastAttemptAt: row.lastAttemptAt,
      deliveredAt: row.deliveredAt,
      nextAttemptAt: row.status === 'delivered' || row.status === 'dead' ? null : nextAttemptAt,
    };
  }

  /** The organisation, when the actor owns it: 404 when they cannot see it, 403 when they can but do not own it. */
  private async ownedOrg(actor: Actor, slug: string): Promise<OrgRow> {
    const { org, membership } = await this.orgs.access(actor, slug);
    if (!canWebhook('manage', (membership?.role as Role | undefined) ?? null)) throw forbidden('Only the owners of the organisation manage its webhooks.');
    return org;
  }

  /** A webhook that was not deleted, when the actor owns its organisation. */
  private async owned(actor: Actor, id: string): Promise<{ webhook: repo.WebhookRow; org: OrgRow }> {
    const webhook = await repo.findWebhook(this.ctx.db, id);
    if (!webhook || webhook.deletedAt !== null) throw webhookNotFound();
    try {
      const { slug } = await this.orgs.byId(webhook.orgId);
      return { webhook, org: await this.ownedOrg(actor, slug) };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw webhookNotFound();
      throw error;
    }
  }

  async create(actor: Actor, slug: string, body: CreateWebhookBody): Promise<WebhookWithSecret> {
    const org = await this.ownedOrg(actor, slug);
    const url = checkTarget(body.url, this.policy);
    const eventTypes = eventTypesOf(body.eventTypes);
    const secret = newSigningSecret();
    const now = this.ctx.clock.now().toISOString();
    const row: repo.WebhookRow = {
      id: newId(), orgId: org.id, url, secret: this.box.seal(secret), eventTypes: JSON.stringify(eventTypes), description: (body.description ?? '').trim(),
      active: 1, createdBy: actor.userId, createdAt: now, updatedAt: now, deletedAt: null,
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      if ((await repo.listWebhooks(trx, org.id)).length >= MAX_WEBHOOKS_PER_ORG) {
        throw conflict('too_many_webhooks', `An organisation has at most ${MAX_WEBHOOKS_PER_ORG} webhooks. Delete one you no longer use.`);
      }
      await repo.insertWebhook(trx, row);
      await this.events.record(trx, {
        type: 'webhook.created', actorId: actor.userId, orgId: org.id, subjectType: 'webhook', subjectId: row.id,
        payload: { target: origin(url), eventTypes, description: row.description },
      });
    });
    return { ...this.present(row), secret };
  }

  async list(actor: Actor, slug: string): Promise<WebhookList> {
    const org = await this.ownedOrg(actor, slug);
    return { items: (await repo.listWebhooks(this.ctx.db, org.id)).map((row) => this.present(row)) };
  }

  async get(actor: Actor, id: string): Promise<Webhook> {
    return this.present((await this.owned(actor, id)).webhook);
  }

  async update(actor: Actor, id: string, body: UpdateWebhookBody): Promise<Webhook> {
    const { webhook } = await this.owned(actor, id);
    const before = { url: webhook.url, eventTypes: parseJson(webhook.eventTypes) as string[], description: webhook.description, active: webhook.active === 1 };
    const after = {
      url: body.url === undefined ? before.url : checkTarget(body.url, this.policy),
      eventTypes: body.eventTypes === undefined ? before.eventTypes : eventTypesOf(body.eventTypes),
      description: body.description === undefined ? before.description : body.description.trim(),
      active: body.active ?? before.active,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]));
    if (changed.length === 0) return this.present(webhook);
    const shown = (field: keyof typeof after, value: (typeof after)[typeof field]) => (field === 'url' ? origin(value as string) : value);
    const changes = Object.fromEntries(changed.map((field) => [field, { from: shown(field, before[field]), to: shown(field, after[field]) }]));
    const values = { url: after.url, eventTypes: JSON.stringify(after.eventTypes), description: after.description, active: after.active ? 1 : 0, updatedAt: this.ctx.clock.now().toISOString() };
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateWebhook(trx, webhook.id, values);
      await this.events.record(trx, { type: 'webhook.updated', actorId: actor.userId, orgId: webhook.orgId, subjectType: 'webhook', subjectId: webhook.id, payload: { changes } });
    });
    return this.present({ ...webhook, ...values });
  }

  /**
   * Deleting stops the endpoint and forgets its secret; the row and its delivery log stay (for
   * the audit trail), but the webhook is gone from the API. Pending retries end as dead.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    const { webhook } = await this.owned(actor, id);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateWebhook(trx, webhook.id, { active: 0, secret: '', deletedAt: now, updatedAt: now });
      await this.events.record(trx, { type: 'webhook.deleted', actorId: actor.userId, orgId: webhook.orgId, subjectType: 'webhook', subjectId: webhook.id, payload: { target: origin(webhook.url) } });
    });
  }

  /** A new secret at once: the old one stops signing (retries of earlier deliveries too). */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    const { webhook } = await this.owned(actor, id);
    const secret = newSigningSecret();
    const values = { secret: this.box.seal(secret), updatedAt: this.ctx.clock.now().toISOString() };
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateWebhook(trx, webhook.id, values);
      await this.events.record(trx, { type: 'webhook.secret_rotated', actorId: actor.userId, orgId: webhook.orgId, subjectType: 'webhook', subjectId: webhook.id });
    });
    return { ...this.present({ ...webhook, ...values }), secret };
  }

  /** The delivery log, newest first. */
  async deliveries(actor: Actor, id: string, query: DeliveryQuery): Promise<PageResult<Delivery>> {
    const { webhook } = await this.owned(actor, id);
    const limit = query.limit ?? 50;
    const rows = await repo.listDeliveries(this.ctx.db, webhook.id, { status: query.status, before: decodeCursor(query.cursor), limit });
    const due = await repo.pendingJobs(this.ctx.db, rows.map((r) => jobKey(r.webhookId, Number(r.eventId))));
    return toPage(rows, limit, (r) => ({ key: r.id, id: r.id }), (r) => this.presentDelivery(r, due.get(jobKey(r.webhookId, Number(r.eventId))) ?? null));
  }

  private async presentOne(db: Db, row: repo.DeliveryRow): Promise<Delivery> {
    const key = jobKey(row.webhookId, Number(row.eventId));
    return this.presentDelivery(row, (await repo.pendingJobs(db, [key])).get(key) ?? null);
  }

  /** One more attempt, now, whatever the delivery's state; a second request while one waits is the same request. */
  async redeliver(actor: Actor, id: string, deliveryId: string): Promise<Delivery> {
    const { webhook } = await this.owned(actor, id);
    if (webhook.active !== 1) throw inactive();
    const delivery = await repo.findDelivery(this.ctx.db, deliveryId);
    if (!delivery || delivery.webhookId !== webhook.id) throw notFound('The delivery');
    if (!(await repo.hasPendingJobWithPrefix(this.ctx.db, manualKeyPrefix(webhook.id, Number(delivery.eventId))))) {
      await this.delivery.enqueueOnce(this.ctx.db, delivery, webhook.orgId);
    }
    return this.presentOne(this.ctx.db, delivery);
  }

  /** Sends a `webhook.test` event to this endpoint alone (one attempt); it is in the audit log too. */
  async test(actor: Actor, id: string): Promise<Delivery> {
    const { webhook } = await this.owned(actor, id);
    if (webhook.active !== 1) throw inactive();
    const deliveryId = await this.ctx.db.transaction().execute(async (trx) => {
      const eventId = await this.events.record(trx, {
        type: TEST_EVENT_TYPE, actorId: actor.userId, orgId: webhook.orgId, subjectType: 'webhook', subjectId: webhook.id,
        payload: { testId: newId(), message: 'A test delivery from Moebius. Verify its signature with your signing secret.' },
      });
      return this.delivery.create(trx, webhook.id, webhook.orgId, { id: eventId, type: TEST_EVENT_TYPE }, 'once');
    });
    const row = deliveryId === null ? undefined : await repo.findDelivery(this.ctx.db, deliveryId);
    if (!row) throw new Error('the test delivery was not created');
    return this.presentOne(this.ctx.db, row);
  }
}
