// A confirmed booking whose payments settle it moves on to `paid` by itself: the state
// machine decides (mover `system`) and the move is in the audit log, by the system.
import { type Ctx, systemActor } from '../../context.ts';
import { factsOf, lineStatusesOf } from '../bookings/read-booking.ts';
import { decideTransition } from '../bookings/state-machine.ts';
import { recordAudit } from '../identity/audit.ts';
import { onBookingPaid } from '../invoicing/service.ts';
import { paidNetOf } from './repo.ts';

/**
 * In the caller's transaction, with the booking row locked by it: moves a `confirmed`
 * booking whose balance is zero or less to `paid`. Returns whether it moved.
 */
export async function settleIfPaid(tx: Ctx, bookingId: string, now: Date): Promise<boolean> {
  const booking = await tx.db
    .selectFrom('bookings')
    .select(['status', 'pendingApproval', 'approval', 'total', 'startDate'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  if (booking.status !== 'confirmed') return false;
  const paid = await paidNetOf(tx, bookingId);
  const facts = factsOf({ booking, lines: await lineStatusesOf(tx, bookingId), paid }, now);
  if (!decideTransition(facts, 'paid', 'system').ok) return false;
  await tx.db
    .updateTable('bookings')
    .set({ status: 'paid', updatedAt: now })
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .execute();
  await recordAudit(
    { ...tx, actor: systemActor },
    {
      action: 'booking.status_changed',
      entityType: 'booking',
      entityId: bookingId,
      before: { status: 'confirmed' },
      after: { status: 'paid', reason: 'settled by payments', paid, total: Number(booking.total) },
      reason: 'settled by payments',
    },
  );
  // The agency may invoice when a booking is paid (its invoicing setting says so).
  await onBookingPaid(tx, bookingId, now);
  return true;
}
