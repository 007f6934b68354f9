import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, query, type Page } from '../../lib/api';
import { contributionKeys, responseKeys as k } from '../../lib/queryKeys';
import type {
  Accountability as AccountabilitySchema,
  CreateUpdateBody,
  RespondBody,
  Response,
  ResponseTimes,
  Update,
  WaitingItem as WaitingItemSchema,
} from '../../../server/modules/responses/schemas.js';

export type { CreateUpdateBody, RespondBody, Response, ResponseTimes, Update };
export type Accountability = Static<typeof AccountabilitySchema>;
export type AccountabilityGroup = Accountability['groups'][number];
export type AccountabilityItem = AccountabilityGroup['items'][number];
export type WaitingItem = Static<typeof WaitingItemSchema>;
export type ResponseStatus = RespondBody['status'];

/** The statuses a host answers with, in the order of the path; `merged` comes from merging, never from an answer. */
export const RESPONSE_STATUSES = ['received', 'under_review', 'accepted', 'in_development', 'delivered', 'declined', 'not_now'] as const satisfies readonly ResponseStatus[];
/** Saying no needs a reason, never silence. */
export const NEEDS_REASON: readonly ResponseStatus[] = ['declined', 'not_now'];

const enc = encodeURIComponent;

export const useResponses = (contributionId: string) =>
  useQuery({ queryKey: k.history(contributionId), queryFn: () => api<{ items: Response[] }>('GET', `/contributions/${enc(contributionId)}/responses`) });

export const useResponseTimes = (initiativeId: string, enabled = true) =>
  useQuery({ queryKey: k.times(initiativeId), queryFn: () => api<ResponseTimes>('GET', `/initiatives/${enc(initiativeId)}/response-times`), enabled: enabled && initiativeId !== '' });

export const useUnanswered = (initiativeId: string) =>
  useInfiniteQuery({
    queryKey: k.unanswered(initiativeId),
    queryFn: ({ pageParam }) => api<Page<WaitingItem>>('GET', `/initiatives/${enc(initiativeId)}/unanswered${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useUpdates = (initiativeId: string, options: { limit?: number; enabled?: boolean } = {}) =>
  useInfiniteQuery({
    queryKey: [...k.updates(initiativeId), options.limit ?? 20],
    queryFn: ({ pageParam }) => api<Page<Update>>('GET', `/initiatives/${enc(initiativeId)}/updates${query({ cursor: pageParam, limit: options.limit ?? 20 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: options.enabled !== false,
  });

export const useAccountability = (initiativeId: string) =>
  useQuery({ queryKey: k.accountability(initiativeId), queryFn: () => api<Accountability>('GET', `/initiatives/${enc(initiativeId)}/accountability`) });

/** After an answer or an update: the contribution, the feeds, the queue, the figures and the accountability page. */
export function refreshLoop(client: QueryClient, initiativeId: string, contributionIds: readonly string[]) {
  for (const id of contributionIds) void client.invalidateQueries({ queryKey: ['contribution', id] });
  void client.invalidateQueries({ queryKey: contributionKeys.feeds(initiativeId) });
  for (const key of [k.times, k.unanswered, k.updates, k.accountability]) void client.invalidateQueries({ queryKey: key(initiativeId) });
}

export function useRespond(contribution: { id: string; initiativeId: string }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RespondBody) => api<Response>('POST', `/contributions/${enc(contribution.id)}/responses`, body),
    onSuccess: () => refreshLoop(client, contribution.initiativeId, [contribution.id]),
  });
}

export function useSetTarget(initiativeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (hours: number) => api<{ hours: number }>('PUT', `/initiatives/${enc(initiativeId)}/response-target`, { hours }),
    onSuccess: () => refreshLoop(client, initiativeId, []),
  });
}

export function usePublishUpdate(initiativeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUpdateBody) => api<Update>('POST', `/initiatives/${enc(initiativeId)}/updates`, body),
    onSuccess: (update) => refreshLoop(client, initiativeId, update.contributions.map((c) => c.id)),
  });
}
