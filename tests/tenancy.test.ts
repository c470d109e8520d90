// S4: a user of one agency can never read or change another agency's rows: every id of
// agency B answers 404 to agency A, exactly like an id that does not exist.
// Later modules add their tables' endpoints to `probes`.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, todayUtc } from '../src/server/calendar.ts';
import { newId } from '../src/server/db/ids.ts';
import { json } from '../src/server/db/json.ts';
import { createPool } from '../src/server/modules/inventory/pools-service.ts';
import * as inventory from '../src/server/modules/inventory/service.ts';
import { createOffer } from '../src/server/modules/offers/service.ts';
import { createChannelFee } from '../src/server/modules/pricing/channel-fees-service.ts';
import { createPriceList } from '../src/server/modules/pricing/price-lists-service.ts';
import { createPriceRule } from '../src/server/modules/pricing/price-rules-service.ts';
import { createPromoCode } from '../src/server/modules/pricing/promo-codes-service.ts';
import { insertBookings } from './helpers/booking-factories.ts';
import { makeAccommodation, makeSupplier, makeTour } from './helpers/catalog-factories.ts';
import { makeCompany, makePerson } from './helpers/customer-factories.ts';
import { describeEachDatabase } from './helpers/database.ts';
import { makeAgency, makeTestApp, signIn, type TestAgency } from './helpers/factories.ts';
import { insertRoomType, insertTour } from './helpers/inventory-fixtures.ts';
import { invoiceBooking, setInvoicing } from './helpers/invoice-factories.ts';
import { makeAttraction, makeBus, makeExtraService } from './helpers/transport-factories.ts';

