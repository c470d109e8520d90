// A booking as staff and customers see it: its lines (costs for staff only), travellers,
// customer, the transitions the state machine allows this reader, and its history from the
// audit log.
import { todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import { isStaff } from '../identity/roles.ts';
import { paymentsView } from '../payments/view.ts';
import { isOnline } from '../pricing/types.ts';
import { loadBoardings } from './boarding.ts';
import { travellerInputOf } from './booking-rows.ts';
import { presentAction, requiredActionsOf } from './required-actions.ts';
import {
  allowedTransitions,
  type BookingFacts,
  type BookingStatus,
  type Mover,
} from './state-machine.ts';
import { maySeeBookingId } from './visibility.ts';
import { isCustomerVisible } from './visible-lines.ts';

interface FactRows {
  booking: {
    status: string;
    pendingApproval: boolean;
    approval: string;
    total: number;
    startDate: string;
  };
  lines: ReadonlyArray<{ supplierStatus: string }>;
  /**
   * Succeeded payments less refunds (payments/repo.ts `paidNetOf`). Only the `paid` guard
   * reads the balance: callers that never move a booking to paid may leave it out (0).
   */
  paid?: number;
}

/** The facts the state machine's guards read, from rows already loaded. */
export function factsOf({ booking, lines, paid = 0 }: FactRows, now: Date): BookingFacts {
  return {
    status: booking.status as BookingStatus,
    pendingApproval: booking.pendingApproval,
    approvalRejected: booking.approval === 'rejected',
    unansweredOnRequest: lines.filter((l) => l.supplierStatus === 'requested').length,
    refusedLines: lines.filter((l) => l.supplierStatus === 'refused').length,
    balance: Number(booking.total) - paid,
    departureDate: booking.startDate,
    today: todayUtc(now),
  };
}

/** The lines' supplier answers, for the guards. */
export function lineStatusesOf(ctx: Ctx, bookingId: string) {
  return ctx.db
    .selectFrom('bookingLines')
    .select(['supplierStatus'])
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .where('supersededAt', 'is', null)
    .execute();
}

export async function getBooking(ctx: Ctx, id: string, now: Date = new Date()) {
  const booking = await ctx.db
    .selectFrom('bookings')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  const staff = isStaff(ctx.actor.role);
  if (!booking) throw new NotFound('booking', id);
  const offer = booking.offerId
    ? await ctx.db
        .selectFrom('offers')
        .select(['code', 'name', 'partner', 'partnerUserId', 'variants'])
        .where('agencyId', '=', ctx.agencyId)
        .where('id', '=', booking.offerId)
        .executeTakeFirst()
    : undefined;
  if (!(await maySeeBookingId(ctx, id))) throw new NotFound('booking', id);
  const [lines, travellers, history, actions, customer] = await Promise.all([
    ctx.db
      .selectFrom('bookingLines')
      .selectAll()
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', '=', id)
      // Lines a change replaced are kept for the record, not shown as the booking's.
      .where('supersededAt', 'is', null)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('bookingTravellers')
      .selectAll()
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', '=', id)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'at', 'after', 'reason'])
      .where('agencyId', '=', ctx.agencyId)
      .where('entityType', '=', 'booking')
      .where('entityId', '=', id)
      .orderBy('at')
      .execute(),
    requiredActionsOf(ctx, id),
    ctx.db
      .selectFrom('customers')
      .select(['id', 'kind', 'firstName', 'lastName', 'companyName', 'email', 'phone', 'locale'])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', booking.customerId)
      .executeTakeFirstOrThrow(),
  ]);
  const boarding = await loadBoardings(ctx, booking, lines);
  const today = todayUtc(now);
  const locale = customer.locale;
  const money = await paymentsView(ctx, { ...booking, total: Number(booking.total) }, now);
  const facts = factsOf({ booking, lines, paid: money.paid }, now);
  const mover: Mover = ctx.actor.role ?? 'system';
  return {
    id: booking.id,
    number: booking.number,
    status: booking.status,
    channel: booking.channel,
    online: isOnline(booking.channel),
    quoteId: booking.quoteId,
    customerId: booking.customerId,
    productKind: booking.productKind,
    productId: booking.productId,
    productName: booking.productName,
    from: booking.startDate,
    to: booking.endDate,
    party: booking.party,
    rooms: booking.rooms,
    currency: booking.currency,
    total: Number(booking.total),
    paid: money.paid,
    balance: money.balance,
    payments: money.payments,
    instalments: money.instalments,
    ...(staff
      ? {
          listTotal: Number(booking.listTotal),
          cost: booking.cost === null ? null : Number(booking.cost),
          margin: booking.cost === null ? null : Number(booking.total) - Number(booking.cost),
          priceOverride: booking.priceOverride,
        }
      : {}),
    cancellationPolicy: booking.cancellationPolicy,
    promoCode: booking.promoCode,
    revision: booking.revision,
    cancellation: booking.cancelledAt
      ? {
          at: new Date(booking.cancelledAt).toISOString(),
          by: booking.cancelledByName,
          reason: booking.cancellationReason,
          fee: booking.cancellationFee === null ? null : Number(booking.cancellationFee),
        }
      : null,
    customer: {
      id: customer.id,
      kind: customer.kind,
      name: displayNameOf(customer),
      email: customer.email,
      phone: customer.phone,
      locale,
    },
    pendingApproval: booking.pendingApproval,
    approval: {
      state: booking.approval,
      reasons: booking.approvalBreaches,
      decidedBy: booking.approvalDecidedByName,
      decidedAt: booking.approvalDecidedAt
        ? new Date(booking.approvalDecidedAt).toISOString()
        : null,
      reason: booking.approvalReason,
    },
    offerId: booking.offerId,
    offer: offer ? { code: offer.code, name: offer.name, partner: offer.partner } : null,
    variantId: booking.variantId,
    variantName: offer?.variants.find((v) => v.code === booking.variantId)?.name ?? null,
    requiredActions: actions.map((action) => presentAction(action, locale, today)),
    actionsDone: booking.openActions === 0,
    missingActions: actions.filter((a) => a.doneAt === null).map((a) => a.code),
    notes: staff ? booking.notes : null,
    lines: lines
      .filter((l) => staff || isCustomerVisible(l))
      .map((l) => ({
        // Staff match supplier invoices to lines by their id (A2).
        ...(staff ? { id: l.id } : {}),
        position: l.position,
        kind: l.kind,
        label: l.label,
        productKind: l.productKind,
        productId: l.productId,
        travellers: l.travellers,
        from: l.fromDate,
        to: l.toDate,
        unitPrice: Number(l.unitPrice),
        quantity: l.quantity,
        amount: Number(l.amount),
        ...(staff ? { cost: l.cost === null ? null : Number(l.cost) } : {}),
        supplierStatus: l.supplierStatus,
      })),
    boarding,
    travellers: travellers.map((t) => ({
      position: t.position,
      ...travellerInputOf(t),
      child: t.isChild,
    })),
    transitions: allowedTransitions(facts, mover),
    history: history.map((h) => ({
      action: h.action,
      by: h.actorName,
      at: new Date(h.at).toISOString(),
      detail: h.after,
      reason: h.reason,
    })),
    createdAt: new Date(booking.createdAt).toISOString(),
  };
}

export type BookingView = Awaited<ReturnType<typeof getBooking>>;
