// Seat map use cases: a transport's layout (read, and replaced with every coming departure's
// seats redrawn), a departure's seat map, and the seating of a booking's travellers on one leg
// — automatically, by hand, or two seats swapped. The booking services call these inside
// their own transactions; seat counts per class stay the inventory's.
import { todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Role } from '../../db/schema.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import { findTransport, findTransportDeparture } from '../catalog/lookup.ts';
import { getDeparture, getTransport, updateDeparture } from '../catalog/transport-service.ts';
import { recordAudit } from '../identity/audit.ts';
import type { SeatLeg } from '../inventory/service.ts';
import { layoutOf, syncDepartureSeats } from './departure-seats.ts';
import { countProblems, layoutProblems, type SeatLayout } from './layout.ts';
import * as repo from './repo.ts';
import { chooseSeats, isTogether, type Sitter, type Together } from './seating.ts';

export type SeatState = 'free' | 'held' | 'sold' | 'blocked';

/** Staff who move travellers between seats (accountants only read). */
export const seatMovers = ['admin', 'agent', 'customer_service'] as const satisfies readonly Role[];

export function stateOf(row: repo.SeatRow): SeatState {
  if (row.blocked) return 'blocked';
  if (row.held) return 'held';
  return row.bookingId ? 'sold' : 'free';
}

function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new Invalid(problems.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), problems);
}

// --- layouts ------------------------------------------------------------------------------

function presentLayout(
  transportId: string,
  found: NonNullable<Awaited<ReturnType<typeof layoutOf>>>,
) {
  return {
    transportId,
    version: found.version,
    layout: found.layout,
    seatsForSale: Object.fromEntries([...found.counts].sort()),
  };
}

export async function getLayout(ctx: Ctx, transportId: string) {
  if (!(await findTransport(ctx, transportId))) throw new NotFound('transport', transportId);
  const found = await layoutOf(ctx, transportId);
  if (!found) throw new NotFound('seat layout of transport', transportId);
  return presentLayout(transportId, found);
}

export interface PutLayoutInput {
  layout: SeatLayout;
  /** Set every coming departure's seats per class to the layout's instead of refusing a difference. */
  resizeDepartures?: boolean;
}

/**
 * Replaces a transport's layout. Checked as a whole (400 naming each field); each coming
 * departure (not cancelled, today or later) must sell as many seats per class as the layout
 * has for sale, or, with `resizeDepartures`, is set to it (409 below what is sold). Then
 * every coming departure's seats are redrawn; travellers keep their seats by id.
 */
