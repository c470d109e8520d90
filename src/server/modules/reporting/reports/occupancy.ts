// Occupancy (load factor) as the inventory keeps it, in three views (`kind`):
//  - departures: each tour departure (its travellers against the places of its outbound
//    transport) and each transport departure by seat class (seats sold against seats);
//  - hotels: each room type each night: the allotment, rooms sold, held by quotes, released
//    to the hotel, on request, occupancy, and the figures hotels compare by (ADR, RevPAR from
//    the sales ledger's room revenue in the base currency; average stay and cancellation
//    rate of the bookings staying there, from the ledger's bookings and nights);
//  - pools: each shared pool against its capacity.
// "Held" is what unexpired holds of quotes keep (a hold past its expiry holds nothing, as
// availability reads it); "sold" is what bookings took, on request or not.
import { type RawBuilder, sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { todayUtc } from '../../../calendar.ts';
import type { Ctx } from '../../../context.ts';
import { NotFound } from '../../../errors.ts';
import { CalendarDateSchema } from '../../catalog/common.ts';
import { staffRoles } from '../../identity/roles.ts';
import type {
  ColumnDefinition,
  PreparedReport,
  ReportDefinition,
  ReportRow,
} from '../report-kit.ts';
import {
  averageStay,
  cancellationRate,
  hotelNight,
  label,
  load,
  perUnit,
  type RoomRevenueLine,
  ratio,
  releasedUnits,
  revenueByNight,
  type StayFacts,
  textIn,
} from './occupancy-figures.ts';
import { reportPeriod } from './report-period.ts';

const Query = Type.Object({
  kind: Type.Optional(
    Type.Union([Type.Literal('departures'), Type.Literal('hotels'), Type.Literal('pools')], {
      description: 'departures (default), hotels (room types by night) or pools',
    }),
  ),
  from: Type.Optional(CalendarDateSchema),
  to: Type.Optional(CalendarDateSchema),
  productId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'Departures: a tour or a transport; hotels: an accommodation or a tour; pools: a pool or one of its members',
    }),
  ),
});
type Query = Static<typeof Query>;

const integer = (key: string, l: ReturnType<typeof label>): ColumnDefinition => ({
  key,
  type: 'integer',
  label: l,
});

const capacity = integer(
  'capacity',
  label('Capacity', 'Kapacita', 'Pojemność', 'Kapasite', '容量'),
);
const sold = integer('sold', label('Sold', 'Prodáno', 'Sprzedane', 'Satılan', '已售'));
const held = integer('held', label('Held', 'Blokováno', 'Zablokowane', 'Tutulan', '保留'));
const free = integer('free', label('Free', 'Volno', 'Wolne', 'Boş', '剩余'));
const loadFactor: ColumnDefinition = {
  key: 'loadFactor',
  type: 'percent',
  label: label('Load factor', 'Obsazenost', 'Wypełnienie', 'Doluluk', '上座率'),
};

const departureColumns: ColumnDefinition[] = [
  { key: 'product', type: 'text', label: label('Product', 'Produkt', 'Produkt', 'Ürün', '产品') },
  {
    key: 'departureDate',
    type: 'date',
    label: label('Departure', 'Odjezd', 'Wyjazd', 'Kalkış', '出发日期'),
  },
  {
    key: 'seatClass',
    type: 'text',
    label: label('Class', 'Třída', 'Klasa', 'Sınıf', '舱位'),
  },
  capacity,
  sold,
  held,
  free,
  loadFactor,
  {
    key: 'departureId',
    type: 'text',
    label: label('Departure id', 'ID termínu', 'ID terminu', 'Kalkış no.', '班次编号'),
  },
];

