// Payments under concurrent HTTP clients, on PostgreSQL only (PGlite has one session, so a
// race there proves nothing): ten clients each pay a fifth of the balance at once. The
// booking row lock makes them queue, so exactly five succeed, the other five get a 409
// problem+json (never a 500), the balance ends at zero and the booking is paid.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertBookings } from '../../../../tests/helpers/booking-factories.ts';
import { makeAccommodation, makeTour } from '../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeOnPostgres } from '../../../../tests/helpers/database.ts';
import { makeAgency, makeTestApp, signIn } from '../../../../tests/helpers/factories.ts';

describeOnPostgres('payments under concurrent HTTP clients', (database) => {
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app has no TCP port');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => app.close());

  it('lets exactly five of ten payments of a fifth through, and settles the booking', async () => {
    const agency = await makeAgency(database(), {
      users: [{ role: 'accountant', email: `accountant-${Date.now()}@race.test` }],
    });
    const { cookie } = await signIn(app, agency.adminEmail);
    const hotel = await makeAccommodation(agency);
    const tour = await makeTour(agency, { accommodationId: hotel.id });
    const customer = await makePerson(agency);
    const [bookingId = ''] = await insertBookings(database(), agency, [
      {
        number: 'RACE-1',
        customerId: customer.id,
        productId: tour.id,
        status: 'confirmed',
        total: 1000_00,
      },
    ]);
    const replies = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const response = await fetch(`${baseUrl}/api/v1/bookings/${bookingId}/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ amount: 200_00, method: 'card', reference: `client ${i}` }),
        });
        return {
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          body: (await response.json()) as { errors?: { path: string }[] },
        };
      }),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409, 409]);
    for (const refused of replies.filter((r) => r.status === 409)) {
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body.errors?.[0]?.path).toBe('/amount');
    }
    const booking = await fetch(`${baseUrl}/api/v1/bookings/${bookingId}`, {
      headers: { cookie },
    }).then((r) => r.json());
    expect(booking).toMatchObject({ status: 'paid', paid: 1000_00, balance: 0 });
    const rows = await database()
      .db.selectFrom('payments')
      .select('amount')
      .where('bookingId', '=', bookingId)
      .execute();
    expect(rows).toHaveLength(5);
  });

  it('shows the race exists without the lock: unlocked reads of one balance all pass', async () => {
    // The control: ten transactions read the balance at once without the row lock, as a
    // check-then-insert without FOR UPDATE would; every one of them sees the whole balance.
    const agency = await makeAgency(database());
    const hotel = await makeAccommodation(agency);
    const tour = await makeTour(agency, { accommodationId: hotel.id });
    const customer = await makePerson(agency);
    const [bookingId = ''] = await insertBookings(database(), agency, [
      { number: 'RACE-2', customerId: customer.id, productId: tour.id, total: 1000_00 },
    ]);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let seen = 0;
    const balances = Promise.all(
      Array.from({ length: 10 }, () =>
        database()
          .db.transaction()
          .execute(async (trx) => {
            const row = await trx
              .selectFrom('bookings')
              .select('total')
              .where('id', '=', bookingId)
              .executeTakeFirstOrThrow();
            seen += 1;
            if (seen === 10) release();
            await gate;
            return Number(row.total);
          }),
      ),
    );
    expect(await balances).toEqual(Array(10).fill(1000_00));
  });
});
