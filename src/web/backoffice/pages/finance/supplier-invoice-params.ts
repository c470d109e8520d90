// The supplier invoice list's filters as the address bar keeps them: supplier, flagged for
// review, open or paid, and invoice dates. Unlike the invoice book, no dates means every date:
// an open invoice from last quarter still has to be paid. Every parameter is checked on the
// way in: a hand-edited link loses what it got wrong instead of breaking the page.
import { type SupplierInvoiceStatus, supplierInvoiceStatuses } from './finance-types.ts';

export interface SupplierInvoiceFilters {
  supplierId?: string;
  /** true: only those flagged for review; false: only those within the tolerance. */
  flagged?: boolean;
  status?: SupplierInvoiceStatus;
  /** Invoice dates from and to, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date (no 30 February), as the API's date format wants it. */
function calendarDate(value: string | null): string | undefined {
  if (value === null || !datePattern.test(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}

function yesNo(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** The filters of an address. */
export function parseSupplierInvoiceFilters(params: URLSearchParams): SupplierInvoiceFilters {
  const supplier = params.get('supplier');
  const statusParam = params.get('status');
  let from = calendarDate(params.get('from'));
  let to = calendarDate(params.get('to'));
  // A range given backwards is the same range.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return {
    supplierId: supplier !== null && uuidPattern.test(supplier) ? supplier : undefined,
    flagged: yesNo(params.get('flagged')),
    status: supplierInvoiceStatuses.find((s) => s === statusParam),
    from,
    to,
  };
}

/** The filters as the address bar writes them; what is not filtered is left out. */
export function supplierInvoiceFilterParams(filters: SupplierInvoiceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.supplierId) params.set('supplier', filters.supplierId);
  if (filters.flagged !== undefined) params.set('flagged', String(filters.flagged));
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

/** The filters as `GET /api/v1/supplier-invoices` takes them. */
export function supplierInvoiceApiParams(filters: SupplierInvoiceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.supplierId) params.set('supplierId', filters.supplierId);
  if (filters.flagged !== undefined) params.set('flagged', String(filters.flagged));
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

/** Whether anything is filtered (the empty list then says so, not "no invoices yet"). */
export function isFiltered(filters: SupplierInvoiceFilters): boolean {
  return supplierInvoiceFilterParams(filters).toString() !== '';
}
