// What a quote request means in catalog terms: the product and what the engine must know
// of it, the dates (a by-days stay checked against the seasons, or a departure), the
// transport legs of a tour, the extras asked for, and what the inventory must hold.
import { addDays, type CalendarDate, isCalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import { firstText } from '../catalog/labels.ts';
import { checkStay, departureFor } from '../catalog/tour-rules.ts';
import type { Component } from '../inventory/types.ts';
import type {
  ExtraRequest,
  Party,
  PricedProduct,
  RoomRequest,
  TransportLeg,
} from './engine-types.ts';

export interface QuoteAsk {
  productId: string;
  from?: CalendarDate;
  to?: CalendarDate;
  departureId?: string;
  /** By-days stays sold with transport: the outbound departure (on `from`) and the return
   *  (on `to`), of any of the agency's transports. */
  outboundDepartureId?: string | null;
  returnDepartureId?: string | null;
  party: Party;
  rooms?: RoomRequest[];
  extras?: Array<{ serviceId: string; quantity?: number | null; date?: CalendarDate | null }>;
  /** Tours with transport, and transport sold alone: class and boarding stop. */
  classCode?: string | null;
  boardingPoint?: string | null;
  timeSlot?: string | null;
}

export interface ResolvedAsk {
  product: PricedProduct;
  start: CalendarDate;
  end: CalendarDate;
  transport: TransportLeg[];
  extras: ExtraRequest[];
  /** The transport departures to hold seats on: the tour's legs, or the one sold alone. */
  seatDepartures: Array<{ departureId: string; classCode: string }>;
  /** A tour's fixed departure: priced as one product by its start date's period. */
  fixedDeparture: boolean;
  /** Transport sold alone: the class and boarding stop, checked against the transport. */
  fare: { classCode: string | null; boardingPoint: string | null };
  /** Limited extra services: capacity to hold on a date. */
  limitedExtras: Array<{
    serviceId: string;
    date: CalendarDate;
    perHead: boolean;
    quantity: number | null;
  }>;
  timeSlot: string | null;
  /** Ids whose price lists and rules the quote needs. */
  productIds: string[];
  /** Inventory owners whose load factor drives demand pricing. */
  loadOwners: string[];
}

async function tourProduct(ctx: Ctx, id: string) {
  const tour = await ctx.db
    .selectFrom('tours')
    .select(['id', 'name', 'mode', 'accommodationId', 'transportId', 'archivedAt'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!tour) return undefined;
  const roomTypes = await ctx.db
    .selectFrom('roomTypes')
    .select(['id', 'code', 'name', 'maxAdults', 'maxChildren', 'standardBeds', 'extraBeds'])
    .where('agencyId', '=', ctx.agencyId)
    .where('accommodationId', '=', tour.accommodationId)
    .where('archivedAt', 'is', null)
    .orderBy('code')
    .execute();
  return { tour, roomTypes: roomTypes.map((r) => ({ ...r, name: firstText(r.name) })) };
}

function requireDate(value: string | undefined, path: string): CalendarDate {
  if (!value || !isCalendarDate(value)) throw Invalid.field(path, 'is required as YYYY-MM-DD');
  return value;
}

/** A transport departure with what pricing needs of its transport; undefined when not ours. */
function transportDeparture(ctx: Ctx, departureId: string) {
  return ctx.db
    .selectFrom('transportDepartures as d')
    .innerJoin('transports as t', (j) =>
      j.onRef('t.id', '=', 'd.transportId').onRef('t.agencyId', '=', 'd.agencyId'),
    )
    .select([
      'd.id',
      'd.transportId',
      'd.date',
      'd.status',
      't.name',
      't.code',
      't.classes',
      't.stops',
    ])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('d.id', '=', departureId)
    .executeTakeFirst();
}

type DepartureRow = NonNullable<Awaited<ReturnType<typeof transportDeparture>>>;

/** A leg on a departure: its class (the first when none is asked) and boarding stop checked. */
function transportLeg(
  row: DepartureRow,
  direction: 'outbound' | 'return',
  classCode: string | null | undefined,
  boardingPoint: string | null | undefined,
): TransportLeg & { departureId: string } {
  const cls = classCode ?? row.classes[0]?.code;
  if (!cls || !row.classes.some((c) => c.code === cls)) {
    throw Invalid.field(
      '/classCode',
      `${row.code} has no class ${classCode}; it has ${row.classes.map((c) => c.code).join(', ')}`,
    );
  }
  let stop: string | null = null;
  if (boardingPoint) {
    const found = row.stops.find((s) => s.code === boardingPoint || s.name === boardingPoint);
    // Coming back, a traveller leaves at their stop when the return calls there; else the
    // return's fare for any stop applies.
    if (!found && direction === 'outbound') {
      throw Invalid.field(
        '/boardingPoint',
        `${row.code} does not stop at ${boardingPoint}; it stops at ${row.stops.map((s) => s.code ?? s.name).join(', ')}`,
      );
    }
    stop = found ? (found.code ?? found.name) : null;
  }
  return {
    transportId: row.transportId,
    departureId: row.id,
    name: `${row.code} ${row.name}`,
    date: row.date,
    classCode: cls,
    boardingPoint: stop,
    direction,
  };
}

/** The leg of a tour departure's transport departure (always of this agency: a foreign key). */
async function tourLeg(
  ctx: Ctx,
  departureId: string,
  direction: 'outbound' | 'return',
  ask: QuoteAsk,
): Promise<TransportLeg & { departureId: string }> {
  const row = await transportDeparture(ctx, departureId);
  if (!row) throw new Error(`transport departure ${departureId} of a tour is missing`);
  return transportLeg(row, direction, ask.classCode, ask.boardingPoint);
}

/** The transport a by-days stay is sold with: departures on the first and the last day. */
async function chosenLegs(ctx: Ctx, ask: QuoteAsk, from: CalendarDate, to: CalendarDate) {
  const legs: Array<TransportLeg & { departureId: string }> = [];
  const asked = [
    ['outbound', ask.outboundDepartureId, from, '/outboundDepartureId'],
    ['return', ask.returnDepartureId, to, '/returnDepartureId'],
  ] as const;
  for (const [direction, id, date, path] of asked) {
    if (!id) continue;
    const row = await transportDeparture(ctx, id);
    if (!row) throw Invalid.field(path, 'is not a transport departure of this agency');
    if (row.status !== 'open') throw Invalid.field(path, `the departure is ${row.status}`);
    if (row.date !== date) throw Invalid.field(path, `leaves on ${row.date}, not on ${date}`);
    legs.push(transportLeg(row, direction, ask.classCode, ask.boardingPoint));
  }
  return legs;
}

async function resolveTour(
  ctx: Ctx,
  ask: QuoteAsk,
  found: NonNullable<Awaited<ReturnType<typeof tourProduct>>>,
) {
  const { tour, roomTypes } = found;
  const product: PricedProduct = {
    kind: 'tour',
    id: tour.id,
    name: firstText(tour.name),
    roomTypes,
  };
  const legs: Array<TransportLeg & { departureId: string }> = [];
  if (tour.mode === 'by_days') {
    const from = requireDate(ask.from, '/from');
    const to = requireDate(ask.to, '/to');
    const seasons = await ctx.db
      .selectFrom('tourSeasons')
      .selectAll()
      .where('agencyId', '=', ctx.agencyId)
      .where('tourId', '=', tour.id)
      .execute();
    const check = checkStay(seasons, from, to);
    if (!check.ok) {
      throw new Invalid(
        check.errors.map((e) => e.message).join('; '),
        check.errors.map((e) => ({
          ...e,
          path: e.path === '/checkIn' ? '/from' : '/to',
        })),
      );
    }
    legs.push(...(await chosenLegs(ctx, ask, from, to)));
    return { product, start: from, end: to, legs, fixedDeparture: false };
  }
  const departures = await ctx.db
    .selectFrom('tourDepartures')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('tourId', '=', tour.id)
    .execute();
  const departure = ask.departureId
    ? departures.find((d) => d.id === ask.departureId)
    : ask.from
      ? departureFor(departures, ask.from)
      : undefined;
  if (!departure) {
    throw ask.departureId
      ? Invalid.field('/departureId', 'is not a departure of this tour')
      : Invalid.field(
          ask.from ? '/from' : '/departureId',
          ask.from
            ? `no departure of this tour starts on ${ask.from}`
            : 'name the departure (or its start date in from)',
        );
  }
  if (departure.status !== 'open')
    throw Invalid.field(
      '/departureId',
      `the departure of ${departure.startDate} is ${departure.status}`,
    );
  if (departure.transportDepartureId) {
    legs.push(await tourLeg(ctx, departure.transportDepartureId, 'outbound', ask));
  }
  if (departure.returnTransportDepartureId) {
    legs.push(await tourLeg(ctx, departure.returnTransportDepartureId, 'return', ask));
  }
  return {
    product,
    start: departure.startDate,
    end: addDays(departure.startDate, departure.nights),
    legs,
    fixedDeparture: true,
  };
}

export async function resolveAsk(ctx: Ctx, ask: QuoteAsk): Promise<ResolvedAsk> {
  let product: PricedProduct;
  let start: CalendarDate;
  let end: CalendarDate;
  let legs: Array<TransportLeg & { departureId: string }> = [];
  let fixedDeparture = false;
  const seatDepartures: ResolvedAsk['seatDepartures'] = [];
  const limitedExtras: ResolvedAsk['limitedExtras'] = [];
  let fare: ResolvedAsk['fare'] = { classCode: null, boardingPoint: null };
  let timeSlot: string | null = null;
  const loadOwners: string[] = [];

  const tour = await tourProduct(ctx, ask.productId);
  if (tour) {
    if (tour.tour.archivedAt) throw Invalid.field('/productId', 'is no longer sold (archived)');
    ({ product, start, end, legs, fixedDeparture } = await resolveTour(ctx, ask, tour));
    loadOwners.push(...tour.roomTypes.map((r) => r.id));
  } else {
    const attraction = await ctx.db
      .selectFrom('attractions')
      .select(['id', 'name', 'timeSlots', 'archivedAt', 'advanceBookingDays'])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', ask.productId)
      .executeTakeFirst();
    if (attraction) {
      const types = await ctx.db
        .selectFrom('ticketTypes')
        .select(['id', 'category', 'name', 'minAge', 'maxAge'])
        .where('agencyId', '=', ctx.agencyId)
        .where('attractionId', '=', attraction.id)
        .where('archivedAt', 'is', null)
        .orderBy('id')
        .execute();
      product = {
        kind: 'attraction',
        id: attraction.id,
        name: firstText(attraction.name),
        ticketTypes: types.map((t) => ({ ...t, name: firstText(t.name) })),
      };
      start = requireDate(ask.from, '/from');
      end = start;
      if (attraction.timeSlots.length > 0) {
        if (!ask.timeSlot || !attraction.timeSlots.includes(ask.timeSlot)) {
          throw Invalid.field('/timeSlot', `choose one of ${attraction.timeSlots.join(', ')}`);
        }
        timeSlot = ask.timeSlot;
      }
      loadOwners.push(attraction.id);
    } else {
      const departure = ask.departureId
        ? await transportDeparture(ctx, ask.departureId)
        : undefined;
      const isTransport = await ctx.db
        .selectFrom('transports')
        .select('id')
        .where('agencyId', '=', ctx.agencyId)
        .where('id', '=', ask.productId)
        .executeTakeFirst();
      if (!isTransport)
        throw Invalid.field('/productId', 'is not a tour, attraction or transport of this agency');
      if (!departure || departure.transportId !== ask.productId) {
        throw Invalid.field('/departureId', 'name a departure of this transport');
      }
      if (departure.status !== 'open')
        throw Invalid.field('/departureId', `the departure is ${departure.status}`);
      const leg = transportLeg(departure, 'outbound', ask.classCode, ask.boardingPoint);
      product = {
        kind: 'transport',
        id: departure.transportId,
        name: leg.name,
        classCodes: departure.classes.map((c) => c.code),
      };
      start = departure.date;
      end = departure.date;
      fare = { classCode: leg.classCode, boardingPoint: leg.boardingPoint };
      seatDepartures.push({ departureId: departure.id, classCode: leg.classCode });
      loadOwners.push(departure.id);
    }
  }

  const extras: ExtraRequest[] = [];
  for (const [i, extra] of (ask.extras ?? []).entries()) {
    const service = await ctx.db
      .selectFrom('extraServices')
      .select(['id', 'name', 'kind', 'unit', 'limited', 'archivedAt'])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', extra.serviceId)
      .executeTakeFirst();
    if (!service || service.archivedAt)
      throw Invalid.field(`/extras/${i}/serviceId`, 'is not an extra service on sale');
    if (extra.date && (extra.date < start || extra.date > end)) {
      throw Invalid.field(`/extras/${i}/date`, `must be within the trip (${start} to ${end})`);
    }
    if (service.limited) {
      limitedExtras.push({
        serviceId: service.id,
        date: extra.date ?? start,
        perHead: service.unit.startsWith('per_person'),
        quantity: extra.quantity ?? null,
      });
    }
    extras.push({
      service: {
        id: service.id,
        name: firstText(service.name),
        kind: service.kind,
        unit: service.unit,
      },
      quantity: extra.quantity ?? null,
      date: extra.date ?? null,
    });
  }
  const productIds = [
    ...new Set([product.id, ...legs.map((l) => l.transportId), ...extras.map((e) => e.service.id)]),
  ];
  seatDepartures.push(...legs.map((l) => ({ departureId: l.departureId, classCode: l.classCode })));
  const transport = legs.map(({ departureId: _, ...leg }) => leg);
  return {
    product,
    start,
    end,
    transport,
    extras,
    seatDepartures,
    limitedExtras,
    fare,
    fixedDeparture,
    timeSlot,
    productIds,
    loadOwners,
  };
}

/** What the inventory holds for a priced request. */
export function componentsOf(
  resolved: ResolvedAsk,
  rooms: readonly RoomRequest[],
  party: Party,
): Component[] {
  const heads = party.adults + party.childAges.length;
  const components: Component[] = [];
  const { product } = resolved;
  if (product.kind === 'tour') {
    const perType = new Map<string, number>();
    for (const room of rooms) perType.set(room.roomTypeId, (perType.get(room.roomTypeId) ?? 0) + 1);
    for (const [roomTypeId, quantity] of [...perType].sort()) {
      components.push({
        type: 'room',
        roomTypeId,
        checkIn: resolved.start,
        checkOut: resolved.end,
        quantity,
      });
    }
    components.push({ type: 'tour', tourId: product.id, quantity: heads });
  } else if (product.kind === 'attraction') {
    components.push({
      type: 'tickets',
      attractionId: product.id,
      date: resolved.start,
      ...(resolved.timeSlot ? { timeSlot: resolved.timeSlot } : {}),
      quantity: heads,
    });
  }
  for (const seat of resolved.seatDepartures) {
    components.push({
      type: 'seats',
      departureId: seat.departureId,
      classCode: seat.classCode,
      quantity: heads,
    });
  }
  for (const extra of resolved.limitedExtras) {
    components.push({
      type: 'service',
      serviceId: extra.serviceId,
      date: extra.date,
      // A per-person quantity is per traveller (two ski passes each): quantity × persons.
      quantity: extra.perHead ? heads * (extra.quantity ?? 1) : (extra.quantity ?? 1),
    });
  }
  return components;
}
