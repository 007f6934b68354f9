import type { Kysely, Migration } from 'kysely';

/**
 * One b-tree fewer written per event (issue 6). `events_subject_idx` (subject type and id) put
 * every event at its subject's place in the index: at thousands of supports a second on
 * hundreds of contributions, a page of its own in nearly every commit. The one query that
 * looked events up by subject found the webhook test event just recorded; recording it now
 * answers its id. Events are read by id (dispatch, live streams) and by organisation.
 */
export const eventsWithoutSubjectIndex = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_subject_idx').execute();
  },
});
