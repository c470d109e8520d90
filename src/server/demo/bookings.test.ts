// The demo's bookings, read through the API as staff would: every channel in one list, every
// status the demo can reach, offers with required actions done and not done, and one booking
// waiting in Globex's approver's queue.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { channels } from '../modules/pricing/types.ts';
import { demoGlobexApproverEmail } from './customers.ts';
import { type DemoResult, demoPassword, demoStaff, seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};

describeEachDatabase('demo bookings', (database) => {
  let app: FastifyInstance;
  let agent: string;
  let demo: DemoResult;
  // biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
  let bookings: any[];

  // biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
  const get = async (url: string, cookie = agent): Promise<any> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    demo = await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    const agentEmail = demoStaff.find((user) => user.role === 'agent')?.email as string;
    agent = (await signIn(app, agentEmail, demoPassword)).cookie;
    bookings = await Promise.all(
      (demo.bookings?.bookingIds ?? []).map((id) => get(`/api/v1/bookings/${id}`)),
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has bookings from every channel, online and offline, in one list', () => {
    expect(new Set(bookings.map((b) => b.channel))).toEqual(new Set(channels));
    expect(bookings.some((b) => b.online)).toBe(true);
    expect(bookings.some((b) => !b.online)).toBe(true);
    // Every booking's lines explain its total.
    for (const booking of bookings) {
      const sum = booking.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0);
      expect(sum, booking.number).toBe(booking.total);
    }
  });

  it('seats every live booking on every leg with a seat map, parties together', async () => {
    let legs = 0;
    for (const booking of bookings.filter((b) => b.status !== 'cancelled')) {
      const { legs: seated } = await get(`/api/v1/bookings/${booking.id}/seats`);
      for (const leg of seated.filter((l: { map: unknown }) => l.map !== null)) {
        legs += 1;
        expect(leg.seats, `${booking.number} ${leg.leg}`).toHaveLength(leg.travellers);
        const rows = leg.map.seats
          .filter((s: { travellerIndex: number | null }) => s.travellerIndex !== null)
          .map((s: { row: number }) => s.row);
        // Together: in one row, or in rows next to each other.
        expect(Math.max(...rows) - Math.min(...rows), booking.number).toBeLessThanOrEqual(
          Math.ceil(leg.travellers / 2),
        );
      }
    }
    // The coach tour's bookings travel out and back: at least one outbound and one return.
    expect(legs).toBeGreaterThanOrEqual(2);
    const tour = bookings.find(
      (b) => b.productId === demo.catalog?.tours.busTourId && b.status !== 'cancelled',
    );
    expect(tour, 'a live booking of the coach tour').toBeDefined();
    const { legs: both } = await get(`/api/v1/bookings/${tour.id}/seats`);
    expect(both.map((l: { leg: string }) => l.leg)).toEqual(['outbound', 'return']);
    expect(both.every((l: { seats: unknown[] }) => l.seats.length > 0)).toBe(true);
  });

  it('has bookings at each step of the life cycle before departure', () => {
    const statuses = new Set(bookings.map((b) => b.status));
    for (const status of [
      'web_reservation',
      'internal_reservation',
      'checked',
      'ordered',
      'confirmed',
      'paid',
      'cancelled',
    ]) {
      expect(statuses, status).toContain(status);
    }
  });

  it('has a booking paid in full, some with the deposit paid, and one overdue', async () => {
    const paid = bookings.filter((b) => b.status === 'paid');
    expect(paid.length).toBeGreaterThanOrEqual(1);
    for (const booking of paid) expect(booking.balance, booking.number).toBe(0);
    const depositPaid = bookings.filter(
      (b) => b.instalments.length === 2 && b.instalments[0].paid && !b.instalments[1].paid,
    );
    expect(depositPaid.length).toBeGreaterThanOrEqual(2);
    for (const booking of depositPaid) {
      expect(booking.paid, booking.number).toBe(booking.instalments[0].amount);
    }
    const overdue = await get('/api/v1/payments/overdue');
    expect(overdue.items.length).toBeGreaterThanOrEqual(1);
    expect(overdue.items[0].daysOverdue).toBeGreaterThan(0);
  });

  it('keeps a cancelled booking in the list with its fee, its places given back', () => {
    const cancelled = bookings.find((b) => b.status === 'cancelled');
    expect(cancelled.cancellation).toMatchObject({ by: 'Jana Nováková' });
    expect(cancelled.cancellation.reason).toMatch(/broke his leg/);
    expect(
      cancelled.lines.every((l: { supplierStatus: string }) => l.supplierStatus === 'cancelled'),
    ).toBe(true);
  });

  it("has a marketplace offer's bookings with required actions done, half done and not done", () => {
    const deal = bookings.filter((b) => b.offer?.code === 'DH-48213');
    expect(deal.length).toBeGreaterThanOrEqual(3);
    const done = deal.map((b) => b.requiredActions.filter((a: { done: unknown }) => a.done).length);
    expect(done).toEqual(expect.arrayContaining([0, 1, 2]));
    expect(deal.some((b) => b.actionsDone)).toBe(true);
    expect(deal.some((b) => !b.actionsDone)).toBe(true);
    expect(new Set(deal.map((b) => b.variantId))).toEqual(new Set(['7N', '10N']));
  });

  it("has one booking in Globex's approver's queue, with the reason", async () => {
    const approver = await signIn(app, demoGlobexApproverEmail, demoPassword);
    const queue = await get('/api/v1/approvals', approver.cookie);
    expect(queue.items.map((b: { id: string }) => b.id)).toEqual([
      demo.bookings?.pendingApprovalId,
    ]);
    expect(queue.items[0].reasons.map((r: { rule: string }) => r.rule)).toContain(
      'maxPricePerNight',
    );
  });
});
