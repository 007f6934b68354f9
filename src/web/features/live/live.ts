import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { LiveActivity, LiveNotification, LiveUnread } from '../../../server/modules/live/schemas.js';

/**
 * Live activity: the browser's EventSource on the server's Server-Sent Events streams. It
 * reconnects by itself and resumes with Last-Event-ID, so nothing is missed; each message only
 * says *what* changed, and the hooks here mark the matching TanStack Query caches stale, so the
 * pages refetch what they show (feeds, counts, statuses, comments).
 */

/** Public activity plus what hosts receive (named SSE events need a listener each). */
const INITIATIVE_EVENTS = [
  'contribution.created', 'contribution.revised', 'contribution.supported', 'contribution.support_retracted', 'contribution.merged', 'contribution.unmerged',
  'contribution.responded', 'contribution.themed', 'comment.created', 'update.published', 'theme.created', 'theme.updated',
  'initiative.updated', 'initiative.launched', 'initiative.phase_changed', 'initiative.closed', 'initiative.archived', 'initiative.discarded', 'terms.sealed', 'terms.amended',
  // hosts only
  'contribution.flagged', 'comment.flagged', 'contribution.hidden', 'comment.hidden', 'contribution.unhidden', 'comment.unhidden', 'appeal.opened', 'appeal.upheld', 'appeal.rejected',
  'flags.dismissed', 'contribution.overdue', 'contribution.coauthor_invited', 'contribution.coauthor_accepted', 'contribution.coauthor_declined', 'contribution.coauthor_removed',
  'contribution.attachment_added', 'comment.revised', 'initiative.response_target_changed',
] as const;

/** Invalidations arrive in bursts (a busy initiative): coalesce them, one refetch per key per window. */
function batcher(client: QueryClient, windowMs = 400) {
  const queued = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    for (const queryKey of queued.values()) void client.invalidateQueries({ queryKey });
    queued.clear();
  };
  return {
    add(...keys: QueryKey[]) {
      for (const key of keys) queued.set(JSON.stringify(key), key);
      timer ??= setTimeout(flush, windowMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

/** What a message about an initiative makes stale. */
export function staleKeys(initiativeId: string, m: LiveActivity): QueryKey[] {
  const initiative = ['initiative', initiativeId];
  const contribution = m.contributionId === undefined ? [] : [['contribution', m.contributionId]];
  if (m.type.startsWith('initiative.') || m.type.startsWith('terms.')) return [initiative];
  if (m.type.startsWith('theme.') || m.type === 'contribution.themed') return [[...initiative, 'themes'], [...initiative, 'contributions'], ...contribution];
  if (m.type === 'update.published') return [[...initiative, 'updates'], [...initiative, 'accountability']];
  if (m.type.endsWith('.flagged') || m.type.startsWith('appeal.') || m.type === 'flags.dismissed') return [[...initiative, 'moderation'], ...contribution];
  if (m.type === 'contribution.merged' || m.type === 'contribution.unmerged') {
    const target = typeof m.data?.targetId === 'string' ? [['contribution', m.data.targetId]] : [];
    return [[...initiative, 'contributions'], ...contribution, ...target];
  }
  if (m.type === 'contribution.responded' || m.type === 'contribution.overdue') return [[...initiative, 'contributions'], [...initiative, 'unanswered'], [...initiative, 'response-times'], [...initiative, 'accountability'], ...contribution];
  // A new contribution also joins the hosts' unanswered queue and the response-time figures.
  if (m.type === 'contribution.created') return [[...initiative, 'contributions'], [...initiative, 'unanswered'], [...initiative, 'response-times'], ...contribution];
  return [[...initiative, 'contributions'], [...initiative, 'moderation'], ...contribution];
}

/** Keeps the pages of one initiative (about, feed, contribution pages, host screens) current while mounted. */
export function useInitiativeLive(initiativeId: string | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!initiativeId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/stream`);
    const stale = batcher(client);
    const onActivity = (event: Event) => {
      const m = parse<LiveActivity>(event);
      if (m) stale.add(...staleKeys(initiativeId, m));
    };
    for (const type of INITIATIVE_EVENTS) source.addEventListener(type, onActivity);
    // Too far behind to replay: refetch everything about the initiative.
    source.addEventListener('reset', () => stale.add(['initiative', initiativeId], ['contribution']));
    // A 404/401 answer closes the EventSource for good; nothing else to do.
    return () => {
      source.close();
      stale.stop();
    };
  }, [client, initiativeId]);
}

/** The notifications' cache keys (the notifications feature's `notificationKeys`): the bell's count and the inbox. */
const UNREAD_KEY = ['me', 'notifications', 'unread-count'] as const;
const INBOX_KEY = ['me', 'notifications', 'inbox'] as const;

/** The unread notification count as the person stream last said it (null until it has). */
const unread = {
  value: null as number | null,
  listeners: new Set<() => void>(),
  set(value: number | null) {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  },
};

/** For the notification badge: re-renders when the count changes. */
export function useLiveUnreadCount(): number | null {
  return useSyncExternalStore(
    (listener) => {
      unread.listeners.add(listener);
      return () => unread.listeners.delete(listener);
    },
    () => unread.value,
    () => null,
  );
}

/**
 * The signed-in person's stream: each count it sends goes straight into the bell's unread-count
 * query (and `useLiveUnreadCount`), and new notifications mark the inbox stale. Mount once (the
 * notification bell in the header) while signed in.
 */
export function usePersonLive(signedIn: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/me/stream');
    const stale = batcher(client);
    const count = (n: number) => {
      unread.set(n);
      client.setQueryData(UNREAD_KEY, n);
    };
    source.addEventListener('unread', (event) => {
      const m = parse<LiveUnread>(event);
      if (m) count(m.unreadCount);
    });
    source.addEventListener('ready', () => stale.add(INBOX_KEY));
    source.addEventListener('reset', () => stale.add(INBOX_KEY));
    // Notifications arrive under their own type; `onmessage` does not see named events, so listen to each kind we show.
    const onNotification = (event: Event) => {
      const m = parse<LiveNotification>(event);
      if (!m) return;
      count(m.unreadCount);
      stale.add(INBOX_KEY);
    };
    for (const type of NOTIFICATION_EVENTS) source.addEventListener(type, onNotification);
    return () => {
      source.close();
      stale.stop();
      unread.set(null);
    };
  }, [client, signedIn]);
}

/** The notification types the server writes (src/server/modules/notifications/catalogue.ts). */
const NOTIFICATION_EVENTS = [
  'contribution.responded', 'update.published', 'contribution.overdue', 'contribution.hidden', 'comment.hidden', 'appeal.upheld', 'appeal.rejected',
  'contribution.coauthor_invited', 'terms.amended', 'comment.created', 'contribution.created', 'contribution.supported',
] as const;
