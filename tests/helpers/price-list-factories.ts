// Factories for price lists: a tour with room types to price, and a whole valid list for it
// with overrides, so each pricing test shows only what matters to it.

import type { PriceCharge, PriceRow } from '../../src/server/modules/pricing/types.ts';
import { makeAccommodation, makeTour } from './catalog-factories.ts';
import type { TestAgency } from './factories.ts';

/** A tour at a hotel with a double (DBL) and a family room (FAM), and their ids. */
export async function makeTourWithRooms(agency: TestAgency) {
  const hotel = await makeAccommodation(agency);
  const tour = await makeTour(agency, { accommodationId: hotel.id });
  const [double, family] = hotel.roomTypes.map((r) => r.id) as [string, string];
  return { tour, double, family };
}

export const pricePeriods = [
  { code: 'summer', name: 'Summer 2030', from: '2030-06-01', to: '2030-08-31', priority: 0 },
  { code: 'peak', name: 'Peak weeks', from: '2030-07-15', to: '2030-08-15', priority: 1 },
];
export const priceChildBands = [
  { code: 'infant', minAge: 0, maxAge: 2, needsBed: false },
  { code: 'child', minAge: 2, maxAge: 12, needsBed: true },
];
/** A row with every optional attribute null, as the API shows rows. */
export const priceRow = (fields: Record<string, unknown>) => ({
  roomTypeId: null,
  classCode: null,
  boardingPoint: null,
  ticketTypeId: null,
  occupancy: null,
  childBand: null,
  amount: null,
  percentOfAdult: null,
  percentOfTrip: null,
  cost: null,
  ...fields,
});

/**
 * A whole list for a tour, as the API takes and shows it: summer with peak weeks on top,
 * infant and child bands, room prices of `double` by occupancy, a child extra bed at half
 * the adult price, a booking fee, three cancellation tiers, demand pricing and a change fee
 * (30,00 EUR, free from 60 days before travel).
 */
export function tourPriceList(
  productId: string,
  double: string,
  extra: Record<string, unknown> = {},
) {
  return {
    name: 'Crete 2030',
    productKind: 'tour',
    productId,
    currency: 'EUR',
    costCurrency: 'EUR',
    periods: pricePeriods,
    childBands: priceChildBands,
    rows: [
      priceRow({
        period: 'summer',
        charge: 'room',
        basis: 'night',
        roomTypeId: double,
        occupancy: 1,
        amount: 9000,
        cost: 7000,
      }),
      priceRow({
        period: 'summer',
        charge: 'room',
        basis: 'night',
        roomTypeId: double,
        occupancy: 2,
        amount: 12000,
        cost: 9000,
      }),
      priceRow({
        period: 'peak',
        charge: 'room',
        basis: 'night',
        roomTypeId: double,
        amount: 15000,
      }),
      priceRow({
        period: 'summer',
        charge: 'extra_bed',
        basis: 'night',
        childBand: 'child',
        percentOfAdult: '50',
      }),
      priceRow({
        period: 'summer',
        charge: 'person',
        basis: 'night',
        childBand: 'infant',
        amount: 0,
      }),
      priceRow({ period: 'summer', charge: 'booking', basis: 'stay', amount: 2500 }),
    ],
    cancellation: [
      { daysBefore: 30, percent: '10' },
      { daysBefore: 7, percent: '50' },
      { daysBefore: 0, percent: '100' },
    ],
    dynamic: {
      tiers: [
        {
          minLoadFactor: '0.8',
          minDaysToDeparture: null,
          maxDaysToDeparture: null,
          adjustPercent: '10',
        },
        {
          minLoadFactor: null,
          minDaysToDeparture: null,
          maxDaysToDeparture: 7,
          adjustPercent: '-15',
        },
      ],
      floorPercent: '-20',
      ceilingPercent: '25',
    },
    changeFee: { amount: 3000, freeDaysBefore: 60 },
    ...extra,
  };
}

/** A row as the engine reads it: per night, every attribute null unless `more` sets it. */
export function engineRow(
  period: string,
  charge: PriceCharge,
  amount: number | null,
  more: Partial<PriceRow> = {},
): PriceRow {
  return {
    period,
    charge,
    basis: 'night',
    roomTypeId: null,
    classCode: null,
    boardingPoint: null,
    ticketTypeId: null,
    occupancy: null,
    childBand: null,
    amount,
    percentOfAdult: null,
    percentOfTrip: null,
    cost: null,
    ...more,
  };
}
