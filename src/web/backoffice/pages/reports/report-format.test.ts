// Report cells as the screen writes them: by the column's type, in the language's conventions.
import { describe, expect, it } from 'vitest';
import {
  type CellWords,
  createCellFormat,
  type ReportColumn,
  rowLabel,
  shownColumns,
  totalsCells,
} from './report-format.ts';

const words: CellWords = {
  yes: 'yes',
  no: 'no',
  week: (year, week) => `Week ${week}, ${year}`,
  quarter: (year, quarter) => `Q${quarter} ${year}`,
  code: (key, value) => (key === 'channel' && value === 'walk_in' ? 'Walk-in' : undefined),
};

const col = (key: string, type: ReportColumn['type'], currency?: string): ReportColumn => ({
  key,
  type,
  label: key,
  ...(currency ? { currency } : {}),
});

/** Intl writes narrow and ordinary no-break spaces; the tests read them as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('report cells', () => {
  it('writes money from minor units in the column or report currency', () => {
    const en = createCellFormat('en', 'CZK', words);
    const cs = createCellFormat('cs', 'CZK', words);
    // 12345678 haléřů = 123 456,78 Kč.
    expect(plain(cs.cell(col('revenue', 'money'), 12345678))).toBe('123 456,78 Kč');
    expect(plain(en.cell(col('revenue', 'money'), 12345678))).toBe('CZK 123,456.78');
    // A column in its own currency: 1999 cents = €19.99; JPY has no minor unit: 1999 = ¥1,999.
    expect(en.cell(col('fees', 'money', 'EUR'), 1999)).toBe('€19.99');
    expect(en.cell(col('fees', 'money', 'JPY'), 1999)).toBe('¥1,999');
  });

  it('writes percent from a fraction, integers, numbers and empty cells', () => {
    const en = createCellFormat('en', null, words);
    const cs = createCellFormat('cs', null, words);
    // 0.235 = 23.5 %; Czech puts a space before the sign and a comma in the number.
    expect(en.cell(col('marginPct', 'percent'), 0.235)).toBe('23.5%');
    expect(plain(cs.cell(col('marginPct', 'percent'), 0.235))).toBe('23,5 %');
    expect(en.cell(col('pax', 'integer'), 12345)).toBe('12,345');
    expect(plain(cs.cell(col('pax', 'integer'), 12345))).toBe('12 345');
    expect(en.cell(col('averageStay', 'number'), 3.456)).toBe('3.46');
    expect(en.cell(col('pax', 'integer'), null)).toBe('—');
    expect(en.cell(col('soldBy', 'text'), '')).toBe('—');
  });

  it('writes dates and periods in the language', () => {
    const en = createCellFormat('en-GB', null, words);
    const cs = createCellFormat('cs', null, words);
    expect(en.cell(col('departureDate', 'date'), '2026-03-14')).toBe('14 Mar 2026');
    expect(plain(cs.cell(col('departureDate', 'date'), '2026-03-14'))).toBe('14. 3. 2026');
    const period = col('period', 'text');
    expect(en.cell(period, '2026-03-14')).toBe('14 Mar 2026');
    expect(en.cell(period, '2026-W07')).toBe('Week 7, 2026');
    expect(en.cell(period, '2026-03')).toBe('Mar 2026');
    expect(cs.cell(period, '2026-03')).toBe('březen 2026');
    expect(en.cell(period, '2026-Q1')).toBe('Q1 2026');
    expect(en.cell(period, '2026')).toBe('2026');
  });

  it('names codes and booleans through the screen’s words', () => {
    const en = createCellFormat('en', null, words);
    expect(en.cell(col('channel', 'text'), 'walk_in')).toBe('Walk-in');
    // A code it has no name for is shown as the API sent it.
    expect(en.cell(col('channel', 'text'), 'carrier_pigeon')).toBe('carrier_pigeon');
    expect(en.cell(col('flagged', 'text'), true)).toBe('yes');
    expect(en.cell(col('flagged', 'text'), false)).toBe('no');
  });

  it('hides ids, labels a row by its names and dates, totals under the figures', () => {
    const columns = [
      col('product', 'text'),
      col('productId', 'text'),
      col('departureDate', 'date'),
      col('pax', 'integer'),
      col('revenue', 'money'),
    ];
    expect(shownColumns(columns).map((c) => c.key)).toEqual([
      'product',
      'departureDate',
      'pax',
      'revenue',
    ]);
    const en = createCellFormat('en-GB', 'EUR', words);
    const row = {
      product: 'Crete 7 nights',
      productId: 'x',
      departureDate: '2026-06-14',
      pax: 2,
      revenue: 100,
    };
    expect(rowLabel(columns, row, en)).toBe('Crete 7 nights · 14 Jun 2026');
    const shown = shownColumns(columns);
    // The first column has no total: it says "Total"; the date neither: empty.
    expect(totalsCells(shown, { pax: 5, revenue: 250000 }, en, 'Total')).toEqual([
      'Total',
      '',
      '5',
      '€2,500.00',
    ]);
  });
});
