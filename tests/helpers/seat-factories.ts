// Factories for seat maps: a coach layout of any length (2 + 2 seats a row, a back row of 5,
// the driver's and the guide's seats blocked), and a coach sold seat-only with a price list,
// its layout put on it, to quote and book through the API.
import type { FastifyInstance } from 'fastify';
import type { CreateTransportInput } from '../../src/server/modules/catalog/transport-service.ts';
import { createPriceList } from '../../src/server/modules/pricing/price-lists-service.ts';
import type { LayoutSeat, SeatLayout } from '../../src/server/modules/seating/layout.ts';
import { putLayout } from '../../src/server/modules/seating/service.ts';
import type { TestAgency } from './factories.ts';
import { makeBus } from './transport-factories.ts';

/**
 * A coach: grid row 1 holds the driver (1, column 1) and the guide (column 4), both blocked;
 * passenger rows 1…`rows` (grid rows 2…) have seats A B | aisle | C D, windows at A and D,
 * and, with `backRow`, a last row of 5 (A B M C D, M in the aisle). Seats for sale:
 * 4 × rows (+ 5 with the back row).
 */
export function coachLayout(
  rows: number,
  { backRow = false, customerChoice = false } = {},
): SeatLayout {
  const seats: LayoutSeat[] = [
    { id: 'DRIVER', row: 1, column: 1, classCode: 'STD', blocked: 'driver' },
    { id: 'GUIDE', row: 1, column: 4, classCode: 'STD', blocked: 'guide' },
  ];
  const letters = [
    ['A', 1, ['window']],
    ['B', 2, ['aisle']],
    ['C', 4, ['aisle']],
    ['D', 5, ['window']],
  ] as const;
  for (let row = 1; row <= rows; row += 1) {
    for (const [letter, column, properties] of letters) {
      seats.push({
        id: `${row}${letter}`,
        row: row + 1,
        column,
        classCode: 'STD',
        properties: [...properties],
      });
    }
  }
  if (backRow) {
    const row = rows + 1;
    for (const [letter, column] of [
      ['A', 1],
      ['B', 2],
      ['M', 3],
      ['C', 4],
      ['D', 5],
    ] as const) {
      seats.push({ id: `${row}${letter}`, row: row + 1, column, classCode: 'STD' });
    }
  }
  return {
    name: `Coach, ${seats.length - 2} seats`,
    vehicle: 'bus',
    customerChoice,
    decks: [
      {
        id: 'main',
        rows: rows + (backRow ? 2 : 1),
        columns: 5,
        seats,
        features: [{ kind: 'door', row: 1, column: 5 }],
      },
    ],
  };
}

export const seatsForSale = (layout: SeatLayout) =>
  layout.decks.flatMap((d) => d.seats).filter((s) => !s.blocked).length;

/**
 * A coach Brno → Split with its layout, departing on the given dates (1 July 2030 unless
 * said), sold seat-only at 50,00 EUR a person (children 2–12 half).
 */
export async function makeSeatedCoach(
  agency: TestAgency,
  layout: SeatLayout,
  overrides: Partial<CreateTransportInput> = {},
  dates: string[] = ['2030-07-01'],
) {
  const seats = seatsForSale(layout);
  const bus = await makeBus(agency, {
    departures: dates.map((date) => ({ date, seats: { STD: seats } })),
    ...overrides,
  });
  await putLayout(agency.ctx, bus.id, { layout });
  await createPriceList(agency.ctx, {
    name: 'Coach 2030',
    productKind: 'transport',
    productId: bus.id,
    currency: 'EUR',
    periods: [{ code: 'y2030', name: '2030', from: '2030-01-01', to: '2030-12-31' }],
    childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
    rows: [
      { period: 'y2030', charge: 'person', basis: 'stay', classCode: 'STD', amount: 50_00 },
      {
        period: 'y2030',
        charge: 'person',
        basis: 'stay',
        childBand: 'child',
        percentOfAdult: '50',
      },
    ],
    costCurrency: 'EUR',
  } as Parameters<typeof createPriceList>[1]);
  return { bus, departureIds: bus.departures.map((d) => d.id) };
}

export const adult = (firstName: string, lastName = 'Dvořák') => ({
  firstName,
  lastName,
  birthDate: '1980-05-01',
});
/** A child of 6 on 1 July 2030. */
export const child = (firstName: string, lastName = 'Dvořák') => ({
  firstName,
  lastName,
  birthDate: '2024-03-01',
});

/** Quotes and books seats on a coach departure through the API; the booking's reply. */
export async function bookCoach(
  app: FastifyInstance,
  cookie: string,
  trip: {
    transportId: string;
    departureId: string;
    travellers: Array<{ firstName: string; lastName: string; birthDate: string }>;
    childAges?: number[];
    customerId?: string;
    customer?: object;
    seatPreferences?: object[];
    channel?: string;
  },
) {
  const childAges = trip.childAges ?? [];
  const quote = await app.inject({
    method: 'POST',
    url: '/api/v1/quotes',
    headers: { cookie },
    payload: {
      productId: trip.transportId,
      departureId: trip.departureId,
      party: { adults: trip.travellers.length - childAges.length, childAges },
      classCode: 'STD',
      channel: trip.channel ?? 'phone',
    },
  });
  if (quote.statusCode !== 201) return quote;
  return app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: { cookie },
    payload: {
      quoteId: quote.json().id,
      ...(trip.customerId ? { customerId: trip.customerId } : {}),
      ...(trip.customer ? { customer: trip.customer } : {}),
      travellers: trip.travellers,
      ...(trip.seatPreferences ? { seatPreferences: trip.seatPreferences } : {}),
    },
  });
}
