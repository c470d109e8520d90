// What cancelling or changing a booking costs (B6), decided on plain data: the booking's
// cancellation policy (stored with it from its quote), its current total, today and the
// first day of travel. Pure: the use cases pass today in; nothing here reads a clock.
import { type CalendarDate, daysBetween } from '../../calendar.ts';
import type { CancellationPolicy } from '../pricing/engine-types.ts';
import { percentOf } from '../pricing/pricer.ts';
import type { CancellationTier } from '../pricing/types.ts';

export interface CancellationCharge {
  /** Whole days from today to the first day of travel (negative once it has passed). */
  daysBefore: number;
  /** Minor units of the booking's currency. */
  fee: number;
  percent: string;
  /** The tier that applies; null when none does (no tiers, below every tier, non-refundable). */
  tier: CancellationTier | null;
}

/**
 * The fee of cancelling now: the tier with the largest `daysBefore` not above the days left
 * ("cancelled 30 or more days before travel → 50 %"); 100 % when fewer days are left than
 * every tier asks, and for a non-refundable rate; free when the policy has no tiers. The
 * percentage is of the booking's *current* total (an override or a change may have moved it
 * from the quote's), rounded once as the engine rounds (`percentOf`).
 */
export function cancellationFee(
  policy: CancellationPolicy,
  total: number,
  today: CalendarDate,
  departure: CalendarDate,
  currency: string,
): CancellationCharge {
  const daysBefore = daysBetween(today, departure);
  const charge = (percent: string, tier: CancellationTier | null) => ({
    daysBefore,
    fee: percentOf(total, percent, currency),
    percent,
    tier,
  });
  if (policy.nonRefundable) return charge('100', null);
  if (policy.tiers.length === 0) return charge('0', null);
  let applies: CancellationTier | null = null;
  for (const tier of policy.tiers) {
    if (tier.daysBefore <= daysBefore && (!applies || tier.daysBefore > applies.daysBefore)) {
      applies = tier;
    }
  }
  return applies
    ? charge(applies.percent, { daysBefore: applies.daysBefore, percent: applies.percent })
    : charge('100', null);
}

/**
 * The fee of changing the booking now, in the booking's currency: the policy's change fee,
 * or 0 when there is none or the change is made `freeDaysBefore` or more days ahead.
 */
export function changeFee(
  policy: CancellationPolicy,
  today: CalendarDate,
  departure: CalendarDate,
): number {
  // Policies stored before change fees existed have no `changeFee`: changes are free.
  const fee = policy.changeFee ?? null;
  if (!fee) return 0;
  if (fee.freeDaysBefore !== null && daysBetween(today, departure) >= fee.freeDaysBefore) return 0;
  return fee.amount;
}

/** Why a booking cannot be changed (repriced, or its travellers corrected), or null. */
export function changeRefusal(
  status: string,
  policy: CancellationPolicy,
  what: 'change' | 'travellers' = 'change',
): string | null {
  if (status === 'cancelled') return 'the booking is cancelled';
  if (status === 'departed') return 'the trip has departed';
  if (what === 'change' && policy.nonRefundable) {
    return 'the booking is on a non-refundable rate: it cannot be changed, only cancelled';
  }
  return null;
}
