// Overdue instalments: the staff's list (oldest first, what and how long) and the reminder
// e-mail in the customer's language, queued once and not again within three days.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { remindOverdueInstalments } from './overdue.ts';

describeEachDatabase('overdue payments', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agent: string;
  let customerUser: string;
  let tour: BookableTour;
  const call = caller(() => app);
  const day = 86_400_000;

  /** Moves the booking's deposit `days` into the past, as if it had been booked then. */
  const depositDueDaysAgo = (bookingId: string, days: number) =>
    database()
      .db.updateTable('paymentPlanInstalments')
      .set({ dueDate: inDays(-days) })
      .where('bookingId', '=', bookingId)
      .where('position', '=', 0)
      .execute();
  const emailsTo = (address: string) =>
    database()
      .db.selectFrom('outbox')
      .select(['payload'])
      .where('agencyId', '=', agency.agencyId)
      .where('kind', '=', 'booking.mail')
      .execute()
      .then((rows) =>
        rows
          .map(
            (r) => r.payload as { to: string; subject: string; text: string; documents: string[] },
          )
          // Only the reminders: the booking and its payments were mailed about too.
          .filter((p) => p.to === address && p.subject.endsWith('platba je po splatnosti')),
      );

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${stamp}@overdue.test` },
        { role: 'customer', email: `customer-${stamp}@overdue.test` },
      ],
    });
    agent = (await signIn(app, `agent-${stamp}@overdue.test`)).cookie;
    customerUser = (await signIn(app, `customer-${stamp}@overdue.test`)).cookie;
    tour = await makeBookableTour(agency);
  });
  afterAll(() => app.close());

  it('lists bookings with instalments overdue, the longest overdue first', async () => {
    const polish = await makePerson(agency, { locale: 'pl', lastName: 'Kowalski' });
    const a = await bookTrip(call, agent, tour, { from: inDays(90), to: inDays(93) });
    const b = await bookTrip(
      call,
      agent,
      { ...tour, customerId: polish.id },
      { from: inDays(91), to: inDays(94) },
    );
    const paidDeposit = await bookTrip(call, agent, tour, { from: inDays(92), to: inDays(95) });
    await depositDueDaysAgo(a.id, 2);
    await depositDueDaysAgo(b.id, 9);
    await depositDueDaysAgo(paidDeposit.id, 9);
    // The deposit of 2 × 3 × 100,00 × 30 % = 180,00; 100,00 paid of b's.
    await call(agent, 'POST', `/api/v1/bookings/${b.id}/payments`, {
      amount: 100_00,
      method: 'cash',
    });
    await call(agent, 'POST', `/api/v1/bookings/${paidDeposit.id}/payments`, {
      amount: 180_00,
      method: 'cash',
    });

    const response = await call(agent, 'GET', '/api/v1/payments/overdue');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        bookingId: b.id,
        number: b.number,
        amountOverdue: 80_00,
        paid: 100_00,
        daysOverdue: 9,
        oldestDueDate: inDays(-9),
        customer: expect.objectContaining({ id: polish.id }),
      }),
      expect.objectContaining({ bookingId: a.id, amountOverdue: 180_00, daysOverdue: 2 }),
    ]);
    expect((await call(customerUser, 'GET', '/api/v1/payments/overdue')).statusCode).toBe(403);
    const view = (await call(agent, 'GET', `/api/v1/bookings/${b.id}`)).json();
    expect(view.instalments.map((i: { overdue: boolean }) => i.overdue)).toEqual([true, false]);
  });

  it('e-mails the customer in their language, once in three days per instalment', async () => {
    const email = `anna.${Date.now()}@example.test`;
    const czech = await makePerson(agency, { locale: 'cs', email });
    const booking = await bookTrip(
      call,
      agent,
      { ...tour, customerId: czech.id },
      { from: inDays(95), to: inDays(98) },
    );
    await depositDueDaysAgo(booking.id, 5);
    const now = new Date();
    expect(await remindOverdueInstalments(database().db, now)).toBeGreaterThanOrEqual(1);
    const sent = await emailsTo(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(`Rezervace ${booking.number}: platba je po splatnosti`);
    expect(sent[0]?.text).toContain('180,00');
    expect(sent[0]?.text).toContain(inDays(-5));
    expect(sent[0]?.documents).toEqual(['contract']);

    // Not again within three days; again once they have passed.
    await remindOverdueInstalments(database().db, new Date(now.getTime() + 2 * day));
    expect(await emailsTo(email)).toHaveLength(1);
    await remindOverdueInstalments(database().db, new Date(now.getTime() + 3 * day + 60_000));
    expect(await emailsTo(email)).toHaveLength(2);

    // Paid: no more reminders.
    await call(agent, 'POST', `/api/v1/bookings/${booking.id}/payments`, {
      amount: 180_00,
      method: 'bank_transfer',
    });
    await remindOverdueInstalments(database().db, new Date(now.getTime() + 7 * day));
    expect(await emailsTo(email)).toHaveLength(2);
  });
});
