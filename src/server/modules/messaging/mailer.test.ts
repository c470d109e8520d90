import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency } from '../../../../tests/helpers/factories.ts';
import {
  type LoopbackSmtp,
  type ReceivedMail,
  startLoopbackSmtp,
} from '../../../../tests/helpers/smtp-server.ts';
import { inTransaction } from '../../context.ts';
import { createMailer, emailHandler, emailJobKind, queueEmail } from './mailer.ts';
import { OutboxWorker } from './worker.ts';

describeEachDatabase('e-mail through the outbox', (database) => {
  let smtp: LoopbackSmtp;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers a queued e-mail with its attachment to a real SMTP server after commit', async () => {
    const agency = await makeAgency(database());
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Vltava Tours <booking@vltava-tours.example>',
      outboxDir: '/nonexistent',
    });
    const pdf = Buffer.from('%PDF-1.4 test attachment');
    await inTransaction(agency.ctx, (tx) =>
      queueEmail(tx, {
        to: 'zakaznik@example.cz',
        subject: 'Potvrzení rezervace 2026-000123',
        text: 'Dobrý den, děkujeme za rezervaci.',
        attachments: [
          {
            filename: 'voucher.pdf',
            contentType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          },
        ],
      }),
    );
    expect(smtp.received).toHaveLength(0);
    const worker = new OutboxWorker(database().db, {
      handlers: { [emailJobKind]: emailHandler(mailer) },
    });
    expect((await worker.drain()).done).toBe(1);
    mailer.close();

    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0] as ReceivedMail;
    expect(message.to).toEqual(['zakaznik@example.cz']);
    expect(message.from).toBe('booking@vltava-tours.example');
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toBe('Potvrzení rezervace 2026-000123');
    expect(parsed.text?.trim()).toBe('Dobrý den, děkujeme za rezervaci.');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['voucher.pdf', 'application/pdf'],
    ]);
    expect(parsed.attachments[0]?.content.equals(pdf)).toBe(true);
  });

  it('writes an .eml file to the outbox folder when no SMTP server is configured', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-outbox-'));
    const mailer = createMailer({
      smtpUrl: null,
      from: 'Caravel <no-reply@caravel.local>',
      outboxDir: dir,
    });
    await mailer.send({ to: 'a@example.com', subject: 'Hello', text: 'Body text' });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, files[0] as string)));
    expect(parsed.subject).toBe('Hello');
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('a@example.com');
    fs.rmSync(dir, { recursive: true });
  });
});
