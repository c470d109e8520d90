// D3 through the API: invoices of bookings with VAT per rate or under the margin scheme,
// credit notes that never exceed the invoice, foreign-currency invoices with the VAT in the
// accounting currency, issuing by policy, and every kind of e-invoice Caravel emits checked
// by the independent validator (UBL 2.1 XSD + EN 16931 schematron; a JVM per file, slow).

import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookThroughApi, makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { makeCompany, makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { addDays, todayUtc } from '../../calendar.ts';
import { inTransaction } from '../../context.ts';
import { formatMoney } from '../documents/pdf.ts';
import { createChannelFee } from '../pricing/channel-fees-service.ts';
import { createPriceRule } from '../pricing/price-rules-service.ts';
import { setManualRate } from '../pricing/rates.ts';
import { exportInvoicesCsv } from './export-invoices.ts';
import { onBookingPaid } from './service.ts';

const year = new Date().getUTCFullYear();
const travellers = [
  { firstName: 'Jan', lastName: 'Dvořák', birthDate: '1980-05-17' },
  { firstName: 'Eva', lastName: 'Dvořáková', birthDate: '1982-03-02' },
  { firstName: 'Petr', lastName: 'Dvořák', birthDate: '2024-01-10' },
];

const settings = (overrides: object = {}) => ({
  legalName: 'Cestovní kancelář Karavana s.r.o.',
  vatId: 'CZ87654321',
  registrationId: '87654321',
  street: 'Václavské náměstí 1',
  city: 'Praha',
  postalCode: '110 00',
  country: 'CZ',
  email: 'fakturace@karavana.example',
  iban: 'CZ65 0800 0000 1920 0014 5399',
  bic: 'GIBACZPX',
  accountingCurrency: 'EUR',
  vatScheme: 'standard',
  defaultVatRate: '21',
  vatRates: { person: '12', extra_bed: '12', room: '12' },
  paymentTermsDays: 14,
  autoIssue: 'never',
  invoiceSeries: 'FV',
  creditNoteSeries: 'DN',
  ...overrides,
});

/** An e-invoice of each kind, kept for one validator run at the end. */
const emitted: Array<{ name: string; xml: string }> = [];

describeEachDatabase('invoices and credit notes', (database, kind) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeTestApp(database());
  });
  afterAll(async () => {
    await app.close();
  });

  /** An agency with a bookable tour (1 750,00 EUR for the family) and a 2 % phone fee. */
  async function agencyWithTour(invoicing: object | null = settings()) {
    const agency = await makeAgency(database(), {
      users: [{ role: 'accountant' }, { role: 'customer_service' }],
    });
    const admin = (await signIn(app, agency.adminEmail)).cookie;
    const tour = await makeBookableTour(agency);
    await createChannelFee(agency.ctx, {
      name: 'Phone booking',
      channel: 'phone',
      kind: 'fee',
      percent: '2',
    });
    if (invoicing) {
      const put = await app.inject({
        method: 'PUT',
        url: '/api/v1/settings/invoicing',
        headers: { cookie: admin },
        payload: invoicing,
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    return { agency, admin, tour };
  }

  async function book(
    ctx: { agency: TestAgency; admin: string; tour: { tourId: string; roomTypeId: string } },
    customerId?: string,
  ) {
    const customer = customerId ?? (await makePerson(ctx.agency)).id;
    return bookThroughApi(app, ctx.admin, { ...ctx.tour, customerId: customer, travellers });
  }

  const post = (cookie: string, url: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const get = (cookie: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie } });

  async function xmlOf(cookie: string, id: string) {
    const response = await get(cookie, `/api/v1/invoices/${id}.xml`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    return response.body;
  }

  it('issues an invoice with VAT per rate whose totals are the sums of its lines', async () => {
    const bed = await agencyWithTour();
    const company = await makeCompany(bed.agency, {
      address: { street: 'Na Příkopě 12', city: 'Praha', postalCode: '110 00', country: 'CZ' },
    });
    const booking = await book(bed, company.id);
    // 2 × 7 × 100,00 + 7 × 50,00 = 1 750,00 for the stay, + 2 % phone fee 35,00 = 1 785,00.
    expect(booking.total).toBe(1785_00);
    const response = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(response.statusCode, response.body).toBe(201);
    const invoice = response.json();
    expect(invoice.number).toBe(`FV-${year}-000001`);
    expect(invoice).toMatchObject({
      kind: 'invoice',
      bookingNumber: booking.number,
      currency: 'EUR',
      vatScheme: 'standard',
      gross: 1785_00,
      customer: { name: company.companyName, vatId: 'CZ12345678', country: 'CZ' },
      supplier: { name: 'Cestovní kancelář Karavana s.r.o.', vatId: 'CZ87654321' },
    });
    // Stay at 12 %: 1 750,00 / 1.12 = 1 562,50 net, 187,50 VAT.
    // Fee at 21 %: 35,00 / 1.21 = 28,93 net, 6,07 VAT.
    expect(invoice.breakdown).toEqual([
      expect.objectContaining({ category: 'S', rate: '12', taxable: 1562_50, vat: 187_50 }),
      expect.objectContaining({ category: 'S', rate: '21', taxable: 28_93, vat: 6_07 }),
    ]);
    expect({ net: invoice.net, vat: invoice.vat }).toEqual({ net: 1591_43, vat: 193_57 });
    const sum = (key: 'net' | 'vat' | 'gross') =>
      invoice.lines.reduce((a: number, l: Record<string, number>) => a + (l[key] ?? 0), 0);
    expect([sum('net'), sum('vat'), sum('gross')]).toEqual([1591_43, 193_57, 1785_00]);
    expect(invoice.issueDate).toBe(todayUtc());

    const again = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toContain(invoice.number);

    const second = await post(bed.admin, `/api/v1/bookings/${(await book(bed)).id}/invoices`);
    expect(second.json().number).toBe(`FV-${year}-000002`);
    const listed = await get(bed.admin, `/api/v1/invoices?bookingId=${booking.id}`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([invoice.id]);
    emitted.push({ name: 'standard-company', xml: await xmlOf(bed.admin, invoice.id) });
    emitted.push({ name: 'standard-person', xml: await xmlOf(bed.admin, second.json().id) });
  });

  it('taxes a discount at the rates of the lines it reduces, not at its own', async () => {
    const bed = await agencyWithTour();
    await createPriceRule(bed.agency.ctx, {
      name: 'First minute',
      kind: 'discount',
      percent: '10',
    });
    const booking = await book(bed);
    // 1 750,00 stay − 175,00 first minute = 1 575,00, + 2 % phone fee 31,50 = 1 606,50.
    expect(booking.total).toBe(1606_50);
    const response = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(response.statusCode, response.body).toBe(201);
    const invoice = response.json();
    // The discount reduces the stay (12 %): 1 575,00 / 1.12 = 1 406,25 net, 168,75 VAT.
    // The fee alone is at 21 %: 31,50 / 1.21 = 26,03 net, 5,47 VAT. No row is negative.
    expect(invoice.breakdown).toEqual([
      expect.objectContaining({ rate: '12', taxable: 1406_25, vat: 168_75 }),
      expect.objectContaining({ rate: '21', taxable: 26_03, vat: 5_47 }),
    ]);
    expect(invoice.vat).toBe(174_22);
    const discount = invoice.lines.find((l: { description: string }) =>
      l.description.startsWith('First minute'),
    );
    expect(discount).toMatchObject({ vatRate: '12', gross: -175_00, quantity: -1 });
    emitted.push({ name: 'standard-discount', xml: await xmlOf(bed.admin, invoice.id) });
  });

  it('credits an invoice in full, refuses to credit more, and invoices again after', async () => {
    const bed = await agencyWithTour();
    const booking = await book(bed);
    const invoice = (await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`)).json();
    const accountant = (await signIn(app, `accountant-0-${bed.agency.slug.slice(7)}@example.test`))
      .cookie;

    const partial = await post(accountant, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Goodwill for a noisy room',
      lines: [{ position: 0, amount: 100_00 }],
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({
      kind: 'credit_note',
      number: `DN-${year}-000001`,
      gross: 100_00,
      creditedInvoice: { id: invoice.id, number: invoice.number },
      reason: 'Goodwill for a noisy room',
      creditable: null,
    });
    const lineZero = invoice.lines[0].gross;
    // Before: all of it can be credited; after, the line and the invoice have 100,00 less
    // left, alike whether the invoice is read alone or in the list.
    expect(invoice.creditable).toBe(invoice.gross);
    expect(invoice.lines.map((l: { creditable: number }) => l.creditable)).toEqual(
      invoice.lines.map((l: { gross: number }) => l.gross),
    );
    const afterPartial = (await get(accountant, `/api/v1/invoices/${invoice.id}`)).json();
    expect(afterPartial.creditable).toBe(invoice.gross - 100_00);
    expect(afterPartial.lines[0].creditable).toBe(lineZero - 100_00);
    expect(afterPartial.lines.slice(1)).toEqual(invoice.lines.slice(1));
    const listed = (await get(accountant, `/api/v1/invoices?bookingId=${booking.id}`)).json();
    expect(listed.items.find((i: { id: string }) => i.id === invoice.id)).toEqual(afterPartial);
    const tooMuch = await post(accountant, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'More goodwill',
      lines: [{ position: 0, amount: lineZero - 100_00 + 1 }],
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.headers['content-type']).toContain('application/problem+json');

    const rest = await post(accountant, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Trip cancelled by the customer',
    });
    expect(rest.statusCode, rest.body).toBe(201);
    // What is left: the invoice's 1 785,00 less the 100,00 credited before.
    expect(rest.json()).toMatchObject({ number: `DN-${year}-000002`, gross: 1685_00 });
    const creditedInFull = (await get(accountant, `/api/v1/invoices/${invoice.id}`)).json();
    expect(creditedInFull.creditable).toBe(0);
    expect(creditedInFull.lines.every((l: { creditable: number }) => l.creditable === 0)).toBe(
      true,
    );
    const none = await post(accountant, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Once more',
    });
    expect(none.statusCode).toBe(409);
    const ofNote = await post(accountant, `/api/v1/invoices/${rest.json().id}/credit-notes`, {
      reason: 'A credit of a credit',
    });
    expect(ofNote.statusCode).toBe(409);

    const reissued = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(reissued.statusCode, reissued.body).toBe(201);
    expect(reissued.json().number).toBe(`FV-${year}-000002`);
    emitted.push({ name: 'credit-note-partial', xml: await xmlOf(accountant, partial.json().id) });
  });

  it('issues a margin-scheme invoice with gross prices and no VAT, noting the scheme', async () => {
    const bed = await agencyWithTour(settings({ vatScheme: 'margin' }));
    const booking = await book(bed);
    const response = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(response.statusCode, response.body).toBe(201);
    const invoice = response.json();
    expect(invoice).toMatchObject({ vatScheme: 'margin', net: 1785_00, vat: 0, gross: 1785_00 });
    expect(invoice.breakdown).toEqual([
      {
        category: 'E',
        rate: '0',
        taxable: 1785_00,
        vat: 0,
        exemptionReason: 'Margin scheme - Travel agents',
        exemptionReasonCode: 'VATEX-EU-309',
      },
    ]);
    expect(invoice.note).toContain('Zvláštní režim – cestovní služby');
    // Cost 70,00 a night for each adult, 35,00 for the child: 7 × 175,00 = 1 225,00; the fee
    // costs nothing. Margin 1 785,00 − 1 225,00 = 560,00; VAT in it 560,00 × 21 / 121 = 97,19.
    expect(invoice.marginVat).toBe(97_19);
    const xml = await xmlOf(bed.admin, invoice.id);
    expect(xml).toContain('VATEX-EU-309');
    emitted.push({ name: 'margin-person', xml });
    const credit = await post(bed.admin, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Cancelled',
    });
    expect(credit.json()).toMatchObject({ gross: 1785_00, vat: 0, marginVat: 97_19 });
    emitted.push({ name: 'margin-credit-note', xml: await xmlOf(bed.admin, credit.json().id) });
  });

  it('gives a partial margin-scheme credit note its share of the margin VAT, in the book too', async () => {
    const bed = await agencyWithTour(settings({ vatScheme: 'margin' }));
    const booking = await book(bed);
    const invoice = (await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`)).json();
    expect(invoice).toMatchObject({ gross: 1785_00, marginVat: 97_19 });
    const [first] = invoice.lines as Array<{ position: number; gross: number }>;
    // 500,00 of 1 785,00 credited: 97,19 × 500 / 1 785 = 27,22 of the margin VAT.
    const partial = await post(bed.admin, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Room downgraded',
      lines: [{ position: first?.position, amount: 500_00 }],
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ gross: 500_00, marginVat: 27_22 });
    // The rest takes what is left, so invoice and credit notes net to zero.
    const rest = await post(bed.admin, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Cancelled',
    });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json()).toMatchObject({ gross: 1285_00, marginVat: 69_97 });
    const csv = await get(bed.admin, '/api/v1/invoices/export.csv');
    const rows: Record<string, string>[] = parse(csv.body, { bom: true, columns: true });
    const marginOf = (number: string) =>
      rows.find((row) => row.Number === number)?.['Margin-scheme VAT'];
    expect(marginOf(invoice.number)).toBe('97.19');
    expect(marginOf(partial.json().number)).toBe('-27.22');
    expect(marginOf(rest.json().number)).toBe('-69.97');
  });

  it('invoices in the booking currency with the VAT also in the accounting currency', async () => {
    const bed = await agencyWithTour(settings({ accountingCurrency: 'CZK' }));
    const booking = await book(bed);
    const missing = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(missing.statusCode).toBe(409);
    expect(missing.json().detail).toContain('no exchange rate from EUR to CZK');
    await setManualRate(bed.agency.ctx, {
      date: todayUtc(),
      base: 'EUR',
      quote: 'CZK',
      rate: '25.305',
    });
    const invoice = (await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`)).json();
    // VAT 193,57 EUR × 25.305 = 4 898,289… → 4 898,29 CZK.
    expect(invoice).toMatchObject({
      currency: 'EUR',
      vat: 193_57,
      taxCurrency: 'CZK',
      taxRate: '25.305',
      vatInTaxCurrency: 4898_29,
    });
    const xml = await xmlOf(bed.admin, invoice.id);
    expect(xml).toContain('<cbc:TaxCurrencyCode>CZK</cbc:TaxCurrencyCode>');
    expect(xml).toContain('<cbc:TaxAmount currencyID="CZK">4898.29</cbc:TaxAmount>');
    emitted.push({ name: 'foreign-currency', xml });
    const credit = await post(bed.admin, `/api/v1/invoices/${invoice.id}/credit-notes`, {
      reason: 'Cancelled',
    });
    expect(credit.json()).toMatchObject({ taxCurrency: 'CZK', vatInTaxCurrency: 4898_29 });
    emitted.push({ name: 'foreign-credit-note', xml: await xmlOf(bed.admin, credit.json().id) });
    // The PDF says it too: the VAT in CZK and the rate it was converted at.
    const pdf = await get(bed.admin, `/api/v1/invoices/${invoice.id}.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'caravel-invoice-pdf-'));
    try {
      const file = join(dir, 'foreign.pdf');
      await writeFile(file, pdf.rawPayload);
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'])
        .toString()
        .replace(/\s+/g, '');
      // In the customer's language (Czech), with the rate written the Czech way.
      expect(text).toContain(`DPHvCZK:${formatMoney(4898_29, 'CZK', 'cs').replace(/\s+/g, '')}`);
      expect(text).toContain('kurz1EUR=25,305CZK');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to invoice before invoicing is set up, and who may not', async () => {
    const bed = await agencyWithTour(null);
    const booking = await book(bed);
    const early = await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('/api/v1/settings/invoicing');
    const defaults = await get(bed.admin, '/api/v1/settings/invoicing');
    expect(defaults.json()).toMatchObject({ configured: false, country: null, autoIssue: 'never' });
    const service = (
      await signIn(app, `customer_service-1-${bed.agency.slug.slice(7)}@example.test`)
    ).cookie;
    const forbidden = await post(service, `/api/v1/bookings/${booking.id}/invoices`);
    expect(forbidden.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/settings/invoicing',
      headers: { cookie: bed.admin },
      payload: settings({ defaultVatRate: '-5' }),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('issues by itself on booking, or on payment through onBookingPaid', async () => {
    const onBooking = await agencyWithTour(settings({ autoIssue: 'on_booking' }));
    const booking = await book(onBooking);
    const listed = await get(onBooking.admin, `/api/v1/invoices?bookingId=${booking.id}`);
    expect(listed.json().items).toHaveLength(1);
    expect(listed.json().items[0]).toMatchObject({ gross: 1785_00, number: `FV-${year}-000001` });
    // The policy is on booking: a payment issues nothing more.
    expect(await onBookingPaid(onBooking.agency.ctx, booking.id)).toBeNull();

    const onPaid = await agencyWithTour(settings({ autoIssue: 'on_paid' }));
    const paid = await book(onPaid);
    const before = await get(onPaid.admin, `/api/v1/invoices?bookingId=${paid.id}`);
    expect(before.json().items).toEqual([]);
    const id = await inTransaction(onPaid.agency.ctx, (tx) => onBookingPaid(tx, paid.id));
    expect(id).not.toBeNull();
    const after = await get(onPaid.admin, `/api/v1/invoices/${id}`);
    expect(after.json()).toMatchObject({ bookingId: paid.id, gross: 1785_00 });
    // Paid again (a second payment event): the open invoice stands, nothing is issued.
    expect(await onBookingPaid(onPaid.agency.ctx, paid.id)).toBeNull();
  });

  it('on cancellation credits the open invoice and invoices the fee; lists a page at a time', async () => {
    const bed = await agencyWithTour(settings({ autoIssue: 'on_booking' }));
    const booking = await book(bed);
    // A fifth of the price whenever the customer cancels.
    await database()
      .db.updateTable('bookings')
      .set({
        cancellationPolicy: JSON.stringify({
          nonRefundable: false,
          tiers: [{ daysBefore: 0, percent: '20' }],
        }),
      })
      .where('id', '=', booking.id)
      .execute();
    const cancelled = await post(bed.admin, `/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'The customer fell ill',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().cancellation).toMatchObject({ fee: 357_00 });
    const all = (await get(bed.admin, `/api/v1/invoices?bookingId=${booking.id}`)).json().items;
    // Newest first: the fee invoice, the credit note, the invoice of the booking.
    expect(all.map((i: { number: string }) => i.number)).toEqual([
      `FV-${year}-000002`,
      `DN-${year}-000001`,
      `FV-${year}-000001`,
    ]);
    expect(all[1]).toMatchObject({
      kind: 'credit_note',
      gross: 1785_00,
      reason: 'Booking cancelled',
    });
    expect(all[0]).toMatchObject({ kind: 'invoice', gross: 357_00, vat: 61_96 });
    expect(all[0].lines).toHaveLength(1);
    expect(all[0].lines[0].description).toBe(`Cancellation fee, booking ${booking.number}`);
    // Invoiced already: asking again is refused.
    expect((await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`)).statusCode).toBe(409);

    // Pages of one, by cursor, the same three in the same order; a foreign cursor is a 400.
    const seen: string[] = [];
    let url = `/api/v1/invoices?bookingId=${booking.id}&limit=1`;
    for (;;) {
      const page = (await get(bed.admin, url)).json();
      seen.push(...page.items.map((i: { number: string }) => i.number));
      if (!page.nextCursor) break;
      url = `/api/v1/invoices?bookingId=${booking.id}&limit=1&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(all.map((i: { number: string }) => i.number));
    const notes = (await get(bed.admin, '/api/v1/invoices?kind=credit_note')).json().items;
    expect(notes.map((i: { number: string }) => i.number)).toEqual([`DN-${year}-000001`]);
    expect((await get(bed.admin, '/api/v1/invoices?cursor=nonsense')).statusCode).toBe(400);

    // With invoicing left to the accountant, a cancelled booking's fee is invoiced on request,
    // and one cancelled free of charge has nothing to invoice.
    const manual = await agencyWithTour();
    const free = await book(manual);
    await post(manual.admin, `/api/v1/bookings/${free.id}/cancel`, { reason: 'Changed plans' });
    const nothing = await post(manual.admin, `/api/v1/bookings/${free.id}/invoices`);
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().detail).toContain('free of charge');
  });

  it('finds invoices by issue date, number or buyer, and exports the book as CSV', async () => {
    const bed = await agencyWithTour(settings({ autoIssue: 'on_booking' }));
    const svoboda = await makePerson(bed.agency, { firstName: 'Alena', lastName: 'Svobodová' });
    const first = await book(bed, svoboda.id);
    const second = await book(bed);
    const cancelled = await post(bed.admin, `/api/v1/bookings/${second.id}/cancel`, {
      reason: 'Changed plans',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const numbersOf = async (query: string) => {
      const response = await get(bed.admin, `/api/v1/invoices?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((i: { number: string }) => i.number);
    };
    const today = todayUtc();
    const all = await numbersOf(`from=${today}&to=${today}`);
    // The two bookings' invoices and the credit note of the cancelled one.
    expect(all).toEqual([`DN-${year}-000001`, `FV-${year}-000002`, `FV-${year}-000001`]);
    expect(await numbersOf(`to=${addDays(today, -1)}`)).toEqual([]);
    expect(await numbersOf(`from=${addDays(today, 1)}`)).toEqual([]);
    // By a part of the buyer's name, in any case; by a part of the number.
    expect(await numbersOf('q=SVOBODOV')).toEqual([`FV-${year}-000001`]);
    expect(await numbersOf(`q=FV-${year}-000002`)).toEqual([`FV-${year}-000002`]);
    expect(await numbersOf('q=%25')).toEqual([]);
    const backwards = await get(bed.admin, `/api/v1/invoices?from=${today}&to=2000-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ path: '/to' });

    const response = await get(bed.admin, `/api/v1/invoices/export.csv?from=${today}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(`invoices-${today}.csv`);
    const rows: Record<string, string>[] = parse(response.body, { bom: true, columns: true });
    // Oldest first, a row per VAT rate: each invoice has lines at 12 % and at 21 % (the fee).
    const invoiceOf = (row: Record<string, string>) => row.Number as string;
    expect([...new Set(rows.map(invoiceOf))]).toEqual([...all].reverse());
    const byNumber = new Map<string, Record<string, string>[]>();
    for (const row of rows)
      byNumber.set(invoiceOf(row), [...(byNumber.get(invoiceOf(row)) ?? []), row]);
    const total = (number: string) =>
      (byNumber.get(number) ?? []).reduce(
        (sum, row) => sum + Number(row.Taxable) + Number(row.VAT),
        0,
      );
    for (const [number, group] of byNumber) {
      expect(group.map((row) => row['VAT rate']).sort(), number).toEqual(['12', '21']);
      expect(total(number), number).toBeCloseTo(Number(group[0]?.['Invoice total']), 2);
    }
    const note = byNumber.get(`DN-${year}-000001`)?.[0];
    expect(note).toMatchObject({
      Kind: 'credit_note',
      'Credits invoice': `FV-${year}-000002`,
      Booking: second.number,
      'Invoice total': '-1785.00',
      Currency: 'EUR',
    });
    expect(byNumber.get(`FV-${year}-000001`)?.[0]).toMatchObject({
      Buyer: 'Alena Svobodová',
      'Invoice total': '1785.00',
      Booking: first.number,
    });
    // The cancelled booking's invoice and its credit note cancel out.
    expect(total(`FV-${year}-000002`) + total(`DN-${year}-000001`)).toBeCloseTo(0, 2);

    // Batches of one give the same book; a backwards range is refused before any row.
    const csv = await exportInvoicesCsv(bed.agency.ctx, { from: today }, { batchSize: 1 });
    expect(parse(await text(csv), { bom: true, columns: true })).toEqual(rows);
    const refused = await get(bed.admin, `/api/v1/invoices/export.csv?from=${today}&to=2000-01-01`);
    expect(refused.statusCode).toBe(400);
    // A parameter the export does not know is a 400, not silently ignored.
    expect((await get(bed.admin, '/api/v1/invoices/export.csv?bookingId=x')).statusCode).toBe(400);
  });

  it("prints the invoice and its credit note as PDFs in the customer's language", async () => {
    const bed = await agencyWithTour();
    const customer = await makePerson(bed.agency, {
      firstName: 'Jiří',
      lastName: 'Šťastný',
      locale: 'cs',
    });
    const booking = await book(bed, customer.id);
    const invoice = (await post(bed.admin, `/api/v1/bookings/${booking.id}/invoices`)).json();
    const dir = await mkdtemp(join(tmpdir(), 'caravel-invoice-pdf-'));
    const textOf = async (id: string, filename: string) => {
      const response = await get(bed.admin, `/api/v1/invoices/${id}.pdf`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`inline; filename="${filename}.pdf"`);
      expect(response.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const file = join(dir, `${filename}.pdf`);
      await writeFile(file, response.rawPayload);
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
      return text.replace(/\s+/g, '');
    };
    try {
      const text = await textOf(invoice.id, invoice.number);
      expect(text).toContain(invoice.number);
      expect(text).toContain('Faktura');
      expect(text).toContain('Odběratel');
      expect(text).toContain('JiříŠťastný');
      expect(text).toContain('RekapitulaceDPH');
      expect(text).toContain(formatMoney(1785_00, 'EUR', 'cs').replace(/\s+/g, ''));
      // 14 adult nights, 1 250,00 net: no rounded unit price (89,29 × 14 = 1 250,06) but the
      // price of the 14, so that quantity × price is the net on paper as in the e-invoice.
      expect(text).toContain(`${formatMoney(1250_00, 'EUR', 'cs').replace(/\s+/g, '')}/14`);
      expect(text).not.toContain('89,29');

      const note = (
        await post(bed.admin, `/api/v1/invoices/${invoice.id}/credit-notes`, {
          reason: 'Zrušený zájezd',
        })
      ).json();
      const noteText = await textOf(note.id, note.number);
      expect(noteText).toContain('Dobropis');
      expect(noteText).toContain(note.number);
      expect(noteText).toContain(`Opravujefakturu${invoice.number}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('passes the EN 16931 validator for every kind of e-invoice it emits', async () => {
    if (kind !== 'pglite') return; // the documents are the same on both databases
    expect(emitted.map((e) => e.name).sort()).toEqual([
      'credit-note-partial',
      'foreign-credit-note',
      'foreign-currency',
      'margin-credit-note',
      'margin-person',
      'standard-company',
      'standard-discount',
      'standard-person',
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'caravel-einvoices-'));
    try {
      const files: string[] = [];
      for (const { name, xml } of emitted) {
        const file = join(dir, `${name}.xml`);
        await writeFile(file, xml);
        files.push(file);
      }
      const validator = resolve(process.cwd(), '../shared/validators/validate-einvoice');
      expect(existsSync(validator), `the validator must be at ${validator}`).toBe(true);
      const result = await new Promise<{ code: number; output: string }>((done) => {
        execFile(validator, files, { timeout: 420_000 }, (error, stdout, stderr) => {
          done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
        });
      });
      expect(result.output).not.toMatch(/FAIL/);
      expect(result.code, result.output).toBe(0);
      expect(result.output.match(/: ok \(/g)).toHaveLength(files.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 450_000);
});
