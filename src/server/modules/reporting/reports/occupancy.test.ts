// The occupancy and booking-curve reports on a small agency made by hand, with the arithmetic
// in comments: a coach tour departure of 40 places with three bookings (and one cancelled, and
// a quote holding two places); a hotel's room type with an allotment over three nights, sold,
// held, released and on request, its ADR and RevPAR from the ledger; the booking curve's
// cumulative sums, beside last year's departure; the files hold the JSON's rows.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeSeason,
  makeTour,
} from '../../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  userByEmail,
} from '../../../../../tests/helpers/factories.ts';
import { makeBus } from '../../../../../tests/helpers/transport-factories.ts';
import { addDays, daysBetween, todayUtc } from '../../../calendar.ts';
import type { Ctx } from '../../../context.ts';
import { cancelBooking } from '../../bookings/cancel-booking.ts';
import { createBooking } from '../../bookings/create-booking.ts';
import type { TravellerInput } from '../../bookings/travellers.ts';
import { setCapacity, setRestrictions } from '../../inventory/service.ts';
import { createPriceList } from '../../pricing/price-lists-service.ts';
import { createQuote } from '../../pricing/quotes-service.ts';
import { curveRows, yearBefore } from './booking-curve.ts';
import { hotelNight, perUnit, releasedUnits, revenueByNight } from './occupancy-figures.ts';

const dayMs = 86_400_000;
const today = todayUtc();
/** The hotel's three nights: 40, 41 and 42 days from today (a release period may reach them). */
const [n1, n2, n3, n4] = [40, 41, 42, 43].map((days) => addDays(today, days)) as [
  string,
  string,
  string,
  string,
];
/** The instant `days` days ago (a booking made then: the ledger dates it so). */
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs);

describe('occupancy figures', () => {
  it('spreads a line over its nights and keeps the period’s', () => {
    // 600,00 over 3 nights: 200,00 a night; 400,00 over 2: 200,00; only 1–2 August kept.
    const byNight = revenueByNight(
      [
        { roomTypeId: 'r', from: '2030-08-01', to: '2030-08-04', revenue: 600_00 },
        { roomTypeId: 'r', from: '2030-07-31', to: '2030-08-02', revenue: 400_00 },
      ],
      '2030-08-01',
      '2030-08-02',
    );
    expect([...byNight]).toEqual([
      ['r|2030-08-01', 400_00],
      ['r|2030-08-02', 200_00],
    ]);
  });

  it('computes occupancy, ADR and RevPAR, empty where nothing divides', () => {
    // 3 sold of 4 for 500,00: occupancy 0,75, ADR 166,67, RevPAR 125,00.
    expect(
      hotelNight({ allotment: 4, sold: 3, held: 0, released: 0, onRequest: 0 }, 500_00),
    ).toMatchObject({ occupancy: 0.75, adr: 166_67, revpar: 125_00 });
    expect(
      hotelNight({ allotment: 0, sold: 0, held: 0, released: 0, onRequest: 0 }, 0),
    ).toMatchObject({ occupancy: null, adr: null, revpar: null });
    expect(perUnit(-5, 2)).toBe(-3);
  });

  it('counts released units only on allotment nights inside their release period', () => {
    const day = { kind: 'allotment', date: '2030-08-10', capacity: 5, sold: 2, releaseDays: 7 };
    // 10 August less 7 days: released from 4 August; 5 − 2 sold − 1 held = 2.
    expect(releasedUnits(day, 1, '2030-08-04')).toBe(2);
    expect(releasedUnits(day, 1, '2030-08-03')).toBe(0);
    expect(releasedUnits({ ...day, kind: 'on_request' }, 1, '2030-08-09')).toBe(0);
  });

  it('sums a curve from the earliest day down to 0 with every day present', () => {
    const rows = curveRows(
      [
        { daysBefore: 3, pax: 2, revenue: 100 },
        { daysBefore: 1, pax: -2, revenue: -90 },
        { daysBefore: 1, pax: 1, revenue: 50 },
      ],
      [{ daysBefore: 4, pax: 5, revenue: 10 }],
    );
    expect(rows.map((r) => [r.daysBefore, r.pax, r.revenue, r.comparePax])).toEqual([
      [4, 0, 0, 5],
      [3, 2, 100, 5],
      [2, 2, 100, 5],
      [1, 1, 60, 5],
      [0, 1, 60, 5],
    ]);
    expect(curveRows([], null)).toEqual([
      { daysBefore: 0, pax: 0, revenue: 0, comparePax: null, compareRevenue: null },
    ]);
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });
});

