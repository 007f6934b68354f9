import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endSession, startSession } from '../../app/session';
import { api } from '../../lib/api';
import type { SessionResponse } from '../../lib/types';

export interface LoginInput {
  email: string;
  password: string;
}

export interface SignupInput extends LoginInput {
  name: string;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<SessionResponse>('POST', '/auth/login', input),
    onSuccess: (session) => startSession(client, session),
  });
}

export function useSignup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignupInput) => api<SessionResponse>('POST', '/auth/signup', input),
    onSuccess: (session) => startSession(client, session),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>('POST', '/auth/logout'),
    // Even if the server call fails, the person asked to leave: forget the session here.
    onSettled: () => endSession(client),
  });
}
