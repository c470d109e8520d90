// Tells the customer, in their language, what just happened to their booking: an e-mail with
// the right documents attached (and a text message when they gave a phone number), queued in
// the caller's transaction so it leaves only if the change commits.
import type { Ctx } from '../../context.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import { isDocumentLocale } from '../documents/pdf.ts';
import { type AttachedDocument, queueBookingMail } from '../messaging/booking-mail.ts';
import { queueSms } from '../messaging/sms.ts';
import { owedOf } from '../payments/plan.ts';
import { paidNetOf } from '../payments/repo.ts';
import { type CustomerMailEvent, customerMail } from './customer-mail-texts.ts';

/** The documents each event sends along; invoices are named by the caller. */
const documentsOf: Record<CustomerMailEvent['kind'], AttachedDocument[]> = {
  booked: ['contract', 'voucher'],
  payment: [],
  refund: [],
  changed: ['contract', 'voucher'],
  cancelled: [],
  documents: [],
};

/** Events worth a text message too: the ones a traveller must not miss. */
const textedEvents = new Set<CustomerMailEvent['kind']>(['booked', 'cancelled']);

export interface MailOptions {
  /** Overrides the documents the event sends. */
  documents?: AttachedDocument[];
  invoiceIds?: string[];
  /** Another address than the customer's. */
  to?: string;
}

/**
 * Queues the message about `event`. Returns where it goes, or null when the customer has no
 * e-mail address and none was given.
 */
export async function mailCustomer(
  tx: Ctx,
  bookingId: string,
  event: CustomerMailEvent,
  options: MailOptions = {},
): Promise<{ to: string } | null> {
  const row = await tx.db
    .selectFrom('bookings as b')
    .innerJoin('customers as c', (join) =>
      join.onRef('c.agencyId', '=', 'b.agencyId').onRef('c.id', '=', 'b.customerId'),
    )
    .innerJoin('agencies as a', 'a.id', 'b.agencyId')
    .select([
      'b.number',
      'b.productName',
      'b.startDate',
      'b.endDate',
      'b.currency',
      'b.total',
      'b.status',
      'b.cancellationFee',
      'c.kind',
      'c.firstName',
      'c.lastName',
      'c.companyName',
      'c.email',
      'c.phone',
      'c.locale',
      'a.name as agencyName',
    ])
    .where('b.agencyId', '=', tx.agencyId)
    .where('b.id', '=', bookingId)
    .executeTakeFirstOrThrow();
  const to = options.to ?? row.email;
  const documents = options.documents ?? documentsOf[event.kind];
  const invoiceIds = options.invoiceIds ?? [];
  const { subject, text } = customerMail(event, {
    locale: isDocumentLocale(row.locale) ? row.locale : 'en',
    agencyName: row.agencyName,
    customerName: displayNameOf(row),
    number: row.number,
    productName: row.productName,
    startDate: row.startDate,
    endDate: row.endDate,
    currency: row.currency.trim(),
    total: Number(row.total),
    owed: owedOf(row),
    paid: await paidNetOf(tx, bookingId),
    withAttachments: documents.length + invoiceIds.length > 0,
  });
  if (row.phone && !options.to && textedEvents.has(event.kind)) {
    await queueSms(tx, { to: row.phone, text: `${row.agencyName}: ${subject}` });
  }
  if (!to) return null;
  await queueBookingMail(tx, { bookingId, to, subject, text, documents, invoiceIds });
  return { to };
}
