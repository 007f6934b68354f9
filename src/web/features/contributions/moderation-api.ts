import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query, type Page } from '../../lib/api';
import { contributionKeys as k } from '../../lib/queryKeys';
import type { Appeal, BulkBody, BulkResult, DecisionBody, FlagBody, FlaggedSubject, MyHiddenItem, SubjectSummary, SubjectType } from '../../../server/modules/moderation/schemas.js';

export type { Appeal, BulkBody, BulkResult, FlagBody, FlaggedSubject, MyHiddenItem, SubjectSummary, SubjectType };
export type AppealStatus = Appeal['status'];

const enc = encodeURIComponent;
const base = (type: SubjectType, id: string) => `/${type === 'comment' ? 'comments' : 'contributions'}/${enc(id)}`;

/** After any moderation: the subject, its conversation, the feeds and the queues may all have changed. */
function useRefreshModeration() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['contribution'] });
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'initiative' && (q.queryKey[2] === 'contributions' || q.queryKey[2] === 'moderation') });
  };
}

export function useFlag(type: SubjectType, id: string) {
  return useMutation({ mutationFn: (body: FlagBody) => api<unknown>('POST', `${base(type, id)}/flags`, body) });
}

export function useHide(type: SubjectType, id: string) {
  const refresh = useRefreshModeration();
  return useMutation({ mutationFn: (reason: string) => api<unknown>('POST', `${base(type, id)}/hide`, { reason }), onSuccess: refresh });
}

export function useUnhide(type: SubjectType, id: string) {
  const refresh = useRefreshModeration();
  return useMutation({ mutationFn: () => api<unknown>('POST', `${base(type, id)}/unhide`), onSuccess: refresh });
}

export function useAppeal(type: SubjectType, id: string) {
  const refresh = useRefreshModeration();
  return useMutation({ mutationFn: (text: string) => api<unknown>('POST', `${base(type, id)}/appeals`, { text }), onSuccess: refresh });
}

export const useFlagQueue = (initiativeId: string) =>
  useInfiniteQuery({
    queryKey: k.flags(initiativeId),
    queryFn: ({ pageParam }) => api<Page<FlaggedSubject>>('GET', `/initiatives/${enc(initiativeId)}/moderation/flags${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useAppeals = (initiativeId: string, status: AppealStatus) =>
  useInfiniteQuery({
    queryKey: [...k.appeals(initiativeId), status],
    queryFn: ({ pageParam }) => api<Page<Appeal>>('GET', `/initiatives/${enc(initiativeId)}/moderation/appeals${query({ status, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export function useDecide(appealId: string) {
  const refresh = useRefreshModeration();
  return useMutation({ mutationFn: (body: DecisionBody) => api<unknown>('POST', `/appeals/${enc(appealId)}/decision`, body), onSuccess: refresh });
}

export function useBulk(initiativeId: string) {
  const refresh = useRefreshModeration();
  return useMutation({ mutationFn: (body: BulkBody) => api<BulkResult>('POST', `/initiatives/${enc(initiativeId)}/moderation/bulk`, body), onSuccess: refresh });
}

/** What the hosts hid of mine (contributions and comments), with the reason and where my appeal stands. */
export const useMyHidden = () =>
  useInfiniteQuery({
    queryKey: ['me', 'moderation'],
    queryFn: ({ pageParam }) => api<Page<MyHiddenItem>>('GET', `/me/moderation${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
