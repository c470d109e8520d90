// Correcting who travels on a booking (B6) without repricing it: a misspelt name, a passport
// number. The party stays the same (as many adults and children, each child the quoted age
// on the first day), checked as when the booking was made; the audit keeps the names before
// and after.
import { type Ctx, inTransaction } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import {
  findBooking,
  namesOf,
  requireChangeable,
  travellersOf,
  writeTravellers,
} from './booking-rows.ts';
import { factsOf, lineStatusesOf } from './read-booking.ts';
import { type TravellerInput, travellerProblems } from './travellers.ts';

export interface CorrectTravellersInput {
  travellers: TravellerInput[];
  reason?: string | null;
}

/** Replaces the travellers' details (400 naming the field when they do not fit the party). */
export async function correctTravellers(
  ctx: Ctx,
  id: string,
  input: CorrectTravellersInput,
  now: Date = new Date(),
): Promise<void> {
  const reason = input.reason?.trim() || null;
  await inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx, id, { lock: true });
    const facts = factsOf({ booking, lines: await lineStatusesOf(tx, id) }, now);
    requireChangeable(booking, facts, tx.actor.role ?? 'system', 'travellers');
    const problems = travellerProblems(
      booking.party,
      input.travellers,
      booking.startDate,
      booking.endDate,
    );
    if (problems.length > 0) {
      throw new Invalid(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
    }
    const before = namesOf(await travellersOf(tx, id));
    await writeTravellers(tx, id, booking.party, input.travellers, booking.startDate);
    await tx.db
      .updateTable('bookings')
      .set({ updatedAt: now })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'booking.travellers_corrected',
      entityType: 'booking',
      entityId: id,
      before: { travellers: before },
      after: { travellers: namesOf(input.travellers), reason },
      reason,
    });
  });
}
