import { Type } from 'typebox';

/** A job that failed after every retry: the dead-letter state owners see. */
export const DeadJob = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'What it was doing, e.g. notification.mail or webhook.deliver.' }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const DeadJobPage = Type.Object({ items: Type.Array(DeadJob), nextCursor: Type.Union([Type.String(), Type.Null()]) });
