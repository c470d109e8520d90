// Payments of a booking (B7): recording money received or given back, and paying by card
// through a provider (checkout, then confirm). Every write locks the booking row first, so
// concurrent payments of one booking queue and none can overpay; a confirmed booking that
// the payments settle moves on to `paid` in the same transaction.
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { findBooking } from '../bookings/booking-rows.ts';
import { mailCustomer } from '../bookings/customer-mail.ts';
import { recordAudit } from '../identity/audit.ts';
import { type PaymentFacts, paymentRefusal } from './payment-rules.ts';
import { owedOf } from './plan.ts';
import { paymentProvider, testProvider } from './providers.ts';
import { paidNetOf, paymentsOf } from './repo.ts';
import { type Settlement, settleIfPaid } from './settle.ts';
import type { PaymentKind, PaymentMethod } from './types.ts';
import { paymentsView, presentPayment } from './view.ts';

export interface RecordPaymentInput {
  amount: number;
  /** When given, it must be the booking's currency. */
  currency?: string | null;
  method: PaymentMethod;
  reference?: string | null;
  note?: string | null;
  kind?: PaymentKind;
}

type LockedBooking = Awaited<ReturnType<typeof findBooking>>;

function factsOfBooking(booking: LockedBooking, paidNet: number): PaymentFacts {
  return {
    status: booking.status,
    total: Number(booking.total),
    currency: booking.currency.trim(),
    cancellationFee: booking.cancellationFee === null ? null : Number(booking.cancellationFee),
    paidNet,
  };
}

/** Throws the refusal, if any: 400 for a wrong currency, 409 for an amount that cannot be. */
function refuse(facts: PaymentFacts, input: Parameters<typeof paymentRefusal>[1]): void {
  const refusal = paymentRefusal(facts, input);
  if (!refusal) return;
  const errors = [{ path: refusal.path, message: refusal.message }];
  throw refusal.kind === 'invalid'
    ? new Invalid(`${refusal.path.slice(1)} ${refusal.message}`, errors)
    : new Conflict(refusal.message, errors);
}

async function bookingMoney(tx: Ctx, bookingId: string) {
  const booking = await tx.db
    .selectFrom('bookings')
    .select(['id', 'number', 'status', 'total', 'currency', 'cancellationFee'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  const paid = await paidNetOf(tx, bookingId);
  const total = Number(booking.total);
  return {
    id: booking.id,
    number: booking.number,
    status: booking.status,
    currency: booking.currency.trim(),
    total,
    paid,
    balance: owedOf(booking) - paid,
  };
}

/**
 * Records a payment received (or a refund given) for a booking, in one transaction with the
 * booking row locked: 409 naming `/amount` when it would overpay, refund more than may be
 * given back, or pay a cancelled booking; 400 for another currency. A confirmed booking it
 * settles moves to `paid`.
 */
/** The customer's receipt: the invoice issued by settling, and the voucher once paid in full. */
function mailPayment(
  tx: Ctx,
  bookingId: string,
  event: { kind: 'payment' | 'refund'; amount: number },
  settlement: Settlement | undefined,
) {
  return mailCustomer(tx, bookingId, event, {
    documents: settlement?.settled ? ['voucher'] : [],
    invoiceIds: settlement?.invoiceId ? [settlement.invoiceId] : [],
  });
}

export async function recordPayment(
  ctx: Ctx,
  bookingId: string,
  input: RecordPaymentInput,
  now: Date = new Date(),
) {
  const kind = input.kind ?? 'payment';
  return inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx, bookingId, { lock: true });
    const paidNet = await paidNetOf(tx, bookingId);
    refuse(factsOfBooking(booking, paidNet), { ...input, kind });
    const id = newId();
    await tx.db
      .insertInto('payments')
      .values({
        id,
        agencyId: tx.agencyId,
        bookingId,
        kind,
        amount: input.amount,
        currency: booking.currency,
        method: input.method,
        reference: input.reference ?? null,
        status: 'succeeded',
        receivedAt: now,
        recordedBy: tx.actor.userId,
        recordedByName: tx.actor.name,
        note: input.note ?? null,
        createdAt: now,
      })
      .execute();
    await recordAudit(tx, {
      action: kind === 'payment' ? 'payment.recorded' : 'payment.refunded',
      entityType: 'booking',
      entityId: bookingId,
      before: { paid: paidNet },
      after: {
        paymentId: id,
        kind,
        amount: input.amount,
        currency: booking.currency,
        method: input.method,
        reference: input.reference ?? null,
        paid: kind === 'payment' ? paidNet + input.amount : paidNet - input.amount,
      },
      reason: input.note ?? null,
    });
    const settlement = kind === 'payment' ? await settleIfPaid(tx, bookingId, now) : undefined;
    await mailPayment(tx, bookingId, { kind, amount: input.amount }, settlement);
    const [payment] = (await paymentsOf(tx, bookingId)).filter((p) => p.id === id);
    if (!payment) throw new Error('the payment just written is gone');
    return { payment: presentPayment(payment), booking: await bookingMoney(tx, bookingId) };
  });
}

