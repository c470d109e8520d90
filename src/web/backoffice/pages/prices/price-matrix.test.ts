import { describe, expect, it } from 'vitest';
import type { PriceList, PriceRow } from '../catalog/shared/catalog-types.ts';
import { buildPatch, cellText, columnsOf, parseCell } from './price-matrix.ts';

function row(over: Partial<PriceRow>): PriceRow {
  return {
    period: 'low',
    charge: 'person',
    basis: 'stay',
    roomTypeId: null,
    classCode: null,
    boardingPoint: null,
    ticketTypeId: null,
    occupancy: null,
    childBand: null,
    amount: 1000000,
    percentOfAdult: null,
    percentOfTrip: null,
    cost: 40000,
    ...over,
  };
}

const list = {
  rows: [
    row({ roomTypeId: 'dbl' }),
    row({ period: 'high', roomTypeId: 'dbl', amount: 1200000 }),
    row({ childBand: 'CHD', amount: null, percentOfAdult: '80' }),
  ],
} as PriceList;

describe('the price matrix', () => {
  it('makes one column per cell apart from the period, percent columns included', () => {
    const columns = columnsOf(list.rows);
    expect(columns).toHaveLength(2);
    expect(columns.map((c) => c.field).sort()).toEqual(['amount', 'percentOfAdult']);
  });

  it('reads amounts typed in either decimal mark and refuses more decimals than the currency has', () => {
    expect(parseCell('12 345,50', 'amount', 2)).toEqual({ ok: true, value: 1234550 });
    expect(parseCell('99.5', 'amount', 2)).toEqual({ ok: true, value: 9950 });
    expect(parseCell('1.234', 'amount', 2)).toEqual({ ok: false });
    expect(parseCell('80,5 %', 'percentOfAdult', 2)).toEqual({ ok: true, value: '80.5' });
    expect(cellText(list.rows[0], 'amount', 2, ',')).toBe('10000,00');
  });

  it('upserts a changed cell keeping its cost, and removes a cleared one', () => {
    const [amountColumn] = columnsOf(list.rows).filter((c) => c.field === 'amount');
    if (!amountColumn) throw new Error('no amount column');
    const patch = buildPatch(
      list,
      [
        { period: 'low', column: amountColumn, text: '10500' },
        { period: 'high', column: amountColumn, text: '' },
        { period: 'peak', column: amountColumn, text: 'abc' },
      ],
      2,
    );
    expect(patch.rows).toEqual([
      expect.objectContaining({ period: 'low', roomTypeId: 'dbl', amount: 1050000, cost: 40000 }),
    ]);
    expect(patch.remove).toEqual([expect.objectContaining({ period: 'high', roomTypeId: 'dbl' })]);
    expect(patch.invalid).toHaveLength(1);
  });
});
