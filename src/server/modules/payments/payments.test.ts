// Payments through the API (B7): the plan made with the booking, payments settling it (and
// moving it to paid), every refusal leaving nothing written, refunds, idempotent retries,
// customers paying by card through the test provider, the plan re-split by a change, the
// agency's terms, and another agency's bookings out of reach.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { addDays } from '../../calendar.ts';

describeEachDatabase('payments', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let admin: string;
  let agent: string;
  let accountant: string;
  let customer: string;
  let tour: BookableTour;
  const call = caller(() => app);
  const book = (cookie: string, from: string, to: string, more = {}) =>
    bookTrip(call, cookie, tour, { from, to }, more);
  const pay = (cookie: string, id: string, body: object, headers = {}) =>
    call(cookie, 'POST', `/api/v1/bookings/${id}/payments`, body, headers);
  const get = async (id: string, cookie = agent) => {
    const response = await call(cookie, 'GET', `/api/v1/bookings/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const confirm = async (id: string) => {
    for (const to of ['checked', 'ordered', 'confirmed']) {
      const moved = await call(agent, 'POST', `/api/v1/bookings/${id}/transitions`, { to });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  };
  const paymentRows = (bookingId: string) =>
    database()
      .db.selectFrom('payments')
      .select(['kind', 'amount', 'status', 'method'])
      .where('bookingId', '=', bookingId)
      .orderBy('createdAt')
      .execute();

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${stamp}@payments.test` },
        { role: 'accountant', email: `accountant-${stamp}@payments.test` },
        { role: 'customer', email: `customer-${stamp}@payments.test` },
      ],
    });
    admin = (await signIn(app, agency.adminEmail)).cookie;
    agent = (await signIn(app, `agent-${stamp}@payments.test`)).cookie;
    accountant = (await signIn(app, `accountant-${stamp}@payments.test`)).cookie;
    customer = (await signIn(app, `customer-${stamp}@payments.test`)).cookie;
    tour = await makeBookableTour(agency, { customerEmail: `customer-${stamp}@payments.test` });
  });
  afterAll(() => app.close());

  it('plans a deposit today and the balance 30 days before departure', async () => {
    const booking = await book(agent, inDays(100), inDays(104));
    // 2 adults × 4 nights × 100,00 = 800,00; 30 % deposit 240,00, balance 560,00.
    const view = await get(booking.id);
    expect(view).toMatchObject({ total: 800_00, paid: 0, balance: 800_00, payments: [] });
    expect(view.instalments).toEqual([
      { dueDate: inDays(0), amount: 240_00, label: 'deposit', paid: false, overdue: false },
      { dueDate: inDays(70), amount: 560_00, label: 'balance', paid: false, overdue: false },
    ]);
  });

  it('plans one instalment for a booking made within 30 days of departure', async () => {
    const booking = await book(agent, inDays(10), inDays(13));
    expect((await get(booking.id)).instalments).toEqual([
      { dueDate: inDays(0), amount: 600_00, label: 'full', paid: false, overdue: false },
    ]);
  });

  it('records payments, lowers the balance and moves a confirmed booking to paid', async () => {
    const booking = await book(agent, inDays(100), inDays(104));
    await confirm(booking.id);
    const deposit = await pay(accountant, booking.id, {
      amount: 240_00,
      method: 'bank_transfer',
      reference: 'VS 2030001',
    });
    expect(deposit.statusCode, deposit.body).toBe(201);
    expect(deposit.json().booking).toMatchObject({
      status: 'confirmed',
      paid: 240_00,
      balance: 560_00,
    });
    expect(deposit.json().payment).toMatchObject({
      kind: 'payment',
      amount: 240_00,
      currency: 'EUR',
      method: 'bank_transfer',
      reference: 'VS 2030001',
      status: 'succeeded',
    });
    let view = await get(booking.id);
    expect(view.instalments.map((i: { paid: boolean }) => i.paid)).toEqual([true, false]);

    const rest = await pay(agent, booking.id, { amount: 560_00, method: 'card' });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().booking).toMatchObject({ status: 'paid', paid: 800_00, balance: 0 });
    view = await get(booking.id);
    expect(view.status).toBe('paid');
    expect(view.instalments.map((i: { paid: boolean }) => i.paid)).toEqual([true, true]);
    const moved = view.history.filter(
      (h: { action: string }) => h.action === 'booking.status_changed',
    );
    expect(moved.at(-1)).toMatchObject({ by: 'system', detail: { status: 'paid' } });
    expect(view.payments).toHaveLength(2);
  });

  it('moves a booking paid ahead on to paid when it is confirmed', async () => {
    const booking = await book(agent, inDays(110), inDays(113));
    expect((await pay(agent, booking.id, { amount: 600_00, method: 'cash' })).statusCode).toBe(201);
    expect((await get(booking.id)).status).toBe('internal_reservation');
    await confirm(booking.id);
    expect((await get(booking.id)).status).toBe('paid');
  });

  it('refuses to overpay with 409 naming /amount, and writes nothing', async () => {
    const booking = await book(agent, inDays(120), inDays(123));
    const refused = await pay(agent, booking.id, { amount: 600_01, method: 'cash' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([{ path: '/amount', message: expect.any(String) }]);
    expect(refused.json().detail).toMatch(/balance is 60000/);
    expect(await paymentRows(booking.id)).toEqual([]);
    const wrongCurrency = await pay(agent, booking.id, {
      amount: 100,
      currency: 'CZK',
      method: 'cash',
    });
    expect(wrongCurrency.statusCode).toBe(400);
    expect(wrongCurrency.json().errors[0].path).toBe('/currency');
    expect(await paymentRows(booking.id)).toEqual([]);
  });

  it('refunds up to what was paid, and no more', async () => {
    const booking = await book(agent, inDays(125), inDays(128));
    await pay(agent, booking.id, { amount: 100_00, method: 'cash' });
    const tooMuch = await pay(agent, booking.id, {
      amount: 100_01,
      method: 'cash',
      kind: 'refund',
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().errors[0].path).toBe('/amount');
    const refund = await pay(agent, booking.id, { amount: 40_00, method: 'cash', kind: 'refund' });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().booking).toMatchObject({ paid: 60_00, balance: 540_00 });
  });

  it('takes no payment for a cancelled booking, but refunds what was paid less the fee', async () => {
    // 45 days ahead: the 30-day tier, 50 % of 2 × 3 × 100,00 = 300,00.
    const booking = await book(agent, inDays(45), inDays(48));
    await pay(agent, booking.id, { amount: 400_00, method: 'card' });
    const cancelled = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'the customer fell ill',
    });
    expect(cancelled.json().cancellation.fee).toBe(300_00);
    const refused = await pay(agent, booking.id, { amount: 100_00, method: 'cash' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].path).toBe('/amount');
    // Paid 400,00, the agency keeps the 300,00 fee: 100,00 may go back.
    const tooMuch = await pay(agent, booking.id, {
      amount: 100_01,
      method: 'card',
      kind: 'refund',
    });
    expect(tooMuch.statusCode).toBe(409);
    const refund = await pay(agent, booking.id, { amount: 100_00, method: 'card', kind: 'refund' });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().booking).toMatchObject({ status: 'cancelled', paid: 300_00 });
  });

  it('answers a retried payment with the first one, written once', async () => {
    const booking = await book(agent, inDays(130), inDays(133));
    const headers = { 'idempotency-key': `pay-${booking.id}` };
    const body = { amount: 120_00, method: 'bank_transfer', reference: 'retry' };
    const first = await pay(agent, booking.id, body, headers);
    const retry = await pay(agent, booking.id, body, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().payment.id).toBe(first.json().payment.id);
    expect(await paymentRows(booking.id)).toHaveLength(1);
  });

  it('lets a customer pay their own booking by card, never record a payment', async () => {
    const own = await book(customer, inDays(140), inDays(143), { quote: { channel: 'web' } });
    const forbidden = await pay(customer, own.id, { amount: 100_00, method: 'cash' });
    expect(forbidden.statusCode).toBe(403);

    const declinedCheckout = await call(
      customer,
      'POST',
      `/api/v1/bookings/${own.id}/payments/checkout`,
      { amount: 120_00 },
    );
    expect(declinedCheckout.statusCode, declinedCheckout.body).toBe(201);
    expect(declinedCheckout.json()).toMatchObject({ status: 'pending', provider: 'test' });
    const declined = await call(
      customer,
      'POST',
      `/api/v1/payments/${declinedCheckout.json().id}/confirm`,
      { cardNumber: '4000 0000 0000 0002' },
    );
    expect(declined.statusCode).toBe(409);
    expect(declined.json().errors[0].path).toBe('/cardNumber');

    const checkout = await call(customer, 'POST', `/api/v1/bookings/${own.id}/payments/checkout`, {
      amount: 120_00,
    });
    const paid = await call(customer, 'POST', `/api/v1/payments/${checkout.json().id}/confirm`, {
      cardNumber: '4242 4242 4242 4242',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().booking).toMatchObject({ paid: 120_00, balance: 480_00 });
    const again = await call(customer, 'POST', `/api/v1/payments/${checkout.json().id}/confirm`, {
      cardNumber: '4242 4242 4242 4242',
    });
    expect(again.statusCode).toBe(409);

    // The declined one is kept, failed, and counts for nothing.
    expect(await paymentRows(own.id)).toEqual([
      { kind: 'payment', amount: 120_00, status: 'failed', method: 'card' },
      { kind: 'payment', amount: 120_00, status: 'succeeded', method: 'card' },
    ]);
    const view = await get(own.id, customer);
    expect(view.paid).toBe(120_00);
    expect(view.payments).toEqual([
      {
        kind: 'payment',
        amount: 120_00,
        currency: 'EUR',
        method: 'card',
        receivedAt: expect.any(String),
      },
    ]);

    // Another's booking does not exist for a customer.
    const agents = await book(agent, inDays(145), inDays(148));
    const hidden = await call(customer, 'POST', `/api/v1/bookings/${agents.id}/payments/checkout`, {
      amount: 100,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('re-splits the plan when a change alters the total, keeping the paid deposit', async () => {
    const booking = await book(agent, inDays(150), inDays(153));
    // 600,00: the deposit of 180,00 paid.
    await pay(agent, booking.id, { amount: 180_00, method: 'bank_transfer' });
    const preview = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes/preview`, {
      from: inDays(160),
      to: inDays(164),
    });
    expect(preview.statusCode, preview.body).toBe(201);
    // 2 × 4 × 100,00 = 800,00; 160 days ahead, the change is free.
    expect(preview.json().newTotal).toBe(800_00);
    const applied = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes`, {
      quoteId: preview.json().quote.id,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const view = await get(booking.id);
    expect(view.instalments).toEqual([
      { dueDate: inDays(0), amount: 180_00, label: 'deposit', paid: true, overdue: false },
      { dueDate: inDays(130), amount: 620_00, label: 'balance', paid: false, overdue: false },
    ]);
    expect(view.balance).toBe(620_00);
  });

  it('lets the admin set the payment terms that plan new bookings', async () => {
    const denied = await call(agent, 'PUT', '/api/v1/settings/payment-terms', {
      depositPercent: '50',
      balanceDaysBeforeDeparture: 14,
    });
    expect(denied.statusCode).toBe(403);
    expect((await call(admin, 'GET', '/api/v1/settings/payment-terms')).json()).toEqual({
      depositPercent: '30',
      balanceDaysBeforeDeparture: 30,
    });
    const set = await call(admin, 'PUT', '/api/v1/settings/payment-terms', {
      depositPercent: '50',
      balanceDaysBeforeDeparture: 14,
    });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const booking = await book(agent, inDays(20), inDays(23));
      expect((await get(booking.id)).instalments).toEqual([
        { dueDate: inDays(0), amount: 300_00, label: 'deposit', paid: false, overdue: false },
        { dueDate: inDays(6), amount: 300_00, label: 'balance', paid: false, overdue: false },
      ]);
    } finally {
      await call(admin, 'PUT', '/api/v1/settings/payment-terms', {
        depositPercent: '30',
        balanceDaysBeforeDeparture: 30,
      });
    }
  });

  describe('another agency', () => {
    it("cannot see or pay another agency's booking (404)", async () => {
      const booking = await book(agent, inDays(170), inDays(173));
      const other = await makeAgency(database());
      const stranger = (await signIn(app, other.adminEmail)).cookie;
      for (const [method, url, payload] of [
        ['POST', `/api/v1/bookings/${booking.id}/payments`, { amount: 100, method: 'cash' }],
        ['GET', `/api/v1/bookings/${booking.id}/payments`, undefined],
        ['POST', `/api/v1/bookings/${booking.id}/payments/checkout`, { amount: 100 }],
      ] as const) {
        const response = await call(stranger, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      const checkout = await call(
        agent,
        'POST',
        `/api/v1/bookings/${booking.id}/payments/checkout`,
        {
          amount: 100,
        },
      );
      const confirmed = await call(
        stranger,
        'POST',
        `/api/v1/payments/${checkout.json().id}/confirm`,
        {
          cardNumber: '4242424242424242',
        },
      );
      expect(confirmed.statusCode).toBe(404);
      expect(await paymentRows(booking.id)).toEqual([
        { kind: 'payment', amount: 100, status: 'pending', method: 'card' },
      ]);
      void addDays;
    });
  });
});
