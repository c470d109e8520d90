// A booking's seats (T2): its travellers seated together on every transport leg that has a
// seat map — automatically when the booking is taken, in its transaction, after the inventory
// took the seats per class, so no booking gets a seat another holds; again when a change
// moves it to other departures or another party; freed when it is cancelled. Staff (and the
// customer, where the transport lets them choose) move travellers by hand.
import { type Ctx, inTransaction } from '../../context.ts';
import { Conflict, type FieldError, Forbidden, Invalid } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { isStaff } from '../identity/roles.ts';
import { type SeatLeg, seatLegsOfTake } from '../inventory/service.ts';
import type { SeatProperty } from '../seating/layout.ts';
import type { Sitter } from '../seating/seating.ts';
import {
  autoSeat,
  customersMayChoose,
  hasSeatMap,
  type LegName,
  type Move,
  namedLegs,
  placeTravellers,
  publicSeatMap,
  releaseSeats,
  seatMovers,
  seatsOfBooking,
} from '../seating/service.ts';
import { findBooking } from './booking-rows.ts';

export interface SeatPreference {
  travellerIndex: number;
  prefer: SeatProperty[];
}

/** The booking's travellers as the seating sees them: position, child, wishes. */
async function sittersOf(
  tx: Ctx,
  bookingId: string,
  preferences: readonly SeatPreference[] = [],
): Promise<Sitter[]> {
  const rows = await tx.db
    .selectFrom('bookingTravellers')
    .select(['position', 'isChild'])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const prefer = preferences.find((p) => p.travellerIndex === row.position)?.prefer;
    return { traveller: row.position, child: row.isChild, ...(prefer ? { prefer } : {}) };
  });
}

async function legsOf(tx: Ctx, takeId: string | null): Promise<Array<SeatLeg & { leg: LegName }>> {
  return takeId ? namedLegs(await seatLegsOfTake(tx, takeId)) : [];
}

function preferenceProblems(
  preferences: readonly SeatPreference[],
  travellers: number,
  path: string,
) {
  const problems: FieldError[] = [];
  preferences.forEach((p, i) => {
    if (p.travellerIndex >= travellers) {
      problems.push({
        path: `${path}/${i}/travellerIndex`,
        message: `the booking has travellers 0 to ${travellers - 1}`,
      });
    }
  });
  return problems;
}

/**
 * Seats a new booking's travellers on each leg with a seat map, in the booking's transaction
 * (the inventory has just taken the seats per class). Returns how each leg sat.
 */
