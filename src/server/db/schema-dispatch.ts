import type { Selectable } from 'kysely';

/** Tables of responses, updates and dispatch (migration 0004). */
export interface DispatchTables {
  responses: ResponsesTable;
  updates: UpdatesTable;
  updateLinks: UpdateLinksTable;
  consumerOffsets: ConsumerOffsetsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  notificationPreferences: NotificationPreferencesTable;
  mailDeliveries: MailDeliveriesTable;
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
}

export interface ResponsesTable {
  id: string;
  contributionId: string;
  initiativeId: string;
  authorId: string;
  /** received | under_review | accepted | in_development | delivered | declined | not_now | merged */
  status: string;
  previousStatus: string;
  text: string;
  /** Required for declined and not_now; '' otherwise. */
  reason: string;
  createdAt: string;
}

export interface UpdatesTable {
  id: string;
  initiativeId: string;
  authorId: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface UpdateLinksTable {
  updateId: string;
  contributionId: string;
}

/** How far each consumer has read the events outbox; the lock lets one worker at a time advance it. */
export interface ConsumerOffsetsTable {
  consumer: string;
  lastEventId: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  updatedAt: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  /** The same effect is enqueued once: consumers derive it from the event and the recipient. */
  dedupeKey: string;
  payload: unknown;
  orgId: string | null;
  /** pending | running | done | dead */
  status: string;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationsTable {
  id: string;
  userId: string;
  eventId: number;
  type: string;
  orgId: string | null;
  initiativeId: string | null;
  subjectType: string;
  subjectId: string;
  data: unknown;
  readAt: string | null;
  emailedAt: string | null;
  createdAt: string;
}

export interface NotificationPreferencesTable {
  userId: string;
  eventType: string;
  /** immediately | daily | weekly | off */
  mode: string;
  updatedAt: string;
}

export interface MailDeliveriesTable {
  id: string;
  userId: string;
  dedupeKey: string;
  kind: string;
  subject: string;
  sentAt: string;
}

export interface WebhooksTable {
  id: string;
  orgId: string;
  url: string;
  secret: string;
  eventTypes: unknown;
  description: string;
  active: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Set when an owner deletes the endpoint: it stops, its delivery log stays (migration 0005). */
  deletedAt: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhookId: string;
  eventId: number;
  eventType: string;
  /** pending | delivered | failed | dead */
  status: string;
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export type JobRow = Selectable<JobsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
