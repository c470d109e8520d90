// SQL for seat maps: a transport's layout document, and the seat rows of its departures with
// who sits where. Every query names its agency. Seat rows are locked in seat id order, so two
// writers of one departure queue instead of deadlocking.
import type { Kysely, Selectable } from 'kysely';
import { json } from '../../db/json.ts';
import type { DB, DepartureSeatsTable } from '../../db/schema.ts';
import type { PlacedSeat, SeatLayout } from './layout.ts';

type Db = Kysely<DB>;

export type SeatRow = Selectable<DepartureSeatsTable>;

export interface LayoutRow {
  transportId: string;
  document: SeatLayout;
  version: number;
  updatedAt: Date;
}

export function findLayout(db: Db, agencyId: string, transportId: string) {
  return db
    .selectFrom('transportLayouts')
    .select(['transportId', 'document', 'version', 'updatedAt'])
    .where('agencyId', '=', agencyId)
    .where('transportId', '=', transportId)
    .executeTakeFirst() as Promise<LayoutRow | undefined>;
}

/** Writes the layout, one version up from the last; returns the row as stored. */
export async function saveLayout(
  db: Db,
  agencyId: string,
  transportId: string,
  document: SeatLayout,
  now: Date,
): Promise<LayoutRow> {
  const existing = await db
    .selectFrom('transportLayouts')
    .select('version')
    .where('agencyId', '=', agencyId)
    .where('transportId', '=', transportId)
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    return db
      .updateTable('transportLayouts')
      .set({ document: json(document), version: existing.version + 1, updatedAt: now })
      .where('agencyId', '=', agencyId)
      .where('transportId', '=', transportId)
      .returning(['transportId', 'document', 'version', 'updatedAt'])
      .executeTakeFirstOrThrow() as Promise<LayoutRow>;
  }
  return db
    .insertInto('transportLayouts')
    .values({ agencyId, transportId, document: json(document), version: 1, updatedAt: now })
    .returning(['transportId', 'document', 'version', 'updatedAt'])
    .executeTakeFirstOrThrow() as Promise<LayoutRow>;
}

/** A departure's seats by deck, row and column. */
export function readSeats(db: Db, agencyId: string, departureId: string): Promise<SeatRow[]> {
  return db
    .selectFrom('departureSeats')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('departureId', '=', departureId)
    .orderBy('deck')
    .orderBy('seatRow')
    .orderBy('seatColumn')
    .execute();
}

/**
 * Locks a departure's seats (of one class, when given) until the transaction ends, in seat id
 * order, and returns them.
 */
export function lockSeats(
  db: Db,
  agencyId: string,
  departureId: string,
  classCode?: string,
): Promise<SeatRow[]> {
  return db
    .selectFrom('departureSeats')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('departureId', '=', departureId)
    .$if(classCode !== undefined, (qb) => qb.where('classCode', '=', classCode as string))
    .orderBy('seatId')
    .forUpdate()
    .execute();
}

/** Whether the departure has a seat map at all. */
export async function hasSeats(db: Db, agencyId: string, departureId: string): Promise<boolean> {
  const row = await db
    .selectFrom('departureSeats')
    .select('seatId')
    .where('agencyId', '=', agencyId)
    .where('departureId', '=', departureId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const placeOf = (seat: PlacedSeat) => ({
  label: seat.label,
  classCode: seat.classCode,
  deck: seat.deck,
  seatRow: seat.row,
  seatColumn: seat.column,
  properties: json(seat.properties),
  blocked: seat.blocked,
});

export async function insertSeats(
  db: Db,
  agencyId: string,
  departureId: string,
  seats: PlacedSeat[],
): Promise<void> {
  for (let start = 0; start < seats.length; start += 200) {
    await db
      .insertInto('departureSeats')
      .values(
        seats
          .slice(start, start + 200)
          .map((seat) => ({ agencyId, departureId, seatId: seat.seatId, ...placeOf(seat) })),
      )
      .execute();
  }
}

export async function updateSeatPlace(
  db: Db,
  agencyId: string,
  departureId: string,
  seat: PlacedSeat,
): Promise<void> {
  await db
    .updateTable('departureSeats')
    .set(placeOf(seat))
    .where('agencyId', '=', agencyId)
    .where('departureId', '=', departureId)
    .where('seatId', '=', seat.seatId)
    .execute();
}

export async function deleteSeats(
  db: Db,
  agencyId: string,
  departureId: string,
  seatIds: string[],
): Promise<void> {
  if (seatIds.length === 0) return;
  await db
    .deleteFrom('departureSeats')
    .where('agencyId', '=', agencyId)
    .where('departureId', '=', departureId)
    .where('seatId', 'in', seatIds)
    .where('bookingId', 'is', null)
    .execute();
}

/** Gives seats to travellers of a booking (the seats must be free: the caller locked them). */
export async function assignSeats(
  db: Db,
  agencyId: string,
  departureId: string,
  bookingId: string,
  seats: ReadonlyMap<number, string>,
  now: Date,
): Promise<void> {
  for (const [traveller, seatId] of seats) {
    await db
      .updateTable('departureSeats')
      .set({ bookingId, traveller, assignedAt: now })
      .where('agencyId', '=', agencyId)
      .where('departureId', '=', departureId)
      .where('seatId', '=', seatId)
      .execute();
  }
}

/** Frees the seats of a booking: on some departures, or on all of them. */
export async function clearSeats(
  db: Db,
  agencyId: string,
  bookingId: string,
  filter: { departureId?: string; seatIds?: string[] } = {},
): Promise<void> {
  if (filter.seatIds?.length === 0) return;
  await db
    .updateTable('departureSeats')
    .set({ bookingId: null, traveller: null, assignedAt: null })
    .where('agencyId', '=', agencyId)
    .where('bookingId', '=', bookingId)
    .$if(filter.departureId !== undefined, (qb) =>
      qb.where('departureId', '=', filter.departureId as string),
    )
    .$if(filter.seatIds !== undefined, (qb) => qb.where('seatId', 'in', filter.seatIds as string[]))
    .execute();
}

/** The seats a booking holds, on every departure. */
export function seatsOfBooking(db: Db, agencyId: string, bookingId: string): Promise<SeatRow[]> {
  return db
    .selectFrom('departureSeats')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('departureId')
    .orderBy('traveller')
    .execute();
}

/** Who sits on a departure: booking number and traveller names, for staff. */
export function occupantsOf(db: Db, agencyId: string, departureId: string) {
  return db
    .selectFrom('departureSeats as s')
    .innerJoin('bookings as b', (j) =>
      j.onRef('b.agencyId', '=', 's.agencyId').onRef('b.id', '=', 's.bookingId'),
    )
    .leftJoin('bookingTravellers as t', (j) =>
      j
        .onRef('t.agencyId', '=', 's.agencyId')
        .onRef('t.bookingId', '=', 's.bookingId')
        .onRef('t.position', '=', 's.traveller'),
    )
    .select([
      's.seatId',
      'b.id as bookingId',
      'b.number',
      's.traveller',
      't.firstName',
      't.lastName',
      't.isChild',
    ])
    .where('s.agencyId', '=', agencyId)
    .where('s.departureId', '=', departureId)
    .execute();
}

export async function setHeld(
  db: Db,
  agencyId: string,
  departureId: string,
  seatId: string,
  held: string | null,
): Promise<void> {
  await db
    .updateTable('departureSeats')
    .set({ held })
    .where('agencyId', '=', agencyId)
    .where('departureId', '=', departureId)
    .where('seatId', '=', seatId)
    .execute();
}
