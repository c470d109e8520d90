// Issue 9's acceptance on the demo: for a demo booking the contract, the voucher (a red
// required-action box, then the confirmation once marked done), the invoice PDF and its UBL XML
// all download, and the e-mail with its attachments arrives at a real SMTP server on loopback.
// The worker also sends every message the demo's own bookings queued, so each renders.
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import { type LoopbackSmtp, startLoopbackSmtp } from '../../../tests/helpers/smtp-server.ts';
import { labelsFor } from '../modules/documents/labels.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { createMailer, type Mailer } from '../modules/messaging/mailer.ts';
import { logSmsProvider } from '../modules/messaging/sms.ts';
import { OutboxWorker } from '../modules/messaging/worker.ts';
import { outboxHandlers } from '../outbox-handlers.ts';
import { type DemoResult, seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};

const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

// On the embedded database only: seeding the demo and rendering its mails is slow, and the
// SQL behind it runs on both databases in demo/bookings.test.ts and documents/mail.test.ts.
describeOnDatabase('pglite', 'demo paperwork', (database) => {
  let app: FastifyInstance;
  let cookie: string;
  let demo: DemoResult;
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  let worker: OutboxWorker;

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers: { cookie }, payload });

  beforeAll(async () => {
    demo = await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    cookie = (await signIn(app, admin.email, admin.password)).cookie;
    smtp = await startLoopbackSmtp();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Vltava Tours <booking@vltava-tours.example>',
      outboxDir: '/nonexistent',
    });
    worker = new OutboxWorker(database().db, {
      handlers: outboxHandlers({
        db: database().db,
        mailer,
        sms: logSmsProvider({ outboxDir: '/tmp', log: () => {} }),
        publicUrl: 'http://localhost:3000',
      }),
    });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await app?.close();
  });

  async function bookings() {
    const ids = demo.bookings?.bookingIds ?? [];
    // biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
    return Promise.all(ids.map(async (id) => (await get(`/api/v1/bookings/${id}`)).json() as any));
  }

  it("sends every message the demo's bookings queued, each with its PDFs", async () => {
    const run = await worker.drain();
    expect(run.failed + run.dead).toBe(0);
    // One message per booking at least (the booking), plus payments and the cancellation.
    expect(smtp.received.length).toBeGreaterThanOrEqual((demo.bookings?.bookingIds ?? []).length);
    const mails = await Promise.all(smtp.received.map((m) => simpleParser(m.raw)));
    const booked = mails.filter((m) =>
      m.attachments.some((a) => a.filename?.startsWith('voucher-')),
    );
    expect(booked.length).toBeGreaterThanOrEqual(10);
    for (const mail of mails) {
      for (const attachment of mail.attachments) {
        expect(attachment.content.subarray(0, 5).toString(), attachment.filename).toBe('%PDF-');
      }
    }
  });

  it('downloads the paid booking’s invoice as PDF and UBL, and e-mails its documents', async () => {
    const paid = (await bookings()).find((b) => b.status === 'paid');
    expect(paid, 'the demo has a booking paid in full').toBeDefined();
    const invoices = (await get(`/api/v1/invoices?bookingId=${paid.id}`)).json().items;
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices;
    expect(invoice).toMatchObject({ kind: 'invoice', vatScheme: 'margin', gross: paid.total });
    const pdf = await get(`/api/v1/invoices/${invoice.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(invoice.number);
    const xml = await get(`/api/v1/invoices/${invoice.id}.xml`);
    expect(xml.statusCode).toBe(200);
    expect(xml.body).toContain(
      '<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>',
    );
    expect(xml.body).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    const contract = await get(`/api/v1/bookings/${paid.id}/documents/contract.pdf?locale=en`);
    expect(contract.statusCode).toBe(200);
    expect(pdfText(contract.rawPayload)).toContain(paid.number);

    const before = smtp.received.length;
    const sent = await post(`/api/v1/bookings/${paid.id}/documents/send`, {
      documents: ['contract', 'voucher', 'invoice'],
    });
    expect(sent.statusCode, sent.body).toBe(202);
    expect((await worker.drain()).done).toBe(1);
    expect(smtp.received).toHaveLength(before + 1);
    const mail = await simpleParser(smtp.received[before]?.raw ?? '');
    expect(smtp.received[before]?.to).toEqual([paid.customer.email]);
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      `contract-${paid.number}-${paid.customer.locale}.pdf`,
      `voucher-${paid.number}-${paid.customer.locale}.pdf`,
      `${invoice.number}.pdf`,
    ]);
  });

  it('shows an open required action in a red box on the voucher, then its confirmation', async () => {
    const open = (await bookings()).find(
      (b) =>
        b.requiredActions.length > 0 && b.requiredActions.some((a: { done: boolean }) => !a.done),
    );
    expect(open, 'the demo has a booking with an open required action').toBeDefined();
    const action = open.requiredActions.find((a: { done: boolean }) => !a.done);
    // In the customer's language, as the customer gets it.
    const labels = labelsFor(open.customer.locale);
    const voucher = async () =>
      pdfText((await get(`/api/v1/bookings/${open.id}/documents/voucher.pdf`)).rawPayload);
    // A long title may wrap in the box: its first words are enough to find it.
    const title = action.title.slice(0, 20);
    const before = await voucher();
    expect(before).toContain(labels.actionOpen);
    expect(before).toContain(title);

    const done = await post(`/api/v1/bookings/${open.id}/required-actions/${action.id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    const after = await voucher();
    expect(after).toContain(title);
    expect(after).toContain(labels.doneOn('§').split('§')[0]?.trim());
    // One fewer open box than before.
    const boxes = (text: string) => text.split(labels.actionOpen).length - 1;
    expect(boxes(after)).toBe(boxes(before) - 1);
  });
});
