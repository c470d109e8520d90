// Documents through the API (D1, D2, D4): each PDF in every customer language, read back with
// pdftotext (which gives a character back only when the embedded font maps it, so a missing
// glyph fails the test), the voucher's required action as a red box and then as a
// confirmation, the public voucher by its code, and the agency's template on paper.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookThroughApi, makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { labelsFor } from './labels.ts';
import { type DocumentLocale, documentLocales, formatDate } from './pdf.ts';

const work = mkdtempSync(join(tmpdir(), 'caravel-documents-'));
let files = 0;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The PDF's text as pdftotext reads it, with all whitespace removed (lines wrap anywhere). */
function textOf(pdf: Buffer): string {
  const file = join(work, `doc-${files++}.pdf`);
  writeFileSync(file, pdf);
  return squash(execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Page 1 rendered at 50 dpi: the PNG's size in bytes. */
function pageOneSize(pdf: Buffer): number {
  const file = join(work, `page-${files++}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    file,
  ]);
  const png = readFileSync(`${file}.png`);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return png.length;
}

describeEachDatabase('documents', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let admin: string;
  let agent: string;
  let otherAdmin: string;
  let bookingId: string;
  let bookingNumber: string;
  let actionId: string;

  const call = (
    cookie: string | null,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  const pdfOf = async (url: string, cookie: string | null = agent) => {
    const response = await call(cookie, 'GET', url);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).toMatch(/filename=".+\.pdf"/);
    return response.rawPayload;
  };
  const docUrl = (kind: string, query = '') =>
    `/api/v1/bookings/${bookingId}/documents/${kind}.pdf${query}`;

  const contract = {
    code: 'CONTRACT',
    kind: 'sign_contract',
    title: {
      en: 'Sign the travel contract',
      cs: 'Podepište cestovní smlouvu',
      pl: 'Podpisz umowę',
      tr: 'Sözleşmeyi imzalayın',
      zh: '签署旅游合同',
    },
    instructions: {
      en: 'Print, sign and send the contract to the agency.',
      cs: 'Smlouvu vytiskněte, podepište a pošlete cestovní kanceláři.',
      pl: 'Wydrukuj, podpisz i odeślij umowę do biura.',
      tr: 'Sözleşmeyi yazdırın, imzalayın ve acenteye gönderin.',
      zh: '请打印、签署合同并寄回旅行社。',
    },
    dueDaysBeforeDeparture: 30,
  };

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    agency = await makeAgency(database(), {
      name: 'Cestovní kancelář Řehoř',
      users: [{ role: 'agent', email: `agent-${stamp}@documents.test` }],
    });
    admin = (await signIn(app, agency.adminEmail)).cookie;
    agent = (await signIn(app, `agent-${stamp}@documents.test`)).cookie;
    const other = await makeAgency(database());
    otherAdmin = (await signIn(app, other.adminEmail)).cookie;

    const tour = await makeBookableTour(agency);
    const customer = await makePerson(agency, {
      firstName: 'Yıldırım',
      lastName: 'Öztürk',
      locale: 'cs',
    });
    const offer = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'SLV-1',
      name: 'Kréta pro dva',
      productId: tour.tourId,
      requiredActions: [contract],
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const booked = await bookThroughApi(app, agent, {
      ...tour,
      customerId: customer.id,
      travellers: [
        { firstName: 'Jana', lastName: 'Nováková', birthDate: '1985-03-12' },
        { firstName: 'Anna', lastName: 'Wiśniewska', birthDate: '1987-06-01' },
        { firstName: '芳', lastName: '王', birthDate: '2024-02-02' },
      ],
      more: { offerId: offer.json().id },
    });
    bookingId = booked.id;
    bookingNumber = booked.number;
    const view = (await call(agent, 'GET', `/api/v1/bookings/${bookingId}`)).json();
    actionId = view.requiredActions[0].id;
    // An attraction ticket for the two adults, as the booking service would write its line.
    await database()
      .db.insertInto('bookingLines')
      .values({
        id: newId(),
        agencyId: agency.agencyId,
        bookingId,
        position: 90,
        kind: 'ticket',
        label: 'Knossos – vstupenka',
        productKind: 'attraction',
        productId: newId(),
        travellers: json([0, 1]),
        fromDate: '2030-07-08',
        toDate: '2030-07-08',
        unitPrice: 20_00,
        quantity: 2,
        amount: 40_00,
        cost: null,
        supplierStatus: 'confirmed',
        detail: json({}),
      })
      .execute();
  });
  afterAll(() => app.close());

  it('lists the documents of a booking with their URLs, e-tickets per ticket line', async () => {
    const list = await call(agent, 'GET', `/api/v1/bookings/${bookingId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().locale).toBe('cs');
    expect(list.json().items.map((d: { kind: string }) => d.kind)).toEqual([
      'voucher',
      'contract',
      'instructions',
      'eticket',
    ]);
    expect(list.json().items[0]).toMatchObject({
      title: 'Voucher',
      url: `/api/v1/bookings/${bookingId}/documents/voucher.pdf`,
    });
    expect(list.json().items[3].lines).toEqual([
      expect.objectContaining({
        position: 90,
        url: expect.stringContaining('eticket.pdf?line=90'),
      }),
    ]);
  });

  const titles = (l: DocumentLocale) => ({
    voucher: labelsFor(l).voucher,
    contract: labelsFor(l).contract,
    instructions: labelsFor(l).instructions,
    eticket: labelsFor(l).eticket,
  });
  it.each(documentLocales)(
    'renders every document in %s with every glyph of the names',
    { timeout: 60_000 },
    async (locale) => {
      {
        const labels = labelsFor(locale);
        for (const [kind, title] of Object.entries(titles(locale))) {
          const pdf = await pdfOf(docUrl(kind, `?locale=${locale}`));
          const text = textOf(pdf);
          const where = `${kind} in ${locale}`;
          expect(text, where).toContain(squash(title));
          expect(text, where).toContain(squash(labels.bookingNumber));
          expect(text, where).toContain(bookingNumber);
          expect(text, where).toContain('Nováková');
          expect(text, where).toContain('Wiśniewska');
          if (kind !== 'eticket') expect(text, where).toContain('王芳');
          expect(text, where).toContain(squash('Cestovní kancelář Řehoř'));
          if (kind === 'contract') {
            expect(text, where).toContain('Öztürk');
            expect(text, where).toContain('Yıldırım');
            expect(text, where).toContain(squash(labels.cancellationPolicy));
            expect(text, where).toContain(squash(labels.paymentTerms));
            expect(text, where).toContain(squash(labels.signatureCustomer));
          }
          if (kind === 'voucher') expect(text, where).toContain(squash(contract.title[locale]));
          if (kind === 'instructions') expect(text, where).toContain(squash(labels.whatToBring));
          if (kind === 'eticket') {
            expect(text, where).toContain(squash(labels.ticketOf(1, 1)));
            expect(text, where).toContain(`CARAVEL-TICKET:${bookingNumber}:90`);
          }
          expect(pageOneSize(pdf), where).toBeGreaterThan(1000);
        }
      }
    },
  );

  it('prints the price of the contract in the locale, from minor units', async () => {
    // 2 × 7 × 100,00 + 7 × 50,00 = 1 750,00 EUR (the ticket line is not in the total).
    const cs = textOf(await pdfOf(docUrl('contract', '?locale=cs')));
    expect(cs).toContain(squash('1 750,00 €'));
    const en = textOf(await pdfOf(docUrl('contract', '?locale=en')));
    expect(en).toContain('€1,750.00');
  });

  it('never shows a commission line on a document the customer gets, whoever prints it', async () => {
    // A marketplace's commission, as pricing writes it for a partner's sale: the agency's cost.
    await database()
      .db.insertInto('bookingLines')
      .values({
        id: newId(),
        agencyId: agency.agencyId,
        bookingId,
        position: 95,
        kind: 'commission',
        label: 'Provize DealHub 12 %',
        productKind: 'tour',
        productId: newId(),
        travellers: json([]),
        fromDate: null,
        toDate: null,
        unitPrice: 0,
        quantity: 1,
        amount: 0,
        cost: 210_00,
        supplierStatus: 'confirmed',
        detail: json({}),
      })
      .execute();
    try {
      // Staff still see it on the booking.
      const view = (await call(agent, 'GET', `/api/v1/bookings/${bookingId}`)).json();
      expect(view.lines.map((l: { label: string }) => l.label)).toContain('Provize DealHub 12 %');
      for (const kind of ['contract', 'voucher', 'instructions', 'eticket']) {
        const text = textOf(await pdfOf(docUrl(kind, '?locale=cs')));
        expect(text, kind).not.toContain('ProvizeDealHub');
        expect(text, kind).not.toContain('Provize');
      }
    } finally {
      await database().db.deleteFrom('bookingLines').where('position', '=', 95).execute();
    }
  });

  it("shows the open required action as a red box, and its confirmation once it's done", async () => {
    const labels = labelsFor('cs');
    const open = textOf(await pdfOf(docUrl('voucher')));
    expect(open).toContain(squash(`${labels.actionOpen}: ${contract.title.cs}`));
    expect(open).toContain(squash(contract.instructions.cs));
    expect(open).toContain(squash(labels.dueBy(formatDate('2030-06-06', 'cs'))));

    const done = await call(
      agent,
      'POST',
      `/api/v1/bookings/${bookingId}/required-actions/${actionId}/done`,
    );
    expect(done.statusCode, done.body).toBe(200);
    const doneAt: string = done.json().requiredActions[0].done.at;
    const confirmed = textOf(await pdfOf(docUrl('voucher')));
    expect(confirmed).toContain(squash(contract.title.cs));
    expect(confirmed).toContain(squash(labels.doneOn(formatDate(doneAt, 'cs'))));
    expect(confirmed).not.toContain(squash(contract.instructions.cs));
    expect(confirmed).not.toContain(squash(labels.actionOpen));
  });

  it('links the voucher to its public page by an unguessable code, kept once given', async () => {
    const pdf = await pdfOf(docUrl('voucher'));
    const match = /\/v\/([A-Za-z0-9_-]{22})/.exec(textOf(pdf));
    expect(match).not.toBeNull();
    const code = match?.[1] ?? '';
    const url = `http://127.0.0.1:3000/v/${code}`;
    // As text under the QR code and as the link annotation of the code and the text.
    expect(pdf.toString('latin1')).toContain(`/URI (${url})`);
    expect(textOf(await pdfOf(docUrl('voucher', '?locale=en')))).toContain(url);

    const row = await database()
      .db.selectFrom('bookings')
      .select('voucherCode')
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    expect(row.voucherCode).toBe(code);

    const page = await call(null, 'GET', `/api/v1/public/vouchers/${code}`);
    expect(page.statusCode, page.body).toBe(200);
    const voucher = page.json();
    expect(voucher).toMatchObject({
      number: bookingNumber,
      agencyName: 'Cestovní kancelář Řehoř',
      from: '2030-07-06',
      to: '2030-07-13',
      locale: 'cs',
    });
    expect(voucher.travellers).toEqual([
      { name: 'Jana Nováková' },
      { name: 'Anna Wiśniewska' },
      { name: '王芳' },
    ]);
    expect(voucher.requiredActions[0]).toMatchObject({ title: contract.title.cs });
    // No prices, no contact data.
    expect(page.body).not.toMatch(/total|amount|unitPrice|email|phone|birthDate|Öztürk/);

    const publicPdf = await pdfOf(`/api/v1/public/vouchers/${code}.pdf?locale=tr`, null);
    const publicText = textOf(publicPdf);
    expect(publicText).toContain(squash(labelsFor('tr').bookingNumber));
    // The travellers by name only: whoever scans the QR code learns no birth date. The voucher
    // staff and the signed-in customer open prints them.
    const signedIn = textOf(await pdfOf(docUrl('voucher', '?locale=tr')));
    expect(publicText).toContain(squash('Jana Nováková'));
    for (const birthDate of ['1985-03-12', '1987-06-01', '2024-02-02']) {
      expect(signedIn).toContain(squash(formatDate(birthDate, 'tr')));
      expect(publicText).not.toContain(squash(formatDate(birthDate, 'tr')));
    }
    expect(publicText).not.toMatch(/1985|1987/);

    expect(
      (await call(null, 'GET', '/api/v1/public/vouchers/AAAAAAAAAAAAAAAAAAAAAA')).statusCode,
    ).toBe(404);
    expect(
      (await call(null, 'GET', '/api/v1/public/vouchers/AAAAAAAAAAAAAAAAAAAAAA.pdf')).statusCode,
    ).toBe(404);
    expect((await call(null, 'GET', '/api/v1/public/vouchers/short')).statusCode).toBe(404);
  });

  it('prints one e-ticket by its line, and refuses a line that is not a ticket', async () => {
    const one = textOf(await pdfOf(docUrl('eticket', '?line=90&locale=en')));
    expect(one).toContain(squash('Knossos – vstupenka'));
    const wrong = await call(agent, 'GET', docUrl('eticket', '?line=0'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors[0].path).toBe('/line');
  });

  it("keeps the agency's template: admins change it, the PDF shows its name and footer", async () => {
    const before = await call(agent, 'GET', '/api/v1/settings/document-template');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      agencyName: 'Cestovní kancelář Řehoř',
      isDefault: true,
      logo: null,
    });

    const template = {
      displayName: 'Řehoř Tours s.r.o.',
      addressLines: ['Náměstí Svobody 1', '602 00 Brno'],
      contactLines: ['+420 541 000 000', 'info@rehor.example'],
      emergencyPhone: '+420 777 000 111',
      primaryColor: '#0b5394',
      accentColor: '#cc0000',
      footer: { cs: 'Děkujeme, že cestujete s námi.', zh: '感谢您与我们同行。' },
    };
    expect(
      (await call(agent, 'PUT', '/api/v1/settings/document-template', template)).statusCode,
    ).toBe(403);
    const bad = await call(admin, 'PUT', '/api/v1/settings/document-template', {
      ...template,
      primaryColor: 'blue',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json().errors)).toContain('primaryColor');

    const saved = await call(admin, 'PUT', '/api/v1/settings/document-template', template);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, primaryColor: '#0b5394' });

    const notImage = await call(admin, 'PUT', '/api/v1/settings/document-template/logo', {
      contentBase64: Buffer.from('GIF89a not a png').toString('base64'),
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().errors[0].path).toBe('/contentBase64');
    const png = await QRCode.toBuffer('logo', { type: 'png', width: 120 });
    const logo = await call(admin, 'PUT', '/api/v1/settings/document-template/logo', {
      contentBase64: png.toString('base64'),
    });
    expect(logo.statusCode, logo.body).toBe(200);
    expect(logo.json().logo).toEqual({ type: 'image/png', bytes: png.length });

    const cs = textOf(await pdfOf(docUrl('instructions')));
    expect(cs).toContain(squash('Řehoř Tours s.r.o.'));
    expect(cs).toContain(squash('Děkujeme, že cestujete s námi.'));
    expect(cs).toContain(squash('+420 777 000 111'));
    const zh = textOf(await pdfOf(docUrl('voucher', '?locale=zh')));
    expect(zh).toContain(squash('感谢您与我们同行。'));
    // A language without a footer of its own falls back to any given.
    const en = textOf(await pdfOf(docUrl('voucher', '?locale=en')));
    expect(en).toContain(squash('Děkujeme, že cestujete s námi.'));
  });

  it("answers 404 for another agency's booking documents", async () => {
    for (const url of [
      `/api/v1/bookings/${bookingId}/documents`,
      docUrl('voucher'),
      docUrl('contract', '?locale=en'),
    ]) {
      expect((await call(otherAdmin, 'GET', url)).statusCode, url).toBe(404);
    }
  });
});
