// The finance section's API: invoices (a paged list by filters, one afresh, credit notes),
// the overdue bookings, supplier invoices (list, one, record, match, pay) and the invoicing,
// payment-terms and tolerance settings. A credit note refreshes the invoice lists and the
// booking's own invoices (its detail page shows them); a change to a supplier invoice puts the
// invoice the API answers in place and refreshes the lists (its figures and flag moved).
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import type { Agency, Me, Page } from '../../../shared/identity.ts';
import { meQueryKey } from '../../../shared/session.ts';
import { bookingKeys } from '../bookings/bookings-queries.ts';
import type {
  Invoice,
  InvoicingSettings,
  InvoicingSettingsBody,
  MatchBody,
  OverdueBooking,
  PaymentTerms,
  SupplierInvoice,
  SupplierInvoiceBody,
  Tolerance,
  ToleranceBody,
} from './finance-types.ts';
import { type InvoiceFilters, invoiceApiParams } from './invoice-params.ts';
import {
  type SupplierInvoiceFilters,
  supplierInvoiceApiParams,
} from './supplier-invoice-params.ts';

export const financeKeys = {
  invoices: ['invoices'] as const,
  invoiceLists: () => [...financeKeys.invoices, 'list'] as const,
  invoiceList: (params: string) => [...financeKeys.invoiceLists(), params] as const,
  invoice: (id: string) => [...financeKeys.invoices, 'one', id] as const,
  overdue: ['payments', 'overdue'] as const,
  invoicingSettings: ['settings', 'invoicing'] as const,
  paymentTerms: ['settings', 'payment-terms'] as const,
  supplierInvoices: ['supplier-invoices'] as const,
  supplierInvoiceLists: () => [...financeKeys.supplierInvoices, 'list'] as const,
  supplierInvoiceList: (params: string) => [...financeKeys.supplierInvoiceLists(), params] as const,
  supplierInvoice: (id: string) => [...financeKeys.supplierInvoices, 'one', id] as const,
  tolerance: ['settings', 'supplier-invoice-tolerance'] as const,
};

export const invoicePageSize = 50;

