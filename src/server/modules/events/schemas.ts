import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../../lib/pagination.js';

export const EventItem = Type.Object({
  id: Type.Integer(),
  time: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  orgId: Type.Union([Type.String(), Type.Null()]),
  subjectType: Type.String(),
  subjectId: Type.String(),
  subjectName: Type.Union([Type.String(), Type.Null()], { description: 'The name of the person the event is about, when it is about a person.' }),
  type: Type.String({ description: 'Stable event type such as `membership.changed`.' }),
  payload: Type.Record(Type.String(), Type.Unknown()),
});
export type EventItem = Static<typeof EventItem>;

export const EventPage = Page(EventItem);

export const EventQuery = Type.Object(
  { ...PageQuery.properties, type: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z_]+\\.[a-z_]+$' })) },
  { additionalProperties: false },
);
