import type { Kysely, Migration } from 'kysely';

/** Expired sessions are deleted each hour by the worker: found by their expiry. */
export const sessionExpiry = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
  },
});
