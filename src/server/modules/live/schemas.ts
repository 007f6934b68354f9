import { Type, type Static } from 'typebox';

/** `?lastEventId=` for clients that cannot send the `Last-Event-ID` header (the header wins). */
export const StreamQuery = Type.Object(
  { lastEventId: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Resume after this event id (fallback for the `Last-Event-ID` header).' })) },
  { additionalProperties: false },
);
export type StreamQuery = Static<typeof StreamQuery>;

/** The `data` of an initiative stream message (`event:` is the type, `id:` the event id). */
export const LiveActivity = Type.Object({
  id: Type.Integer(),
  type: Type.String({ description: 'The domain event type, e.g. `contribution.created`.' }),
  time: Type.String({ format: 'date-time' }),
  initiativeId: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  contributionId: Type.Optional(Type.String()),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Type-specific: title, kind, supportCount, status, phase, version, targetId…' })),
});
export type LiveActivity = Static<typeof LiveActivity>;

/** The `data` of a `/me/stream` notification message (`id:` is the notification's event id). */
export const LiveNotification = Type.Object({
  id: Type.String({ description: 'The notification id.' }),
  eventId: Type.Integer(),
  type: Type.String(),
  initiativeId: Type.Union([Type.String(), Type.Null()]),
  subjectType: Type.String(),
  subjectId: Type.String(),
  data: Type.Unknown(),
  createdAt: Type.String({ format: 'date-time' }),
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type LiveNotification = Static<typeof LiveNotification>;

/** `event: unread` on `/me/stream`: at connect and whenever the count changes. */
export const LiveUnread = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) });
export type LiveUnread = Static<typeof LiveUnread>;

/**
 * Control messages (no `id:`): `ready` once the stream is live (after any replay); `reset` when the
 * client is too far behind to replay exactly (more than 1,000 events or 24 hours): refetch everything.
 */
export const LiveControl = Type.Object({ replayed: Type.Optional(Type.Integer()), reason: Type.Optional(Type.String()) });
export type LiveControl = Static<typeof LiveControl>;

const STREAM_DESCRIPTION =
  'Server-Sent Events (`text/event-stream`). Each message has `id:` (the event id), `event:` (its type) and `data:` (JSON). ' +
  'Send `Last-Event-ID` (or `?lastEventId=`) to resume: missed events are replayed first (at most 1,000 and 24 hours, else `event: reset`). ' +
  'A comment heartbeat every 15 s; `retry: 3000`.';

/** The 200 response of a stream route, for the OpenAPI document (streams are written raw, never serialised). */
export const streamResponse = (item: string) => ({
  description: `${STREAM_DESCRIPTION} Message data: ${item}.`,
  content: { 'text/event-stream': { schema: Type.String() } },
});
