// Reminders of required actions (B8): a customer whose booking has actions still open and due
// within a few days (or overdue) gets an e-mail in their language listing what to do, at most
// once every few days. Run by the server's periodic tasks, through the reminder loop of
// `messaging/booking-reminders.ts`.

import type { Kysely } from 'kysely';
import { addDays, todayUtc } from '../../calendar.ts';
import type { DB } from '../../db/schema.ts';
import { sendReminders } from '../messaging/booking-reminders.ts';
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
const localeOf = (locale: string): Locale => (locale in subjects ? (locale as Locale) : 'en');
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
  return sendReminders(db, due, {
    lockDue: async (trx, { agencyId, bookingId }) => {
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
      return actions.length === 0 ? null : actions;
    },
    message: (actions, recipient) => {
      const locale = localeOf(recipient.locale);
      const text = actions
        .map(
          (action) =>
            `• ${inLanguage(action.title, locale)} (${dueWords[locale]} ${action.dueDate})\n` +
            `  ${inLanguage(action.instructions, locale)}`,
        )
        .join('\n\n');
      // The voucher goes along: it shows each open action in a red box.
      return { subject: subjects[locale](recipient.number), text, documents: ['voucher'] };
    },
    markReminded: async (trx, { agencyId }, actions) => {
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
    },
  });
}
