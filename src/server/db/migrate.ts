import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.js';
import { foundation } from './migrations/0001_foundation.js';
import { initiatives } from './migrations/0002_initiatives.js';
import { contributions } from './migrations/0003_contributions.js';
import { earToMouth } from './migrations/0004_ear_to_mouth.js';
import { webhooks } from './migrations/0005_webhooks.js';
import { counters } from './migrations/0006_counters.js';
import { searchDocument } from './migrations/0007_search_document.js';
import { sessionExpiry } from './migrations/0008_session_expiry.js';
import { searchWithoutPendingList } from './migrations/0009_search_without_pending_list.js';
import { leanSupports } from './migrations/0010_lean_supports.js';
import { eventsWithoutSubjectIndex } from './migrations/0011_events_without_subject_index.js';

/**
 * Forward-only migrations, in order. Never edit one that has landed: add the next.
 * Each is a factory of the dialect so column types can differ where they must.
 */
const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '0001_foundation': foundation,
  '0002_initiatives': initiatives,
  '0003_contributions': contributions,
  '0004_ear_to_mouth': earToMouth,
  '0005_webhooks': webhooks,
  '0006_counters': counters,
  '0007_search_document': searchDocument,
  '0008_session_expiry': sessionExpiry,
  '0009_search_without_pending_list': searchWithoutPendingList,
  '0010_lean_supports': leanSupports,
  '0011_events_without_subject_index': eventsWithoutSubjectIndex,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(migrations).map(([name, make]) => [name, make(this.dialect)]));
  }
}

export class MigrationError extends Error {}

/** Applies every pending migration; returns the names applied now. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  return applied(await migratorOf(handle).migrateToLatest());
}

/** Applies the pending migrations up to and including `name` (tests of a migration over data written before it). */
export async function migrateTo(handle: DatabaseHandle, name: string): Promise<string[]> {
  return applied(await migratorOf(handle).migrateTo(name));
}

const migratorOf = (handle: DatabaseHandle) => new Migrator({ db: handle.db, provider: new StaticProvider(handle.dialect) });

function applied(result: MigrationResultSet): string[] {
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
