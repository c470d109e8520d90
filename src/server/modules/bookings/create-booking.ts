// Making a booking from a quote (B2, B4, B5): one transaction that checks the travellers and
// the customer, turns the quote's hold into a firm take (or takes afresh when the quote has
// expired), redeems its promo code, numbers the booking and writes it with its lines and
// travellers. Staff entering a phone or e-mail request use the same path, with a channel fee
// from pricing and, when they must, a price override with a reason — one form of truth.
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { Role } from '../../db/schema.ts';
import { Conflict, Forbidden, Invalid } from '../../errors.ts';
import { createCustomer } from '../customers/service.ts';
import type { CreateCustomerInput } from '../customers/types.ts';
import { recordAudit } from '../identity/audit.ts';
import { findUser } from '../identity/repo.ts';
import { isStaff } from '../identity/roles.ts';
import type { Component } from '../inventory/types.ts';
import { issueInvoiceOnBookingCreated } from '../invoicing/service.ts';
import { offerForBooking } from '../offers/service.ts';
import { createPaymentPlan } from '../payments/plan-service.ts';
import type { QuoteLine } from '../pricing/engine-types.ts';
import { redeemPromoCode } from '../pricing/promo-codes-service.ts';
import { componentsOf, resolveAsk } from '../pricing/quote-inputs.ts';
import type { Channel } from '../pricing/types.ts';
import { ledgerBookingCreated } from '../reporting/ledger.ts';
import { approvalFor, askApprovers } from './approvals.ts';
import { firmTake, type StoredQuoteRequest, supplierStatuses } from './booking-inventory.ts';
import { insertBookingLines, writeTravellers } from './booking-rows.ts';
import { type SeatPreference, seatNewBooking } from './booking-seats.ts';
import { mailCustomer } from './customer-mail.ts';
import { allocateBookingNumber } from './numbers.ts';
import { giveRequiredActions } from './required-actions.ts';
import { initialStatus } from './state-machine.ts';
import { type TravellerInput, travellerProblems } from './travellers.ts';
import { maySeeBooking } from './visibility.ts';

export interface CreateBookingInput {
  quoteId: string;
  /** An existing customer, or… */
  customerId?: string | null;
  /** …a new one, created in the same transaction (a phone caller not yet on file). */
  customer?: CreateCustomerInput | null;
  travellers: TravellerInput[];
  /** When given, it must be the channel the quote was priced for (fees follow it). */
  channel?: Channel;
  notes?: string | null;
  /** The marketplace offer (promotion) and its variant the booking came from. */
  offerId?: string | null;
  variantId?: string | null;
  /** The record locator of a GDS or supplier, when there is one already. */
  pnr?: string | null;
  /** Staff only: the total agreed with the customer, and why (audited). */
  priceOverride?: { total: number; reason: string } | null;
  /** Seats wished for on transport with a seat map (window, aisle…), per traveller. */
  seatPreferences?: SeatPreference[];
}

const overriders: readonly Role[] = ['admin', 'agent'];

/**
 * Outside roles book only for their own (S1). A customer books for themselves: the customer
 * record with their account's e-mail, or a new one with it. A partner books for a new
 * customer, or one of the bookings it can see already. Staff book for anyone of the agency.
 */
async function requireOwnCustomer(tx: Ctx, input: CreateBookingInput): Promise<void> {
  const role = tx.actor.role;
  if (isStaff(role)) return;
  const userId = tx.actor.userId;
  if (role === 'customer' && userId !== null) {
    const account = await findUser(tx.db, tx.agencyId, userId);
    const own = account?.email.trim().toLowerCase();
    if (input.customer) {
      if (own && input.customer.email?.trim().toLowerCase() === own) return;
      throw Invalid.field('/customer/email', "must be your own account's e-mail");
    }
    if (input.customerId) {
      const named = await tx.db
        .selectFrom('customers')
        .select('email')
        .where('agencyId', '=', tx.agencyId)
        .where('id', '=', input.customerId)
        .executeTakeFirst();
      if (own && named?.email?.trim().toLowerCase() === own) return;
    }
    throw Invalid.field('/customerId', 'is not a customer of yours');
  }
  if (role === 'partner' && userId !== null) {
    if (!input.customerId) return;
    const seen = await tx.db
      .selectFrom('bookings')
      .select('bookings.id')
      .where('bookings.agencyId', '=', tx.agencyId)
      .where('bookings.customerId', '=', input.customerId)
      .where(maySeeBooking(tx))
      .limit(1)
      .executeTakeFirst();
    if (seen) return;
    throw Invalid.field('/customerId', 'is not a customer of yours');
  }
  throw new Forbidden('only staff, a partner or the customer themselves book');
}