const hotelColumns = (currency: string): ColumnDefinition[] => [
  { key: 'hotel', type: 'text', label: label('Hotel', 'Hotel', 'Hotel', 'Otel', '酒店') },
  {
    key: 'roomType',
    type: 'text',
    label: label('Room type', 'Typ pokoje', 'Typ pokoju', 'Oda tipi', '房型'),
  },
  { key: 'date', type: 'date', label: label('Night', 'Noc', 'Noc', 'Gece', '入住日期') },
  integer('allotment', label('Allotment', 'Alotment', 'Alokacja', 'Kontenjan', '配额')),
  sold,
  held,
  integer('released', label('Released', 'Uvolněno', 'Zwolnione', 'Serbest bırakılan', '已释放')),
  integer('onRequest', label('On request', 'Na dotaz', 'Na zapytanie', 'Talep üzerine', '待确认')),
  {
    key: 'occupancy',
    type: 'percent',
    label: label('Occupancy', 'Obsazenost', 'Obłożenie', 'Doluluk', '入住率'),
  },
  {
    key: 'adr',
    type: 'money',
    currency,
    label: label('ADR', 'Průměrná cena pokoje', 'ADR', 'ADR', '平均房价'),
  },
  {
    key: 'revpar',
    type: 'money',
    currency,
    label: label('RevPAR', 'RevPAR', 'RevPAR', 'RevPAR', '每间可售房收入'),
  },
  {
    key: 'averageStay',
    type: 'number',
    label: label(
      'Average stay (nights)',
      'Průměrná délka pobytu (noci)',
      'Średnia długość pobytu (noce)',
      'Ortalama konaklama (gece)',
      '平均入住晚数',
    ),
  },
  {
    key: 'cancellationRate',
    type: 'percent',
    label: label('Cancellation rate', 'Míra storen', 'Wskaźnik anulacji', 'İptal oranı', '取消率'),
  },
];

const poolColumns: ColumnDefinition[] = [
  {
    key: 'pool',
    type: 'text',
    label: label('Pool', 'Sdílená kapacita', 'Pula', 'Havuz', '共享库存'),
  },
  { key: 'date', type: 'date', label: label('Date', 'Datum', 'Data', 'Tarih', '日期') },
  capacity,
  sold,
  held,
  free,
  loadFactor,
];

/** The agency's base currency. */
async function baseCurrencyOf(ctx: Ctx): Promise<string> {
  const agency = await ctx.db
    .selectFrom('agencies')
    .select('baseCurrency')
    .where('id', '=', ctx.agencyId)
    .executeTakeFirstOrThrow();
  return agency.baseCurrency.trim();
}

/** Units unexpired holds keep on each resource's day, by "resourceId|date". */
async function liveHeldOnDays(ctx: Ctx, resourceIds: string[], from: string, to: string) {
  if (resourceIds.length === 0) return new Map<string, number>();
  const rows = await ctx.db
    .selectFrom('inventoryTakes as t')
    .innerJoin('inventoryTakeItems as i', (join) =>
      join.onRef('i.agencyId', '=', 't.agencyId').onRef('i.takeId', '=', 't.id'),
    )
    .select(['i.resourceId', 'i.date', (eb) => eb.fn.sum<string>('i.quantity').as('quantity')])
    .where('t.agencyId', '=', ctx.agencyId)
    .where('t.status', '=', 'held')
    .where('t.expiresAt', '>', new Date())
    .where('i.resourceId', 'in', resourceIds)
    .where('i.date', '>=', from)
    .where('i.date', '<=', to)
    .groupBy(['i.resourceId', 'i.date'])
    .execute();
  return new Map(rows.map((r) => [`${r.resourceId}|${r.date}`, Number(r.quantity)]));
}

/** The travellers of a party (`{ adults, childAges }` as JSON), in SQL. */
const partySize = (party: RawBuilder<unknown>) =>
  sql<number>`coalesce((${party}->>'adults')::int, 0) + coalesce(jsonb_array_length(${party}->'childAges'), 0)`;

// ---- departures ---------------------------------------------------------------------------

