// A booking's payment plan in the database: made with the booking, re-split when a change
// of the booking alters its total or departure (rules in plan.ts).
import { todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { cancellationPlan, paymentPlan, replan } from './plan.ts';
import { instalmentsOf, paidNetOf, termsOf, writeInstalments } from './repo.ts';

/** Writes the plan of a booking just written, in the booking's transaction. */
export async function createPaymentPlan(tx: Ctx, bookingId: string, now: Date): Promise<void> {
  const booking = await tx.db
    .selectFrom('bookings')
    .select(['total', 'currency', 'startDate'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  const terms = await termsOf(tx);
  const plan = paymentPlan(
    Number(booking.total),
    booking.currency.trim(),
    todayUtc(now),
    booking.startDate,
    terms,
  );
  await writeInstalments(tx, bookingId, plan);
}

/**
 * Re-splits the plan of a booking whose total or dates changed, in the change's transaction
 * (the booking row is locked by it): instalments the payments cover stay, the rest is
 * re-split (see `replan`). Unchanged when the plan still fits.
 */
export async function regeneratePaymentPlan(tx: Ctx, bookingId: string, now: Date): Promise<void> {
  const booking = await tx.db
    .selectFrom('bookings')
    .select(['total', 'currency', 'startDate', 'createdAt'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  const [current, paidNet, terms] = await Promise.all([
    instalmentsOf(tx, bookingId),
    paidNetOf(tx, bookingId),
    termsOf(tx),
  ]);
  const plan = replan(
    {
      total: Number(booking.total),
      currency: booking.currency,
      bookingDate: todayUtc(new Date(booking.createdAt)),
      departure: booking.startDate,
      today: todayUtc(now),
      paidNet,
    },
    current,
    terms,
  );
  const same =
    plan.length === current.length &&
    plan.every((p, i) => {
      const c = current[i];
      return c && c.amount === p.amount && c.dueDate === p.dueDate && c.label === p.label;
    });
  if (!same) await writeInstalments(tx, bookingId, plan);
}

/**
 * Replaces the plan of a booking just cancelled for `fee`, in the cancelling transaction: its
 * instalments are withdrawn (their reminders with them) and the fee is the one amount due.
 */
export async function replacePlanOnCancellation(
  tx: Ctx,
  bookingId: string,
  fee: number,
  now: Date,
): Promise<void> {
  await writeInstalments(tx, bookingId, cancellationPlan(fee, todayUtc(now)));
}
