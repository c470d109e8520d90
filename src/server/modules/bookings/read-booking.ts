// A booking as staff and customers see it: its lines (costs for staff only), travellers,
// customer, the transitions the state machine allows this reader, and its history from the
// audit log.
import { todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { isStaff } from '../identity/roles.ts';
import { isOnline } from '../pricing/types.ts';
import {
  allowedTransitions,
  type BookingFacts,
  type BookingStatus,
  type Mover,
} from './state-machine.ts';

interface FactRows {
  booking: { status: string; pendingApproval: boolean; total: number; startDate: string };
  lines: ReadonlyArray<{ supplierStatus: string }>;
}

/** The facts the state machine's guards read, from rows already loaded. */
export function factsOf({ booking, lines }: FactRows, now: Date): BookingFacts {
  return {
    status: booking.status as BookingStatus,
    pendingApproval: booking.pendingApproval,
    unansweredOnRequest: lines.filter((l) => l.supplierStatus === 'requested').length,
    refusedLines: lines.filter((l) => l.supplierStatus === 'refused').length,
    // No payments are recorded yet (the money issue): the whole total is still due.
    balance: Number(booking.total),
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
  if (!booking || (!staff && booking.createdBy !== ctx.actor.userId))
    throw new NotFound('booking', id);
  const [lines, travellers, history] = await Promise.all([
    ctx.db
      .selectFrom('bookingLines')
      .selectAll()
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', '=', id)
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
      .select(['action', 'actorName', 'at', 'after'])
      .where('agencyId', '=', ctx.agencyId)
      .where('entityType', '=', 'booking')
      .where('entityId', '=', id)
      .orderBy('at')
      .execute(),
  ]);
  const facts = factsOf({ booking, lines }, now);
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
    pendingApproval: booking.pendingApproval,
    offerId: booking.offerId,
    variantId: booking.variantId,
    notes: staff ? booking.notes : null,
    lines: lines
      .filter((l) => staff || l.kind !== 'commission')
      .map((l) => ({
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
    travellers: travellers.map((t) => ({
      position: t.position,
      firstName: t.firstName,
      lastName: t.lastName,
      birthDate: t.birthDate,
      nationality: t.nationality?.trim() ?? null,
      documentType: t.documentType,
      documentNumber: t.documentNumber,
      documentExpiry: t.documentExpiry,
      email: t.email,
      phone: t.phone,
      child: t.isChild,
    })),
    transitions: allowedTransitions(facts, mover),
    history: history.map((h) => ({
      action: h.action,
      by: h.actorName,
      at: new Date(h.at).toISOString(),
      detail: h.after,
    })),
    createdAt: new Date(booking.createdAt).toISOString(),
  };
}

export type BookingView = Awaited<ReturnType<typeof getBooking>>;
