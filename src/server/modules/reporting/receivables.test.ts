// The receivables report (A5) on hand-made plans and payments, aged on 30 June 2029: payments
// received by then cover each plan in order, a later payment does not count yet, a refund
// gives back, a booking in CZK is owed in EUR at its recorded rate, a booking made after the
// day is not owed yet, and a customer who owes nothing has no row.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertBookings, makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { newId } from '../../db/ids.ts';
import { setManualRate } from '../pricing/rates.ts';

describeEachDatabase('receivables report', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let admin = '';
  const ids = { alice: '', bob: '', carol: '' };

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    admin = (await signIn(app, agency.adminEmail)).cookie;
    const tour = (await makeBookableTour(agency)).tourId;
    // 25 CZK a euro: the CZK booking's rate into EUR is 0.04.
    await setManualRate(agency.ctx, { date: '2029-01-01', base: 'EUR', quote: 'CZK', rate: '25' });
    ids.alice = (await makePerson(agency, { firstName: 'Alice', lastName: 'Adams' })).id;
    ids.bob = (await makePerson(agency, { firstName: 'Bob', lastName: 'Brown' })).id;
    ids.carol = (await makePerson(agency, { firstName: 'Carol', lastName: 'Clark' })).id;
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
    const booking = (
      n: number,
      customerId: string,
      total: number,
      createdAt: string,
      more = {},
    ) => ({
      number: `R${stamp}${n}`,
      customerId,
      productId: tour,
      total,
      createdAt,
      ...more,
    });
    const [a1 = '', a2 = '', b1 = '', b2 = '', b3 = '', c1 = ''] = await insertBookings(
      database(),
      agency,
      [
        booking(1, ids.alice, 1000_00, '2029-01-10T10:00:00Z'),
        booking(2, ids.alice, 150_00, '2029-04-01T10:00:00Z'),
        booking(3, ids.bob, 25000_00, '2029-03-01T10:00:00Z', { currency: 'CZK' }),
        booking(4, ids.bob, 500_00, '2029-05-01T10:00:00Z'),
        booking(5, ids.bob, 800_00, '2029-07-10T10:00:00Z'),
        booking(6, ids.carol, 400_00, '2029-02-01T10:00:00Z'),
      ],
    );
    const plan: Array<[string, string, number]> = [
      // A1: deposit 300,00 due 10 Jan, balance 700,00 due 10 Jun.
      [a1, '2029-01-10', 300_00],
      [a1, '2029-06-10', 700_00],
      // A2: 150,00 due 15 Apr, unpaid.
      [a2, '2029-04-15', 150_00],
      // B1 (CZK): 10 000,00 due 1 Mar, 15 000,00 due 1 Aug, unpaid.
      [b1, '2029-03-01', 10000_00],
      [b1, '2029-08-01', 15000_00],
      // B2: 500,00 due 15 May.
      [b2, '2029-05-15', 500_00],
      // B3: made after the day.
      [b3, '2029-07-10', 800_00],
      // C1: paid in full.
      [c1, '2029-02-01', 400_00],
    ];
    await database()
      .db.insertInto('paymentPlanInstalments')
      .values(
        plan.map(([bookingId, dueDate, amount], i) => ({
          id: newId(),
          agencyId: agency.agencyId,
          bookingId,
          position: i,
          dueDate,
          amount,
          label: 'deposit',
          remindedAt: null,
        })),
      )
      .execute();
    const payments: Array<[string, 'payment' | 'refund', number, string, string]> = [
      // A1: 400,00 by the day (covers the deposit, 100,00 of the balance); 100,00 after it.
      [a1, 'payment', 400_00, '2029-02-01T10:00:00Z', 'EUR'],
      [a1, 'payment', 100_00, '2029-07-05T10:00:00Z', 'EUR'],
      // B2: 500,00 paid, 200,00 refunded: 300,00 net.
      [b2, 'payment', 500_00, '2029-05-10T10:00:00Z', 'EUR'],
      [b2, 'refund', 200_00, '2029-05-20T10:00:00Z', 'EUR'],
      [c1, 'payment', 400_00, '2029-02-01T10:00:00Z', 'EUR'],
    ];
    await database()
      .db.insertInto('payments')
      .values(
        payments.map(([bookingId, kind, amount, at, currency]) => ({
          id: newId(),
          agencyId: agency.agencyId,
          bookingId,
          kind,
          amount,
          currency,
          method: 'bank_transfer' as const,
          reference: null,
          provider: null,
          providerReference: null,
          status: 'succeeded' as const,
          receivedAt: new Date(at),
          recordedBy: null,
          recordedByName: null,
          note: null,
        })),
      )
      .execute();
  });
  afterAll(() => app.close());

  it('ages what each customer owes on the day, in the base currency', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/receivables?asOf=2029-06-30',
      headers: { cookie: admin },
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.currency).toBe('EUR');
    expect(report.columns.map((c: { key: string }) => c.key)).toEqual([
      'customer',
      'customerId',
      'current',
      'days1to30',
      'days31to60',
      'days61to90',
      'over90',
      'total',
    ]);
    expect(report.rows).toEqual([
      {
        customer: 'Alice Adams',
        customerId: ids.alice,
        current: 0,
        // A1's balance, 20 days past due: 700,00 less the 100,00 of 400,00 left for it.
        days1to30: 600_00,
        days31to60: 0,
        // A2: 76 days past due.
        days61to90: 150_00,
        over90: 0,
        total: 750_00,
      },
      {
        customer: 'Bob Brown',
        customerId: ids.bob,
        // B1's 15 000,00 CZK × 0.04 not yet due.
        current: 600_00,
        days1to30: 0,
        // B2: 500,00 less 300,00 net, 46 days past due.
        days31to60: 200_00,
        days61to90: 0,
        // B1's 10 000,00 CZK × 0.04, 121 days past due.
        over90: 400_00,
        total: 1200_00,
      },
    ]);
    expect(report.totals).toMatchObject({
      current: 600_00,
      days1to30: 600_00,
      days31to60: 200_00,
      days61to90: 150_00,
      over90: 400_00,
      total: 1950_00,
    });
  });

  it('counts the payments received by the day: on 10 July Alice has paid 100,00 more', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/receivables?asOf=2029-07-10',
      headers: { cookie: admin },
    });
    const alice = response
      .json()
      .rows.find((r: { customerId: string }) => r.customerId === ids.alice);
    // A1's balance 30 days past due: 700,00 − 200,00; A2 86 days.
    expect(alice).toMatchObject({ days1to30: 500_00, days61to90: 150_00, total: 650_00 });
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/receivables?asOf=2029-02-30',
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('asOf');
  });
});
