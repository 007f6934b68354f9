import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { keys } from '../../lib/queryKeys';
import type { ApiToken, CreatedToken, User } from '../../lib/types';

export function useUpdateName() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<User>('PATCH', '/me', { name }),
    onSuccess: (user) => {
      client.setQueryData(keys.me, user);
      // Your name shows in member lists too.
      void client.invalidateQueries({ queryKey: ['org'] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api<undefined>('POST', '/me/password', input),
  });
}

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => api<{ items: ApiToken[] }>('GET', '/me/tokens') });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) => api<CreatedToken>('POST', '/me/tokens', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/me/tokens/${encodeURIComponent(id)}`),
    onSettled: () => void client.invalidateQueries({ queryKey: keys.tokens }),
  });
}

/** The phrase the server asks for, in English in every language (it is a confirmation, not a sentence). */
export const ERASE_PHRASE = 'erase my account';

export function useEraseAccount() {
  return useMutation({
    mutationFn: (password: string) => api<undefined>('POST', '/me/erasure', { password, confirm: ERASE_PHRASE }),
  });
}
