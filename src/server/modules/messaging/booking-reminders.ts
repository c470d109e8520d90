// The loop every customer reminder runs (required actions, overdue payments): each booking in
// its own transaction, what is due locked (skipping what another server process holds), the
// message queued through the outbox with its documents, and what was reminded marked so, so
// the e-mail leaves only if the reminder was recorded.
import type { Kysely, Transaction } from 'kysely';
import { systemActor } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { withTransaction } from '../../db/transaction.ts';
import { type AttachedDocument, queueBookingMail } from './booking-mail.ts';

export interface BookingRef {
  agencyId: string;
  bookingId: string;
}

/** Who is reminded, and of which booking. */
export interface ReminderRecipient {
  number: string;
  currency: string;
  email: string | null;
  locale: string;
}

export interface ReminderMessage {
  subject: string;
  text: string;
  documents: AttachedDocument[];
}

export interface BookingReminder<Due> {
  /** What is due in the booking, locked; null when nothing is (or another process holds it). */
  lockDue(trx: Transaction<DB>, booking: BookingRef): Promise<Due | null>;
  /** The message about it, in the recipient's language. */
  message(due: Due, recipient: ReminderRecipient): ReminderMessage;
  /** Records that it was reminded now. */
  markReminded(trx: Transaction<DB>, booking: BookingRef, due: Due): Promise<void>;
}

function recipientOf(trx: Transaction<DB>, { agencyId, bookingId }: BookingRef) {
  return trx
    .selectFrom('bookings')
    .innerJoin('customers', (join) =>
      join
        .onRef('customers.agencyId', '=', 'bookings.agencyId')
        .onRef('customers.id', '=', 'bookings.customerId'),
    )
    .select(['bookings.number', 'bookings.currency', 'customers.email', 'customers.locale'])
    .where('bookings.agencyId', '=', agencyId)
    .where('bookings.id', '=', bookingId)
    .executeTakeFirstOrThrow();
}

/**
 * Reminds each booking of what is due in it; returns how many were e-mailed. A customer
 * without an e-mail address is marked reminded too, so the booking is not read again
 * every run.
 */
export async function sendReminders<Due>(
  db: Kysely<DB>,
  bookings: readonly BookingRef[],
  reminder: BookingReminder<Due>,
): Promise<number> {
  let reminded = 0;
  for (const booking of bookings) {
    const sent = await withTransaction(db, async (trx) => {
      const due = await reminder.lockDue(trx, booking);
      if (due === null) return false;
      const row = await recipientOf(trx, booking);
      const recipient = { ...row, currency: row.currency.trim() };
      if (recipient.email) {
        const message = reminder.message(due, recipient);
        await queueBookingMail(
          { db: trx, agencyId: booking.agencyId, actor: systemActor },
          { bookingId: booking.bookingId, to: recipient.email, invoiceIds: [], ...message },
        );
      }
      await reminder.markReminded(trx, booking, due);
      return recipient.email !== null;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}
