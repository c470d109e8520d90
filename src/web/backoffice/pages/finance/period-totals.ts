// The totals of a period per currency: what was invoiced, what was credited, and the
// difference, gross and VAT. A credit note's amounts are positive in the API; here they
// count against the invoices. Only meaningful over a whole period: the caller sums all of it.
import type { Invoice } from './finance-types.ts';

/** What the totals read of an invoice or credit note. */
export type InvoiceAmounts = Pick<
  Invoice,
  'id' | 'kind' | 'currency' | 'gross' | 'vat' | 'creditedInvoice'
>;

export interface CurrencyTotal {
  currency: string;
  invoiceCount: number;
  creditNoteCount: number;
  invoiced: number;
  credited: number;
  /** Invoiced less credited. */
  net: number;
  /** VAT on the invoices less VAT on the credit notes. */
  vat: number;
}

/** The signed gross of a document: negative for a credit note. */
export function signedAmount(invoice: Pick<Invoice, 'kind'>, amount: number): number {
  // `|| 0`: a credit note's nothing is 0, not -0 (which Intl shows as "-CZK 0.00").
  return invoice.kind === 'credit_note' ? -amount || 0 : amount;
}

/** Totals per currency, the currencies in alphabetical order. */
export function totalsByCurrency(invoices: readonly InvoiceAmounts[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const invoice of invoices) {
    const total = totals.get(invoice.currency) ?? {
      currency: invoice.currency,
      invoiceCount: 0,
      creditNoteCount: 0,
      invoiced: 0,
      credited: 0,
      net: 0,
      vat: 0,
    };
    if (invoice.kind === 'credit_note') {
      total.creditNoteCount += 1;
      total.credited += invoice.gross;
    } else {
      total.invoiceCount += 1;
      total.invoiced += invoice.gross;
    }
    total.net += signedAmount(invoice, invoice.gross);
    total.vat += signedAmount(invoice, invoice.vat);
    totals.set(invoice.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