export async function seatNewBooking(
  tx: Ctx,
  bookingId: string,
  takeId: string | null,
  preferences: readonly SeatPreference[],
  now: Date,
) {
  const legs = await legsOf(tx, takeId);
  if (legs.length === 0) return [];
  const sitters = await sittersOf(tx, bookingId, preferences);
  const problems = preferenceProblems(preferences, sitters.length, '/seatPreferences');
  if (problems.length > 0) {
    throw new Invalid(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  }
  const seated = [];
  for (const leg of legs) {
    const result = await autoSeat(tx, bookingId, leg, sitters, now);
    if (result) seated.push({ leg: leg.leg, date: leg.date, together: result.together });
  }
  return seated;
}

/**
 * After a change: seats on departures the booking no longer travels on are freed; on a leg it
 * keeps, travellers keep their seats unless the party changed; every other leg is seated anew.
 */
export async function reseatChangedBooking(
  tx: Ctx,
  bookingId: string,
  takeId: string | null,
  partyChanged: boolean,
  now: Date,
): Promise<void> {
  const legs = await legsOf(tx, takeId);
  const current = await seatsOfBooking(tx, bookingId);
  const keep = legs.filter((leg) => {
    if (partyChanged) return false;
    const seats = current.filter((s) => s.departureId === leg.departureId);
    return (
      seats.length === leg.quantity &&
      seats.every((s) => s.classCode === leg.classCode && (s.traveller as number) < leg.quantity)
    );
  });
  await releaseSeats(
    tx,
    bookingId,
    keep.map((leg) => leg.departureId),
  );
  const sitters = await sittersOf(tx, bookingId);
  for (const leg of legs) {
    if (keep.includes(leg)) continue;
    await autoSeat(tx, bookingId, leg, sitters, now);
  }
}

/** Frees a cancelled booking's seats. */
export async function releaseBookingSeats(tx: Ctx, bookingId: string): Promise<void> {
  await releaseSeats(tx, bookingId);
}

/** A booking's legs and seats, with each leg's map for choosing (nobody else's names). */
export async function bookingSeats(ctx: Ctx, id: string) {
  const booking = await findBooking(ctx, id, { lock: false });
  const legs = await legsOf(ctx, booking.takeId);
  const seats = await seatsOfBooking(ctx, id);
  const result = [];
  for (const leg of legs) {
    const map = await publicSeatMap(ctx, leg.departureId, leg.classCode, id);
    result.push({
      leg: leg.leg,
      departureId: leg.departureId,
      date: leg.date,
      classCode: leg.classCode,
      travellers: leg.quantity,
      customerChoice: map?.customerChoice ?? false,
      seats: seats
        .filter((s) => s.departureId === leg.departureId)
        .map((s) => ({ travellerIndex: s.traveller as number, seatId: s.seatId, label: s.label })),
      map,
    });
  }
  return { bookingId: id, legs: result };
}

export interface SetSeatsInput {
  auto?: boolean;
  assignments?: Array<{ travellerIndex: number; leg: LegName; seatId: string }>;
  preferences?: SeatPreference[];
  reason?: string | null;
}

/**
 * Seats a booking's travellers again (`auto`) or where asked (`assignments`). Staff may on
 * any booking they see; a customer or partner only on their own, and only where the
 * transport lets customers choose (403). 409 once the booking is cancelled or has departed,
 * or for a seat someone else sits on. Audited; warns when a party no longer sits together.
 */
export async function setBookingSeats(
  ctx: Ctx,
  id: string,
  input: SetSeatsInput,
  now = new Date(),
) {
  const hasAssignments = input.assignments !== undefined && input.assignments.length > 0;
  if ((input.auto === true) === hasAssignments) {
    throw Invalid.field('/auto', 'give either auto: true or a list of assignments');
  }
  const result = await inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx, id, { lock: true });
    if (booking.status === 'cancelled' || booking.status === 'departed') {
      throw new Conflict(
        `booking ${booking.number} is ${booking.status}: its seats stay as they are`,
      );
    }
    const legs = await legsOf(tx, booking.takeId);
    const mapped: typeof legs = [];
    for (const leg of legs) if (await hasSeatMap(tx, leg.departureId)) mapped.push(leg);
    if (mapped.length === 0) {
      throw new Conflict(`booking ${booking.number} travels on no transport with a seat map`);
    }
    const sitters = await sittersOf(tx, id, input.preferences ?? []);
    const problems = preferenceProblems(input.preferences ?? [], sitters.length, '/preferences');
    (input.assignments ?? []).forEach((a, i) => {
      const leg = mapped.find((l) => l.leg === a.leg);
      if (!leg) {
        problems.push({
          path: `/assignments/${i}/leg`,
          message: `the booking has no ${a.leg} leg on a seat map (it has: ${mapped.map((l) => l.leg).join(', ')})`,
        });
      } else if (a.travellerIndex >= leg.quantity) {
        problems.push({
          path: `/assignments/${i}/travellerIndex`,
          message: `the booking has travellers 0 to ${leg.quantity - 1}`,
        });
      }
    });
    if (problems.length > 0) {
      throw new Invalid(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
    }
    const touched = hasAssignments
      ? mapped.filter((leg) => input.assignments?.some((a) => a.leg === leg.leg))
      : mapped;
    if (
      isStaff(tx.actor.role) &&
      !(seatMovers as readonly string[]).includes(tx.actor.role ?? '')
    ) {
      throw new Forbidden(
        'an accountant reads seats; ask an agent or customer service to move them',
      );
    }
    if (!isStaff(tx.actor.role)) {
      for (const leg of touched) {
        if (!(await customersMayChoose(tx, leg.departureId))) {
          throw new Forbidden(
            `seats on the ${leg.leg} leg are given by the agency; ask them to move you`,
          );
        }
      }
    }
    const before = await seatsOfBooking(tx, id);
    const warnings: string[] = [];
    for (const leg of touched) {
      if (input.auto) {
        await autoSeat(tx, id, leg, sitters, now);
        continue;
      }
      const moves: Move[] = [];
      (input.assignments ?? []).forEach((a, i) => {
        if (a.leg === leg.leg)
          moves.push({ traveller: a.travellerIndex, seatId: a.seatId, path: `/assignments/${i}` });
      });
      const moved = await placeTravellers(tx, id, leg, moves, now);
      if (moved.splits)
        warnings.push(`the party no longer sits together on the ${leg.leg} leg (${leg.date})`);
    }
    const after = await seatsOfBooking(tx, id);
    const show = (rows: typeof after) =>
      rows.map((r) => ({ departureId: r.departureId, traveller: r.traveller, seat: r.label }));
    await recordAudit(tx, {
      action: 'booking.seats.assigned',
      entityType: 'booking',
      entityId: id,
      before: show(before),
      after: { seats: show(after), auto: input.auto === true, warnings },
      reason: input.reason?.trim() || null,
    });
    return { warnings };
  });
  return { ...(await bookingSeats(ctx, id)), warnings: result.warnings };
}
