// The portal's server state: one query-key factory, and a hook per thing the portal reads or
// does. Writes invalidate what they change (a booking or payment: my bookings and the
// calendars, whose availability moved).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../shared/api.ts';
import { partyQuery, type TripSearch } from '../search-params.ts';
import type {
  Account,
  PortalBooking,
  PortalOffer,
  ProductCalendar,
  ProductPage,
  PublicVoucher,
  Quote,
  Storefront,
  TravellerInput,
} from './types.ts';

export const portalKeys = {
  all: (agency: string) => ['portal', agency] as const,
  storefront: (agency: string) => [...portalKeys.all(agency), 'storefront'] as const,
  account: (agency: string) => [...portalKeys.all(agency), 'account'] as const,
  offers: (agency: string, query: string) => [...portalKeys.all(agency), 'offers', query] as const,
  product: (agency: string, id: string, lang: string) =>
    [...portalKeys.all(agency), 'product', id, lang] as const,
  calendars: (agency: string) => [...portalKeys.all(agency), 'calendar'] as const,
  calendar: (agency: string, id: string, query: string) =>
    [...portalKeys.calendars(agency), id, query] as const,
  bookings: (agency: string) => [...portalKeys.all(agency), 'bookings'] as const,
  booking: (agency: string, id: string, lang: string) =>
    [...portalKeys.bookings(agency), id, lang] as const,
  voucher: (code: string) => ['voucher', code] as const,
};

const base = (agency: string) => `/api/v1/portal/${encodeURIComponent(agency)}`;

export function useStorefront(agency: string) {
  return useQuery({
    queryKey: portalKeys.storefront(agency),
    queryFn: () => apiFetch<Storefront>(base(agency)),
    staleTime: 5 * 60_000,
  });
}

export function useAccount(agency: string) {
  return useQuery({
    queryKey: portalKeys.account(agency),
    queryFn: () => apiFetch<Account>(`${base(agency)}/account`),
    staleTime: 60_000,
  });
}

export function useOffers(
  agency: string,
  search: TripSearch,
  currency: string | null,
  lang: string,
) {
  const query = partyQuery(search);
  if (search.destination) query.set('destination', search.destination);
  query.set('from', search.from ?? '');
  query.set('to', search.to ?? '');
  if (currency) query.set('currency', currency);
  query.set('lang', lang);
  return useQuery({
    queryKey: portalKeys.offers(agency, query.toString()),
    queryFn: () =>
      apiFetch<{ currency: string; items: PortalOffer[] }>(`${base(agency)}/offers?${query}`),
    enabled: search.from !== null && search.to !== null,
    placeholderData: keepPreviousData,
  });
}

export function useProduct(agency: string, productId: string, lang: string) {
  return useQuery({
    queryKey: portalKeys.product(agency, productId, lang),
    queryFn: () =>
      apiFetch<ProductPage>(
        `${base(agency)}/products/${productId}?lang=${encodeURIComponent(lang)}`,
      ),
  });
}

export function useProductCalendar(
  agency: string,
  productId: string,
  ask: { month: string; adults: number; childAges: number[]; nights: number | null },
  currency: string | null,
) {
  const query = partyQuery(ask);
  query.set('month', ask.month);
  if (ask.nights) query.set('nights', String(ask.nights));
  if (currency) query.set('currency', currency);
  return useQuery({
    queryKey: portalKeys.calendar(agency, productId, query.toString()),
    queryFn: () =>
      apiFetch<ProductCalendar>(`${base(agency)}/products/${productId}/calendar?${query}`),
    placeholderData: keepPreviousData,
  });
}

export interface QuoteAsk {
  productId: string;
  from?: string;
  to?: string;
  departureId?: string;
  party: { adults: number; childAges: number[] };
  rooms?: { roomTypeId: string; adults: number; childAges: number[] }[];
  extras?: { serviceId: string }[];
  promoCode?: string | null;
  currency?: string;
  /** The previous quote of this checkout: priced again, it gives its places back. */
  replaces?: string;
  classCode?: string;
  boardingPoint?: string;
}

