// Whether a payment or a refund may be recorded against a booking, decided on plain facts:
// never more than the balance (of a cancelled booking: its cancellation fee less what was
// paid), never back more than was paid and may be given back, always in the booking's currency.
import { owedOf } from './plan.ts';
import type { PaymentKind } from './types.ts';

export interface PaymentFacts {
  status: string;
  total: number;
  currency: string;
  /** The fee charged when the booking was cancelled (null: none, or not cancelled). */
  cancellationFee: number | null;
  /** Succeeded payments less succeeded refunds. */
  paidNet: number;
}

export type PaymentRefusal = { kind: 'invalid' | 'conflict'; path: string; message: string };

/**
 * What may be given back now. A cancelled booking: what was paid less the cancellation fee
 * the agency keeps. A paid or departed booking: only what was paid above its total (after a
 * change made it cheaper) — its status does not move back. Any other booking: all that was
 * paid.
 */
export function refundable(facts: PaymentFacts): number {
  const kept =
    facts.status === 'cancelled'
      ? (facts.cancellationFee ?? 0)
      : facts.status === 'paid' || facts.status === 'departed'
        ? facts.total
        : 0;
  return Math.max(0, facts.paidNet - kept);
}

/** Null when the payment may be recorded; otherwise what is wrong, naming the field. */
export function paymentRefusal(
  facts: PaymentFacts,
  input: { kind: PaymentKind; amount: number; currency?: string | null },
): PaymentRefusal | null {
  if (input.currency && input.currency !== facts.currency) {
    return {
      kind: 'invalid',
      path: '/currency',
      message: `must be the booking's currency ${facts.currency}, not ${input.currency}`,
    };
  }
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    return {
      kind: 'invalid',
      path: '/amount',
      message: 'must be a positive integer (minor units)',
    };
  }
  if (input.kind === 'payment') {
    const balance = owedOf(facts) - facts.paidNet;
    if (facts.status === 'cancelled' && input.amount > balance) {
      return {
        kind: 'conflict',
        path: '/amount',
        message:
          balance <= 0
            ? 'the booking is cancelled and its cancellation fee is paid: it takes no more payments, only refunds'
            : `the booking is cancelled: only its cancellation fee is due, ${balance}`,
      };
    }
    if (input.amount > balance) {
      return {
        kind: 'conflict',
        path: '/amount',
        message:
          balance <= 0
            ? `the booking is paid in full already (balance ${balance})`
            : `${input.amount} would overpay the booking: the balance is ${balance}`,
      };
    }
    return null;
  }
  const most = refundable(facts);
  if (input.amount > most) {
    return {
      kind: 'conflict',
      path: '/amount',
      message: `at most ${most} may be refunded (paid ${facts.paidNet}${
        facts.status === 'cancelled'
          ? `, less the cancellation fee ${facts.cancellationFee ?? 0}`
          : facts.status === 'paid' || facts.status === 'departed'
            ? `, less the total ${facts.total} of the ${facts.status} booking`
            : ''
      }); ${input.amount} asked`,
    };
  }
  return null;
}
