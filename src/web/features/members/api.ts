import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query, type Page } from '../../lib/api';
import { keys } from '../../lib/queryKeys';
import type { Block, Member, ProtagonistKind, Role } from '../../lib/types';

const base = (slug: string) => `/orgs/${encodeURIComponent(slug)}/members`;

export function useMembers(slug: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.members(slug),
    queryFn: ({ pageParam }) => api<Page<Member>>('GET', `${base(slug)}${query({ cursor: pageParam, limit: 100 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export interface MemberChange {
  userId: string;
  role?: Role;
  kind?: ProtagonistKind;
}

export function useChangeMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...change }: MemberChange) => api<Member>('PATCH', `${base(slug)}/${encodeURIComponent(userId)}`, change),
    onSettled: () => {
      // The org itself too: your own role (org.me) may have changed.
      void client.invalidateQueries({ queryKey: keys.org(slug) });
      void client.invalidateQueries({ queryKey: keys.orgs });
    },
  });
}

/** Removes someone (owners), or yourself (leave). */
export function useRemoveMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<undefined>('DELETE', `${base(slug)}/${encodeURIComponent(userId)}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.org(slug) });
      void client.invalidateQueries({ queryKey: keys.orgs });
    },
  });
}

const blocksBase = (slug: string) => `/orgs/${encodeURIComponent(slug)}/blocks`;

/** Who is blocked from contributing, supporting and commenting, and why (owners and stewards). */
export function useBlocks(slug: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.blocks(slug),
    queryFn: ({ pageParam }) => api<Page<Block>>('GET', `${blocksBase(slug)}${query({ cursor: pageParam, limit: 100 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function useBlock(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; reason: string }) => api<Block>('POST', blocksBase(slug), body),
    onSettled: () => void client.invalidateQueries({ queryKey: keys.blocks(slug) }),
  });
}

export function useUnblock(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<undefined>('DELETE', `${blocksBase(slug)}/${encodeURIComponent(userId)}`),
    onSettled: () => void client.invalidateQueries({ queryKey: keys.blocks(slug) }),
  });
}
