import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './columns.js';

/**
 * The shortest path from ear to mouth: stewards' responses and response targets, progress
 * updates, and the dispatch machinery — consumer offsets over the events outbox, a jobs
 * table with retries and a dead-letter state, in-app notifications, e-mail preferences and
 * deliveries, webhooks with their delivery log.
 */
export const earToMouth = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const { time, json } = columnTypes(dialect);
    const bigint = dialect === 'postgres' ? 'bigint' : 'integer';

    await db.schema.alterTable('initiatives').addColumn('response_target_hours', 'integer', (c) => c.notNull().defaultTo(168)).execute();
    await db.schema.alterTable('contributions').addColumn('overdue_alerted_at', time).execute();

    await db.schema
      .createTable('responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('previous_status', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('responses_contribution_idx').on('responses').columns(['contribution_id', 'id']).execute();
    await db.schema.createIndex('responses_initiative_idx').on('responses').columns(['initiative_id', 'id']).execute();

    await db.schema
      .createTable('updates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('updates_initiative_idx').on('updates').columns(['initiative_id', 'id']).execute();
    await db.schema
      .createTable('update_links')
      .addColumn('update_id', 'text', (c) => c.notNull().references('updates.id'))
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addPrimaryKeyConstraint('update_links_pk', ['update_id', 'contribution_id'])
      .execute();
    await db.schema.createIndex('update_links_contribution_idx').on('update_links').columns(['contribution_id']).execute();

    // Dispatch: each consumer reads the events outbox after its own offset.
    await db.schema
      .createTable('consumer_offsets')
      .addColumn('consumer', 'text', (c) => c.primaryKey())
      .addColumn('last_event_id', bigint, (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', time)
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('payload', json, (c) => c.notNull())
      .addColumn('org_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', time, (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', time)
      .addColumn('last_error', 'text')
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
    await db.schema.createIndex('jobs_org_idx').on('jobs').columns(['org_id', 'status']).execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('event_id', bigint, (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text')
      .addColumn('initiative_id', 'text')
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('data', json, (c) => c.notNull())
      .addColumn('read_at', time)
      .addColumn('emailed_at', time)
      .addColumn('created_at', time, (c) => c.notNull())
      .addUniqueConstraint('notifications_user_event_unique', ['user_id', 'event_id'])
      .execute();
    await db.schema.createIndex('notifications_inbox_idx').on('notifications').columns(['user_id', 'id']).execute();
    await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'read_at']).execute();
    await db.schema.createIndex('notifications_digest_idx').on('notifications').columns(['emailed_at', 'user_id']).execute();

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'event_type'])
      .execute();

    await db.schema
      .createTable('mail_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('sent_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mail_deliveries_user_idx').on('mail_deliveries').columns(['user_id', 'sent_at']).execute();

    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('event_types', json, (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_org_idx').on('webhooks').columns(['org_id']).execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
      .addColumn('event_id', bigint, (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_excerpt', 'text')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer')
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('last_attempt_at', time)
      .addColumn('delivered_at', time)
      .execute();
    await db.schema.createIndex('webhook_deliveries_log_idx').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
  },
});