export async function putLayout(
  ctx: Ctx,
  transportId: string,
  input: PutLayoutInput,
  now = new Date(),
) {
  const transport = await findTransport(ctx, transportId);
  if (!transport) throw new NotFound('transport', transportId);
  const codes = transport.classes.map((c) => c.code);
  throwIfAny(layoutProblems(input.layout, codes));
  return inTransaction(ctx, async (tx) => {
    const view = await getTransport(tx, transportId);
    const today = todayUtc(now);
    const coming = view.departures.filter((d) => d.status !== 'cancelled' && d.date >= today);
    const before = await layoutOf(tx, transportId);
    const counts = new Map(codes.map((code) => [code, 0]));
    for (const seat of input.layout.decks.flatMap((d) => d.seats)) {
      if (!seat.blocked) counts.set(seat.classCode, (counts.get(seat.classCode) ?? 0) + 1);
    }
    // The layout first (a departure's seats are checked against it), then capacity (inventory
    // rows), then seat rows: inventory before seats is the order every booking locks in.
    const saved = await repo.saveLayout(tx.db, tx.agencyId, transportId, input.layout, now);
    if (input.resizeDepartures) {
      for (const departure of coming) {
        const held = await heldPerClass(tx, departure.id);
        const wanted = new Map([...counts].map(([code, n]) => [code, n - (held.get(code) ?? 0)]));
        const differs = departure.seats.some((s) => s.capacity !== (wanted.get(s.classCode) ?? 0));
        if (!differs) continue;
        try {
          await updateDeparture(tx, departure.id, { seats: Object.fromEntries(wanted) });
        } catch (error) {
          if (error instanceof Conflict) {
            throw new Conflict(`${error.message} (departure of ${departure.date})`, [
              {
                path: '/resizeDepartures',
                message: `the departure of ${departure.date}: ${error.message}`,
              },
            ]);
          }
          throw error;
        }
      }
    } else {
      throwIfAny(
        countProblems(
          input.layout,
          await Promise.all(
            coming.map(async (d) => {
              // A held seat is out of sale: the departure sells it back once it is released.
              const held = await heldPerClass(tx, d.id);
              return {
                date: d.date,
                seats: new Map(
                  d.seats.map((s) => [s.classCode, s.capacity + (held.get(s.classCode) ?? 0)]),
                ),
              };
            }),
          ),
          codes,
        ),
      );
    }
    const redrawn = [];
    for (const departure of coming) {
      redrawn.push({
        date: departure.date,
        ...(await syncDepartureSeats(tx, departure, input.layout)),
      });
    }
    const after = await layoutOf(tx, transportId);
    await recordAudit(tx, {
      action: 'catalog.transport.layout_set',
      entityType: 'transport',
      entityId: transportId,
      before: before
        ? {
            version: before.version,
            name: before.layout.name,
            seatsForSale: Object.fromEntries(before.counts),
          }
        : null,
      after: {
        version: saved.version,
        name: input.layout.name,
        seatsForSale: Object.fromEntries(counts),
        resized: input.resizeDepartures ?? false,
        departures: redrawn,
      },
    });
    return presentLayout(transportId, after as NonNullable<typeof after>);
  });
}

async function heldPerClass(ctx: Ctx, departureId: string): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const row of await repo.readSeats(ctx.db, ctx.agencyId, departureId)) {
    if (row.held !== null) held.set(row.classCode, (held.get(row.classCode) ?? 0) + 1);
  }
  return held;
}

// --- a departure's seat map ---------------------------------------------------------------

async function loadDeparture(ctx: Ctx, departureId: string) {
  const departure = await findTransportDeparture(ctx, departureId);
  if (!departure) throw new NotFound('transport departure', departureId);
  return departure;
}

/** The seat map of a departure for staff: every seat, its state and who sits there. */
export async function departureSeatMap(ctx: Ctx, departureId: string) {
  const departure = await loadDeparture(ctx, departureId);
  const [found, rows, occupants, view] = await Promise.all([
    layoutOf(ctx, departure.transportId),
    repo.readSeats(ctx.db, ctx.agencyId, departureId),
    repo.occupantsOf(ctx.db, ctx.agencyId, departureId),
    getDeparture(ctx, departureId),
  ]);
  const who = new Map(occupants.map((o) => [o.seatId, o]));
  const classes = departure.classes.map((c) => {
    const ofClass = rows.filter((r) => r.classCode === c.code);
    const inventory = view.seats.find((s) => s.classCode === c.code);
    return {
      classCode: c.code,
      name: c.name,
      seats: ofClass.filter((r) => !r.blocked).length,
      sold: ofClass.filter((r) => r.bookingId !== null).length,
      free: ofClass.filter((r) => stateOf(r) === 'free').length,
      held: ofClass.filter((r) => r.held !== null).length,
      blocked: ofClass.filter((r) => r.blocked !== null).length,
      capacity: inventory?.capacity ?? 0,
      inventorySold: inventory?.sold ?? 0,
      inventoryHeld: inventory?.held ?? 0,
    };
  });
  return {
    departureId,
    transportId: departure.transportId,
    date: departure.date,
    status: departure.status,
    layout:
      found && rows.length > 0
        ? {
            name: found.layout.name,
            vehicle: found.layout.vehicle,
            version: found.version,
            customerChoice: found.layout.customerChoice ?? false,
            decks: found.layout.decks.map((d) => ({
              id: d.id,
              name: d.name ?? null,
              rows: d.rows,
              columns: d.columns,
              features: d.features ?? [],
            })),
          }
        : null,
    classes,
    seats: rows.map((row) => {
      const occupant = who.get(row.seatId);
      return {
        ...seatFields(row),
        held: row.held,
        booking: occupant
          ? {
              id: occupant.bookingId,
              number: occupant.number,
              travellerIndex: occupant.traveller as number,
              name: occupant.firstName ? `${occupant.firstName} ${occupant.lastName}` : null,
              child: occupant.isChild ?? false,
            }
          : null,
      };
    }),
  };
}

