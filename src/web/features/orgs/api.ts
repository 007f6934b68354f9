import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query, type Page } from '../../lib/api';
import { keys } from '../../lib/queryKeys';
import type { Org, Visibility } from '../../lib/types';

export function useMyOrgs() {
  return useInfiniteQuery({
    queryKey: keys.orgs,
    queryFn: ({ pageParam }) => api<Page<Org>>('GET', `/orgs${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useOrg(slug: string) {
  return useQuery({ queryKey: keys.org(slug), queryFn: () => api<Org>('GET', `/orgs/${encodeURIComponent(slug)}`) });
}

export interface OrgInput {
  name: string;
  slug: string;
  description: string;
  visibility: Visibility;
}

export function useCreateOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgInput) => api<Org>('POST', '/orgs', input),
    onSuccess: (org) => {
      client.setQueryData(keys.org(org.slug), org);
      void client.invalidateQueries({ queryKey: keys.orgs });
    },
  });
}

export function useUpdateOrg(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<Omit<OrgInput, 'slug'>>) => api<Org>('PATCH', `/orgs/${encodeURIComponent(slug)}`, input),
    onSuccess: (org) => {
      client.setQueryData(keys.org(slug), org);
      void client.invalidateQueries({ queryKey: keys.orgs });
      void client.invalidateQueries({ queryKey: keys.events(slug) });
    },
  });
}
