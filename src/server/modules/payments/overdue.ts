// Overdue instalments (B7): the staff's list of bookings with money due before today that
// the payments do not cover, and the periodic reminder that e-mails the customer in their
// language (through the reminder loop of `messaging/booking-reminders.ts`), each instalment at
// most once every three days.
import { type Kysely, sql } from 'kysely';
import { todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import { sendReminders } from '../messaging/booking-reminders.ts';
import { format, money } from '../pricing/money.ts';
import { instalmentStates, overdueOf } from './plan.ts';

/** The booking's net paid, as an SQL expression over `i.agency_id` and `i.booking_id`. */
const paidNetOfInstalmentBooking = sql<string>`coalesce((
  select sum(case when p.kind = 'payment' then p.amount else -p.amount end)
  from payments p
  where p.agency_id = i.agency_id and p.booking_id = i.booking_id and p.status = 'succeeded'
), 0)`;

/**
 * Bookings (not cancelled) whose instalments due before `today` add up to more than they
 * were paid; at most `limit`, of every agency unless one is named.
 */
function overdueCandidates(
  db: Kysely<DB>,
  today: string,
  options: { agencyId?: string; quietSince?: Date; limit: number },
) {
  return db
    .selectFrom('paymentPlanInstalments as i')
    .innerJoin('bookings as b', (join) =>
      join.onRef('b.agencyId', '=', 'i.agencyId').onRef('b.id', '=', 'i.bookingId'),
    )
    .select(['i.agencyId', 'i.bookingId'])
    .where('i.dueDate', '<', today)
    .where('b.status', 'not in', ['cancelled', 'paid'])
    .$if(options.agencyId !== undefined, (qb) =>
      qb.where('i.agencyId', '=', options.agencyId as string),
    )
    .groupBy(['i.agencyId', 'i.bookingId'])
    .having(sql<boolean>`sum(i.amount) > ${paidNetOfInstalmentBooking}`)
    .$if(options.quietSince !== undefined, (qb) =>
      qb.having(
        sql<boolean>`bool_or(i.reminded_at is null or i.reminded_at < ${options.quietSince})`,
      ),
    )
    .orderBy(sql`min(i.due_date)`)
    .orderBy('i.bookingId')
    .limit(options.limit)
    .execute();
}

/** Bookings with an overdue instalment, the oldest first: what is overdue and for how long. */
export async function listOverdue(ctx: Ctx, now: Date = new Date()) {
  const today = todayUtc(now);
  const candidates = await overdueCandidates(ctx.db, today, {
    agencyId: ctx.agencyId,
    limit: 1000,
  });
  if (candidates.length === 0) return { items: [], nextCursor: null };
  const ids = candidates.map((c) => c.bookingId);
  const [bookings, instalments, paid] = await Promise.all([
    ctx.db
      .selectFrom('bookings as b')
      .innerJoin('customers as c', (join) =>
        join.onRef('c.agencyId', '=', 'b.agencyId').onRef('c.id', '=', 'b.customerId'),
      )
      .select([
        'b.id',
        'b.number',
        'b.status',
        'b.total',
        'b.currency',
        'b.startDate',
        'c.id as customerId',
        'c.kind',
        'c.firstName',
        'c.lastName',
        'c.companyName',
        'c.email',
      ])
      .where('b.agencyId', '=', ctx.agencyId)
      .where('b.id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('paymentPlanInstalments')
      .select(['bookingId', 'position', 'dueDate', 'amount', 'label'])
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', 'in', ids)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('payments')
      .select([
        'bookingId',
        sql<string>`sum(case when kind = 'payment' then amount else -amount end)`.as('net'),
      ])
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', 'in', ids)
      .where('status', '=', 'succeeded')
      .groupBy('bookingId')
      .execute(),
  ]);
  const paidOf = new Map(paid.map((p) => [p.bookingId, Number(p.net)]));
  const items = bookings.flatMap((b) => {
    const plan = instalments
      .filter((i) => i.bookingId === b.id)
      .map((i) => ({ ...i, amount: Number(i.amount) }));
    const paidNet = paidOf.get(b.id) ?? 0;
    const overdue = overdueOf(plan, paidNet, today);
    if (!overdue) return [];
    return [
      {
        bookingId: b.id,
        number: b.number,
        status: b.status,
        departure: b.startDate,
        customer: {
          id: b.customerId,
          name: displayNameOf(b),
          email: b.email,
        },
        currency: b.currency.trim(),
        total: Number(b.total),
        paid: paidNet,
        amountOverdue: overdue.amount,
        oldestDueDate: overdue.oldestDueDate,
        daysOverdue: overdue.daysOverdue,
      },
    ];
  });
  items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number, 'en'));
  return { items, nextCursor: null };
}

