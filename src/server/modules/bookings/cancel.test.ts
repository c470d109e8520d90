// Cancelling a booking through the API (B6): the fee by how far ahead the trip is, exactly
// the inventory sold given back, the promo code use returned, who may cancel (the state
// machine), idempotent retries, and the transitions path leading to the same use case.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BookableTour,
  bookTrip,
  caller,
  inDays,
  makeBookableTour,
  nightsOf,
} from '../../../../tests/helpers/booking-fixtures.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { createPriceRule } from '../pricing/price-rules-service.ts';
import { createPromoCode, getPromoCode } from '../pricing/promo-codes-service.ts';

describeEachDatabase('cancelling bookings', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agent: string;
  let customer: string;
  let otherCustomer: string;
  let tour: BookableTour;
  const call = caller(() => app);
  const book = (cookie: string, from: string, to: string, more = {}) =>
    bookTrip(call, cookie, tour, { from, to }, more);
  const asCustomer = { quote: { channel: 'web' } };
  const cancel = (cookie: string, id: string, reason = 'the customer fell ill', headers = {}) =>
    call(cookie, 'POST', `/api/v1/bookings/${id}/cancel`, { reason }, headers);

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${stamp}@cancel.test` },
        { role: 'customer', email: `customer-${stamp}@cancel.test` },
        { role: 'customer', email: `other-${stamp}@cancel.test` },
      ],
    });
    agent = (await signIn(app, `agent-${stamp}@cancel.test`)).cookie;
    customer = (await signIn(app, `customer-${stamp}@cancel.test`)).cookie;
    otherCustomer = (await signIn(app, `other-${stamp}@cancel.test`)).cookie;
    tour = await makeBookableTour(agency, { customerEmail: `customer-${stamp}@cancel.test` });
  });
  afterAll(() => app.close());

  it('previews the fee of the tier the days left fall in, on the current total', async () => {
    // 2 adults × 4 nights × 100,00 = 800,00 EUR.
    const total = 2 * 4 * 100_00;
    const cases = [
      { days: 75, percent: '10', fee: 80_00, tier: { daysBefore: 60, percent: '10' } },
      { days: 45, percent: '50', fee: 400_00, tier: { daysBefore: 30, percent: '50' } },
      { days: 10, percent: '100', fee: total, tier: null },
    ];
    for (const { days, percent, fee, tier } of cases) {
      const booking = await book(agent, inDays(days), inDays(days + 4));
      expect(booking.total).toBe(total);
      const preview = await call(agent, 'GET', `/api/v1/bookings/${booking.id}/cancellation`);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toEqual({
        fee,
        refundableAmount: total - fee,
        total,
        daysBefore: days,
        percent,
        tier,
        currency: 'EUR',
        nonRefundable: false,
      });
    }
    // An agreed price is what the fee is a share of: 10 % of 700,00.
    const agreed = await book(agent, inDays(80), inDays(84), {
      booking: { priceOverride: { total: 700_00, reason: 'regular client' } },
    });
    const preview = await call(agent, 'GET', `/api/v1/bookings/${agreed.id}/cancellation`);
    expect(preview.json()).toMatchObject({ total: 700_00, fee: 70_00, refundableAmount: 630_00 });
  });

  it('cancels: the fee kept, exactly the units sold given back, lines cancelled, audited', async () => {
    const [from, to] = [inDays(40), inDays(43)];
    const before = await nightsOf(agency, tour, from, to);
    const booking = await book(agent, from, to);
    const sold = await nightsOf(agency, tour, from, to);
    expect(sold.map((n) => n.sold)).toEqual(before.map((n) => n.sold + 1));

    const response = await cancel(agent, booking.id);
    expect(response.statusCode, response.body).toBe(200);
    const cancelled = response.json();
    expect(cancelled.status).toBe('cancelled');
    // 40 days ahead: the 30-day tier, 50 % of 2 × 3 × 100,00 = 300,00.
    expect(cancelled.cancellation).toEqual({
      at: expect.any(String),
      by: expect.any(String),
      reason: 'the customer fell ill',
      fee: 300_00,
    });
    expect(cancelled.transitions).toEqual([]);
    expect(cancelled.lines.map((l: { supplierStatus: string }) => l.supplierStatus)).toEqual(
      cancelled.lines.map(() => 'cancelled'),
    );
    const entry = cancelled.history.find(
      (h: { action: string }) => h.action === 'booking.cancelled',
    );
    expect(entry).toMatchObject({
      reason: 'the customer fell ill',
      detail: { status: 'cancelled', fee: 300_00, percent: '50', daysBefore: 40 },
    });
    expect(await nightsOf(agency, tour, from, to)).toEqual(before);
    const row = await database()
      .db.selectFrom('bookings')
      .select(['takeId', 'cancellationFee', 'cancelledAt'])
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    const released = await database()
      .db.selectFrom('inventoryTakes')
      .select('status')
      .where('id', '=', row.takeId as string)
      .executeTakeFirstOrThrow();
    expect(released.status).toBe('released');
    expect(Number(row.cancellationFee)).toBe(300_00);

    // Twice: 409, and the units are not given back a second time.
    const again = await cancel(agent, booking.id);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(await nightsOf(agency, tour, from, to)).toEqual(before);
    const preview = await call(agent, 'GET', `/api/v1/bookings/${booking.id}/cancellation`);
    expect(preview.statusCode).toBe(409);
  });

  it('leaves the fee as the one amount due and withdraws the voucher and e-tickets', async () => {
    const booking = await book(agent, inDays(45), inDays(49));
    const pay = (amount: number) =>
      call(agent, 'POST', `/api/v1/bookings/${booking.id}/payments`, {
        amount,
        method: 'bank_transfer',
      });
    expect((await pay(100_00)).statusCode).toBe(201);
    const before = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}`)).json();
    expect(before.instalments.length).toBeGreaterThan(0);
    expect(before.balance).toBe(700_00);

    expect((await cancel(agent, booking.id)).statusCode).toBe(200);
    const after = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}`)).json();
    // 45 days ahead: 50 % of 800,00 = 400,00; 100,00 of it is paid.
    expect(after).toMatchObject({ total: 800_00, paid: 100_00, balance: 300_00 });
    expect(after.cancellation.fee).toBe(400_00);
    expect(after.instalments).toEqual([
      {
        dueDate: expect.any(String),
        amount: 400_00,
        label: 'cancellation_fee',
        paid: false,
        overdue: false,
      },
    ]);
    const payments = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}/payments`)).json();
    expect(payments).toMatchObject({ balance: 300_00 });

    // The voucher and e-tickets are withdrawn; the contract stays, as the record of the sale.
    const voucher = await call(
      agent,
      'GET',
      `/api/v1/bookings/${booking.id}/documents/voucher.pdf`,
    );
    expect(voucher.statusCode).toBe(409);
    expect(voucher.headers['content-type']).toContain('application/problem+json');
    expect(voucher.json().detail).toContain('is cancelled');
    const eticket = await call(
      agent,
      'GET',
      `/api/v1/bookings/${booking.id}/documents/eticket.pdf`,
    );
    expect(eticket.statusCode).toBe(409);
    const listed = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}/documents`)).json();
    expect(listed.items.map((d: { kind: string }) => d.kind)).toEqual(['contract', 'instructions']);
    const contract = await call(
      agent,
      'GET',
      `/api/v1/bookings/${booking.id}/documents/contract.pdf`,
    );
    expect(contract.statusCode).toBe(200);
    const send = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/documents/send`, {
      documents: ['contract', 'voucher'],
    });
    expect(send.statusCode).toBe(409);
    expect(send.json().errors).toEqual([expect.objectContaining({ path: '/documents/1' })]);

    // The fee may be paid, and no more than it.
    expect((await pay(300_01)).statusCode).toBe(409);
    expect((await pay(300_00)).statusCode).toBe(201);
    const settled = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}`)).json();
    expect(settled).toMatchObject({ balance: 0, instalments: [{ paid: true }] });
  });

  it('requires a reason of 3 to 1000 characters', async () => {
    const booking = await book(agent, inDays(50), inDays(53));
    const missing = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/cancel`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('/reason');
    expect((await cancel(agent, booking.id, 'no')).statusCode).toBe(400);
    const still = await call(agent, 'GET', `/api/v1/bookings/${booking.id}`);
    expect(still.json().status).toBe('internal_reservation');
  });

  it('lets a customer cancel their own reservation, not once ordered, and not another’s', async () => {
    const own = await book(customer, inDays(70), inDays(73), asCustomer);
    expect(own.status).toBe('web_reservation');
    expect((await cancel(otherCustomer, own.id)).statusCode).toBe(404);
    expect(
      (await call(otherCustomer, 'GET', `/api/v1/bookings/${own.id}/cancellation`)).statusCode,
    ).toBe(404);
    const done = await cancel(customer, own.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'cancelled', cancellation: { fee: 60_00 } });

    const ordered = await book(customer, inDays(90), inDays(93), asCustomer);
    for (const to of ['checked', 'ordered']) {
      const moved = await call(agent, 'POST', `/api/v1/bookings/${ordered.id}/transitions`, { to });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const refused = await cancel(customer, ordered.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/ordered/);
    // Staff may still cancel it.
    expect((await cancel(agent, ordered.id)).statusCode).toBe(200);
  });

  it('cancels through the transitions route too, with the reason required there', async () => {
    const booking = await book(agent, inDays(65), inDays(68));
    const url = `/api/v1/bookings/${booking.id}/transitions`;
    const missing = await call(agent, 'POST', url, { to: 'cancelled' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('/reason');
    const done = await call(agent, 'POST', url, { to: 'cancelled', reason: 'duplicate booking' });
    expect(done.statusCode, done.body).toBe(200);
    // 65 days ahead: 10 % of 600,00.
    expect(done.json()).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'duplicate booking', fee: 60_00 },
    });
    expect((await call(agent, 'POST', url, { to: 'cancelled', reason: 'again' })).statusCode).toBe(
      409,
    );
  });

  it('gives back the promo code use of a cancelled booking', async () => {
    const rule = await createPriceRule(agency.ctx, {
      name: 'Ten off',
      kind: 'promo_code',
      productIds: [tour.tourId],
      percent: '10',
    });
    await createPromoCode(agency.ctx, { code: 'SPRING', ruleId: rule.id, maxUses: 1 });
    const booking = await book(agent, inDays(100), inDays(103), { quote: { promoCode: 'spring' } });
    expect(booking.promoCode).toBe('SPRING');
    expect((await getPromoCode(agency.ctx, 'SPRING')).used).toBe(1);
    expect((await cancel(agent, booking.id)).statusCode).toBe(200);
    expect((await getPromoCode(agency.ctx, 'SPRING')).used).toBe(0);
    // The use is free again: another booking may have it.
    const next = await book(agent, inDays(104), inDays(107), { quote: { promoCode: 'SPRING' } });
    expect(next.promoCode).toBe('SPRING');
  });

  it('answers a retried cancel with the same Idempotency-Key with the first result', async () => {
    const booking = await book(agent, inDays(55), inDays(58));
    const headers = { 'idempotency-key': `cancel-${booking.id}` };
    const first = await cancel(agent, booking.id, 'customer asked', headers);
    const retry = await cancel(agent, booking.id, 'customer asked', headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const audits = await database()
      .db.selectFrom('auditLog')
      .select('id')
      .where('entityId', '=', booking.id)
      .where('action', '=', 'booking.cancelled')
      .execute();
    expect(audits).toHaveLength(1);
    // Without the key, a second cancel is a 409.
    expect((await cancel(agent, booking.id, 'customer asked')).statusCode).toBe(409);
  });
});
