import type { Context } from '../../context.js';
import type { NotificationRow } from '../../db/schema.js';
import type { StoredEvent } from '../dispatch/dispatcher.js';
import { initiativeIdOf, loadHiddenFacts, NO_HIDDEN, present, restriction, type HiddenFacts } from './audience.js';
import { eventsAfter, lastEventId, notificationsOf, unreadCounts, uuidFloor } from './queries.js';
import { HEARTBEAT, sseFrame } from './sse.js';
import { InitiativeStream, readersOf, type PersonStream } from './streams.js';

export interface LiveOptions {
  /** How often the events table is read (one query per process, whatever the number of readers). */
  pollMs: number;
  /** How often the notifications of connected people are read. */
  notificationPollMs: number;
  /** A comment line keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Streams end after this long (±10 %), and the browser reconnects: access is checked again, load rebalances across nodes. */
  maxStreamMs: number;
  /** Open streams per process; beyond, new streams are refused with 429. */
  maxStreams: number;
  /** Bytes waiting in one reader's socket before it is dropped as too slow. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveOptions = {
  pollMs: 300,
  notificationPollMs: 1_000,
  heartbeatMs: 15_000,
  maxStreamMs: 10 * 60_000,
  maxStreams: 20_000,
  maxBufferedBytes: 1_048_576,
};

/** How long a hole in the event ids may be a transaction still committing (PostgreSQL) before it is skipped. */
const GAP_WAIT_MS = 3_000;
const EVENT_BATCH = 500;
/** Notification rows are read again for this long, so a row committed late (another writer, clock skew) is not missed. */
export const NOTIFICATION_LOOKBACK_MS = 5_000;
const NOTIFICATION_BATCH = 1_000;
/** Cursors at the moment a stream joined: what it must replay itself, and what the hub delivers live. */
export interface JoinPoint {
  /** Every event up to this id was handed to the streams that were open; later ones reach the new stream live. */
  eventCursor: number;
}

export class LiveBusyError extends Error {}

/**
 * One per process. Reads the events outbox (and the notifications of connected people) on a
 * timer while anyone listens, and fans each event out in memory: it is encoded once per audience
 * (public or hosts), and the same bytes go to every reader allowed to read it. Every node of a
 * deployment runs its own hub over the shared database, so a stream works on any node.
 */
export class LiveHub {
  readonly options: LiveOptions;
  private readonly initiatives = new Map<string, Set<InitiativeStream>>();
  private readonly people = new Map<string, Set<PersonStream>>();
  private streams = 0;
  private joining = 0;

  private eventCursor = 0;
  private gap: { after: number; since: number } | null = null;
  private notificationCursor = '';
  private lastNotificationPoll = 0;

  private starting: Promise<void> | null = null;
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  /** The poll loop of the current generation (null while stopped). */
  private loop: (() => void) | null = null;
  /** A write committed here while a poll ran: poll again as soon as it ends. */
  private wakeAfterPoll = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastUnreadCheck = 0;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly ctx: Context,
    options: Partial<LiveOptions> = {},
  ) {
    this.options = { ...DEFAULT_LIVE_OPTIONS, ...options };
  }

  /** Open streams (for metrics and tests). */
  get size(): number {
    return this.streams;
  }

  /** Whether the poller runs (it runs only while someone listens). */
  get active(): boolean {
    return this.starting !== null;
  }

  /**
   * Registers a stream between two polls (never during one), so that everything up to the
   * returned cursor was delivered before it joined and everything after reaches it live.
   */
  async join(stream: InitiativeStream | PersonStream): Promise<JoinPoint> {
    if (this.closed || this.streams + this.joining >= this.options.maxStreams) throw new LiveBusyError('too many live streams');
    this.joining++;
    try {
      await this.start();
      while (this.running !== null) await this.running;
      if (this.closed || stream.connection.closed) throw new LiveBusyError('closed');
      if (stream instanceof InitiativeStream) add(this.initiatives, stream.initiativeId, stream);
      else add(this.people, stream.userId, stream);
      this.streams++;
      stream.connection.onClose(() => this.leave(stream));
      return { eventCursor: this.eventCursor };
    } finally {
      this.joining--;
      if (this.streams + this.joining === 0) this.stop();
    }
  }

