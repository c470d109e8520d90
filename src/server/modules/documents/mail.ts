// The outbox worker's side of booking e-mails: renders the documents a queued message names
// (as they are now, after the change committed) and sends the message with them attached.
import type { Kysely } from 'kysely';
import type { Actor, Ctx } from '../../context.ts';
import type { DB, OutboxJob } from '../../db/schema.ts';
import { getBooking } from '../bookings/read-booking.ts';
import { invoicePdf } from '../invoicing/invoice-pdf.ts';
import type { BookingMail } from '../messaging/booking-mail.ts';
import type { EmailAttachment, Mailer } from '../messaging/mailer.ts';
import { ticketLines } from './eticket.ts';
import { isWithdrawn, renderDocumentOf } from './service.ts';

// The worker reads the booking it was asked to write about, as staff would.
const documentMailer: Actor = {
  type: 'system',
  id: null,
  userId: null,
  name: 'document mailer',
  role: 'customer_service',
};

const pdf = (filename: string, bytes: Buffer): EmailAttachment => ({
  filename,
  contentType: 'application/pdf',
  contentBase64: bytes.toString('base64'),
});

/** The attachments of a queued booking message. */
export async function attachmentsOf(
  ctx: Ctx,
  mail: BookingMail,
  publicUrl: string,
): Promise<EmailAttachment[]> {
  const attachments: EmailAttachment[] = [];
  const booking = await getBooking(ctx, mail.bookingId);
  for (const kind of mail.documents) {
    // A booking without transport or ticket lines has no e-ticket to send.
    if (kind === 'eticket' && ticketLines(booking).length === 0) continue;
    // A voucher or e-tickets asked for before the booking was cancelled are withdrawn since.
    if (isWithdrawn(booking, kind)) continue;
    const rendered = await renderDocumentOf(ctx, booking, kind, { publicUrl });
    attachments.push(pdf(rendered.filename, rendered.pdf));
  }
  for (const id of mail.invoiceIds) {
    const invoice = await invoicePdf(ctx, id);
    attachments.push(pdf(`${invoice.number}.pdf`, invoice.pdf));
  }
  return attachments;
}

export function bookingMailHandler(options: { db: Kysely<DB>; mailer: Mailer; publicUrl: string }) {
  return async (job: OutboxJob) => {
    const mail = job.payload as BookingMail;
    const ctx: Ctx = { db: options.db, agencyId: job.agencyId, actor: documentMailer };
    const attachments = await attachmentsOf(ctx, mail, options.publicUrl);
    await options.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, attachments });
  };
}