const subjects = {
  en: (n) => `Booking ${n}: a payment is overdue`,
  cs: (n) => `Rezervace ${n}: platba je po splatnosti`,
  pl: (n) => `Rezerwacja ${n}: płatność jest zaległa`,
  tr: (n) => `Rezervasyon ${n}: vadesi geçmiş bir ödeme var`,
  zh: (n) => `预订 ${n}：有一笔款项已逾期`,
} satisfies Record<string, (number: string) => string>;
type Locale = keyof typeof subjects;

const bodies: Record<Locale, (amount: string, dates: string) => string> = {
  en: (amount, dates) =>
    `Dear customer,\n\nour records show ${amount} still unpaid for your booking (due ${dates}). Please pay it as soon as you can; if you have paid already, thank you, and please ignore this message.`,
  cs: (amount, dates) =>
    `Vážený zákazníku,\n\npodle našich záznamů zůstává k vaší rezervaci nezaplaceno ${amount} (splatné ${dates}). Uhraďte to prosím co nejdříve; pokud jste již zaplatili, děkujeme a tuto zprávu prosím ignorujte.`,
  pl: (amount, dates) =>
    `Szanowny Kliencie,\n\nwedług naszych danych za Twoją rezerwację pozostaje do zapłaty ${amount} (termin ${dates}). Prosimy o jak najszybszą wpłatę; jeśli już zapłaciłeś, dziękujemy i prosimy zignorować tę wiadomość.`,
  tr: (amount, dates) =>
    `Sayın müşterimiz,\n\nkayıtlarımıza göre rezervasyonunuz için ${amount} tutarında ödenmemiş bir bakiye bulunuyor (son ödeme tarihi ${dates}). Lütfen en kısa sürede ödeyin; ödemeyi zaten yaptıysanız teşekkür ederiz, bu mesajı dikkate almayın.`,
  zh: (amount, dates) =>
    `尊敬的客户：\n\n根据我们的记录，您的预订仍有 ${amount} 未支付（到期日 ${dates}）。请尽快付款；如您已付款，谢谢，请忽略此邮件。`,
};

const intlLocales: Record<Locale, string> = {
  en: 'en-GB',
  cs: 'cs-CZ',
  pl: 'pl-PL',
  tr: 'tr-TR',
  zh: 'zh-CN',
};

export interface OverdueReminderOptions {
  /** Never remind the same instalment twice within this many hours (default 72). */
  everyHours?: number;
}

/** Sends the overdue-payment reminders due now; returns how many bookings were reminded. */
export async function remindOverdueInstalments(
  db: Kysely<DB>,
  now: Date = new Date(),
  options: OverdueReminderOptions = {},
): Promise<number> {
  const today = todayUtc(now);
  const quietSince = new Date(now.getTime() - (options.everyHours ?? 72) * 3_600_000);
  const due = await overdueCandidates(db, today, { quietSince, limit: 500 });
  return sendReminders(db, due, {
    lockDue: async (trx, { agencyId, bookingId }) => {
      const plan = await trx
        .selectFrom('paymentPlanInstalments')
        .selectAll()
        .where('agencyId', '=', agencyId)
        .where('bookingId', '=', bookingId)
        .orderBy('position')
        .forUpdate()
        .skipLocked()
        .execute();
      if (plan.length === 0) return null;
      const paid = await trx
        .selectFrom('payments')
        .select(sql<string>`sum(case when kind = 'payment' then amount else -amount end)`.as('net'))
        .where('agencyId', '=', agencyId)
        .where('bookingId', '=', bookingId)
        .where('status', '=', 'succeeded')
        .executeTakeFirst();
      const paidNet = Number(paid?.net ?? 0);
      const instalments = plan.map((i) => ({ ...i, amount: Number(i.amount) }));
      const states = instalmentStates(instalments, paidNet, today);
      const toRemind = instalments.filter((instalment, index) => {
        const remindedAt = instalment.remindedAt ? new Date(instalment.remindedAt) : null;
        return states[index]?.overdue && (remindedAt === null || remindedAt < quietSince);
      });
      const overdue = overdueOf(instalments, paidNet, today);
      if (toRemind.length === 0 || !overdue) return null;
      const dueDates = states.filter((s) => s.overdue).map((s) => s.dueDate);
      return { toRemind, amount: overdue.amount, dueDates };
    },
    message: (due, recipient) => {
      const locale: Locale = recipient.locale in subjects ? (recipient.locale as Locale) : 'en';
      const amount = format(money(due.amount, recipient.currency), intlLocales[locale]);
      return {
        subject: subjects[locale](recipient.number),
        text: bodies[locale](amount, due.dueDates.join(', ')),
        // The contract goes along: it states the payment schedule the customer agreed to.
        documents: ['contract'],
      };
    },
    markReminded: async (trx, { agencyId }, due) => {
      await trx
        .updateTable('paymentPlanInstalments')
        .set({ remindedAt: now })
        .where('agencyId', '=', agencyId)
        .where(
          'id',
          'in',
          due.toRemind.map((i) => i.id),
        )
        .execute();
    },
  });
}