export function useInvoices(filters: InvoiceFilters) {
  const params = invoiceApiParams(filters).toString();
  return useInfiniteQuery({
    queryKey: financeKeys.invoiceList(params),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(params);
      query.set('limit', String(invoicePageSize));
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<Invoice>>(`/api/v1/invoices?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // A new filter keeps the old rows on screen until the new ones arrive: no flashing.
    placeholderData: keepPreviousData,
  });
}

/** One invoice, read afresh (what is left to credit may have changed since the list). */
export function useInvoice(id: string) {
  return useQuery({
    queryKey: financeKeys.invoice(id),
    queryFn: () => apiFetch<Invoice>(`/api/v1/invoices/${id}`),
    staleTime: 0,
  });
}

/** Issues a credit note of the lines and amounts given (minor units, with the lines' signs). */
export function useIssueCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      invoice,
      reason,
      lines,
    }: {
      invoice: Invoice;
      reason: string;
      lines: { position: number; amount: number }[];
    }) =>
      apiFetch<Invoice>(`/api/v1/invoices/${invoice.id}/credit-notes`, {
        method: 'POST',
        body: { reason, lines },
      }),
    onSuccess: (_note, { invoice }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: financeKeys.invoices }),
        queryClient.invalidateQueries({ queryKey: bookingKeys.invoices(invoice.bookingId) }),
      ]),
  });
}

export function useOverdue(enabled: boolean) {
  return useQuery({
    queryKey: financeKeys.overdue,
    queryFn: () => apiFetch<Page<OverdueBooking>>('/api/v1/payments/overdue'),
    enabled,
  });
}

export function useInvoicingSettings(enabled: boolean) {
  return useQuery({
    queryKey: financeKeys.invoicingSettings,
    queryFn: () => apiFetch<InvoicingSettings>('/api/v1/settings/invoicing'),
    enabled,
  });
}

export function useSaveInvoicingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoicingSettingsBody) =>
      apiFetch<InvoicingSettings>('/api/v1/settings/invoicing', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(financeKeys.invoicingSettings, saved),
  });
}

export function usePaymentTerms(enabled: boolean) {
  return useQuery({
    queryKey: financeKeys.paymentTerms,
    queryFn: () => apiFetch<PaymentTerms>('/api/v1/settings/payment-terms'),
    enabled,
  });
}

export function useSavePaymentTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentTerms) =>
      apiFetch<PaymentTerms>('/api/v1/settings/payment-terms', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(financeKeys.paymentTerms, saved),
  });
}

/** Changes the agency's base currency; the signed-in user's agency shows it at once. */
export function useSaveBaseCurrency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (baseCurrency: string) =>
      apiFetch<Agency>('/api/v1/settings/agency', { method: 'PATCH', body: { baseCurrency } }),
    onSuccess: (agency) =>
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, agency } : me)),
  });
}

export function useSupplierInvoices(filters: SupplierInvoiceFilters) {
  const params = supplierInvoiceApiParams(filters).toString();
  return useInfiniteQuery({
    queryKey: financeKeys.supplierInvoiceList(params),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(params);
      query.set('limit', String(invoicePageSize));
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<SupplierInvoice>>(`/api/v1/supplier-invoices?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One supplier invoice with its matches, read afresh (bookings move its figures). */
export function useSupplierInvoice(id: string) {
  return useQuery({
    queryKey: financeKeys.supplierInvoice(id),
    queryFn: () => apiFetch<SupplierInvoice>(`/api/v1/supplier-invoices/${id}`),
    staleTime: 0,
  });
}

/** The invoice as a change left it: shown at once, and the lists read again. */
function useSupplierInvoiceChange<Vars>(request: (vars: Vars) => Promise<SupplierInvoice>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (invoice) => {
      queryClient.setQueryData(financeKeys.supplierInvoice(invoice.id), invoice);
      return queryClient.invalidateQueries({ queryKey: financeKeys.supplierInvoiceLists() });
    },
  });
}

/** Records a supplier invoice; `key` (one per opening of the form) makes a retry harmless. */
export function useRecordSupplierInvoice() {
  return useSupplierInvoiceChange(({ key, body }: { key: string; body: SupplierInvoiceBody }) =>
    apiFetch<SupplierInvoice>('/api/v1/supplier-invoices', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    }),
  );
}

export function useAddMatch(invoiceId: string) {
  return useSupplierInvoiceChange(({ key, body }: { key: string; body: MatchBody }) =>
    apiFetch<SupplierInvoice>(`/api/v1/supplier-invoices/${invoiceId}/matches`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    }),
  );
}

export function useRemoveMatch(invoiceId: string) {
  return useSupplierInvoiceChange((matchId: string) =>
    apiFetch<SupplierInvoice>(`/api/v1/supplier-invoices/${invoiceId}/matches/${matchId}`, {
      method: 'DELETE',
    }),
  );
}

/** Marks the invoice paid on a day, or (null) open again. */
export function useMarkPaid(invoiceId: string) {
  return useSupplierInvoiceChange((paidOn: string | null) =>
    apiFetch<SupplierInvoice>(`/api/v1/supplier-invoices/${invoiceId}/paid`, {
      method: 'POST',
      body: { paidOn },
    }),
  );
}

export function useTolerance(enabled: boolean) {
  return useQuery({
    queryKey: financeKeys.tolerance,
    queryFn: () => apiFetch<Tolerance>('/api/v1/settings/supplier-invoice-tolerance'),
    enabled,
  });
}

/** Saves the tolerance; every invoice's flag may change with it. */
export function useSaveTolerance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ToleranceBody) =>
      apiFetch<Tolerance>('/api/v1/settings/supplier-invoice-tolerance', {
        method: 'PUT',
        body,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(financeKeys.tolerance, saved);
      return queryClient.invalidateQueries({ queryKey: financeKeys.supplierInvoices });
    },
  });
}
