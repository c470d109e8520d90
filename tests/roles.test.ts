// S1: every outside role (partner, approver, customer) reaches only its own world. The table
// below is the decision, operation by operation: an operation of the OpenAPI document that is
// not listed for a role must answer 403 to it, so a new route is closed to outside roles until
// someone decides otherwise here (and in the README's roles table). The lists an outside role
// may read must return only its own rows, without costs, margins or internal notes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../src/server/context.ts';
import { createBooking } from '../src/server/modules/bookings/create-booking.ts';
import { outsideRoles, staffRoles } from '../src/server/modules/identity/roles.ts';
import { createOffer } from '../src/server/modules/offers/service.ts';
import { createQuote } from '../src/server/modules/pricing/quotes-service.ts';
import { insertBookings, makeBookableTour } from './helpers/booking-factories.ts';
import { makeCompany, makePerson } from './helpers/customer-factories.ts';
import { describeEachDatabase } from './helpers/database.ts';
import { makeAgency, makeTestApp, signIn, type TestAgency } from './helpers/factories.ts';

type OutsideRole = (typeof outsideRoles)[number];

/** What every signed-in user may do with their own account and notifications. */
const ownAccount = [
  'GET /api/v1/me',
  'PATCH /api/v1/me',
  'POST /api/v1/me/password',
  'GET /api/v1/api-tokens',
  'POST /api/v1/api-tokens',
  'GET /api/v1/api-tokens/{id}',
  'DELETE /api/v1/api-tokens/{id}',
  'GET /api/v1/notifications',
  'POST /api/v1/notifications/{id}/read',
  'POST /api/v1/notifications/read-all',
];

/** Reading the bookings one may see (scoped by the service, never the agency's all). */
const readOwnBookings = [
  'GET /api/v1/bookings',
  'GET /api/v1/bookings/export.csv',
  'POST /api/v1/bookings/export.csv',
  'GET /api/v1/bookings/{id}',
  'GET /api/v1/bookings/{id}/cancellation',
  'GET /api/v1/bookings/{id}/documents',
  'GET /api/v1/bookings/{id}/documents/contract.pdf',
  'GET /api/v1/bookings/{id}/documents/eticket.pdf',
  'GET /api/v1/bookings/{id}/documents/instructions.pdf',
  'GET /api/v1/bookings/{id}/documents/voucher.pdf',
  'GET /api/v1/bookings/{id}/payments',
];

/** Looking after a booking one made: changes, cancellation, travellers, paying. */
const keepOwnBookings = [
  'POST /api/v1/bookings/{id}/cancel',
  'POST /api/v1/bookings/{id}/changes',
  'POST /api/v1/bookings/{id}/changes/preview',
  'POST /api/v1/bookings/{id}/transitions',
  'PUT /api/v1/bookings/{id}/travellers',
  // Seats: read with the leg's map (no other names); chosen where the transport lets
  // customers choose (src/server/modules/seating/seats.test.ts).
  'GET /api/v1/bookings/{id}/seats',
  'POST /api/v1/bookings/{id}/seats',
  'POST /api/v1/bookings/{id}/payments/checkout',
  'POST /api/v1/payments/{id}/confirm',
];

/** The products a partner sells: what they are and whether they are free on a date. */
const productsForSale = [
  'GET /api/v1/accommodations',
  'GET /api/v1/accommodations/{id}',
  'GET /api/v1/room-types/{id}',
  'GET /api/v1/room-types/{id}/availability',
  'GET /api/v1/tours',
  'GET /api/v1/tours/{id}',
  'GET /api/v1/tours/{id}/availability',
  'POST /api/v1/tours/{id}/check-stay',
  'GET /api/v1/tour-departures/{id}',
  'GET /api/v1/tour-seasons/{id}',
  'GET /api/v1/transport',
  'GET /api/v1/transport/{id}',
  'GET /api/v1/transport-departures/{id}',
  'GET /api/v1/transport-departures/{id}/availability',
  'GET /api/v1/attractions',
  'GET /api/v1/attractions/{id}',
  'GET /api/v1/attractions/{id}/availability',
  'GET /api/v1/ticket-types/{id}',
  'GET /api/v1/extra-services',
  'GET /api/v1/extra-services/{id}',
  'GET /api/v1/extra-services/{id}/availability',
  'GET /api/v1/search',
  'GET /api/v1/offers',
  'POST /api/v1/quotes',
  'GET /api/v1/quotes/{id}',
  'POST /api/v1/bookings',
];

/** The customer portal's own signed-in pages. */
const portalAccount = [
  'GET /api/v1/portal/{agency}/bookings',
  'GET /api/v1/portal/{agency}/bookings/{id}',
  'PUT /api/v1/portal/{agency}/bookings/{id}/travellers',
];

/** The sales report of a partner's own offers' bookings (no cost columns). */
const ownSales = [
  'GET /api/v1/reports/sales',
  'GET /api/v1/reports/sales.csv',
  'GET /api/v1/reports/sales.xlsx',
];

