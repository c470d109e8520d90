// Moving a booking along its life cycle: the state machine decides, the change and its
// reason go to the audit log in the same transaction. Cancelling (a fee, the inventory
// released) is its own use case: moving to `cancelled` goes through it.
import { type Ctx, inTransaction } from '../../context.ts';
import { Conflict, Forbidden, NotFound } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { isStaff } from '../identity/roles.ts';
import { paidNetOf } from '../payments/repo.ts';
import { settleIfPaid } from '../payments/settle.ts';
import { cancelBooking } from './cancel-booking.ts';
import { factsOf, lineStatusesOf } from './read-booking.ts';
import { type BookingStatus, decideTransition } from './state-machine.ts';

export async function moveBooking(
  ctx: Ctx,
  id: string,
  input: { to: BookingStatus; reason?: string | null },
  now: Date = new Date(),
): Promise<void> {
  if (input.to === 'cancelled') {
    await cancelBooking(ctx, id, { reason: input.reason }, now);
    return;
  }
  await inTransaction(ctx, async (tx) => {
    const locked = await tx.db
      .selectFrom('bookings')
      .select(['status', 'pendingApproval', 'approval', 'total', 'startDate', 'createdBy'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    // Others' bookings do not exist for a customer, as in getBooking.
    if (!locked || (!isStaff(tx.actor.role) && locked.createdBy !== tx.actor.userId)) {
      throw new NotFound('booking', id);
    }
    const lines = await lineStatusesOf(tx, id);
    const facts = factsOf({ booking: locked, lines, paid: await paidNetOf(tx, id) }, now);
    const decision = decideTransition(facts, input.to, tx.actor.role ?? 'system');
    if (!decision.ok) {
      if (decision.kind === 'forbidden') throw new Forbidden(decision.reason);
      throw new Conflict(decision.reason, [{ path: '/to', message: decision.reason }]);
    }
    await tx.db
      .updateTable('bookings')
      .set({ status: input.to, updatedAt: now })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'booking.status_changed',
      entityType: 'booking',
      entityId: id,
      before: { status: facts.status },
      after: { status: input.to, reason: input.reason ?? null },
    });
    // Confirmed with the money in already (paid ahead, or nothing to pay): on to paid.
    if (input.to === 'confirmed') await settleIfPaid(tx, id, now);
  });
}
