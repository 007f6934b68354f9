import { performance } from 'node:perf_hooks';
import type { Context } from '../../context.js';
import { parseJson, type Db } from '../../db/database.js';
import type { JobRow } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { Consumer, StoredEvent } from '../dispatch/dispatcher.js';
import type { JobQueue } from '../dispatch/jobs.js';
import { subscribes, TEST_EVENT_TYPE } from './event-types.js';
import * as repo from './repository.js';
import { sign, type SecretBox } from './signing.js';
import { assertPublicTarget, type TargetPolicy } from './targets.js';

export const DELIVER_JOB = 'webhook.deliver';
/**
 * Automatic attempts before a delivery is dead. The queue waits 30 s, 1, 2, 4 … min between them
 * (half to all of it, jitter), at most 6 h: between about 7 and 14 hours in all, so an endpoint
 * down overnight for maintenance still gets its events.
 */
export const MAX_ATTEMPTS = 12;
export const TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;
const USER_AGENT = 'Moebius-Webhooks/1';

/** `auto`: the retried delivery of an event; `once`: one attempt now (manual redelivery, test). */
export type DeliveryMode = 'auto' | 'once';

export const jobKey = (webhookId: string, eventId: number): string => `webhook:${webhookId}:${eventId}`;
export const manualKeyPrefix = (webhookId: string, eventId: number): string => `${jobKey(webhookId, eventId)}:manual:`;

/** The body receivers get, in the Standard Webhooks shape. */
export function deliveryBody(event: Pick<StoredEvent, 'id' | 'type' | 'time' | 'actorId' | 'orgId' | 'subjectType' | 'subjectId' | 'payload'>): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.time,
    data: { id: event.id, subjectType: event.subjectType, subjectId: event.subjectId, orgId: event.orgId, actorId: event.actorId, payload: event.payload },
  });
}

const clean = (text: string, max: number): string => text.replaceAll('\u0000', '').slice(0, max);

interface Outcome {
  ok: boolean;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number | null;
}