async function departureRows(ctx: Ctx, query: Query, from: string, to: string, language: string) {
  const lang = language as Parameters<typeof textIn>[1];
  const productId = query.productId;
  if (productId) {
    const known = await ctx.db
      .selectFrom('tours')
      .select('id')
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', productId)
      .union(
        ctx.db
          .selectFrom('transports')
          .select('id')
          .where('agencyId', '=', ctx.agencyId)
          .where('id', '=', productId),
      )
      .executeTakeFirst();
    if (!known) throw new NotFound('tour or transport', productId);
  }
  const tourDepartures = await ctx.db
    .selectFrom('tourDepartures as d')
    .innerJoin('tours as t', (join) =>
      join.onRef('t.agencyId', '=', 'd.agencyId').onRef('t.id', '=', 'd.tourId'),
    )
    .select([
      'd.id',
      'd.tourId',
      'd.startDate',
      'd.nights',
      'd.transportDepartureId',
      't.name',
      't.code',
    ])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('d.startDate', '>=', from)
    .where('d.startDate', '<=', to)
    .where('d.status', '<>', 'cancelled')
    .$if(productId !== undefined, (qb) => qb.where('d.tourId', '=', productId as string))
    .execute();
  const transportDepartures = await ctx.db
    .selectFrom('transportDepartures as d')
    .innerJoin('transports as t', (join) =>
      join.onRef('t.agencyId', '=', 'd.agencyId').onRef('t.id', '=', 'd.transportId'),
    )
    .select(['d.id', 'd.date', 't.code', 't.name'])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('d.date', '>=', from)
    .where('d.date', '<=', to)
    .where('d.status', '<>', 'cancelled')
    .$if(productId !== undefined, (qb) => qb.where('d.transportId', '=', productId as string))
    .execute();

  // Seats by class of the transport departures shown and of the tours' outbound legs.
  const seatOwners = [
    ...new Set([
      ...transportDepartures.map((d) => d.id),
      ...tourDepartures.flatMap((d) => (d.transportDepartureId ? [d.transportDepartureId] : [])),
    ]),
  ];
  const seats =
    seatOwners.length === 0
      ? []
      : await ctx.db
          .selectFrom('inventoryResources as r')
          .innerJoin('inventoryDays as day', (join) =>
            join.onRef('day.agencyId', '=', 'r.agencyId').onRef('day.resourceId', '=', 'r.id'),
          )
          .select(['r.id', 'r.ownerId', 'r.classCode', 'day.date', 'day.capacity', 'day.sold'])
          .where('r.agencyId', '=', ctx.agencyId)
          .where('r.kind', '=', 'transport_seats')
          .where('r.ownerId', 'in', seatOwners)
          .execute();
  const seatHeld = await liveHeldOnDays(
    ctx,
    seats.map((s) => s.id),
    '0001-01-01',
    '9999-12-31',
  );

  // Travellers of the tours' live bookings and unexpired quotes, by tour, start and end.
  const tourIds = [...new Set(tourDepartures.map((d) => d.tourId))];
  const tripKey = (tourId: string, start: string, end: string) => `${tourId}|${start}|${end}`;
  const soldTrips = new Map<string, number>();
  const heldTrips = new Map<string, number>();
  // Only the departures' own start dates: a tour sold by days starts any day, and its other
  // bookings are no departure's.
  const starts = [...new Set(tourDepartures.map((d) => d.startDate))];
  if (tourIds.length > 0) {
    const booked = await ctx.db
      .selectFrom('bookings')
      .select([
        'productId',
        'startDate',
        'endDate',
        sql<string>`sum(${partySize(sql`party`)})`.as('pax'),
      ])
      .where('agencyId', '=', ctx.agencyId)
      .where('productId', 'in', tourIds)
      .where('startDate', 'in', starts)
      .where('status', '<>', 'cancelled')
      .groupBy(['productId', 'startDate', 'endDate'])
      .execute();
    for (const b of booked)
      soldTrips.set(tripKey(b.productId, b.startDate, b.endDate), Number(b.pax));
    const quoted = await ctx.db
      .selectFrom('quotes as q')
      .innerJoin('inventoryTakes as t', (join) =>
        join.onRef('t.agencyId', '=', 'q.agencyId').onRef('t.id', '=', 'q.takeId'),
      )
      .select([
        'q.productId',
        'q.startDate',
        'q.endDate',
        sql<string>`sum(${partySize(sql`q.request -> 'party'`)})`.as('pax'),
      ])
      .where('q.agencyId', '=', ctx.agencyId)
      .where('q.productId', 'in', tourIds)
      .where('q.startDate', 'in', starts)
      .where('t.status', '=', 'held')
      .where('t.expiresAt', '>', new Date())
      .groupBy(['q.productId', 'q.startDate', 'q.endDate'])
      .execute();
    for (const q of quoted)
      heldTrips.set(tripKey(q.productId, q.startDate, q.endDate), Number(q.pax));
  }

  const rows: (ReportRow & { departureDate: string; product: string })[] = [];
  for (const d of tourDepartures) {
    const end = addNights(d.startDate, d.nights);
    const outbound = d.transportDepartureId
      ? seats.filter((s) => s.ownerId === d.transportDepartureId)
      : [];
    const places = outbound.length > 0 ? outbound.reduce((n, s) => n + s.capacity, 0) : null;
    rows.push({
      product: `${textIn(d.name, lang) || d.code} (${d.nights})`,
      departureDate: d.startDate,
      seatClass: null,
      ...load(
        places,
        soldTrips.get(tripKey(d.tourId, d.startDate, end)) ?? 0,
        heldTrips.get(tripKey(d.tourId, d.startDate, end)) ?? 0,
      ),
      departureId: d.id,
    });
  }
  const byDeparture = new Map(transportDepartures.map((d) => [d.id, d]));
  for (const s of seats) {
    const departure = byDeparture.get(s.ownerId);
    if (!departure) continue; // a tour's outbound leg outside the period or the product
    rows.push({
      product: `${departure.code} ${departure.name}`,
      departureDate: departure.date,
      seatClass: s.classCode,
      ...load(s.capacity, s.sold, seatHeld.get(`${s.id}|${s.date}`) ?? 0),
      departureId: departure.id,
    });
  }
  rows.sort(
    (a, b) =>
      a.departureDate.localeCompare(b.departureDate) ||
      a.product.localeCompare(b.product) ||
      String(a.seatClass ?? '').localeCompare(String(b.seatClass ?? '')),
  );
  return rows;
}