  private leave(stream: InitiativeStream | PersonStream): void {
    const removed = stream instanceof InitiativeStream ? remove(this.initiatives, stream.initiativeId, stream) : remove(this.people, stream.userId, stream);
    if (!removed) return;
    this.streams--;
    if (this.streams + this.joining === 0) this.stop();
  }

  /**
   * Reads the outbox now rather than at the next tick: a request of this process has just
   * committed a write, so its event reaches the streams without waiting up to `pollMs`. (Writes
   * on other nodes are found by the timer.) The poll starts right here, not on a timer, so work
   * already queued (a delivery worker's pass) does not go first. One poll runs at a time, so a
   * burst of writes costs at most one extra poll after the current one.
   */
  wake(): void {
    if (this.loop === null) return;
    if (this.running !== null) {
      this.wakeAfterPoll = true;
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.loop();
  }

  /** Ends every stream and stops polling (server shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const set of [...this.initiatives.values(), ...this.people.values()]) for (const stream of [...set]) stream.connection.close();
    this.stop();
    while (this.running !== null) await this.running;
  }

  private start(): Promise<void> {
    this.starting ??= (async () => {
      while (this.running !== null) await this.running;
      try {
        this.eventCursor = await lastEventId(this.ctx.db);
      } catch (error) {
        this.starting = null;
        throw error;
      }
      this.gap = null;
      this.notificationCursor = uuidFloor(Date.now());
      this.lastNotificationPoll = 0;
      const generation = ++this.generation;
      const loop = (): void => {
        if (generation !== this.generation) return;
        this.timer = null;
        this.wakeAfterPoll = false;
        this.running = this.poll()
          .catch((error: unknown) => {
            this.ctx.log.error({ err: error }, 'live poll failed');
            return false;
          })
          .then((more) => {
            this.running = null;
            if (generation === this.generation) this.timer = setTimeout(loop, more || this.wakeAfterPoll ? 0 : this.options.pollMs);
          });
      };
      this.loop = loop;
      this.timer = setTimeout(loop, this.options.pollMs);
      this.lastUnreadCheck = Date.now();
      // Checked four times per heartbeat period; only streams idle for a whole period get a ping.
      this.heartbeat = setInterval(() => this.beat(), Math.max(10, Math.floor(this.options.heartbeatMs / 4)));
      this.heartbeat.unref();
    })();
    return this.starting;
  }

  private stop(): void {
    if (this.starting === null) return;
    this.starting = null;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    this.loop = null;
    this.wakeAfterPoll = false;
    this.heartbeat = null;
  }

  /** One pass; true when there is more to read at once. */
  private async poll(): Promise<boolean> {
    const more = await this.pollEvents();
    if (this.people.size > 0 && Date.now() - this.lastNotificationPoll >= this.options.notificationPollMs) {
      this.lastNotificationPoll = Date.now();
      await this.pollNotifications();
    }
    return more;
  }

  private async pollEvents(): Promise<boolean> {
    const rows = await eventsAfter(this.ctx.db, this.eventCursor, EVENT_BATCH);
    const batch = this.contiguous(rows);
    if (batch.length === 0) return false;
    const watched = batch.filter((event) => {
      const initiativeId = initiativeIdOf(event);
      return initiativeId !== null && this.initiatives.has(initiativeId);
    });
    const facts = watched.length === 0 ? NO_HIDDEN : await loadHiddenFacts(this.ctx.db, watched);
    for (const event of watched) this.fanOut(event, facts);
    this.eventCursor = batch[batch.length - 1]?.id ?? this.eventCursor;
    return rows.length === EVENT_BATCH && batch.length === rows.length;
  }

  /**
   * Sends one event to every reader of its initiative allowed to read it: who may read it is
   * decided once per kind of reader, and the message is encoded once; each reader costs a write.
   */
  private fanOut(event: StoredEvent, facts: HiddenFacts): void {
    const initiativeId = initiativeIdOf(event);
    const readers = initiativeId === null ? undefined : this.initiatives.get(initiativeId);
    if (initiativeId === null || readers === undefined) return;
    const mayRead = readersOf(event, restriction(event, facts));
    let frame: Buffer | null = null;
    for (const reader of readers) {
      if (!mayRead(reader)) continue;
      frame ??= sseFrame(event.type, present(event, initiativeId), event.id);
      reader.deliver(event.id, frame);
    }
  }

  /**
   * The events up to the first hole in the ids. On PostgreSQL an id can become visible after a
   * higher one (its transaction commits later); a hole is waited for, then skipped (a rollback).
   */
  private contiguous(events: StoredEvent[]): StoredEvent[] {
    const out: StoredEvent[] = [];
    let expected = this.eventCursor + 1;
    for (const event of events) {
      if (event.id !== expected) {
        if (this.gap?.after !== expected - 1) {
          this.gap = { after: expected - 1, since: Date.now() };
          break;
        }
        if (Date.now() - this.gap.since < GAP_WAIT_MS) break;
        this.gap = null;
      }
      out.push(event);
      expected = event.id + 1;
    }
    return out;
  }

  /**
   * New notification rows of the people connected to this node. Rows are read from a few seconds
   * back (ids are time-ordered UUIDs), so a row whose transaction committed late is still found;
   * each stream remembers what it sent, so nothing is sent twice.
   */
  private async pollNotifications(): Promise<void> {
    const users = [...this.people.keys()];
    const floor = uuidFloor(Date.now() - NOTIFICATION_LOOKBACK_MS);
    let after = this.notificationCursor < floor ? this.notificationCursor : floor;
    const touched = new Map<string, NotificationRow[]>();
    for (let page = 0; page < 20; page++) {
      const rows = await notificationsOf(this.ctx.db, this.ctx.dialect, users, after, NOTIFICATION_BATCH);
      for (const row of rows) {
        const streams = this.people.get(row.userId);
        if (streams === undefined || ![...streams].some((s) => !s.sent(row.eventId))) continue;
        const list = touched.get(row.userId) ?? [];
        list.push(row);
        touched.set(row.userId, list);
      }
      const last = rows[rows.length - 1];
      if (last !== undefined) {
        after = last.id;
        if (last.id > this.notificationCursor) this.notificationCursor = last.id;
      }
      if (rows.length < NOTIFICATION_BATCH) break;
    }
    if (touched.size === 0) return;
    const counts = await unreadCounts(this.ctx.db, this.ctx.dialect, [...touched.keys()]);
    for (const [userId, rows] of touched) {
      const count = counts.get(userId) ?? 0;
      for (const stream of this.people.get(userId) ?? []) {
        for (const row of rows) stream.notify(row, count);
        if (stream.pending === null) stream.lastUnread = count;
      }
    }
  }

  /**
   * The end of streams that lived long enough; a ping for each stream that has written nothing
   * for a heartbeat period (streams that carry messages need none, and the pings of streams
   * opened at different times are spread out instead of written to every socket at once); and,
   * once a period, unread counts changed elsewhere (read in another tab).
   */
  private beat(): void {
    const now = Date.now();
    const idleSince = now - this.options.heartbeatMs;
    for (const set of [...this.initiatives.values(), ...this.people.values()]) {
      for (const stream of [...set]) {
        if (now > stream.deadline) stream.connection.close();
        else if (stream.connection.lastWriteAt <= idleSince) stream.connection.write(HEARTBEAT);
      }
    }
    if (this.people.size === 0 || now - this.lastUnreadCheck < this.options.heartbeatMs) return;
    this.lastUnreadCheck = now;
    void unreadCounts(this.ctx.db, this.ctx.dialect, [...this.people.keys()])
      .then((counts) => {
        for (const [userId, count] of counts) for (const stream of this.people.get(userId) ?? []) stream.unread(count);
      })
      .catch((error: unknown) => this.ctx.log.warn({ err: error }, 'live unread counts failed'));
  }
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function remove<T>(map: Map<string, Set<T>>, key: string, value: T): boolean {
  const set = map.get(key);
  if (!set?.delete(value)) return false;
  if (set.size === 0) map.delete(key);
  return true;
}
