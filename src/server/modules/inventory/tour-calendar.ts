// The availability calendar of a tour for a party: which fixed departures, or which arrival
// days of a by-days tour, can be sold — the tour's own rules (seasons, min/max stay, arrival
// weekdays), the room types that hold the party, their nights in the inventory (with pools,
// stop-sale, release, closed-to-arrival and minimum stay) and, for departures with
// transport, the seats. `buildTourCalendar` is pure; `tourCalendar` reads what it needs.
import { addDays, type CalendarDate, datesFromTo, daysBetween, todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { Invalid } from '../../errors.ts';
import { getAccommodation } from '../catalog/accommodations-service.ts';
import { findTransportDeparture } from '../catalog/lookup.ts';
import { checkStay, type Party, roomFitsParty, type SeasonRule } from '../catalog/tour-rules.ts';
import { getTour } from '../catalog/tours-service.ts';
import { type AvailabilityDay, availability } from './service.ts';

export interface CalendarRoomType {
  roomTypeId: string;
  code: string;
  name: LocalizedText;
  /** Rooms of this type free on every night of the stay. */
  available: number;
  onRequest: boolean;
}

export interface CalendarEntry {
  date: CalendarDate;
  nights: number;
  departureId: string | null;
  sellable: boolean;
  /** Why not, when not sellable. */
  reason: string | null;
  roomTypes: CalendarRoomType[];
  /** Free seats on the outbound transport (all classes), null without transport. */
  seats: number | null;
}

interface RoomInput {
  id: string;
  code: string;
  name: LocalizedText;
  nights: ReadonlyMap<CalendarDate, AvailabilityDay>;
}

/** Free rooms of one type over a stay, with the arrival-night restrictions applied. */
function roomsForStay(room: RoomInput, checkIn: CalendarDate, nights: number): CalendarRoomType {
  const dates = datesFromTo(checkIn, addDays(checkIn, nights - 1));
  const days = dates.map((date) => room.nights.get(date));
  const arrival = days[0];
  const blocked =
    days.some((d) => d === undefined || d.kind === null) ||
    arrival?.closedToArrival === true ||
    (arrival?.minStay ?? 1) > nights;
  return {
    roomTypeId: room.id,
    code: room.code,
    name: room.name,
    available: blocked ? 0 : Math.min(...days.map((d) => d?.available ?? 0)),
    onRequest: days.some((d) => d?.kind === 'on_request'),
  };
}

export function buildTourCalendar(input: {
  mode: 'fixed_departures' | 'by_days';
  departures: {
    id: string;
    startDate: CalendarDate;
    nights: number;
    status: string;
    seats: number | null;
  }[];
  seasons: SeasonRule[];
  rooms: RoomInput[];
  from: CalendarDate;
  to: CalendarDate;
  partySize: number;
  today: CalendarDate;
}): CalendarEntry[] {
  const entry = (
    date: CalendarDate,
    nights: number,
    departureId: string | null,
    seats: number | null,
    tourReason: string | null,
  ) => {
    const roomTypes = input.rooms.map((room) => roomsForStay(room, date, nights));
    const reason =
      tourReason ??
      (date < input.today ? 'in the past' : null) ??
      (input.rooms.length === 0 ? 'no room type holds the party' : null) ??
      (roomTypes.every((r) => r.available < 1) ? 'no room left' : null) ??
      (seats !== null && seats < input.partySize ? 'not enough seats' : null);
    return { date, nights, departureId, sellable: reason === null, reason, roomTypes, seats };
  };

  if (input.mode === 'fixed_departures') {
    return input.departures
      .filter((d) => d.startDate >= input.from && d.startDate <= input.to)
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
      .map((d) =>
        entry(
          d.startDate,
          d.nights,
          d.id,
          d.seats,
          d.status === 'open' ? null : `departure ${d.status}`,
        ),
      );
  }
  return datesFromTo(input.from, input.to).map((date) => {
    const season = input.seasons.find((s) => s.startDate <= date && date <= s.endDate);
    const nights = season?.minStay ?? 1;
    const check = checkStay(input.seasons, date, addDays(date, nights));
    return entry(
      date,
      nights,
      null,
      null,
      check.ok ? null : (check.errors[0]?.message ?? 'not sold'),
    );
  });
}

export async function tourCalendar(
  ctx: Ctx,
  tourId: string,
  query: { from: CalendarDate; to: CalendarDate; adults: number; childAges: number[] },
  now: Date = new Date(),
): Promise<CalendarEntry[]> {
  if (query.to < query.from) throw Invalid.field('/to', `must be on or after from (${query.from})`);
  if (daysBetween(query.from, query.to) > 366)
    throw Invalid.field('/to', 'must be at most 366 days after from');
  const tour = await getTour(ctx, tourId);
  const accommodation = await getAccommodation(ctx, tour.accommodationId);
  const party: Party = { adults: query.adults, childAges: query.childAges };
  const fitting = accommodation.roomTypes.filter((r) => !r.archived && roomFitsParty(r, party));
  const longest = Math.max(
    1,
    ...tour.departures.map((d) => d.nights),
    ...tour.seasons.map((s) => s.maxStay ?? s.minStay),
  );
  const last = addDays(query.to, longest);
  const rooms: RoomInput[] = await Promise.all(
    fitting.map(async (room) => ({
      id: room.id,
      code: room.code,
      name: room.name,
      nights: new Map(
        (
          await availability(ctx, { kind: 'room_type', ownerId: room.id }, query.from, last, now)
        ).map((d) => [d.date, d]),
      ),
    })),
  );
  const departures = await Promise.all(
    tour.departures
      .filter((d) => d.startDate >= query.from && d.startDate <= query.to)
      .map(async (d) => ({
        id: d.id,
        startDate: d.startDate,
        nights: d.nights,
        status: d.status,
        seats: d.transportDepartureId ? await seatsLeft(ctx, d.transportDepartureId, now) : null,
      })),
  );
  return buildTourCalendar({
    mode: tour.mode,
    departures,
    seasons: tour.seasons,
    rooms,
    from: query.from,
    to: query.to,
    partySize: query.adults + query.childAges.length,
    today: todayUtc(now),
  });
}

/** Free seats of a transport departure over all its classes, on its own date. */
async function seatsLeft(ctx: Ctx, departureId: string, now: Date): Promise<number> {
  const departure = await findTransportDeparture(ctx, departureId);
  if (departure?.status !== 'open') return 0;
  let total = 0;
  for (const seatClass of departure.classes) {
    const [day] = await availability(
      ctx,
      { kind: 'transport_seats', ownerId: departureId, classCode: seatClass.code },
      departure.date,
      departure.date,
      now,
    );
    total += day?.available ?? 0;
  }
  return total;
}
