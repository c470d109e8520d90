// The sales report (A2) on a small hand-made agency whose arithmetic is written out below:
// periods (months, ISO weeks across a new year), dimensions, the departure date basis, a
// cancellation counted once and negatively with its fee, cost columns for cost roles only,
// validation, another agency's rows left out, and the CSV and XLSX holding the JSON's rows.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBookings, makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { makeCompany, makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  userByEmail,
} from '../../../../tests/helpers/factories.ts';
import { ledgerFilters } from './ledger-filters.ts';
import { parseDimensions } from './reports/sales.ts';

describe('ledger filters', () => {
  const now = new Date('2027-05-05T12:00:00Z');

  it('defaults to the calendar year, of the date given or of today', () => {
    expect(ledgerFilters({}, now)).toMatchObject({
      from: '2027-01-01',
      to: '2027-12-31',
      dateBasis: 'booking',
    });
    expect(ledgerFilters({ from: '2025-03-01' }, now)).toMatchObject({
      from: '2025-03-01',
      to: '2025-12-31',
    });
    expect(ledgerFilters({ to: '2024-02-10' }, now)).toMatchObject({
      from: '2024-01-01',
      to: '2024-02-10',
    });
  });

  it('refuses a period backwards, longer than ten years, or a date that is none', () => {
    expect(() => ledgerFilters({ from: '2027-02-01', to: '2027-01-31' }, now)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: '/to' })] }),
    );
    // 2020-01-01 to 2029-12-31 is 3652 days apart: ten years; one day more is too long.
    expect(ledgerFilters({ from: '2020-01-01', to: '2029-12-31' }, now).to).toBe('2029-12-31');
    expect(() => ledgerFilters({ from: '2020-01-01', to: '2030-01-01' }, now)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: '/to' })] }),
    );
    expect(() => ledgerFilters({ from: '2027-02-30' }, now)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: '/from' })] }),
    );
  });

  it('reads `by` as a list of known dimensions, each once', () => {
    expect(parseDimensions('channel, customer,channel')).toEqual(['channel', 'customer']);
    expect(parseDimensions(undefined)).toEqual([]);
    expect(() => parseDimensions('channel,colour')).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: '/by' })] }),
    );
  });
});

