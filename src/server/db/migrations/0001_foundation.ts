import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, serialId } from './columns.js';

/** Accounts, sessions, API tokens, organisations, memberships, invitations and the events log. */
export const foundation = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const { time, json } = columnTypes(dialect);

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('last_seen_at', time, (c) => c.notNull())
      .addColumn('expires_at', time, (c) => c.notNull())
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('last_used_at', time)
      .addColumn('expires_at', time)
      .addColumn('revoked_at', time)
      .execute();
    await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('orgs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .addUniqueConstraint('memberships_org_user_unique', ['org_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_user_idx').on('memberships').columns(['user_id', 'org_id']).execute();
    await db.schema.createIndex('memberships_org_role_idx').on('memberships').columns(['org_id', 'role']).execute();

    await db.schema
      .createTable('invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('expires_at', time, (c) => c.notNull())
      .addColumn('accepted_at', time)
      .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
      .addColumn('revoked_at', time)
      .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
      .execute();
    await db.schema.createIndex('invitations_org_idx').on('invitations').columns(['org_id', 'created_at']).execute();

    await serialId(db.schema.createTable('events'), dialect)
      .addColumn('time', time, (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('users.id'))
      .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', json, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_org_idx').on('events').columns(['org_id', 'id']).execute();
    await db.schema.createIndex('events_subject_idx').on('events').columns(['subject_type', 'subject_id']).execute();
  },
});
