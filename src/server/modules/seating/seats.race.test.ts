// Seats under real concurrency, on PostgreSQL only (PGlite has one session, so a race there
// proves nothing): many clients over real HTTP book the last seats of a coach, each booking
// seated when it is taken. Exactly as many bookings succeed as there are seats, the losers get
// a 409 problem (never a 500), every seat is given once, and the seat map agrees with the
// inventory. Then many clients ask for the same free seat at once: one gets it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeOnPostgres } from '../../../../tests/helpers/database.ts';
import { makeAgency, makeTestApp, signIn } from '../../../../tests/helpers/factories.ts';
import { adult, coachLayout, makeSeatedCoach } from '../../../../tests/helpers/seat-factories.ts';

const clients = 30;
/** 3 rows × 4 seats: 12 seats for sale on the coach. */
const rows = 3;
const seats = rows * 4;

interface Reply {
  status: number;
  contentType: string;
  body: { id?: string; errors?: { path: string; message: string }[] };
}

describeOnPostgres(
  'seats under concurrent HTTP clients',
  (database) => {
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

    const post = async (cookie: string, url: string, body: object): Promise<Reply> => {
      const response = await fetch(`${baseUrl}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: (await response.json()) as Reply['body'],
      };
    };

    async function coach() {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const agents = [0, 1, 2].map((i) => `agent-${i}-${stamp}@seats.test`);
      const agency = await makeAgency(database(), {
        users: agents.map((email) => ({ role: 'agent' as const, email })),
      });
      const cookies = await Promise.all(
        agents.map(async (email) => (await signIn(app, email)).cookie),
      );
      const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(rows));
      const customerId = (await makePerson(agency)).id;
      const seatRows = () =>
        database()
          .db.selectFrom('departureSeats')
          .select(['seatId', 'bookingId', 'traveller', 'blocked'])
          .where('agencyId', '=', agency.agencyId)
          .where('departureId', '=', departureIds[0] as string)
          .execute();
      return { agency, cookies, bus, departureId: departureIds[0] as string, customerId, seatRows };
    }

    it(`gives ${seats} seats to exactly ${seats} of ${clients} clients booking at once`, async () => {
      const { cookies, bus, departureId, customerId, seatRows } = await coach();
      const outcomes = await Promise.all(
        Array.from({ length: clients }, async (_, i) => {
          const cookie = cookies[i % cookies.length] as string;
          const quote = await post(cookie, '/api/v1/quotes', {
            productId: bus.id,
            departureId,
            party: { adults: 1, childAges: [] },
            classCode: 'STD',
            channel: 'phone',
          });
          if (quote.status !== 201) return quote;
          return post(cookie, '/api/v1/bookings', {
            quoteId: quote.body.id,
            customerId,
            travellers: [adult(`Client${i}`)],
          });
        }),
      );
      const booked = outcomes.filter((r) => r.status === 201);
      const failed = outcomes.filter((r) => r.status !== 201);
      expect(booked).toHaveLength(seats);
      for (const reply of failed) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(409);
        expect(reply.contentType).toMatch(/^application\/problem\+json/);
      }
      const taken = (await seatRows()).filter((r) => r.bookingId !== null);
      // Every booking has one seat, every seat one booking.
      expect(taken).toHaveLength(seats);
      expect(new Set(taken.map((r) => r.bookingId))).toEqual(new Set(booked.map((r) => r.body.id)));
      expect(new Set(taken.map((r) => r.seatId)).size).toBe(seats);
      expect(taken.every((r) => r.blocked === null)).toBe(true);
    }, 60_000);

    it(`gives one free seat to one of ${clients} clients asking for it at once`, async () => {
      const { cookies, bus, departureId, customerId, seatRows } = await coach();
      // Twelve bookings of one traveller: the coach is full; then one of them cancels.
      const ids: string[] = [];
      for (let i = 0; i < seats; i += 1) {
        const cookie = cookies[0] as string;
        const quote = await post(cookie, '/api/v1/quotes', {
          productId: bus.id,
          departureId,
          party: { adults: 1, childAges: [] },
          classCode: 'STD',
          channel: 'phone',
        });
        const booking = await post(cookie, '/api/v1/bookings', {
          quoteId: quote.body.id,
          customerId,
          travellers: [adult(`Guest${i}`)],
        });
        expect(booking.status, JSON.stringify(booking.body)).toBe(201);
        ids.push(booking.body.id as string);
      }
      const leaving = ids.pop() as string;
      const freed = (await seatRows()).find((r) => r.bookingId === leaving)?.seatId as string;
      const cancel = await post(cookies[0] as string, `/api/v1/bookings/${leaving}/cancel`, {
        reason: 'cannot travel',
      });
      expect(cancel.status).toBe(200);

      // Every other booking asks for the freed seat at once (2–3 clients per booking).
      const replies = await Promise.all(
        Array.from({ length: clients }, (_, i) =>
          post(
            cookies[i % cookies.length] as string,
            `/api/v1/bookings/${ids[i % ids.length]}/seats`,
            {
              assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: freed }],
            },
          ),
        ),
      );
      const winners = replies.filter((r) => r.status === 200);
      const losers = replies.filter((r) => r.status !== 200);
      // Retries by the winning booking itself succeed too (it already sits there); no other does.
      const holder = (await seatRows()).find((r) => r.seatId === freed)?.bookingId as string;
      const holderAsks = Array.from({ length: clients }, (_, i) => ids[i % ids.length]).filter(
        (id) => id === holder,
      ).length;
      expect(winners).toHaveLength(holderAsks);
      for (const reply of losers) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(409);
        expect(reply.body.errors?.[0]?.path).toBe('/assignments/0/seatId');
      }
      const taken = (await seatRows()).filter((r) => r.bookingId !== null);
      expect(taken).toHaveLength(seats - 1);
      expect(new Set(taken.map((r) => r.bookingId)).size).toBe(seats - 1);
    }, 60_000);
  },
  { poolSize: clients + 10 },
);
