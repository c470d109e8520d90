// B11, D5: the customer is e-mailed when their booking is made, paid, changed or cancelled,
// with the right PDFs attached, through the outbox after the commit, over real SMTP to a
// server on loopback; text messages go to the log provider; staff can send documents again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookThroughApi, makeBookableTour } from '../../../../tests/helpers/booking-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency, makeTestApp, signIn } from '../../../../tests/helpers/factories.ts';
import { setInvoicing } from '../../../../tests/helpers/invoice-factories.ts';
import { type LoopbackSmtp, startLoopbackSmtp } from '../../../../tests/helpers/smtp-server.ts';
import { outboxHandlers } from '../../outbox-handlers.ts';
import { createMailer, type Mailer } from '../messaging/mailer.ts';
import { logSmsProvider, type SmsMessage } from '../messaging/sms.ts';
import { OutboxWorker } from '../messaging/worker.ts';

const travellers = [
  { firstName: 'Jiří', lastName: 'Šťastný', birthDate: '1980-05-17' },
  { firstName: 'Eva', lastName: 'Šťastná', birthDate: '1982-03-02' },
  { firstName: 'Petr', lastName: 'Šťastný', birthDate: '2024-01-10' },
];

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

describeEachDatabase('booking e-mails with documents', (database) => {
  let app: FastifyInstance;
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  let worker: OutboxWorker;
  const texts: SmsMessage[] = [];
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-booking-mail-'));

  beforeAll(async () => {
    app = await makeTestApp(database());
    smtp = await startLoopbackSmtp();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Karavana <rezervace@karavana.example>',
      outboxDir: '/nonexistent',
    });
    worker = new OutboxWorker(database().db, {
      handlers: outboxHandlers({
        db: database().db,
        mailer,
        sms: logSmsProvider({ outboxDir, log: (message) => texts.push(message) }),
        publicUrl: 'https://karavana.example',
      }),
    });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await app.close();
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });

  /** Sends what the outbox holds and returns the messages the SMTP server got meanwhile. */
  async function deliver(): Promise<ParsedMail[]> {
    const before = smtp.received.length;
    const run = await worker.drain();
    expect(run.failed + run.dead, 'outbox jobs failed').toBe(0);
    return Promise.all(smtp.received.slice(before).map((m) => simpleParser(m.raw)));
  }

  const attachmentNames = (mail: ParsedMail | undefined) =>
    (mail?.attachments ?? []).map((a) => a.filename);

  it('mails the booking with contract, voucher and invoice in Czech, and texts the customer', async () => {
    const agency = await makeAgency(database());
    const admin = (await signIn(app, agency.adminEmail)).cookie;
    const tour = await makeBookableTour(agency);
    await setInvoicing(agency, { autoIssue: 'on_booking' });
    const customer = await makePerson(agency, { firstName: 'Jiří', lastName: 'Šťastný' });
    await deliver(); // whatever setting up queued

    const booking = await bookThroughApi(app, admin, {
      ...tour,
      customerId: customer.id,
      travellers,
    });
    // Queued in the booking's transaction, sent only by the worker.
    const queued = await database()
      .db.selectFrom('outbox')
      .select(['kind', 'status'])
      .where('agencyId', '=', agency.agencyId)
      .where('status', '=', 'pending')
      .execute();
    expect(queued.map((j) => j.kind).sort()).toEqual(['booking.mail', 'sms.send']);

    const [mail, ...others] = await deliver();
    expect(others).toHaveLength(0);
    expect(mail?.subject).toBe(`Vaše rezervace ${booking.number}`);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe(customer.email);
    expect(mail?.text).toContain('Dobrý den, Jiří Šťastný,');
    // Intl separates thousands and the currency with narrow spaces: compare plain ones.
    expect(mail?.text?.replace(/\s/g, ' ')).toContain('Celková cena: 1 750,00 €');
    expect(mail?.text).toContain('Dokumenty najdete v příloze');
    const year = new Date().getUTCFullYear();
    expect(attachmentNames(mail)).toEqual([
      `contract-${booking.number}-cs.pdf`,
      `voucher-${booking.number}-cs.pdf`,
      `FV-${year}-000001.pdf`,
    ]);
    for (const attachment of mail?.attachments ?? []) {
      expect(attachment.contentType).toBe('application/pdf');
      expect(attachment.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const voucher = pdfText(mail?.attachments[1]?.content ?? Buffer.alloc(0));
    expect(voucher).toContain(booking.number);
    expect(voucher).toContain('Šťastná');
    const invoice = pdfText(mail?.attachments[2]?.content ?? Buffer.alloc(0));
    expect(invoice).toContain(`FV-${year}-000001`);

    // The text message went to the log provider, and to a file beside the e-mails.
    expect(texts.at(-1)?.to).toBe(customer.phone);
    expect(texts.at(-1)?.text).toMatch(new RegExp(`^Agency .+: Vaše rezervace ${booking.number}$`));
    const files = fs.readdirSync(outboxDir).filter((f) => f.endsWith('.sms.txt'));
    expect(files.length).toBeGreaterThan(0);
  });

  it('mails payments, changes and the cancellation with the documents each needs', async () => {
    const agency = await makeAgency(database());
    const admin = (await signIn(app, agency.adminEmail)).cookie;
    const tour = await makeBookableTour(agency);
    await setInvoicing(agency, { autoIssue: 'on_booking' });
    const customer = await makePerson(agency, { locale: 'en', phone: null });
    const textsBefore = texts.length;
    const booking = await bookThroughApi(app, admin, {
      ...tour,
      customerId: customer.id,
      travellers,
    });
    await deliver();
    const call = (method: 'POST' | 'GET', url: string, payload?: object) =>
      app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

    const paid = await call('POST', `/api/v1/bookings/${booking.id}/payments`, {
      amount: 500_00,
      method: 'bank_transfer',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const [receipt] = await deliver();
    expect(receipt?.subject).toBe(`Booking ${booking.number}: payment received`);
    expect(receipt?.text).toContain('we have received your payment of €500.00');
    expect(receipt?.text).toContain('Left to pay: €1,250.00');

    // A refused payment writes nothing, so nothing is mailed.
    const over = await call('POST', `/api/v1/bookings/${booking.id}/payments`, {
      amount: 5000_00,
      method: 'cash',
    });
    expect(over.statusCode).toBe(409);
    expect(await deliver()).toHaveLength(0);

    const preview = await call('POST', `/api/v1/bookings/${booking.id}/changes/preview`, {
      from: '2030-07-13',
      to: '2030-07-20',
    });
    expect(preview.statusCode, preview.body).toBe(201);
    const changed = await call('POST', `/api/v1/bookings/${booking.id}/changes`, {
      quoteId: preview.json().quote.id,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const [changeMail] = await deliver();
    expect(changeMail?.subject).toBe(`Booking ${booking.number} has been changed`);
    expect(changeMail?.text).toContain('July 13, 2030 – July 20, 2030');
    expect(attachmentNames(changeMail)).toEqual([
      `contract-${booking.number}-en.pdf`,
      `voucher-${booking.number}-en.pdf`,
    ]);

    const cancelled = await call('POST', `/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'The customer fell ill',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const [cancelMail] = await deliver();
    expect(cancelMail?.subject).toBe(`Booking ${booking.number} has been cancelled`);
    expect(cancelMail?.text).toContain('Cancellation fee: €0.00');
    // The booking's invoice is credited in full: the credit note goes with the message.
    const year = new Date().getUTCFullYear();
    expect(attachmentNames(cancelMail)).toEqual([`DN-${year}-000001.pdf`]);
    // This customer gave no phone number: no text message about any of it.
    expect(texts).toHaveLength(textsBefore);
  });

  it('sends documents again on request, to another address too, and refuses what cannot be sent', async () => {
    const agency = await makeAgency(database(), { users: [{ role: 'partner' }] });
    const admin = (await signIn(app, agency.adminEmail)).cookie;
    const tour = await makeBookableTour(agency);
    await setInvoicing(agency, { autoIssue: 'on_booking' });
    const customer = await makePerson(agency, { locale: 'pl' });
    const booking = await bookThroughApi(app, admin, {
      ...tour,
      customerId: customer.id,
      travellers,
    });
    await deliver();
    const send = (payload: object, cookie = admin) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/bookings/${booking.id}/documents/send`,
        headers: { cookie },
        payload,
      });

    const again = await send({ documents: ['instructions', 'invoice'], to: 'biuro@firma.example' });
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toEqual({
      to: 'biuro@firma.example',
      documents: ['instructions', 'invoice'],
    });
    const [mail] = await deliver();
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('biuro@firma.example');
    expect(mail?.subject).toBe(`Rezerwacja ${booking.number}: dokumenty`);
    const year = new Date().getUTCFullYear();
    expect(attachmentNames(mail)).toEqual([
      `instructions-${booking.number}-pl.pdf`,
      `FV-${year}-000001.pdf`,
    ]);
    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityType=booking&entityId=${booking.id}`,
      headers: { cookie: admin },
    });
    expect(JSON.stringify(history.json())).toContain('documents.sent');

    // By default: voucher and contract, to the customer.
    expect((await send({})).json()).toEqual({
      to: customer.email,
      documents: ['voucher', 'contract'],
    });
    expect(attachmentNames((await deliver())[0])).toEqual([
      `voucher-${booking.number}-pl.pdf`,
      `contract-${booking.number}-pl.pdf`,
    ]);

    const noTickets = await send({ documents: ['eticket'] });
    expect(noTickets.statusCode).toBe(409);
    expect(noTickets.json().errors[0].path).toBe('/documents/0');
    const unknown = await send({ documents: ['passport'] });
    expect(unknown.statusCode).toBe(400);
    const badAddress = await send({ to: 'not an address' });
    expect(badAddress.statusCode).toBe(400);
    expect(badAddress.json().errors[0].path).toBe('/to');
    await database()
      .db.updateTable('customers')
      .set({ email: null })
      .where('id', '=', customer.id)
      .execute();
    const nowhere = await send({});
    expect(nowhere.statusCode).toBe(409);
    expect(nowhere.json().errors[0].path).toBe('/to');
    const partner = await signIn(app, `partner-0-${agency.slug.slice(7)}@example.test`);
    expect((await send({}, partner.cookie)).statusCode).toBe(403);
    expect(await deliver()).toHaveLength(0);
  });
});
