// Invoices, overdue bookings, supplier invoices and the finance settings as the API returns them: the server's
// own types (type-only imports, so no server code reaches the bundle), so the two sides
// cannot drift apart. Amounts are integers in minor units.
import type {
  AutoIssue,
  InvoiceKind,
  InvoiceParty,
  VatScheme,
} from '../../../../server/db/schema.ts';
import type { InvoiceView } from '../../../../server/modules/invoicing/present.ts';
import type { InvoicingSettings as SettingsBody } from '../../../../server/modules/invoicing/settings.ts';
import type { listOverdue } from '../../../../server/modules/payments/overdue.ts';
import type { PaymentTerms } from '../../../../server/modules/payments/types.ts';
import type {
  MatchInput,
  SupplierInvoiceInput,
  SupplierInvoiceView,
} from '../../../../server/modules/supplier-invoices/service.ts';
import type { Tolerance as ToleranceBody } from '../../../../server/modules/supplier-invoices/variance.ts';

export type { AutoIssue, InvoiceKind, InvoiceParty, PaymentTerms, VatScheme };

export const invoiceKinds = ['invoice', 'credit_note'] as const satisfies readonly InvoiceKind[];
export const vatSchemes = ['standard', 'margin'] as const satisfies readonly VatScheme[];
export const autoIssuePolicies = [
  'never',
  'on_booking',
  'on_paid',
] as const satisfies readonly AutoIssue[];

/** An invoice or credit note. A credit note's amounts are positive: its kind says they are taken back. */
export type Invoice = InvoiceView;

/** A booking with instalments due before today that its payments do not cover. */
export type OverdueBooking = Awaited<ReturnType<typeof listOverdue>>['items'][number];

/** The settings as read: `configured` false means the API's defaults (no country yet). */
export type InvoicingSettings = Omit<SettingsBody, 'country'> & {
  configured: boolean;
  country: string | null;
};

export type InvoicingSettingsBody = SettingsBody;

/**
 * A supplier invoice with its figures: its own amounts in its currency, expected, actual and
 * variance in the base currency; `matches` only when read alone.
 */
export type SupplierInvoice = SupplierInvoiceView;
export type SupplierInvoiceMatch = NonNullable<SupplierInvoiceView['matches']>[number];
export type SupplierInvoiceBody = SupplierInvoiceInput;
export type MatchBody = MatchInput;

export const supplierInvoiceStatuses = [
  'open',
  'paid',
] as const satisfies readonly SupplierInvoice['status'][];
export type SupplierInvoiceStatus = (typeof supplierInvoiceStatuses)[number];

/** The variance tolerated before an invoice is flagged; `currency` (read only) is the base one. */
export type Tolerance = ToleranceBody & { currency: string };
export type { ToleranceBody };
