// B2/B4 under real concurrency, on PostgreSQL only (PGlite has one session, so a race there
// proves nothing): many clients over real HTTP race for the last places of a fixed departure.
// Exactly as many bookings as places succeed, every loser gets a 409 problem+json (never a
// 500: no deadlock, no serialization error leaks), the counters match, and the agency's order
// numbers are gapless. One quote booked by many clients at once is booked once.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeAccommodation, makeTour } from '../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeOnPostgres } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { availability, setCapacity, sweepExpiredHolds } from '../inventory/service.ts';
import { createPriceList } from '../pricing/price-lists-service.ts';
import { createQuote } from '../pricing/quotes-service.ts';
import { formatBookingNumber } from './numbers.ts';

const clients = 30;
const places = 7;
const sameQuoteClients = 10;
/** The departure of `makeTour`: Saturday 6 July 2030, 7 nights. */
const departure = '2030-07-06';
const nights = [
  '2030-07-06',
  '2030-07-07',
  '2030-07-08',
  '2030-07-09',
  '2030-07-10',
  '2030-07-11',
  '2030-07-12',
];

interface Reply {
  status: number;
  contentType: string;
  body: {
    id?: string;
    number?: string;
    errors?: { path: string; message: string }[];
    detail?: string;
  };
  replayed: boolean;
}