describeEachDatabase('sales report', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let admin = '';
  let agent = '';
  let agentId = '';
  let crete = '';
  let rome = '';
  let alice = '';
  let bob = '';
  let acme = '';

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
    const agentEmail = `agent-${stamp}@sales.test`;
    agency = await makeAgency(database(), {
      users: [{ role: 'agent', email: agentEmail, name: 'Eva Agentová' }],
    });
    admin = (await signIn(app, agency.adminEmail)).cookie;
    agent = (await signIn(app, agentEmail)).cookie;
    agentId = (await userByEmail(database(), agency.agencyId, agentEmail)).id;
    crete = (await makeBookableTour(agency)).tourId;
    rome = (await makeBookableTour(agency, { city: 'Roma', country: 'IT' })).tourId;
    alice = (await makePerson(agency, { firstName: 'Alice', lastName: 'Adams' })).id;
    bob = (await makePerson(agency, { firstName: 'Bob', lastName: 'Brown' })).id;
    acme = (await makeCompany(agency, { companyName: 'Acme s.r.o.' })).id;
    const twoAdults = { adults: 2, childAges: [] };
    await insertBookings(database(), agency, [
      // B1: 10 Jan 2029 (ISO week 2), phone, by Eva, for Alice; 2 pax, 7 nights;
      // lines 800,00 (cost 600,00) + 200,00 (cost 100,00) = 1 000,00.
      {
        number: `S${stamp}1`,
        customerId: alice,
        productId: crete,
        productName: 'Crete',
        channel: 'phone',
        createdBy: agentId,
        createdAt: '2029-01-10T09:00:00Z',
        startDate: '2029-06-01',
        endDate: '2029-06-08',
        party: twoAdults,
        total: 1000_00,
        lines: [
          { amount: 800_00, cost: 600_00 },
          { amount: 200_00, cost: 100_00 },
        ],
      },
      // B2: 20 Jan 2029 (week 3), web, for Bob; 1 pax, 3 nights; a line of 500,00 (cost
      // 400,00) agreed at 450,00: an override row of −50,00.
      {
        number: `S${stamp}2`,
        customerId: bob,
        productId: crete,
        productName: 'Crete',
        channel: 'web',
        createdAt: '2029-01-20T09:00:00Z',
        startDate: '2029-06-10',
        endDate: '2029-06-13',
        party: { adults: 1, childAges: [] },
        total: 450_00,
        lines: [{ amount: 500_00, cost: 400_00 }],
      },
      // B3: 5 Feb 2029, phone, by Eva, for Alice; 2 pax, 5 nights; 700,00 (cost 500,00);
      // cancelled on 3 Mar 2029 with a fee of 70,00.
      {
        number: `S${stamp}3`,
        customerId: alice,
        productId: rome,
        productName: 'Rome',
        channel: 'phone',
        createdBy: agentId,
        createdAt: '2029-02-05T09:00:00Z',
        startDate: '2029-07-01',
        endDate: '2029-07-06',
        party: twoAdults,
        total: 700_00,
        lines: [{ amount: 700_00, cost: 500_00 }],
        status: 'cancelled',
        cancelledAt: '2029-03-03T15:00:00Z',
        cancellationFee: 70_00,
      },
      // B4: Monday 31 Dec 2029, in ISO week 2030-W01; e-mail, for Acme; 1 pax, 3 nights;
      // 300,00 without lines: one override row, no cost (pure margin).
      {
        number: `S${stamp}4`,
        customerId: acme,
        productId: rome,
        productName: 'Rome',
        channel: 'email',
        createdAt: '2029-12-31T20:00:00Z',
        startDate: '2030-02-01',
        endDate: '2030-02-04',
        party: { adults: 1, childAges: [] },
        total: 300_00,
      },
    ]);
    // Another agency's booking on the same days never shows.
    const other = await makeAgency(database());
    const otherTour = (await makeBookableTour(other)).tourId;
    const otherCustomer = (await makePerson(other)).id;
    await insertBookings(database(), other, [
      {
        number: `S${stamp}9`,
        customerId: otherCustomer,
        productId: otherTour,
        createdAt: '2029-01-10T09:00:00Z',
        total: 9999_00,
      },
    ]);
  });
  afterAll(() => app.close());

  const report = async (cookie: string, query: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/sales?${query}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      report: string;
      currency: string;
      columns: Array<{ key: string; type: string; label: string; currency?: string }>;
      rows: Array<Record<string, unknown>>;
      totals: Record<string, unknown>;
    };
  };
  const pick = (rows: Array<Record<string, unknown>>, keys: string[]) =>
    rows.map((row) => keys.map((key) => row[key]));

  it('sums each month, a cancellation in its own month with its fee, and the totals', async () => {
    const sales = await report(admin, 'from=2029-01-01&to=2029-12-31');
    expect(sales.currency).toBe('EUR');
    const keys = [
      'period',
      'bookings',
      'pax',
      'nights',
      'revenue',
      'cancelledBookings',
      'cancelledRevenue',
      'fees',
      'cost',
      'margin',
    ];
    expect(sales.columns.map((c) => c.key)).toEqual([...keys, 'marginPct']);
    expect(pick(sales.rows, keys)).toEqual([
      // B1 + B2: 2 bookings, 2+1 pax, 7+3 nights, 1 000,00 + 450,00; cost 600+100+400.
      ['2029-01', 2, 3, 10, 1450_00, 0, 0, 0, 1100_00, 350_00],
      ['2029-02', 1, 2, 5, 700_00, 0, 0, 0, 500_00, 200_00],
      // B3 taken back (−700,00, cost −500,00) and its fee kept: −700,00 + 70,00.
      ['2029-03', -1, -2, -5, -630_00, 1, 700_00, 70_00, -500_00, -130_00],
      ['2029-12', 1, 1, 3, 300_00, 0, 0, 0, 0, 300_00],
    ]);
    expect(sales.rows[0]?.marginPct).toBeCloseTo(350 / 1450, 10);
    expect(sales.rows[3]?.marginPct).toBe(1);
    // Live totals 1 000,00 + 450,00 + 300,00 and B3's fee 70,00 = 1 820,00.
    expect(sales.totals).toMatchObject({
      bookings: 3,
      pax: 4,
      nights: 13,
      revenue: 1820_00,
      cancelledBookings: 1,
      cancelledRevenue: 700_00,
      fees: 70_00,
      cost: 1100_00,
      margin: 720_00,
    });
    expect(sales.totals.marginPct).toBeCloseTo(720 / 1820, 10);
    const revenue = sales.columns.find((c) => c.key === 'revenue');
    expect(revenue).toMatchObject({ type: 'money', currency: 'EUR', label: 'Revenue' });
  });

  it('labels ISO weeks, the last day of 2029 in 2030-W01', async () => {
    const sales = await report(admin, 'from=2029-01-01&to=2029-12-31&period=week');
    expect(pick(sales.rows, ['period', 'bookings', 'revenue'])).toEqual([
      ['2029-W02', 1, 1000_00],
      ['2029-W03', 1, 450_00],
      // 5 Feb 2029 is a Monday: week 6; 3 Mar 2029 a Saturday: week 9.
      ['2029-W06', 1, 700_00],
      ['2029-W09', -1, -630_00],
      ['2030-W01', 1, 300_00],
    ]);
    const quarters = await report(admin, 'from=2029-01-01&to=2029-12-31&period=quarter');
    // Q1: 1 450,00 + 700,00 − 630,00.
    expect(pick(quarters.rows, ['period', 'revenue'])).toEqual([
      ['2029-Q1', 1520_00],
      ['2029-Q4', 300_00],
    ]);
  });

  it('groups by channel, customer, seller, product and destination, named', async () => {
    const byChannel = await report(admin, 'from=2029-01-01&to=2029-12-31&period=none&by=channel');
    expect(pick(byChannel.rows, ['channel', 'bookings', 'revenue', 'cost'])).toEqual([
      ['email', 1, 300_00, 0],
      // B1 1 000,00 and B3 made and cancelled: its fee 70,00; cost 700,00 − 500,00 + 500,00.
      ['phone', 1, 1070_00, 700_00],
      ['web', 1, 450_00, 400_00],
    ]);
    expect(byChannel.rows[0]).not.toHaveProperty('period');

    const byCustomer = await report(
      admin,
      'from=2029-01-01&to=2029-12-31&period=year&by=customer,online',
    );
    expect(
      pick(byCustomer.rows, ['period', 'customer', 'customerId', 'online', 'revenue']),
    ).toEqual([
      ['2029', 'Acme s.r.o.', acme, false, 300_00],
      ['2029', 'Alice Adams', alice, false, 1070_00],
      ['2029', 'Bob Brown', bob, true, 450_00],
    ]);

    const bySeller = await report(admin, 'from=2029-01-01&to=2029-12-31&period=none&by=soldBy');
    expect(pick(bySeller.rows, ['soldBy', 'soldById', 'bookings', 'revenue'])).toEqual([
      ['Eva Agentová', agentId, 1, 1070_00],
      [null, null, 2, 750_00],
    ]);

    const byPlace = await report(
      admin,
      'from=2029-01-01&to=2029-12-31&period=none&by=destination,product,productKind',
    );
    expect(
      pick(byPlace.rows, ['country', 'place', 'product', 'productId', 'productKind', 'revenue']),
    ).toEqual([
      ['GR', 'Hersonissos', 'Crete', crete, 'tour', 1450_00],
      ['IT', 'Roma', 'Rome', rome, 'tour', 370_00],
    ]);
  });

  it('filters, and reads the departure date when asked', async () => {
    const phone = await report(admin, 'from=2029-01-01&to=2029-12-31&channel=phone&period=none');
    expect(phone.totals).toMatchObject({ bookings: 1, revenue: 1070_00 });
    const online = await report(admin, 'from=2029-01-01&to=2029-12-31&online=true&period=none');
    expect(online.totals).toMatchObject({ bookings: 1, revenue: 450_00 });
    const italy = await report(admin, `from=2029-01-01&to=2029-12-31&country=IT&period=none`);
    expect(italy.totals).toMatchObject({ revenue: 370_00, fees: 70_00 });
    const alices = await report(admin, `from=2029-01-01&to=2029-12-31&customerId=${alice}`);
    expect(alices.totals).toMatchObject({ bookings: 1, revenue: 1070_00 });
    const evas = await report(admin, `from=2029-01-01&to=2029-12-31&soldBy=${agentId}`);
    expect(evas.totals).toMatchObject({ bookings: 1, revenue: 1070_00 });
    const czk = await report(admin, 'from=2029-01-01&to=2029-12-31&currency=CZK');
    expect(czk.rows).toEqual([]);
    expect(czk.totals).toMatchObject({ bookings: 0, revenue: 0 });
    // February alone: B3 sold, not yet cancelled.
    const february = await report(admin, 'from=2029-02-01&to=2029-02-28&period=none');
    expect(february.totals).toMatchObject({ bookings: 1, revenue: 700_00, cancelledBookings: 0 });

    // By departure: every row of B3 on 1 Jul 2029, where it nets to its fee; B4 leaves in 2030.
    const departures = await report(
      admin,
      'from=2029-01-01&to=2029-12-31&dateBasis=departure&period=month',
    );
    expect(
      pick(departures.rows, ['period', 'bookings', 'revenue', 'cancelledBookings', 'fees']),
    ).toEqual([
      ['2029-06', 2, 1450_00, 0, 0],
      ['2029-07', 0, 70_00, 1, 70_00],
    ]);
  });

  it('shows an agent no cost, margin or margin %, and labels in the language asked', async () => {
    const sales = await report(agent, 'from=2029-01-01&to=2029-12-31&lang=cs');
    const keys = sales.columns.map((c) => c.key);
    expect(keys).toContain('revenue');
    for (const hidden of ['cost', 'margin', 'marginPct']) {
      expect(keys).not.toContain(hidden);
      expect(sales.totals).not.toHaveProperty(hidden);
      for (const row of sales.rows) expect(row).not.toHaveProperty(hidden);
    }
    expect(sales.columns.find((c) => c.key === 'revenue')?.label).toBe('Tržby');
  });

  it('answers 400 naming the field for a bad period, dimension or filter', async () => {
    const cases: Array<[string, string]> = [
      ['from=2029-03-01&to=2029-02-01', '/to'],
      ['from=2010-01-01&to=2029-12-31', '/to'],
      ['by=product,colour', '/by'],
      ['period=fortnight', 'period'],
      ['channel=pigeon', 'channel'],
      ['productId=nope', 'productId'],
    ];
    for (const [query, field] of cases) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/sales?${query}`,
        headers: { cookie: admin },
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body, query).toContain(field);
    }
  });

  it('gives the same rows and totals as CSV and as XLSX', async () => {
    const query = 'from=2029-01-01&to=2029-12-31&by=channel';
    const json = await report(admin, query);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/sales.csv?${query}`,
      headers: { cookie: admin },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(lines[0]).toEqual(json.columns.map((c) => c.label));
    const asCsv = (key: string, value: unknown) => {
      const type = json.columns.find((c) => c.key === key)?.type;
      if (value === null) return '';
      if (type === 'money') return (Number(value) / 100).toFixed(2);
      return String(value);
    };
    const body = lines.slice(1, -1);
    expect(body).toEqual(json.rows.map((row) => json.columns.map((c) => asCsv(c.key, row[c.key]))));
    const totals = lines.at(-1) ?? [];
    expect(totals[0]).toBe('Total');
    expect(totals[json.columns.findIndex((c) => c.key === 'revenue')]).toBe(
      asCsv('revenue', json.totals.revenue),
    );

    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/sales.xlsx?${query}`,
      headers: { cookie: admin },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: unknown[][] = [];
    sheet?.eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1));
    });
    expect(cells[0]).toEqual(json.columns.map((c) => c.label));
    const asXlsx = (key: string, value: unknown) => {
      const type = json.columns.find((c) => c.key === key)?.type;
      if (value === null || value === undefined) return undefined;
      if (type === 'money') return Number(value) / 100;
      return value;
    };
    const sheetRows = cells.slice(1, -1).map((row) => json.columns.map((_, i) => row[i]));
    expect(sheetRows).toEqual(
      json.rows.map((row) => json.columns.map((c) => asXlsx(c.key, row[c.key]))),
    );
    expect(cells.at(-1)?.[json.columns.findIndex((c) => c.key === 'revenue')]).toBe(
      Number(json.totals.revenue) / 100,
    );
  });
});
