// What the quick entry asks the API: products to sell (the catalog search), an attraction's
// entry times, customers on file, a quote for the trip, and the booking itself.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import { dashboardQueryKey } from '../dashboard/dashboard-queries.ts';

export const entryChannels = ['phone', 'email', 'walk_in'] as const;
export type EntryChannel = (typeof entryChannels)[number];

type Localized = Record<string, string>;

export interface TourDeparture {
  id: string;
  startDate: string;
  nights: number;
  status: string;
}

export interface RoomType {
  id: string;
  code: string;
  name: Localized | string;
  maxAdults: number;
  maxChildren: number;
}

export type ProductHit =
  | {
      kind: 'tour';
      id: string;
      code: string;
      name: Localized;
      mode: 'fixed_departures' | 'by_days';
      accommodation: { id: string; name: string; city: string; country: string };
      departures: TourDeparture[];
      roomTypes: RoomType[];
      /** The tour's transport: classes and boarding stops (fares differ by stop). */
      boarding: BoardingChoices | null;
    }
  | { kind: 'attraction'; id: string; name: Localized; city: string; country: string };

/** Tours and attractions whose name or place contains `text` (all of them when empty). */
export function useProductSearch(text: string) {
  return useQuery({
    queryKey: ['entry', 'products', text],
    queryFn: () => {
      const query = new URLSearchParams();
      if (text) query.set('destination', text);
      return apiFetch<{ items: ProductHit[] }>(`/api/v1/search?${query}`);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useAttractionSlots(id: string | null) {
  return useQuery({
    queryKey: ['entry', 'attraction', id],
    queryFn: () => apiFetch<{ timeSlots: string[] }>(`/api/v1/attractions/${id}`),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

export interface CustomerHit {
  id: string;
  kind: 'person' | 'company';
  name: string;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  employerName: string | null;
}

/** The customer a new booking starts with (`/bookings/new?customerId=…`), when one is named. */
export function useChosenCustomer(id: string | null) {
  return useQuery({
    queryKey: ['entry', 'customer', id],
    queryFn: () => apiFetch<CustomerHit>(`/api/v1/customers/${id}`),
    enabled: id !== null,
  });
}

export function useCustomerSearch(text: string) {
  return useQuery({
    queryKey: ['entry', 'customers', text],
    queryFn: () => {
      const query = new URLSearchParams({ limit: '10' });
      if (text) query.set('q', text);
      return apiFetch<{ items: CustomerHit[] }>(`/api/v1/customers?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}

/** A transport's classes and the stops to board at, as the server offers them. */
export interface BoardingChoices {
  classes: Array<{ code: string; name: string }>;
  stops: Array<{ value: string; name: string; time: string; dayOffset: number }>;
}

export interface QuoteRequest {
  productId: string;
  channel: EntryChannel;
  party: { adults: number; childAges: number[] };
  from?: string;
  to?: string;
  departureId?: string;
  timeSlot?: string;
  classCode?: string;
  boardingPoint?: string;
  rooms?: Array<{ roomTypeId: string; adults: number; childAges: number[] }>;
  promoCode?: string;
  holdMinutes: number;
}

export interface QuoteLine {
  kind: string;
  label: string;
  travellers: number[];
  from: string | null;
  to: string | null;
  nights: number | null;
  unitPrice: number;
  quantity: number;
  amount: number;
  cost?: number | null;
  margin?: number | null;
  rule: { name: string; detail: string } | null;
}

export interface Quote {
  id: string;
  productName: string | null;
  from: string;
  to: string;
  party: { adults: number; childAges: number[] };
  currency: string;
  lines: QuoteLine[];
  total: number;
  cost?: number | null;
  margin?: number | null;
  cancellationPolicy: { nonRefundable: boolean };
  onRequest: boolean;
  expiresAt: string;
}

export function useCreateQuote() {
  return useMutation({
    mutationFn: (request: QuoteRequest) =>
      apiFetch<Quote>('/api/v1/quotes', { method: 'POST', body: request }),
  });
}

export interface TravellerInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  email?: string;
  phone?: string;
}

export interface BookingRequest {
  quoteId: string;
  channel: EntryChannel;
  customerId?: string;
  customer?: {
    kind: 'person';
    firstName?: string;
    lastName: string;
    email?: string;
    phone?: string;
  };
  travellers: TravellerInput[];
  notes?: string;
}

export interface CreatedBooking {
  id: string;
  number: string;
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, key }: { request: BookingRequest; key: string }) =>
      apiFetch<CreatedBooking>('/api/v1/bookings', {
        method: 'POST',
        body: request,
        headers: { 'idempotency-key': key },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['bookings'] }),
        queryClient.invalidateQueries({ queryKey: dashboardQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['entry', 'customers'] }),
      ]),
  });
}