export function seatFields(row: repo.SeatRow) {
  return {
    seatId: row.seatId,
    label: row.label,
    classCode: row.classCode,
    deck: row.deck,
    row: row.seatRow,
    column: row.seatColumn,
    properties: row.properties,
    state: stateOf(row),
    blocked: row.blocked,
  };
}

/** The drawing of a departure's map without who sits where, for a customer choosing seats. */
export async function publicSeatMap(
  ctx: Ctx,
  departureId: string,
  classCode: string,
  bookingId: string,
) {
  const departure = await loadDeparture(ctx, departureId);
  const [found, rows] = await Promise.all([
    layoutOf(ctx, departure.transportId),
    repo.readSeats(ctx.db, ctx.agencyId, departureId),
  ]);
  if (!found || rows.length === 0) return null;
  return {
    name: found.layout.name,
    vehicle: found.layout.vehicle,
    customerChoice: found.layout.customerChoice ?? false,
    decks: found.layout.decks.map((d) => ({
      id: d.id,
      name: d.name ?? null,
      rows: d.rows,
      columns: d.columns,
      features: d.features ?? [],
    })),
    seats: rows.map((row) => ({
      ...seatFields(row),
      // Another class's seats are shown, not offered.
      choosable:
        row.classCode === classCode && (stateOf(row) === 'free' || row.bookingId === bookingId),
      travellerIndex: row.bookingId === bookingId ? row.traveller : null,
    })),
  };
}

/** Whether the departure has a seat map (its transport had a layout when it was drawn). */
export function hasSeatMap(ctx: Ctx, departureId: string): Promise<boolean> {
  return repo.hasSeats(ctx.db, ctx.agencyId, departureId);
}

/** Whether customers may choose their seats on this departure's transport. */
export async function customersMayChoose(ctx: Ctx, departureId: string): Promise<boolean> {
  const departure = await loadDeparture(ctx, departureId);
  const found = await layoutOf(ctx, departure.transportId);
  return found?.layout.customerChoice === true;
}

// --- seating a booking --------------------------------------------------------------------

export type LegName = 'outbound' | 'return';

/** The legs of a booking by date: the first goes out, the later ones come back. */
export function namedLegs(legs: readonly SeatLeg[]): Array<SeatLeg & { leg: LegName }> {
  return legs.map((leg, index) => ({ ...leg, leg: index === 0 ? 'outbound' : 'return' }));
}

export interface LegSeating {
  departureId: string;
  together: Together;
  seats: Map<number, string>;
}

/**
 * Seats a booking's travellers on one leg automatically, giving back the seats it had there
 * first. Null when the departure has no seat map. 409 when its class has fewer free seats
 * than travellers (the inventory took them, so the map and the counts disagree).
 */
export async function autoSeat(
  tx: Ctx,
  bookingId: string,
  leg: SeatLeg,
  sitters: readonly Sitter[],
  now: Date,
): Promise<LegSeating | null> {
  const rows = await repo.lockSeats(tx.db, tx.agencyId, leg.departureId, leg.classCode);
  if (rows.length === 0) {
    if (!(await repo.hasSeats(tx.db, tx.agencyId, leg.departureId))) return null;
  }
  const party = sitters.slice(0, leg.quantity);
  const free = rows.filter(
    (r) => !r.blocked && !r.held && (r.bookingId === null || r.bookingId === bookingId),
  );
  const result = chooseSeats(
    free.map((r) => ({
      seatId: r.seatId,
      deck: r.deck,
      row: r.seatRow,
      column: r.seatColumn,
      properties: r.properties,
    })),
    party,
  );
  if (!result) {
    throw new Conflict(
      `class ${leg.classCode} of the departure of ${leg.date} has ${free.length} free seats on its seat map for ${party.length} travellers`,
      [
        {
          path: '/seats',
          message: `${free.length} free seats in class ${leg.classCode} on ${leg.date}`,
        },
      ],
    );
  }
  await repo.clearSeats(tx.db, tx.agencyId, bookingId, { departureId: leg.departureId });
  await repo.assignSeats(tx.db, tx.agencyId, leg.departureId, bookingId, result.seats, now);
  return { departureId: leg.departureId, together: result.together, seats: result.seats };
}

