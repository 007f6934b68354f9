import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, query, type Page } from '../../lib/api';
import { contributionKeys as k } from '../../lib/queryKeys';
import type { SearchHit, Segment, SimilarContribution } from '../../../server/modules/search/schemas.js';

export type { SearchHit, Segment, SimilarContribution };

const enc = encodeURIComponent;

/** The value as it was `ms` ago without change: for asking the server only once someone pauses typing. */
export function useDebounced<T extends string | number | boolean>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Full-text search in one initiative: contributions and the comments on them. */
export const useSearch = (initiativeId: string, q: string) =>
  useInfiniteQuery({
    queryKey: k.search(initiativeId, q),
    queryFn: ({ pageParam }) => api<Page<SearchHit>>('GET', `/search${query({ q, initiative: initiativeId, cursor: pageParam, limit: 20 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: q.trim() !== '',
  });

/** Contributions like the one being written, asked for once the writer pauses. */
export function useSimilar(initiativeId: string, title: string, body: string) {
  const settled = { title: useDebounced(title.trim(), 400), body: useDebounced(body.trim(), 400) };
  const enabled = settled.title.length >= 3 || settled.body.length >= 12;
  return useQuery({
    queryKey: k.similar(initiativeId, settled.title, settled.body),
    queryFn: () =>
      api<{ items: SimilarContribution[] }>('POST', `/initiatives/${enc(initiativeId)}/contributions/similar`, {
        title: settled.title === '' ? settled.body.slice(0, 200) : settled.title,
        ...(settled.body !== '' ? { body: settled.body } : {}),
        limit: 3,
      }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}
