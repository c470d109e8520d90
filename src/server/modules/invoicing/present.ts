// An invoice or credit note as the API, the e-invoice and the PDF read it: stored rows turned
// into plain values, with the VAT breakdown regrouped from the lines (they sum to it exactly).
import type { InvoiceKind, InvoiceParty, VatScheme } from '../../db/schema.ts';
import type { StoredInvoice } from './repo.ts';
import { marginScheme, type VatBreakdown, type VatCategory } from './vat.ts';

export interface InvoiceLineView {
  position: number;
  description: string;
  quantity: number;
  unitPrice: number;
  net: number;
  vatCategory: VatCategory;
  vatRate: string;
  vat: number;
  gross: number;
  bookingLinePosition: number | null;
  creditedLinePosition: number | null;
  /** Invoices: the line's gross not credited yet; null on credit notes. */
  creditable: number | null;
}

export interface InvoiceView {
  id: string;
  kind: InvoiceKind;
  number: string;
  series: string;
  bookingId: string;
  bookingNumber: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  supplier: InvoiceParty & { iban: string | null; bic: string | null };
  customer: InvoiceParty;
  vatScheme: VatScheme;
  net: number;
  vat: number;
  gross: number;
  /** Margin scheme: VAT owed on the margin (accounting only); null otherwise or unknown. */
  marginVat: number | null;
  taxCurrency: string | null;
  taxRate: string | null;
  vatInTaxCurrency: number | null;
  creditedInvoice: { id: string; number: string; issueDate: string } | null;
  /** Invoices: gross not credited yet (0: credited in full); null on credit notes. */
  creditable: number | null;
  reason: string | null;
  note: string | null;
  breakdown: VatBreakdown[];
  lines: InvoiceLineView[];
  createdByName: string;
  createdAt: string;
}

export function breakdownOf(scheme: VatScheme, lines: readonly InvoiceLineView[]): VatBreakdown[] {
  const groups = new Map<string, VatBreakdown>();
  for (const line of lines) {
    const key = `${line.vatCategory}|${line.vatRate}`;
    const group = groups.get(key) ?? {
      category: line.vatCategory,
      rate: line.vatRate,
      taxable: 0,
      vat: 0,
      exemptionReason: scheme === 'margin' ? marginScheme.exemptionReason : null,
      exemptionReasonCode: scheme === 'margin' ? marginScheme.exemptionReasonCode : null,
    };
    group.taxable += line.net;
    group.vat += line.vat;
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function presentInvoice(
  { invoice, lines }: StoredInvoice,
  credited: { number: string; issueDate: string } | null,
  bookingNumber: string,
  creditedByLine: ReadonlyMap<number, number>,
): InvoiceView {
  const isInvoice = invoice.kind === 'invoice';
  const lineViews = lines.map(
    (l): InvoiceLineView => ({
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      unitPrice: Number(l.unitPrice),
      net: Number(l.net),
      vatCategory: l.vatCategory as VatCategory,
      vatRate: l.vatRate,
      vat: Number(l.vat),
      gross: Number(l.gross),
      bookingLinePosition: l.bookingLinePosition,
      creditedLinePosition: l.creditedLinePosition,
      creditable: isInvoice ? Number(l.gross) - (creditedByLine.get(l.position) ?? 0) : null,
    }),
  );
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    series: invoice.series,
    bookingId: invoice.bookingId,
    bookingNumber,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency.trim(),
    supplier: invoice.supplier,
    customer: invoice.customer,
    vatScheme: invoice.vatScheme,
    net: Number(invoice.net),
    vat: Number(invoice.vat),
    gross: Number(invoice.gross),
    marginVat: invoice.marginVat === null ? null : Number(invoice.marginVat),
    taxCurrency: invoice.taxCurrency?.trim() ?? null,
    taxRate: invoice.taxRate,
    vatInTaxCurrency: invoice.vatInTaxCurrency === null ? null : Number(invoice.vatInTaxCurrency),
    creditedInvoice:
      invoice.creditedInvoiceId && credited ? { id: invoice.creditedInvoiceId, ...credited } : null,
    creditable: isInvoice ? lineViews.reduce((sum, line) => sum + (line.creditable ?? 0), 0) : null,
    reason: invoice.reason,
    note: invoice.note,
    breakdown: breakdownOf(invoice.vatScheme, lineViews),
    lines: lineViews,
    createdByName: invoice.createdByName,
    createdAt: new Date(invoice.createdAt).toISOString(),
  };
}