function addNights(date: string, nights: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + nights);
  return d.toISOString().slice(0, 10);
}

function loadTotals(rows: ReportRow[]): ReportRow {
  const sum = (key: string) => rows.reduce((n, r) => n + (Number(r[key]) || 0), 0);
  // Load factor over the rows that have a capacity.
  const counted = rows.filter((r) => r.capacity !== null);
  const capacityTotal = counted.reduce((n, r) => n + Number(r.capacity), 0);
  const soldCounted = counted.reduce((n, r) => n + Number(r.sold), 0);
  return {
    capacity: capacityTotal,
    sold: sum('sold'),
    held: sum('held'),
    free: sum('free'),
    loadFactor: ratio(soldCounted, capacityTotal),
  };
}

// ---- hotels -------------------------------------------------------------------------------

/** Room types whose nights are read at once while the rows stream out. */
const roomTypesPerBatch = 20;

/** Kinds of lines that are the stay in a room: the room, its guests and its beds. */
const roomLineKinds = ['room', 'person', 'extra_bed', 'empty_bed'];

async function hotelReport(
  ctx: Ctx,
  query: Query,
  from: string,
  to: string,
  language: Parameters<typeof textIn>[1],
  currency: string,
): Promise<PreparedReport> {
  let accommodationId: string | undefined;
  if (query.productId) {
    const found = await ctx.db
      .selectFrom('accommodations')
      .select('id')
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', query.productId)
      .union(
        ctx.db
          .selectFrom('tours')
          .select('accommodationId as id')
          .where('agencyId', '=', ctx.agencyId)
          .where('id', '=', query.productId),
      )
      .executeTakeFirst();
    if (!found) throw new NotFound('accommodation or tour', query.productId);
    accommodationId = found.id;
  }
  // The room types with capacity, in the order shown; their nights are read a few room types
  // at a time as the rows stream out (a bed bank's year is 100,000 rows).
  const rooms = await ctx.db
    .selectFrom('inventoryResources as r')
    .innerJoin('roomTypes as rt', (join) =>
      join.onRef('rt.agencyId', '=', 'r.agencyId').onRef('rt.id', '=', 'r.ownerId'),
    )
    .innerJoin('accommodations as a', (join) =>
      join.onRef('a.agencyId', '=', 'rt.agencyId').onRef('a.id', '=', 'rt.accommodationId'),
    )
    .select([
      'r.id as resourceId',
      'rt.id as roomTypeId',
      'rt.code',
      'rt.name as roomTypeName',
      'a.name as hotel',
    ])
    .where('r.agencyId', '=', ctx.agencyId)
    .where('r.kind', '=', 'room_type')
    .$if(accommodationId !== undefined, (qb) => qb.where('a.id', '=', accommodationId as string))
    .orderBy('a.name')
    .orderBy('rt.code')
    .orderBy('rt.id')
    .execute();
  const roomTypeIds = [...new Set(rooms.map((r) => r.roomTypeId))];

  // The stay lines of these room types over the period: the room type is the booking's room
  // the line belongs to (a tour's lines name the tour, the booking's rooms the room types).
  const roomTypeOfLine = sql<string>`b.rooms -> ((l.detail ->> 'room')::int) ->> 'roomTypeId'`;
  const stayLines =
    roomTypeIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('bookingLines as l')
          .innerJoin('bookings as b', (join) =>
            join.onRef('b.agencyId', '=', 'l.agencyId').onRef('b.id', '=', 'l.bookingId'),
          )
          .select([
            'l.id',
            'l.bookingId',
            'l.fromDate',
            'l.toDate',
            'l.supplierStatus',
            'l.supersededAt',
            'b.status',
            sql<string>`l.detail ->> 'room'`.as('room'),
            roomTypeOfLine.as('roomTypeId'),
          ])
          .where('l.agencyId', '=', ctx.agencyId)
          .where('l.kind', 'in', roomLineKinds)
          .where(sql<boolean>`l.detail ->> 'room' is not null`)
          .where('l.fromDate', '<=', to)
          .where('l.toDate', '>', from)
          .where(roomTypeOfLine, 'in', roomTypeIds)
          .execute();
  const lineIds = stayLines.map((l) => l.id);
  const bookingIds = [...new Set(stayLines.map((l) => l.bookingId))];

  // Room revenue: what the ledger holds for each stay line, in the base currency.
  const ledgerByLine =
    lineIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('salesLedger')
          .select(['bookingLineId', (eb) => eb.fn.sum<string>('saleBase').as('revenue')])
          .where('agencyId', '=', ctx.agencyId)
          .where('bookingId', 'in', bookingIds)
          .where('bookingLineId', 'in', lineIds)
          .groupBy('bookingLineId')
          .execute();
  const revenueOfLine = new Map(ledgerByLine.map((r) => [r.bookingLineId, Number(r.revenue)]));
  const revenueLines: RoomRevenueLine[] = stayLines.flatMap((l) =>
    l.fromDate && l.toDate && revenueOfLine.get(l.id)
      ? [
          {
            roomTypeId: l.roomTypeId,
            from: l.fromDate,
            to: l.toDate,
            revenue: revenueOfLine.get(l.id) ?? 0,
          },
        ]
      : [],
  );
  const revenue = revenueByNight(revenueLines, from, to);

  // On request: rooms of live bookings whose stay lines still wait for the supplier.
  const waiting = new Map<string, Set<string>>();
  for (const l of stayLines) {
    if (l.supplierStatus !== 'requested' || l.supersededAt !== null || l.status === 'cancelled')
      continue;
    if (!l.fromDate || !l.toDate) continue;
    for (
      let night = l.fromDate < from ? from : l.fromDate;
      night < l.toDate && night <= to;
      night = addNights(night, 1)
    ) {
      const key = `${l.roomTypeId}|${night}`;
      const rooms = waiting.get(key) ?? new Set<string>();
      rooms.add(`${l.bookingId}|${l.room}`);
      waiting.set(key, rooms);
    }
  }

  // Average stay and cancellation rate of the bookings staying in these rooms.
  const facts: StayFacts = { made: 0, cancelled: 0, liveBookings: 0, liveNights: 0 };
  if (bookingIds.length > 0) {
    const stays = await ctx.db
      .selectFrom('salesLedger')
      .select([
        sql<string>`coalesce(sum(bookings) filter (where event in ('created', 'override')), 0)`.as(
          'made',
        ),
        sql<string>`coalesce(-sum(bookings) filter (where event = 'cancelled'), 0)`.as('cancelled'),
        sql<string>`coalesce(sum(bookings), 0)`.as('liveBookings'),
        sql<string>`coalesce(sum(nights), 0)`.as('liveNights'),
      ])
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', 'in', bookingIds)
      .executeTakeFirstOrThrow();
    facts.made = Number(stays.made);
    facts.cancelled = Number(stays.cancelled);
    facts.liveBookings = Number(stays.liveBookings);
    facts.liveNights = Number(stays.liveNights);
  }

  const today = todayUtc();
  // Filled in as the rows are read (the report kit reads the totals after the rows).
  const totals: ReportRow = {};
  const counted = { allotment: 0, sold: 0, held: 0, released: 0, onRequest: 0, revenue: 0 };
  async function* nights(): AsyncIterable<ReportRow[]> {
    for (let first = 0; first < rooms.length; first += roomTypesPerBatch) {
      const batch = rooms.slice(first, first + roomTypesPerBatch);
      const order = new Map(batch.map((room, i) => [room.resourceId, i]));
      const resourceIds = batch.map((room) => room.resourceId);
      const [days, heldOn] = await Promise.all([
        ctx.db
          .selectFrom('inventoryDays')
          .select(['resourceId', 'date', 'kind', 'capacity', 'sold', 'releaseDays'])
          .where('agencyId', '=', ctx.agencyId)
          .where('resourceId', 'in', resourceIds)
          .where('date', '>=', from)
          .where('date', '<=', to)
          .execute(),
        liveHeldOnDays(ctx, resourceIds, from, to),
      ]);
      days.sort(
        (a, b) =>
          (order.get(a.resourceId) ?? 0) - (order.get(b.resourceId) ?? 0) ||
          a.date.localeCompare(b.date),
      );
      yield days.map((day) => {
        const room = batch[order.get(day.resourceId) ?? 0] as (typeof rooms)[number];
        const key = `${room.roomTypeId}|${day.date}`;
        const figures = {
          allotment: day.capacity,
          sold: day.sold,
          held: heldOn.get(`${day.resourceId}|${day.date}`) ?? 0,
          released: 0,
          onRequest: waiting.get(key)?.size ?? 0,
        };
        figures.released = releasedUnits(day, figures.held, today);
        const nightRevenue = revenue.get(key) ?? 0;
        for (const field of ['allotment', 'sold', 'held', 'released', 'onRequest'] as const) {
          counted[field] += figures[field];
        }
        counted.revenue += nightRevenue;
        return {
          hotel: room.hotel,
          roomType: `${textIn(room.roomTypeName, language) || room.code} (${room.code})`,
          date: day.date,
          ...hotelNight(figures, nightRevenue),
          averageStay: null,
          cancellationRate: null,
        };
      });
    }
    Object.assign(totals, {
      allotment: counted.allotment,
      sold: counted.sold,
      held: counted.held,
      released: counted.released,
      onRequest: counted.onRequest,
      occupancy: ratio(counted.sold, counted.allotment),
      adr: perUnit(counted.revenue, counted.sold),
      revpar: perUnit(counted.revenue, counted.allotment),
      averageStay: averageStay(facts),
      cancellationRate: cancellationRate(facts),
    });
  }
  return { columns: hotelColumns(currency), rows: nights(), totals, currency };
}

