import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import type { Cursor } from '../../lib/pagination.js';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export const findWebhook = (db: Db, id: string): Promise<WebhookRow | undefined> =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();

/** An organisation's endpoints that were not deleted, oldest first. */
export const listWebhooks = (db: Db, orgId: string): Promise<WebhookRow[]> =>
  db.selectFrom('webhooks').selectAll().where('orgId', '=', orgId).where('deletedAt', 'is', null).orderBy('id').execute();

/** The endpoints that receive an organisation's events now. */
export const activeWebhooks = (db: Db, orgId: string): Promise<WebhookRow[]> =>
  db.selectFrom('webhooks').selectAll().where('orgId', '=', orgId).where('active', '=', 1).where('deletedAt', 'is', null).execute();

export const insertWebhook = (db: Db, row: Insertable<WebhooksTable>) => db.insertInto('webhooks').values(row).execute();

export const updateWebhook = (db: Db, id: string, values: Updateable<WebhooksTable>) => db.updateTable('webhooks').set(values).where('id', '=', id).execute();

/** Creates the delivery of an event to an endpoint; false when it exists already. */
export async function insertDelivery(db: Db, row: Insertable<WebhookDeliveriesTable>): Promise<boolean> {
  const result = await db.insertInto('webhookDeliveries').values(row).onConflict((oc) => oc.columns(['webhookId', 'eventId']).doNothing()).executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export const findDelivery = (db: Db, id: string): Promise<DeliveryRow | undefined> =>
  db.selectFrom('webhookDeliveries').selectAll().where('id', '=', id).executeTakeFirst();

/** Newest first. */
export function listDeliveries(db: Db, webhookId: string, filter: { status?: string | undefined; before: Cursor | null; limit: number }): Promise<DeliveryRow[]> {
  let query = db.selectFrom('webhookDeliveries').selectAll().where('webhookId', '=', webhookId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.before !== null) query = query.where('id', '<', String(filter.before.id));
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Writes the outcome of one attempt; `attempts` grows by one in the database, whoever else tries. */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: { status: string; responseStatus: number | null; responseExcerpt: string | null; error: string | null; durationMs: number | null; at: string; delivered: boolean },
): Promise<void> {
  await db
    .updateTable('webhookDeliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: outcome.status,
      responseStatus: outcome.responseStatus,
      responseExcerpt: outcome.responseExcerpt,
      error: outcome.error,
      durationMs: outcome.durationMs,
      lastAttemptAt: outcome.at,
      ...(outcome.delivered ? { deliveredAt: outcome.at } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** Ends a delivery without an attempt (its endpoint was deactivated or deleted). */
export const abandonDelivery = (db: Db, id: string, error: string) =>
  db.updateTable('webhookDeliveries').set({ status: 'dead', error }).where('id', '=', id).where('status', '!=', 'delivered').execute();

/** The jobs behind deliveries that are still to run, by dedupe key. */
export async function pendingJobs(db: Db, dedupeKeys: string[]): Promise<Map<string, string>> {
  if (dedupeKeys.length === 0) return new Map();
  const rows = await db.selectFrom('jobs').select(['dedupeKey', 'runAt']).where('dedupeKey', 'in', dedupeKeys).where('status', 'in', ['pending', 'running']).execute();
  return new Map(rows.map((r) => [r.dedupeKey, r.runAt]));
}

/** Whether a manual attempt of this delivery is waiting for the worker already. */
export async function hasPendingJobWithPrefix(db: Db, prefix: string): Promise<boolean> {
  const row = await db.selectFrom('jobs').select('id').where('dedupeKey', 'like', `${prefix}%`).where('status', 'in', ['pending', 'running']).executeTakeFirst();
  return row !== undefined;
}

export const findEvent = (db: Db, id: number) => db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
