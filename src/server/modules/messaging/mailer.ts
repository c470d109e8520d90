// Sends e-mail with nodemailer: through SMTP when SMTP_URL is set, otherwise as .eml files
// in <data dir>/outbox, so a demo installation shows real messages without a mail server.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Ctx } from '../../context.ts';
import type { OutboxJob } from '../../db/schema.ts';
import { enqueue } from './outbox.ts';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** base64 content, so it survives the outbox's JSON payload. */
  contentBase64: string;
}

export interface EmailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  attachments?: EmailAttachment[];
}

export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export const emailJobKind = 'email.send';

export function createMailer(options: {
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
}): Mailer {
  const toNodemailer = (message: EmailMessage) => ({
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    replyTo: message.replyTo,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  });

  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message) {
        const info = await transport.sendMail(toNodemailer(message));
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }

  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message));
      await fs.mkdir(options.outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`;
      await fs.writeFile(path.join(options.outboxDir, name), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** Queues an e-mail in the caller's transaction; it leaves after the commit. */
export function queueEmail(ctx: Ctx, message: EmailMessage): Promise<string> {
  return enqueue(ctx, { kind: emailJobKind, payload: message });
}

export function emailHandler(mailer: Mailer) {
  return async (job: OutboxJob) => {
    await mailer.send(job.payload as EmailMessage);
  };
}
