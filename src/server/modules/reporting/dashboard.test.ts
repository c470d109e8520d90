// The dashboard: today's trips, what waits for staff, low stock and bookings per day by
// channel — counted for the caller's agency only, with cancelled and finished work left out.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBookings } from '../../../../tests/helpers/booking-factories.ts';
import {
  type BookableTour,
  bookTrip,
  caller,
  inDays,
  makeBookableTour,
} from '../../../../tests/helpers/booking-fixtures.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { todayUtc } from '../../calendar.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { createPool } from '../inventory/pools-service.ts';
import { listResourcesOf, updateResourceAlerts } from '../inventory/service.ts';
import { perDaySeries } from './dashboard-service.ts';

/** An instant `days` days before now. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('bookings per day', () => {
  it('fills every day and channel with zero where nothing was booked', () => {
    const series = perDaySeries(
      ['2030-07-01', '2030-07-02', '2030-07-03'],
      [
        { day: '2030-07-02', channel: 'phone', bookings: '2' },
        { day: '2030-07-03', channel: 'web', bookings: 1 },
        { day: '2030-06-30', channel: 'web', bookings: 5 },
      ],
    );
    expect(series.find((s) => s.channel === 'phone')?.counts).toEqual([0, 2, 0]);
    expect(series.find((s) => s.channel === 'web')?.counts).toEqual([0, 0, 1]);
    expect(series.find((s) => s.channel === 'gds')?.counts).toEqual([0, 0, 0]);
    expect(series.map((s) => s.channel)).toEqual([
      'web',
      'phone',
      'email',
      'walk_in',
      'marketplace',
      'gds',
      'api',
    ]);
  });
});

describeEachDatabase('dashboard', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agent: string;
  let tour: BookableTour;
  let ids: Record<string, string> = {};
  const call = caller(() => app);
  const today = todayUtc();

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database(), { users: [{ role: 'agent' }, { role: 'partner' }] });
    agent = (await signIn(app, `agent-0-${agency.slug.replace('agency-', '')}@example.test`))
      .cookie;
    tour = await makeBookableTour(agency);
    const customer = await makePerson(agency, { firstName: 'Lucie', lastName: 'Černá' });

    // Low stock: the double (5 a night) alerts at 4; one booking below takes a room on the
    // nights of +3 to +5. A pool of 5 alerting at 5 is low from its first sale.
    const [double] = await listResourcesOf(agency.ctx, tour.double);
    await updateResourceAlerts(agency.ctx, double?.id ?? '', { lowStockThreshold: 4 });
    await createPool(agency.ctx, {
      name: 'Charter seats',
      capacity: 5,
      lowStockThreshold: 5,
      members: [{ kind: 'room_type', id: tour.double }],
    });
    // Booked by phone now; its deposit moved three days into the past: overdue.
    const overdue = await bookTrip(call, agent, tour, { from: inDays(3), to: inDays(6) });
    await database()
      .db.updateTable('paymentPlanInstalments')
      .set({ dueDate: inDays(-3) })
      .where('bookingId', '=', overdue.id)
      .where('position', '=', 0)
      .execute();

    const longAgo = daysAgo(40);
    const base = { customerId: customer.id, productId: tour.tourId, createdAt: longAgo };
    const [startsToday, , endsToday, approval, actions, farActions, onRequest, cancelledOnRequest] =
      await insertBookings(database(), agency, [
        {
          ...base,
          number: 'D-1',
          startDate: today,
          endDate: inDays(7),
          channel: 'web',
          createdAt: daysAgo(0),
        },
        { ...base, number: 'D-2', startDate: today, endDate: inDays(7), status: 'cancelled' },
        {
          ...base,
          number: 'D-3',
          startDate: inDays(-7),
          endDate: today,
          channel: 'email',
          createdAt: daysAgo(3),
        },
        { ...base, number: 'D-4', startDate: inDays(20), endDate: inDays(27), approval: 'pending' },
        { ...base, number: 'D-5', startDate: inDays(25), endDate: inDays(30), openActions: 2 },
        { ...base, number: 'D-6', startDate: inDays(60), endDate: inDays(67), openActions: 1 },
        { ...base, number: 'D-7', startDate: inDays(40), endDate: inDays(47) },
        { ...base, number: 'D-8', startDate: inDays(40), endDate: inDays(47), status: 'cancelled' },
      ]);
    ids = {
      startsToday: startsToday ?? '',
      endsToday: endsToday ?? '',
      approval: approval ?? '',
      actions: actions ?? '',
      onRequest: onRequest ?? '',
      overdue: overdue.id,
    };
    const action = (bookingId: string, position: number, dueDate: string, done = false) => ({
      id: newId(),
      agencyId: agency.agencyId,
      bookingId,
      position,
      code: `A${position}`,
      kind: 'other' as const,
      title: json({ en: 'Send the passports' }),
      instructions: json({ en: 'By e-mail' }),
      dueDate,
      doneAt: done ? new Date() : null,
      doneByName: done ? 'Admin' : null,
    });
    await database()
      .db.insertInto('bookingRequiredActions')
      .values([
        // Due in 5 and in 30 days, and one done: the booking counts once, for its first.
        action(ids.actions ?? '', 0, inDays(5)),
        action(ids.actions ?? '', 1, inDays(30)),
        action(ids.actions ?? '', 2, inDays(2), true),
        // Due in 45 days only: not soon.
        action(farActions ?? '', 0, inDays(45)),
      ])
      .execute();
    const line = (bookingId: string, position: number, superseded = false) => ({
      id: newId(),
      agencyId: agency.agencyId,
      bookingId,
      position,
      kind: 'room',
      label: 'Double room',
      productKind: 'tour',
      productId: tour.tourId,
      travellers: json([0, 1]),
      fromDate: inDays(40),
      toDate: inDays(47),
      unitPrice: 100_00,
      quantity: 7,
      amount: 700_00,
      cost: null,
      supplierStatus: 'requested' as const,
      detail: json({}),
      supersededAt: superseded ? new Date() : null,
    });
    await database()
      .db.insertInto('bookingLines')
      .values([
        line(ids.onRequest ?? '', 0),
        line(ids.onRequest ?? '', 1, true),
        line(cancelledOnRequest ?? '', 0),
      ])
      .execute();

    // Another agency's trip arriving today, waiting for approval: never counted here.
    const other = await makeAgency(database());
    const stranger = await makePerson(other);
    await insertBookings(database(), other, [
      {
        number: 'X-1',
        customerId: stranger.id,
        productId: tour.tourId,
        startDate: today,
        endDate: inDays(3),
        approval: 'pending',
        channel: 'web',
      },
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function dashboard() {
    const response = await call(agent, 'GET', '/api/v1/dashboard');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it("lists today's departures (trips starting) and returns (trips ending), not cancelled", async () => {
    const { today: day, timeZone, departures, returns, arrivals } = await dashboard();
    expect(day).toBe(today);
    expect(timeZone).toBe('UTC');
    // One meaning of departure everywhere: the trip's start.
    expect(arrivals).toBeUndefined();
    expect(departures.count).toBe(1);
    expect(departures.items).toEqual([
      expect.objectContaining({
        id: ids.startsToday,
        number: 'D-1',
        customer: 'Lucie Černá',
        productName: 'Crete for a week',
        from: today,
        travellers: 2,
      }),
    ]);
    expect(returns).toMatchObject({ count: 1, items: [{ id: ids.endsToday, to: today }] });
  });

  it('counts the bookings waiting for staff: supplier answers, approvals, actions, money', async () => {
    const { onRequest, approvals, actionsDue, overdue } = await dashboard();
    expect(onRequest).toEqual({
      count: 1,
      items: [expect.objectContaining({ id: ids.onRequest, number: 'D-7', lines: 1 })],
    });
    expect(approvals).toMatchObject({ count: 1, items: [{ id: ids.approval, number: 'D-4' }] });
    expect(actionsDue).toMatchObject({
      withinDays: 7,
      count: 1,
      items: [{ id: ids.actions, dueDate: inDays(5), openActions: 1 }],
    });
    expect(overdue.count).toBe(1);
    expect(overdue.items[0]).toMatchObject({
      id: ids.overdue,
      customer: 'Jan Dvořák',
      currency: 'EUR',
      oldestDueDate: inDays(-3),
      daysOverdue: 3,
    });
    expect(overdue.items[0].amountOverdue).toBeGreaterThan(0);
  });

  it('alerts on the resources and pools at or under their threshold', async () => {
    const { lowStock } = await dashboard();
    expect(lowStock.days).toBe(14);
    expect(lowStock.count).toBe(2);
    expect(lowStock.items).toEqual([
      expect.objectContaining({
        kind: 'pool',
        label: 'Charter seats',
        date: null,
        available: 4,
        capacity: 5,
        threshold: 5,
      }),
      expect.objectContaining({
        kind: 'room_type',
        // The nights of +3, +4 and +5 have 5 − 1 = 4 free; every other night 5.
        date: inDays(3),
        days: 3,
        available: 4,
        capacity: 5,
        threshold: 4,
      }),
    ]);
  });

  it('counts the bookings of the last 30 days per day and channel, zero-filled', async () => {
    const { bookingsPerDay } = await dashboard();
    const { days, series } = bookingsPerDay;
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe(today);
    expect(days[0]).toBe(inDays(-29));
    const of = (channel: string) =>
      series.find((s: { channel: string }) => s.channel === channel).counts as number[];
    for (const s of series) expect(s.counts).toHaveLength(30);
    // Today: D-1 on the portal, the overdue one by phone; D-3 by e-mail three days ago.
    expect(of('web')[29]).toBe(1);
    expect(of('phone')[29]).toBe(1);
    expect(of('email')[26]).toBe(1);
    const total = series
      .flatMap((s: { counts: number[] }) => s.counts)
      .reduce((a: number, b: number) => a + b, 0);
    expect(total).toBe(3);
  });

  it('is for staff only', async () => {
    const partner = (
      await signIn(app, `partner-1-${agency.slug.replace('agency-', '')}@example.test`)
    ).cookie;
    expect((await call(partner, 'GET', '/api/v1/dashboard')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
