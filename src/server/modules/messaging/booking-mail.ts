// An e-mail about a booking with its documents attached. The message is written in the
// transaction of the change it reports; the PDFs are rendered by the outbox worker after the
// commit, so the transaction stays short and a rolled-back change sends nothing.
import type { Ctx } from '../../context.ts';
import { enqueue } from './outbox.ts';

export const bookingMailJobKind = 'booking.mail';

/** The booking documents a message may carry (rendered as in `documents/service.ts`). */
export type AttachedDocument = 'voucher' | 'contract' | 'instructions' | 'eticket';

export interface BookingMail {
  bookingId: string;
  to: string;
  subject: string;
  text: string;
  documents: AttachedDocument[];
  /** Invoices and credit notes of the booking, as PDFs. */
  invoiceIds: string[];
}

export function queueBookingMail(ctx: Ctx, mail: BookingMail): Promise<string> {
  return enqueue(ctx, { kind: bookingMailJobKind, payload: mail });
}
