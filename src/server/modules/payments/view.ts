// A booking's money as its readers see it: payments (staff every field and every status;
// customers what they paid or got back: amount, method, date), the net paid, the balance,
// and the plan's instalments with whether each is paid or overdue.
import { todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { isStaff } from '../identity/roles.ts';
import { instalmentStates, owedOf, paidOf } from './plan.ts';
import { instalmentsOf, paymentsOf } from './repo.ts';

type PaymentRow = Awaited<ReturnType<typeof paymentsOf>>[number];

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/** One payment as staff see it. */
export function presentPayment(p: PaymentRow) {
  return {
    id: p.id,
    bookingId: p.bookingId,
    kind: p.kind,
    amount: Number(p.amount),
    currency: p.currency.trim(),
    method: p.method,
    reference: p.reference,
    provider: p.provider,
    providerReference: p.providerReference,
    status: p.status,
    receivedAt: iso(p.receivedAt),
    recordedByName: p.recordedByName,
    note: p.note,
    createdAt: iso(p.createdAt) as string,
  };
}

export type PaymentView = ReturnType<typeof presentPayment>;

/** The money part of a booking's view, for `ctx`'s reader. */
export async function paymentsView(
  ctx: Ctx,
  booking: {
    id: string;
    status: string;
    total: number;
    currency: string;
    cancellationFee: number | string | null;
  },
  now: Date,
) {
  const [payments, instalments] = await Promise.all([
    paymentsOf(ctx, booking.id),
    instalmentsOf(ctx, booking.id),
  ]);
  const paid = paidOf(payments.map((p) => ({ ...p, amount: Number(p.amount) })));
  const staff = isStaff(ctx.actor.role);
  return {
    payments: staff
      ? payments.map(presentPayment)
      : payments
          .filter((p) => p.status === 'succeeded')
          .map((p) => ({
            kind: p.kind,
            amount: Number(p.amount),
            currency: p.currency.trim(),
            method: p.method,
            receivedAt: iso(p.receivedAt),
          })),
    paid,
    balance: owedOf(booking) - paid,
    instalments: instalmentStates(instalments, paid, todayUtc(now)),
  };
}
