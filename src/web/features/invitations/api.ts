import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { startSession } from '../../app/session';
import { api, query, type Page } from '../../lib/api';
import { keys } from '../../lib/queryKeys';
import type { AcceptResponse, CreatedInvitation, Invitation, InvitationPreview, ProtagonistKind, Role } from '../../lib/types';

const base = (slug: string) => `/orgs/${encodeURIComponent(slug)}/invitations`;

export function useInvitations(slug: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.invitations(slug),
    queryFn: ({ pageParam }) => api<Page<Invitation>>('GET', `${base(slug)}${query({ cursor: pageParam, limit: 100 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export interface InvitationInput {
  email: string;
  kind: ProtagonistKind;
  role: Role;
  message?: string;
}

export function useCreateInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) => api<CreatedInvitation>('POST', base(slug), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.invitations(slug) });
      void client.invalidateQueries({ queryKey: keys.events(slug) });
    },
  });
}

export function useRevokeInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `${base(slug)}/${encodeURIComponent(id)}`),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.invitations(slug) });
      void client.invalidateQueries({ queryKey: keys.events(slug) });
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({ queryKey: keys.invitation(token), queryFn: () => api<InvitationPreview>('GET', `/invitations/${encodeURIComponent(token)}`) });
}

/** Signed in: no body (join as yourself). Signed out: name and password create the account. */
export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (account: { name: string; password: string } | null) =>
      api<AcceptResponse>('POST', `/invitations/${encodeURIComponent(token)}/accept`, account ?? undefined),
    onSuccess: (result) => {
      if (result.csrfToken !== null) startSession(client, result);
      client.setQueryData(keys.org(result.org.slug), result.org);
      void client.invalidateQueries({ queryKey: keys.orgs });
      void client.invalidateQueries({ queryKey: keys.invitation(token) });
    },
  });
}