/** The booking's payments, net paid, balance and plan, as `ctx`'s reader may see them. */
export async function listPayments(ctx: Ctx, bookingId: string, now: Date = new Date()) {
  const booking = await findBooking(ctx, bookingId, { lock: false });
  return {
    currency: booking.currency.trim(),
    total: Number(booking.total),
    ...(await paymentsView(ctx, { ...booking, total: Number(booking.total) }, now)),
  };
}

/**
 * Starts a card payment of the booking with the provider: a pending payment (it counts for
 * nothing until confirmed) and what the card form needs. Customers may pay their own
 * bookings; the amount is checked as for any payment.
 */
export async function startCheckout(
  ctx: Ctx,
  bookingId: string,
  input: { amount: number; currency?: string | null; returnUrl?: string | null },
  now: Date = new Date(),
) {
  const provider = testProvider;
  return inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx, bookingId, { lock: true });
    const paidNet = await paidNetOf(tx, bookingId);
    refuse(factsOfBooking(booking, paidNet), { ...input, kind: 'payment' });
    const currency = booking.currency.trim();
    const created = await provider.createPayment({
      bookingId,
      amount: input.amount,
      currency,
      returnUrl: input.returnUrl ?? `/portal/bookings/${bookingId}`,
    });
    const id = newId();
    await tx.db
      .insertInto('payments')
      .values({
        id,
        agencyId: tx.agencyId,
        bookingId,
        kind: 'payment',
        amount: input.amount,
        currency,
        method: 'card',
        reference: null,
        provider: provider.id,
        providerReference: created.providerReference,
        status: 'pending',
        receivedAt: null,
        recordedBy: tx.actor.userId,
        recordedByName: tx.actor.name,
        note: null,
        createdAt: now,
      })
      .execute();
    return {
      id,
      bookingId,
      status: 'pending' as const,
      amount: input.amount,
      currency,
      provider: provider.id,
      providerReference: created.providerReference,
      redirectUrl: created.redirectUrl ?? null,
      clientSecret: created.clientSecret ?? null,
    };
  });
}

/**
 * Confirms a pending card payment with its provider. Succeeded: recorded exactly like
 * `recordPayment` (the same checks, 409 when the balance no longer allows it — the payment
 * then stays pending), and the booking settled when it is. Declined: the payment is marked
 * failed (committed) and the caller gets a 409 naming `/cardNumber`.
 */
export async function confirmPayment(
  ctx: Ctx,
  paymentId: string,
  input: { cardNumber?: string | null },
  now: Date = new Date(),
) {
  const outcome = await inTransaction(ctx, async (tx) => {
    const found = await tx.db
      .selectFrom('payments')
      .select(['bookingId'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', paymentId)
      .executeTakeFirst();
    if (!found) throw new NotFound('payment', paymentId);
    // The booking first, then the payment: the order every payment write takes locks in.
    const booking = await findBooking(tx, found.bookingId, { lock: true }).catch(
      (error: unknown) => {
        throw error instanceof NotFound ? new NotFound('payment', paymentId) : error;
      },
    );
    const payment = await tx.db
      .selectFrom('payments')
      .selectAll()
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (payment.status !== 'pending' || !payment.provider || !payment.providerReference) {
      throw new Conflict(`the payment is ${payment.status} already: start a new checkout`, [
        { path: '/id', message: `is ${payment.status}, not pending` },
      ]);
    }
    const amount = Number(payment.amount);
    const paidNet = await paidNetOf(tx, booking.id);
    refuse(factsOfBooking(booking, paidNet), { kind: 'payment', amount });
    const result = await paymentProvider(payment.provider).confirm(
      payment.providerReference,
      input.cardNumber ?? undefined,
    );
    const succeeded = result.status === 'succeeded';
    await tx.db
      .updateTable('payments')
      .set({
        status: result.status,
        receivedAt: succeeded ? now : null,
        note: succeeded ? payment.note : (result.declineReason ?? 'declined'),
      })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', paymentId)
      .execute();
    await recordAudit(tx, {
      action: succeeded ? 'payment.recorded' : 'payment.failed',
      entityType: 'booking',
      entityId: booking.id,
      before: { paid: paidNet },
      after: {
        paymentId,
        kind: 'payment',
        amount,
        currency: payment.currency.trim(),
        method: payment.method,
        provider: payment.provider,
        providerReference: payment.providerReference,
        status: result.status,
        ...(succeeded ? { paid: paidNet + amount } : { declineReason: result.declineReason }),
      },
    });
    if (succeeded) {
      const settlement = await settleIfPaid(tx, booking.id, now);
      await mailPayment(tx, booking.id, { kind: 'payment', amount }, settlement);
    }
    return {
      succeeded,
      declineReason: result.declineReason ?? null,
      payment: presentPayment({
        ...payment,
        status: result.status,
        receivedAt: succeeded ? now : null,
      }),
      booking: await bookingMoney(tx, booking.id),
    };
  });
  if (!outcome.succeeded) {
    const reason = outcome.declineReason ?? 'declined';
    throw new Conflict(`the card payment failed: ${reason.replaceAll('_', ' ')}`, [
      { path: '/cardNumber', message: `was declined (${reason})` },
    ]);
  }
  return { payment: outcome.payment, booking: outcome.booking };
}
