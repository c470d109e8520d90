// The profitability report (A3) on a small hand-made agency, the arithmetic written out:
// per tour, departure, destination, customer and supplier (through the line's product), a
// cancelled booking leaving its fee as pure margin, cost columns for cost roles only.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertBookings, makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { makeSupplier } from '../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';

describeEachDatabase('profitability report', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let admin = '';
  let agent = '';
  const ids = { crete: '', rome: '', alice: '', bob: '', aegean: '', lazio: '' };

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
    const agentEmail = `agent-${stamp}@profit.test`;
    agency = await makeAgency(database(), { users: [{ role: 'agent', email: agentEmail }] });
    admin = (await signIn(app, agency.adminEmail)).cookie;
    agent = (await signIn(app, agentEmail)).cookie;
    ids.aegean = (await makeSupplier(agency, { name: 'Aegean Hotels' })).id;
    ids.lazio = (await makeSupplier(agency, { name: 'Lazio Stays' })).id;
    ids.crete = (
      await makeBookableTour(agency, {
        city: 'Hersonissos',
        country: 'GR',
        supplierId: ids.aegean,
      })
    ).tourId;
    ids.rome = (
      await makeBookableTour(agency, { city: 'Roma', country: 'IT', supplierId: ids.lazio })
    ).tourId;
    ids.alice = (await makePerson(agency, { firstName: 'Alice', lastName: 'Adams' })).id;
    ids.bob = (await makePerson(agency, { firstName: 'Bob', lastName: 'Brown' })).id;
    const two = { adults: 2, childAges: [] };
    await insertBookings(database(), agency, [
      // P1: Crete, 1 Jun, Alice, 2 pax: 1 000,00 (cost 700,00).
      {
        number: `P${stamp}1`,
        customerId: ids.alice,
        productId: ids.crete,
        productName: 'Crete',
        createdAt: '2029-03-01T10:00:00Z',
        startDate: '2029-06-01',
        endDate: '2029-06-08',
        party: two,
        total: 1000_00,
        lines: [{ amount: 1000_00, cost: 700_00 }],
      },
      // P2: Crete, 1 Jun, Bob, 1 pax: a line of 600,00 (cost 450,00) agreed at 550,00.
      {
        number: `P${stamp}2`,
        customerId: ids.bob,
        productId: ids.crete,
        productName: 'Crete',
        createdAt: '2029-03-02T10:00:00Z',
        startDate: '2029-06-01',
        endDate: '2029-06-08',
        party: { adults: 1, childAges: [] },
        total: 550_00,
        lines: [{ amount: 600_00, cost: 450_00 }],
      },
      // P3: Crete, 15 Jun, Alice, 2 pax: 900,00 (cost 600,00), cancelled with a fee of 90,00.
      {
        number: `P${stamp}3`,
        customerId: ids.alice,
        productId: ids.crete,
        productName: 'Crete',
        createdAt: '2029-03-05T10:00:00Z',
        startDate: '2029-06-15',
        endDate: '2029-06-22',
        party: two,
        total: 900_00,
        lines: [{ amount: 900_00, cost: 600_00 }],
        status: 'cancelled',
        cancelledAt: '2029-04-01T10:00:00Z',
        cancellationFee: 90_00,
      },
      // P4: Rome, 1 Jul, Bob, 3 pax: 1 200,00 (cost 1 000,00).
      {
        number: `P${stamp}4`,
        customerId: ids.bob,
        productId: ids.rome,
        productName: 'Rome',
        createdAt: '2029-03-10T10:00:00Z',
        startDate: '2029-07-01',
        endDate: '2029-07-05',
        party: { adults: 3, childAges: [] },
        total: 1200_00,
        lines: [{ amount: 1200_00, cost: 1000_00 }],
      },
    ]);
  });
  afterAll(() => app.close());

  const report = async (cookie: string, by: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/profitability?from=2029-01-01&to=2029-12-31${by ? `&by=${by}` : ''}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      columns: Array<{ key: string }>;
      rows: Array<Record<string, unknown>>;
      totals: Record<string, unknown>;
    };
  };
  const measures = ['revenue', 'cost', 'margin', 'bookings', 'pax'];
  const pick = (rows: Array<Record<string, unknown>>, keys: string[]) =>
    rows.map((row) => [...keys, ...measures].map((key) => row[key]));

  it('sums per tour by default, the cancelled booking leaving its fee as margin', async () => {
    const tours = await report(admin, '');
    expect(tours.columns.map((c) => c.key)).toEqual([
      'product',
      'productId',
      'revenue',
      'cost',
      'margin',
      'marginPct',
      'bookings',
      'pax',
    ]);
    expect(pick(tours.rows, ['product', 'productId'])).toEqual([
      // 1 000,00 + 550,00 + the fee 90,00; cost 700,00 + 450,00 (P3's taken back).
      ['Crete', ids.crete, 1640_00, 1150_00, 490_00, 2, 3],
      ['Rome', ids.rome, 1200_00, 1000_00, 200_00, 1, 3],
    ]);
    expect(tours.rows[0]?.marginPct).toBeCloseTo(490 / 1640, 10);
    // 1 640,00 + 1 200,00; 1 150,00 + 1 000,00.
    expect(tours.totals).toMatchObject({
      revenue: 2840_00,
      cost: 2150_00,
      margin: 690_00,
      bookings: 3,
      pax: 6,
    });
    expect(tours.totals.marginPct).toBeCloseTo(690 / 2840, 10);
  });

  it('sums per departure, destination and customer', async () => {
    const departures = await report(admin, 'departure');
    expect(pick(departures.rows, ['product', 'departureDate'])).toEqual([
      ['Crete', '2029-06-01', 1550_00, 1150_00, 400_00, 2, 3],
      ['Crete', '2029-06-15', 90_00, 0, 90_00, 0, 0],
      ['Rome', '2029-07-01', 1200_00, 1000_00, 200_00, 1, 3],
    ]);
    const places = await report(admin, 'destination');
    expect(pick(places.rows, ['country', 'place'])).toEqual([
      ['GR', 'Hersonissos', 1640_00, 1150_00, 490_00, 2, 3],
      ['IT', 'Roma', 1200_00, 1000_00, 200_00, 1, 3],
    ]);
    const customers = await report(admin, 'customer');
    expect(pick(customers.rows, ['customer', 'customerId'])).toEqual([
      // P1 and P3's fee: 1 000,00 + 90,00.
      ['Alice Adams', ids.alice, 1090_00, 700_00, 390_00, 1, 2],
      // P2 and P4: 550,00 + 1 200,00; 450,00 + 1 000,00.
      ['Bob Brown', ids.bob, 1750_00, 1450_00, 300_00, 2, 4],
    ]);
  });

  it("sums per supplier of the lines' products; overrides and fees have none", async () => {
    const suppliers = await report(admin, 'supplier');
    expect(pick(suppliers.rows, ['supplier', 'supplierId'])).toEqual([
      // Lines of P1, P2 and P3 (900,00 sold and taken back): 1 000,00 + 600,00.
      ['Aegean Hotels', ids.aegean, 1600_00, 1150_00, 450_00, 2, 3],
      ['Lazio Stays', ids.lazio, 1200_00, 1000_00, 200_00, 1, 3],
      // P2's override −50,00 and P3's fee 90,00.
      [null, null, 40_00, 0, 40_00, 0, 0],
    ]);
  });

  it('shows an agent revenue without cost or margin; refuses an unknown grouping', async () => {
    const tours = await report(agent, 'tour');
    const keys = tours.columns.map((c) => c.key);
    expect(keys).toEqual(['product', 'productId', 'revenue', 'bookings', 'pax']);
    expect(tours.rows[0]).not.toHaveProperty('cost');
    expect(tours.totals).not.toHaveProperty('margin');
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/profitability?by=colour',
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('by');
  });
});
