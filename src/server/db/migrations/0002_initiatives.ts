import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './columns.js';

/** Initiatives with stewards, invitees, phases, sealed terms and their acceptances, needs and shared assets. */
export const initiatives = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const { time, json } = columnTypes(dialect);

    await db.schema
      .createTable('initiatives')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('vision', 'text', (c) => c.notNull())
      .addColumn('goals', json, (c) => c.notNull())
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('reach', 'text', (c) => c.notNull())
      .addColumn('locus', 'text', (c) => c.notNull())
      .addColumn('adaptability', 'text', (c) => c.notNull())
      .addColumn('audience', json, (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('current_phase_id', 'text')
      .addColumn('terms_draft', json)
      .addColumn('terms_version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .addColumn('launched_at', time)
      .addColumn('closed_at', time)
      .addColumn('archived_at', time)
      .addUniqueConstraint('initiatives_org_slug_unique', ['org_id', 'slug'])
      .execute();
    await db.schema.createIndex('initiatives_org_status_idx').on('initiatives').columns(['org_id', 'status', 'id']).execute();

    await db.schema
      .createTable('initiative_stewards')
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('added_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('initiative_stewards_pk', ['initiative_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('initiative_invitees')
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('added_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('initiative_invitees_pk', ['initiative_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('phases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text')
      .addColumn('ends_on', 'text')
      .addColumn('actions', json, (c) => c.notNull())
      .addUniqueConstraint('phases_initiative_position_unique', ['initiative_id', 'position'])
      .execute();

    await db.schema
      .createTable('terms_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addUniqueConstraint('terms_versions_initiative_version_unique', ['initiative_id', 'version'])
      .execute();

    await db.schema
      .createTable('terms_acceptances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('accepted_at', time, (c) => c.notNull())
      .addUniqueConstraint('terms_acceptances_unique', ['initiative_id', 'version', 'user_id'])
      .execute();

    await db.schema
      .createTable('needs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('problem', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull())
      .addColumn('tried', 'text', (c) => c.notNull())
      .addColumn('constraints', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('needs_initiative_idx').on('needs').columns(['initiative_id', 'id']).execute();

    await db.schema
      .createTable('shared_assets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('file_key', 'text')
      .addColumn('file_name', 'text')
      .addColumn('file_type', 'text')
      .addColumn('file_size', 'integer')
      .addColumn('access', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shared_assets_initiative_idx').on('shared_assets').columns(['initiative_id', 'id']).execute();
  },
});
