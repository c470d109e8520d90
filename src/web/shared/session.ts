// Who is signed in, as the whole web application sees it: one cached `GET /api/v1/me`.
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from './api.ts';
import type { Me } from './identity.ts';

export const meQueryKey = ['me'] as const;

export function fetchMe(): Promise<Me> {
  return apiFetch<Me>('/api/v1/me');
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** The server does not know who this is (no session, or it expired). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
