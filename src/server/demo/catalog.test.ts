import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import { addDays, datesFromTo, daysBetween, isoWeekday, todayUtc } from '../calendar.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { demoSaleWindows } from './catalog.ts';
import { type DemoResult, seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};

describe('demo sale windows', () => {
  it('sell from two weeks ahead and over the next summer at least 30 days away, never overlapping', () => {
    for (const today of datesFromTo('2026-01-01', '2028-12-31')) {
      const { lastMinute, summer } = demoSaleWindows(today);
      expect(lastMinute.from).toBe(addDays(today, 14));
      expect(lastMinute.to <= addDays(today, 120)).toBe(true);
      expect(lastMinute.to < summer.from).toBe(true);
      expect(lastMinute.to >= lastMinute.from).toBe(true);
      expect(summer.from).toBe(`${summer.year}-06-01`);
      expect(summer.to).toBe(`${summer.year}-09-30`);
      expect(daysBetween(today, summer.from)).toBeGreaterThanOrEqual(30);
      expect(daysBetween(today, summer.from)).toBeLessThan(366 + 30);
    }
  });
});

describeEachDatabase('demo catalog', (database) => {
  let app: FastifyInstance;
  let cookie: string;
  let demo: DemoResult;
  const today = todayUtc();

  beforeAll(async () => {
    demo = await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    cookie = (await signIn(app, admin.email, admin.password)).cookie;
  });

  afterAll(async () => {
    await app?.close();
  });

  // biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
  const get = async (url: string): Promise<any> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const summary = () => {
    if (!demo.catalog) throw new Error('the demo catalog was not created');
    return demo.catalog;
  };

  // How long seeding takes is a benchmark's business, not a test's: a loaded CI machine
  // must not fail a correct seed.
  it('is created with the agency', () => {
    expect(demo.created).toBe(true);
    expect(summary().counts).toMatchObject({ accommodations: 3, pools: 1 });
  });

  it('has hotels in two countries, each with room types and its own supplier', async () => {
    const { items } = await get('/api/v1/accommodations?limit=100');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((a: { country: string }) => a.country)).size).toBeGreaterThanOrEqual(
      2,
    );
    for (const hotel of items) {
      expect(hotel.roomTypes.length, hotel.name).toBeGreaterThan(0);
      expect(hotel.supplierId, hotel.name).not.toBeNull();
      expect(hotel.description.cs, hotel.name).toBeTruthy();
      expect(hotel.description.en, hotel.name).toBeTruthy();
    }
    const suppliers = await get('/api/v1/suppliers?limit=100');
    expect(suppliers.items.map((s: { kind: string }) => s.kind)).toEqual(
      expect.arrayContaining(['hotel', 'carrier', 'ground_handler', 'attraction', 'insurer']),
    );
  });

  it('sells the coach tour on Saturdays, 7 nights, with seats on the coach', async () => {
    const tour = await get(`/api/v1/tours/${summary().tours.busTourId}`);
    expect(tour.mode).toBe('fixed_departures');
    expect(tour.transportId).toBe(summary().transports.busId);
    expect(tour.departures.length).toBeGreaterThan(10);
    for (const departure of tour.departures) {
      expect(isoWeekday(departure.startDate)).toBe(6);
      expect(departure.nights).toBe(7);
      expect(departure.transportDepartureId).not.toBeNull();
      expect(departure.returnTransportDepartureId).not.toBeNull();
    }
    const first = tour.departures[0].startDate;
    const calendar = await get(
      `/api/v1/tours/${tour.id}/availability?from=${first}&to=${addDays(first, 120)}&adults=2`,
    );
    const sellable = calendar.items.filter((e: { sellable: boolean }) => e.sellable);
    expect(sellable.length).toBeGreaterThan(0);
    expect(sellable[0].seats).toBe(49);
  });

  it('sells the Rimini stay by days on arrival days in the next 120 days', async () => {
    const tour = await get(`/api/v1/tours/${summary().tours.byDaysTourId}`);
    expect(tour.mode).toBe('by_days');
    expect(tour.seasons.length).toBeGreaterThan(0);
    for (const season of tour.seasons) {
      expect(season).toMatchObject({
        minStay: 3,
        maxStay: 14,
        arrivalWeekdays: [1, 2, 3, 4, 5, 6, 7],
      });
    }
    const calendar = await get(
      `/api/v1/tours/${tour.id}/availability?from=${today}&to=${addDays(today, 120)}&adults=2`,
    );
    const sellable = calendar.items.filter((e: { sellable: boolean }) => e.sellable);
    expect(sellable.length).toBeGreaterThan(10);
    // The stop-sale night blocks the stays over it.
    expect(calendar.items.some((e: { reason: string | null }) => e.reason === 'no room left')).toBe(
      true,
    );
  });

  it('has a flight, a train and a bus with departures and seats', async () => {
    for (const kind of ['flight', 'train', 'bus']) {
      const { items } = await get(`/api/v1/transport?kind=${kind}&limit=100`);
      expect(items.length, kind).toBeGreaterThan(0);
      for (const transport of items) {
        expect(transport.departures.length, transport.code).toBeGreaterThan(0);
        for (const departure of transport.departures) {
          const seats = departure.seats.reduce(
            (n: number, s: { capacity: number }) => n + s.capacity,
            0,
          );
          expect(seats, `${transport.code} ${departure.date}`).toBeGreaterThan(0);
        }
      }
    }
    const flight = await get(`/api/v1/transport/${summary().transports.flightId}`);
    expect(flight).toMatchObject({ code: 'QS 1234', carrier: 'Smartwings' });
    expect(flight.departures.every((d: { date: string }) => isoWeekday(d.date) === 6)).toBe(true);
    // An A320 with two classes: 168 economy and 12 business seats, 180 in all (the pool).
    expect(flight.departures[0].seats).toEqual([
      expect.objectContaining({ classCode: 'Y', capacity: 168 }),
      expect.objectContaining({ classCode: 'J', capacity: 12 }),
    ]);
    const train = await get(`/api/v1/transport/${summary().transports.trainId}`);
    expect(train.classes.map((c: { code: string }) => c.code)).toEqual(['1', '2']);
  });

  it('has seat maps: a 49-seat coach, an A320 with two classes and a 19-seat minibus', async () => {
    const { busId, flightId, shuttleId } = summary().transports;
    const coach = await get(`/api/v1/transport/${busId}/layout`);
    expect(coach.seatsForSale).toEqual({ STD: 49 });
    const blocked = coach.decks[0].seats.filter((s: { blocked?: string }) => s.blocked);
    expect(blocked.map((s: { blocked: string }) => s.blocked).sort()).toEqual(['driver', 'guide']);
    expect((await get(`/api/v1/transport/${flightId}/layout`)).seatsForSale).toEqual({
      J: 12,
      Y: 168,
    });
    expect((await get(`/api/v1/transport/${shuttleId}/layout`)).seatsForSale).toEqual({ STD: 19 });
    const shuttle = await get(`/api/v1/transport/${shuttleId}`);
    const map = await get(`/api/v1/transport-departures/${shuttle.departures[0].id}/seats`);
    // 19 seats for sale and the driver's and guide's seats.
    expect(map.seats).toHaveLength(21);
    expect(map.layout.vehicle).toBe('minibus');
  });

  it('has attractions with ticket types and capacity per slot, and an open ticket', async () => {
    const { items } = await get('/api/v1/attractions?limit=100');
    const slotted = items.find((a: { timeSlots: string[] }) => a.timeSlots.length > 0);
    expect(slotted.timeSlots).toEqual(['09:00', '11:00', '14:00']);
    expect(slotted.ticketTypes.map((t: { category: string }) => t.category).sort()).toEqual([
      'adult',
      'child',
      'senior',
      'student',
    ]);
    const day = summary().windows.lastMinute.from;
    const availability = await get(
      `/api/v1/attractions/${slotted.id}/availability?from=${day}&to=${day}`,
    );
    expect(availability.items).toHaveLength(3);
    for (const slot of availability.items) expect(slot.available).toBe(25);
    const open = items.find((a: { dated: boolean }) => !a.dated);
    expect(open.validityDays).toBeGreaterThan(0);
  });

  it('has extra services of the four kinds, the limited one with daily capacity', async () => {
    const { items } = await get('/api/v1/extra-services?limit=100');
    expect(new Set(items.map((s: { kind: string }) => s.kind))).toEqual(
      new Set(['insurance', 'transport', 'board', 'local_service']),
    );
    const limited = items.find((s: { limited: boolean }) => s.limited);
    const day = summary().windows.summer.from;
    const availability = await get(
      `/api/v1/extra-services/${limited.id}/availability?from=${day}&to=${day}`,
    );
    expect(availability.items[0].capacity).toBeGreaterThan(0);
  });

  it('shares the opening charter in a pool with two tours, alerting the agents', async () => {
    const agents = (await get('/api/v1/users?role=agent&limit=100')).items.map(
      (u: { id: string }) => u.id,
    );
    expect(agents.length).toBeGreaterThan(0);
    const pool = await get(`/api/v1/pools/${summary().poolId}`);
    expect(pool).toMatchObject({ capacity: 180, lowStockThreshold: 20 });
    expect([...pool.alertUserIds].sort()).toEqual([...agents].sort());
    expect(pool.members.filter((m: { kind: string }) => m.kind === 'tour')).toHaveLength(2);
    expect(
      pool.members.filter((m: { kind: string }) => m.kind === 'transport_departure'),
    ).toHaveLength(1);
    for (const tourId of summary().tours.airTourIds) {
      const tour = await get(`/api/v1/tours/${tourId}`);
      const calendar = await get(
        `/api/v1/tours/${tourId}/availability?from=${tour.departures[0].startDate}&to=${tour.departures[0].startDate}&adults=2`,
      );
      expect(
        calendar.items.some((e: { sellable: boolean }) => e.sellable),
        tour.code,
      ).toBe(true);
    }
  });

  it('sets release, on-request nights, stop-sale, minimum stay and closed-to-arrival', async () => {
    const [adriatic, marina, bellaVista] = summary().accommodations;
    const { summer, lastMinute } = summary().windows;
    const range = (from: string, to: string) => `from=${from}&to=${to}`;

    const doubles = adriatic?.roomTypeIds[0] as string;
    const adriaticDays = await get(
      `/api/v1/room-types/${doubles}/availability?${range(summer.from, summer.from)}`,
    );
    expect(adriaticDays.items[0]).toMatchObject({ kind: 'allotment', releaseDays: 14 });
    const resources = await get(`/api/v1/inventory/resources?ownerId=${doubles}`);
    expect(resources.items[0]).toMatchObject({ lowStockThreshold: 3 });
    expect(resources.items[0].alertUserIds.length).toBeGreaterThan(0);

    const marinaDays = await get(
      `/api/v1/room-types/${marina?.roomTypeIds[0]}/availability?${range(lastMinute.from, lastMinute.from)}`,
    );
    expect(marinaDays.items[0].kind).toBe('on_request');

    const bellaDays = await get(
      `/api/v1/room-types/${bellaVista?.roomTypeIds[0]}/availability?${range(lastMinute.from, `${summer.year}-08-31`)}`,
    );
    type Day = {
      date: string;
      stopSale: boolean;
      minStay: number | null;
      closedToArrival: boolean;
    };
    const days: Day[] = bellaDays.items;
    expect(days.filter((d) => d.stopSale)).toHaveLength(1);
    expect(days.find((d) => d.date === `${summer.year}-08-15`)).toMatchObject({
      minStay: 7,
      closedToArrival: true,
    });
  });

  it('is not seeded twice', async () => {
    const again = await seedDemoAgency(database().db, admin);
    expect(again).toEqual({
      agencyId: demo.agencyId,
      created: false,
      catalog: null,
      customers: null,
      bookings: null,
      supplierInvoices: null,
    });
    const { items } = await get('/api/v1/accommodations?limit=100');
    expect(items).toHaveLength(summary().counts.accommodations);
    const pools = await get('/api/v1/pools?limit=100');
    expect(pools.items).toHaveLength(1);
  });
});
