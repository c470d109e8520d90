// A confirmed booking whose payments settle it moves on to `paid` by itself: the state
// machine decides (mover `system`) and the move is in the audit log, by the system.
import { type Ctx, systemActor } from '../../context.ts';
import { factsOf, lineStatusesOf } from '../bookings/read-booking.ts';
import { decideTransition } from '../bookings/state-machine.ts';
import { recordAudit } from '../identity/audit.ts';
import { onBookingPaid } from '../invoicing/service.ts';
import { paidNetOf } from './repo.ts';

export interface Settlement {
  /** The booking moved to `paid`. */
  settled: boolean;
  /** The invoice issued because it did (the agency's setting), if any. */
  invoiceId: string | null;
}

const unsettled: Settlement = { settled: false, invoiceId: null };

/**
 * In the caller's transaction, with the booking row locked by it: moves a `confirmed`
 * booking whose balance is zero or less to `paid`.
 */
export async function settleIfPaid(tx: Ctx, bookingId: string, now: Date): Promise<Settlement> {
  const booking = await tx.db
    .selectFrom('bookings')
    .select(['status', 'pendingApproval', 'approval', 'total', 'startDate'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  if (booking.status !== 'confirmed') return unsettled;
  const paid = await paidNetOf(tx, bookingId);
  const facts = factsOf({ booking, lines: await lineStatusesOf(tx, bookingId), paid }, now);
  if (!decideTransition(facts, 'paid', 'system').ok) return unsettled;
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
  return { settled: true, invoiceId: await onBookingPaid(tx, bookingId, now) };
}
