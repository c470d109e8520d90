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
});
