// One query cache for the portal. A visitor is anonymous, so a 401 is an answer, not a
// broken session: pages that need an account ask for it themselves.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api.ts';

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on a retry; network hiccups and 5xx might.
      retry: (failureCount, error) =>
        failureCount < 2 &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