describeEachDatabase('tenant isolation', (database) => {
  let app: FastifyInstance;
  let agencyA: TestAgency;
  let agencyB: TestAgency;
  let cookieA: string;
  let idsOfB: { userId: string; tokenId: string; token: string };
  let catalogOfB: Record<string, string>;
  let customersOfB: { companyId: string; personId: string };
  let bookingOfB = '';
  let offerOfB = '';
  let invoiceOfB = '';
  let pricingOfB: {
    priceListId: string;
    ruleId: string;
    promoId: string;
    feeId: string;
    quoteId: string;
  };
  const soon = addDays(todayUtc(), 30);

  beforeAll(async () => {
    app = await makeTestApp(database());
    agencyA = await makeAgency(database());
    agencyB = await makeAgency(database(), { users: [{ role: 'agent' }] });
    cookieA = (await signIn(app, agencyA.adminEmail)).cookie;
    const b = await signIn(app, agencyB.adminEmail);
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: b.cookie },
      payload: { name: 'B integration' },
    });
    idsOfB = { userId: b.user.id, tokenId: token.json().id, token: token.json().token };

    const { roomTypeId, accommodationId } = await insertRoomType(agencyB.ctx);
    await inventory.setCapacity(agencyB.ctx, { kind: 'room_type', ownerId: roomTypeId }, 'B room', {
      from: soon,
      to: addDays(soon, 3),
      kind: 'allotment',
      units: 3,
    });
    const tourId = await insertTour(agencyB.ctx, accommodationId);
    const pool = await createPool(agencyB.ctx, {
      name: 'B pool',
      capacity: 5,
      members: [{ kind: 'room_type', id: roomTypeId }],
    });
    const held = await inventory.hold(agencyB.ctx, {
      components: [
        { type: 'room', roomTypeId, checkIn: soon, checkOut: addDays(soon, 2), quantity: 1 },
      ],
      minutes: 30,
    });
    const [resource] = await inventory.listResourcesOf(agencyB.ctx, roomTypeId);
    const bus = await makeBus(agencyB);
    const attraction = await makeAttraction(agencyB);
    const service = await makeExtraService(agencyB, {}, { from: soon, to: soon, units: 4 });
    const supplier = await makeSupplier(agencyB);
    const hotel = await makeAccommodation(agencyB);
    const fixedTour = await makeTour(agencyB, { accommodationId: hotel.id });
    const byDaysTour = await makeTour(agencyB, { accommodationId: hotel.id, mode: 'by_days' });
    const companyOfB = await makeCompany(agencyB);
    const personOfB = await makePerson(agencyB, { companyId: companyOfB.id });
    customersOfB = { companyId: companyOfB.id, personId: personOfB.id };
    [bookingOfB = ''] = await insertBookings(database(), agencyB, [
      {
        number: '2030-000001',
        customerId: personOfB.id,
        productId: fixedTour.id,
        pnr: 'BPNR01',
        travellers: [{ firstName: 'Jan', lastName: 'Dvořák' }],
      },
    ]);
    offerOfB = (await createOffer(agencyB.ctx, { code: 'B-DEAL', name: 'B deal' })).id;
    await setInvoicing(agencyB);
    invoiceOfB = (
      await invoiceBooking(database(), agencyB, {
        id: bookingOfB,
        productId: fixedTour.id,
        amount: 1000_00,
      })
    ).id;
    const priceList = await createPriceList(agencyB.ctx, {
      name: 'B prices',
      productKind: 'tour',
      productId: fixedTour.id,
      currency: 'EUR',
      periods: [{ code: 'all', name: '2030', from: '2030-01-01', to: '2030-12-31' }],
      rows: [{ period: 'all', charge: 'person', basis: 'night', amount: 10000 }],
    });
    const rule = await createPriceRule(agencyB.ctx, {
      name: 'B code',
      kind: 'promo_code',
      percent: '10',
    });
    const promo = await createPromoCode(agencyB.ctx, { code: 'B-ONLY', ruleId: rule.id });
    const fee = await createChannelFee(agencyB.ctx, {
      name: 'B phone fee',
      channel: 'phone',
      kind: 'fee',
      percent: '2',
    });
    // A stored quote of B's, written as the quote service stores one.
    const quoteId = newId();
    await database()
      .db.insertInto('quotes')
      .values({
        id: quoteId,
        agencyId: agencyB.agencyId,
        productKind: 'tour',
        productId: fixedTour.id,
        channel: 'web',
        currency: 'EUR',
        request: json({ party: { adults: 1, childAges: [] }, rooms: [], ratePlan: 'flexible' }),
        lines: json([]),
        total: 0,
        cancellationPolicy: json({ nonRefundable: false, tiers: [] }),
        rates: json([]),
        priceListIds: json([priceList.id]),
        startDate: '2030-07-06',
        endDate: '2030-07-13',
        expiresAt: new Date(Date.now() + 60_000),
      })
      .execute();
    pricingOfB = {
      priceListId: priceList.id,
      ruleId: rule.id,
      promoId: promo.id,
      feeId: fee.id,
      quoteId,
    };
    catalogOfB = {
      supplierId: supplier.id,
      accommodationId: hotel.id,
      hotelRoomTypeId: hotel.roomTypes[0]?.id ?? '',
      fixedTourId: fixedTour.id,
      byDaysTourId: byDaysTour.id,
      tourDepartureId: fixedTour.departures[0]?.id ?? '',
      seasonId: byDaysTour.seasons[0]?.id ?? '',
      roomTypeId,
      tourId,
      poolId: pool.id,
      takeId: held.id,
      resourceId: resource?.id ?? '',
      transportId: bus.id,
      departureId: bus.departures[0]?.id ?? '',
      attractionId: attraction.id,
      ticketTypeId: attraction.ticketTypes[0]?.id ?? '',
      serviceId: service.id,
    };
  });
  afterAll(async () => {
    await app.close();
  });

  const probes = () => [
    { method: 'GET' as const, url: `/api/v1/users/${idsOfB.userId}` },
    {
      method: 'PATCH' as const,
      url: `/api/v1/users/${idsOfB.userId}`,
      payload: { name: 'hijacked' },
    },
    { method: 'GET' as const, url: `/api/v1/api-tokens/${idsOfB.tokenId}` },
    { method: 'DELETE' as const, url: `/api/v1/api-tokens/${idsOfB.tokenId}` },
    ...inventoryProbes(),
    ...transportProbes(),
    ...productProbes(),
    ...pricingProbes(),
    ...customerProbes(),
    ...bookingProbes(),
    ...invoiceProbes(),
    ...portalProbes(),
  ];

  // The portal acts for the agency of its URL: agency A's portal knows none of B's products or
  // quotes. (A customer's own routes answer a customer of another agency 401: see the portal's
  // tests.)
  const portalProbes = () => {
    const portal = `/api/v1/portal/${agencyA.slug}`;
    const { byDaysTourId, fixedTourId } = catalogOfB;
    return [
      { method: 'GET' as const, url: `${portal}/products/${byDaysTourId}` },
      { method: 'GET' as const, url: `${portal}/products/${fixedTourId}?lang=cs` },
      {
        method: 'GET' as const,
        url: `${portal}/products/${byDaysTourId}/calendar?month=${soon.slice(0, 7)}&adults=2`,
      },
      { method: 'GET' as const, url: `${portal}/quotes/${pricingOfB.quoteId}` },
    ];
  };

  const invoiceProbes = () => [
    { method: 'GET' as const, url: `/api/v1/invoices/${invoiceOfB}` },
    { method: 'GET' as const, url: `/api/v1/invoices/${invoiceOfB}.xml` },
    {
      method: 'POST' as const,
      url: `/api/v1/invoices/${invoiceOfB}/credit-notes`,
      payload: { reason: 'hijacked' },
    },
    { method: 'POST' as const, url: `/api/v1/bookings/${bookingOfB}/invoices` },
  ];

  const bookingProbes = () => {
    const booking = `/api/v1/bookings/${bookingOfB}`;
    const someAction = '00000000-0000-4000-8000-000000000001';
    return [
      { method: 'GET' as const, url: booking },
      { method: 'POST' as const, url: `${booking}/transitions`, payload: { to: 'checked' } },
      { method: 'GET' as const, url: `${booking}/payments` },
      {
        method: 'POST' as const,
        url: `${booking}/payments`,
        payload: { amount: 100, method: 'cash' },
      },
      { method: 'POST' as const, url: `${booking}/payments/checkout`, payload: { amount: 100 } },
      { method: 'POST' as const, url: `${booking}/required-actions/${someAction}/done` },
      { method: 'POST' as const, url: `${booking}/approval`, payload: { decision: 'approve' } },
      {
        method: 'POST' as const,
        url: `${booking}/lines/0/supplier-answer`,
        payload: { answer: 'confirmed' },
      },
      { method: 'GET' as const, url: `/api/v1/promotions/${offerOfB}` },
      { method: 'PATCH' as const, url: `/api/v1/promotions/${offerOfB}`, payload: { name: 'x' } },
      { method: 'POST' as const, url: `/api/v1/promotions/${offerOfB}/archive` },
      { method: 'GET' as const, url: `${booking}/documents` },
      { method: 'GET' as const, url: `${booking}/documents/voucher.pdf` },
      { method: 'GET' as const, url: `${booking}/documents/contract.pdf?locale=zh` },
      { method: 'GET' as const, url: `${booking}/documents/eticket.pdf` },
      { method: 'POST' as const, url: `${booking}/documents/send`, payload: {} },
    ];
  };

  const customerProbes = () => {
    const { companyId, personId } = customersOfB;
    return [
      { method: 'GET' as const, url: `/api/v1/customers/${companyId}` },
      { method: 'GET' as const, url: `/api/v1/customers/${personId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/customers/${personId}`,
        payload: { lastName: 'Hijacked' },
      },
      {
        method: 'PATCH' as const,
        url: `/api/v1/customers/${companyId}`,
        payload: { travelPolicy: null },
      },
      { method: 'POST' as const, url: `/api/v1/customers/${personId}/archive` },
      { method: 'POST' as const, url: `/api/v1/customers/${companyId}/restore` },
      {
        method: 'PUT' as const,
        url: `/api/v1/customers/${companyId}/approvers`,
        payload: { userIds: [] },
      },
    ];
  };

  const pricingProbes = () => {
    const { priceListId, ruleId, promoId, feeId, quoteId } = pricingOfB;
    const rows = { rows: [{ period: 'all', charge: 'person', basis: 'night', amount: 1 }] };
    return [
      { method: 'GET' as const, url: `/api/v1/price-lists/${priceListId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/price-lists/${priceListId}`,
        payload: { name: 'x' },
      },
      { method: 'PUT' as const, url: `/api/v1/price-lists/${priceListId}/rows`, payload: rows },
      { method: 'PATCH' as const, url: `/api/v1/price-lists/${priceListId}/rows`, payload: rows },
      { method: 'POST' as const, url: `/api/v1/price-lists/${priceListId}/archive` },
      { method: 'GET' as const, url: `/api/v1/quotes/${quoteId}` },
      { method: 'GET' as const, url: `/api/v1/price-rules/${ruleId}` },
      { method: 'PATCH' as const, url: `/api/v1/price-rules/${ruleId}`, payload: { name: 'x' } },
      { method: 'POST' as const, url: `/api/v1/price-rules/${ruleId}/archive` },
      { method: 'GET' as const, url: '/api/v1/promo-codes/B-ONLY' },
      { method: 'PATCH' as const, url: '/api/v1/promo-codes/B-ONLY', payload: { maxUses: 1 } },
      { method: 'POST' as const, url: `/api/v1/promo-codes/${promoId}/archive` },
      { method: 'GET' as const, url: `/api/v1/channel-fees/${feeId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/channel-fees/${feeId}`,
        payload: { percent: '50' },
      },
      { method: 'POST' as const, url: `/api/v1/channel-fees/${feeId}/archive` },
    ];
  };

  const productProbes = () => {
    const b = catalogOfB;
    return [
      { method: 'GET' as const, url: `/api/v1/suppliers/${b.supplierId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/suppliers/${b.supplierId}`,
        payload: { name: 'x' },
      },
      { method: 'POST' as const, url: `/api/v1/suppliers/${b.supplierId}/archive` },
      { method: 'GET' as const, url: `/api/v1/accommodations/${b.accommodationId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/accommodations/${b.accommodationId}`,
        payload: { name: 'x' },
      },
      { method: 'POST' as const, url: `/api/v1/accommodations/${b.accommodationId}/archive` },
      {
        method: 'POST' as const,
        url: `/api/v1/accommodations/${b.accommodationId}/room-types`,
        payload: { code: 'NEW', name: { en: 'x' }, maxAdults: 1, standardBeds: 1 },
      },
      { method: 'GET' as const, url: `/api/v1/room-types/${b.hotelRoomTypeId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/room-types/${b.hotelRoomTypeId}`,
        payload: { maxAdults: 1 },
      },
      { method: 'POST' as const, url: `/api/v1/room-types/${b.hotelRoomTypeId}/archive` },
      { method: 'GET' as const, url: `/api/v1/tours/${b.fixedTourId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/tours/${b.fixedTourId}`,
        payload: { name: { en: 'x' } },
      },
      { method: 'POST' as const, url: `/api/v1/tours/${b.fixedTourId}/archive` },
      {
        method: 'POST' as const,
        url: `/api/v1/tours/${b.fixedTourId}/departures`,
        payload: { startDate: '2030-12-01', nights: 7 },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/tours/${b.byDaysTourId}/seasons`,
        payload: { name: 'x', startDate: '2031-01-01', endDate: '2031-01-31' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/tours/${b.byDaysTourId}/check-stay`,
        payload: { checkIn: '2030-07-10', checkOut: '2030-07-17' },
      },
      { method: 'GET' as const, url: `/api/v1/tour-departures/${b.tourDepartureId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/tour-departures/${b.tourDepartureId}`,
        payload: { status: 'cancelled' },
      },
      { method: 'GET' as const, url: `/api/v1/tour-seasons/${b.seasonId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/tour-seasons/${b.seasonId}`,
        payload: { minStay: 1 },
      },
    ];
  };

  const range = () => `from=${soon}&to=${addDays(soon, 1)}`;
  const inventoryProbes = () => {
    const { roomTypeId, tourId, poolId, takeId, resourceId, departureId } = catalogOfB;
    return [
      { method: 'GET' as const, url: `/api/v1/room-types/${roomTypeId}/availability?${range()}` },
      {
        method: 'PUT' as const,
        url: `/api/v1/room-types/${roomTypeId}/capacity`,
        payload: { from: soon, to: soon, kind: 'allotment', units: 0 },
      },
      {
        method: 'PATCH' as const,
        url: `/api/v1/room-types/${roomTypeId}/restrictions`,
        payload: { from: soon, to: soon, stopSale: true },
      },
      { method: 'GET' as const, url: `/api/v1/tours/${tourId}/availability?${range()}` },
      { method: 'GET' as const, url: `/api/v1/transport-departures/${departureId}/availability` },
      { method: 'GET' as const, url: `/api/v1/pools/${poolId}` },
      { method: 'PATCH' as const, url: `/api/v1/pools/${poolId}`, payload: { capacity: 0 } },
      { method: 'POST' as const, url: `/api/v1/pools/${poolId}/archive` },
      { method: 'GET' as const, url: `/api/v1/inventory/takes/${takeId}` },
      { method: 'POST' as const, url: `/api/v1/inventory/takes/${takeId}/confirm` },
      { method: 'POST' as const, url: `/api/v1/inventory/takes/${takeId}/release` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/inventory/resources/${resourceId}`,
        payload: { lowStockThreshold: 1 },
      },
    ];
  };
  const transportProbes = () => {
    const { transportId, departureId, attractionId, ticketTypeId, serviceId } = catalogOfB;
    return [
      { method: 'GET' as const, url: `/api/v1/transport/${transportId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/transport/${transportId}`,
        payload: { name: 'hijacked' },
      },
      { method: 'POST' as const, url: `/api/v1/transport/${transportId}/archive` },
      {
        method: 'POST' as const,
        url: `/api/v1/transport/${transportId}/departures`,
        payload: { departures: [{ date: '2031-01-01' }] },
      },
      { method: 'GET' as const, url: `/api/v1/transport-departures/${departureId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/transport-departures/${departureId}`,
        payload: { status: 'cancelled' },
      },
      { method: 'GET' as const, url: `/api/v1/attractions/${attractionId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/attractions/${attractionId}`,
        payload: { city: 'hijacked' },
      },
      { method: 'POST' as const, url: `/api/v1/attractions/${attractionId}/archive` },
      {
        method: 'POST' as const,
        url: `/api/v1/attractions/${attractionId}/ticket-types`,
        payload: { category: 'adult', name: { en: 'X' } },
      },
      {
        method: 'PUT' as const,
        url: `/api/v1/attractions/${attractionId}/capacity`,
        payload: { from: soon, to: soon, timeSlot: '09:00', units: 1 },
      },
      {
        method: 'GET' as const,
        url: `/api/v1/attractions/${attractionId}/availability?${range()}`,
      },
      { method: 'GET' as const, url: `/api/v1/ticket-types/${ticketTypeId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/ticket-types/${ticketTypeId}`,
        payload: { name: { en: 'hijacked' } },
      },
      { method: 'POST' as const, url: `/api/v1/ticket-types/${ticketTypeId}/archive` },
      { method: 'GET' as const, url: `/api/v1/extra-services/${serviceId}` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/extra-services/${serviceId}`,
        payload: { name: { en: 'hijacked' } },
      },
      { method: 'POST' as const, url: `/api/v1/extra-services/${serviceId}/archive` },
      {
        method: 'PUT' as const,
        url: `/api/v1/extra-services/${serviceId}/capacity`,
        payload: { from: soon, to: soon, units: 0 },
      },
      {
        method: 'GET' as const,
        url: `/api/v1/extra-services/${serviceId}/availability?${range()}`,
      },
    ];
  };

  it('answers 404 for every id of another agency, and changes nothing', async () => {
    for (const probe of probes()) {
      const response = await app.inject({ ...probe, headers: { cookie: cookieA } });
      expect(response.statusCode, `${probe.method} ${probe.url}`).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const userB = await database()
      .db.selectFrom('users')
      .select('name')
      .where('id', '=', idsOfB.userId)
      .executeTakeFirstOrThrow();
    expect(userB.name).toBe('Admin');
    // B's customers are as B left them.
    const personB = await database()
      .db.selectFrom('customers')
      .select(['lastName', 'archivedAt'])
      .where('id', '=', customersOfB.personId)
      .executeTakeFirstOrThrow();
    expect(personB).toEqual({ lastName: 'Dvořák', archivedAt: null });
    // B's inventory is untouched: capacity, the hold and the pool are as B left them.
    const nights = await inventory.availability(
      { db: database().db, agencyId: agencyB.agencyId, actor: agencyB.ctx.actor },
      { kind: 'room_type', ownerId: catalogOfB.roomTypeId as string },
      soon,
      soon,
    );
    expect(nights[0]).toMatchObject({ capacity: 3, held: 1, stopSale: false });
    expect((await inventory.getTake(agencyB.ctx, catalogOfB.takeId as string)).status).toBe('held');
    const tokenB = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${idsOfB.token}` },
    });
    expect(tokenB.statusCode).toBe(200);
  });

  it("lists only the agency's own users and tokens", async () => {
    const users = await app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=200',
      headers: { cookie: cookieA },
    });
    const agencies = new Set(users.json().items.map((u: { agencyId: string }) => u.agencyId));
    expect([...agencies]).toEqual([agencyA.agencyId]);
    const tokens = await app.inject({
      method: 'GET',
      url: '/api/v1/api-tokens',
      headers: { cookie: cookieA },
    });
    expect(tokens.json().items.map((t: { id: string }) => t.id)).not.toContain(idsOfB.tokenId);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityId=${idsOfB.userId}`,
      headers: { cookie: cookieA },
    });
    expect(audit.json().items).toEqual([]);
    for (const url of [
      '/api/v1/pools',
      '/api/v1/transport',
      '/api/v1/attractions',
      '/api/v1/extra-services',
      '/api/v1/price-lists',
      '/api/v1/price-rules',
      '/api/v1/promo-codes',
      '/api/v1/channel-fees',
      '/api/v1/customers',
      `/api/v1/customers?companyId=${customersOfB.companyId}`,
      `/api/v1/customers?q=${encodeURIComponent('dvořák')}&archived=all`,
      '/api/v1/bookings',
      `/api/v1/bookings?customerId=${customersOfB.personId}`,
      '/api/v1/bookings?q=bpnr01',
      '/api/v1/invoices',
      `/api/v1/invoices?bookingId=${bookingOfB}`,
      '/api/v1/invoices?q=B',
      '/api/v1/approvers',
    ]) {
      const list = await app.inject({
        method: 'GET',
        url: `${url}${url.includes('?') ? '&' : '?'}limit=200`,
        headers: { cookie: cookieA },
      });
      expect(list.statusCode, url).toBe(200);
      expect(list.json().items, url).toEqual([]);
    }
  });

  it("exports none of another agency's invoices", async () => {
    const csv = await app.inject({
      method: 'GET',
      url: '/api/v1/invoices/export.csv',
      headers: { cookie: cookieA },
    });
    expect(csv.statusCode).toBe(200);
    // The header row only; B's own export has its invoice.
    expect(csv.body.trim().split('\n')).toHaveLength(1);
    expect(csv.body).toContain('Number');
    const own = await app.inject({
      method: 'GET',
      url: '/api/v1/invoices/export.csv',
      headers: { cookie: (await signIn(app, agencyB.adminEmail)).cookie },
    });
    expect(own.body.trim().split('\n').length).toBeGreaterThan(1);
  });

  it("counts none of another agency's bookings on the dashboard", async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboard',
      headers: { cookie: cookieA },
    });
    expect(response.statusCode).toBe(200);
    const { bookingsPerDay, departures, approvals, lowStock } = response.json();
    // B's booking was made today: A's chart stays at zero.
    const counts = bookingsPerDay.series.flatMap((s: { counts: number[] }) => s.counts);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(0);
    expect([departures.count, approvals.count, lowStock.count]).toEqual([0, 0, 0]);
    const own = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboard',
      headers: { cookie: (await signIn(app, agencyB.adminEmail)).cookie },
    });
    const ownCounts = own
      .json()
      .bookingsPerDay.series.flatMap((s: { counts: number[] }) => s.counts);
    expect(ownCounts.reduce((a: number, b: number) => a + b, 0)).toBe(1);
  });

  it("exports none of another agency's bookings, even named by id", async () => {
    for (const query of [
      '',
      `?ids=${bookingOfB}`,
      `?customerId=${customersOfB.personId}&q=${encodeURIComponent('dvořák')}`,
    ]) {
      const csv = await app.inject({
        method: 'GET',
        url: `/api/v1/bookings/export.csv${query}`,
        headers: { cookie: cookieA },
      });
      expect(csv.statusCode, query).toBe(200);
      expect(csv.body.split('\n').filter(Boolean), query).toHaveLength(1); // the header only
    }
    const ownView = await app.inject({
      method: 'GET',
      url: '/api/v1/bookings?q=bpnr01',
      headers: { cookie: (await signIn(app, agencyB.adminEmail)).cookie },
    });
    expect(ownView.json().items.map((b: { id: string }) => b.id)).toEqual([bookingOfB]);
  });

  it("hides another user's token within the same agency from a non-admin", async () => {
    const agentB = await signIn(app, `agent-0-${agencyB.slug.replace('agency-', '')}@example.test`);
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${idsOfB.tokenId}`,
      headers: { cookie: agentB.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});
