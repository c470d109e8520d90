// Bookings from the API: one query-key factory, the paged list, one booking with what hangs
// off it (documents, invoices, cancellation fee), and the work done on it. Every change
// refreshes the booking and the lists, whose badges and filters it may move.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import type { Page } from '../../../shared/identity.ts';
import type {
  BookingDocument,
  BookingStatus,
  BookingSummary,
  BookingView,
  CancellationPreview,
  ChangePreview,
  CustomerOption,
  Invoice,
  Offer,
  Party,
  Traveller,
} from './booking-types.ts';
import { type BookingFilters, filterParams } from './list-params.ts';

export const bookingKeys = {
  all: ['bookings'] as const,
  lists: () => [...bookingKeys.all, 'list'] as const,
  list: (params: string) => [...bookingKeys.lists(), params] as const,
  details: () => [...bookingKeys.all, 'detail'] as const,
  detail: (id: string) => [...bookingKeys.details(), id] as const,
  documents: (id: string) => [...bookingKeys.detail(id), 'documents'] as const,
  invoices: (id: string) => [...bookingKeys.detail(id), 'invoices'] as const,
  // Not under the detail: refreshing the booking after it is cancelled must not ask again.
  cancellation: (id: string) => [...bookingKeys.all, 'cancellation', id] as const,
};

export const pageSize = 50;

export function useBookings(filters: BookingFilters) {
  const params = filterParams(filters).toString();
  return useInfiniteQuery({
    queryKey: bookingKeys.list(params),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(params);
      query.set('limit', String(pageSize));
      // The API's default order is the list's default; the address bar leaves it out.
      query.set('sort', query.get('sort') ?? '-createdAt');
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<BookingSummary>>(`/api/v1/bookings?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // A new filter keeps the old rows on screen until the new ones arrive: no flashing.
    placeholderData: keepPreviousData,
  });
}

export function useBooking(id: string) {
  return useQuery({
    queryKey: bookingKeys.detail(id),
    queryFn: () => apiFetch<BookingView>(`/api/v1/bookings/${id}`),
  });
}

export function useBookingDocuments(id: string) {
  return useQuery({
    queryKey: bookingKeys.documents(id),
    queryFn: () =>
      apiFetch<{ locale: string; items: BookingDocument[] }>(`/api/v1/bookings/${id}/documents`),
  });
}

export function useBookingInvoices(id: string, enabled: boolean) {
  return useQuery({
    queryKey: bookingKeys.invoices(id),
    queryFn: () => apiFetch<{ items: Invoice[] }>(`/api/v1/invoices?bookingId=${id}`),
    enabled,
  });
}

export function useCancellationPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: bookingKeys.cancellation(id),
    queryFn: () => apiFetch<CancellationPreview>(`/api/v1/bookings/${id}/cancellation`),
    enabled,
    // The fee depends on today: ask afresh each time the dialog opens.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Offers (promotions) for the offer filter; staff only (the API refuses partners). */
export function useOffers(enabled: boolean) {
  return useQuery({
    queryKey: ['promotions', 'all'],
    queryFn: async () => {
      const offers: Offer[] = [];
      let cursor: string | null = null;
      // Agencies have tens of offers, not thousands: read them all for the picker.
      for (let page = 0; page < 10; page++) {
        const query = new URLSearchParams({ limit: '100' });
        if (cursor) query.set('cursor', cursor);
        const answer: Page<Offer> = await apiFetch<Page<Offer>>(`/api/v1/promotions?${query}`);
        offers.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return offers;
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCustomerSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: () =>
      apiFetch<Page<CustomerOption>>(
        `/api/v1/customers?${new URLSearchParams({ q, limit: '20' })}`,
      ).then((page) => page.items),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'detail', id],
    queryFn: () => apiFetch<CustomerOption>(`/api/v1/customers/${id}`),
    enabled: enabled && id !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** A change to one booking that answers with the booking as it is now. */
function useBookingChange<Input>(id: string, request: (input: Input) => Promise<BookingView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (booking) => {
      queryClient.setQueryData(bookingKeys.detail(id), booking);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: bookingKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: bookingKeys.lists() }),
      ]);
    },
  });
}

export function useSetActionDone(id: string) {
  return useBookingChange(id, ({ actionId, done }: { actionId: string; done: boolean }) =>
    apiFetch<BookingView>(
      `/api/v1/bookings/${id}/required-actions/${actionId}/${done ? 'done' : 'reopen'}`,
      { method: 'POST', body: {} },
    ),
  );
}

export function useMoveBooking(id: string) {
  return useBookingChange(id, ({ to, reason }: { to: BookingStatus; reason?: string }) =>
    apiFetch<BookingView>(`/api/v1/bookings/${id}/transitions`, {
      method: 'POST',
      body: { to, ...(reason ? { reason } : {}) },
    }),
  );
}

export function useDecideApproval(id: string) {
  return useBookingChange(
    id,
    ({ decision, reason }: { decision: 'approve' | 'reject'; reason?: string }) =>
      apiFetch<BookingView>(`/api/v1/bookings/${id}/approval`, {
        method: 'POST',
        body: { decision, ...(reason ? { reason } : {}) },
      }),
  );
}

export function useCancelBooking(id: string) {
  return useBookingChange(id, ({ reason, key }: { reason: string; key: string }) =>
    apiFetch<BookingView>(`/api/v1/bookings/${id}/cancel`, {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      body: { reason },
    }),
  );
}

export interface ChangeAsk {
  from?: string;
  to?: string;
  party?: Party;
}

export function usePreviewChange(id: string) {
  return useMutation({
    mutationFn: (ask: ChangeAsk) =>
      apiFetch<ChangePreview>(`/api/v1/bookings/${id}/changes/preview`, {
        method: 'POST',
        body: ask,
      }),
  });
}

export type TravellerInput = Omit<Traveller, 'position' | 'child'>;

export function useApplyChange(id: string) {
  return useBookingChange(
    id,
    (input: { quoteId: string; travellers?: TravellerInput[]; reason?: string; key: string }) =>
      apiFetch<BookingView>(`/api/v1/bookings/${id}/changes`, {
        method: 'POST',
        headers: { 'Idempotency-Key': input.key },
        body: {
          quoteId: input.quoteId,
          ...(input.travellers ? { travellers: input.travellers } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
        },
      }),
  );
}

export interface NewPayment {
  amount: number;
  method: string;
  kind: 'payment' | 'refund';
  reference?: string;
  note?: string;
  key: string;
}

export function useRecordPayment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...payment }: NewPayment) =>
      apiFetch<unknown>(`/api/v1/bookings/${id}/payments`, {
        method: 'POST',
        headers: { 'Idempotency-Key': key },
        body: payment,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bookingKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: bookingKeys.lists() }),
      ]),
  });
}

export function useSendDocuments(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { documents?: string[]; to?: string }) =>
      apiFetch<{ to: string; documents: string[] }>(`/api/v1/bookings/${id}/documents/send`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bookingKeys.detail(id) }),
  });
}