// ---- pools --------------------------------------------------------------------------------

async function poolRows(ctx: Ctx, query: Query, from: string, to: string) {
  const pools = await ctx.db
    .selectFrom('inventoryPools as p')
    .select(['p.id', 'p.name', 'p.capacity', 'p.sold'])
    .select((eb) =>
      eb
        .selectFrom('inventoryPoolMembers as m')
        .innerJoin('transportDepartures as d', (join) =>
          join.onRef('d.agencyId', '=', 'm.agencyId').onRef('d.id', '=', 'm.memberId'),
        )
        .select(sql<string>`min(d.date)::text`.as('date'))
        .whereRef('m.agencyId', '=', 'p.agencyId')
        .whereRef('m.poolId', '=', 'p.id')
        .where('m.memberKind', '=', 'transport_departure')
        .as('date'),
    )
    .where('p.agencyId', '=', ctx.agencyId)
    .where('p.archivedAt', 'is', null)
    .$if(query.productId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('p.id', '=', query.productId as string),
          eb.exists(
            eb
              .selectFrom('inventoryPoolMembers as m')
              .select('m.poolId')
              .whereRef('m.agencyId', '=', 'p.agencyId')
              .whereRef('m.poolId', '=', 'p.id')
              .where('m.memberId', '=', query.productId as string),
          ),
        ]),
      ),
    )
    .orderBy('p.name')
    .execute();
  const held = await ctx.db
    .selectFrom('inventoryTakes as t')
    .innerJoin('inventoryTakeItems as i', (join) =>
      join.onRef('i.agencyId', '=', 't.agencyId').onRef('i.takeId', '=', 't.id'),
    )
    .select(['i.poolId', (eb) => eb.fn.sum<string>('i.quantity').as('quantity')])
    .where('t.agencyId', '=', ctx.agencyId)
    .where('t.status', '=', 'held')
    .where('t.expiresAt', '>', new Date())
    .where('i.poolId', 'is not', null)
    .groupBy('i.poolId')
    .execute();
  const heldOf = new Map(held.map((h) => [h.poolId, Number(h.quantity)]));
  // A pool of a dated departure belongs to its date; a pool without one is shown always.
  return pools
    .filter((p) => p.date === null || (p.date >= from && p.date <= to))
    .map((p) => ({
      pool: p.name,
      date: p.date,
      ...load(p.capacity, p.sold, heldOf.get(p.id) ?? 0),
    }));
}

export const occupancyReport: ReportDefinition<typeof Query> = {
  name: 'occupancy',
  summary:
    'Occupancy and load factor: departures (tour places, seats by class), hotel room types by night (allotment, sold, held, released, on request, ADR, RevPAR), shared pools',
  access: staffRoles,
  query: Query,
  async prepare(ctx, query, language) {
    const { from, to } = reportPeriod(query);
    const currency = await baseCurrencyOf(ctx);
    const kind = query.kind ?? 'departures';
    if (kind === 'hotels') return hotelReport(ctx, query, from, to, language, currency);
    if (kind === 'pools') {
      const rows = await poolRows(ctx, query, from, to);
      return { columns: poolColumns, rows, totals: loadTotals(rows), currency };
    }
    const rows = await departureRows(ctx, query, from, to, language);
    return { columns: departureColumns, rows, totals: loadTotals(rows), currency };
  },
};
