// The fees of cancelling and changing a booking, as tables of cases with the arithmetic
// beside them, and as properties: a fee is never negative nor above the total, and
// cancelling later never costs less.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar.ts';
import type { CancellationPolicy } from '../pricing/engine-types.ts';
import { cancellationFee, changeFee, changeRefusal } from './cancellation.ts';

const departure = '2027-07-01';
/** The day `days` days before the departure. */
const ahead = (days: number) => addDays(departure, -days);

const policy = (more: Partial<CancellationPolicy> = {}): CancellationPolicy => ({
  nonRefundable: false,
  // As the engine stores them: largest daysBefore first, with the quote's fee.
  tiers: [
    { daysBefore: 60, percent: '10', fee: 0 },
    { daysBefore: 30, percent: '50', fee: 0 },
    { daysBefore: 0, percent: '100', fee: 0 },
  ],
  changeFee: null,
  ...more,
});

describe('cancellation fee', () => {
  const total = 1_750_00;
  it.each([
    // days left, percent, fee, tier
    [120, '10', 175_00, 60], // 10 % of 1 750,00
    [60, '10', 175_00, 60], // exactly 60 days: the 60-day tier
    [59, '50', 875_00, 30],
    [30, '50', 875_00, 30],
    [29, '100', 1_750_00, 0],
    [0, '100', 1_750_00, 0],
  ])('%i days before travel costs %s %%', (days, percent, fee, tier) => {
    const charge = cancellationFee(policy(), total, ahead(days), departure, 'EUR');
    expect(charge).toEqual({
      daysBefore: days,
      fee,
      percent,
      tier: { daysBefore: tier, percent },
    });
  });

  it('costs 100 % when fewer days are left than every tier asks', () => {
    const late = policy({ tiers: [{ daysBefore: 14, percent: '25', fee: 0 }] });
    expect(cancellationFee(late, total, ahead(13), departure, 'EUR')).toEqual({
      daysBefore: 13,
      fee: total,
      percent: '100',
      tier: null,
    });
    expect(cancellationFee(late, total, ahead(-2), departure, 'EUR').fee).toBe(total);
  });

  it('is free when the policy has no tiers at all', () => {
    const free = policy({ tiers: [] });
    expect(cancellationFee(free, total, ahead(1), departure, 'EUR')).toEqual({
      daysBefore: 1,
      fee: 0,
      percent: '0',
      tier: null,
    });
  });

  it('costs everything on a non-refundable rate, however early', () => {
    const nonRefundable = policy({
      nonRefundable: true,
      tiers: [{ daysBefore: 0, percent: '100', fee: total }],
    });
    expect(cancellationFee(nonRefundable, total, ahead(365), departure, 'EUR')).toEqual({
      daysBefore: 365,
      fee: total,
      percent: '100',
      tier: null,
    });
  });

  it('takes the percentage of the current total, rounded once half up as the engine does', () => {
    // The tiers' stored fees were worked out on the quote's total; an override or a change
    // moved the total to 1 999 minor units: 12.5 % of 1 999 = 249.875 → 250.
    const odd = policy({ tiers: [{ daysBefore: 0, percent: '12.5', fee: 999_99 }] });
    expect(cancellationFee(odd, 1_999, ahead(10), departure, 'EUR').fee).toBe(250);
    // Without minor units the same rule: 33.3 % of 1 001 JPY = 333.333 → 333.
    const third = policy({ tiers: [{ daysBefore: 0, percent: '33.3', fee: 0 }] });
    expect(cancellationFee(third, 1_001, ahead(10), departure, 'JPY').fee).toBe(333);
  });

  it('picks the right tier whatever order the tiers are stored in', () => {
    const shuffled = policy({
      tiers: [
        { daysBefore: 30, percent: '50', fee: 0 },
        { daysBefore: 0, percent: '100', fee: 0 },
        { daysBefore: 60, percent: '10', fee: 0 },
      ],
    });
    expect(cancellationFee(shuffled, total, ahead(45), departure, 'EUR').percent).toBe('50');
    expect(cancellationFee(shuffled, total, ahead(75), departure, 'EUR').percent).toBe('10');
  });

  // A sane policy: the closer to travel, the higher the share (as agencies write them).
  const sanePolicy = fc
    .uniqueArray(
      fc.record({
        daysBefore: fc.integer({ min: 0, max: 400 }),
        percent: fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toString()),
      }),
      { selector: (t) => t.daysBefore, maxLength: 6 },
    )
    .map((tiers) => {
      const byDays = [...tiers].sort((a, b) => b.daysBefore - a.daysBefore);
      const percents = byDays.map((t) => Number(t.percent)).sort((a, b) => a - b);
      return byDays.map((t, i) => ({ ...t, percent: String(percents[i]), fee: 0 }));
    });

  it('is never negative nor above the total, and cancelling later never costs less', () => {
    fc.assert(
      fc.property(
        sanePolicy,
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: -10, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (tiers, nonRefundable, amount, daysLeft, later) => {
          const p = policy({ tiers, nonRefundable });
          const early = cancellationFee(p, amount, ahead(daysLeft), departure, 'EUR');
          const late = cancellationFee(p, amount, ahead(daysLeft - later), departure, 'EUR');
          expect(early.fee).toBeGreaterThanOrEqual(0);
          expect(early.fee).toBeLessThanOrEqual(amount);
          expect(late.fee).toBeGreaterThanOrEqual(early.fee);
        },
      ),
    );
  });
});

describe('change fee', () => {
  const fee = { amount: 30_00, freeDaysBefore: 60 };
  it.each([
    [90, 0], // 60 or more days ahead: free
    [60, 0],
    [59, 30_00],
    [0, 30_00],
  ])('changed %i days before travel costs %i', (days, expected) => {
    expect(changeFee(policy({ changeFee: fee }), ahead(days), departure)).toBe(expected);
  });

  it('is never free when freeDaysBefore is null', () => {
    const never = policy({ changeFee: { amount: 30_00, freeDaysBefore: null } });
    expect(changeFee(never, ahead(365), departure)).toBe(30_00);
  });

  it('is free when the policy has no change fee, or was stored before change fees existed', () => {
    expect(changeFee(policy(), ahead(1), departure)).toBe(0);
    const { changeFee: _none, ...old } = policy();
    expect(changeFee(old as CancellationPolicy, ahead(1), departure)).toBe(0);
  });
});

describe('what may change', () => {
  it('refuses cancelled, departed and non-refundable bookings, and lets travellers be fixed', () => {
    expect(changeRefusal('confirmed', policy())).toBeNull();
    expect(changeRefusal('cancelled', policy())).toMatch(/cancelled/);
    expect(changeRefusal('departed', policy())).toMatch(/departed/);
    const nonRefundable = policy({ nonRefundable: true });
    expect(changeRefusal('checked', nonRefundable)).toMatch(/non-refundable/);
    expect(changeRefusal('checked', nonRefundable, 'travellers')).toBeNull();
  });
});
