// The customer portal's API end to end over HTTP: a visitor searches, quotes and books on the
// web channel, gets a customer account and a session, pays, signs in again with a single-use
// link, sees only their own bookings, and enters travellers to complete a required action.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  uniqueSuffix,
} from '../../../../tests/helpers/factories.ts';
import { TooManyRequests } from '../../errors.ts';
import { hashSecret } from '../identity/secrets.ts';
import { setCapacity } from '../inventory/service.ts';
import { createOffer } from '../offers/service.ts';
import { quoteOnPortal } from './checkout.ts';
import { portalHoldLimits } from './holds.ts';
import { actionsCompletedBy } from './traveller-actions.ts';
import { portalCaller } from './visitor.ts';

const adults = [
  { firstName: 'Jana', lastName: 'Nováková', birthDate: '1985-03-12' },
  { firstName: 'Petr', lastName: 'Novák', birthDate: '1984-01-30' },
];
const child = { firstName: 'Eliška', lastName: 'Nováková', birthDate: '2024-01-01' };
const party = { adults: 2, childAges: [6] };

describeEachDatabase('customer portal API', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let tour: Awaited<ReturnType<typeof makeBookableTour>>;
  let base: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    tour = await makeBookableTour(agency);
    base = `/api/v1/portal/${agency.slug}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const quote = async (cookie?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `${base}/quotes`,
      headers: cookie ? { cookie } : {},
      payload: { productId: tour.tourId, from: '2030-07-06', to: '2030-07-13', party },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; total: number; lines: object[] };
  };

  const book = async (
    quoteId: string,
    email: string,
    options: { cookie?: string; key?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `${base}/bookings`,
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      payload: {
        quoteId,
        contact: { firstName: 'Jana', lastName: 'Nováková', email, phone: '+420 777 123 456' },
        travellers: [...adults, child],
        acceptTerms: true,
        locale: 'cs',
      },
    });

  const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
    const cookie = response.cookies.find((c) => c.name === 'caravel_session');
    if (!cookie) throw new Error('no session cookie');
    return `caravel_session=${cookie.value}`;
  };

  it('shows the shop front with the currencies the agency sells in and its destinations', async () => {
    const response = await app.inject({ method: 'GET', url: base });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      slug: agency.slug,
      baseCurrency: 'EUR',
      currencies: ['EUR'],
      destinations: [{ city: 'Hersonissos', country: 'GR' }],
    });
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/portal/no-such-agency' });
    expect(unknown.statusCode).toBe(404);
  });

  it('finds the stay priced for the party, without costs, in the visitor’s language', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `${base}/offers?destination=hersonissos&from=2030-07-06&to=2030-07-13&adults=2&childAges=6&lang=cs`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const [offer] = response.json().items;
    // 2 adults × 7 nights × 100,00 + 1 child × 7 × 50,00 = 1 750,00 EUR.
    expect(offer).toMatchObject({
      productId: tour.tourId,
      name: 'Kréta na týden',
      total: 175_000,
      perPerson: 58_333,
      currency: 'EUR',
      nights: 7,
    });
    expect(JSON.stringify(response.json())).not.toContain('cost');
    const wrongCurrency = await app.inject({
      method: 'GET',
      url: `${base}/offers?from=2030-07-06&to=2030-07-13&adults=2&currency=PLN`,
    });
    expect(wrongCurrency.statusCode).toBe(400);
    expect(wrongCurrency.json().errors[0].path).toBe('/currency');
  });

  it('shows a month of arrival days with from prices for the minimum stay or the nights asked', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `${base}/products/${tour.tourId}/calendar?month=2030-07&adults=2&childAges=6&nights=7`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const days = response.json().days as { date: string; bookable: boolean; price: number }[];
    expect(days).toHaveLength(31);
    expect(days.find((d) => d.date === '2030-07-06')).toMatchObject({
      bookable: true,
      price: 175_000,
    });
    // The 7 nights from 25 July run past the end of the price list (31 July): not bookable.
    expect(days.find((d) => d.date === '2030-07-30')?.bookable).toBe(false);
    const page = await app.inject({
      method: 'GET',
      url: `${base}/products/${tour.tourId}?lang=cs`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ name: 'Kréta na týden', mode: 'by_days' });
  });

  it('takes the boarding stop and class a visitor chose, and offers none for a tour without transport', async () => {
    const page = await app.inject({ method: 'GET', url: `${base}/products/${tour.tourId}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().boarding).toBeNull();
    const response = await app.inject({
      method: 'POST',
      url: `${base}/quotes`,
      // A visitor of its own: the quote it holds stays out of the other tests' budget of holds.
      remoteAddress: '198.51.100.77',
      payload: {
        productId: tour.tourId,
        from: '2030-07-06',
        to: '2030-07-13',
        party,
        boardingPoint: 'Praha',
        classCode: 'STD',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('books a visitor’s quote on the web, creates their customer account and signs them in', async () => {
    const quoted = await quote();
    expect(quoted.total).toBe(175_000);
    expect(quoted).not.toHaveProperty('cost');
    const email = `visitor-${uniqueSuffix()}@example.test`;
    const key = `portal-${uniqueSuffix()}`;
    const booked = await book(quoted.id, email, { key });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({
      channel: 'web',
      status: 'web_reservation',
      total: 175_000,
      paid: 0,
      email,
    });
    expect(booked.json().voucherCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const cookie = cookieOf(booked);

    // A retry with the same key replays the booking rather than making a second.
    const replay = await book(quoted.id, email, { key });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().number).toBe(booked.json().number);

    const user = await database()
      .db.selectFrom('users')
      .select(['role', 'locale'])
      .where('agencyId', '=', agency.agencyId)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ role: 'customer', locale: 'cs' });
    const account = await app.inject({
      method: 'GET',
      url: `${base}/account`,
      headers: { cookie },
    });
    expect(account.json()).toMatchObject({ signedIn: true, user: { email } });

    // The same list as every channel: staff see it as a web reservation of a new customer.
    const { cookie: admin } = await signIn(app, agency.adminEmail);
    const staffView = await app.inject({
      method: 'GET',
      url: `/api/v1/bookings/${booked.json().id}`,
      headers: { cookie: admin },
    });
    expect(staffView.json()).toMatchObject({
      channel: 'web',
      status: 'web_reservation',
      customer: { email, locale: 'cs' },
    });
  });

  it('pays the deposit by the test card as the signed-in customer', async () => {
    const email = `payer-${uniqueSuffix()}@example.test`;
    const booked = await book((await quote()).id, email);
    const cookie = cookieOf(booked);
    const { id, instalments } = booked.json();
    const deposit = instalments[0].amount;
    // 30 % of 1 750,00 EUR at booking.
    expect(deposit).toBe(52_500);
    const checkout = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${id}/payments/checkout`,
      headers: { cookie },
      payload: { amount: deposit },
    });
    expect(checkout.statusCode, checkout.body).toBe(201);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${checkout.json().id}/confirm`,
      headers: { cookie },
      payload: { cardNumber: '4242 4242 4242 4242' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const mine = await app.inject({
      method: 'GET',
      url: `${base}/bookings/${id}`,
      headers: { cookie },
    });
    expect(mine.json()).toMatchObject({ paid: 52_500, balance: 122_500 });
  });

  it('refuses to sign a visitor into an account that exists for the e-mail they typed', async () => {
    const email = `owner-${uniqueSuffix()}@example.test`;
    expect((await book((await quote()).id, email)).statusCode).toBe(201);
    const again = await book((await quote()).id, email.toUpperCase());
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('/contact/email');
    expect(again.cookies.find((c) => c.name === 'caravel_session')).toBeUndefined();
  });

  it('refuses a booking whose terms were not accepted', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${base}/bookings`,
      payload: {
        quoteId: (await quote()).id,
        contact: { firstName: 'A', lastName: 'B', email: `t-${uniqueSuffix()}@example.test` },
        travellers: [...adults, child],
        acceptTerms: false,
        locale: 'en',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/acceptTerms');
  });

  it('shows a customer only their own bookings, here and in the bookings list', async () => {
    const first = await book((await quote()).id, `first-${uniqueSuffix()}@example.test`);
    const second = await book((await quote()).id, `second-${uniqueSuffix()}@example.test`);
    const cookie = cookieOf(first);
    const mine = await app.inject({ method: 'GET', url: `${base}/bookings`, headers: { cookie } });
    expect(mine.json().items.map((b: { id: string }) => b.id)).toEqual([first.json().id]);
    const list = await app.inject({ method: 'GET', url: '/api/v1/bookings', headers: { cookie } });
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([first.json().id]);
    const theirs = await app.inject({
      method: 'GET',
      url: `${base}/bookings/${second.json().id}`,
      headers: { cookie },
    });
    expect(theirs.statusCode).toBe(404);
    const visitor = await app.inject({ method: 'GET', url: `${base}/bookings` });
    expect(visitor.statusCode).toBe(401);
    // Signed in at this agency's portal, the customer is nobody at another agency's.
    const other = await makeAgency(database());
    const elsewhere = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/${other.slug}/bookings/${first.json().id}`,
      headers: { cookie },
    });
    expect(elsewhere.statusCode).toBe(401);
    const account = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/${other.slug}/account`,
      headers: { cookie },
    });
    expect(account.json()).toEqual({ signedIn: false, user: null });
  });

  it('sends a single-use, expiring sign-in link, stored hashed, and answers 202 for any e-mail', async () => {
    const email = `linked-${uniqueSuffix()}@example.test`;
    await book((await quote()).id, email);
    const outboxCount = async () =>
      Number(
        (
          await database()
            .db.selectFrom('outbox')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('agencyId', '=', agency.agencyId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await outboxCount();
    const unknown = await app.inject({
      method: 'POST',
      url: `${base}/magic-link`,
      payload: { email: `nobody-${uniqueSuffix()}@example.test` },
    });
    expect(unknown.statusCode).toBe(202);
    expect(await outboxCount()).toBe(before);

    const asked = await app.inject({
      method: 'POST',
      url: `${base}/magic-link`,
      payload: { email, locale: 'en', next: `/portal/${agency.slug}/account` },
    });
    expect(asked.statusCode).toBe(202);
    const job = await database()
      .db.selectFrom('outbox')
      .select('payload')
      .where('agencyId', '=', agency.agencyId)
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    const mail = job.payload as { to: string; text: string };
    expect(mail.to).toBe(email);
    const token = /token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    expect(token).toMatch(/^cvl_/);
    expect(mail.text).toContain(`next=${encodeURIComponent(`/portal/${agency.slug}/account`)}`);
    const stored = await database()
      .db.selectFrom('portalSignInLinks')
      .select(['tokenHash'])
      .where('agencyId', '=', agency.agencyId)
      .execute();
    expect(stored.map((s) => s.tokenHash)).toContain(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const redeem = () =>
      app.inject({ method: 'POST', url: `${base}/magic-link/redeem`, payload: { token } });
    const first = await redeem();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().user.email).toBe(email);
    const mine = await app.inject({
      method: 'GET',
      url: `${base}/bookings`,
      headers: { cookie: cookieOf(first) },
    });
    expect(mine.json().items).toHaveLength(1);
    const second = await redeem();
    expect(second.statusCode).toBe(400);
    expect(second.json().errors[0].path).toBe('/token');

    // An expired link signs nobody in.
    await app.inject({ method: 'POST', url: `${base}/magic-link`, payload: { email } });
    const late = await database()
      .db.selectFrom('outbox')
      .select('payload')
      .where('agencyId', '=', agency.agencyId)
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    const lateToken = /token=([\w-]+)/.exec((late.payload as { text: string }).text)?.[1] ?? '';
    await database()
      .db.updateTable('portalSignInLinks')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('tokenHash', '=', hashSecret(lateToken))
      .execute();
    const expired = await app.inject({
      method: 'POST',
      url: `${base}/magic-link/redeem`,
      payload: { token: lateToken },
    });
    expect(expired.statusCode).toBe(400);
  });

  it('marks the traveller-details action done when the customer enters the travellers', async () => {
    const other = await makeAgency(database());
    const own = await makeBookableTour(other);
    await createOffer(other.ctx, {
      code: 'WEB-CRETE',
      name: 'Crete on the portal',
      productId: own.tourId,
      channels: ['web'],
      requiredActions: [
        {
          code: 'TRAVELLERS',
          kind: 'traveller_details',
          title: { en: 'Send the travellers’ details', cs: 'Pošlete údaje cestujících' },
          instructions: { en: 'Enter them in My bookings.' },
          dueDaysBeforeDeparture: 14,
        },
        {
          code: 'CONTRACT',
          kind: 'sign_contract',
          title: { en: 'Sign the contract' },
          instructions: { en: 'Sign and send it.' },
          dueDaysBeforeDeparture: 30,
        },
      ],
    });
    const url = `/api/v1/portal/${other.slug}`;
    const quoted = await app.inject({
      method: 'POST',
      url: `${url}/quotes`,
      payload: { productId: own.tourId, from: '2030-07-06', to: '2030-07-13', party },
    });
    const booked = await app.inject({
      method: 'POST',
      url: `${url}/bookings`,
      payload: {
        quoteId: quoted.json().id,
        contact: { firstName: 'Jana', lastName: 'Nováková', email: 'jana@example.test' },
        travellers: [...adults, child],
        acceptTerms: true,
        locale: 'cs',
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().requiredActions.map((a: { title: string }) => a.title)).toEqual([
      'Pošlete údaje cestujících',
      'Sign the contract',
    ]);
    const saved = await app.inject({
      method: 'PUT',
      url: `${url}/bookings/${booked.json().id}/travellers?lang=en`,
      headers: { cookie: cookieOf(booked) },
      payload: {
        travellers: [{ ...adults[0], nationality: 'CZ' }, adults[1], child],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const actions = saved.json().requiredActions as { code: string; done: unknown }[];
    expect(actions.find((a) => a.code === 'TRAVELLERS')?.done).not.toBeNull();
    expect(actions.find((a) => a.code === 'CONTRACT')?.done).toBeNull();
    expect(saved.json().travellers[0].nationality).toBe('CZ');
    // The public voucher page shows the same.
    const voucher = await app.inject({
      method: 'GET',
      url: `/api/v1/public/vouchers/${booked.json().voucherCode}`,
    });
    expect(voucher.json().requiredActions.map((a: { done: unknown }) => a.done !== null)).toEqual([
      true,
      false,
    ]);
  });
});

it('completes traveller details on names, and documents only when every traveller has one', () => {
  const actions = [
    { id: 'details', kind: 'traveller_details' as const, done: false },
    { id: 'passports', kind: 'documents' as const, done: false },
    { id: 'contract', kind: 'sign_contract' as const, done: false },
  ];
  const named = { firstName: 'A', lastName: 'B', birthDate: '1990-01-01' };
  const withPassport = {
    ...named,
    documentType: 'passport' as const,
    documentNumber: 'X1',
    documentExpiry: '2035-01-01',
  };
  expect(actionsCompletedBy([named, withPassport], actions)).toEqual(['details']);
  expect(actionsCompletedBy([withPassport, withPassport], actions)).toEqual([
    'details',
    'passports',
  ]);
  expect(actionsCompletedBy([], actions)).toEqual([]);
  expect(
    actionsCompletedBy([withPassport], [{ id: 'details', kind: 'traveller_details', done: true }]),
  ).toEqual([]);
});

describeEachDatabase('portal holds of one visitor', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let tour: Awaited<ReturnType<typeof makeBookableTour>>;
  let staff: string;
  const ask = { from: '2030-07-06', to: '2030-07-13', party: { adults: 2, childAges: [] } };

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    tour = await makeBookableTour(agency);
    // A small hotel: five rooms of the type, as in the report.
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: tour.roomTypeId }, 'DBL', {
      from: '2030-07-01',
      to: '2030-07-31',
      kind: 'allotment',
      units: 5,
    });
    staff = (await signIn(app, agency.adminEmail)).cookie;
  });
  afterAll(async () => {
    await app.close();
  });

  const visitorQuote = (remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/portal/${agency.slug}/quotes`,
      remoteAddress,
      payload: { productId: tour.tourId, ...ask },
    });

  it('holds an anonymous quote briefly, and at most three per address, so the agent can still sell', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      answers.push(await visitorQuote('203.0.113.7'));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 429, 429]);
    const first = answers[0]?.json() as { expiresAt: string; createdAt: string };
    expect(Date.parse(first.expiresAt) - Date.parse(first.createdAt)).toBe(
      portalHoldLimits.visitorMinutes * 60_000,
    );
    const refused = answers[3];
    expect(refused?.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused?.json().detail).toMatch(/already holds 3 quotes: at most 3 at once/);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(10 * 60);

    // Two of the five rooms are left: another visitor, then the agent, still get one each.
    expect((await visitorQuote('198.51.100.23')).statusCode).toBe(201);
    const agent = await app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      headers: { cookie: staff },
      payload: { productId: tour.tourId, channel: 'phone', ...ask },
    });
    expect(agent.statusCode, agent.body).toBe(201);
  });

  it('gives back the places of the quote a checkout prices again, and only the caller’s own', async () => {
    const week = { productId: tour.tourId, from: '2030-07-13', to: '2030-07-20', party: ask.party };
    const heldOn13th = async () =>
      (
        await database()
          .db.selectFrom('inventoryDays')
          .innerJoin('inventoryResources', 'inventoryResources.id', 'inventoryDays.resourceId')
          .select('inventoryDays.held')
          .where('inventoryResources.ownerId', '=', tour.roomTypeId)
          .where('inventoryDays.date', '=', '2030-07-13')
          .executeTakeFirstOrThrow()
      ).held;
    const quoteFrom = (remoteAddress: string, replaces?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/portal/${agency.slug}/quotes`,
        remoteAddress,
        payload: { ...week, ...(replaces ? { replaces } : {}) },
      });
    // Six changes of one checkout: each replaces the last, so one room is held, not six.
    const first = await quoteFrom('203.0.113.99');
    let last = first;
    for (let change = 0; change < 5; change += 1) {
      const next = await quoteFrom('203.0.113.99', last.json().id);
      expect(next.statusCode, next.body).toBe(201);
      last = next;
    }
    expect(await heldOn13th()).toBe(1);
    const replaced = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/${agency.slug}/quotes/${first.json().id}`,
    });
    expect(replaced.json().expired).toBe(true);
    // Another address cannot release that hold by naming it.
    const other = await quoteFrom('198.51.100.77', last.json().id);
    expect(other.statusCode).toBe(201);
    expect(await heldOn13th()).toBe(2);
    const kept = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/${agency.slug}/quotes/${last.json().id}`,
    });
    expect(kept.json().expired).toBe(false);
  });

  it('limits the units one visitor holds and the quotes one address makes in a window', async () => {
    const caller = await portalCaller(database().db, agency.slug, null, undefined, '192.0.2.50');
    const input = {
      productId: tour.tourId,
      from: '2030-07-20',
      to: '2030-07-27',
      party: { adults: 4, childAges: [] },
      rooms: [
        { roomTypeId: tour.roomTypeId, adults: 2, childAges: [] },
        { roomTypeId: tour.roomTypeId, adults: 2, childAges: [] },
      ],
    };
    const fewUnits = { ...portalHoldLimits, heldUnits: 3 };
    const twoRooms = await quoteOnPortal(caller, input, new Date(), fewUnits);
    expect(twoRooms.holdId).not.toBeNull();
    const tooMany = quoteOnPortal(caller, input, new Date(), fewUnits);
    await expect(tooMany).rejects.toThrow(TooManyRequests);
    await expect(tooMany).rejects.toThrow(/would make 4 places held by your address: at most 3/);
    // The refused quote held nothing: two of the five rooms are still free that week.
    const held = await database()
      .db.selectFrom('inventoryDays')
      .select(['held'])
      .where('resourceId', 'in', (qb) =>
        qb.selectFrom('inventoryResources').select('id').where('ownerId', '=', tour.roomTypeId),
      )
      .where('date', '=', '2030-07-20')
      .executeTakeFirstOrThrow();
    expect(held.held).toBe(2);

    // The rate: the address's quotes in the window count, held or not.
    const fewQuotes = { ...portalHoldLimits, quotesPerWindow: 1 };
    const oneRoom = { ...input, party: { adults: 2, childAges: [] }, rooms: undefined };
    await expect(quoteOnPortal(caller, oneRoom, new Date(), fewQuotes)).rejects.toThrow(
      /too many quotes from your address: at most 1 in 10 minutes/,
    );
    // Another address is not slowed down by this one.
    const other = await portalCaller(database().db, agency.slug, null, undefined, '192.0.2.51');
    expect((await quoteOnPortal(other, oneRoom, new Date(), fewQuotes)).holdId).not.toBeNull();
  });
});
