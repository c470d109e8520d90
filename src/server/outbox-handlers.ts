// Every kind of outbox job and what runs it: the server's worker and the tests use this one
// table, so a job kind cannot be handled in one and forgotten in the other.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { bookingMailHandler } from './modules/documents/mail.ts';
import { bookingMailJobKind } from './modules/messaging/booking-mail.ts';
import { emailHandler, emailJobKind, type Mailer } from './modules/messaging/mailer.ts';
import { type SmsProvider, smsHandler, smsJobKind } from './modules/messaging/sms.ts';
import type { JobHandler } from './modules/messaging/worker.ts';

export function outboxHandlers(options: {
  db: Kysely<DB>;
  mailer: Mailer;
  sms: SmsProvider;
  /** Where the voucher's QR code points. */
  publicUrl: string;
}): Record<string, JobHandler> {
  return {
    [emailJobKind]: emailHandler(options.mailer),
    [bookingMailJobKind]: bookingMailHandler(options),
    [smsJobKind]: smsHandler(options.sms),
  };
}
