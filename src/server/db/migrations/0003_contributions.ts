import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes } from './columns.js';

/**
 * Contributions (experiences, ideas, builds) with revisions, links, co-authors, tags and
 * attachments; supports, threaded comments with revisions, follows, themes, merges;
 * moderation (flags, appeals, blocks), account erasure, and the full-text search index.
 */
export const contributions = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const { time, json } = columnTypes(dialect);

    await db.schema.alterTable('users').addColumn('erased_at', time).execute();

    await db.schema
      .createTable('themes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('themes_initiative_idx').on('themes').columns(['initiative_id', 'id']).execute();

    await db.schema
      .createTable('contributions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('details', json, (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('terms_version', 'integer', (c) => c.notNull())
      .addColumn('phase_id', 'text', (c) => c.notNull().references('phases.id'))
      .addColumn('theme_id', 'text', (c) => c.references('themes.id'))
      .addColumn('merged_into_id', 'text', (c) => c.references('contributions.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('support_count', 'integer', (c) => c.notNull())
      .addColumn('comment_count', 'integer', (c) => c.notNull())
      .addColumn('hidden_at', time)
      .addColumn('hidden_by', 'text', (c) => c.references('users.id'))
      .addColumn('hidden_reason', 'text')
      .addColumn('first_response_at', time)
      .addColumn('last_activity_at', time, (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    for (const [name, columns] of [
      ['contributions_initiative_new_idx', ['initiative_id', 'id']],
      ['contributions_initiative_top_idx', ['initiative_id', 'support_count', 'id']],
      ['contributions_initiative_discussed_idx', ['initiative_id', 'comment_count', 'id']],
      ['contributions_initiative_activity_idx', ['initiative_id', 'last_activity_at', 'id']],
      ['contributions_author_idx', ['author_id', 'id']],
      ['contributions_merged_into_idx', ['merged_into_id']],
      ['contributions_theme_idx', ['theme_id']],
    ] as const) {
      await db.schema.createIndex(name).on('contributions').columns([...columns]).execute();
    }

    await db.schema
      .createTable('contribution_revisions')
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('details', json, (c) => c.notNull())
      .addColumn('tags', json, (c) => c.notNull())
      .addColumn('editor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('contribution_revisions_pk', ['contribution_id', 'revision'])
      .execute();

    await db.schema
      .createTable('contribution_links')
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('contribution_links_pk', ['contribution_id', 'relation', 'target_id'])
      .execute();
    await db.schema.createIndex('contribution_links_target_idx').on('contribution_links').columns(['target_id', 'relation']).execute();

    await db.schema
      .createTable('contribution_authors')
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('via_contribution_id', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('responded_at', time)
      .addPrimaryKeyConstraint('contribution_authors_pk', ['contribution_id', 'user_id', 'via_contribution_id'])
      .execute();
    await db.schema.createIndex('contribution_authors_user_idx').on('contribution_authors').columns(['user_id', 'status']).execute();

    await db.schema
      .createTable('contribution_tags')
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contribution_tags_pk', ['contribution_id', 'tag'])
      .execute();
    await db.schema.createIndex('contribution_tags_tag_idx').on('contribution_tags').columns(['tag', 'contribution_id']).execute();

    await db.schema
      .createTable('contribution_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('file_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contribution_attachments_contribution_idx').on('contribution_attachments').columns(['contribution_id']).execute();

    await db.schema
      .createTable('supports')
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('supports_pk', ['contribution_id', 'user_id'])
      .execute();
    await db.schema.createIndex('supports_user_idx').on('supports').columns(['user_id']).execute();
    await db.schema.createIndex('supports_recent_idx').on('supports').columns(['contribution_id', 'created_at']).execute();

    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('parent_id', 'text', (c) => c.references('comments.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('hidden_at', time)
      .addColumn('hidden_by', 'text', (c) => c.references('users.id'))
      .addColumn('hidden_reason', 'text')
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comments_contribution_idx').on('comments').columns(['contribution_id', 'id']).execute();

    await db.schema
      .createTable('comment_revisions')
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('editor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_revisions_pk', ['comment_id', 'revision'])
      .execute();

    await db.schema
      .createTable('follows')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('follows_pk', ['user_id', 'subject_type', 'subject_id'])
      .execute();
    await db.schema.createIndex('follows_subject_idx').on('follows').columns(['subject_type', 'subject_id']).execute();

    await db.schema
      .createTable('merges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('target_id', 'text', (c) => c.notNull().references('contributions.id'))
      .addColumn('source_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('merged_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('merged_at', time, (c) => c.notNull())
      .addColumn('unmerged_by', 'text', (c) => c.references('users.id'))
      .addColumn('unmerged_at', time)
      .execute();
    await db.schema.createIndex('merges_source_idx').on('merges').columns(['source_id']).execute();
    await db.schema.createIndex('merges_target_idx').on('merges').columns(['target_id']).execute();

    await db.schema
      .createTable('flags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('resolved_at', time)
      .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
      .addColumn('resolution', 'text')
      .execute();
    await db.schema.createIndex('flags_queue_idx').on('flags').columns(['initiative_id', 'resolved_at', 'id']).execute();
    await db.schema.createIndex('flags_subject_idx').on('flags').columns(['subject_id']).execute();

    await db.schema
      .createTable('appeals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('decided_at', time)
      .addColumn('decided_by', 'text', (c) => c.references('users.id'))
      .addColumn('decision_note', 'text')
      .execute();
    await db.schema.createIndex('appeals_queue_idx').on('appeals').columns(['initiative_id', 'status', 'id']).execute();
    await db.schema.createIndex('appeals_subject_idx').on('appeals').columns(['subject_id']).execute();

    await db.schema
      .createTable('org_blocks')
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('blocked_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint('org_blocks_pk', ['org_id', 'user_id'])
      .execute();

    // Full-text search over contributions and comments, kept by the services in the same
    // transaction as the text it indexes. SQLite: an FTS5 table (bm25, snippet()).
    // PostgreSQL: a plain table with a GIN index on the same tsvector expression the queries use.
    if (dialect === 'sqlite') {
      await sql`create virtual table search_index using fts5(
        subject_type unindexed, subject_id unindexed, contribution_id unindexed, initiative_id unindexed,
        title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    } else {
      await db.schema
        .createTable('search_index')
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.primaryKey())
        .addColumn('contribution_id', 'text', (c) => c.notNull())
        .addColumn('initiative_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await sql`create index search_index_document_idx on search_index using gin (${sql.raw(PG_DOCUMENT)})`.execute(db);
      await db.schema.createIndex('search_index_initiative_idx').on('search_index').columns(['initiative_id']).execute();
    }
  },
});

/** The tsvector every PostgreSQL search query must spell exactly like this, so the GIN index serves it. */
export const PG_DOCUMENT = "(setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B'))";
