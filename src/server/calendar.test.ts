import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesFromTo,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  nightsOfStay,
} from './calendar.ts';

const date = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('rejects dates that do not exist', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
  });

  it('crosses month, year and DST boundaries by whole days', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(nightsOfStay('2027-07-03', '2027-07-06')).toEqual([
      '2027-07-03',
      '2027-07-04',
      '2027-07-05',
    ]);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('adding then measuring days is the identity', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), (from, days) => {
        const to = addDays(from, days);
        expect(daysBetween(from, to)).toBe(days);
        if (days >= 0) expect(datesFromTo(from, to)).toHaveLength(days + 1);
      }),
    );
  });

  it('agrees with Temporal.PlainDate on every operation', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (from, days) => {
        const plain = Temporal.PlainDate.from(from);
        const to = plain.add({ days }).toString();
        expect(addDays(from, days)).toBe(to);
        expect(daysBetween(from, to)).toBe(plain.until(Temporal.PlainDate.from(to)).days);
        expect(isoWeekday(from)).toBe(plain.dayOfWeek);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the dates Temporal accepts', () => {
    const text = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(text, (value) => {
        let valid = true;
        try {
          valid = Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
        } catch {
          valid = false;
        }
        expect(isCalendarDate(value)).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
