import { Type, type Static } from 'typebox';
import { CATALOGUE, MAIL_MODES, NOTIFICATION_TYPES } from './catalogue.js';

const Mode = Type.Enum(MAIL_MODES, { description: 'immediately, daily (digest), weekly (digest) or off.' });

export const NotificationData = Type.Object({
  title: Type.String({ description: 'What it is about: the contribution, the update, or (for terms) the initiative.' }),
  initiativeTitle: Type.String(),
  excerpt: Type.String({ description: 'The first words of the text that came with it (response, comment, reason, note) as plain text; may be empty.' }),
  link: Type.String({ description: 'Path in the web app, e.g. `/contributions/{id}`.' }),
  kind: Type.Optional(Type.String({ description: 'The kind of the contribution.' })),
  status: Type.Optional(Type.String({ description: 'contribution.responded: the new status.' })),
  previousStatus: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer({ description: 'terms.amended: the new version.' })),
  supportCount: Type.Optional(Type.Integer()),
  waitingHours: Type.Optional(Type.Number({ description: 'contribution.overdue: how long it has waited.' })),
  targetHours: Type.Optional(Type.Number()),
  withheld: Type.Optional(Type.Boolean({ description: 'The hosts hid what this is about since: its title (of a contribution) and text are left out for readers who may no longer see it.' })),
});
export type NotificationData = Static<typeof NotificationData>;

export const Notification = Type.Object({
  id: Type.String(),
  type: Type.Enum(NOTIFICATION_TYPES),
  eventId: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  initiativeId: Type.Union([Type.String(), Type.Null()]),
  subjectType: Type.String(),
  subjectId: Type.String(),
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String({ description: '"Former participant" for an erased account.' }) }), Type.Null()]),
  data: NotificationData,
});
export type Notification = Static<typeof Notification>;

export const InboxQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread notifications.' })),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque cursor from a previous page.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

export const Inbox = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  unreadCount: Type.Integer(),
});
export type Inbox = Static<typeof Inbox>;

export const UnreadCount = Type.Object({ unreadCount: Type.Integer() });

export const ReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 500, description: 'Mark these as read (yours only; others are ignored).' })),
    all: Type.Optional(Type.Boolean({ description: 'Mark everything as read.' })),
  },
  { additionalProperties: false, description: 'Either `ids` or `all: true`.' },
);
export type ReadBody = Static<typeof ReadBody>;

export const ReadResult = Type.Object({ marked: Type.Integer({ description: 'How many were unread and are read now.' }), unreadCount: Type.Integer() });

export const Preference = Type.Object({
  type: Type.Enum(NOTIFICATION_TYPES),
  mode: Mode,
  default: Mode,
  description: Type.String(),
});
export const Preferences = Type.Object({ preferences: Type.Array(Preference) });
export type Preferences = Static<typeof Preferences>;

export const PreferencesBody = Type.Object(
  {
    preferences: Type.Object(
      Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, Type.Optional(Type.Enum(MAIL_MODES, { description: CATALOGUE[type].description }))])),
      { additionalProperties: false, description: 'The types to change, each with its new mode; unknown types are refused.' },
    ),
  },
  { additionalProperties: false },
);
export interface PreferencesBody {
  preferences: Record<string, string | undefined>;
}

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 1024, description: 'The signed token from the link in an e-mail.' }) }, { additionalProperties: false });
export const Unsubscribed = Type.Object({
  unsubscribed: Type.Array(Type.Enum(NOTIFICATION_TYPES), { description: 'The types now set to off (none until confirmed with a POST).' }),
  confirm: Type.Boolean({ description: 'True when nothing changed yet: POST to the same link to unsubscribe.' }),
  message: Type.String(),
});
export type Unsubscribed = Static<typeof Unsubscribed>;
