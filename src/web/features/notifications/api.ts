import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import { notificationKeys as k } from '../../lib/queryKeys';
import type { Inbox, Notification, NotificationData, Preferences } from '../../../server/modules/notifications/schemas.js';
import type { MailMode, NotificationType } from '../../../server/modules/notifications/catalogue.js';

export type { MailMode, Notification, NotificationData, NotificationType, Preferences };
export type Preference = Preferences['preferences'][number];

/** The modes in the order people read them, from most to least mail. */
export const MODES = ['immediately', 'daily', 'weekly', 'off'] as const satisfies readonly MailMode[];

/** The bell's number. Live updates (the person's stream) set it directly; otherwise it refreshes every minute and on focus. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: k.unread,
    queryFn: async () => (await api<{ unreadCount: number }>('GET', '/me/notifications/unread-count')).unreadCount,
    enabled,
    staleTime: 15_000,
    refetchInterval: 60_000,
  });

export const useInbox = (filter: 'all' | 'unread') =>
  useInfiniteQuery({
    queryKey: k.inbox(filter),
    queryFn: ({ pageParam }) => api<Inbox>('GET', `/me/notifications${query({ unread: filter === 'unread' ? 'true' : null, cursor: pageParam, limit: 30 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** A new unread count from the server: the bell shows it at once, the inbox refetches. */
export function setUnread(client: QueryClient, unreadCount: number) {
  client.setQueryData(k.unread, unreadCount);
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => api<{ marked: number; unreadCount: number }>('POST', '/me/notifications/read', which),
    onSuccess: (result, which) => {
      setUnread(client, result.unreadCount);
      // Read at once in every cached page, without waiting for a refetch.
      const ids = 'ids' in which ? new Set(which.ids) : null;
      client.setQueriesData<{ pages: Inbox[]; pageParams: unknown[] }>({ queryKey: ['me', 'notifications', 'inbox'] }, (old) =>
        old ? { ...old, pages: old.pages.map((page) => ({ ...page, unreadCount: result.unreadCount, items: page.items.map((n) => (ids === null || ids.has(n.id) ? { ...n, read: true } : n)) })) } : old,
      );
      void client.invalidateQueries({ queryKey: k.inbox('unread') });
    },
  });
}

export const usePreferences = () => useQuery({ queryKey: k.preferences, queryFn: () => api<Preferences>('GET', '/me/notification-preferences') });

export function useSavePreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { type: NotificationType; mode: MailMode }) => api<Preferences>('PUT', '/me/notification-preferences', { preferences: { [change.type]: change.mode } }),
    onSuccess: (saved) => client.setQueryData(k.preferences, saved),
  });
}
