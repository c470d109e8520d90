// Cancelling a booking (B6): the state machine decides whether the caller may, the fee comes
// from the booking's own cancellation policy on its current total, and in one transaction
// the inventory it took is given back, its lines marked cancelled, its promo code use
// returned, its payment plan replaced by the fee, and who, when, why and the fee kept on the
// booking and in the audit log.
import { todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { Conflict, Forbidden, Invalid } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { release } from '../inventory/service.ts';
import { onBookingCancelled } from '../invoicing/service.ts';
import { replacePlanOnCancellation } from '../payments/plan-service.ts';
import { releasePromoCode } from '../pricing/promo-codes-service.ts';
import { ledgerBookingCancelled } from '../reporting/ledger.ts';
import { type BookingRow, findBooking, policyOf } from './booking-rows.ts';
import { releaseBookingSeats } from './booking-seats.ts';
import { type CancellationCharge, cancellationFee } from './cancellation.ts';
import { mailCustomer } from './customer-mail.ts';
import { factsOf, lineStatusesOf } from './read-booking.ts';
import { decideTransition } from './state-machine.ts';

export const reasonLength = { min: 3, max: 1000 } as const;

export interface CancellationPreview extends CancellationCharge {
  currency: string;
  total: number;
  /** The total less the fee: what a fully paid booking gets back (refunds are recorded as payments of kind refund). */
  refundableAmount: number;
  nonRefundable: boolean;
}

function checkReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (text.length === 0) throw Invalid.field('/reason', 'is required: say why it is cancelled');
  if (text.length < reasonLength.min || text.length > reasonLength.max) {
    throw Invalid.field(
      '/reason',
      `must be ${reasonLength.min} to ${reasonLength.max} characters; ${text.length} given`,
    );
  }
  return text;
}

function alreadyCancelled(booking: BookingRow): Conflict {
  const on = booking.cancelledAt ? ` on ${new Date(booking.cancelledAt).toISOString()}` : '';
  return new Conflict(`booking ${booking.number} was cancelled already${on}`);
}

function preview(booking: BookingRow, now: Date): CancellationPreview {
  const policy = policyOf(booking);
  const total = Number(booking.total);
  const charge = cancellationFee(policy, total, todayUtc(now), booking.startDate, booking.currency);
  return {
    ...charge,
    currency: booking.currency,
    total,
    refundableAmount: total - charge.fee,
    nonRefundable: policy.nonRefundable,
  };
}

/** What cancelling the booking now would cost (409 once it is cancelled or has departed). */
export async function previewCancellation(
  ctx: Ctx,
  id: string,
  now: Date = new Date(),
): Promise<CancellationPreview> {
  const booking = await findBooking(ctx, id, { lock: false });
  if (booking.status === 'cancelled') throw alreadyCancelled(booking);
  if (booking.status === 'departed') throw new Conflict('the trip has departed');
  return preview(booking, now);
}

/**
 * Cancels the booking: 409 when it is cancelled already or the state machine refuses, 403
 * when the caller may not (a customer once the agency has ordered it). Returns the fee.
 */
export async function cancelBooking(
  ctx: Ctx,
  id: string,
  input: { reason?: string | null },
  now: Date = new Date(),
): Promise<CancellationPreview> {
  const reason = checkReason(input.reason);
  return inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx, id, { lock: true });
    if (booking.status === 'cancelled') throw alreadyCancelled(booking);
    const facts = factsOf({ booking, lines: await lineStatusesOf(tx, id) }, now);
    const decision = decideTransition(facts, 'cancelled', tx.actor.role ?? 'system');
    if (!decision.ok) {
      if (decision.kind === 'forbidden') throw new Forbidden(decision.reason);
      throw new Conflict(decision.reason);
    }
    const charge = preview(booking, now);
    // Gives back exactly what the take recorded; a take released before is left alone.
    if (booking.takeId) await release(tx, booking.takeId);
    await releaseBookingSeats(tx, id);
    await tx.db
      .updateTable('bookingLines')
      .set({ supplierStatus: 'cancelled' })
      .where('agencyId', '=', tx.agencyId)
      .where('bookingId', '=', id)
      .where('supersededAt', 'is', null)
      .execute();
    const promo = booking.promoCode ? await releasePromoCode(tx, booking.promoCode) : undefined;
    await tx.db
      .updateTable('bookings')
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelledByName: tx.actor.name,
        cancellationReason: reason,
        cancellationFee: charge.fee,
        updatedAt: now,
      })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    await ledgerBookingCancelled(tx, id, charge.fee, now);
    // The trip's instalments are withdrawn: what is due now is the fee (less what was paid).
    await replacePlanOnCancellation(tx, id, charge.fee, now);
    await recordAudit(tx, {
      action: 'booking.cancelled',
      entityType: 'booking',
      entityId: id,
      before: { status: facts.status, total: charge.total },
      after: {
        status: 'cancelled',
        reason,
        fee: charge.fee,
        percent: charge.percent,
        daysBefore: charge.daysBefore,
        tier: charge.tier,
        currency: charge.currency,
        releasedTakeId: booking.takeId,
        promoCodeReleased: promo ? promo.code : null,
      },
      reason,
    });
    const invoiceIds = await onBookingCancelled(tx, id, now);
    await mailCustomer(tx, id, { kind: 'cancelled', fee: charge.fee }, { invoiceIds });
    return charge;
  });
}
