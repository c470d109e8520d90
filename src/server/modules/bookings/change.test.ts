// Changing a booking through the API (B6): a preview prices the change as a new quote and
// holds it; applying swaps the inventory in one transaction (or changes nothing when the
// places are gone), keeps the old lines as superseded, adds the change fee; travellers'
// details are corrected without repricing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BookableTour,
  bookTrip,
  caller,
  childAged6On,
  inDays,
  makeBookableTour,
  nightsOf,
  twoAdults,
} from '../../../../tests/helpers/booking-fixtures.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import type { Ctx } from '../../context.ts';
import { setCapacity, sweepExpiredHolds } from '../inventory/service.ts';
import { createPriceRule } from '../pricing/price-rules-service.ts';
import { createPromoCode, getPromoCode } from '../pricing/promo-codes-service.ts';
import { previewChange } from './change-booking.ts';

describeEachDatabase('changing bookings', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let staff: Ctx;
  let agent: string;
  let customer: string;
  let otherCustomer: string;
  let tour: BookableTour;
  const call = caller(() => app);
  const book = (cookie: string, from: string, to: string, more = {}) =>
    bookTrip(call, cookie, tour, { from, to }, more);
  const preview = (cookie: string, id: string, change: object) =>
    call(cookie, 'POST', `/api/v1/bookings/${id}/changes/preview`, change);
  const apply = (cookie: string, id: string, body: object, headers = {}) =>
    call(cookie, 'POST', `/api/v1/bookings/${id}/changes`, body, headers);
  const get = async (id: string) => (await call(agent, 'GET', `/api/v1/bookings/${id}`)).json();
  const linesInDb = (id: string) =>
    database()
      .db.selectFrom('bookingLines')
      .select(['position', 'kind', 'amount', 'supersededAt'])
      .where('bookingId', '=', id)
      .orderBy('position')
      .execute();
  const takeStatus = async (takeId: string) =>
    (
      await database()
        .db.selectFrom('inventoryTakes')
        .select('status')
        .where('id', '=', takeId)
        .executeTakeFirstOrThrow()
    ).status;
  const takeOf = async (id: string) =>
    (
      await database()
        .db.selectFrom('bookings')
        .select('takeId')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).takeId as string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${stamp}@change.test` },
        { role: 'customer', email: `customer-${stamp}@change.test` },
        { role: 'customer', email: `other-${stamp}@change.test` },
      ],
    });
    agent = (await signIn(app, `agent-${stamp}@change.test`)).cookie;
    customer = (await signIn(app, `customer-${stamp}@change.test`)).cookie;
    otherCustomer = (await signIn(app, `other-${stamp}@change.test`)).cookie;
    staff = { ...agency.ctx, actor: { ...agency.ctx.actor, role: 'agent', name: 'Agent' } };
    tour = await makeBookableTour(agency, { customerEmail: `customer-${stamp}@change.test` });
  });
  afterAll(() => app.close());

  it('previews a change of dates: the repriced quote held, the fee, the difference', async () => {
    const booking = await book(agent, inDays(75), inDays(79));
    const response = await preview(agent, booking.id, { from: inDays(80), to: inDays(85) });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    // 2 adults × 5 nights × 100,00 = 1 000,00; 75 days ahead is under the 120 free days:
    // 25,00 to change; 1 025,00 against 800,00 now.
    expect(body).toMatchObject({
      quote: { from: inDays(80), to: inDays(85), total: 1_000_00, currency: 'EUR' },
      changeFee: 25_00,
      newTotal: 1_025_00,
      difference: 225_00,
      currentTotal: 800_00,
      promoCodeDropped: null,
    });
    expect(body.quote.lines.length).toBeGreaterThan(0);
    expect(await nightsOf(agency, tour, inDays(80), inDays(85))).toEqual(
      Array.from({ length: 5 }, () => ({ sold: 0, held: 1 })),
    );
    const untouched = await get(booking.id);
    expect(untouched).toMatchObject({
      from: inDays(75),
      to: inDays(79),
      revision: 1,
      total: 800_00,
    });
  });

  it('applies a change: inventory swapped, old lines kept as superseded, fee added, audited', async () => {
    const [oldFrom, oldTo, newFrom, newTo] = [inDays(60), inDays(64), inDays(66), inDays(69)];
    const booking = await book(agent, oldFrom, oldTo, {
      booking: { priceOverride: { total: 750_00, reason: 'regular client' } },
    });
    const oldTake = await takeOf(booking.id);
    const oldBefore = await nightsOf(agency, tour, oldFrom, oldTo);
    const previewed = (await preview(agent, booking.id, { from: newFrom, to: newTo })).json();
    const newBefore = await nightsOf(agency, tour, newFrom, newTo);

    const response = await apply(agent, booking.id, {
      quoteId: previewed.quote.id,
      reason: 'the customer asked for a shorter stay',
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json();
    // 2 × 3 × 100,00 = 600,00 + the 25,00 change fee; the 750,00 agreed before is dropped.
    expect(changed).toMatchObject({
      from: newFrom,
      to: newTo,
      revision: 2,
      quoteId: previewed.quote.id,
      total: 625_00,
      listTotal: 625_00,
      priceOverride: null,
      status: 'internal_reservation',
    });
    const fee = changed.lines.at(-1);
    expect(fee).toMatchObject({ kind: 'fee', label: 'Change fee', amount: 25_00, quantity: 1 });
    expect(changed.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0)).toBe(
      625_00,
    );
    expect(changed.lines.every((l: { from: string | null }) => l.from !== oldFrom)).toBe(true);

    // The old lines are still in the database, superseded; the new ones follow them.
    const rows = await linesInDb(booking.id);
    const old = rows.filter((r) => r.supersededAt !== null);
    const current = rows.filter((r) => r.supersededAt === null);
    expect(old.length).toBeGreaterThan(0);
    expect(current.length).toBe(changed.lines.length);
    expect(Math.min(...current.map((r) => r.position))).toBe(
      Math.max(...old.map((r) => r.position)) + 1,
    );

    // Inventory: the old nights given back, the held new ones sold.
    expect(await nightsOf(agency, tour, oldFrom, oldTo)).toEqual(
      oldBefore.map((n) => ({ ...n, sold: n.sold - 1 })),
    );
    expect(await nightsOf(agency, tour, newFrom, newTo)).toEqual(
      newBefore.map((n) => ({ sold: n.sold + 1, held: n.held - 1 })),
    );
    expect(await takeStatus(oldTake)).toBe('released');
    expect(await takeStatus(await takeOf(booking.id))).toBe('taken');

    const entry = changed.history.find((h: { action: string }) => h.action === 'booking.changed');
    expect(entry).toMatchObject({
      reason: 'the customer asked for a shorter stay',
      detail: {
        revision: 2,
        from: newFrom,
        total: 625_00,
        changeFee: 25_00,
        priceOverrideDropped: { total: 750_00, reason: 'regular client' },
      },
    });
    // The cancellation fee now follows the new total: 10 % of 625,00 (66 days ahead).
    const cancellation = await call(agent, 'GET', `/api/v1/bookings/${booking.id}/cancellation`);
    expect(cancellation.json()).toMatchObject({ total: 625_00, fee: 62_50 });
  });

  it('charges no change fee far enough ahead', async () => {
    const booking = await book(agent, inDays(150), inDays(153));
    const previewed = (await preview(agent, booking.id, { to: inDays(154) })).json();
    expect(previewed).toMatchObject({ changeFee: 0, newTotal: 800_00, difference: 200_00 });
    const changed = (await apply(agent, booking.id, { quoteId: previewed.quote.id })).json();
    expect(changed.total).toBe(800_00);
    expect(changed.lines.some((l: { kind: string }) => l.kind === 'fee')).toBe(false);
  });

  it('refuses with 409 a change that would change nothing, and keeps the revision', async () => {
    const booking = await book(agent, inDays(140), inDays(143));
    const same = (await preview(agent, booking.id, { from: inDays(140), to: inDays(143) })).json();
    expect(same).toMatchObject({ difference: 0, changeFee: 0 });
    const response = await apply(agent, booking.id, { quoteId: same.quote.id });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('nothing would change');
    const after = await get(booking.id);
    expect(after.revision).toBe(1);
    expect(after.history.filter((h: { action: string }) => h.action === 'booking.changed')).toEqual(
      [],
    );
    // The same dates with a traveller's name corrected is a change.
    const travellers = (after.travellers as Array<Record<string, unknown>>).map((t, i) => ({
      firstName: i === 0 ? 'Johana' : t.firstName,
      lastName: t.lastName,
      birthDate: t.birthDate,
      email: t.email,
    }));
    const renamed = await apply(agent, booking.id, { quoteId: same.quote.id, travellers });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().revision).toBe(2);
  });

  it('refuses dates that are sold out with 409, and changes nothing', async () => {
    const [from, to] = [inDays(100), inDays(103)];
    const booking = await book(agent, from, to);
    const sold = await nightsOf(agency, tour, from, to);
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: tour.double }, 'DBL', {
      from: inDays(110),
      to: inDays(112),
      kind: 'allotment',
      units: 0,
    });
    const refused = await preview(agent, booking.id, { from: inDays(110), to: inDays(113) });
    expect(refused.statusCode).toBe(409);
    expect(await nightsOf(agency, tour, from, to)).toEqual(sold);
    expect(await get(booking.id)).toMatchObject({ from, to, revision: 1, total: 600_00 });
    const quotes = await database()
      .db.selectFrom('quotes')
      .select('id')
      .where('changeOf', '=', booking.id)
      .execute();
    expect(quotes).toEqual([]);
  });

  it('takes an expired change quote afresh, and refuses it with 409 once its places are gone', async () => {
    const booking = await book(agent, inDays(120), inDays(123));
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    const stale = await previewChange(staff, booking.id, { to: inDays(124) }, hoursAgo);
    const done = await apply(agent, booking.id, { quoteId: stale.quote.id });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ to: inDays(124), revision: 2 });
    expect(await nightsOf(agency, tour, inDays(120), inDays(124))).toEqual(
      Array.from({ length: 4 }, () => ({ sold: 1, held: 0 })),
    );

    // Again, but the hold is swept and the nights it wanted sold out meanwhile.
    const gone = await previewChange(
      staff,
      booking.id,
      { from: inDays(130), to: inDays(133) },
      hoursAgo,
    );
    await sweepExpiredHolds(database().db);
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: tour.double }, 'DBL', {
      from: inDays(130),
      to: inDays(133),
      kind: 'allotment',
      units: 0,
    });
    const takeBefore = await takeOf(booking.id);
    const refused = await apply(agent, booking.id, { quoteId: gone.quote.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({ path: '/quoteId' });
    expect(await get(booking.id)).toMatchObject({
      from: inDays(120),
      to: inDays(124),
      revision: 2,
    });
    expect(await takeOf(booking.id)).toBe(takeBefore);
    expect(await takeStatus(takeBefore)).toBe('taken');
    expect(await nightsOf(agency, tour, inDays(120), inDays(124))).toEqual(
      Array.from({ length: 4 }, () => ({ sold: 1, held: 0 })),
    );
  });

  it('needs every traveller when the party changes, checked against the new party', async () => {
    const [from, to] = [inDays(140), inDays(143)];
    const booking = await book(agent, from, to);
    const previewed = (
      await preview(agent, booking.id, {
        party: { adults: 2, childAges: [6] },
        rooms: [{ roomTypeId: tour.double, adults: 2, childAges: [6] }],
      })
    ).json();
    // 3 nights: 2 adults × 100,00 + a child at half price = 750,00; 140 days ahead: free.
    expect(previewed).toMatchObject({ changeFee: 0, newTotal: 750_00 });
    const quoteId = previewed.quote.id;
    const missing = await apply(agent, booking.id, { quoteId });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('/travellers');
    const tooOld = { ...childAged6On(from), birthDate: '2010-01-01' };
    const wrong = await apply(agent, booking.id, { quoteId, travellers: [...twoAdults, tooOld] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toMatch(/^\/travellers/);
    const ok = await apply(agent, booking.id, {
      quoteId,
      travellers: [...twoAdults, childAged6On(from)],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().party).toEqual({ adults: 2, childAges: [6] });
    expect(ok.json().travellers.map((t: { child: boolean }) => t.child)).toEqual([
      false,
      false,
      true,
    ]);
    expect(ok.json().total).toBe(750_00);
  });

  it('keeps the booking’s promo code on a change, counting its own use back', async () => {
    const rule = await createPriceRule(agency.ctx, {
      name: 'Five off',
      kind: 'promo_code',
      productIds: [tour.tourId],
      percent: '5',
    });
    await createPromoCode(agency.ctx, { code: 'ONCE', ruleId: rule.id, maxUses: 1 });
    const booking = await book(agent, inDays(160), inDays(163), { quote: { promoCode: 'ONCE' } });
    // 600,00 − 5 % = 570,00.
    expect(booking.total).toBe(570_00);
    const previewed = (await preview(agent, booking.id, { to: inDays(164) })).json();
    // The code's one use is this booking's own: the change keeps it. 800,00 − 5 % = 760,00.
    expect(previewed).toMatchObject({ promoCodeDropped: null, newTotal: 760_00 });
    const changed = (await apply(agent, booking.id, { quoteId: previewed.quote.id })).json();
    expect(changed).toMatchObject({ promoCode: 'ONCE', total: 760_00 });
    expect((await getPromoCode(agency.ctx, 'ONCE')).used).toBe(1);
  });

  it('corrects travellers without repricing; refuses another party and a cancelled booking', async () => {
    const booking = await book(agent, inDays(170), inDays(173));
    const url = `/api/v1/bookings/${booking.id}/travellers`;
    const fixed = [{ ...twoAdults[0], lastName: 'Novotná' }, twoAdults[1]];
    const response = await call(agent, 'PUT', url, { travellers: fixed, reason: 'typo' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().travellers[0].lastName).toBe('Novotná');
    expect(response.json()).toMatchObject({ total: booking.total, revision: 1 });
    const entry = response
      .json()
      .history.find((h: { action: string }) => h.action === 'booking.travellers_corrected');
    expect(entry.detail.travellers).toEqual(['Jana Novotná', 'Petr Novák']);
    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['before'])
      .where('entityId', '=', booking.id)
      .where('action', '=', 'booking.travellers_corrected')
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ travellers: ['Jana Nováková', 'Petr Novák'] });

    const three = await call(agent, 'PUT', url, {
      travellers: [...fixed, childAged6On(inDays(170))],
    });
    expect(three.statusCode).toBe(400);
    expect(three.json().errors[0].path).toBe('/travellers');

    await call(agent, 'POST', `/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'plans fell through',
    });
    expect((await call(agent, 'PUT', url, { travellers: fixed })).statusCode).toBe(409);
    expect((await preview(agent, booking.id, { to: inDays(175) })).statusCode).toBe(409);
  });

  it('refuses to change a non-refundable booking with 409', async () => {
    await createPriceRule(agency.ctx, {
      name: 'Non-refundable',
      kind: 'non_refundable',
      productIds: [tour.tourId],
      percent: '8',
    });
    const booking = await book(agent, inDays(180), inDays(183), {
      quote: { ratePlan: 'non_refundable' },
    });
    expect(booking.cancellationPolicy.nonRefundable).toBe(true);
    const refused = await preview(agent, booking.id, { to: inDays(184) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/non-refundable/);
    // Its travellers may still be corrected.
    const fixed = await call(agent, 'PUT', `/api/v1/bookings/${booking.id}/travellers`, {
      travellers: twoAdults,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
  });

  it('lets only the booking’s customer (or staff) change it', async () => {
    const own = await book(customer, inDays(185), inDays(188), { quote: { channel: 'web' } });
    expect((await preview(otherCustomer, own.id, { to: inDays(189) })).statusCode).toBe(404);
    const previewed = await preview(customer, own.id, { to: inDays(189) });
    expect(previewed.statusCode, previewed.body).toBe(201);
    const stranger = await apply(otherCustomer, own.id, { quoteId: previewed.json().quote.id });
    expect(stranger.statusCode).toBe(404);
    const done = await apply(customer, own.id, { quoteId: previewed.json().quote.id });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().to).toBe(inDays(189));
  });

  it('answers a retried change with the same Idempotency-Key with the first result', async () => {
    const booking = await book(agent, inDays(190), inDays(193));
    const first = (await preview(agent, booking.id, { to: inDays(194) })).json();
    const second = (await preview(agent, booking.id, { to: inDays(195) })).json();
    const headers = { 'idempotency-key': `change-${first.quote.id}` };
    const body = { quoteId: first.quote.id };
    const done = await apply(agent, booking.id, body, headers);
    const retry = await apply(agent, booking.id, body, headers);
    expect(done.statusCode, done.body).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(done.json());
    expect(done.json().revision).toBe(2);
    // Without the key it is the same change twice: 409; and a preview of an earlier
    // revision no longer applies.
    expect((await apply(agent, booking.id, body)).statusCode).toBe(409);
    const stale = await apply(agent, booking.id, { quoteId: second.quote.id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/preview it again/);
    // A quote that is no change of this booking is refused naming it.
    const foreign = await apply(agent, booking.id, { quoteId: booking.quoteId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('/quoteId');
  });
});
