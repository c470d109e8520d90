// The agency's users from the API: the paged list and creating one.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import type { LanguageCode } from '../../../shared/i18n/languages.ts';
import type { Page, Role, User } from '../../../shared/identity.ts';

export const usersQueryKey = ['users'] as const;

const pageSize = 50;

export function useUsers() {
  return useInfiniteQuery({
    queryKey: [...usersQueryKey, 'list'],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<User>>(`/api/v1/users?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  locale: LanguageCode;
  /** Absent: the server generates one and returns it once. */
  password?: string;
}

export interface CreatedUser {
  user: User;
  generatedPassword: string | null;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) =>
      apiFetch<CreatedUser>('/api/v1/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
