// Bookings through the API: made from a quote in one transaction (travellers, customer, the
// hold made firm, a gapless number), idempotent, never half-written; moved by the state
// machine.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeSeason,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { availability, setCapacity, sweepExpiredHolds } from '../inventory/service.ts';
import { createPriceList } from '../pricing/price-lists-service.ts';
import { createQuote } from '../pricing/quotes-service.ts';

describeEachDatabase('bookings', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agent: string;
  let customerUser: string;
  let tourId: string;
  let double: string;
  let customerId: string;
  const year = new Date().getUTCFullYear();

  const call = (
    cookie: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers = {},
  ) =>
    app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const quote = async (cookie: string, more: object = {}) => {
    const response = await call(cookie, 'POST', '/api/v1/quotes', {
      productId: tourId,
      from: '2030-07-06',
      to: '2030-07-13',
      party: { adults: 2, childAges: [6] },
      rooms: [{ roomTypeId: double, adults: 2, childAges: [6] }],
      channel: 'phone',
      ...more,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const travellers = [
    {
      firstName: 'Jana',
      lastName: 'Nováková',
      birthDate: '1985-03-12',
      email: 'jana@example.test',
    },
    { firstName: 'Petr', lastName: 'Novák', birthDate: '1984-01-30' },
    { firstName: 'Eliška', lastName: 'Nováková', birthDate: '2023-09-01' },
  ];
  const countBookings = async () =>
    Number(
      (
        await database()
          .db.selectFrom('bookings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agencyId', '=', agency.agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const heldAndSold = async () => {
    const [day] = await availability(
      agency.ctx,
      { kind: 'room_type', ownerId: double },
      '2030-07-06',
      '2030-07-06',
    );
    return { held: day?.held, sold: day?.sold };
  };

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${stamp}@bookings.test` },
        { role: 'customer', email: `customer-${stamp}@bookings.test` },
      ],
    });
    agent = (await signIn(app, `agent-${stamp}@bookings.test`)).cookie;
    customerUser = (await signIn(app, `customer-${stamp}@bookings.test`)).cookie;
    const hotel = await makeAccommodation(agency);
    double = hotel.roomTypes[0]?.id ?? '';
    tourId = (
      await makeTour(agency, {
        accommodationId: hotel.id,
        mode: 'by_days',
        seasons: [makeSeason()],
      })
    ).id;
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
      from: '2030-07-01',
      to: '2030-07-31',
      kind: 'allotment',
      units: 10,
    });
    await createPriceList(agency.ctx, {
      name: 'July',
      productKind: 'tour',
      productId: tourId,
      currency: 'EUR',
      periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
      childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
      rows: [
        { period: 'july', charge: 'person', basis: 'night', amount: 100_00, cost: 70_00 },
        {
          period: 'july',
          charge: 'person',
          basis: 'night',
          childBand: 'child',
          percentOfAdult: '50',
        },
      ],
      costCurrency: 'EUR',
    } as Parameters<typeof createPriceList>[1]);
    // The customer user's own record: a customer books only for themselves.
    customerId = (await makePerson(agency, { email: `customer-${stamp}@bookings.test` })).id;
  });
  afterAll(() => app.close());

  it('books a quote: numbered, its hold made firm, lines and travellers kept', async () => {
    const q = await quote(agent);
    expect(await heldAndSold()).toEqual({ held: 1, sold: 0 });
    const response = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: q.id,
      customerId,
      travellers,
    });
    expect(response.statusCode, response.body).toBe(201);
    const booking = response.json();
    expect(booking.number).toBe(`${year}-000001`);
    expect(booking.status).toBe('internal_reservation');
    expect(booking.channel).toBe('phone');
    // 2 adults × 7 nights × 100,00 + child 7 × 50,00 = 1 750,00.
    expect(booking.total).toBe(2 * 7 * 100_00 + 7 * 50_00);
    expect(booking.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0)).toBe(
      booking.total,
    );
    expect(booking.travellers.map((t: { child: boolean }) => t.child)).toEqual([
      false,
      false,
      true,
    ]);
    expect(booking.transitions).toEqual(['checked', 'cancelled']);
    expect(booking.history.map((h: { action: string }) => h.action)).toEqual(['booking.created']);
    expect(await heldAndSold()).toEqual({ held: 0, sold: 1 });

    const again = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: q.id,
      customerId,
      travellers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toEqual({
      path: '/quoteId',
      message: `was booked already as ${year}-000001`,
    });
  });

  it('answers a retry with the same Idempotency-Key with the same booking, numbered once', async () => {
    const q = await quote(agent);
    const body = { quoteId: q.id, customerId, travellers };
    const headers = { 'idempotency-key': `book-${q.id}` };
    const first = await call(agent, 'POST', '/api/v1/bookings', body, headers);
    const retry = await call(agent, 'POST', '/api/v1/bookings', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(first.json().number).toBe(`${year}-000002`);
  });

  it('writes nothing and keeps the hold when the travellers do not match the quote', async () => {
    const q = await quote(agent);
    const before = await countBookings();
    const wrong = [travellers[0], travellers[1], { ...travellers[2], birthDate: '2020-01-01' }];
    const response = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: q.id,
      customerId,
      travellers: wrong,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('/travellers');
    expect(await countBookings()).toBe(before);
    const hold = await database()
      .db.selectFrom('inventoryTakes')
      .select('status')
      .where('id', '=', q.holdId)
      .executeTakeFirstOrThrow();
    expect(hold.status).toBe('held');
    // The next booking still gets the next number: a refused one used none.
    const ok = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: q.id,
      customerId,
      travellers,
    });
    expect(ok.json().number).toBe(`${year}-000003`);
  });

  it('lets an agent override the price with a reason, and no customer', async () => {
    const q = await quote(agent);
    const override = { total: 1_600_00, reason: 'regular client, agreed by phone' };
    const response = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: q.id,
      customerId,
      travellers,
      priceOverride: override,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ total: 1_600_00, listTotal: 1_750_00 });
    expect(response.json().history[0].detail.priceOverride).toMatchObject(override);

    const own = await quote(customerUser, { channel: 'web' });
    const refused = await call(customerUser, 'POST', '/api/v1/bookings', {
      quoteId: own.id,
      customerId,
      travellers,
      priceOverride: override,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('/priceOverride');
    const web = await call(customerUser, 'POST', '/api/v1/bookings', {
      quoteId: own.id,
      customerId,
      travellers,
    });
    expect(web.statusCode, web.body).toBe(201);
    expect(web.json()).toMatchObject({ status: 'web_reservation', online: true });
    expect(web.json()).not.toHaveProperty('cost');
    // A customer sees only their own bookings.
    const other = await call(customerUser, 'GET', `/api/v1/bookings/${response.json().id}`);
    expect(other.statusCode).toBe(404);
    const moveOther = await call(
      customerUser,
      'POST',
      `/api/v1/bookings/${response.json().id}/transitions`,
      {
        to: 'checked',
      },
    );
    expect(moveOther.statusCode).toBe(404);
  });

  it('moves a booking as the state machine allows, and refuses the rest with 409', async () => {
    const q = await quote(agent);
    const made = (
      await call(agent, 'POST', '/api/v1/bookings', { quoteId: q.id, customerId, travellers })
    ).json();
    const move = (to: string) =>
      call(agent, 'POST', `/api/v1/bookings/${made.id}/transitions`, { to });
    expect((await move('ordered')).statusCode).toBe(409);
    for (const to of ['checked', 'ordered', 'confirmed']) {
      const response = await move(to);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(to);
    }
    const paid = await move('paid');
    expect(paid.statusCode).toBe(403);
    const history = (await call(agent, 'GET', `/api/v1/bookings/${made.id}`)).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'booking.created',
      'booking.status_changed',
      'booking.status_changed',
      'booking.status_changed',
    ]);
  });

  it('takes the places afresh when the quote has expired, and says so when they are gone', async () => {
    const staffCtx = { ...agency.ctx, actor: { ...agency.ctx.actor, role: 'agent' as const } };
    const ask = {
      productId: tourId,
      from: '2030-07-20',
      to: '2030-07-23',
      party: { adults: 2, childAges: [6] },
      rooms: [{ roomTypeId: double, adults: 2, childAges: [6] }],
      channel: 'phone' as const,
    };
    const stale = await createQuote(staffCtx, ask, new Date(Date.now() - 2 * 60 * 60_000));
    const response = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: stale.id,
      customerId,
      travellers,
    });
    expect(response.statusCode, response.body).toBe(201);
    const [day] = await availability(
      agency.ctx,
      { kind: 'room_type', ownerId: double },
      '2030-07-20',
      '2030-07-20',
    );
    expect(day).toMatchObject({ held: 0, sold: 1 });

    // Another stale quote, swept; meanwhile the allotment shrinks to the one room sold.
    const gone = await createQuote(staffCtx, ask, new Date(Date.now() - 2 * 60 * 60_000));
    await sweepExpiredHolds(database().db);
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
      from: '2030-07-20',
      to: '2030-07-22',
      kind: 'allotment',
      units: 1,
    });
    const refused = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: gone.id,
      customerId,
      travellers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({ path: '/quoteId' });
  });

  it('marks lines of on-request rooms as waiting for the supplier, and cannot confirm them', async () => {
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
      from: '2030-07-25',
      to: '2030-07-27',
      kind: 'on_request',
      units: 5,
    });
    const q = await quote(agent, { from: '2030-07-25', to: '2030-07-28' });
    expect(q.onRequest).toBe(true);
    const made = await call(agent, 'POST', '/api/v1/bookings', {
      quoteId: q.id,
      customerId,
      travellers,
    });
    expect(made.statusCode, made.body).toBe(201);
    const statuses = made.json().lines.map((l: { supplierStatus: string }) => l.supplierStatus);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s: string) => s === 'requested')).toBe(true);
    for (const to of ['checked', 'ordered']) {
      await call(agent, 'POST', `/api/v1/bookings/${made.json().id}/transitions`, { to });
    }
    const confirm = await call(agent, 'POST', `/api/v1/bookings/${made.json().id}/transitions`, {
      to: 'confirmed',
    });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().detail).toMatch(/wait for the supplier's answer/);
  });
});
