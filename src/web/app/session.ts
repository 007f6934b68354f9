import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../lib/api';
import { keys } from '../lib/queryKeys';
import type { SessionResponse, User } from '../lib/types';

/** Who is signed in: the user, or null. GET /me also hands out the CSRF token for writes. */
export async function fetchSession(): Promise<User | null> {
  try {
    const session = await api<SessionResponse>('GET', '/me');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

const ME_HASH = JSON.stringify(keys.me);
const notMe = { predicate: (query: { queryHash: string }) => query.queryHash !== ME_HASH };

/** After signup, login or accepting an invitation: remember the new session, refetch what it may see. */
export function startSession(client: QueryClient, session: { user: User; csrfToken: string | null }): void {
  setCsrfToken(session.csrfToken);
  client.setQueryData(keys.me, session.user);
  void client.resetQueries(notMe);
}

/** After logout: forget everything that belonged to the person. */
export function endSession(client: QueryClient): void {
  setCsrfToken(null);
  client.setQueryData(keys.me, null);
  client.removeQueries(notMe);
}

export function useSession() {
  const query = useQuery({ queryKey: keys.me, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });
  return { user: query.data ?? null, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}

export function useSessionClient() {
  const client = useQueryClient();
  return {
    start: (session: { user: User; csrfToken: string | null }) => startSession(client, session),
    end: () => endSession(client),
  };
}
