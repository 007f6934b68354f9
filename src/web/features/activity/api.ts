import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query, type Page } from '../../lib/api';
import { keys } from '../../lib/queryKeys';
import type { EventItem } from '../../lib/types';

export function useEvents(slug: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.events(slug),
    queryFn: ({ pageParam }) => api<Page<EventItem>>('GET', `/orgs/${encodeURIComponent(slug)}/events${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
