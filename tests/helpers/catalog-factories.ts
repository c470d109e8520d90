// Factories for the catalog's core products: suppliers, accommodations with room types, and
// tours (fixed departures or by days). They go through the catalog services, so rows are
// exactly what the API would create; each takes overrides so a test shows only what matters.
import {
  type CreateAccommodationInput,
  createAccommodation,
  type RoomTypeInput,
} from '../../src/server/modules/catalog/accommodations-service.ts';
import {
  type CreateSupplierInput,
  createSupplier,
} from '../../src/server/modules/catalog/suppliers-service.ts';
import {
  type CreateTourInput,
  createTour,
  type TourSeasonInput,
} from '../../src/server/modules/catalog/tours-service.ts';
import { type TestAgency, uniqueSuffix } from './factories.ts';

/** A hotel supplier invoicing in EUR. */
export function makeSupplier(agency: TestAgency, overrides: Partial<CreateSupplierInput> = {}) {
  return createSupplier(agency.ctx, {
    name: `Aegean Hotels ${uniqueSuffix()}`,
    kind: 'hotel',
    currency: 'EUR',
    paymentTermsDays: 30,
    email: 'reservations@aegean.example',
    ...overrides,
  });
}

/** A double room: 2 adults + 1 child, 2 beds + 1 extra bed. */
export function makeRoomType(overrides: Partial<RoomTypeInput> = {}): RoomTypeInput {
  return {
    code: 'DBL',
    name: { en: 'Double room', cs: 'Dvoulůžkový pokoj' },
    maxAdults: 2,
    maxChildren: 1,
    standardBeds: 2,
    extraBeds: 1,
    ...overrides,
  };
}

/**
 * Hotel Aurora in Hersonissos, Crete (GR), 4 stars, BB/HB, with a double room (DBL: 2+1)
 * and a family room (FAM: 4 adults + 1 child, 4 beds + 1 extra bed), unless overridden.
 */
export function makeAccommodation(
  agency: TestAgency,
  overrides: Partial<CreateAccommodationInput> = {},
) {
  return createAccommodation(agency.ctx, {
    name: `Hotel Aurora ${uniqueSuffix()}`,
    kind: 'hotel',
    street: 'Eleftheriou Venizelou 12',
    city: 'Hersonissos',
    postalCode: '70014',
    country: 'GR',
    latitude: 35.3167,
    longitude: 25.3833,
    stars: 4,
    boardTypes: ['BB', 'HB'],
    description: { en: 'A family hotel by the sea.' },
    roomTypes: [
      makeRoomType(),
      makeRoomType({
        code: 'FAM',
        name: { en: 'Family room' },
        maxAdults: 4,
        maxChildren: 1,
        standardBeds: 4,
        extraBeds: 1,
      }),
    ],
    ...overrides,
  });
}

/** A season of a by-days tour: all of July 2030, any arrival day, 3 to 14 nights. */
export function makeSeason(overrides: Partial<TourSeasonInput> = {}): TourSeasonInput {
  return {
    name: 'July',
    startDate: '2030-07-01',
    endDate: '2030-07-31',
    minStay: 3,
    maxStay: 14,
    arrivalWeekdays: [1, 2, 3, 4, 5, 6, 7],
    ...overrides,
  };
}

/**
 * A tour of 7 nights with fixed departures on Saturdays 6 and 13 July 2030 (a new
 * accommodation from `makeAccommodation` unless `accommodationId` is given); with
 * `mode: 'by_days'` it has the July season of `makeSeason` instead.
 */
export async function makeTour(agency: TestAgency, overrides: Partial<CreateTourInput> = {}) {
  const accommodationId = overrides.accommodationId ?? (await makeAccommodation(agency)).id;
  const mode = overrides.mode ?? 'fixed_departures';
  return createTour(agency.ctx, {
    accommodationId,
    code: `CRE-${uniqueSuffix()}`,
    name: { en: 'Crete for a week', cs: 'Kréta na týden' },
    description: { en: 'Seven nights on Crete.' },
    mode,
    boardType: 'HB',
    ...(mode === 'fixed_departures'
      ? {
          departures: [
            { startDate: '2030-07-06', nights: 7 },
            { startDate: '2030-07-13', nights: 7 },
          ],
        }
      : { seasons: [makeSeason()] }),
    ...overrides,
  });
}
