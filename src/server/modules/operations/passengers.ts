// Who travels on a transport departure and who stays on a tour departure, read once for every
// operational list (T3) so the driver's, the guide's and the hotel's lists agree: the current
// (not superseded) lines of bookings that are not cancelled, their travellers, the seat each
// sits on, the stop each boards at and the money still owed. Every query names its agency.
import { addDays, type CalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { TransportKind, TransportStop } from '../../db/schema.ts';
import { NotFound } from '../../errors.ts';
import { paidOf } from '../payments/plan.ts';
import { beddingOf, type RoomAsk, type RoomingRoom, roomOccupants } from './rooming.ts';
import { ridesBetween } from './run-sheet.ts';

export interface Traveller {
  bookingId: string;
  bookingNumber: string;
  position: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  isChild: boolean;
  nationality: string | null;
  documentType: string | null;
  documentNumber: string | null;
  documentExpiry: string | null;
  /** The traveller's phone, else the booking customer's. */
  phone: string | null;
  diet: string | null;
  medicalNotes: string | null;
  emergencyContact: string | null;
}

interface BookingFacts {
  id: string;
  number: string;
  quoteId: string;
  customerId: string;
  total: number;
  currency: string;
  startDate: string;
  endDate: string;
  rooms: unknown;
}

async function bookingsByIds(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('bookings')
    .select([
      'id',
      'number',
      'quoteId',
      'customerId',
      'total',
      'currency',
      'startDate',
      'endDate',
      'rooms',
    ])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', 'in', ids)
    .where('status', '!=', 'cancelled')
    .orderBy('number')
    .execute();
  return rows.map(
    (r): BookingFacts => ({ ...r, total: Number(r.total), currency: r.currency.trim() }),
  );
}

/** The travellers of the bookings, in booking and position order, phone filled from the customer. */
async function travellersOf(ctx: Ctx, bookings: readonly BookingFacts[]): Promise<Traveller[]> {
  if (bookings.length === 0) return [];
  const ids = bookings.map((b) => b.id);
  const [rows, customers] = await Promise.all([
    ctx.db
      .selectFrom('bookingTravellers')
      .selectAll()
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', 'in', ids)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('customers')
      .select(['id', 'phone'])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', 'in', [...new Set(bookings.map((b) => b.customerId))])
      .execute(),
  ]);
  const phoneOf = new Map(customers.map((c) => [c.id, c.phone]));
  return bookings.flatMap((b) =>
    rows
      .filter((t) => t.bookingId === b.id)
      .map((t) => ({
        bookingId: b.id,
        bookingNumber: b.number,
        position: t.position,
        firstName: t.firstName,
        lastName: t.lastName,
        birthDate: t.birthDate,
        isChild: t.isChild,
        nationality: t.nationality?.trim() ?? null,
        documentType: t.documentType,
        documentNumber: t.documentNumber,
        documentExpiry: t.documentExpiry,
        phone: t.phone ?? phoneOf.get(b.customerId) ?? null,
        diet: t.diet,
        medicalNotes: t.medicalNotes,
        emergencyContact: t.emergencyContact,
      })),
  );
}

/** What each booking still owes (its total less net payments), by booking id. */
async function balancesOf(ctx: Ctx, bookings: readonly BookingFacts[]) {
  if (bookings.length === 0) return new Map<string, number>();
  const payments = await ctx.db
    .selectFrom('payments')
    .select(['bookingId', 'kind', 'amount', 'status'])
    .where('agencyId', '=', ctx.agencyId)
    .where(
      'bookingId',
      'in',
      bookings.map((b) => b.id),
    )
    .execute();
  return new Map(
    bookings.map((b) => [
      b.id,
      b.total -
        paidOf(
          payments
            .filter((p) => p.bookingId === b.id)
            .map((p) => ({ ...p, amount: Number(p.amount) })),
        ),
    ]),
  );
}

/** Seat labels on a departure by `<booking id>:<traveller>`. */
async function seatsOn(ctx: Ctx, departureId: string | null): Promise<Map<string, string>> {
  if (!departureId) return new Map();
  const rows = await ctx.db
    .selectFrom('departureSeats')
    .select(['bookingId', 'traveller', 'label'])
    .where('agencyId', '=', ctx.agencyId)
    .where('departureId', '=', departureId)
    .where('bookingId', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [`${r.bookingId}:${r.traveller}`, r.label]));
}

