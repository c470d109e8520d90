// The invoice list's filters as the address bar keeps them: kind, issue dates and search.
// No dates in the address means this month (the accountant's usual view); `period=all` means
// every date. Every parameter is checked on the way in: a hand-edited link loses what it got
// wrong instead of breaking the page.
import { type InvoiceKind, invoiceKinds } from './finance-types.ts';

export interface InvoiceFilters {
  kind?: InvoiceKind;
  /** Issue dates from and to, inclusive, YYYY-MM-DD; both absent with `allDates`. */
  from?: string;
  to?: string;
  allDates: boolean;
  q?: string;
}

export type PeriodPreset = 'thisMonth' | 'previousMonth' | 'all' | 'custom';

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The first and last day of the month `date` (YYYY-MM-DD) falls in. */
export function monthOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = date.slice(0, 7);
  return { from: `${prefix}-01`, to: `${prefix}-${String(lastDay).padStart(2, '0')}` };
}

/** The month before the one `date` falls in. */
export function previousMonthOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const previous = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
  return monthOf(previous);
}

/** A real calendar date (no 30 February), as the API's date format wants it. */
function matchingDate(value: string | null): string | undefined {
  if (value === null || !datePattern.test(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}

/** The filters of an address; `today` (YYYY-MM-DD) places "this month". */
export function parseInvoiceFilters(params: URLSearchParams, today: string): InvoiceFilters {
  const kindParam = params.get('kind');
  const kind = invoiceKinds.find((k) => k === kindParam);
  const q = params.get('q')?.trim().slice(0, 100) || undefined;
  if (params.get('period') === 'all') {
    return { kind, from: undefined, to: undefined, q, allDates: true };
  }
  let from = matchingDate(params.get('from'));
  let to = matchingDate(params.get('to'));
  if (from === undefined && to === undefined) ({ from, to } = monthOf(today));
  // A range given backwards is the same range.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return { kind, from, to, q, allDates: false };
}

/** The filters as the address bar writes them: every one explicit, so a link is exact. */
export function invoiceFilterParams(filters: InvoiceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.allDates) params.set('period', 'all');
  else {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  if (filters.q) params.set('q', filters.q);
  return params;
}

/** The filters as the API's list and CSV export take them (`GET /api/v1/invoices`). */
export function invoiceApiParams(filters: InvoiceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (!filters.allDates) {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  if (filters.q) params.set('q', filters.q);
  return params;
}

/** Which quick choice the filters' dates are, if any. */
export function presetOf(filters: InvoiceFilters, today: string): PeriodPreset {
  if (filters.allDates) return 'all';
  const same = (range: { from: string; to: string }) =>
    filters.from === range.from && filters.to === range.to;
  if (same(monthOf(today))) return 'thisMonth';
  if (same(previousMonthOf(today))) return 'previousMonth';
  return 'custom';
}

/** The dates of a quick choice (`custom` keeps the current ones). */
export function datesOfPreset(
  preset: PeriodPreset,
  today: string,
): Pick<InvoiceFilters, 'from' | 'to' | 'allDates'> | null {
  switch (preset) {
    case 'thisMonth':
      return { ...monthOf(today), allDates: false };
    case 'previousMonth':
      return { ...previousMonthOf(today), allDates: false };
    case 'all':
      return { from: undefined, to: undefined, allDates: true };
    case 'custom':
      return null;
    default:
      return preset satisfies never;
  }
}