describeEachDatabase('occupancy and booking-curve reports', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agentCtx: Ctx;
  let agent: string;
  let partner: string;
  let otherAgent: string;
  let tourId: string;
  let departureId: string;
  let lastYearDepartureId: string;
  let hotelId: string;
  let bookings: { id: string; total: number; fee: number }[] = [];
  let hotelTotals: number[] = [];
  let stayFee = 0;

  // biome-ignore lint/suspicious/noExplicitAny: report answers are read loosely here
  const get = async (url: string, cookie = agent): Promise<any> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  /** Quotes and books as the agent, both made `ago` days ago. */
  const book = async (
    ask: Record<string, unknown>,
    customerId: string,
    travellers: TravellerInput[],
    ago = 0,
  ) => {
    const at = daysAgo(ago);
    const quote = await createQuote(
      agentCtx,
      { channel: 'phone', customerId, ...ask } as Parameters<typeof createQuote>[1],
      at,
    );
    const booking = await createBooking(
      agentCtx,
      { quoteId: quote.id, customerId, travellers },
      at,
    );
    const row = await database()
      .db.selectFrom('bookings')
      .select('total')
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    return { id: booking.id, total: Number(row.total) };
  };
  const adult = (firstName: string) => ({
    firstName,
    lastName: 'Nováková',
    birthDate: '1980-05-01',
  });
  const child = { firstName: 'Ema', lastName: 'Nováková', birthDate: '2022-01-01' };

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    const agentEmail = `agent-${stamp}@occupancy.test`;
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: agentEmail },
        { role: 'partner', email: `partner-${stamp}@occupancy.test` },
      ],
    });
    const user = await userByEmail(database(), agency.agencyId, agentEmail);
    agentCtx = {
      ...agency.ctx,
      actor: { type: 'user', id: user.id, userId: user.id, name: user.name, role: 'agent' },
    };
    agent = (await signIn(app, agentEmail)).cookie;
    partner = (await signIn(app, `partner-${stamp}@occupancy.test`)).cookie;
    await makeAgency(database(), {
      users: [{ role: 'agent', email: `other-${stamp}@occupancy.test` }],
    });
    otherAgent = (await signIn(app, `other-${stamp}@occupancy.test`)).cookie;
    const customer = await makePerson(agency);

    // ---- a coach tour: 40 seats on the coach of 5 July 2030, 7 nights from the 6th; and
    // the same a year before (6 July 2029, 7 nights from Saturday the 7th).
    const hotel = await makeAccommodation(agency);
    const double = hotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
    const bus = await makeBus(agency, {
      departures: [
        { date: '2029-07-06', seats: { STD: 40 } },
        { date: '2030-07-05', seats: { STD: 40 } },
      ],
    });
    const busDeparture = (date: string) =>
      bus.departures.find((d) => d.date === date)?.id as string;
    const tour = await makeTour(agency, {
      accommodationId: hotel.id,
      transportId: bus.id,
      departures: [
        { startDate: '2029-07-07', nights: 7, transportDepartureId: busDeparture('2029-07-06') },
        { startDate: '2030-07-06', nights: 7, transportDepartureId: busDeparture('2030-07-05') },
      ],
    });
    tourId = tour.id;
    departureId = tour.departures.find((d) => d.startDate === '2030-07-06')?.id as string;
    lastYearDepartureId = tour.departures.find((d) => d.startDate === '2029-07-07')?.id as string;
    for (const from of ['2029-07-07', '2030-07-06']) {
      await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
        from,
        to: addDays(from, 6),
        kind: 'allotment',
        units: 20,
      });
    }
    const periods = [{ code: 'summer', name: 'Summers', from: '2029-06-01', to: '2030-08-31' }];
    const childBands = [{ code: 'child', minAge: 2, maxAge: 12 }];
    // The stay: 50,00 a person a night, a child half; 10 % kept when cancelled 30+ days ahead.
    await createPriceList(agency.ctx, {
      name: 'Coach tour',
      productKind: 'tour',
      productId: tour.id,
      currency: 'EUR',
      costCurrency: 'EUR',
      periods,
      childBands,
      rows: [
        { period: 'summer', charge: 'person', basis: 'night', amount: 50_00, cost: 40_00 },
        {
          period: 'summer',
          charge: 'person',
          basis: 'night',
          childBand: 'child',
          percentOfAdult: '50',
        },
      ],
      cancellation: [{ daysBefore: 30, percent: '10' }],
    } as Parameters<typeof createPriceList>[1]);
    // The coach: 80,00 a seat, a child half.
    await createPriceList(agency.ctx, {
      name: 'Coach',
      productKind: 'transport',
      productId: bus.id,
      currency: 'EUR',
      costCurrency: 'EUR',
      periods,
      childBands,
      rows: [
        { period: 'summer', charge: 'person', basis: 'stay', classCode: 'STD', amount: 80_00 },
        {
          period: 'summer',
          charge: 'person',
          basis: 'stay',
          classCode: 'STD',
          childBand: 'child',
          percentOfAdult: '50',
        },
      ],
    } as Parameters<typeof createPriceList>[1]);
    const coach = (id: string, adults: number, childAges: number[]) => ({
      productId: tour.id,
      departureId: id,
      party: { adults, childAges },
      rooms: [{ roomTypeId: double, adults, childAges }],
    });
    // Three bookings of 2, 3 (a child of 8) and 1 travellers, made 10, 4 and 0 days ago; a
    // fourth of 2 made 8 days ago and cancelled 2 days ago; a quote holding 2 places now.
    const b1 = await book(
      coach(departureId, 2, []),
      customer.id,
      [adult('Jana'), adult('Petr')],
      10,
    );
    const b2 = await book(
      coach(departureId, 2, [8]),
      customer.id,
      [adult('Jana'), adult('Petr'), child],
      4,
    );
    const b3 = await book(coach(departureId, 1, []), customer.id, [adult('Jana')], 0);
    const b4 = await book(
      coach(departureId, 2, []),
      customer.id,
      [adult('Jana'), adult('Petr')],
      8,
    );
    const cancelled = await cancelBooking(agentCtx, b4.id, { reason: 'ill' }, daysAgo(2));
    bookings = [
      { ...b1, fee: 0 },
      { ...b2, fee: 0 },
      { ...b3, fee: 0 },
      { ...b4, fee: Number(cancelled.fee) },
    ];
    await createQuote(agentCtx, {
      ...coach(departureId, 2, []),
      channel: 'phone',
      customerId: customer.id,
    } as Parameters<typeof createQuote>[1]);
    // Last year's departure: 2 travellers booked 20 days ago.
    await book(coach(lastYearDepartureId, 2, []), customer.id, [adult('Jana'), adult('Petr')], 20);

    // ---- a hotel sold by days: a double with an allotment of 4 over three nights (n1–n3,
    // 40 to 42 days ahead), and a family room on request (2 a night).
    const stayHotel = await makeAccommodation(agency);
    hotelId = stayHotel.id;
    const dbl = stayHotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
    const fam = stayHotel.roomTypes.find((r) => r.code === 'FAM')?.id as string;
    const stay = await makeTour(agency, {
      accommodationId: stayHotel.id,
      mode: 'by_days',
      seasons: [
        makeSeason({ startDate: addDays(today, 30), endDate: addDays(today, 60), minStay: 1 }),
      ],
    });
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: dbl }, 'DBL', {
      from: n1,
      to: n3,
      kind: 'allotment',
      units: 4,
    });
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: fam }, 'FAM', {
      from: n1,
      to: n3,
      kind: 'on_request',
      units: 2,
    });
    // 100,00 a person a night; 10 % kept when cancelled 30+ days ahead.
    await createPriceList(agency.ctx, {
      name: 'Stay',
      productKind: 'tour',
      productId: stay.id,
      currency: 'EUR',
      costCurrency: 'EUR',
      periods: [{ code: 'aug', name: 'Soon', from: addDays(today, 30), to: addDays(today, 60) }],
      childBands,
      rows: [{ period: 'aug', charge: 'person', basis: 'night', amount: 100_00, cost: 70_00 }],
      cancellation: [{ daysBefore: 30, percent: '10' }],
    } as Parameters<typeof createPriceList>[1]);
    const room = (roomTypeId: string, from: string, to: string) => ({
      productId: stay.id,
      from,
      to,
      party: { adults: 2, childAges: [] },
      rooms: [{ roomTypeId, adults: 2, childAges: [] }],
    });
    const two = [adult('Jana'), adult('Petr')];
    // S1: n1–n4 (3 nights) 2 × 3 × 100,00 = 600,00; S2: n1–n3, 400,00; S3: n2–n4, 400,00,
    // cancelled 41 days ahead (fee 10 %: 40,00); S4: the family room on request, n1–n2, 200,00.
    const s1 = await book(room(dbl, n1, n4), customer.id, two);
    const s2 = await book(room(dbl, n1, n3), customer.id, two);
    const s3 = await book(room(dbl, n2, n4), customer.id, two);
    stayFee = Number((await cancelBooking(agentCtx, s3.id, { reason: 'plans changed' })).fee);
    const s4 = await book(room(fam, n1, n2), customer.id, two);
    hotelTotals = [s1.total, s2.total, s3.total, s4.total];
    // A quote holding a double on n2 and n3.
    await createQuote(agentCtx, {
      ...room(dbl, n2, n4),
      channel: 'phone',
      customerId: customer.id,
    } as Parameters<typeof createQuote>[1]);
    // Night n3 is past its release: released 43 days before, it is 42 days ahead.
    await setRestrictions(
      agency.ctx,
      { kind: 'room_type', ownerId: dbl },
      { from: n3, to: n3, releaseDays: 43 },
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the departure of 40 places: the tour’s travellers and the coach’s seats', async () => {
    const report = await get('/api/v1/reports/occupancy?from=2030-07-01&to=2030-07-31');
    expect(report.columns.map((c: { key: string }) => c.key)).toEqual([
      'product',
      'departureDate',
      'seatClass',
      'capacity',
      'sold',
      'held',
      'free',
      'loadFactor',
      'departureId',
    ]);
    // Sold: 2 + 3 + 1 travellers (the cancelled booking's 2 given back); held: the quote's 2;
    // free: 40 − 6 − 2 = 32; load factor 6 / 40 = 0,15. The coach leaves the day before.
    const figures = report.rows.map((r: Record<string, unknown>) => [
      r.departureDate,
      r.seatClass,
      r.capacity,
      r.sold,
      r.held,
      r.free,
      r.loadFactor,
    ]);
    expect(figures).toEqual([
      ['2030-07-05', 'STD', 40, 6, 2, 32, 0.15],
      ['2030-07-06', null, 40, 6, 2, 32, 0.15],
    ]);
    expect(report.rows[1]).toMatchObject({ product: 'Crete for a week (7)', departureId });
    expect(report.totals).toMatchObject({ capacity: 80, sold: 12, held: 4, free: 64 });
    expect(report.totals.loadFactor).toBeCloseTo(12 / 80, 10);
    // One product at a time.
    const tourOnly = await get(
      `/api/v1/reports/occupancy?from=2030-07-01&to=2030-07-31&productId=${tourId}`,
    );
    expect(tourOnly.rows).toHaveLength(1);
  });

  it('shows a room type night by night: allotment, sold, held, released, on request, ADR, RevPAR', async () => {
    const report = await get(
      `/api/v1/reports/occupancy?kind=hotels&from=${n1}&to=${n4}&productId=${hotelId}`,
    );
    expect(report.currency).toBe('EUR');
    const [s1, s2, , s4] = hotelTotals as [number, number, number, number];
    // The bookings' totals are their stay lines: 600,00, 400,00, 400,00 and 200,00.
    expect(hotelTotals).toEqual([600_00, 400_00, 400_00, 200_00]);
    const figures = report.rows.map((r: Record<string, unknown>) => [
      r.roomType,
      r.date,
      r.allotment,
      r.sold,
      r.held,
      r.released,
      r.onRequest,
      r.occupancy,
      r.adr,
      r.revpar,
    ]);
    expect(figures).toEqual([
      // n1: S1 and S2 sold (S3 cancelled); revenue 600/3 + 400/2 = 400,00; ADR 400/2;
      // RevPAR 400/4.
      ['Double room (DBL)', n1, 4, 2, 0, 0, 0, 0.5, 200_00, 100_00],
      // n2: S1 and S2, and the quote holds 1.
      ['Double room (DBL)', n2, 4, 2, 1, 0, 0, 0.5, 200_00, 100_00],
      // n3: S1 only (200,00), 1 held, released 4 − 1 − 1 = 2; RevPAR 200/4.
      ['Double room (DBL)', n3, 4, 1, 1, 2, 0, 0.25, 200_00, 50_00],
      // The family room on request: S4 waits for the hotel on n1 (200,00 for 1 room).
      ['Family room (FAM)', n1, 2, 1, 0, 0, 1, 0.5, s4, s4 / 2],
      ['Family room (FAM)', n2, 2, 0, 0, 0, 0, 0, null, 0],
      ['Family room (FAM)', n3, 2, 0, 0, 0, 0, 0, null, 0],
    ]);
    // Totals: 18 rooms available, 6 sold; revenue 600 + 400 + 200 = 1 200,00: ADR 1200 / 6,
    // RevPAR 1200 / 18 = 66,67. Stays: S1 3, S2 2, S4 1 nights → 2; 1 of 4 cancelled.
    expect(s1 + s2 + s4).toBe(1_200_00);
    expect(report.totals).toMatchObject({
      allotment: 18,
      sold: 6,
      held: 2,
      released: 2,
      onRequest: 1,
      adr: 200_00,
      revpar: 66_67,
      averageStay: 2,
      cancellationRate: 0.25,
    });
    expect(report.totals.occupancy).toBeCloseTo(6 / 18, 10);
    expect(stayFee).toBe(40_00);
  });

  it('shows the shared pools against their capacity', async () => {
    const report = await get('/api/v1/reports/occupancy?kind=pools');
    expect(report.columns.map((c: { key: string }) => c.key)).toEqual([
      'pool',
      'date',
      'capacity',
      'sold',
      'held',
      'free',
      'loadFactor',
    ]);
    expect(report.rows).toEqual([]);
  });

  it('draws the booking curve of a departure, cumulative, beside last year’s', async () => {
    const report = await get(
      `/api/v1/reports/booking-curve?departureId=${departureId}&compare=lastYear`,
    );
    const departure = '2030-07-06';
    const lastYear = '2029-07-07';
    // Days before departure of each event: B1 made 10 days ago, B4 8, B2 4, B3 today; B4
    // cancelled 2 days ago. Last year's booking 20 days ago, before 7 July 2029.
    const d = (ago: number, date = departure) => daysBetween(addDays(today, -ago), date);
    const first = d(10);
    expect(report.rows).toHaveLength(first + 1);
    expect(report.rows[0].daysBefore).toBe(first);
    expect(report.rows.at(-1).daysBefore).toBe(0);
    const at = (daysBefore: number) =>
      report.rows.find((r: { daysBefore: number }) => r.daysBefore === daysBefore);
    type Made = { total: number; fee: number };
    const [b1, b2, b3, b4] = bookings as unknown as [Made, Made, Made, Made];
    expect(at(d(10))).toMatchObject({ pax: 2, revenue: b1.total });
    expect(at(d(9))).toMatchObject({ pax: 2, revenue: b1.total });
    expect(at(d(8))).toMatchObject({ pax: 4, revenue: b1.total + b4.total });
    expect(at(d(4))).toMatchObject({ pax: 7, revenue: b1.total + b4.total + b2.total });
    // The cancellation takes back B4's 2 travellers and its total, keeping its fee.
    expect(at(d(2))).toMatchObject({ pax: 5, revenue: b1.total + b2.total + b4.fee });
    expect(at(0)).toMatchObject({ pax: 6, revenue: b1.total + b2.total + b3.total + b4.fee });
    expect(b4.fee).toBe(Math.round(b4.total / 10));
    // Last year: 2 travellers from 20 days before its own departure on.
    expect(at(d(20, lastYear) + 1)?.comparePax).toBe(0);
    expect(at(d(20, lastYear))?.comparePax).toBe(2);
    expect(at(0).comparePax).toBe(2);
    expect(report.totals).toMatchObject({ pax: 6, comparePax: 2 });

    // The same, naming last year's departure; and the tour's whole year 2030.
    const named = await get(
      `/api/v1/reports/booking-curve?departureId=${departureId}&compareDepartureId=${lastYearDepartureId}`,
    );
    expect(named.rows).toEqual(report.rows);
    const year = await get(
      `/api/v1/reports/booking-curve?tourId=${tourId}&from=2030-01-01&to=2030-12-31&compare=lastYear`,
    );
    expect(year.rows).toEqual(report.rows);
  });

  it('answers 400 naming the field, 404 for ids not of the agency, 403 to outside roles', async () => {
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/booking-curve',
      headers: { cookie: agent },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: '/departureId' })]);
    for (const url of [
      `/api/v1/reports/booking-curve?departureId=${departureId}`,
      `/api/v1/reports/booking-curve?tourId=${tourId}`,
      `/api/v1/reports/occupancy?productId=${tourId}`,
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie: otherAgent } });
      expect(response.statusCode, url).toBe(404);
    }
    const unknownCompare = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/booking-curve?departureId=${departureId}&compare=${tourId}`,
      headers: { cookie: agent },
    });
    expect(unknownCompare.statusCode).toBe(404);
    const badKind = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/occupancy?kind=rooms',
      headers: { cookie: agent },
    });
    expect(badKind.statusCode).toBe(400);
    const backwards = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/occupancy?from=2030-08-01&to=2030-07-01',
      headers: { cookie: agent },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: '/to' })]);
    const outside = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/occupancy',
      headers: { cookie: partner },
    });
    expect(outside.statusCode).toBe(403);
    // The other agency sees none of this agency's departures.
    const theirs = await get('/api/v1/reports/occupancy?from=2030-07-01&to=2030-07-31', otherAgent);
    expect(theirs.rows).toEqual([]);
  });

  it('gives the CSV and the XLSX of exactly the JSON rows', async () => {
    const url = `/api/v1/reports/occupancy?kind=hotels&from=${n1}&to=${n4}&productId=${hotelId}`;
    const json = await get(url);
    const keys = json.columns.map((c: { key: string }) => c.key);
    // Money in major units in the files.
    const major = (key: string, value: unknown) =>
      value === null ? null : ['adr', 'revpar'].includes(key) ? Number(value) / 100 : value;

    const csv = await app.inject({
      method: 'GET',
      url: url.replace('occupancy?', 'occupancy.csv?'),
      headers: { cookie: agent },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(json.rows.length + 2);
    expect(lines[0]?.split(',')).toEqual(json.columns.map((c: { label: string }) => c.label));
    json.rows.forEach((row: Record<string, unknown>, i: number) => {
      const cells = (lines[i + 1] ?? '').split(',');
      keys.forEach((key: string, k: number) => {
        const expected = major(key, row[key]);
        if (expected === null) expect(cells[k], key).toBe('');
        else if (typeof expected === 'number')
          expect(Number(cells[k]), key).toBeCloseTo(expected, 2);
        else expect(cells[k], key).toBe(String(expected));
      });
    });

    const xlsx = await app.inject({
      method: 'GET',
      url: url.replace('occupancy?', 'occupancy.xlsx?'),
      headers: { cookie: agent },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('occupancy');
    if (!sheet) throw new Error('no sheet named occupancy');
    expect(sheet.rowCount).toBe(json.rows.length + 2);
    json.rows.forEach((row: Record<string, unknown>, i: number) => {
      const values = (sheet.getRow(i + 2).values as unknown[]).slice(1);
      keys.forEach((key: string, k: number) => {
        const expected = major(key, row[key]);
        const cell = values[k];
        if (expected === null) expect(cell ?? null, key).toBeNull();
        else if (key === 'date') expect((cell as Date).toISOString().slice(0, 10)).toBe(expected);
        else if (typeof expected === 'number') expect(cell as number, key).toBeCloseTo(expected, 2);
        else expect(cell, key).toBe(expected);
      });
    });
  });
});