/** The booking's customer: the one named, or a new one created from the request. */
async function customerOfBooking(tx: Ctx, input: CreateBookingInput): Promise<{ id: string }> {
  if (input.customer && input.customerId) {
    throw Invalid.field('/customer', 'give either customerId or a new customer, not both');
  }
  await requireOwnCustomer(tx, input);
  if (input.customer) {
    try {
      return await createCustomer(tx, input.customer);
    } catch (error) {
      // The customer's own checks name fields of the customer; here they sit under /customer.
      if (error instanceof Invalid) {
        const errors = error.errors.map((e) => ({ ...e, path: `/customer${e.path}` }));
        throw new Invalid(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
      }
      throw error;
    }
  }
  if (!input.customerId) throw Invalid.field('/customerId', 'name the customer, or give a new one');
  const customer = await tx.db
    .selectFrom('customers')
    .select(['id', 'archivedAt'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer || customer.archivedAt)
    throw Invalid.field('/customerId', 'is not a customer of this agency');
  return customer;
}

export async function createBooking(ctx: Ctx, input: CreateBookingInput, now: Date = new Date()) {
  const staff = isStaff(ctx.actor.role);
  if (input.priceOverride && !(ctx.actor.role && overriders.includes(ctx.actor.role))) {
    throw Invalid.field('/priceOverride', 'only an admin or an agent may override a price');
  }
  return inTransaction(ctx, async (tx) => {
    const quote = await tx.db
      .selectFrom('quotes')
      .selectAll()
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', input.quoteId)
      .forUpdate()
      .executeTakeFirst();
    if (!quote || (!staff && quote.createdBy !== tx.actor.userId)) {
      throw Invalid.field('/quoteId', 'is not a quote of yours');
    }
    const booked = await tx.db
      .selectFrom('bookings')
      .select('number')
      .where('agencyId', '=', tx.agencyId)
      .where('quoteId', '=', quote.id)
      .executeTakeFirst();
    if (booked) {
      throw new Conflict(`the quote was booked already as ${booked.number}`, [
        { path: '/quoteId', message: `was booked already as ${booked.number}` },
      ]);
    }
    const request = quote.request as StoredQuoteRequest;
    const channel = quote.channel as Channel;
    if (input.channel && input.channel !== channel) {
      throw Invalid.field(
        '/channel',
        `the quote was priced for ${channel}; quote again for ${input.channel}`,
      );
    }
    const problems = travellerProblems(
      request.party,
      input.travellers,
      quote.startDate,
      quote.endDate,
    );
    if (problems.length > 0) {
      throw new Invalid(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
    }
    const customer = await customerOfBooking(tx, input);
    const offer = await offerForBooking(tx, {
      offerId: input.offerId,
      variantId: input.variantId,
      productId: quote.productId,
      channel,
    });

    const id = newId();
    // The request is resolved again (catalog reads) only when it is needed: to take afresh,
    // or to tell which lines wait for the supplier.
    let components: Promise<Component[]> | undefined;
    const componentsOfQuote = () => {
      components ??= resolveAsk(tx, request).then((resolved) =>
        componentsOf(resolved, request.rooms, request.party),
      );
      return components;
    };
    const held = await firmTake(tx, quote.takeId, componentsOfQuote, id, now);
    if (quote.promoCode) await redeemPromoCode(tx, quote.promoCode);
    const number = await allocateBookingNumber(tx, now.getUTCFullYear());
    const lines = quote.lines as QuoteLine[];
    const statuses = held?.onRequest.some(Boolean)
      ? supplierStatuses(lines, request, await componentsOfQuote(), held)
      : lines.map(() => 'confirmed' as const);
    const total = input.priceOverride?.total ?? quote.total;
    const approval = await approvalFor(
      tx,
      {
        customerId: customer.id,
        total,
        currency: quote.currency,
        startDate: quote.startDate,
        endDate: quote.endDate,
        roomTypeIds: request.rooms.map((room) => room.roomTypeId),
        transportClasses: request.classCode ? [request.classCode] : [],
      },
      now,
    );
    await tx.db
      .insertInto('bookings')
      .values({
        id,
        agencyId: tx.agencyId,
        number,
        status: initialStatus(channel),
        channel,
        quoteId: quote.id,
        customerId: customer.id,
        productKind: quote.productKind,
        productId: quote.productId,
        productName: request.productName ?? '',
        startDate: quote.startDate,
        endDate: quote.endDate,
        party: json(request.party),
        rooms: json(request.rooms),
        currency: quote.currency,
        listTotal: quote.total,
        total,
        cost: quote.cost,
        priceOverride: input.priceOverride
          ? json({ ...input.priceOverride, listTotal: quote.total, by: tx.actor.name })
          : null,
        cancellationPolicy: json(quote.cancellationPolicy),
        rates: json(quote.rates),
        promoCode: quote.promoCode,
        takeId: held?.id ?? null,
        pendingApproval: approval.approval === 'pending',
        approval: approval.approval,
        approvalBreaches: json(approval.breaches),
        offerId: offer?.id ?? null,
        variantId: input.variantId ?? null,
        pnr: input.pnr ?? null,
        notes: input.notes ?? null,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await insertBookingLines(tx, id, lines, statuses);
    await writeTravellers(tx, id, request.party, input.travellers, quote.startDate);
    await seatNewBooking(tx, id, held?.id ?? null, input.seatPreferences ?? [], now);
    await ledgerBookingCreated(tx, id, now);
    await giveRequiredActions(
      tx,
      { id, startDate: quote.startDate },
      offer?.requiredActions ?? [],
      now,
    );
    if (approval.approval === 'pending') {
      await askApprovers(tx, { id, number }, approval.approverIds, approval.breaches);
    }
    await createPaymentPlan(tx, id, now);
    const invoiceId = await issueInvoiceOnBookingCreated(tx, id, now);
    await recordAudit(tx, {
      action: 'booking.created',
      entityType: 'booking',
      entityId: id,
      after: {
        number,
        channel,
        status: initialStatus(channel),
        total,
        ...(offer ? { offer: offer.code, variant: input.variantId ?? null } : {}),
        ...(approval.approval === 'pending' ? { approval: approval.breaches } : {}),
        ...(input.priceOverride
          ? { priceOverride: { listTotal: quote.total, ...input.priceOverride } }
          : {}),
      },
    });
    await mailCustomer(tx, id, { kind: 'booked' }, { invoiceIds: invoiceId ? [invoiceId] : [] });
    return { id, number };
  });
}
