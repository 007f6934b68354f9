import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { dialects } from '../support/databases.js';
import { indexesOf, onFreshDatabase } from '../support/schema.js';

type Shape = Record<string, string[]>;

async function shapeOf(dialect: 'sqlite' | 'postgres'): Promise<Shape> {
  return onFreshDatabase(dialect, async (handle) => {
    await migrateToLatest(handle);
    const rows =
      dialect === 'sqlite'
        ? (
            await sql<{ table_name: string; column_name: string }>`
              select m.name as table_name, p.name as column_name
              from sqlite_master m join pragma_table_info(m.name) p
              where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'kysely_%'
                and m.name not like 'search_index_%'`.execute(handle.db.withoutPlugins())
          ).rows
        : (
            await sql<{ table_name: string; column_name: string }>`
              select table_name, column_name from information_schema.columns
              where table_schema = 'public' and table_name not like 'kysely_%'`.execute(handle.db.withoutPlugins())
          ).rows;
    const shape: Shape = {};
    // PostgreSQL stores the search document as a column (0007); FTS5 keeps its index inside.
    for (const row of rows.filter((r) => !(r.table_name === 'search_index' && r.column_name === 'document'))) (shape[row.table_name] ??= []).push(row.column_name);
    for (const columns of Object.values(shape)) columns.sort();
    return shape;
  });
}

describe('migrations', () => {
  it('create the expected tables on SQLite', async () => {
    const shape = await shapeOf('sqlite');
    expect(Object.keys(shape).sort()).toEqual([
      'api_tokens', 'appeals', 'comment_revisions', 'comments', 'consumer_offsets', 'contribution_attachments', 'contribution_authors', 'contribution_links', 'contribution_revisions',
      'contribution_tags', 'contributions', 'events', 'flags', 'follows', 'initiative_invitees', 'initiative_stewards', 'initiatives', 'invitations', 'jobs', 'mail_deliveries', 'memberships',
      'merges', 'needs', 'notification_preferences', 'notifications', 'org_blocks', 'orgs', 'phases', 'responses', 'search_index', 'sessions', 'shared_assets', 'supports', 'terms_acceptances',
      'terms_versions', 'themes', 'trending_window', 'update_links', 'updates', 'users', 'webhook_deliveries', 'webhooks',
    ]);
    expect(shape.events).toEqual(['actor_id', 'id', 'org_id', 'payload', 'subject_id', 'subject_type', 'time', 'type']);
  });

  it.runIf(dialects().includes('postgres'))('give SQLite and PostgreSQL the same tables and columns', async () => {
    const [sqlite, postgres] = await Promise.all([shapeOf('sqlite'), shapeOf('postgres')]);
    expect(postgres).toEqual(sqlite);
  });

  it.runIf(dialects().includes('postgres'))('write PostgreSQL search documents straight into the GIN index, with no pending list to scan', async () => {
    await onFreshDatabase('postgres', async (handle) => {
      await migrateToLatest(handle);
      const { rows } = await sql<{ reloptions: string[] | null }>`select reloptions from pg_class where relname = 'search_index_document_idx'`.execute(handle.db.withoutPlugins());
      expect(rows).toEqual([{ reloptions: ['fastupdate=off'] }]);
    });
  });

  it('index events by id and by organisation only: no per-subject index to write on every event (0011)', async () => {
    for (const dialect of dialects()) {
      await onFreshDatabase(dialect, async (handle) => {
        await migrateToLatest(handle);
        expect(await indexesOf(handle, 'events')).toEqual(dialect === 'sqlite' ? ['events_org_idx'] : ['events_org_idx', 'events_pkey']);
      });
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    for (const dialect of dialects()) {
      await onFreshDatabase(dialect, async (handle) => {
        expect(await migrateToLatest(handle)).toEqual(['0001_foundation', '0002_initiatives', '0003_contributions', '0004_ear_to_mouth', '0005_webhooks', '0006_counters', '0007_search_document', '0008_session_expiry', '0009_search_without_pending_list', '0010_lean_supports', '0011_events_without_subject_index']);
        expect(await migrateToLatest(handle)).toEqual([]);
      });
    }
  });
});
