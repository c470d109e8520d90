// The availability calendar of a tour, through the API, for fixed departures with a bus and
// for a by-days stay with seasons, min stay and arrival weekdays.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { insertBusDeparture } from '../../../../tests/helpers/inventory-fixtures.ts';
import { addDays, isoWeekday, todayUtc } from '../../calendar.ts';
import { createAccommodation } from '../catalog/accommodations-service.ts';
import { createTour } from '../catalog/tours-service.ts';
import * as inventory from './service.ts';

describeEachDatabase('tour availability calendar', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let cookie: string;
  let double: string;
  let family: string;
  let accommodationId: string;
  // A Monday about two months ahead, so weekdays are predictable.
  const base = addDays(todayUtc(), 60);
  const monday = addDays(base, (8 - isoWeekday(base)) % 7);

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    cookie = (await signIn(app, agency.adminEmail)).cookie;
    const hotel = await createAccommodation(agency.ctx, {
      name: 'Hotel Calendar',
      city: 'Makarska',
      country: 'HR',
      roomTypes: [
        { code: 'DBL', name: { en: 'Double' }, maxAdults: 2, maxChildren: 0, standardBeds: 2 },
        {
          code: 'FAM',
          name: { en: 'Family' },
          maxAdults: 2,
          maxChildren: 2,
          standardBeds: 2,
          extraBeds: 2,
        },
      ],
    });
    accommodationId = hotel.id;
    double = hotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
    family = hotel.roomTypes.find((r) => r.code === 'FAM')?.id as string;
    for (const room of [double, family]) {
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, room, {
        from: monday,
        to: addDays(monday, 40),
        kind: 'allotment',
        units: 2,
      });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const calendar = (tourId: string, query: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/tours/${tourId}/availability?${query}`,
      headers: { cookie },
    });

  it('lists fixed departures with the rooms that hold the party and the seats left', async () => {
    const { departureId: bus } = await insertBusDeparture(agency.ctx, monday);
    await inventory.setCapacity(
      agency.ctx,
      { kind: 'transport_seats', ownerId: bus, classCode: 'STD' },
      'bus',
      {
        from: monday,
        to: monday,
        kind: 'allotment',
        units: 3,
      },
    );
    const tour = await createTour(agency.ctx, {
      accommodationId,
      code: 'FIX-1',
      name: { en: 'Week by the sea' },
      mode: 'fixed_departures',
      departures: [
        { startDate: monday, nights: 7, transportDepartureId: bus },
        { startDate: addDays(monday, 7), nights: 7 },
        { startDate: addDays(monday, 14), nights: 7, status: 'closed' },
      ],
    });
    const response = await calendar(
      tour.id,
      `from=${monday}&to=${addDays(monday, 20)}&adults=2&childAges=4&childAges=9`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { date: string }) => i.date)).toEqual([
      monday,
      addDays(monday, 7),
      addDays(monday, 14),
    ]);
    // 2 adults + 2 children fit only the family room; 4 people need 4 seats, the bus has 3.
    expect(items[0].roomTypes.map((r: { code: string }) => r.code)).toEqual(['FAM']);
    expect(items[0]).toMatchObject({ seats: 3, sellable: false, reason: 'not enough seats' });
    expect(items[1]).toMatchObject({ sellable: true, seats: null, nights: 7 });
    expect(items[1].roomTypes[0].available).toBe(2);
    expect(items[2]).toMatchObject({ sellable: false, reason: 'departure closed' });

    const couple = await calendar(tour.id, `from=${monday}&to=${monday}&adults=2`);
    expect(couple.json().items[0]).toMatchObject({ sellable: true });
    expect(couple.json().items[0].roomTypes).toHaveLength(2);
  });

  it('lists arrival days of a by-days tour by its season rules and the inventory', async () => {
    const tour = await createTour(agency.ctx, {
      accommodationId,
      code: 'DAYS-1',
      name: { en: 'Stay as you like' },
      mode: 'by_days',
      seasons: [
        {
          name: 'Summer',
          startDate: monday,
          endDate: addDays(monday, 30),
          minStay: 3,
          maxStay: 14,
          arrivalWeekdays: [1, 6],
        },
      ],
    });
    await inventory.setRestrictions(
      agency.ctx,
      { kind: 'room_type', ownerId: double },
      {
        from: addDays(monday, 8),
        to: addDays(monday, 8),
        stopSale: true,
      },
    );
    await inventory.setRestrictions(
      agency.ctx,
      { kind: 'room_type', ownerId: family },
      {
        from: addDays(monday, 8),
        to: addDays(monday, 8),
        stopSale: true,
      },
    );
    const response = await calendar(tour.id, `from=${monday}&to=${addDays(monday, 7)}&adults=2`);
    const items = response.json().items;
    expect(items).toHaveLength(8);
    const sellable = items
      .filter((i: { sellable: boolean }) => i.sellable)
      .map((i: { date: string }) => i.date);
    // Mondays and Saturdays only; the second night of the next Monday's stay is on stop-sale.
    expect(sellable).toEqual([monday, addDays(monday, 5)]);
    expect(items[0].nights).toBe(3);
    expect(items[1].reason).toContain('arrival');
    expect(items[7].reason).toBe('no room left');

    const backwards = await calendar(tour.id, `from=${addDays(monday, 3)}&to=${monday}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('/to');
    const unknown = await calendar(
      '0190a0a0-0000-7000-8000-000000000000',
      `from=${monday}&to=${monday}`,
    );
    expect(unknown.statusCode).toBe(404);
  });
});