/** Frees every seat of a booking (cancelled), or those on departures it no longer travels on. */
export async function releaseSeats(
  tx: Ctx,
  bookingId: string,
  keepDepartureIds: readonly string[] = [],
): Promise<void> {
  const held = await repo.seatsOfBooking(tx.db, tx.agencyId, bookingId);
  const gone = [...new Set(held.map((r) => r.departureId))].filter(
    (id) => !keepDepartureIds.includes(id),
  );
  for (const departureId of gone.sort()) {
    await repo.lockSeats(tx.db, tx.agencyId, departureId);
    await repo.clearSeats(tx.db, tx.agencyId, bookingId, { departureId });
  }
}

/** A booking's seats per departure: traveller → seat row. */
export async function seatsOfBooking(ctx: Ctx, bookingId: string) {
  return repo.seatsOfBooking(ctx.db, ctx.agencyId, bookingId);
}

export interface Move {
  traveller: number;
  seatId: string;
  /** Where the move was asked, e.g. `/assignments/2`. */
  path: string;
}

export interface LegMoves {
  departureId: string;
  before: Map<number, string>;
  after: Map<number, string>;
  /** The party sat together before and no longer does. */
  splits: boolean;
}

const placeOf = (row: repo.SeatRow) => ({ deck: row.deck, row: row.seatRow });

/**
 * Puts travellers of a booking on the seats asked, on one leg: each seat must be on the
 * departure (400), of the leg's class (400), neither blocked nor held nor another booking's
 * (409). A seat of a traveller of the same booking who is not moved is a swap: they take the
 * mover's seat.
 */
export async function placeTravellers(
  tx: Ctx,
  bookingId: string,
  leg: SeatLeg,
  moves: readonly Move[],
  now: Date,
): Promise<LegMoves> {
  const rows = await repo.lockSeats(tx.db, tx.agencyId, leg.departureId);
  const byId = new Map(rows.map((r) => [r.seatId, r]));
  const before = new Map(
    rows.filter((r) => r.bookingId === bookingId).map((r) => [r.traveller as number, r.seatId]),
  );
  const invalid: FieldError[] = [];
  const taken: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const move of moves) {
    const seat = byId.get(move.seatId);
    if (!seat) {
      invalid.push({
        path: `${move.path}/seatId`,
        message: `is not a seat of the departure of ${leg.date}`,
      });
      continue;
    }
    const first = seen.get(move.seatId);
    if (first) invalid.push({ path: `${move.path}/seatId`, message: `is asked twice (${first})` });
    seen.set(move.seatId, move.path);
    if (seat.classCode !== leg.classCode) {
      invalid.push({
        path: `${move.path}/seatId`,
        message: `is a seat of class ${seat.classCode}; the booking travels in ${leg.classCode}`,
      });
    } else if (seat.blocked) {
      taken.push({ path: `${move.path}/seatId`, message: `is blocked (${seat.blocked})` });
    } else if (seat.held) {
      taken.push({ path: `${move.path}/seatId`, message: `is held: ${seat.held}` });
    } else if (seat.bookingId !== null && seat.bookingId !== bookingId) {
      taken.push({ path: `${move.path}/seatId`, message: `seat ${seat.label} is taken` });
    }
  }
  throwIfAny(invalid);
  if (taken.length > 0) {
    throw new Conflict(taken.map((t) => `${t.path.slice(1)} ${t.message}`).join('; '), taken);
  }
  const after = new Map(before);
  const moved = new Set(moves.map((m) => m.traveller));
  for (const move of moves) after.set(move.traveller, move.seatId);
  // A traveller of the booking left on a seat someone moved to takes the mover's old seat.
  for (const move of moves) {
    for (const [traveller, seatId] of before) {
      if (moved.has(traveller) || seatId !== move.seatId) continue;
      const vacated = before.get(move.traveller);
      if (!vacated) {
        throw new Conflict(`seat ${move.seatId} is traveller ${traveller}'s; move them too`, [
          {
            path: `${move.path}/seatId`,
            message: `is traveller ${traveller}'s seat: move them too`,
          },
        ]);
      }
      after.set(traveller, vacated);
    }
  }
  const seatsAfter = [...after.values()];
  if (new Set(seatsAfter).size !== seatsAfter.length) {
    throw new Invalid('two travellers would sit on one seat', [
      { path: '/assignments', message: 'two travellers of the booking would sit on one seat' },
    ]);
  }
  const placesOf = (seats: Map<number, string>) =>
    [...seats.values()].map((id) => placeOf(byId.get(id) as repo.SeatRow));
  const splits = isTogether(placesOf(before)) && !isTogether(placesOf(after));
  await repo.clearSeats(tx.db, tx.agencyId, bookingId, { departureId: leg.departureId });
  await repo.assignSeats(tx.db, tx.agencyId, leg.departureId, bookingId, after, now);
  return { departureId: leg.departureId, before, after, splits };
}