export function useCreateQuote(agency: string) {
  return useMutation({
    mutationFn: (ask: QuoteAsk) =>
      apiFetch<Quote>(`${base(agency)}/quotes`, { method: 'POST', body: ask }),
  });
}

export interface BookingRequest {
  quoteId: string;
  contact: { firstName: string; lastName: string; email: string; phone?: string | null };
  travellers: TravellerInput[];
  acceptTerms: boolean;
  notes?: string | null;
  locale: string;
  idempotencyKey: string;
}

export function useBook(agency: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: BookingRequest) =>
      apiFetch<PortalBooking>(`${base(agency)}/bookings`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: portalKeys.account(agency) }),
        queryClient.invalidateQueries({ queryKey: portalKeys.bookings(agency) }),
        queryClient.invalidateQueries({ queryKey: portalKeys.calendars(agency) }),
      ]);
    },
  });
}

export function useMyBookings(agency: string, lang: string, enabled: boolean) {
  return useQuery({
    queryKey: [...portalKeys.bookings(agency), 'list', lang],
    queryFn: () =>
      apiFetch<{ items: PortalBooking[] }>(
        `${base(agency)}/bookings?lang=${encodeURIComponent(lang)}`,
      ),
    enabled,
  });
}

export function useMyBooking(agency: string, id: string, lang: string) {
  return useQuery({
    queryKey: portalKeys.booking(agency, id, lang),
    queryFn: () =>
      apiFetch<PortalBooking>(`${base(agency)}/bookings/${id}?lang=${encodeURIComponent(lang)}`),
  });
}

export function useSaveTravellers(agency: string, lang: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, travellers }: { bookingId: string; travellers: TravellerInput[] }) =>
      apiFetch<PortalBooking>(
        `${base(agency)}/bookings/${bookingId}/travellers?lang=${encodeURIComponent(lang)}`,
        { method: 'PUT', body: { travellers } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.bookings(agency) }),
  });
}

/** Card payment through the payment provider: start a checkout, then confirm it with the card. */
export function usePayByCard(agency: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ask: { bookingId: string; amount: number; cardNumber: string }) => {
      const started = await apiFetch<{ id: string }>(
        `/api/v1/bookings/${ask.bookingId}/payments/checkout`,
        {
          method: 'POST',
          body: { amount: ask.amount, returnUrl: `/portal/${agency}/account` },
        },
      );
      return apiFetch<{ booking: { paid: number; balance: number; status: string } }>(
        `/api/v1/payments/${started.id}/confirm`,
        { method: 'POST', body: { cardNumber: ask.cardNumber } },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.bookings(agency) }),
  });
}

export function useRequestSignInLink(agency: string) {
  return useMutation({
    mutationFn: (ask: { email: string; locale: string; next?: string }) =>
      apiFetch<{ sent: true }>(`${base(agency)}/magic-link`, { method: 'POST', body: ask }),
  });
}

export function useRedeemSignInLink(agency: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiFetch<{ user: { name: string; email: string; locale: string } }>(
        `${base(agency)}/magic-link/redeem`,
        { method: 'POST', body: { token } },
      ),
    // The account is fetched again (even when no screen shows it now) before the caller moves
    // on: a cached "signed out" answer must not send the customer back to sign in.
    onSuccess: async () => {
      await queryClient.refetchQueries({ queryKey: portalKeys.account(agency), type: 'all' });
      await queryClient.invalidateQueries({ queryKey: portalKeys.all(agency) });
    },
  });
}

/**
 * Signs out. The account is read again afterwards, so every screen sees "signed out"; where a
 * signed-out visitor then goes is the page's choice (`AccountPage` goes home, not to sign in).
 */
export function useSignOut(agency: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await apiFetch<null>('/api/v1/auth/logout', { method: 'POST' });
      queryClient.removeQueries({ queryKey: portalKeys.bookings(agency) });
      await queryClient.invalidateQueries({ queryKey: portalKeys.account(agency) });
    },
  });
}

export function useVoucher(code: string) {
  return useQuery({
    queryKey: portalKeys.voucher(code),
    queryFn: () => apiFetch<PublicVoucher>(`/api/v1/public/vouchers/${encodeURIComponent(code)}`),
  });
}
