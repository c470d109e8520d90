// The supplier's answer to an on-request line (B3): staff record "confirmed" or "refused" as
// the hotel or carrier replied. A refused line blocks confirmation until staff either change
// the booking to an alternative (the change flow replaces its lines) or drop the line, which
// takes its amount off the total. Every answer is audited.
import { type Ctx, inTransaction } from '../../context.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { ledgerLineDropped } from '../reporting/ledger.ts';

export type SupplierAnswer = 'confirmed' | 'refused' | 'cancelled';

/** The history's event of each answer, spelled out so that every code the server writes can
 *  be found (and must be translated by the web app). */
const answerEvents: Record<SupplierAnswer, string> = {
  confirmed: 'booking.line_confirmed',
  refused: 'booking.line_refused',
  cancelled: 'booking.line_cancelled',
};

/** Which answers may follow which: a request is answered; a refusal may be dropped. */
const answerable: Record<SupplierAnswer, readonly string[]> = {
  confirmed: ['requested', 'refused'],
  refused: ['requested'],
  cancelled: ['refused'],
};

export async function answerLine(
  ctx: Ctx,
  bookingId: string,
  position: number,
  answer: { answer: SupplierAnswer; note?: string | null; reference?: string | null },
  now: Date = new Date(),
) {
  return inTransaction(ctx, async (tx) => {
    const booking = await tx.db
      .selectFrom('bookings')
      .select(['id', 'number', 'status', 'total', 'listTotal'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', bookingId)
      .forUpdate()
      .executeTakeFirst();
    if (!booking) throw new NotFound('booking', bookingId);
    if (booking.status === 'cancelled' || booking.status === 'departed') {
      throw new Conflict(`booking ${booking.number} is ${booking.status}`);
    }
    const line = await tx.db
      .selectFrom('bookingLines')
      .select(['id', 'label', 'amount', 'supplierStatus'])
      .where('agencyId', '=', tx.agencyId)
      .where('bookingId', '=', bookingId)
      .where('position', '=', position)
      .where('supersededAt', 'is', null)
      .executeTakeFirst();
    if (!line) throw new NotFound('booking line', String(position));
    if (!answerable[answer.answer].includes(line.supplierStatus)) {
      throw new Conflict(
        `line ${position} (${line.label}) is ${line.supplierStatus}; it cannot become ${answer.answer}`,
        [{ path: '/answer', message: `not allowed after ${line.supplierStatus}` }],
      );
    }
    await tx.db
      .updateTable('bookingLines')
      .set({ supplierStatus: answer.answer })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', line.id)
      .execute();
    const dropped = answer.answer === 'cancelled' ? Number(line.amount) : 0;
    await tx.db
      .updateTable('bookings')
      .set({
        total: Math.max(0, Number(booking.total) - dropped),
        listTotal: Math.max(0, Number(booking.listTotal) - dropped),
        updatedAt: now,
      })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', bookingId)
      .execute();
    if (answer.answer === 'cancelled') await ledgerLineDropped(tx, bookingId, line.id, now);
    await recordAudit(tx, {
      action: answerEvents[answer.answer],
      entityType: 'booking',
      entityId: bookingId,
      before: { line: position, supplierStatus: line.supplierStatus },
      after: {
        line: position,
        label: line.label,
        supplierStatus: answer.answer,
        reference: answer.reference ?? null,
        note: answer.note ?? null,
        ...(dropped > 0 ? { totalLowered: dropped } : {}),
      },
      reason: answer.note ?? null,
    });
  });
}