/**
 * Staff swap two seats of a departure: whoever sits on `from` moves to `to`, and whoever sat
 * on `to` (of the same class) moves to `from`. Audited on each booking moved; says which
 * parties it splits.
 */
export async function swapSeats(
  ctx: Ctx,
  departureId: string,
  input: { from: string; to: string; reason?: string | null },
  now = new Date(),
) {
  const departure = await loadDeparture(ctx, departureId);
  return inTransaction(ctx, async (tx) => {
    const rows = await repo.lockSeats(tx.db, tx.agencyId, departureId);
    const byId = new Map(rows.map((r) => [r.seatId, r]));
    const from = byId.get(input.from);
    const to = byId.get(input.to);
    throwIfAny([
      ...(from
        ? []
        : [{ path: '/from', message: `is not a seat of the departure of ${departure.date}` }]),
      ...(to
        ? []
        : [{ path: '/to', message: `is not a seat of the departure of ${departure.date}` }]),
      ...(input.from === input.to ? [{ path: '/to', message: 'is the same seat as from' }] : []),
    ]);
    const a = from as repo.SeatRow;
    const b = to as repo.SeatRow;
    if (a.bookingId === null)
      throw Invalid.field('/from', `seat ${a.label} is free: nobody to move`);
    if (a.classCode !== b.classCode) {
      throw Invalid.field('/to', `is a seat of class ${b.classCode}, ${a.label} of ${a.classCode}`);
    }
    if (b.blocked)
      throw new Conflict(`seat ${b.label} is blocked (${b.blocked})`, [
        { path: '/to', message: 'is blocked' },
      ]);
    if (b.held)
      throw new Conflict(`seat ${b.label} is held: ${b.held}`, [
        { path: '/to', message: 'is held' },
      ]);
    const bookingsMoved = [
      ...new Set([a.bookingId, b.bookingId].filter((id) => id !== null)),
    ] as string[];
    const partyOf = (bookingId: string, swap: boolean) =>
      rows
        .filter((r) => r.bookingId === bookingId)
        .map((r) => {
          const moved = swap && (r.seatId === a.seatId ? b : r.seatId === b.seatId ? a : r);
          return placeOf(moved || r);
        });
    const splits = bookingsMoved.filter(
      (id) => isTogether(partyOf(id, false)) && !isTogether(partyOf(id, true)),
    );
    const occupantA = { bookingId: a.bookingId, traveller: a.traveller as number };
    const occupantB = b.bookingId
      ? { bookingId: b.bookingId, traveller: b.traveller as number }
      : null;
    await repo.clearSeats(tx.db, tx.agencyId, occupantA.bookingId, { seatIds: [a.seatId] });
    if (occupantB)
      await repo.clearSeats(tx.db, tx.agencyId, occupantB.bookingId, { seatIds: [b.seatId] });
    await repo.assignSeats(
      tx.db,
      tx.agencyId,
      departureId,
      occupantA.bookingId,
      new Map([[occupantA.traveller, b.seatId]]),
      now,
    );
    if (occupantB) {
      await repo.assignSeats(
        tx.db,
        tx.agencyId,
        departureId,
        occupantB.bookingId,
        new Map([[occupantB.traveller, a.seatId]]),
        now,
      );
    }
    const warnings = splits.map((id) => `the party of booking ${id} no longer sits together`);
    for (const [occupant, fromSeat, toSeat] of [
      [occupantA, a, b],
      ...(occupantB ? [[occupantB, b, a] as const] : []),
    ] as const) {
      await recordAudit(tx, {
        action: 'booking.seats.moved',
        entityType: 'booking',
        entityId: occupant.bookingId,
        before: {
          departureId,
          date: departure.date,
          traveller: occupant.traveller,
          seat: fromSeat.label,
        },
        after: {
          departureId,
          date: departure.date,
          traveller: occupant.traveller,
          seat: toSeat.label,
          splitsParty: splits.includes(occupant.bookingId),
        },
        reason: input.reason?.trim() || null,
      });
    }
    return { ...(await departureSeatMap(tx, departureId)), warnings };
  });
}