describeOnPostgres(
  'bookings under concurrent HTTP clients',
  (database) => {
    let app: FastifyInstance;
    let baseUrl: string;
    const year = new Date().getUTCFullYear();
    const travellers = [
      { firstName: 'Zdeňka', lastName: 'Šťastná', birthDate: '1979-02-14' },
      { firstName: 'Łukasz', lastName: 'Żółkiewski', birthDate: '1977-11-03' },
    ];

    beforeAll(async () => {
      app = await makeTestApp(database());
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('the app has no TCP port');
      baseUrl = `http://127.0.0.1:${address.port}`;
    });
    afterAll(() => app.close());

    const post = async (
      cookie: string,
      url: string,
      body: object,
      headers: Record<string, string> = {},
    ): Promise<Reply> => {
      const response = await fetch(`${baseUrl}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: (await response.json()) as Reply['body'],
        replayed: response.headers.get('idempotent-replayed') === 'true',
      };
    };

    /**
     * A new agency (its numbering starts at 1) selling a fixed departure whose double rooms
     * have `units` rooms on each of its 7 nights, priced per person and night; three agents.
     */
    async function fixedDeparture(units: number) {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const agents = [0, 1, 2].map((i) => `agent-${i}-${stamp}@race.test`);
      const agency: TestAgency = await makeAgency(database(), {
        users: agents.map((email) => ({ role: 'agent' as const, email })),
      });
      const cookies = await Promise.all(
        agents.map(async (email) => (await signIn(app, email)).cookie),
      );
      const hotel = await makeAccommodation(agency);
      const double = hotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
      const tour = await makeTour(agency, { accommodationId: hotel.id });
      await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
        from: nights[0] as string,
        to: nights[nights.length - 1] as string,
        kind: 'allotment',
        units,
      });
      await createPriceList(agency.ctx, {
        name: 'July departures',
        productKind: 'tour',
        productId: tour.id,
        currency: 'EUR',
        costCurrency: 'EUR',
        periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
        rows: [{ period: 'july', charge: 'person', basis: 'night', amount: 90_00, cost: 60_00 }],
      } as Parameters<typeof createPriceList>[1]);
      const customerId = (await makePerson(agency, { firstName: 'Jiří', lastName: 'Kučera' })).id;
      const ask = {
        productId: tour.id,
        from: departure,
        party: { adults: 2, childAges: [] },
        rooms: [{ roomTypeId: double, adults: 2, childAges: [] }],
        channel: 'phone' as const,
      };
      const counters = async () => {
        const days = await availability(
          agency.ctx,
          { kind: 'room_type', ownerId: double },
          nights[0] as string,
          nights[nights.length - 1] as string,
        );
        return {
          sold: [...new Set(days.map((d) => d.sold))],
          held: [...new Set(days.map((d) => d.held))],
        };
      };
      const numbers = async () =>
        (
          await database()
            .db.selectFrom('bookings')
            .select('number')
            .where('agencyId', '=', agency.agencyId)
            .orderBy('number')
            .execute()
        ).map((b) => b.number);
      return { agency, cookies, customerId, ask, counters, numbers };
    }

    const expectConflict = (reply: Reply) => {
      expect(reply.status, JSON.stringify(reply.body)).toBe(409);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
    };
    const gapless = (count: number) =>
      Array.from({ length: count }, (_, i) => formatBookingNumber(year, i + 1));

    it(`sells exactly ${places} places to ${clients} clients quoting and booking at once`, async () => {
      const { cookies, customerId, ask, counters, numbers } = await fixedDeparture(places);

      const outcomes = await Promise.all(
        Array.from({ length: clients }, async (_, i) => {
          const cookie = cookies[i % cookies.length] as string;
          const quote = await post(cookie, '/api/v1/quotes', ask);
          if (quote.status !== 201) return { step: 'quote', reply: quote };
          const booking = await post(cookie, '/api/v1/bookings', {
            quoteId: quote.body.id,
            customerId,
            travellers,
          });
          return { step: 'booking', reply: booking };
        }),
      );

      const booked = outcomes.filter((o) => o.step === 'booking' && o.reply.status === 201);
      const failed = outcomes.filter((o) => !(o.step === 'booking' && o.reply.status === 201));
      expect(booked).toHaveLength(places);
      expect(failed).toHaveLength(clients - places);
      for (const { reply } of failed) expectConflict(reply);
      expect(await counters()).toEqual({ sold: [places], held: [0] });
      expect(booked.map((o) => o.reply.body.number).sort()).toEqual(gapless(places));
      expect(await numbers()).toEqual(gapless(places));
    }, 60_000);

    it(`sells exactly ${places} places when ${clients} expired quotes are booked at once (each takes afresh)`, async () => {
      // Quotes made two hours ago: their holds have expired and are swept, so every booking
      // must take its rooms afresh inside its own transaction: the race is on the take.
      const { agency, cookies, customerId, ask, counters, numbers } = await fixedDeparture(clients);
      const staff = { ...agency.ctx, actor: { ...agency.ctx.actor, role: 'agent' as const } };
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
      const quotes = [];
      for (let i = 0; i < clients; i += 1) quotes.push(await createQuote(staff, ask, twoHoursAgo));
      while ((await sweepExpiredHolds(database().db)) > 0);
      expect(await counters()).toEqual({ sold: [0], held: [0] });
      await setCapacity(
        agency.ctx,
        { kind: 'room_type', ownerId: ask.rooms[0]?.roomTypeId as string },
        'DBL',
        {
          from: nights[0] as string,
          to: nights[nights.length - 1] as string,
          kind: 'allotment',
          units: places,
        },
      );

      const replies = await Promise.all(
        quotes.map((quote, i) =>
          post(cookies[i % cookies.length] as string, '/api/v1/bookings', {
            quoteId: quote.id,
            customerId,
            travellers,
          }),
        ),
      );

      const booked = replies.filter((r) => r.status === 201);
      const failed = replies.filter((r) => r.status !== 201);
      expect(booked).toHaveLength(places);
      expect(failed).toHaveLength(clients - places);
      for (const reply of failed) {
        expectConflict(reply);
        expect(reply.body.errors?.[0]?.path).toBe('/quoteId');
      }
      expect(await counters()).toEqual({ sold: [places], held: [0] });
      expect(booked.map((r) => r.body.number).sort()).toEqual(gapless(places));
      expect(await numbers()).toEqual(gapless(places));
    }, 60_000);

    it(`books one quote once when ${sameQuoteClients} clients book it with different Idempotency-Keys`, async () => {
      const { cookies, customerId, ask, counters, numbers } = await fixedDeparture(places);
      const quote = await post(cookies[0] as string, '/api/v1/quotes', ask);
      expect(quote.status, JSON.stringify(quote.body)).toBe(201);

      const replies = await Promise.all(
        Array.from({ length: sameQuoteClients }, (_, i) =>
          post(
            cookies[i % cookies.length] as string,
            '/api/v1/bookings',
            { quoteId: quote.body.id, customerId, travellers },
            { 'idempotency-key': `race-${quote.body.id}-${i}` },
          ),
        ),
      );

      const booked = replies.filter((r) => r.status === 201);
      const refused = replies.filter((r) => r.status !== 201);
      expect(booked).toHaveLength(1);
      expect(refused).toHaveLength(sameQuoteClients - 1);
      const number = formatBookingNumber(year, 1);
      expect(booked[0]?.body.number).toBe(number);
      for (const reply of refused) {
        expectConflict(reply);
        expect(reply.body.errors?.[0]).toEqual({
          path: '/quoteId',
          message: `was booked already as ${number}`,
        });
      }
      expect(await numbers()).toEqual([number]);
      expect(await counters()).toEqual({ sold: [1], held: [0] });
    }, 60_000);

    it(`answers ${sameQuoteClients} clients sending the same Idempotency-Key with one booking`, async () => {
      const { cookies, customerId, ask, counters, numbers } = await fixedDeparture(places);
      const cookie = cookies[0] as string;
      const quote = await post(cookie, '/api/v1/quotes', ask);
      expect(quote.status, JSON.stringify(quote.body)).toBe(201);
      const key = `retry-${quote.body.id}`;

      // One agent's retries: the key is the agency's, the same body with the same key.
      const replies = await Promise.all(
        Array.from({ length: sameQuoteClients }, () =>
          post(
            cookie,
            '/api/v1/bookings',
            { quoteId: quote.body.id, customerId, travellers },
            { 'idempotency-key': key },
          ),
        ),
      );

      expect(replies.map((r) => r.status)).toEqual(Array(sameQuoteClients).fill(201));
      const first = replies.find((r) => !r.replayed);
      expect(first?.body.number).toBe(formatBookingNumber(year, 1));
      expect(new Set(replies.map((r) => r.body.id))).toEqual(new Set([first?.body.id]));
      expect(new Set(replies.map((r) => r.body.number))).toEqual(new Set([first?.body.number]));
      expect(replies.filter((r) => r.replayed)).toHaveLength(sameQuoteClients - 1);
      expect(await numbers()).toEqual([formatBookingNumber(year, 1)]);
      expect(await counters()).toEqual({ sold: [1], held: [0] });
    }, 60_000);
  },
  { poolSize: clients + 10 },
);