// --- a transport departure -------------------------------------------------------------------

export interface TransportDepartureInfo {
  id: string;
  date: CalendarDate;
  status: string;
  transport: {
    id: string;
    kind: TransportKind;
    code: string;
    name: string;
    carrier: string | null;
    stops: TransportStop[];
  };
}

export async function transportDepartureInfo(
  ctx: Ctx,
  departureId: string,
): Promise<TransportDepartureInfo> {
  const row = await ctx.db
    .selectFrom('transportDepartures as d')
    .innerJoin('transports as t', (j) =>
      j.onRef('t.agencyId', '=', 'd.agencyId').onRef('t.id', '=', 'd.transportId'),
    )
    .select(['d.id', 'd.date', 'd.status', 't.id as transportId', 't.kind', 't.code', 't.name'])
    .select(['t.carrier', 't.stops'])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('d.id', '=', departureId)
    .executeTakeFirst();
  if (!row) throw new NotFound('transport departure', departureId);
  return {
    id: row.id,
    date: row.date,
    status: row.status,
    transport: {
      id: row.transportId,
      kind: row.kind,
      code: row.code,
      name: row.name,
      carrier: row.carrier,
      stops: row.stops,
    },
  };
}

export interface Passenger extends Traveller {
  direction: 'outbound' | 'return';
  seat: string | null;
  /** Indexes into the route's stops. */
  board: number;
  alight: number;
  /** What the booking still owes, on its first passenger of the departure only (else null). */
  balance: number | null;
  currency: string;
}

/**
 * The passengers of a departure, by the stop they board at, then booking and traveller. A
 * booking travels on it when one of its current transport lines is this transport on this
 * date; its first transport leg goes out, a later one comes back (as bookings/boarding.ts).
 */