/**
 * Staff keep a free seat out of sale on one departure (a tour leader's, a VIP's), with a note,
 * or give it back (`note` null). Its class sells one seat less meanwhile: the inventory's
 * capacity goes down first (409 when every seat of the class is sold or held), then the seat
 * row, the order bookings lock in. A sold or blocked seat cannot be held (409).
 */
export async function holdSeat(ctx: Ctx, departureId: string, seatId: string, note: string | null) {
  const departure = await loadDeparture(ctx, departureId);
  return inTransaction(ctx, async (tx) => {
    const seat = (await repo.readSeats(tx.db, tx.agencyId, departureId)).find(
      (r) => r.seatId === seatId,
    );
    if (!seat) throw new NotFound('seat', seatId);
    const text = note?.trim() || null;
    const wasHeld = seat.held !== null;
    const holding = text !== null;
    if (holding && seat.blocked) {
      throw new Conflict(`seat ${seat.label} is blocked (${seat.blocked})`, [
        { path: '/held', message: 'the seat is blocked' },
      ]);
    }
    if (holding && seat.bookingId) {
      throw new Conflict(`seat ${seat.label} is sold: move its traveller first`, [
        { path: '/held', message: 'the seat is sold' },
      ]);
    }
    if (wasHeld !== holding) {
      const view = await getDeparture(tx, departureId);
      const capacity = view.seats.find((s) => s.classCode === seat.classCode)?.capacity ?? 0;
      try {
        await updateDeparture(tx, departureId, {
          seats: { [seat.classCode]: capacity + (holding ? -1 : 1) },
        });
      } catch (error) {
        if (error instanceof Conflict) {
          throw new Conflict(
            `every seat of class ${seat.classCode} on ${departure.date} is sold or held by quotes`,
            [
              {
                path: '/held',
                message: `class ${seat.classCode} has no seat left to take out of sale`,
              },
            ],
          );
        }
        throw error;
      }
    }
    await repo.lockSeats(tx.db, tx.agencyId, departureId, seat.classCode);
    const current = (await repo.readSeats(tx.db, tx.agencyId, departureId)).find(
      (r) => r.seatId === seatId,
    );
    if (holding && current?.bookingId) {
      throw new Conflict(`seat ${seat.label} was sold a moment ago`, [
        { path: '/held', message: 'the seat is sold' },
      ]);
    }
    await repo.setHeld(tx.db, tx.agencyId, departureId, seatId, text);
    await recordAudit(tx, {
      action: holding
        ? 'catalog.transport_departure.seat_held'
        : 'catalog.transport_departure.seat_released',
      entityType: 'transport_departure',
      entityId: departureId,
      before: { seat: seat.label, held: seat.held },
      after: { seat: seat.label, held: text },
    });
    return departureSeatMap(tx, departureId);
  });
}
