// The invoice list's address-bar state: no dates means this month, quick months land on the
// right days (leap years, January), bad values are dropped, and what is written reads back.
import { describe, expect, it } from 'vitest';
import {
  datesOfPreset,
  invoiceApiParams,
  invoiceFilterParams,
  monthOf,
  parseInvoiceFilters,
  presetOf,
  previousMonthOf,
} from './invoice-params.ts';

const today = '2028-03-15';

describe('invoice list parameters', () => {
  it('takes this month when the address names no dates', () => {
    expect(parseInvoiceFilters(new URLSearchParams(), today)).toEqual({
      kind: undefined,
      from: '2028-03-01',
      to: '2028-03-31',
      q: undefined,
      allDates: false,
    });
  });

  it('knows the length of every month, February of a leap year included', () => {
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2027-02-10')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(previousMonthOf(today)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // The month before January is December of the year before.
    expect(previousMonthOf('2028-01-31')).toEqual({ from: '2027-12-01', to: '2027-12-31' });
  });

  it('reads back what it writes, for a range, a kind and a search', () => {
    const filters = parseInvoiceFilters(
      new URLSearchParams('kind=credit_note&from=2028-01-05&to=2028-02-10&q=FV-2028'),
      today,
    );
    expect(filters).toEqual({
      kind: 'credit_note',
      from: '2028-01-05',
      to: '2028-02-10',
      q: 'FV-2028',
      allDates: false,
    });
    expect(parseInvoiceFilters(invoiceFilterParams(filters), today)).toEqual(filters);
    expect(invoiceApiParams(filters).toString()).toBe(
      'kind=credit_note&from=2028-01-05&to=2028-02-10&q=FV-2028',
    );
  });

  it('keeps every date apart from this month, and sends the API no dates for it', () => {
    const filters = parseInvoiceFilters(new URLSearchParams('period=all&from=2028-01-01'), today);
    expect(filters).toMatchObject({ allDates: true, from: undefined, to: undefined });
    expect(invoiceFilterParams(filters).toString()).toBe('period=all');
    expect(invoiceApiParams(filters).toString()).toBe('');
    expect(presetOf(filters, today)).toBe('all');
  });

  it('drops what a hand-edited link got wrong and swaps a range given backwards', () => {
    const filters = parseInvoiceFilters(
      new URLSearchParams('kind=receipt&from=2028-13-01&to=2028-02-30&q=%20%20'),
      today,
    );
    // Neither date is valid: this month again; the unknown kind and the blank search go.
    expect(filters).toEqual({
      kind: undefined,
      from: '2028-03-01',
      to: '2028-03-31',
      q: undefined,
      allDates: false,
    });
    expect(
      parseInvoiceFilters(new URLSearchParams('from=2028-02-20&to=2028-02-01'), today),
    ).toMatchObject({ from: '2028-02-01', to: '2028-02-20' });
  });

  it('names the quick choice the dates are, and gives the dates of each', () => {
    const previous = { ...datesOfPreset('previousMonth', today) };
    expect(previous).toEqual({ from: '2028-02-01', to: '2028-02-29', allDates: false });
    expect(presetOf({ allDates: false, ...previous }, today)).toBe('previousMonth');
    expect(presetOf({ allDates: false, ...monthOf(today) }, today)).toBe('thisMonth');
    expect(presetOf({ allDates: false, from: '2028-03-01', to: '2028-03-10' }, today)).toBe(
      'custom',
    );
    expect(datesOfPreset('custom', today)).toBeNull();
  });
});
