// Supplier invoices (A2) through the API: matched exactly, partly, over and under what the
// lines cost, in another currency, to a whole departure; the tolerance that flags; another
// agency's ids; bad input; the supplier-costs report as JSON, CSV and XLSX; payables by due
// date; and who may see any of it. Each case books its own tour, so no line is shared with
// another case (a line's cost is shared between the invoices that cover it).

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { insertBookings } from '../../../../tests/helpers/booking-factories.ts';
import {
  makeAccommodation,
  makeSupplier,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import type { TestAgency } from '../../../../tests/helpers/factories.ts';
import { insertBusDeparture } from '../../../../tests/helpers/inventory-fixtures.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { bucketOf } from '../reporting/reports/payables.ts';
import { factsOf, invoiceInBase, varianceOf } from './variance.ts';

describe('facts', () => {
  it('spreads a departure match by line cost and a shared line by matched amount', () => {
    const lines = new Map([
      ['a', { id: 'a', expected: 700_00 }],
      ['b', { id: 'b', expected: 300_00 }],
    ]);
    // Match m1 (1 010,00) covers a and b: 1 010,00 × 700/1000 = 707,00 and × 300/1000 = 303,00.
    // Match m2 (100,00) covers b as well: b's 300,00 is shared 303 : 100 between m1 and m2,
    // 300,00 × 303/403 = 225,56 (225.558…, and the leftover cent goes to it) and 74,44.
    const facts = factsOf(
      [
        { id: 'm1', invoiceId: 'i1', actual: 1010_00, lineIds: ['a', 'b'] },
        { id: 'm2', invoiceId: 'i2', actual: 100_00, lineIds: ['b'] },
      ],
      lines,
      'EUR',
    );
    const of = (m: string, l: string) => facts.find((f) => f.matchId === m && f.lineId === l);
    expect(of('m1', 'a')).toMatchObject({ actual: 707_00, expected: 700_00 });
    expect(of('m1', 'b')).toMatchObject({ actual: 303_00, expected: 225_56 });
    expect(of('m2', 'b')).toMatchObject({ actual: 100_00, expected: 74_44 });
    // Every cost counted once: 700 + 300 = 1 000,00 expected; 1 110,00 invoiced.
    expect(facts.reduce((s, f) => s + f.expected, 0)).toBe(1000_00);
    expect(facts.reduce((s, f) => s + f.actual, 0)).toBe(1110_00);
  });

  it('flags a variance beyond the larger of the percent and the amount', () => {
    const tolerance = { percent: '2', amount: 10_00 };
    // 2 % of 500,00 = 10,00 = the amount: 10,00 over passes, 10,01 does not.
    expect(varianceOf(500_00, 510_00, tolerance).flagged).toBe(false);
    expect(varianceOf(500_00, 510_01, tolerance).flagged).toBe(true);
    // 2 % of 5 000,00 = 100,00 > 10,00: 99,00 under passes.
    expect(varianceOf(5000_00, 4901_00, tolerance)).toMatchObject({
      variance: -99_00,
      flagged: false,
    });
    // Nothing expected: any amount beyond 10,00 is flagged; the percent is undefined.
    expect(varianceOf(0, 10_01, tolerance)).toMatchObject({ variancePct: null, flagged: true });
  });

  it('converts an invoice once and spreads it over its parts exactly', () => {
    // 1 000,01 CZK × 0.04 = 40,0004 → 40,00 EUR; parts 333,33 / 333,34 / rest 333,34 CZK.
    const split = invoiceInBase(1000_01, [333_33, 333_34], '0.04', 'EUR');
    expect(split.whole).toBe(40_00);
    expect(split.parts.reduce((a, b) => a + b, 0) + split.unmatched).toBe(40_00);
  });

  it('buckets payables by days past due', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual([
      'current',
      'days1to30',
      'days1to30',
      'days31to60',
      'days31to60',
      'days61to90',
      'days61to90',
      'over90',
    ]);
  });
});

