// Quotes through the API: priced from stored lists, rules and fees; inventory held until the
// quote expires; costs shown to staff only; nothing stored when the inventory says no.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeSeason,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { makeFlight } from '../../../../tests/helpers/transport-factories.ts';
import { availability, setCapacity, sweepExpiredHolds } from '../inventory/service.ts';
import { createChannelFee } from './channel-fees-service.ts';
import { createPriceList } from './price-lists-service.ts';
import { createPriceRule } from './price-rules-service.ts';
import { createQuote } from './quotes-service.ts';

describeEachDatabase('quotes', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let staff: string;
  let customer: string;
  let tourId: string;
  let double: string;
  let family: string;

  const stay = { from: '2030-07-06', to: '2030-07-13' };
  const quote = (cookie: string, body: object) =>
    app.inject({ method: 'POST', url: '/api/v1/quotes', headers: { cookie }, payload: body });

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${Date.now()}@quotes.test` },
        { role: 'customer', email: `customer-${Date.now()}@quotes.test` },
      ],
    });
    const users = await database()
      .db.selectFrom('users')
      .select(['email', 'role'])
      .where('agencyId', '=', agency.agencyId)
      .execute();
    staff = (await signIn(app, users.find((u) => u.role === 'agent')?.email ?? '')).cookie;
    customer = (await signIn(app, users.find((u) => u.role === 'customer')?.email ?? '')).cookie;

    const hotel = await makeAccommodation(agency);
    [double, family] = hotel.roomTypes.map((r) => r.id) as [string, string];
    const tour = await makeTour(agency, {
      accommodationId: hotel.id,
      mode: 'by_days',
      seasons: [makeSeason()],
    });
    tourId = tour.id;
    for (const [id, units] of [
      [double, 2],
      [family, 5],
    ] as const) {
      await setCapacity(agency.ctx, { kind: 'room_type', ownerId: id }, 'room', {
        from: '2030-07-01',
        to: '2030-07-31',
        kind: 'allotment',
        units,
      });
    }
    const row = (fields: object) => ({ period: 'july', basis: 'night', ...fields });
    await createPriceList(agency.ctx, {
      name: 'Crete July 2030',
      productKind: 'tour',
      productId: tourId,
      currency: 'EUR',
      costCurrency: 'EUR',
      periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
      childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
      rows: [
        row({ charge: 'person', roomTypeId: double, amount: 100_00, cost: 70_00 }),
        row({ charge: 'person', roomTypeId: family, amount: 80_00, cost: 60_00 }),
        row({ charge: 'person', childBand: 'child', percentOfAdult: '50' }),
      ],
      cancellation: [
        { daysBefore: 30, percent: '20' },
        { daysBefore: 0, percent: '100' },
      ],
    } as Parameters<typeof createPriceList>[1]);
    await createPriceRule(agency.ctx, {
      name: 'Early booking',
      kind: 'early_booking',
      minDaysBefore: 60,
      percent: '10',
      priority: 10,
      stackable: false,
    });
    await createChannelFee(agency.ctx, {
      name: 'Phone booking fee',
      channel: 'phone',
      kind: 'fee',
      amount: 15_00,
      currency: 'EUR',
    });
  });
  afterAll(() => app.close());

  it('prices a stay line by line, holds the room and shows staff the cost and margin', async () => {
    const response = await quote(staff, {
      productId: tourId,
      ...stay,
      party: { adults: 2, childAges: [] },
      rooms: [{ roomTypeId: double, adults: 2, childAges: [] }],
      channel: 'phone',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    // 2 adults × 7 nights × 100,00 = 1 400,00; early booking −10 % = −140,00; phone fee 15,00.
    expect(body.total).toBe(2 * 7 * 100_00 - 140_00 + 15_00);
    expect(body.lines.map((l: { kind: string }) => l.kind)).toEqual(['person', 'discount', 'fee']);
    expect(body.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0)).toBe(
      body.total,
    );
    // Cost 2 × 7 × 70,00 = 980,00; discount and fee cost nothing.
    expect(body.cost).toBe(2 * 7 * 70_00);
    expect(body.margin).toBe(body.total - 2 * 7 * 70_00);
    expect(body.cancellationPolicy.tiers).toEqual([
      { daysBefore: 30, percent: '20', fee: Math.round(body.total * 0.2) },
      { daysBefore: 0, percent: '100', fee: body.total },
    ]);
    expect(body.holdId).toEqual(expect.any(String));
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(25 * 60_000);

    const days = await availability(
      agency.ctx,
      { kind: 'room_type', ownerId: double },
      '2030-07-06',
      '2030-07-12',
    );
    expect(days.map((d) => d.held)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(
      (
        await availability(
          agency.ctx,
          { kind: 'room_type', ownerId: double },
          '2030-07-13',
          '2030-07-13',
        )
      )[0]?.held,
    ).toBe(0);

    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/quotes/${body.id}`,
      headers: { cookie: staff },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      id: body.id,
      total: body.total,
      lines: body.lines,
      expired: false,
    });
  });

  it('keeps costs, margins and commissions from customers, and phone quotes for staff', async () => {
    const response = await quote(customer, {
      productId: tourId,
      ...stay,
      party: { adults: 1, childAges: [8] },
      rooms: [{ roomTypeId: double, adults: 1, childAges: [8] }],
      channel: 'web',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).not.toHaveProperty('cost');
    expect(body).not.toHaveProperty('margin');
    for (const line of body.lines) expect(line).not.toHaveProperty('cost');
    // Adult 7 × 100,00 + child 50 % 7 × 50,00 = 1 050,00, −10 % early booking = 945,00.
    expect(body.total).toBe(7 * 100_00 + 7 * 50_00 - 105_00);

    const byPhone = await quote(customer, {
      productId: tourId,
      ...stay,
      party: { adults: 1, childAges: [] },
      channel: 'phone',
    });
    expect(byPhone.statusCode).toBe(400);
    expect(byPhone.json().errors[0].path).toBe('/channel');
  });

  it('answers 409 and stores nothing when the room is sold out', async () => {
    const before = await database()
      .db.selectFrom('quotes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agencyId', '=', agency.agencyId)
      .executeTakeFirstOrThrow();
    // Two quotes above hold both doubles for these nights.
    const response = await quote(staff, {
      productId: tourId,
      ...stay,
      party: { adults: 2, childAges: [] },
      rooms: [{ roomTypeId: double, adults: 2, childAges: [] }],
      channel: 'web',
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const after = await database()
      .db.selectFrom('quotes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agencyId', '=', agency.agencyId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('chooses the cheapest room that holds the party when no rooms are named', async () => {
    const response = await quote(staff, {
      productId: tourId,
      ...stay,
      party: { adults: 3, childAges: [] },
      channel: 'web',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    // Three adults fit only the family room: 3 × 7 × 80,00 = 1 680,00, −10 % = 1 512,00.
    expect(body.rooms).toEqual([{ roomTypeId: family, adults: 3, childAges: [] }]);
    expect(body.total).toBe(3 * 7 * 80_00 - 168_00);
  });

  it('releases the hold when the quote expires', async () => {
    const past = new Date(Date.now() - 2 * 60 * 60_000);
    const made = await createQuote(
      { ...agency.ctx, actor: { ...agency.ctx.actor, role: 'agent' } },
      {
        productId: tourId,
        from: '2030-07-20',
        to: '2030-07-23',
        party: { adults: 2, childAges: [] },
        channel: 'web',
        rooms: [{ roomTypeId: family, adults: 2, childAges: [] }],
      },
      past,
    );
    const held = async () =>
      (
        await availability(
          agency.ctx,
          { kind: 'room_type', ownerId: family },
          '2030-07-20',
          '2030-07-20',
        )
      )[0]?.held;
    // Expired, it no longer counts against availability even before the sweeper runs;
    // the sweeper then releases its take for good.
    expect(await held()).toBe(0);
    const take = () =>
      database()
        .db.selectFrom('inventoryTakes')
        .select('status')
        .where('id', '=', made.holdId as string)
        .executeTakeFirstOrThrow();
    expect((await take()).status).toBe('held');
    await sweepExpiredHolds(database().db);
    expect(await held()).toBe(0);
    expect((await take()).status).toBe('expired');
    const stored = await app.inject({
      method: 'GET',
      url: `/api/v1/quotes/${made.id}`,
      headers: { cookie: staff },
    });
    expect(stored.json().expired).toBe(true);
  });

  it('names the field and the reason of a request it cannot price', async () => {
    const cases: Array<[object, string, RegExp]> = [
      [{ to: undefined }, '/to', /required/],
      [{ party: { adults: 2, childAges: [14] } }, '/party/childAges/0', /over the child bands/],
      [{ currency: 'ABC' }, '/currency', /ISO 4217/],
      [
        {
          rooms: [{ roomTypeId: double, adults: 3, childAges: [] }],
          party: { adults: 3, childAges: [] },
        },
        '/rooms/0/adults',
        /at most 2 adults/,
      ],
      [{ from: '2030-08-06', to: '2030-08-10' }, '/from', /season/],
      [{ promoCode: 'NOSUCH' }, '/promoCode', /not a promo code/],
    ];
    for (const [change, path, reason] of cases) {
      const response = await quote(staff, {
        productId: tourId,
        ...stay,
        party: { adults: 2, childAges: [] },
        channel: 'web',
        ...change,
      });
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      const error = response.json().errors.find((e: { path: string }) => e.path === path);
      expect(error?.message, response.body).toMatch(reason);
    }
  });

  it('finds priced, available offers sorted by price', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/offers?destination=Hersonissos&from=2030-07-20&to=2030-07-27&adults=2&childAges=5`,
      headers: { cookie: staff },
    });
    expect(response.statusCode, response.body).toBe(200);
    const offers = response
      .json()
      .items.filter((o: { productId: string }) => o.productId === tourId);
    expect(offers).toHaveLength(1);
    // One offer per product, in its cheapest room: the double would be 2 × 7 × 100,00 +
    // 7 × 50,00 = 1 750,00 − 10 % = 1 575,00; the family room 2 × 7 × 80,00 + 7 × 40,00 =
    // 1 400,00 − 10 % = 1 260,00.
    expect(offers[0]).toMatchObject({ kind: 'stay', currency: 'EUR', total: 1_260_00, nights: 7 });
    const totals = response.json().items.map((o: { total: number }) => o.total);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => a - b));
  });

  it('sells a stay with the flights the customer picks, fares by class, seats held', async () => {
    const flight = await makeFlight(agency, {
      departures: [
        { date: '2030-07-06', seats: { Y: 150, J: 12 } },
        { date: '2030-07-13', seats: { Y: 150, J: 12 } },
      ],
    });
    const [out, back] = flight.departures.map((d) => d.id) as [string, string];
    await createPriceList(agency.ctx, {
      name: 'PRG–HER 2030',
      productKind: 'transport',
      productId: flight.id,
      currency: 'EUR',
      periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
      childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
      rows: [
        { period: 'july', charge: 'person', basis: 'stay', classCode: 'Y', amount: 180_00 },
        { period: 'july', charge: 'person', basis: 'stay', classCode: 'J', amount: 420_00 },
        {
          period: 'july',
          charge: 'person',
          basis: 'stay',
          childBand: 'child',
          percentOfAdult: '75',
        },
      ],
    } as Parameters<typeof createPriceList>[1]);
    const body = {
      productId: tourId,
      from: '2030-07-06',
      to: '2030-07-13',
      party: { adults: 2, childAges: [6] },
      rooms: [{ roomTypeId: family, adults: 2, childAges: [6] }],
      outboundDepartureId: out,
      returnDepartureId: back,
      classCode: 'Y',
      channel: 'web',
    };
    const response = await quote(staff, body);
    expect(response.statusCode, response.body).toBe(201);
    const made = response.json();
    // Stay: 2 × 7 × 80,00 + child 7 × 40,00 = 1 400,00; flights each way: 2 × 180,00 +
    // 135,00 (75 %) = 495,00, twice = 990,00; the early booking rule names no products, so it
    // is for every product: −10 % of the stay and the flights, of 2 390,00 = −239,00.
    expect(made.total).toBe(1_400_00 + 2 * 495_00 - 239_00);
    expect(
      made.lines
        .filter((l: { kind: string }) => l.kind === 'discount')
        .map((l: { amount: number }) => l.amount),
    ).toEqual([-239_00]);
    const transport = made.lines.filter((l: { kind: string }) => l.kind === 'transport');
    expect(transport.map((l: { from: string }) => l.from).sort()).toEqual([
      '2030-07-06',
      '2030-07-06',
      '2030-07-13',
      '2030-07-13',
    ]);
    const seats = await database()
      .db.selectFrom('inventoryTakeItems')
      .select(['quantity'])
      .where('takeId', '=', made.holdId)
      .where('resourceId', 'in', (eb) =>
        eb.selectFrom('inventoryResources').select('id').where('ownerId', 'in', [out, back]),
      )
      .execute();
    expect(seats.map((s) => s.quantity)).toEqual([3, 3]);

    const wrongDay = await quote(staff, { ...body, returnDepartureId: out });
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().errors[0]).toMatchObject({
      path: '/returnDepartureId',
      message: 'leaves on 2030-07-06, not on 2030-07-13',
    });
  });
});
