// Properties of the sales report over random lives of bookings made through the API: made,
// changed (new dates, perhaps a change fee), cancelled (a fee by how far ahead), paid. Each
// run books a new tour for a new customer and reads the report filtered to that customer:
// - revenue over all time is the live bookings' totals plus the cancelled ones' fees (the
//   agency's base currency is the bookings' own, EUR, so at rate 1);
// - bookings count the live ones; cancelledBookings the cancelled ones, each once; fees sum
//   the fees; payments change nothing;
// - every grouping (months, days of departure, channels) adds up to the totals.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BookableTour,
  bookTrip,
  caller,
  inDays,
  makeBookableTour,
} from '../../../../tests/helpers/booking-fixtures.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { daysBetween } from '../../calendar.ts';

type Op =
  | { kind: 'create'; ahead: number; nights: number }
  | { kind: 'change'; target: number; ahead: number; nights: number }
  | { kind: 'cancel'; target: number }
  | { kind: 'pay'; target: number; percent: number };

const ahead = fc.integer({ min: 5, max: 190 });
// The season's minimum stay is 3 nights.
const nights = fc.integer({ min: 3, max: 5 });
const target = fc.nat({ max: 20 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), ahead, nights }),
  fc.record({ kind: fc.constant('change' as const), target, ahead, nights }),
  fc.record({ kind: fc.constant('cancel' as const), target }),
  fc.record({
    kind: fc.constant('pay' as const),
    target,
    percent: fc.integer({ min: 1, max: 100 }),
  }),
);
// Every life starts with a booking; at most five live at once fit the tour's five rooms.
const life = fc
  .tuple(
    fc.record({ kind: fc.constant('create' as const), ahead, nights }),
    fc.array(op, { maxLength: 5 }),
  )
  .map(([first, rest]) => [first, ...rest] as Op[]);

const measures = [
  'bookings',
  'pax',
  'nights',
  'revenue',
  'cancelledBookings',
  'cancelledRevenue',
  'fees',
  'cost',
  'margin',
] as const;

describeEachDatabase('sales report properties', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let admin = '';
  const call = caller(() => app);

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    admin = (await signIn(app, agency.adminEmail)).cookie;
  });
  afterAll(() => app.close());

  /** Runs one life; returns the booking ids it made. */
  async function live(tour: BookableTour, ops: Op[]): Promise<string[]> {
    const made: string[] = [];
    const open = async () => {
      const states = await Promise.all(
        made.map(async (id) => (await call(admin, 'GET', `/api/v1/bookings/${id}`)).json()),
      );
      return states.filter((b) => b.status !== 'cancelled').map((b) => b.id as string);
    };
    for (const step of ops) {
      if (step.kind === 'create') {
        if ((await open()).length >= 5) continue;
        const from = inDays(step.ahead);
        const booking = await bookTrip(call, admin, tour, {
          from,
          to: inDays(step.ahead + step.nights),
        });
        made.push(booking.id);
        continue;
      }
      const candidates = await open();
      if (candidates.length === 0) continue;
      const id = candidates[step.target % candidates.length] as string;
      if (step.kind === 'change') {
        const preview = await call(admin, 'POST', `/api/v1/bookings/${id}/changes/preview`, {
          from: inDays(step.ahead),
          to: inDays(step.ahead + step.nights),
        });
        // No room on the new dates is the tour's answer, not the report's concern.
        if (preview.statusCode === 409) continue;
        expect(preview.statusCode, preview.body).toBe(201);
        const applied = await call(admin, 'POST', `/api/v1/bookings/${id}/changes`, {
          quoteId: preview.json().quote.id,
          reason: 'a random change',
        });
        expect(applied.statusCode, applied.body).toBe(200);
      } else if (step.kind === 'cancel') {
        const cancelled = await call(admin, 'POST', `/api/v1/bookings/${id}/cancel`, {
          reason: 'a random cancellation',
        });
        expect(cancelled.statusCode, cancelled.body).toBe(200);
      } else {
        const booking = (await call(admin, 'GET', `/api/v1/bookings/${id}`)).json();
        const amount = Math.max(1, Math.floor((booking.total * step.percent) / 100));
        const paid = await call(
          admin,
          'POST',
          `/api/v1/bookings/${id}/payments`,
          { amount, method: 'bank_transfer' },
          { 'idempotency-key': randomUUID() },
        );
        // More than is owed (after earlier payments) is refused; nothing else may be.
        if (paid.statusCode !== 409) expect(paid.statusCode, paid.body).toBe(201);
      }
    }
    return made;
  }

  const report = async (query: string) => {
    const response = await call(admin, 'GET', `/api/v1/reports/sales?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      rows: Array<Record<string, number | string | null>>;
      totals: Record<string, number | null>;
    };
  };

  /** Each measure summed over the rows. */
  const sums = (rows: Array<Record<string, unknown>>) =>
    Object.fromEntries(
      measures.map((key) => [key, rows.reduce((sum, row) => sum + Number(row[key]), 0)]),
    );

  it('sums to the live totals plus fees, counts a cancellation once, and adds up by any grouping', async () => {
    await fc.assert(
      fc.asyncProperty(life, async (ops) => {
        const tour = await makeBookableTour(agency);
        const made = await live(tour, ops);
        const bookings = await Promise.all(
          made.map(async (id) => (await call(admin, 'GET', `/api/v1/bookings/${id}`)).json()),
        );
        const cancelled = bookings.filter((b) => b.status === 'cancelled');
        const alive = bookings.filter((b) => b.status !== 'cancelled');
        const fees = cancelled.reduce((sum, b) => sum + Number(b.cancellation?.fee ?? 0), 0);
        const totals = alive.reduce((sum, b) => sum + Number(b.total), 0);

        // All time: from long ago to past the last departure.
        const period = `from=${inDays(-3000)}&to=${inDays(600)}&customerId=${tour.customerId}`;
        const months = await report(`${period}&period=month`);
        expect(months.totals.revenue).toBe(totals + fees);
        expect(months.totals.fees).toBe(fees);
        expect(months.totals.bookings).toBe(alive.length);
        expect(months.totals.cancelledBookings).toBe(cancelled.length);
        expect(months.totals.pax).toBe(2 * alive.length);
        // Two adults at 70,00 a night each: the cost of what lives.
        const nights = alive.reduce((sum, b) => sum + daysBetween(b.from, b.to), 0);
        expect(months.totals.nights).toBe(nights);
        expect(months.totals.cost).toBe(2 * 70_00 * nights);
        expect(months.totals.margin).toBe(totals + fees - 2 * 70_00 * nights);

        const whole = sums([months.totals]);
        expect(sums(months.rows)).toEqual(whole);
        const departures = await report(`${period}&period=day&dateBasis=departure`);
        expect(sums(departures.rows)).toEqual(whole);
        expect(sums([departures.totals])).toEqual(whole);
        const channels = await report(`${period}&period=none&by=channel,online`);
        expect(sums(channels.rows)).toEqual(whole);
        // By departure, a cancelled booking nets to its fee on its departure day.
        for (const booking of cancelled) {
          const day = departures.rows.find((row) => row.period === booking.from);
          expect(day?.cancelledBookings).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});
