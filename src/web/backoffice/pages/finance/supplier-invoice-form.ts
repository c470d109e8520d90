// The supplier invoice forms between what is typed and what the API takes: amounts typed in
// major units (1 234.50) go in minor units of their currency, optional fields left blank are
// left out (the API's defaults apply: the supplier's payment terms, its currency, the agency's
// rate), a rate typed with a decimal comma is read as one, and the API's field errors of a
// match (which name the target's own field) land on the form's one target field.
import type { MatchBody, SupplierInvoiceBody, ToleranceBody } from './finance-types.ts';

export interface SupplierInvoiceValues {
  supplierId: string | null;
  number: string;
  invoiceDate: string;
  /** '' : the invoice date plus the supplier's payment terms. */
  dueDate: string;
  /** '' : the supplier's currency. */
  currency: string;
  amount: number | string;
  vat: number | string;
  /** '' : the agency's rate on the invoice date. */
  rate: string;
  note: string;
}

/** The form's fields: an API error under one of them is shown at the field. */
export const supplierInvoiceFields: readonly string[] = [
  'supplierId',
  'number',
  'invoiceDate',
  'dueDate',
  'currency',
  'amount',
  'vat',
  'rate',
  'note',
];

export function emptySupplierInvoice(today: string): SupplierInvoiceValues {
  return {
    supplierId: null,
    number: '',
    invoiceDate: today,
    dueDate: '',
    currency: '',
    amount: '',
    vat: '',
    rate: '',
    note: '',
  };
}

/** An amount typed in major units as an integer of minor units; null when not a number. */
export function toMinor(value: number | string, digits: number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(',', '.');
  if (text === '') return null;
  const parsed = Number(text);
  if (!Number.isFinite(parsed)) return null;
  // 1234.56 × 100 is 123455.99999999999 in binary floating point: rounding gives the cents.
  return Math.round(parsed * 10 ** digits);
}

/** Minor units as the major-unit number a NumberInput shows (123450, 2 digits → 1234.5). */
export function fromMinor(minor: number, digits: number): number {
  return minor / 10 ** digits;
}

/** A decimal typed with a comma or a point ("24,5", " 24.5 ") as the API reads it. */
export function decimalText(value: string): string {
  return value.trim().replace(/\s/g, '').replace(',', '.');
}

/**
 * The body of `POST /api/v1/supplier-invoices`. `digits`: the minor-unit digits of the
 * invoice's currency (the one typed, else the supplier's).
 */
export function toSupplierInvoiceBody(
  values: SupplierInvoiceValues,
  digits: number,
): SupplierInvoiceBody {
  const currency = values.currency.trim().toUpperCase();
  const rate = decimalText(values.rate);
  const note = values.note.trim();
  const vat = toMinor(values.vat, digits);
  return {
    supplierId: values.supplierId ?? '',
    number: values.number.trim(),
    invoiceDate: values.invoiceDate,
    ...(values.dueDate ? { dueDate: values.dueDate } : {}),
    ...(currency ? { currency } : {}),
    amount: toMinor(values.amount, digits) ?? 0,
    ...(vat !== null ? { vat } : {}),
    ...(rate ? { rate } : {}),
    ...(note ? { note } : {}),
  };
}

export type MatchTargetKind = 'line' | 'tourDeparture' | 'transportDeparture' | 'pool';

/** The API's field for each kind of target. */
export const targetFieldOf: Record<MatchTargetKind, keyof MatchBody> = {
  line: 'bookingLineId',
  tourDeparture: 'tourDepartureId',
  transportDeparture: 'transportDepartureId',
  pool: 'poolId',
};

export interface MatchValues {
  kind: MatchTargetKind;
  /** The chosen target's id, null until one is chosen. */
  targetId: string | null;
  /** Major units of the invoice's currency. */
  amount: number | string;
}

/**
 * The body of `POST …/{id}/matches`. The rest of the invoice (`unmatched`, minor units) is
 * sent as no amount at all, which the API reads as "all not matched yet": a colleague's match
 * made meanwhile then shrinks it instead of failing it.
 */
export function toMatchBody(values: MatchValues, digits: number, unmatched: number): MatchBody {
  const amount = toMinor(values.amount, digits);
  return {
    [targetFieldOf[values.kind]]: values.targetId ?? '',
    ...(amount !== null && amount !== unmatched ? { amount } : {}),
  };
}

/** A match's field errors: those naming a target field go to the form's `targetId`. */
export function placeMatchErrors(errors: Record<string, string>): Record<string, string> {
  const targets = new Set<string>(Object.values(targetFieldOf));
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const at = targets.has(field) ? 'targetId' : field;
    placed[at] ??= message;
  }
  return placed;
}

export interface ToleranceValues {
  percent: string;
  /** Major units of the base currency. */
  amount: number | string;
}

export function toToleranceValues(tolerance: ToleranceBody, digits: number): ToleranceValues {
  return { percent: tolerance.percent, amount: fromMinor(tolerance.amount, digits) };
}

export function toToleranceBody(values: ToleranceValues, digits: number): ToleranceBody {
  return { percent: decimalText(values.percent), amount: toMinor(values.amount, digits) ?? 0 };
}
