// The supplier invoice list's address-bar state: what is written reads back, the API gets its
// own parameter names, and what a hand-edited link got wrong is dropped.
import { describe, expect, it } from 'vitest';
import {
  isFiltered,
  parseSupplierInvoiceFilters,
  supplierInvoiceApiParams,
  supplierInvoiceFilterParams,
} from './supplier-invoice-params.ts';

const supplierId = '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';

describe('supplier invoice list parameters', () => {
  it('filters nothing when the address names nothing: every date, every supplier', () => {
    const filters = parseSupplierInvoiceFilters(new URLSearchParams());
    expect(filters).toEqual({
      supplierId: undefined,
      flagged: undefined,
      status: undefined,
      from: undefined,
      to: undefined,
    });
    expect(isFiltered(filters)).toBe(false);
    expect(supplierInvoiceApiParams(filters).toString()).toBe('');
  });

  it('reads back what it writes, and names the supplier as the API does', () => {
    const filters = parseSupplierInvoiceFilters(
      new URLSearchParams(
        `supplier=${supplierId}&flagged=true&status=open&from=2028-01-01&to=2028-03-31`,
      ),
    );
    expect(filters).toEqual({
      supplierId,
      flagged: true,
      status: 'open',
      from: '2028-01-01',
      to: '2028-03-31',
    });
    expect(parseSupplierInvoiceFilters(supplierInvoiceFilterParams(filters))).toEqual(filters);
    expect(isFiltered(filters)).toBe(true);
    expect(supplierInvoiceApiParams(filters).toString()).toBe(
      `supplierId=${supplierId}&flagged=true&status=open&from=2028-01-01&to=2028-03-31`,
    );
  });

  it('keeps "within tolerance" (flagged=false) apart from "any"', () => {
    const within = parseSupplierInvoiceFilters(new URLSearchParams('flagged=false'));
    expect(within.flagged).toBe(false);
    expect(supplierInvoiceFilterParams(within).toString()).toBe('flagged=false');
    expect(supplierInvoiceApiParams(within).toString()).toBe('flagged=false');
    expect(supplierInvoiceFilterParams({ ...within, flagged: undefined }).toString()).toBe('');
  });

  it('drops what a hand-edited link got wrong and swaps a range given backwards', () => {
    const filters = parseSupplierInvoiceFilters(
      new URLSearchParams('supplier=acme&flagged=yes&status=overdue&from=2028-02-30&to=2028-13-01'),
    );
    // Not a uuid, not true/false, not open/paid, 30 February and a 13th month: all dropped.
    expect(filters).toEqual({
      supplierId: undefined,
      flagged: undefined,
      status: undefined,
      from: undefined,
      to: undefined,
    });
    expect(
      parseSupplierInvoiceFilters(new URLSearchParams('from=2028-02-20&to=2028-02-01')),
    ).toMatchObject({ from: '2028-02-01', to: '2028-02-20' });
    // One end alone is kept: invoices from a day on.
    expect(parseSupplierInvoiceFilters(new URLSearchParams('from=2028-02-29'))).toMatchObject({
      from: '2028-02-29',
      to: undefined,
    });
  });
});
