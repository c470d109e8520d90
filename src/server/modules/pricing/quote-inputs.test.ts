// What a priced request holds in the inventory: a limited per-person service takes its
// quantity for each traveller.
import { describe, expect, it } from 'vitest';
import { componentsOf, type ResolvedAsk } from './quote-inputs.ts';

const resolved = (quantity: number | null, perHead: boolean): ResolvedAsk => ({
  product: { kind: 'attraction', id: 'attr', name: 'Park', ticketTypes: [] },
  start: '2030-07-06',
  end: '2030-07-06',
  transport: [],
  extras: [],
  seatDepartures: [],
  fixedDeparture: false,
  fare: { classCode: null, boardingPoint: null },
  limitedExtras: [{ serviceId: 'svc', date: '2030-07-06', perHead, quantity }],
  timeSlot: null,
  productIds: ['attr', 'svc'],
  loadOwners: [],
});

const serviceUnits = (quantity: number | null, perHead: boolean) =>
  componentsOf(resolved(quantity, perHead), [], { adults: 2, childAges: [8] }).find(
    (c) => c.type === 'service',
  );

describe('componentsOf', () => {
  it('holds a per-person quantity for each traveller: 2 ski passes each for 3 are 6', () => {
    expect(serviceUnits(2, true)).toMatchObject({ serviceId: 'svc', quantity: 6 });
    expect(serviceUnits(null, true)).toMatchObject({ quantity: 3 });
  });

  it('holds the count asked of a service not per person, or one', () => {
    expect(serviceUnits(4, false)).toMatchObject({ quantity: 4 });
    expect(serviceUnits(null, false)).toMatchObject({ quantity: 1 });
  });
});
