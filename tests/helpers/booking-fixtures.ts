// A bookable tour for tests of a booking's life after the sale (B6): sold by days from
// tomorrow for 210 days, a double room with capacity every night, an EUR price list with
// cancellation tiers and a change fee, and helpers to quote and book it over the API with
// dates relative to today (cancellation fees depend on how far ahead the trip is).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { addDays, type CalendarDate, todayUtc } from '../../src/server/calendar.ts';
import { availability, setCapacity } from '../../src/server/modules/inventory/service.ts';
import { createPriceList } from '../../src/server/modules/pricing/price-lists-service.ts';
import { makeAccommodation, makeSeason, makeTour } from './catalog-factories.ts';
import { makePerson } from './customer-factories.ts';
import type { TestAgency } from './factories.ts';

/** Today plus `days`, as YYYY-MM-DD. */
export const inDays = (days: number): CalendarDate => addDays(todayUtc(), days);

/** 60 or more days ahead 10 %, 30 or more 50 %, later 100 %. */
export const tiers = [
  { daysBefore: 60, percent: '10' },
  { daysBefore: 30, percent: '50' },
];
/** 25,00 EUR a change, free 120 or more days ahead. */
export const changeFee = { amount: 25_00, freeDaysBefore: 120 };
/** An adult night: 100,00 EUR; a child (2–11) half of it. */
export const adultNight = 100_00;

export const twoAdults = [
  { firstName: 'Jana', lastName: 'Nováková', birthDate: '1985-03-12', email: 'jana@example.test' },
  { firstName: 'Petr', lastName: 'Novák', birthDate: '1984-01-30' },
];

/** A child who is 6 on every day of the year of `start`. */
export const childAged6On = (start: CalendarDate) => ({
  firstName: 'Eliška',
  lastName: 'Nováková',
  birthDate: `${Number(start.slice(0, 4)) - 6}-01-01`,
});

/**
 * `customerEmail`: the booking customer's e-mail; give a customer user's so that user may
 * book for it (a customer books only for themselves).
 */
export async function makeBookableTour(agency: TestAgency, { customerEmail = '' } = {}) {
  const hotel = await makeAccommodation(agency);
  const double = hotel.roomTypes[0]?.id ?? '';
  const tour = await makeTour(agency, {
    accommodationId: hotel.id,
    mode: 'by_days',
    seasons: [makeSeason({ name: 'All year', startDate: inDays(1), endDate: inDays(210) })],
  });
  await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
    from: inDays(1),
    to: inDays(215),
    kind: 'allotment',
    units: 5,
  });
  await createPriceList(agency.ctx, {
    name: 'All year',
    productKind: 'tour',
    productId: tour.id,
    currency: 'EUR',
    costCurrency: 'EUR',
    periods: [{ code: 'all', name: 'All year', from: inDays(0), to: inDays(220) }],
    childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
    rows: [
      { period: 'all', charge: 'person', basis: 'night', amount: adultNight, cost: 70_00 },
      { period: 'all', charge: 'person', basis: 'night', childBand: 'child', percentOfAdult: '50' },
    ],
    cancellation: tiers,
    changeFee,
  });
  const customer = await makePerson(agency, customerEmail ? { email: customerEmail } : {});
  return { tourId: tour.id, double, customerId: customer.id };
}

export type BookableTour = Awaited<ReturnType<typeof makeBookableTour>>;

/** Calls the API as the holder of `cookie`. */
export function caller(app: () => FastifyInstance) {
  return (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    app().inject({
      method,
      url,
      headers: { cookie, ...headers },
      ...(payload ? { payload } : {}),
    });
}

/** Quotes and books two adults in a double from `from` to `to`; returns the booking. */
export async function bookTrip(
  call: ReturnType<typeof caller>,
  cookie: string,
  tour: BookableTour,
  dates: { from: CalendarDate; to: CalendarDate },
  more: { quote?: object; booking?: object } = {},
) {
  const quote = await call(cookie, 'POST', '/api/v1/quotes', {
    productId: tour.tourId,
    ...dates,
    party: { adults: 2, childAges: [] },
    rooms: [{ roomTypeId: tour.double, adults: 2, childAges: [] }],
    channel: 'phone',
    ...more.quote,
  });
  expect(quote.statusCode, quote.body).toBe(201);
  const booking = await call(cookie, 'POST', '/api/v1/bookings', {
    quoteId: quote.json().id,
    customerId: tour.customerId,
    travellers: twoAdults,
    ...more.booking,
  });
  expect(booking.statusCode, booking.body).toBe(201);
  return booking.json();
}

/** Units sold and held of the double on each night from `from` to the night before `to`. */
export async function nightsOf(
  agency: TestAgency,
  tour: BookableTour,
  from: CalendarDate,
  to: CalendarDate,
) {
  const days = await availability(
    agency.ctx,
    { kind: 'room_type', ownerId: tour.double },
    from,
    addDays(to, -1),
  );
  return days.map((d) => ({ sold: d.sold, held: d.held }));
}
