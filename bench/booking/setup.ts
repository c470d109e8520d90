// The bench's data: an agency selling a fixed departure that never sells out, an agent who
// books it, and a customer to book it for.
import type { Database } from '../../src/server/db/connect.ts';
import { setCapacity } from '../../src/server/modules/inventory/service.ts';
import { createPriceList } from '../../src/server/modules/pricing/price-lists-service.ts';
import { makeAccommodation, makeTour } from '../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../tests/helpers/customer-factories.ts';
import { makeAgency, uniqueSuffix } from '../../tests/helpers/factories.ts';
import { tourPriceList } from '../../tests/helpers/price-list-factories.ts';

export interface SetUp {
  agencyId: string;
  agentEmail: string;
  tourId: string;
  double: string;
  customerId: string;
}

export async function setUp(database: Database): Promise<SetUp> {
  const agentEmail = `agent-${uniqueSuffix()}@bench.test`;
  const agency = await makeAgency(database, {
    name: 'Cestovní kancelář Bench',
    users: [{ role: 'agent', email: agentEmail, name: 'Agáta Benešová' }],
  });
  const hotel = await makeAccommodation(agency);
  const double = hotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
  // Fixed departures on 6 and 13 July 2030, 7 nights; every client books the first one, so
  // they share its room nights (and the agency's number counter) as a popular departure does.
  const tour = await makeTour(agency, { accommodationId: hotel.id });
  await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'bench DBL', {
    from: '2030-07-01',
    to: '2030-07-31',
    kind: 'allotment',
    units: 10_000_000,
  });
  // The tests' whole list: occupancy prices, bands (the infant goes free), a booking fee,
  // cancellation tiers, demand pricing.
  await createPriceList(
    agency.ctx,
    tourPriceList(tour.id, double) as unknown as Parameters<typeof createPriceList>[1],
  );
  const customer = await makePerson(agency, { firstName: 'Jiří', lastName: 'Kučera' });
  return {
    agencyId: agency.agencyId,
    agentEmail,
    tourId: tour.id,
    double,
    customerId: customer.id,
  };
}
