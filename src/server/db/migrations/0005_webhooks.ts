import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './columns.js';

/**
 * Webhooks: a deleted endpoint keeps its delivery log (`deleted_at` instead of a row delete),
 * and one delivery per endpoint and event, so a delivery is created exactly once.
 */
export const webhooks = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const { time } = columnTypes(dialect);
    await db.schema.alterTable('webhooks').addColumn('deleted_at', time).execute();
    await db.schema.createIndex('webhook_deliveries_event_unique').on('webhook_deliveries').columns(['webhook_id', 'event_id']).unique().execute();
  },
});
