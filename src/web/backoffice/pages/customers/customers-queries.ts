// Customers from the API: one query-key factory, the paged list, one customer, its bookings,
// a company's employees, companies and approvers to pick from, and the changes. Every change
// refreshes the customer, the lists and the pickers that show customers elsewhere.
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import type { Page } from '../../../shared/identity.ts';
import type { BookingSummary } from '../bookings/booking-types.ts';
import { bookingKeys } from '../bookings/bookings-queries.ts';
import type { Customer } from './customer-types.ts';
import { type CustomerFilters, customerFilterParams } from './list-params.ts';

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (params: string) => [...customerKeys.lists(), params] as const,
  // The same key the bookings screens read a customer under: one cache, one truth.
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  companies: (q: string) => [...customerKeys.all, 'companies', q] as const,
  employees: (companyId: string) => [...customerKeys.all, 'employees', companyId] as const,
  // Under the bookings lists: a change to any booking refreshes the customer's too.
  bookings: (customerId: string) => [...bookingKeys.lists(), 'customer', customerId] as const,
  approvers: () => ['users', 'approvers'] as const,
};

export const pageSize = 50;

export function useCustomers(filters: CustomerFilters) {
  const params = customerFilterParams(filters).toString();
  return useInfiniteQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(params);
      query.set('limit', String(pageSize));
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<Customer>>(`/api/v1/customers?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // A new search keeps the old rows on screen until the new ones arrive: no flashing.
    placeholderData: keepPreviousData,
  });
}

export function useCustomerRecord(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    queryFn: () => apiFetch<Customer>(`/api/v1/customers/${id}`),
    enabled: id !== undefined,
  });
}

/** The customer's bookings (for a company, also its employees'), newest first. */
export function useCustomerBookings(customerId: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.bookings(customerId),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ customerId, limit: '20', sort: '-createdAt' });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<BookingSummary>>(`/api/v1/bookings?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The persons who work for a company, active and archived. */
export function useEmployees(companyId: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.employees(companyId),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ companyId, archived: 'all', limit: '20' });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<Customer>>(`/api/v1/customers?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Active company customers matching `q`, for a person's employer. */
export function useCompanyOptions(q: string) {
  return useQuery({
    queryKey: customerKeys.companies(q),
    queryFn: () => {
      const query = new URLSearchParams({ kind: 'company', limit: '20' });
      if (q) query.set('q', q);
      return apiFetch<Page<Customer>>(`/api/v1/customers?${query}`).then((page) => page.items);
    },
    placeholderData: keepPreviousData,
  });
}

/** A user who may approve a company's bookings, as GET /api/v1/approvers names them. */
export interface ApproverUser {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
}

/** The agency's users with the approver role, by name (open to all staff). */
export function useApproverUsers() {
  return useQuery({
    queryKey: customerKeys.approvers(),
    queryFn: async () => (await apiFetch<{ items: ApproverUser[] }>('/api/v1/approvers')).items,
    staleTime: 60_000,
  });
}

async function refreshCustomer(queryClient: QueryClient, customer: Customer) {
  queryClient.setQueryData(customerKeys.detail(customer.id), customer);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    // The booking entry screen's customer search.
    queryClient.invalidateQueries({ queryKey: ['entry', 'customers'] }),
  ]);
}

/** Creates (no id) or changes (id: PATCH, only the fields given) a customer. */
export function useSaveCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      apiFetch<Customer>(id ? `/api/v1/customers/${id}` : '/api/v1/customers', {
        method: id ? 'PATCH' : 'POST',
        body,
      }),
    onSuccess: (customer) => refreshCustomer(queryClient, customer),
  });
}

export function useArchiveCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      apiFetch<Customer>(`/api/v1/customers/${id}/${archived ? 'archive' : 'restore'}`, {
        method: 'POST',
      }),
    onSuccess: (customer) => refreshCustomer(queryClient, customer),
  });
}

/** Replaces a company's approvers with `userIds`. */
export function useSetApprovers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) =>
      apiFetch<Customer>(`/api/v1/customers/${id}/approvers`, {
        method: 'PUT',
        body: { userIds },
      }),
    onSuccess: (customer) => refreshCustomer(queryClient, customer),
  });
}
