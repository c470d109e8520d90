// The layout document's checks, and the vehicle types agencies start from.
import { describe, expect, it } from 'vitest';
import {
  countProblems,
  layoutProblems,
  placedSeats,
  type SeatLayout,
  sellableCounts,
} from './layout.ts';
import { chooseSeats } from './seating.ts';
import { a320TwoClass, coach49, minibus19 } from './vehicles.ts';

const small = (): SeatLayout => ({
  name: 'Van',
  vehicle: 'minibus',
  decks: [
    {
      id: 'main',
      rows: 2,
      columns: 3,
      seats: [
        { id: 'D', row: 1, column: 1, classCode: 'STD', blocked: 'driver' },
        { id: '1', row: 1, column: 3, classCode: 'STD' },
        { id: '2', row: 2, column: 1, classCode: 'STD' },
        { id: '3', row: 2, column: 2, classCode: 'STD' },
      ],
    },
  ],
});

describe('layout checks', () => {
  it('accepts a sound layout and counts its seats for sale (blocked ones not)', () => {
    expect(layoutProblems(small(), ['STD'])).toEqual([]);
    // 4 seats, the driver's blocked: 3 for sale.
    expect(sellableCounts(small())).toEqual(new Map([['STD', 3]]));
    expect(placedSeats(small()).map((s) => s.label)).toEqual(['D', '1', '2', '3']);
  });

  it('names each wrong field: repeated id, off the grid, one cell twice, unknown class', () => {
    const layout = small();
    const seats = layout.decks[0]?.seats ?? [];
    seats[2] = { ...seats[2], id: '1' } as (typeof seats)[number];
    seats[3] = { ...seats[3], row: 3, classCode: 'VIP' } as (typeof seats)[number];
    seats.push({ id: '4', row: 1, column: 3, classCode: 'STD' });
    const paths = layoutProblems(layout, ['STD']).map((p) => p.path);
    expect(paths).toEqual([
      '/decks/0/seats/2/id',
      '/decks/0/seats/3/row',
      '/decks/0/seats/3/classCode',
      '/decks/0/seats/4/column',
    ]);
  });

  it('states the difference between the layout and a departure per class', () => {
    // 3 seats for sale; the departure sells 5: 2 fewer in the layout.
    const problems = countProblems(
      small(),
      [{ date: '2030-07-01', seats: new Map([['STD', 5]]) }],
      ['STD'],
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(
      '3 seats for sale, the departure of 2030-07-01 5 (2 fewer',
    );
    expect(
      countProblems(small(), [{ date: '2030-07-01', seats: new Map([['STD', 3]]) }], ['STD']),
    ).toEqual([]);
  });
});

describe('vehicle types', () => {
  it('are sound and sell 49, 19 and 12 + 168 seats', () => {
    expect(layoutProblems(coach49(), ['STD'])).toEqual([]);
    expect(sellableCounts(coach49())).toEqual(new Map([['STD', 49]]));
    expect(
      placedSeats(coach49())
        .filter((s) => s.blocked)
        .map((s) => s.blocked),
    ).toEqual(['driver', 'guide']);
    expect(layoutProblems(minibus19(), ['STD'])).toEqual([]);
    expect(sellableCounts(minibus19())).toEqual(new Map([['STD', 19]]));
    expect(layoutProblems(a320TwoClass(), ['Y', 'J'])).toEqual([]);
    // Business: 3 rows × 4; economy: rows 4–31 = 28 rows × 6.
    expect(sellableCounts(a320TwoClass())).toEqual(
      new Map([
        ['J', 3 * 4],
        ['Y', 28 * 6],
      ]),
    );
  });

  it('seat a couple in business side by side, and three in economy in one row of three', () => {
    const free = (layout: SeatLayout, classCode: string) =>
      placedSeats(layout)
        .filter((s) => s.classCode === classCode && !s.blocked)
        .map((s) => ({ ...s, properties: s.properties as string[] }));
    const couple = chooseSeats(free(a320TwoClass(), 'J'), [
      { traveller: 0, child: false },
      { traveller: 1, child: false },
    ]);
    expect(couple?.together).toBe('beside');
    expect([...(couple?.seats.values() ?? [])]).toEqual(['1A', '1C']);
    const three = chooseSeats(free(a320TwoClass(), 'Y'), [
      { traveller: 0, child: false, prefer: ['window'] },
      { traveller: 1, child: true },
      { traveller: 2, child: false },
    ]);
    // Row 4, A B C; the window (4A) for traveller 0, the child beside an adult.
    expect(three?.together).toBe('beside');
    expect(new Set(three?.seats.values())).toEqual(new Set(['4A', '4B', '4C']));
    expect(three?.seats.get(0)).toBe('4A');
    expect(three?.seats.get(1)).not.toBe('4A');
  });
});
