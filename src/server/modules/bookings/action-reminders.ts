// Reminders of required actions (B8): a customer whose booking has actions still open and due
// within a few days (or overdue) gets an e-mail in their language listing what to do, at most
// once every few days. Run by the server's periodic tasks; each booking is reminded in its own
// transaction, so the e-mail leaves through the outbox only if the reminder was recorded.

import type { Kysely } from 'kysely';
import { addDays, todayUtc } from '../../calendar.ts';
import { systemActor } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { queueBookingMail } from '../messaging/booking-mail.ts';
import { inLanguage } from './required-actions.ts';

export interface ReminderOptions {
  /** Remind actions due within this many days (overdue ones too). */
  daysAhead?: number;
  /** Never remind the same action twice within this many hours. */
  everyHours?: number;
}

const subjects = {
  en: (n) => `Booking ${n}: please complete what is still needed`,
  cs: (n) => `Rezervace ${n}: dokončete prosím, co ještě chybí`,
  pl: (n) => `Rezerwacja ${n}: prosimy uzupełnić brakujące czynności`,
  tr: (n) => `Rezervasyon ${n}: lütfen eksik adımları tamamlayın`,
  zh: (n) => `预订 ${n}：请完成尚未完成的事项`,
} satisfies Record<string, (number: string) => string>;
type Locale = keyof typeof subjects;
const dueWords: Record<Locale, string> = {
  en: 'due',
  cs: 'do',
  pl: 'do',
  tr: 'son tarih',
  zh: '截止',
};

/** Sends the reminders due now; returns how many bookings were reminded. */
export async function remindDueActions(
  db: Kysely<DB>,
  now: Date = new Date(),
  options: ReminderOptions = {},
): Promise<number> {
  const horizon = addDays(todayUtc(now), options.daysAhead ?? 3);
  const quietSince = new Date(now.getTime() - (options.everyHours ?? 72) * 3_600_000);
  const due = await db
    .selectFrom('bookingRequiredActions as a')
    .innerJoin('bookings as b', (join) =>
      join.onRef('b.agencyId', '=', 'a.agencyId').onRef('b.id', '=', 'a.bookingId'),
    )
    .select(['a.agencyId', 'a.bookingId'])
    .distinct()
    .where('a.doneAt', 'is', null)
    .where('a.dueDate', '<=', horizon)
    .where((eb) => eb.or([eb('a.remindedAt', 'is', null), eb('a.remindedAt', '<', quietSince)]))
    .where('b.status', 'not in', ['cancelled', 'departed'])
    .limit(500)
    .execute();
  let reminded = 0;
  for (const { agencyId, bookingId } of due) {
    const sent = await db.transaction().execute(async (trx) => {
      // Another server process may be reminding the same booking: skip what it holds.
      const actions = await trx
        .selectFrom('bookingRequiredActions')
        .selectAll()
        .where('agencyId', '=', agencyId)
        .where('bookingId', '=', bookingId)
        .where('doneAt', 'is', null)
        .where('dueDate', '<=', horizon)
        .where((eb) => eb.or([eb('remindedAt', 'is', null), eb('remindedAt', '<', quietSince)]))
        .orderBy('position')
        .forUpdate()
        .skipLocked()
        .execute();
      if (actions.length === 0) return false;
      const booking = await trx
        .selectFrom('bookings')
        .innerJoin('customers', (join) =>
          join
            .onRef('customers.agencyId', '=', 'bookings.agencyId')
            .onRef('customers.id', '=', 'bookings.customerId'),
        )
        .select(['bookings.number', 'customers.email', 'customers.locale'])
        .where('bookings.agencyId', '=', agencyId)
        .where('bookings.id', '=', bookingId)
        .executeTakeFirstOrThrow();
      if (booking.email) {
        const locale: Locale = booking.locale in subjects ? (booking.locale as Locale) : 'en';
        const text = actions
          .map(
            (action) =>
              `• ${inLanguage(action.title, locale)} (${dueWords[locale]} ${action.dueDate})\n` +
              `  ${inLanguage(action.instructions, locale)}`,
          )
          .join('\n\n');
        // The voucher goes along: it shows each open action in a red box.
        await queueBookingMail(
          { db: trx, agencyId, actor: systemActor },
          {
            bookingId,
            to: booking.email,
            subject: subjects[locale](booking.number),
            text,
            documents: ['voucher'],
            invoiceIds: [],
          },
        );
      }
      await trx
        .updateTable('bookingRequiredActions')
        .set({ remindedAt: now })
        .where('agencyId', '=', agencyId)
        .where(
          'id',
          'in',
          actions.map((a) => a.id),
        )
        .execute();
      return booking.email !== null;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}
