// One query cache for the back office. A 401 anywhere means the session is gone: asking
// /me again lets the auth guard send the visitor to the sign-in page.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api.ts';
import { isUnauthenticated, meQueryKey } from '../shared/session.ts';

function recheckSessionOn(error: unknown): void {
  if (isUnauthenticated(error)) void queryClient.invalidateQueries({ queryKey: meQueryKey });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // /me itself failing is what the guard reacts to; re-asking it would loop.
      if (query.queryKey[0] !== meQueryKey[0]) recheckSessionOn(error);
    },
  }),
  mutationCache: new MutationCache({ onError: recheckSessionOn }),
  defaultOptions: {
    queries: {
      // A 4xx will not change on a retry; network hiccups and 5xx might.
      retry: (failureCount, error) =>
        failureCount < 2 &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