export async function passengersOf(
  ctx: Ctx,
  departure: TransportDepartureInfo,
): Promise<Passenger[]> {
  const onIt = await ctx.db
    .selectFrom('bookingLines')
    .select('bookingId')
    .distinct()
    .where('agencyId', '=', ctx.agencyId)
    .where('kind', '=', 'transport')
    .where('supersededAt', 'is', null)
    .where('productId', '=', departure.transport.id)
    .where('fromDate', '=', departure.date)
    .execute();
  const bookings = await bookingsByIds(
    ctx,
    onIt.map((r) => r.bookingId),
  );
  if (bookings.length === 0) return [];
  const ids = bookings.map((b) => b.id);
  const [legs, lines, quotes, travellers, balances, seats] = await Promise.all([
    ctx.db
      .selectFrom('bookingLines')
      .select(['bookingId', 'productId', 'fromDate'])
      .where('agencyId', '=', ctx.agencyId)
      .where('kind', '=', 'transport')
      .where('supersededAt', 'is', null)
      .where('bookingId', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('bookingLines')
      .select(['bookingId', 'travellers'])
      .where('agencyId', '=', ctx.agencyId)
      .where('kind', '=', 'transport')
      .where('supersededAt', 'is', null)
      .where('productId', '=', departure.transport.id)
      .where('fromDate', '=', departure.date)
      .where('bookingId', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('quotes')
      .select(['id', 'request'])
      .where('agencyId', '=', ctx.agencyId)
      .where(
        'id',
        'in',
        bookings.map((b) => b.quoteId),
      )
      .execute(),
    travellersOf(ctx, bookings),
    balancesOf(ctx, bookings),
    seatsOn(ctx, departure.id),
  ]);
  const requestOf = new Map(
    quotes.map((q) => [q.id, (q.request ?? {}) as { boardingPoint?: string | null }]),
  );
  const passengers: Passenger[] = [];
  for (const booking of bookings) {
    const dates = [
      ...new Set(
        legs.filter((l) => l.bookingId === booking.id).map((l) => `${l.fromDate}:${l.productId}`),
      ),
    ].sort();
    const direction =
      dates[0] === `${departure.date}:${departure.transport.id}` ? 'outbound' : 'return';
    const { board, alight } = ridesBetween(
      departure.transport.stops,
      direction,
      requestOf.get(booking.quoteId)?.boardingPoint,
    );
    // The lines name who rides (a line per fare band); without names, the whole party.
    const riding = new Set(
      lines.filter((l) => l.bookingId === booking.id).flatMap((l) => l.travellers),
    );
    const party = travellers.filter(
      (t) => t.bookingId === booking.id && (riding.size === 0 || riding.has(t.position)),
    );
    for (const [i, t] of party.entries()) {
      passengers.push({
        ...t,
        direction,
        seat: seats.get(`${booking.id}:${t.position}`) ?? null,
        board,
        alight,
        balance: i === 0 ? (balances.get(booking.id) ?? 0) : null,
        currency: booking.currency,
      });
    }
  }
  return passengers.sort(
    (a, b) =>
      a.board - b.board ||
      a.bookingNumber.localeCompare(b.bookingNumber) ||
      a.position - b.position,
  );
}

// --- a tour departure ------------------------------------------------------------------------

export interface TourDepartureInfo {
  id: string;
  tourId: string;
  tourCode: string;
  tourName: Record<string, string>;
  startDate: CalendarDate;
  endDate: CalendarDate;
  nights: number;
  boardType: string | null;
  transportDepartureId: string | null;
  returnTransportDepartureId: string | null;
  hotel: {
    id: string;
    name: string;
    city: string;
    country: string;
    supplierId: string | null;
    supplierName: string | null;
    email: string | null;
  };
  /** Whether the trip crosses a border or flies: nationality and documents are listed. */
  needsDocuments: boolean;
}

export async function tourDepartureInfo(ctx: Ctx, departureId: string): Promise<TourDepartureInfo> {
  const row = await ctx.db
    .selectFrom('tourDepartures as d')
    .innerJoin('tours as t', (j) =>
      j.onRef('t.agencyId', '=', 'd.agencyId').onRef('t.id', '=', 'd.tourId'),
    )
    .innerJoin('accommodations as a', (j) =>
      j.onRef('a.agencyId', '=', 't.agencyId').onRef('a.id', '=', 't.accommodationId'),
    )
    .leftJoin('suppliers as s', (j) =>
      j.onRef('s.agencyId', '=', 'a.agencyId').onRef('s.id', '=', 'a.supplierId'),
    )
    .select(['d.id', 'd.tourId', 'd.startDate', 'd.nights', 'd.transportDepartureId'])
    .select(['d.returnTransportDepartureId', 't.code as tourCode', 't.name as tourName'])
    .select(['t.boardType', 't.transportId', 'a.id as hotelId', 'a.name as hotelName', 'a.city'])
    .select(['a.country', 'a.supplierId', 's.name as supplierName', 's.email', 's.contacts'])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('d.id', '=', departureId)
    .executeTakeFirst();
  if (!row) throw new NotFound('tour departure', departureId);
  const transport = row.transportId
    ? await ctx.db
        .selectFrom('transports')
        .select(['kind', 'stops'])
        .where('agencyId', '=', ctx.agencyId)
        .where('id', '=', row.transportId)
        .executeTakeFirst()
    : undefined;
  const countries = new Set(
    [row.country, ...(transport?.stops ?? []).map((s) => s.country)]
      .filter((c): c is string => Boolean(c))
      .map((c) => c.trim().toUpperCase()),
  );
  // A hotel with no e-mail of its own may have a reservations contact who has one.
  const email = row.email ?? row.contacts?.find((c) => c.email)?.email ?? null;
  return {
    id: row.id,
    tourId: row.tourId,
    tourCode: row.tourCode,
    tourName: row.tourName as Record<string, string>,
    startDate: row.startDate,
    endDate: addDays(row.startDate, row.nights),
    nights: row.nights,
    boardType: row.boardType,
    transportDepartureId: row.transportDepartureId,
    returnTransportDepartureId: row.returnTransportDepartureId,
    hotel: {
      id: row.hotelId,
      name: row.hotelName,
      city: row.city,
      country: row.country.trim(),
      supplierId: row.supplierId,
      supplierName: row.supplierName,
      email,
    },
    needsDocuments: transport?.kind === 'flight' || countries.size > 1,
  };
}

export interface Guest extends Traveller {
  seatOut: string | null;
  seatBack: string | null;
  /** "R3": the room's number on this departure's rooming list; null when in no room. */
  room: string | null;
  roomType: string | null;
  arrival: string;
  departure: string;
}

export interface TourDepartureLists {
  rooms: Array<RoomingRoom & { ref: string }>;
  guests: Guest[];
  /** Travellers the bookings' rooms do not hold. */
  unassigned: Guest[];
}

/** The rooms and guests of a tour departure: the bookings of the tour for its exact dates. */
export async function tourDepartureLists(
  ctx: Ctx,
  info: TourDepartureInfo,
): Promise<TourDepartureLists> {
  const found = await ctx.db
    .selectFrom('bookings')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('productId', '=', info.tourId)
    .where('startDate', '=', info.startDate)
    .where('endDate', '=', info.endDate)
    .execute();
  const bookings = await bookingsByIds(
    ctx,
    found.map((b) => b.id),
  );
  const [travellers, seatsOut, seatsBack, roomTypes] = await Promise.all([
    travellersOf(ctx, bookings),
    seatsOn(ctx, info.transportDepartureId),
    seatsOn(ctx, info.returnTransportDepartureId),
    ctx.db
      .selectFrom('roomTypes')
      .select(['id', 'code', 'name'])
      .where('agencyId', '=', ctx.agencyId)
      .where('accommodationId', '=', info.hotel.id)
      .execute(),
  ]);
  const typeOf = new Map(roomTypes.map((t) => [t.id, t]));
  const rooms: TourDepartureLists['rooms'] = [];
  const guests: Guest[] = [];
  const unassigned: Guest[] = [];
  for (const booking of bookings) {
    const party = travellers.filter((t) => t.bookingId === booking.id);
    const asked = (Array.isArray(booking.rooms) ? booking.rooms : []) as RoomAsk[];
    const placed = roomOccupants(asked, party, booking.startDate);
    const roomOf = new Map<number, { ref: string; type: string }>();
    placed.rooms.forEach((positions, i) => {
      const ask = asked[i] as RoomAsk;
      const type = typeOf.get(ask.roomTypeId);
      const ref = `R${rooms.length + 1}`;
      const inRoom = positions
        .map((p) => party.find((t) => t.position === p))
        .filter((t): t is Traveller => t !== undefined);
      for (const p of positions) roomOf.set(p, { ref, type: type?.code ?? '?' });
      const diets = inRoom.filter((t) => t.diet).map((t) => `${t.firstName}: ${t.diet}`);
      rooms.push({
        ref,
        key: `${booking.id}:${i}`,
        bookingNumber: booking.number,
        roomTypeCode: type?.code ?? '?',
        roomTypeName: type ? nameIn(type.name as Record<string, string>) : '?',
        bedding: beddingOf(inRoom.map((t) => ({ lastName: t.lastName, child: t.isChild }))),
        board: info.boardType,
        arrival: booking.startDate,
        departure: booking.endDate,
        guests: inRoom.map((t) => `${t.lastName}, ${t.firstName}`),
        requests: diets.length > 0 ? diets.join('; ') : null,
      });
    });
    for (const t of party) {
      const room = roomOf.get(t.position);
      const guest: Guest = {
        ...t,
        seatOut: seatsOut.get(`${t.bookingId}:${t.position}`) ?? null,
        seatBack: seatsBack.get(`${t.bookingId}:${t.position}`) ?? null,
        room: room?.ref ?? null,
        roomType: room?.type ?? null,
        arrival: booking.startDate,
        departure: booking.endDate,
      };
      guests.push(guest);
      if (!room) unassigned.push(guest);
    }
  }
  return { rooms, guests, unassigned };
}

/** A room type's name for a hotel abroad: English first, as the hotel reads it. */
function nameIn(name: Record<string, string>): string {
  return name.en ?? Object.values(name)[0] ?? '';
}
