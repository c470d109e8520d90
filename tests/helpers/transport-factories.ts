// Factories for catalog products with capacity: transport with departures and seats,
// attractions with ticket types, extra services. They go through the catalog services, so
// seats and tickets land in the inventory exactly as the API puts them there.
import {
  type CreateAttractionInput,
  createAttraction,
  setTicketCapacity,
} from '../../src/server/modules/catalog/attractions-service.ts';
import {
  type CreateExtraServiceInput,
  createExtraService,
  setServiceCapacity,
} from '../../src/server/modules/catalog/extra-services-service.ts';
import {
  type CreateTransportInput,
  createTransport,
} from '../../src/server/modules/catalog/transport-service.ts';
import { type TestAgency, uniqueSuffix } from './factories.ts';

/**
 * A flight PRG → HER with classes Y (150 seats) and J (12 seats) on two dates in July 2030,
 * unless overridden.
 */
export function makeFlight(agency: TestAgency, overrides: Partial<CreateTransportInput> = {}) {
  return makeTransport(agency, overrides);
}

/** Any transport; by default the flight of `makeFlight`. */
export function makeTransport(agency: TestAgency, overrides: Partial<CreateTransportInput> = {}) {
  return createTransport(agency.ctx, {
    kind: 'flight',
    code: `QS ${uniqueSuffix()}`,
    name: 'Prague – Heraklion',
    carrier: 'Smartwings',
    classes: [
      { code: 'Y', name: 'Economy' },
      { code: 'J', name: 'Business' },
    ],
    stops: [
      {
        name: 'Václav Havel Airport',
        code: 'PRG',
        city: 'Prague',
        country: 'CZ',
        time: '06:10',
        dayOffset: 0,
      },
      {
        name: 'Heraklion',
        code: 'HER',
        city: 'Heraklion',
        country: 'GR',
        time: '10:05',
        dayOffset: 0,
      },
    ],
    departures: [
      { date: '2030-07-04', seats: { Y: 150, J: 12 } },
      { date: '2030-07-11', seats: { Y: 150, J: 12 } },
    ],
    ...overrides,
  });
}

/** A bus Brno → Prague → Split with one class STD and 49 seats on 1 July 2030. */
export function makeBus(agency: TestAgency, overrides: Partial<CreateTransportInput> = {}) {
  return createTransport(agency.ctx, {
    kind: 'bus',
    code: `BUS ${uniqueSuffix()}`,
    name: 'Brno – Split',
    carrier: 'Tourbus',
    classes: [{ code: 'STD', name: 'Standard' }],
    stops: [
      { name: 'Brno, Grand Hotel', city: 'Brno', country: 'CZ', time: '14:00', dayOffset: 0 },
      { name: 'Praha, Florenc', city: 'Praha', country: 'CZ', time: '16:30', dayOffset: 0 },
      { name: 'Split, bus station', city: 'Split', country: 'HR', time: '09:00', dayOffset: 1 },
    ],
    departures: [{ date: '2030-07-01', seats: { STD: 49 } }],
    ...overrides,
  });
}

/**
 * The Palace of Knossos: dated tickets with slots 09:00 and 11:00, adult and child tickets;
 * with `capacity`, that many tickets per slot on each date from `from` to `to`.
 */
export async function makeAttraction(
  agency: TestAgency,
  overrides: Partial<CreateAttractionInput> = {},
  capacity?: { from: string; to: string; units: number },
) {
  const attraction = await createAttraction(agency.ctx, {
    name: { en: 'Palace of Knossos', cs: 'Knósský palác' },
    description: { en: 'The Minoan palace near Heraklion.' },
    city: 'Heraklion',
    country: 'GR',
    dated: true,
    timeSlots: ['09:00', '11:00'],
    ticketTypes: [
      { category: 'adult', name: { en: 'Adult' }, minAge: 18 },
      { category: 'child', name: { en: 'Child' }, minAge: 6, maxAge: 17 },
    ],
    ...overrides,
  });
  if (capacity) {
    const slots = attraction.timeSlots.length > 0 ? attraction.timeSlots : [undefined];
    for (const timeSlot of slots) {
      await setTicketCapacity(agency.ctx, attraction.id, { ...capacity, timeSlot });
    }
  }
  return attraction;
}

/**
 * An airport transfer priced per person; with `capacity` it becomes limited, with that many
 * units a day from `from` to `to`.
 */
export async function makeExtraService(
  agency: TestAgency,
  overrides: Partial<CreateExtraServiceInput> = {},
  capacity?: { from: string; to: string; units: number },
) {
  const service = await createExtraService(agency.ctx, {
    kind: 'transport',
    code: `TRF-${uniqueSuffix()}`,
    name: { en: 'Airport transfer' },
    unit: 'per_person',
    city: 'Heraklion',
    country: 'GR',
    limited: capacity !== undefined,
    ...overrides,
  });
  if (capacity) await setServiceCapacity(agency.ctx, service.id, capacity);
  return service;
}
