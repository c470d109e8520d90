// API tokens from the API: the paged list, creating one, revoking one.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import type { ApiToken, Page, User } from '../../../shared/identity.ts';

export const apiTokensQueryKey = ['api-tokens'] as const;

const pageSize = 50;

export function useApiTokens() {
  return useInfiniteQuery({
    queryKey: [...apiTokensQueryKey, 'list'],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<ApiToken>>(`/api/v1/api-tokens?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export interface CreatedApiToken extends ApiToken {
  /** The secret; the server shows it in this answer only. */
  token: string;
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) =>
      apiFetch<CreatedApiToken>('/api/v1/api-tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: ApiToken) =>
      apiFetch<ApiToken>(`/api/v1/api-tokens/${encodeURIComponent(token.id)}`, {
        method: 'DELETE',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

/**
 * Names of the agency's users by id, so an admin (who sees everyone's tokens) can tell whose a
 * token is. Only admins may list users; for others this stays disabled.
 */
export function useUserNames(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'names'],
    queryFn: () => apiFetch<Page<User>>('/api/v1/users?limit=200'),
    select: (page) => new Map(page.items.map((user) => [user.id, user.name])),
    enabled,
    staleTime: 5 * 60_000,
  });
}