describeEachDatabase('supplier invoices', (database) => {
  const bed = useApiTestBed(database);

  /** A hotel supplier, its hotel and a fixed-departure tour (6 and 13 July 2030, 7 nights). */
  async function hotelTour(agency: TestAgency = bed.agency) {
    const supplier = await makeSupplier(agency);
    const hotel = await makeAccommodation(agency, { supplierId: supplier.id });
    const tour = await makeTour(agency, { accommodationId: hotel.id });
    const departures = await database()
      .db.selectFrom('tourDepartures')
      .select(['id', 'startDate'])
      .where('agencyId', '=', agency.agencyId)
      .where('tourId', '=', tour.id)
      .orderBy('startDate')
      .execute();
    return { supplierId: supplier.id, tourId: tour.id, departureId: departures[0]?.id ?? '' };
  }

  let bookingCounter = 0;

  /**
   * A booking of the tour with lines of the given costs (product `tour` unless a line names
   * another), in `currency` with `rates` recorded; returns the booking and line ids.
   */
  async function bookingWithLines(
    tourId: string,
    lines: Array<{ cost: number; productKind?: string; productId?: string }>,
    options: {
      agency?: TestAgency;
      currency?: string;
      rates?: object[];
      startDate?: string;
      status?: string;
    } = {},
  ) {
    const agency = options.agency ?? bed.agency;
    const customer = await makePerson(agency);
    bookingCounter += 1;
    const startDate = options.startDate ?? '2030-07-06';
    const [bookingId = ''] = await insertBookings(database(), agency, [
      {
        number: `SI${Date.now()}${bookingCounter}`,
        customerId: customer.id,
        productId: tourId,
        startDate,
        endDate: '2030-07-13' > startDate ? '2030-07-13' : startDate,
        currency: options.currency ?? 'EUR',
        status: options.status,
      },
    ]);
    if (options.rates) {
      await database()
        .db.updateTable('bookings')
        .set({ rates: json(options.rates) })
        .where('id', '=', bookingId)
        .execute();
    }
    const ids = lines.map(() => newId());
    await database()
      .db.insertInto('bookingLines')
      .values(
        lines.map((line, position) => ({
          id: ids[position] as string,
          agencyId: agency.agencyId,
          bookingId,
          position,
          kind: line.productKind === 'transport' ? 'transport' : 'room',
          label: `Line ${position + 1}`,
          productKind: line.productKind ?? 'tour',
          productId: line.productId ?? tourId,
          travellers: json([0]),
          fromDate: startDate,
          toDate: startDate,
          unitPrice: line.cost * 2,
          quantity: 1,
          amount: line.cost * 2,
          cost: line.cost,
          supplierStatus: 'confirmed' as const,
          detail: json({}),
        })),
      )
      .execute();
    return { bookingId, lineIds: ids };
  }

  let invoiceCounter = 0;

  async function invoice(payload: Record<string, unknown>, cookie = bed.adminCookie) {
    invoiceCounter += 1;
    const response = await bed.call(cookie, 'POST', '/api/v1/supplier-invoices', {
      number: `F-${invoiceCounter}`,
      invoiceDate: '2030-07-20',
      currency: 'EUR',
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function match(invoiceId: string, payload: object, status = 201) {
    const response = await bed.asAdmin(
      'POST',
      `/api/v1/supplier-invoices/${invoiceId}/matches`,
      payload,
    );
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }

  it('matches an invoice exactly to a line: no variance, not flagged', async () => {
    const { supplierId, tourId } = await hotelTour();
    const { lineIds } = await bookingWithLines(tourId, [{ cost: 700_00 }]);
    const created = await invoice({ supplierId, amount: 700_00, vat: 63_64 });
    // Nothing matched yet: the whole 700,00 is a variance against nothing expected.
    expect(created).toMatchObject({ expectedCost: 0, actualCost: 700_00, flagged: true });
    const matched = await match(created.id, { bookingLineId: lineIds[0] });
    // The match takes what is left (all 700,00); the line cost 700,00.
    expect(matched).toMatchObject({
      matched: 700_00,
      unmatched: 0,
      expectedCost: 700_00,
      actualCost: 700_00,
      variance: 0,
      variancePct: 0,
      flagged: false,
      rate: '1',
      dueDate: '2030-08-19', // 20 July + the supplier's 30 days
    });
    expect(matched.matches).toEqual([
      expect.objectContaining({ kind: 'line', targetId: lineIds[0], expectedAtMatch: 700_00 }),
    ]);
  });

  it("matches partly: a line billed by two invoices, and an invoice's unmatched rest", async () => {
    const { supplierId, tourId } = await hotelTour();
    const { lineIds } = await bookingWithLines(tourId, [{ cost: 1000_00 }, { cost: 300_00 }]);
    const first = await invoice({ supplierId, amount: 600_00 });
    const second = await invoice({ supplierId, amount: 1000_00 });
    await match(first.id, { bookingLineId: lineIds[0] });
    // The second: 400,00 to the first line (with the first invoice's 600,00 it is billed in
    // full), 300,00 to the second line; 300,00 left unmatched.
    await match(second.id, { bookingLineId: lineIds[0], amount: 400_00 });
    const after = await match(second.id, { bookingLineId: lineIds[1], amount: 300_00 });
    // The first line's 1 000,00 is shared 600 : 400 → 400,00 expected of the second invoice,
    // plus 300,00 of the second line = 700,00; actual the whole 1 000,00, variance 300,00.
    expect(after).toMatchObject({
      matched: 700_00,
      unmatched: 300_00,
      expectedCost: 700_00,
      actualCost: 1000_00,
      variance: 300_00,
      flagged: true,
    });
    const again = (await bed.asAdmin('GET', `/api/v1/supplier-invoices/${first.id}`)).json();
    // 1 000,00 × 600/1000 = 600,00 expected of the first: exactly billed.
    expect(again).toMatchObject({ expectedCost: 600_00, variance: 0, flagged: false });

    // Per line, both invoices together: the first line 1 000,00 against 600 + 400.
    const report = await bed.asAdmin(
      'GET',
      `/api/v1/reports/supplier-costs?by=line&supplierId=${supplierId}`,
    );
    expect(report.statusCode, report.body).toBe(200);
    const rows = report.json().rows as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.lineId === lineIds[0])).toMatchObject({
      row: 'matched',
      expectedCost: 1000_00,
      actualCost: 1000_00,
      variance: 0,
      flagged: false,
      invoice: [first.number, second.number].sort().join(', '),
    });
    expect(rows.find((r) => r.row === 'unmatched')).toMatchObject({
      invoice: second.number,
      actualCost: 300_00,
      expectedCost: 0,
    });
    // More than is left is refused: 1 000,00 − 700,00 = 300,00 left.
    const unknown = await match(second.id, { tourDepartureId: newId(), amount: 1 }, 404);
    expect(unknown.status).toBe(404);
    const { departureId } = await hotelTour();
    const over = await bed.asAdmin('POST', `/api/v1/supplier-invoices/${second.id}/matches`, {
      tourDepartureId: departureId,
      amount: 300_01,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().errors).toEqual([expect.objectContaining({ path: '/amount' })]);
  });

  it('flags an over- or under-invoiced line beyond the tolerance, and follows its setting', async () => {
    const { supplierId, tourId } = await hotelTour();
    const { lineIds } = await bookingWithLines(tourId, [
      { cost: 500_00 },
      { cost: 500_00 },
      { cost: 500_00 },
    ]);
    const within = await invoice({ supplierId, amount: 505_00 });
    const over = await invoice({ supplierId, amount: 520_00 });
    const under = await invoice({ supplierId, amount: 480_00 });
    // Tolerance by default: the larger of 2 % (of 500,00 = 10,00) and 10,00.
    const a = await match(within.id, { bookingLineId: lineIds[0] });
    const b = await match(over.id, { bookingLineId: lineIds[1] });
    const c = await match(under.id, { bookingLineId: lineIds[2] });
    expect(a).toMatchObject({ variance: 5_00, variancePct: 0.01, flagged: false });
    expect(b).toMatchObject({ variance: 20_00, variancePct: 0.04, flagged: true });
    expect(c).toMatchObject({ variance: -20_00, variancePct: -0.04, flagged: true });

    const flagged = await bed.listedIds(
      bed.accountantCookie,
      `/api/v1/supplier-invoices?flagged=true&supplierId=${supplierId}`,
    );
    expect(flagged.sort()).toEqual([over.id, under.id].sort());

    // 5 % of 500,00 = 25,00 tolerated: none of the three is flagged any more.
    const set = await bed.asAdmin('PUT', '/api/v1/settings/supplier-invoice-tolerance', {
      percent: '5',
      amount: 10_00,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ percent: '5', amount: 10_00, currency: 'EUR' });
    const none = await bed.listedIds(
      bed.adminCookie,
      `/api/v1/supplier-invoices?flagged=true&supplierId=${supplierId}`,
    );
    expect(none).toEqual([]);
    await bed.asAdmin('PUT', '/api/v1/settings/supplier-invoice-tolerance', {
      percent: '2',
      amount: 10_00,
    });
  });

  it('compares an invoice in another currency in the base one, at the recorded rates', async () => {
    const { supplierId, tourId } = await hotelTour();
    // A booking in CZK at 0.04 EUR per CZK recorded with its quote: 25 000,00 CZK cost
    // = 1 000,00 EUR.
    const { lineIds } = await bookingWithLines(tourId, [{ cost: 25_000_00 }], {
      currency: 'CZK',
      rates: [{ from: 'CZK', to: 'EUR', rate: '0.04', date: '2030-07-01', source: 'manual' }],
    });
    // The agency's rate on the invoice date: 1 EUR = 25 CZK (so 1 CZK = 0.04 EUR).
    await database()
      .db.insertInto('exchangeRates')
      .values({
        agencyId: bed.agency.agencyId,
        source: 'manual',
        date: '2030-07-15',
        base: 'EUR',
        quote: 'CZK',
        rate: '25',
      })
      .execute();
    const czk = await invoice({ supplierId, currency: 'CZK', amount: 26_000_00 });
    expect(czk).toMatchObject({ rate: '0.04', rateDate: '2030-07-15', amountBase: 1040_00 });
    // 26 000,00 CZK × 0.04 = 1 040,00 EUR against 1 000,00: +40,00, 4 %; 2 % = 20,00 → flagged.
    const matched = await match(czk.id, { bookingLineId: lineIds[0] });
    expect(matched).toMatchObject({
      expectedCost: 1000_00,
      actualCost: 1040_00,
      variance: 40_00,
      variancePct: 0.04,
      flagged: true,
    });
    // A rate given: 26 000,00 CZK × 0.0385 = 1 001,00 EUR: 1,00 over, within tolerance.
    const given = await invoice({
      supplierId,
      currency: 'CZK',
      amount: 26_000_00,
      rate: '0.0385',
    });
    expect(given).toMatchObject({ rateSource: 'given', amountBase: 1001_00 });
  });

  it("matches a whole departure to the supplier's lines of it, not another supplier's", async () => {
    const { supplierId, tourId, departureId } = await hotelTour();
    const carrier = await makeSupplier(bed.agency, { kind: 'carrier', name: 'Coach Co' });
    const bus = await insertBusDeparture(bed.agency.ctx, '2030-07-06');
    await database()
      .db.updateTable('transports')
      .set({ supplierId: carrier.id })
      .where('id', '=', bus.transportId)
      .execute();
    // Two bookings of the departure: hotel lines 700,00 + 300,00 and 200,00; a bus line
    // 150,00 of the carrier; a cancelled booking's 999,00 does not count.
    await bookingWithLines(tourId, [
      { cost: 700_00 },
      { cost: 300_00 },
      { cost: 150_00, productKind: 'transport', productId: bus.transportId },
    ]);
    await bookingWithLines(tourId, [{ cost: 200_00 }]);
    await bookingWithLines(tourId, [{ cost: 999_00 }], { status: 'cancelled' });
    const hotelBill = await invoice({ supplierId, amount: 1180_00 });
    const matched = await match(hotelBill.id, { tourDepartureId: departureId });
    // Expected 700 + 300 + 200 = 1 200,00; billed 1 180,00: −20,00 (−1.67 %), within 2 % (24,00).
    expect(matched).toMatchObject({
      expectedCost: 1200_00,
      variance: -20_00,
      flagged: false,
    });
    expect(matched.matches[0]).toMatchObject({ kind: 'tourDeparture', expectedAtMatch: 1200_00 });
    // The carrier's bill for its bus departure covers the 150,00 line alone.
    const busBill = await invoice({ supplierId: carrier.id, amount: 150_00 });
    const busMatched = await match(busBill.id, { transportDepartureId: bus.departureId });
    expect(busMatched).toMatchObject({ expectedCost: 150_00, variance: 0 });

    const byDeparture = (
      await bed.asAdmin(
        'GET',
        `/api/v1/reports/supplier-costs?by=departure&supplierId=${supplierId}`,
      )
    ).json();
    expect(byDeparture.rows).toEqual([
      expect.objectContaining({
        row: 'matched',
        departureId,
        departureDate: '2030-07-06',
        expectedCost: 1200_00,
        actualCost: 1180_00,
      }),
    ]);
  });

  it('refuses a cancelled line, a line of another supplier, and bad input, naming the field', async () => {
    const { supplierId, tourId } = await hotelTour();
    const other = await hotelTour();
    const { lineIds } = await bookingWithLines(tourId, [{ cost: 100_00 }], {
      status: 'cancelled',
    });
    const { lineIds: otherLines } = await bookingWithLines(other.tourId, [{ cost: 100_00 }]);
    const created = await invoice({ supplierId, amount: 100_00, number: 'DUP-1' });
    const cancelled = await match(created.id, { bookingLineId: lineIds[0] }, 409);
    expect(cancelled.errors[0].path).toBe('/bookingLineId');
    const foreign = await match(created.id, { bookingLineId: otherLines[0] }, 409);
    expect(foreign.errors[0].path).toBe('/bookingLineId');
    const two = await match(created.id, { bookingLineId: lineIds[0], poolId: newId() }, 400);
    expect(two.errors[0].path).toBe('/poolId');

    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ currency: 'ABC' }, 400, '/currency'],
      [{ amount: -1 }, 400, '/amount'],
      [{ vat: 200_00 }, 400, '/vat'],
      [{ dueDate: '2030-07-01' }, 400, '/dueDate'],
      [{ invoiceDate: '2030-02-30' }, 400, '/invoiceDate'],
      [{ currency: 'JPY' }, 400, '/rate'], // no JPY rate recorded
      [{ rate: 'lots' }, 400, '/rate'],
      [{ number: 'DUP-1' }, 409, '/number'],
    ];
    for (const [change, status, path] of bad) {
      const response = await bed.asAdmin('POST', '/api/v1/supplier-invoices', {
        supplierId,
        number: `BAD-${newId()}`,
        invoiceDate: '2030-07-20',
        currency: 'EUR',
        amount: 100_00,
        ...change,
      });
      expect(response.statusCode, `${JSON.stringify(change)}: ${response.body}`).toBe(status);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it("answers 404 for another agency's invoice, supplier and line", async () => {
    const { supplierId, tourId } = await hotelTour();
    const { lineIds } = await bookingWithLines(tourId, [{ cost: 100_00 }]);
    const ours = await invoice({ supplierId, amount: 100_00 });
    const theirs = await hotelTour(bed.other);
    const { lineIds: theirLines } = await bookingWithLines(theirs.tourId, [{ cost: 100_00 }], {
      agency: bed.other,
    });
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      bed.call(bed.otherCookie, method, url, payload);
    expect((await call('GET', `/api/v1/supplier-invoices/${ours.id}`)).statusCode).toBe(404);
    expect(
      (
        await call('POST', `/api/v1/supplier-invoices/${ours.id}/matches`, {
          bookingLineId: theirLines[0],
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('POST', `/api/v1/supplier-invoices/${ours.id}/paid`, {})).statusCode).toBe(
      404,
    );
    const withOurSupplier = await call('POST', '/api/v1/supplier-invoices', {
      supplierId,
      number: 'X-1',
      invoiceDate: '2030-07-20',
      amount: 1,
    });
    expect(withOurSupplier.statusCode).toBe(404);
    // Our invoice matched to their line: 404 too; and their list holds none of ours.
    expect((await match(ours.id, { bookingLineId: theirLines[0] }, 404)).status).toBe(404);
    expect(await bed.listedIds(bed.otherCookie, '/api/v1/supplier-invoices')).not.toContain(
      ours.id,
    );
    // Removing a match through another invoice's path finds nothing.
    const matched = await match(ours.id, { bookingLineId: lineIds[0] });
    const elsewhere = await invoice({ supplierId, amount: 1 });
    const wrongPath = await bed.asAdmin(
      'DELETE',
      `/api/v1/supplier-invoices/${elsewhere.id}/matches/${matched.matches[0].id}`,
    );
    expect(wrongPath.statusCode).toBe(404);
    const removed = await bed.asAdmin(
      'DELETE',
      `/api/v1/supplier-invoices/${ours.id}/matches/${matched.matches[0].id}`,
    );
    expect(removed.json()).toMatchObject({ matched: 0, expectedCost: 0, matches: [] });
  });

  it('serves supplier-costs as CSV and XLSX with the same rows as its JSON', async () => {
    const { supplierId, tourId } = await hotelTour();
    const { lineIds } = await bookingWithLines(tourId, [{ cost: 400_00 }, { cost: 250_50 }]);
    // A line of a departure already travelled that nobody invoiced: listed as not invoiced.
    await bookingWithLines(tourId, [{ cost: 80_00 }], { startDate: '2021-05-01' });
    const a = await invoice({ supplierId, amount: 410_00 });
    await match(a.id, { bookingLineId: lineIds[0] });
    const b = await invoice({ supplierId, amount: 300_00 });
    await match(b.id, { bookingLineId: lineIds[1], amount: 250_50 });
    const url = `/api/v1/reports/supplier-costs?by=line&supplierId=${supplierId}`;
    const report = (await bed.asAdmin('GET', url)).json();
    const rows = report.rows as Array<Record<string, unknown>>;
    // 400,00 + 250,50 matched; 49,50 of b unmatched; 80,00 never invoiced.
    expect(rows.map((r) => [r.row, r.expectedCost, r.actualCost])).toEqual([
      ['matched', 400_00, 410_00],
      ['matched', 250_50, 250_50],
      ['unmatched', 0, 49_50],
      ['notInvoiced', 80_00, 0],
    ]);
    // Totals: expected 400 + 250,50 + 80 = 730,50; invoiced 410 + 300 = 710,00.
    expect(report.totals).toMatchObject({ expectedCost: 730_50, actualCost: 710_00 });

    const keys = (report.columns as Array<{ key: string }>).map((c) => c.key);
    const moneyKeys = ['expectedCost', 'actualCost', 'variance'];
    // A row as a file holds it: money in major units; a boolean as the CSV writer puts it
    // (TRUE or FALSE, as a spreadsheet reads them), a workbook keeps it a boolean.
    const asFile = (row: Record<string, unknown>, file: 'csv' | 'xlsx') =>
      keys.map((key) => {
        const value = row[key];
        if (value === null || value === undefined) return '';
        if (moneyKeys.includes(key)) return (Number(value) / 100).toFixed(2);
        if (typeof value === 'boolean' && file === 'csv') return value ? 'TRUE' : 'FALSE';
        return String(value);
      });

    const csv = await bed.asAdmin('GET', url.replace('supplier-costs', 'supplier-costs.csv'));
    expect(csv.statusCode).toBe(200);
    const records = parse(csv.body.replace(/^\uFEFF/, '')) as string[][];
    expect(records[0]).toEqual(report.columns.map((c: { label: string }) => c.label));
    expect(records.slice(1, -1)).toEqual(rows.map((r) => asFile(r, 'csv')));

    const xlsx = await bed.asAdmin('GET', url.replace('supplier-costs', 'supplier-costs.xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const sheetRows: string[][] = [];
    sheet?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      sheetRows.push(
        keys.map((key, i) => {
          const value = values[i];
          if (value === null || value === undefined) return '';
          if (moneyKeys.includes(key)) return Number(value).toFixed(2);
          if (value instanceof Date) return value.toISOString().slice(0, 10);
          return String(value);
        }),
      );
    });
    expect(sheetRows.slice(1, -1)).toEqual(rows.map((r) => asFile(r, 'xlsx')));
  });

  it('lists open invoices as payables by days past due, and leaves paid ones out', async () => {
    const supplier = await makeSupplier(bed.agency, { name: 'Payables Hotel' });
    // Due 2031-03-01, 2031-02-10, 2030-11-01; on 2031-03-15: 14 days and 126 days past due,
    // and one not yet due.
    const dueSoon = await invoice({
      supplierId: supplier.id,
      invoiceDate: '2031-02-01',
      dueDate: '2031-03-20',
      amount: 100_00,
    });
    const late = await invoice({
      supplierId: supplier.id,
      invoiceDate: '2031-02-01',
      dueDate: '2031-03-01',
      amount: 200_00,
    });
    const veryLate = await invoice({
      supplierId: supplier.id,
      invoiceDate: '2030-10-01',
      dueDate: '2030-11-09',
      amount: 300_00,
    });
    const paid = await invoice({
      supplierId: supplier.id,
      invoiceDate: '2031-01-01',
      dueDate: '2031-01-31',
      amount: 400_00,
    });
    const marked = await bed.asAdmin('POST', `/api/v1/supplier-invoices/${paid.id}/paid`, {
      paidOn: '2031-02-01',
    });
    expect(marked.json()).toMatchObject({ status: 'paid', paidOn: '2031-02-01' });
    const report = (
      await bed.asAdmin(
        'GET',
        `/api/v1/reports/payables?asOf=2031-03-15&by=invoice&supplierId=${supplier.id}`,
      )
    ).json();
    const byId = new Map(report.rows.map((r: { invoiceId: string }) => [r.invoiceId, r]));
    expect(byId.get(dueSoon.id)).toMatchObject({ current: 100_00, daysOverdue: 0 });
    expect(byId.get(late.id)).toMatchObject({ days1to30: 200_00, daysOverdue: 14 });
    expect(byId.get(veryLate.id)).toMatchObject({ over90: 300_00, daysOverdue: 126 });
    expect(byId.has(paid.id)).toBe(false);
    expect(report.totals).toMatchObject({ total: 600_00 });
    // Before it was paid (on 2031-01-31, its due date) it was open and current.
    const earlier = (
      await bed.asAdmin('GET', `/api/v1/reports/payables?asOf=2031-01-31&supplierId=${supplier.id}`)
    ).json();
    expect(earlier.rows).toEqual([
      expect.objectContaining({
        supplierId: supplier.id,
        current: 400_00,
        over90: 0,
        total: 700_00,
        days61to90: 300_00,
      }),
    ]);
    // Open again: the list shows it open.
    await bed.asAdmin('POST', `/api/v1/supplier-invoices/${paid.id}/paid`, { paidOn: null });
    const open = await bed.listedIds(
      bed.adminCookie,
      `/api/v1/supplier-invoices?status=open&supplierId=${supplier.id}`,
    );
    expect(open).toContain(paid.id);
    // Pages of one, newest first, follow the cursor through all four.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/supplier-invoices?limit=1&supplierId=${supplier.id}${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await bed.asAdmin('GET', url)
      ).json();
      paged.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual([paid.id, veryLate.id, late.id, dueSoon.id]);
  });

  it('answers 403 to an agent for invoices, their reports and the tolerance', async () => {
    await bed.expectEachAnswers(
      bed.agentCookie,
      [
        ['GET', '/api/v1/supplier-invoices'],
        [
          'POST',
          '/api/v1/supplier-invoices',
          { supplierId: newId(), number: 'A', invoiceDate: '2030-01-01', amount: 1 },
        ],
        ['GET', `/api/v1/supplier-invoices/${newId()}`],
        ['POST', `/api/v1/supplier-invoices/${newId()}/matches`, { bookingLineId: newId() }],
        ['POST', `/api/v1/supplier-invoices/${newId()}/paid`, {}],
        ['GET', '/api/v1/reports/supplier-costs'],
        ['GET', '/api/v1/reports/supplier-costs.csv'],
        ['GET', '/api/v1/reports/payables.xlsx'],
        ['GET', '/api/v1/settings/supplier-invoice-tolerance'],
      ],
      { status: 403, problemJson: true },
    );
  });
});
