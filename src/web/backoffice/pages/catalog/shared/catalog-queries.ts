// Reading and writing catalog and price resources: one query-key family per resource, paged
// lists filtered by the URL, single records, saves and archive/restore that refresh both.
import {
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../../../shared/api.ts';
import type { Page } from '../../../../shared/identity.ts';

/** The API collections the catalog and price screens use, by their path under /api/v1. */
export type Resource =
  | 'accommodations'
  | 'room-types'
  | 'tours'
  | 'tour-departures'
  | 'transport'
  | 'transport-departures'
  | 'attractions'
  | 'extra-services'
  | 'suppliers'
  | 'price-lists'
  | 'price-rules'
  | 'promo-codes'
  | 'channel-fees'
  | 'promotions';

export const catalogKeys = {
  all: ['catalog'] as const,
  resource: (resource: Resource) => ['catalog', resource] as const,
  list: (resource: Resource, params: Record<string, string>) =>
    ['catalog', resource, 'list', params] as const,
  detail: (resource: Resource, id: string) => ['catalog', resource, 'detail', id] as const,
  availability: (roomTypeId: string, from: string, to: string) =>
    ['catalog', 'availability', roomTypeId, from, to] as const,
};

const pageSize = 50;

export function resourcePath(resource: Resource, id?: string): string {
  return id ? `/api/v1/${resource}/${encodeURIComponent(id)}` : `/api/v1/${resource}`;
}

/** A cursor-paged list; empty filter values are left out of the request. */
export function usePagedList<T>(resource: Resource, params: Record<string, string | undefined>) {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value) filters[key] = value;
  return useInfiniteQuery({
    queryKey: catalogKeys.list(resource, filters),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ ...filters, limit: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<T>>(`${resourcePath(resource)}?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Every item of a (short) list, for pickers: suppliers, rules, transports. */
export function useAllItems<T>(resource: Resource, params: Record<string, string> = {}) {
  return useQuery({
    queryKey: [...catalogKeys.list(resource, params), 'all'] as QueryKey,
    queryFn: async () => {
      const items: T[] = [];
      let cursor: string | null = null;
      // A picker past 1000 entries wants a search, not a list; stop there.
      for (let pageNo = 0; pageNo < 5; pageNo++) {
        const query = new URLSearchParams({ ...params, limit: '200' });
        if (cursor) query.set('cursor', cursor);
        const page: Page<T> = await apiFetch<Page<T>>(`${resourcePath(resource)}?${query}`);
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

export function useRecord<T>(resource: Resource, id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.detail(resource, id ?? ''),
    queryFn: () => apiFetch<T>(resourcePath(resource, id)),
    enabled: Boolean(id),
  });
}

/** Creates (no id) or changes (id) a record, then refreshes the resource's lists and records. */
export function useSaveRecord<T>(resource: Resource, also: Resource[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      apiFetch<T>(resourcePath(resource, id), { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: () =>
      Promise.all(
        [resource, ...also].map((r) =>
          queryClient.invalidateQueries({ queryKey: catalogKeys.resource(r) }),
        ),
      ),
  });
}

/** A POST or PUT under a record (`…/{id}/departures`, `…/{id}/rows`), refreshing the given resources. */
export function useRecordAction<T>(invalidates: Resource[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body?: unknown }) =>
      apiFetch<T>(path, { method, body }),
    onSuccess: () =>
      Promise.all(
        invalidates.map((r) =>
          queryClient.invalidateQueries({ queryKey: catalogKeys.resource(r) }),
        ),
      ),
  });
}

export function useArchiveRecord(resource: Resource, also: Resource[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      apiFetch<unknown>(`${resourcePath(resource, id)}/${archived ? 'archive' : 'restore'}`, {
        method: 'POST',
      }),
    onSuccess: () =>
      Promise.all(
        [resource, ...also].map((r) =>
          queryClient.invalidateQueries({ queryKey: catalogKeys.resource(r) }),
        ),
      ),
  });
}
