// The sales ledger (A1): rows written with each booking's creation, change and cancellation
// sum per booking to its current total (its fee once cancelled), costs, pax and nights alike;
// the migration's backfill gives existing bookings the same rows; the pure row builders.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
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
import { up as backfill } from '../../db/migrations/2026-12-06-21-sales-ledger.ts';
import { setManualRate } from '../pricing/rates.ts';
import {
  destinationParts,
  inBase,
  type LedgerBooking,
  type LedgerTerms,
  recordedRate,
  reversalRows,
  saleRows,
} from './ledger.ts';

describe('ledger rows', () => {
  const booking: LedgerBooking = {
    id: 'b1',
    agencyId: 'a1',
    currency: 'CZK',
    channel: 'phone',
    customerId: 'c1',
    productKind: 'tour',
    productId: 'p1',
    productName: 'Crete',
    destination: 'Hersonissos, GR',
    startDate: '2027-06-01',
    endDate: '2027-06-08',
    party: { adults: 2, childAges: [6] },
    createdAt: '2027-01-10T10:00:00Z',
    total: 30_000_00,
  };
  const terms: LedgerTerms = {
    baseCurrency: 'EUR',
    rate: '0.04',
    soldBy: 'u1',
    bookingDate: '2027-01-10',
  };
  const at = new Date('2027-01-10T10:00:00Z');

  it('writes a row per line, counts the booking once, and the override apart', () => {
    const rows = saleRows(
      booking,
      terms,
      [
        { id: 'l1', amount: 25_000_00, cost: 20_000_00 },
        { id: 'l2', amount: 7_000_00, cost: null },
      ],
      'created',
      at,
    );
    expect(
      rows.map((r) => [r.event, r.bookingLineId, r.sale, r.cost, r.saleBase, r.costBase]),
    ).toEqual([
      ['created', 'l1', 25_000_00, 20_000_00, 1_000_00, 800_00],
      ['created', 'l2', 7_000_00, null, 280_00, null],
      // 30 000,00 agreed against 32 000,00 of lines.
      ['override', null, -2_000_00, null, -80_00, null],
    ]);
    expect(rows.map((r) => [r.bookings, r.pax, r.nights])).toEqual([
      [1, 3, 7],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(rows[0]).toMatchObject({
      online: false,
      soldBy: 'u1',
      destinationCountry: 'GR',
      destinationPlace: 'Hersonissos',
      departureDate: '2027-06-01',
      bookingDate: '2027-01-10',
    });
  });

  it('takes back exactly what the ledger holds', () => {
    const rows = saleRows(
      booking,
      terms,
      [{ id: 'l1', amount: 30_000_00, cost: 1 }],
      'created',
      at,
    );
    const { id: _id, event: _event, at: _at, ...net } = rows[0] ?? ({} as never);
    const back = reversalRows([net], 'cancelled', at);
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({
      event: 'cancelled',
      sale: -30_000_00,
      cost: -1,
      saleBase: -1_200_00,
      bookings: -1,
      pax: -3,
      nights: -7,
    });
    expect(
      reversalRows([{ ...net, sale: 0, cost: 0, bookings: 0, pax: 0, nights: 0 }], 'changed', at),
    ).toEqual([]);
  });

  it('rounds base amounts half away from zero, symmetric in sign', () => {
    expect(inBase(5, '0.5')).toBe(3);
    expect(inBase(-5, '0.5')).toBe(-3);
    expect(inBase(100, null)).toBeNull();
    expect(
      recordedRate(
        [{ from: 'EUR', to: 'CZK', rate: '25', date: '2027-01-01', source: 'ecb' }],
        'CZK',
        'EUR',
      ),
    ).toBe('0.04');
    expect(recordedRate([], 'EUR', 'EUR')).toBe('1');
    expect(recordedRate([], 'CZK', 'EUR')).toBeNull();
    expect(destinationParts('Praha')).toEqual({
      destinationCountry: null,
      destinationPlace: 'Praha',
    });
  });
});

describeEachDatabase('sales ledger', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agent: string;
  let agentId: string;
  let tour: BookableTour;
  const call = caller(() => app);
  const book = (from: string, to: string, more = {}) =>
    bookTrip(call, agent, tour, { from, to }, more);

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      users: [{ role: 'agent', email: `agent-${stamp}@ledger.test` }],
    });
    agent = (await signIn(app, `agent-${stamp}@ledger.test`)).cookie;
    tour = await makeBookableTour(agency);
    const user = await database()
      .db.selectFrom('users')
      .select('id')
      .where('email', '=', `agent-${stamp}@ledger.test`)
      .executeTakeFirstOrThrow();
    agentId = user.id;
  });
  afterAll(() => app.close());

  const sums = async (bookingId: string) => {
    const row = await database()
      .db.selectFrom('salesLedger')
      .select((eb) => [
        eb.fn.sum<number>('sale').as('sale'),
        eb.fn.sum<number>('cost').as('cost'),
        eb.fn.sum<number>('saleBase').as('saleBase'),
        eb.fn.sum<number>('bookings').as('bookings'),
        eb.fn.sum<number>('pax').as('pax'),
        eb.fn.sum<number>('nights').as('nights'),
      ])
      .where('bookingId', '=', bookingId)
      .executeTakeFirstOrThrow();
    return {
      sale: Number(row.sale),
      cost: Number(row.cost),
      saleBase: Number(row.saleBase),
      bookings: Number(row.bookings),
      pax: Number(row.pax),
      nights: Number(row.nights),
    };
  };
  const events = async (bookingId: string) =>
    (
      await database()
        .db.selectFrom('salesLedger')
        .select(['event', 'sale'])
        .where('bookingId', '=', bookingId)
        .orderBy('at')
        .orderBy('sale')
        .execute()
    ).map((r) => [r.event, Number(r.sale)]);

  it('sums a booking to its total as made, changed and cancelled; costs, pax and nights too', async () => {
    // 2 adults × 4 nights × 100,00 = 800,00, agreed at 750,00; cost 2 × 4 × 70,00.
    const booking = await book(inDays(60), inDays(64), {
      booking: { priceOverride: { total: 750_00, reason: 'regular client' } },
    });
    expect(await sums(booking.id)).toEqual({
      sale: 750_00,
      cost: 560_00,
      saleBase: 750_00,
      bookings: 1,
      pax: 2,
      nights: 4,
    });
    expect(await events(booking.id)).toEqual([
      ['override', -50_00],
      ['created', 800_00],
    ]);

    const preview = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes/preview`, {
      from: inDays(66),
      to: inDays(69),
    });
    expect(preview.statusCode, preview.body).toBe(201);
    const applied = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes`, {
      quoteId: preview.json().quote.id,
      reason: 'a shorter stay',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    // 2 × 3 × 100,00 + the 25,00 change fee; the override goes with the old lines.
    const changed = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}`)).json();
    expect(changed.total).toBe(625_00);
    expect(await sums(booking.id)).toEqual({
      sale: 625_00,
      cost: 420_00,
      saleBase: 625_00,
      bookings: 1,
      pax: 2,
      nights: 3,
    });

    const cancelled = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'the customer fell ill',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // 66 days ahead: 10 % of 625,00.
    const fee = cancelled.json().cancellation.fee;
    expect(fee).toBe(62_50);
    expect(await sums(booking.id)).toEqual({
      sale: fee,
      cost: 0,
      saleBase: fee,
      bookings: 0,
      pax: 0,
      nights: 0,
    });
    const rows = await database()
      .db.selectFrom('salesLedger')
      .select(['event', 'sale', 'channel', 'online', 'soldBy', 'departureDate', 'baseCurrency'])
      .where('bookingId', '=', booking.id)
      .where('event', '=', 'fee')
      .execute();
    expect(rows).toEqual([
      {
        event: 'fee',
        sale: fee,
        channel: 'phone',
        online: false,
        soldBy: agentId,
        departureDate: inDays(66),
        baseCurrency: 'EUR',
      },
    ]);
  });

  it('keeps base amounts at the rate recorded with the quote of a booking in another currency', async () => {
    // 25 CZK a euro today: the tour's EUR prices quoted in CZK, the ledger's base (EUR) at 1/25.
    await setManualRate(agency.ctx, { date: inDays(0), base: 'EUR', quote: 'CZK', rate: '25' });
    const booking = await book(inDays(70), inDays(73), { quote: { currency: 'CZK' } });
    expect(booking.currency).toBe('CZK');
    // 2 adults × 3 nights × 100,00 EUR × 25 = 15 000,00 CZK; cost 2 × 3 × 70,00 × 25.
    expect(booking.total).toBe(15_000_00);
    const quoted = await database()
      .db.selectFrom('bookings')
      .select('rates')
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(quoted.rates).toEqual([expect.objectContaining({ from: 'EUR', to: 'CZK' })]);
    expect(await sums(booking.id)).toMatchObject({
      sale: 15_000_00,
      cost: 10_500_00,
      saleBase: 600_00,
    });

    // The euro dearer since: a change and the cancellation still take the quote's rate.
    await setManualRate(agency.ctx, { date: inDays(0), base: 'EUR', quote: 'CZK', rate: '20' });
    const preview = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes/preview`, {
      from: inDays(70),
      to: inDays(74),
    });
    expect(preview.statusCode, preview.body).toBe(201);
    const applied = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes`, {
      quoteId: preview.json().quote.id,
      reason: 'a night more',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const changed = (await call(agent, 'GET', `/api/v1/bookings/${booking.id}`)).json();
    const base = await database()
      .db.selectFrom('salesLedger')
      .select(['rate', 'sale', 'saleBase', 'costBase', 'cost', 'baseCurrency', 'currency'])
      .where('bookingId', '=', booking.id)
      .execute();
    for (const row of base) {
      expect(Number(row.rate)).toBe(0.04);
      expect(row).toMatchObject({ currency: 'CZK', baseCurrency: 'EUR' });
      // Each row's base amount is its own amount at 0.04, rounded half away from zero.
      expect(row.saleBase).toBe(inBase(Number(row.sale), '0.04'));
    }
    expect((await sums(booking.id)).saleBase).toBe(inBase(changed.total, '0.04'));

    const cancelled = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'plans changed',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const fee = cancelled.json().cancellation.fee;
    expect(await sums(booking.id)).toMatchObject({ sale: fee, saleBase: inBase(fee, '0.04') });
  });

  it('backfills existing bookings as the services write them', async () => {
    const live = await book(inDays(80), inDays(83), {
      booking: { priceOverride: { total: 500_00, reason: 'regular client' } },
    });
    const gone = await book(inDays(90), inDays(93));
    const cancelled = await call(agent, 'POST', `/api/v1/bookings/${gone.id}/cancel`, {
      reason: 'plans changed',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const before = { live: await sums(live.id), gone: await sums(gone.id) };
    const db = database().db;
    await db.deleteFrom('salesLedger').where('agencyId', '=', agency.agencyId).execute();
    await sql`drop table sales_ledger`.execute(db);
    await backfill(db as never);
    expect(await sums(live.id)).toEqual(before.live);
    expect(await sums(gone.id)).toEqual(before.gone);
    // 90 days ahead: 10 % of 2 × 3 × 100,00.
    expect(before.gone.sale).toBe(60_00);
    expect(cancelled.json().cancellation.fee).toBe(60_00);
  });
});
