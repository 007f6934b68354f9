import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../lib/api';
import { keys } from '../lib/queryKeys';

const isSignedOut = (error: unknown) => error instanceof ApiError && error.status === 401 && error.code === 'unauthorized';
const ME_HASH = JSON.stringify(keys.me);

/** Server state. A 401 anywhere means the session ended: the app then shows the signed-out view. */
export function createQueryClient(): QueryClient {
  const sessionEnded = () => {
    if (client.getQueryData(keys.me) === null) return;
    setCsrfToken(null);
    client.setQueryData(keys.me, null);
    // Nothing fetched with the old session may stay on screen (e.g. a private organisation).
    void client.resetQueries({ predicate: (query) => query.queryHash !== ME_HASH });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSignedOut(error) && query.queryHash !== ME_HASH) sessionEnded();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSignedOut(error)) sessionEnded();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Client errors (not found, forbidden) will not change by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
