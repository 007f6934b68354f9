import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, query, type Page } from '../../lib/api';
import { contributionKeys as k } from '../../lib/queryKeys';
import type { Contribution, ContributionSummary, CreateContributionBody, FollowState, Lineage, Revision, SupportState, UpdateContributionBody } from './types';

const enc = encodeURIComponent;

/** The feed's sort and filters, as the query string sends them (empty values are left out). */
export type FeedParams = Record<string, string>;

export const useFeed = (initiativeId: string, params: FeedParams, options: { limit?: number; enabled?: boolean } = {}) =>
  useInfiniteQuery({
    queryKey: k.feed(initiativeId, { ...params, limit: String(options.limit ?? 20) }),
    queryFn: ({ pageParam }) => api<Page<ContributionSummary>>('GET', `/initiatives/${enc(initiativeId)}/contributions${query({ ...params, limit: options.limit ?? 20, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: initiativeId !== '' && options.enabled !== false,
  });

export const useContribution = (id: string) => useQuery({ queryKey: k.one(id), queryFn: () => api<Contribution>('GET', `/contributions/${enc(id)}`), enabled: id !== '' });
export const useRevisions = (id: string, enabled = true) =>
  useQuery({ queryKey: k.revisions(id), queryFn: () => api<{ items: Revision[] }>('GET', `/contributions/${enc(id)}/revisions`), enabled });
export const useLineage = (id: string) => useQuery({ queryKey: k.lineage(id), queryFn: () => api<Lineage>('GET', `/contributions/${enc(id)}/lineage`) });
export const useInitiativeFollow = (initiativeId: string, enabled = true) =>
  useQuery({ queryKey: k.follow(initiativeId), queryFn: () => api<FollowState>('GET', `/initiatives/${enc(initiativeId)}/follow`), enabled });

/** After a change to a contribution: the page itself, and every feed of its initiative. */
export function refreshContribution(client: QueryClient, contribution: { id: string; initiativeId: string }) {
  void client.invalidateQueries({ queryKey: ['contribution', contribution.id] });
  void client.invalidateQueries({ queryKey: k.feeds(contribution.initiativeId) });
}

export function useCreateContribution(initiativeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContributionBody) => api<Contribution>('POST', `/initiatives/${enc(initiativeId)}/contributions`, body),
    onSuccess: (created) => {
      client.setQueryData(k.one(created.id), created);
      void client.invalidateQueries({ queryKey: k.feeds(initiativeId) });
      // What it builds on or cites gains a "built upon by" / "cited by".
      for (const ref of [...created.links.buildsOn, ...created.links.cites]) void client.invalidateQueries({ queryKey: k.lineage(ref.id) });
    },
  });
}

export function useUpdateContribution(contribution: Contribution) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateContributionBody) => api<Contribution>('PATCH', `/contributions/${enc(contribution.id)}`, body),
    onSuccess: (updated) => {
      client.setQueryData(k.one(updated.id), updated);
      refreshContribution(client, updated);
    },
  });
}

/** Support or retract: the server answers with the exact count, which replaces ours. */
export function useSupport(contribution: { id: string; initiativeId: string }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (support: boolean) => api<SupportState>(support ? 'POST' : 'DELETE', `/contributions/${enc(contribution.id)}/support`),
    onSuccess: (state) => {
      client.setQueryData<Contribution>(k.one(contribution.id), (old) => (old ? { ...old, supportCount: state.supportCount, me: { ...old.me, supported: state.supported } } : old));
      void client.invalidateQueries({ queryKey: k.feeds(contribution.initiativeId) });
    },
  });
}

export function useFollowContribution(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => api<FollowState>(follow ? 'POST' : 'DELETE', `/contributions/${enc(id)}/follow`),
    onSuccess: (state) => client.setQueryData<Contribution>(k.one(id), (old) => (old ? { ...old, me: { ...old.me, following: state.following } } : old)),
  });
}

export function useFollowInitiative(initiativeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => api<FollowState>(follow ? 'POST' : 'DELETE', `/initiatives/${enc(initiativeId)}/follow`),
    onSuccess: (state) => client.setQueryData(k.follow(initiativeId), state),
  });
}