async function readExcerpt(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${TIMEOUT_MS / 1000} s`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ((error.cause as Error & { code?: unknown }).code ?? error.cause.message) : null;
    return cause === null ? error.message : `${error.message}: ${String(cause)}`;
  }
  return String(error);
}

/** One signed POST: 2xx is delivered; redirects are not followed; at most 10 s. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    let excerpt = '';
    try {
      excerpt = await readExcerpt(response);
    } catch {
      // the status is what counts; a body cut short is only a shorter excerpt
    }
    const ok = response.status >= 200 && response.status < 300;
    const redirect = response.status >= 300 && response.status < 400;
    const error = ok ? null : redirect ? `answered ${response.status}; redirects are not followed (Location: ${clean(response.headers.get('location') ?? '', 500)})` : `answered ${response.status}`;
    return { ok, responseStatus: response.status, responseExcerpt: clean(excerpt, EXCERPT_BYTES), error, durationMs: took() };
  } catch (error) {
    return { ok: false, responseStatus: null, responseExcerpt: null, error: clean(describeFailure(error), 2000), durationMs: took() };
  }
}

/**
 * Fans an organisation's events out to its endpoints and delivers them: the consumer creates a
 * delivery and its job in the dispatcher's transaction (so each exactly once), the job POSTs it
 * signed, and the queue retries it with backoff until it is delivered or dead.
 */
export class WebhookDelivery {
  constructor(
    private readonly ctx: Context,
    private readonly jobs: JobQueue,
    private readonly box: SecretBox,
    private readonly policy: TargetPolicy,
  ) {}

  consumer(): Consumer {
    return {
      name: 'webhooks',
      accepts: (type) => type !== TEST_EVENT_TYPE,
      consume: (trx, event) => this.fanOut(trx, event),
    };
  }

  private async fanOut(trx: Db, event: StoredEvent): Promise<void> {
    if (event.orgId === null) return;
    for (const webhook of await repo.activeWebhooks(trx, event.orgId)) {
      // An endpoint hears what happens from its creation on.
      if (webhook.createdAt > event.time || !subscribes(parseJson(webhook.eventTypes) as string[], event.type)) continue;
      await this.create(trx, webhook.id, webhook.orgId, event, 'auto');
    }
  }

  /** A delivery row and the job that makes it, in the caller's transaction. */
  async create(trx: Db, webhookId: string, orgId: string, event: Pick<StoredEvent, 'id' | 'type'>, mode: DeliveryMode): Promise<string | null> {
    const id = newId();
    const created = await repo.insertDelivery(trx, {
      id, webhookId, eventId: event.id, eventType: event.type, status: 'pending', attempts: 0, responseStatus: null, responseExcerpt: null,
      error: null, durationMs: null, createdAt: this.ctx.clock.now().toISOString(), lastAttemptAt: null, deliveredAt: null,
    });
    if (!created) return null;
    await this.jobs.enqueue(trx, { kind: DELIVER_JOB, dedupeKey: jobKey(webhookId, event.id), payload: { deliveryId: id, mode }, orgId, maxAttempts: mode === 'auto' ? MAX_ATTEMPTS : 1 });
    return id;
  }

  /** Asks for one more attempt of a delivery, now (manual redelivery). */
  async enqueueOnce(db: Db, delivery: repo.DeliveryRow, orgId: string): Promise<void> {
    await this.jobs.enqueue(db, {
      kind: DELIVER_JOB, dedupeKey: `${manualKeyPrefix(delivery.webhookId, delivery.eventId)}${newId()}`, payload: { deliveryId: delivery.id, mode: 'once' }, orgId, maxAttempts: 1,
    });
  }

  /**
   * The job: one attempt. An automatic attempt that fails throws, so the queue retries it later
   * (and marks the job dead after the last one); a single attempt records its outcome and ends.
   */
  async run(payload: Record<string, unknown>, job: JobRow): Promise<void> {
    const mode: DeliveryMode = payload.mode === 'once' ? 'once' : 'auto';
    const delivery = typeof payload.deliveryId === 'string' ? await repo.findDelivery(this.ctx.db, payload.deliveryId) : undefined;
    if (!delivery) return;
    if (mode === 'auto' && delivery.status === 'delivered') return; // a manual attempt got there first
    const webhook = await repo.findWebhook(this.ctx.db, delivery.webhookId);
    if (!webhook || webhook.deletedAt !== null || webhook.active !== 1) {
      await repo.abandonDelivery(this.ctx.db, delivery.id, webhook?.deletedAt ? 'The endpoint was deleted.' : 'The endpoint was deactivated.');
      return;
    }
    const row = await repo.findEvent(this.ctx.db, Number(delivery.eventId));
    if (!row) {
      await repo.abandonDelivery(this.ctx.db, delivery.id, 'The event no longer exists.');
      return;
    }
    const body = deliveryBody({ ...row, id: Number(row.id), payload: parseJson(row.payload) as Record<string, unknown> });
    const outcome = await this.attempt(webhook, delivery.id, body);
    const final = mode === 'once' || job.attempts + 1 >= job.maxAttempts;
    const status = outcome.ok ? 'delivered' : mode === 'once' ? (delivery.status === 'dead' ? 'dead' : 'failed') : final ? 'dead' : 'failed';
    await repo.recordAttempt(this.ctx.db, delivery.id, {
      status, responseStatus: outcome.responseStatus, responseExcerpt: outcome.responseExcerpt, error: outcome.error, durationMs: outcome.durationMs,
      at: this.ctx.clock.now().toISOString(), delivered: outcome.ok,
    });
    if (!outcome.ok && mode === 'auto') throw new Error(`webhook delivery ${delivery.id} to ${new URL(webhook.url).origin}: ${outcome.error ?? 'failed'}`);
  }

  private async attempt(webhook: repo.WebhookRow, deliveryId: string, body: string): Promise<Outcome> {
    const secret = this.box.open(webhook.secret);
    if (secret === null) return { ok: false, responseStatus: null, responseExcerpt: null, error: 'The signing secret cannot be read (was MOEBIUS_SECRET changed?). Rotate it.', durationMs: null };
    try {
      await assertPublicTarget(webhook.url, this.policy);
    } catch (error) {
      return { ok: false, responseStatus: null, responseExcerpt: null, error: clean(describeFailure(error), 2000), durationMs: null };
    }
    const timestamp = Math.floor(this.ctx.clock.now().getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'webhook-id': deliveryId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign(secret, deliveryId, timestamp, body),
    };
    return post(webhook.url, headers, body);
  }
}
