import { parseJson } from '../../db/database.js';
import type { NotificationRow } from '../../db/schema.js';
import type { StoredEvent } from '../dispatch/dispatcher.js';
import { audienceOf } from './audience.js';
import type { LiveNotification } from './schemas.js';
import { sseFrame, type SseConnection } from './sse.js';

// The open streams the hub writes to: one initiative's readers, or one person's notifications.

/** Messages held for a stream while its replay runs; beyond, the stream is dropped (it resumes). */
const MAX_PENDING = 5_000;
/** Event ids remembered per person stream to deliver each notification once despite the lookback. */
const MAX_DELIVERED = 512;

interface Pending {
  eventId: number;
  frame: Buffer;
}

abstract class Stream {
  /** Live messages wait here while the replay is written; null once the stream is live. */
  pending: Pending[] | null = [];
  /** Messages with an id up to this one were read elsewhere (resuming from another node that is ahead). */
  skipUpTo = 0;
  readonly deadline: number;

  constructor(
    readonly connection: SseConnection,
    maxStreamMs: number,
  ) {
    this.deadline = Date.now() + maxStreamMs * (0.9 + Math.random() * 0.2);
  }

  deliver(eventId: number, frame: Buffer): void {
    if (eventId <= this.skipUpTo) return;
    if (this.pending === null) {
      this.connection.write(frame);
    } else if (this.pending.length < MAX_PENDING) {
      this.pending.push({ eventId, frame });
    } else {
      this.connection.close();
    }
  }

  /** Writes what arrived during the replay (minus what the replay already sent) and goes live. */
  goLive(alreadySent: (eventId: number) => boolean = () => false): void {
    const pending = this.pending ?? [];
    this.pending = null;
    for (const p of pending) if (p.eventId > this.skipUpTo && !alreadySent(p.eventId)) this.connection.write(p.frame);
  }
}

/** A reader of one initiative's activity. */
export class InitiativeStream extends Stream {
  constructor(
    connection: SseConnection,
    maxStreamMs: number,
    readonly initiativeId: string,
    readonly userId: string | null,
    /** A steward of the initiative or an owner of its organisation. */
    readonly host: boolean,
  ) {
    super(connection, maxStreamMs);
  }

  /** Whether this reader may read `event`; `restricted` is the test for events about hidden content. */
  mayRead(event: StoredEvent, restricted: ((userId: string | null) => boolean) | null): boolean {
    return readersOf(event, restricted)(this);
  }
}

/**
 * Who may read an event, decided once per event by kind of reader: hosts read everything;
 * everyone else reads public activity, unless it is about hidden content (then only its authors).
 */
export function readersOf(event: StoredEvent, restricted: ((userId: string | null) => boolean) | null): (reader: InitiativeStream) => boolean {
  if (audienceOf(event.type) !== 'public') return (reader) => reader.host;
  if (restricted === null) return () => true;
  return (reader) => reader.host || restricted(reader.userId);
}

/** A person reading their own notifications. */
export class PersonStream extends Stream {
  /** Event ids of notifications already sent (bounded), so the lookback never sends one twice. */
  private readonly delivered = new Set<number>();
  lastUnread = -1;

  constructor(
    connection: SseConnection,
    maxStreamMs: number,
    readonly userId: string,
  ) {
    super(connection, maxStreamMs);
  }

  remember(eventId: number): void {
    this.delivered.add(eventId);
    if (this.delivered.size > MAX_DELIVERED) {
      const oldest = this.delivered.values().next();
      if (oldest.done !== true) this.delivered.delete(oldest.value);
    }
  }

  sent(eventId: number): boolean {
    return this.delivered.has(eventId);
  }

  notify(row: NotificationRow, unreadCount: number): void {
    if (this.sent(row.eventId) || row.eventId <= this.skipUpTo) return;
    this.remember(row.eventId);
    this.deliver(row.eventId, sseFrame(row.type, presentNotification(row, unreadCount), row.eventId));
  }

  unread(count: number): void {
    if (count === this.lastUnread || this.pending !== null) return;
    this.lastUnread = count;
    this.connection.write(sseFrame('unread', { unreadCount: count }));
  }
}

export const presentNotification = (row: NotificationRow, unreadCount: number): LiveNotification => ({
  id: row.id,
  eventId: row.eventId,
  type: row.type,
  initiativeId: row.initiativeId,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  data: parseJson(row.data),
  createdAt: row.createdAt,
  unreadCount,
});
