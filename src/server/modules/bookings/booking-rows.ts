// A booking's own rows as its after-sale use cases (cancel, change, correct travellers) read
// and write them: the booking as its reader may see it (locked when it is about to change),
// who may change it, and its travellers rewritten in place.

import type { Selectable } from 'kysely';
import type { CalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { BookingLinesTable, BookingTravellersTable } from '../../db/schema.ts';
import { Conflict, Forbidden, NotFound } from '../../errors.ts';
import { isStaff } from '../identity/roles.ts';
import type { CancellationPolicy, QuoteLine } from '../pricing/engine-types.ts';
import { changeRefusal } from './cancellation.ts';
import { refreshBookingSearch } from './search-fields.ts';
import { type BookingFacts, decideTransition, type Mover } from './state-machine.ts';
import { childTravellers, type TravellerInput } from './travellers.ts';

type SupplierStatus = BookingLinesTable['supplierStatus'];

/**
 * The booking, or 404 for one the caller may not see (non-staff see only the bookings they
 * made). With `lock`, the row stays locked until the transaction ends: every write of a
 * booking takes this lock first, so two changes (or a change and a cancellation) queue.
 */
export async function findBooking(ctx: Ctx, id: string, { lock }: { lock: boolean }) {
  const booking = await ctx.db
    .selectFrom('bookings')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!booking || (!isStaff(ctx.actor.role) && booking.createdBy !== ctx.actor.userId)) {
    throw new NotFound('booking', id);
  }
  return booking;
}

export type BookingRow = Awaited<ReturnType<typeof findBooking>>;

/** The cancellation policy stored with the booking (from its quote). */
export function policyOf(booking: BookingRow): CancellationPolicy {
  const stored = booking.cancellationPolicy as Partial<CancellationPolicy>;
  return {
    nonRefundable: stored.nonRefundable ?? false,
    tiers: stored.tiers ?? [],
    changeFee: stored.changeFee ?? null,
  };
}

/**
 * Refuses a change (or a travellers' correction) of a booking: 409 once it is cancelled or
 * has departed, or for a non-refundable rate; 403 for whoever could not cancel it now
 * (a customer once the agency has ordered it, an accountant): changing is cancelling the old
 * arrangement, so the state machine's cancel edge says who may.
 */
export function requireChangeable(
  booking: BookingRow,
  facts: BookingFacts,
  mover: Mover,
  what: 'change' | 'travellers',
): void {
  const refusal = changeRefusal(booking.status, policyOf(booking), what);
  if (refusal) throw new Conflict(refusal);
  const decision = decideTransition(facts, 'cancelled', mover);
  if (!decision.ok && decision.kind === 'forbidden') {
    throw new Forbidden(
      mover === 'customer'
        ? 'the agency has ordered this booking already: ask them to change it'
        : `a ${mover} cannot change a booking`,
    );
  }
  if (!decision.ok) throw new Conflict(decision.reason);
}

/** The booking's travellers as a request would give them (to check them again). */
export async function travellersOf(ctx: Ctx, bookingId: string): Promise<TravellerInput[]> {
  const rows = await ctx.db
    .selectFrom('bookingTravellers')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  return rows.map(travellerInputOf);
}

/** A stored traveller as a request gives one (the country code's padding trimmed). */
export function travellerInputOf(t: Selectable<BookingTravellersTable>): TravellerInput {
  return {
    firstName: t.firstName,
    lastName: t.lastName,
    birthDate: t.birthDate,
    nationality: t.nationality?.trim() ?? null,
    documentType: t.documentType,
    documentNumber: t.documentNumber,
    documentExpiry: t.documentExpiry,
    email: t.email,
    phone: t.phone,
    diet: t.diet,
    medicalNotes: t.medicalNotes,
    emergencyContact: t.emergencyContact,
  };
}

/**
 * Writes a quote's lines as the booking's current ones, numbered from `first` (after the
 * lines a change supersedes, which stay), each with its supplier status.
 */
export async function insertBookingLines(
  tx: Ctx,
  bookingId: string,
  lines: readonly QuoteLine[],
  statuses: readonly SupplierStatus[],
  first = 0,
): Promise<void> {
  if (lines.length === 0) return;
  await tx.db
    .insertInto('bookingLines')
    .values(
      lines.map((line, i) => ({
        id: newId(),
        agencyId: tx.agencyId,
        bookingId,
        position: first + i,
        kind: line.kind,
        label: line.label,
        productKind: line.productKind,
        productId: line.productId,
        travellers: json(line.travellers),
        fromDate: line.from,
        toDate: line.to,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        amount: line.amount,
        cost: line.cost,
        supplierStatus: statuses[i] ?? 'confirmed',
        detail: json(line),
      })),
    )
    .execute();
}

/** "Jana Nováková" for each traveller: what the audit log keeps of a correction. */
export function namesOf(travellers: readonly TravellerInput[]): string[] {
  return travellers.map((t) => `${t.firstName} ${t.lastName}`);
}

/**
 * Writes the travellers (already checked against `party`) over the booking's: rows are
 * updated in place by position (their ids stay), extra ones added or removed, and the
 * booking's search text follows in the same transaction.
 */
export async function writeTravellers(
  tx: Ctx,
  bookingId: string,
  party: { childAges: readonly number[] },
  travellers: readonly TravellerInput[],
  start: CalendarDate,
): Promise<void> {
  const isChild = childTravellers(party, travellers, start);
  const existing = await tx.db
    .selectFrom('bookingTravellers')
    .select(['id', 'position'])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  const fields = (t: TravellerInput, position: number) => ({
    firstName: t.firstName,
    lastName: t.lastName,
    birthDate: t.birthDate,
    nationality: t.nationality ?? null,
    documentType: t.documentType ?? null,
    documentNumber: t.documentNumber ?? null,
    documentExpiry: t.documentExpiry ?? null,
    email: t.email ?? null,
    phone: t.phone ?? null,
    isChild: isChild[position] ?? false,
    // Left out (a screen or the portal that does not show them): what is recorded stays.
    ...(t.diet === undefined ? {} : { diet: t.diet }),
    ...(t.medicalNotes === undefined ? {} : { medicalNotes: t.medicalNotes }),
    ...(t.emergencyContact === undefined ? {} : { emergencyContact: t.emergencyContact }),
  });
  for (const row of existing) {
    const traveller = travellers[row.position];
    if (traveller) {
      await tx.db
        .updateTable('bookingTravellers')
        .set(fields(traveller, row.position))
        .where('agencyId', '=', tx.agencyId)
        .where('id', '=', row.id)
        .execute();
    } else {
      await tx.db
        .deleteFrom('bookingTravellers')
        .where('agencyId', '=', tx.agencyId)
        .where('id', '=', row.id)
        .execute();
    }
  }
  const taken = new Set(existing.map((row) => row.position));
  const added = travellers.flatMap((t, position) =>
    taken.has(position)
      ? []
      : [{ id: newId(), agencyId: tx.agencyId, bookingId, position, ...fields(t, position) }],
  );
  if (added.length > 0) await tx.db.insertInto('bookingTravellers').values(added).execute();
  await refreshBookingSearch(tx, bookingId);
}