export const outsideAccess: Record<OutsideRole, readonly string[]> = {
  partner: [...ownAccount, ...readOwnBookings, ...keepOwnBookings, ...productsForSale, ...ownSales],
  approver: [
    ...ownAccount,
    ...readOwnBookings,
    'GET /api/v1/approvals',
    'POST /api/v1/bookings/{id}/approval',
  ],
  customer: [
    ...ownAccount,
    ...readOwnBookings,
    ...keepOwnBookings,
    ...portalAccount,
    // A customer may book through the API too, for themselves only (the service checks).
    'GET /api/v1/offers',
    'POST /api/v1/quotes',
    'GET /api/v1/quotes/{id}',
    'POST /api/v1/bookings',
  ],
};

const uuid = '00000000-0000-4000-8000-000000000000';
const money = ['cost', 'margin', 'listTotal', 'commission', 'priceOverride'];

describeEachDatabase('outside roles', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  const cookies = {} as Record<OutsideRole, string>;
  const users = {} as Record<OutsideRole, string>;
  let publicOperations: Set<string>;
  let operations: string[];
  const bookings = {} as Record<'ofCompany' | 'ofOther' | 'ofOffer' | 'ofCustomer', string>;
  let otherCustomerId = '';

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const emails: Record<OutsideRole, string> = {
      partner: `partner-${stamp}@example.test`,
      approver: `approver-${stamp}@example.test`,
      customer: `customer-${stamp}@example.test`,
    };
    agency = await makeAgency(database(), {
      users: outsideRoles.map((role) => ({ role, email: emails[role] })),
    });
    for (const role of outsideRoles) {
      const signed = await signIn(app, emails[role]);
      cookies[role] = signed.cookie;
      users[role] = signed.user.id;
    }
    const company = await makeCompany(agency);
    const employee = await makePerson(agency, { companyId: company.id });
    const other = await makePerson(agency, { email: `other-${stamp}@example.test` });
    otherCustomerId = other.id;
    const self = await makePerson(agency, { email: emails.customer });
    await database()
      .db.insertInto('customerApprovers')
      .values({ agencyId: agency.agencyId, customerId: company.id, userId: users.approver })
      .execute();
    const offer = await createOffer(agency.ctx, {
      code: `P-${stamp}`,
      name: 'Partner deal',
      partnerUserId: users.partner,
    });
    const { tourId } = await makeBookableTour(agency);
    const [ofCompany = '', ofOther = '', ofOffer = '', ofCustomer = ''] = await insertBookings(
      database(),
      agency,
      [
        { number: `R${stamp}1`, customerId: employee.id, productId: tourId, cost: 500_00 },
        { number: `R${stamp}2`, customerId: other.id, productId: tourId, cost: 500_00 },
        {
          number: `R${stamp}3`,
          customerId: other.id,
          productId: tourId,
          offerId: offer.id,
          createdBy: users.partner,
        },
        { number: `R${stamp}4`, customerId: self.id, productId: tourId, createdBy: users.customer },
      ],
    );
    Object.assign(bookings, { ofCompany, ofOther, ofOffer, ofCustomer });

    publicOperations = new Set(
      app.routeAccess
        .filter((route) => route.access === 'public')
        .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    operations = Object.entries(document.paths as Record<string, object>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  function send(role: OutsideRole, operation: string) {
    const [method = 'GET', path = '/'] = operation.split(' ');
    const url = path.replace('{agency}', agency.slug).replace(/\{\w+\}/g, uuid);
    const write = method !== 'GET' && method !== 'DELETE';
    return app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: cookies[role] },
      ...(write ? { payload: {} } : {}),
    });
  }

  it('decides every operation: the table names only operations that exist', () => {
    const known = new Set(operations);
    for (const role of outsideRoles) {
      for (const operation of outsideAccess[role]) expect(known, operation).toContain(operation);
    }
    expect(operations.length).toBeGreaterThan(150);
  });

  for (const role of outsideRoles) {
    it(`answers 403 to a ${role} on every operation outside its table`, async () => {
      const allowed = new Set(outsideAccess[role]);
      const reached: string[] = [];
      const refused: string[] = [];
      for (const operation of operations) {
        if (!operation.includes('/api/v1/') || publicOperations.has(operation)) continue;
        const response = await send(role, operation);
        if (allowed.has(operation)) {
          if (response.statusCode === 403) refused.push(operation);
        } else if (response.statusCode !== 403) {
          reached.push(`${operation} → ${response.statusCode}`);
        } else {
          expect(response.headers['content-type']).toContain('application/problem+json');
        }
      }
      expect(reached, `${role} reaches beyond its table`).toEqual([]);
      expect(refused, `${role} is refused what its table allows`).toEqual([]);
    });
  }

  async function listed(role: OutsideRole) {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/bookings?limit=100',
      headers: { cookie: cookies[role] },
    });
    expect(response.statusCode).toBe(200);
    return response.json().items as Array<Record<string, unknown>>;
  }

  it('lists to each outside role only its own bookings, without costs or margins', async () => {
    const expected: Record<OutsideRole, string[]> = {
      approver: [bookings.ofCompany],
      partner: [bookings.ofOffer],
      customer: [bookings.ofCustomer],
    };
    for (const role of outsideRoles) {
      const items = await listed(role);
      expect(items.map((item) => item.id).sort(), role).toEqual(expected[role]);
      for (const item of items) for (const key of money) expect(item, role).not.toHaveProperty(key);
    }
  });

  it('answers 404 to an outside role for a booking outside its world, and hides money', async () => {
    const outsiders: Array<[OutsideRole, string, string]> = [
      ['approver', bookings.ofCompany, bookings.ofOther],
      ['partner', bookings.ofOffer, bookings.ofCompany],
      ['customer', bookings.ofCustomer, bookings.ofOffer],
    ];
    for (const [role, own, foreign] of outsiders) {
      const mine = await app.inject({
        method: 'GET',
        url: `/api/v1/bookings/${own}`,
        headers: { cookie: cookies[role] },
      });
      expect(mine.statusCode, role).toBe(200);
      for (const key of money) expect(mine.json(), role).not.toHaveProperty(key);
      expect(mine.json().notes, role).toBeNull();
      const theirs = await app.inject({
        method: 'GET',
        url: `/api/v1/bookings/${foreign}`,
        headers: { cookie: cookies[role] },
      });
      expect(theirs.statusCode, role).toBe(404);
    }
  });

  it("reports to a partner the sales of its own offers' bookings only, without cost", async () => {
    // Four bookings of 1 000,00 made today; one of them under the partner's offer.
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/sales?period=none&by=customer',
      headers: { cookie: cookies.partner },
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.rows).toEqual([
      expect.objectContaining({ customerId: otherCustomerId, bookings: 1, revenue: 1000_00 }),
    ]);
    expect(report.totals).toMatchObject({ bookings: 1, revenue: 1000_00 });
    for (const key of ['cost', 'margin', 'marginPct']) {
      expect(report.totals).not.toHaveProperty(key);
      expect(report.columns.map((c: { key: string }) => c.key)).not.toContain(key);
    }
    // Staff read all four.
    const staff = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/sales?period=none',
      headers: { cookie: (await signIn(app, agency.adminEmail)).cookie },
    });
    expect(staff.json().totals).toMatchObject({ bookings: 4, revenue: 4000_00 });
  });

  it("exports to an approver only its companies' bookings, without cost columns", async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/bookings/export.csv',
      headers: { cookie: cookies.approver },
    });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const numbers = [...body.matchAll(/R\d+[1-4]/g)].map((m) => m[0]);
    expect(numbers.length).toBe(1);
    expect(numbers[0]?.endsWith('1')).toBe(true);
    expect(body.split('\n')[0]?.toLowerCase()).not.toMatch(/cost|margin/);
  });

  describe('booking for someone else', () => {
    function actorCtx(role: OutsideRole): Ctx {
      const id = users[role];
      return { ...agency.ctx, actor: { type: 'user', id, userId: id, name: role, role } };
    }

    it("refuses a customer's booking for another customer, or a new one under another e-mail", async () => {
      const { tourId, roomTypeId } = await makeBookableTour(agency);
      const ctx = actorCtx('customer');
      const ask = {
        productId: tourId,
        from: '2030-07-06',
        to: '2030-07-09',
        party: { adults: 1, childAges: [] },
        rooms: [{ roomTypeId, adults: 1, childAges: [] }],
        channel: 'web',
      };
      const quote = await createQuote(ctx, ask as never);
      const travellers = [{ firstName: 'Eva', lastName: 'Nová', birthDate: '1990-01-01' }];
      await expect(
        createBooking(ctx, { quoteId: quote.id, customerId: otherCustomerId, travellers }),
      ).rejects.toMatchObject({ errors: [{ path: '/customerId' }] });
      await expect(
        createBooking(ctx, {
          quoteId: quote.id,
          customer: {
            kind: 'person',
            firstName: 'Someone',
            lastName: 'Else',
            email: 'someone.else@example.test',
          },
          travellers,
        }),
      ).rejects.toMatchObject({ errors: [{ path: '/customer/email' }] });
      const written = await database()
        .db.selectFrom('bookings')
        .select('id')
        .where('quoteId', '=', quote.id)
        .execute();
      expect(written).toEqual([]);
    });

    it("refuses a partner's booking for a customer it has never booked for", async () => {
      const { tourId, roomTypeId } = await makeBookableTour(agency);
      const ctx = actorCtx('partner');
      const quote = await createQuote(ctx, {
        productId: tourId,
        from: '2030-07-06',
        to: '2030-07-09',
        party: { adults: 1, childAges: [] },
        rooms: [{ roomTypeId, adults: 1, childAges: [] }],
        channel: 'marketplace',
      } as never);
      await expect(
        createBooking(ctx, {
          quoteId: quote.id,
          customerId: (await makePerson(agency)).id,
          travellers: [{ firstName: 'Eva', lastName: 'Nová', birthDate: '1990-01-01' }],
        }),
      ).rejects.toMatchObject({ errors: [{ path: '/customerId' }] });
    });
  });

  it('keeps staff roles and outside roles apart', () => {
    for (const role of outsideRoles) expect(staffRoles as readonly string[]).not.toContain(role);
  });
});
