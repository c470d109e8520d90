// Payment plans and balances, decided on plain data (no I/O): how a booking's total is split
// into instalments with due dates, how a plan is re-split when a change alters the total,
// and which instalments the payments received cover.
import Decimal from 'decimal.js';
import { addDays, type CalendarDate, daysBetween } from '../../calendar.ts';
import { money, multiply } from '../pricing/money.ts';
import type { Instalment, PaymentKind, PaymentTerms } from './types.ts';

/** Latest of two calendar dates. */
const later = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);
const earlier = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);

/**
 * The plan of a booking made on `bookingDate` for travel on `departure`: the deposit
 * (`depositPercent` of the total, rounded half away from zero to the minor unit) due on the
 * booking date and the balance `balanceDaysBeforeDeparture` days before departure; or one
 * instalment (`full`) due on the booking date when that balance date would not be later than
 * the booking date, or the deposit would be 0 % or 100 %. Instalments sum exactly to the
 * total; a total of 0 has no instalments. No due date is after the departure.
 */
export function paymentPlan(
  total: number,
  currency: string,
  bookingDate: CalendarDate,
  departure: CalendarDate,
  terms: PaymentTerms,
): Instalment[] {
  if (total <= 0) return [];
  const today = earlier(bookingDate, departure);
  const balanceDate = addDays(departure, -terms.balanceDaysBeforeDeparture);
  const percent = new Decimal(terms.depositPercent);
  const deposit = multiply(money(total, currency), percent.div(100)).amount;
  if (balanceDate <= today || deposit <= 0 || deposit >= total) {
    return [{ position: 0, dueDate: today, amount: total, label: 'full' }];
  }
  return [
    { position: 0, dueDate: today, amount: deposit, label: 'deposit' },
    { position: 1, dueDate: balanceDate, amount: total - deposit, label: 'balance' },
  ];
}

/**
 * What a booking owes: its total, or once cancelled only its cancellation fee (the rest of the
 * trip is not bought any more). Its balance is this less the net payments.
 */
export function owedOf(booking: {
  status: string;
  total: number | string;
  cancellationFee: number | string | null;
}): number {
  return booking.status === 'cancelled'
    ? Number(booking.cancellationFee ?? 0)
    : Number(booking.total);
}

/**
 * The plan of a booking cancelled on `today` for `fee`: the instalments of the trip are
 * withdrawn and the fee is the one amount due, today (none when free of charge). Payments
 * already received count towards it; more than it is to refund.
 */
export function cancellationPlan(fee: number, today: CalendarDate): Instalment[] {
  return fee > 0 ? [{ position: 0, dueDate: today, amount: fee, label: 'cancellation_fee' }] : [];
}

/**
 * The plan after a change of the booking to `total` (and perhaps a new `departure`).
 * - Nothing covered yet (no instalment fully paid): a fresh plan, as if the booking had been
 *   made on its original date with the new total and departure.
 * - Otherwise the instalments the net payments cover in full stay exactly as they were, and
 *   what is left of the new total becomes one `balance` instalment due
 *   `balanceDaysBeforeDeparture` days before the (new) departure, or `today` when that date
 *   has passed (never after the departure).
 * - When the covered instalments alone exceed the new total (the price went down below what
 *   was paid), they are kept up to the total, the last one cut, and the overpayment shows as
 *   a negative balance to refund.
 * The result always sums to the total.
 */
export function replan(
  input: {
    total: number;
    currency: string;
    bookingDate: CalendarDate;
    departure: CalendarDate;
    today: CalendarDate;
    paidNet: number;
  },
  current: readonly Instalment[],
  terms: PaymentTerms,
): Instalment[] {
  const { total, currency, bookingDate, departure, today, paidNet } = input;
  const covered = coveredCount(current, paidNet);
  if (covered === 0) return paymentPlan(total, currency, bookingDate, departure, terms);
  const kept: Instalment[] = [];
  let left = total;
  for (const instalment of current.slice(0, covered)) {
    if (left <= 0) break;
    const amount = Math.min(instalment.amount, left);
    kept.push({ ...instalment, position: kept.length, amount });
    left -= amount;
  }
  if (left > 0) {
    const dueDate = earlier(
      later(addDays(departure, -terms.balanceDaysBeforeDeparture), today),
      departure,
    );
    kept.push({ position: kept.length, dueDate, amount: left, label: 'balance' });
  }
  return kept;
}

/** How many instalments, from the first, the net payments cover in full. */
function coveredCount(instalments: readonly Instalment[], paidNet: number): number {
  let cumulative = 0;
  let count = 0;
  for (const instalment of instalments) {
    cumulative += instalment.amount;
    if (cumulative > paidNet) break;
    count += 1;
  }
  return count;
}

interface CountedPayment {
  kind: PaymentKind;
  amount: number;
  status: string;
}

/** Net money received: succeeded payments less succeeded refunds (pending and failed: 0). */
export function paidOf(payments: readonly CountedPayment[]): number {
  return payments.reduce(
    (net, p) =>
      p.status !== 'succeeded' ? net : p.kind === 'payment' ? net + p.amount : net - p.amount,
    0,
  );
}

/** What is still to pay (zero or less: settled; negative: overpaid, to refund). */
export function balanceOf(total: number, payments: readonly CountedPayment[]): number {
  return total - paidOf(payments);
}

export interface InstalmentState {
  dueDate: string;
  amount: number;
  label: string;
  /** The net payments cover it together with every instalment before it. */
  paid: boolean;
  /** Not paid, and due before today. */
  overdue: boolean;
}

/** Each instalment, paid when the cumulative net payments cover it; overdue when due before today. */
export function instalmentStates(
  instalments: ReadonlyArray<Omit<Instalment, 'label'> & { label: string }>,
  paidNet: number,
  today: CalendarDate,
): InstalmentState[] {
  let cumulative = 0;
  return [...instalments]
    .sort((a, b) => a.position - b.position)
    .map((instalment) => {
      cumulative += instalment.amount;
      const paid = cumulative <= paidNet;
      return {
        dueDate: instalment.dueDate,
        amount: instalment.amount,
        label: instalment.label,
        paid,
        overdue: !paid && instalment.dueDate < today,
      };
    });
}

/**
 * What is overdue on `today`: everything due before today less the net payments, and the
 * days since the oldest instalment not covered fell due; null when nothing is overdue.
 */
export function overdueOf(
  instalments: ReadonlyArray<Omit<Instalment, 'label'> & { label: string }>,
  paidNet: number,
  today: CalendarDate,
): { amount: number; oldestDueDate: CalendarDate; daysOverdue: number } | null {
  const dueSoFar = instalments
    .filter((i) => i.dueDate < today)
    .reduce((sum, i) => sum + i.amount, 0);
  const amount = dueSoFar - paidNet;
  if (amount <= 0) return null;
  const oldest = instalmentStates(instalments, paidNet, today).find((i) => i.overdue);
  if (!oldest) return null;
  return { amount, oldestDueDate: oldest.dueDate, daysOverdue: daysBetween(oldest.dueDate, today) };
}
