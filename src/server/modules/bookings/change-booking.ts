// Changing a booking (B6): new dates, party, rooms or extras of the same product. A preview
// prices the changed request as a new quote (same product, channel, currency, customer
// prices and promo code; its inventory held) and says what the change costs; applying it
// swaps the booking over to that quote in one transaction: the new hold made firm, the old
// take released, the old lines kept but superseded, the new ones and a change fee added.
import { type CalendarDate, todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { json } from '../../db/json.ts';
import { Conflict, Invalid } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { isStaff } from '../identity/roles.ts';
import { release } from '../inventory/service.ts';
import type { Component } from '../inventory/types.ts';
import { regeneratePaymentPlan } from '../payments/plan-service.ts';
import type { Party, QuoteLine } from '../pricing/engine-types.ts';
import { redeemPromoCode, releasePromoCode } from '../pricing/promo-codes-service.ts';
import { componentsOf, type QuoteAsk, resolveAsk } from '../pricing/quote-inputs.ts';
import {
  type CreateQuoteInput,
  defaultHoldMinutes,
  holdAndStoreQuote,
  type PricedAsk,
  priceAsk,
  SharedReads,
} from '../pricing/quotes-service.ts';
import type { Channel, ProductKind, PromoCode } from '../pricing/types.ts';
import { ledgerBookingChanged } from '../reporting/ledger.ts';
import { recheckApproval } from './approvals.ts';
import { firmTake, type StoredQuoteRequest, supplierStatuses } from './booking-inventory.ts';
import {
  type BookingRow,
  findBooking,
  insertBookingLines,
  namesOf,
  policyOf,
  requireChangeable,
  travellersOf,
  writeTravellers,
} from './booking-rows.ts';
import { reseatChangedBooking } from './booking-seats.ts';
import { changeFee } from './cancellation.ts';
import { mailCustomer } from './customer-mail.ts';
import { factsOf, lineStatusesOf } from './read-booking.ts';
import { moveActionDeadlines } from './required-actions.ts';
import { type TravellerInput, travellerProblems } from './travellers.ts';

/** What may change: the quote request's trip fields. Fields not given keep their values. */
export type ChangeAsk = Partial<Omit<QuoteAsk, 'productId'>> & { holdMinutes?: number | null };

/** A change's quote request as stored: the booking's revision it was priced against. */
type ChangeRequest = StoredQuoteRequest & { changeOfRevision?: number };

const chosen = <T>(given: T | undefined, kept: T): T => (given === undefined ? kept : given);

/**
 * The booking's stored request with the change applied. Dates move together: a new
 * departure replaces the old dates, new dates replace the old departure. A new party without
 * rooms lets pricing choose the room again. Product, channel, currency, the customer whose
 * prices apply, the rate plan and the promo code stay the booking's.
 */
export function changedAsk(
  stored: StoredQuoteRequest,
  change: ChangeAsk,
  booking: { productId: string; channel: string; currency: string; promoCode: string | null },
): CreateQuoteInput {
  const dates =
    change.departureId !== undefined
      ? { departureId: change.departureId }
      : change.from !== undefined || change.to !== undefined
        ? { from: change.from ?? stored.from, to: change.to ?? stored.to }
        : { departureId: stored.departureId, from: stored.from, to: stored.to };
  return {
    productId: booking.productId,
    ...dates,
    outboundDepartureId: chosen(change.outboundDepartureId, stored.outboundDepartureId),
    returnDepartureId: chosen(change.returnDepartureId, stored.returnDepartureId),
    party: change.party ?? stored.party,
    rooms: change.rooms ?? (change.party ? undefined : stored.rooms),
    extras: change.extras ?? stored.extras,
    classCode: chosen(change.classCode, stored.classCode),
    boardingPoint: chosen(change.boardingPoint, stored.boardingPoint),
    timeSlot: chosen(change.timeSlot, stored.timeSlot),
    channel: booking.channel as Channel,
    currency: booking.currency,
    customerId: stored.customerId ?? null,
    promoCode: booking.promoCode,
    ratePlan: stored.ratePlan ?? 'flexible',
  };
}

/** Promo codes as a change sees them: the booking's own use of its code is counted back. */
class ChangeReads extends SharedReads {
  constructor(private readonly ownCode: string | null) {
    super();
  }

  override async promo(ctx: Ctx, code: string): Promise<PromoCode | undefined> {
    const found = await super.promo(ctx, code);
    return found && found.code === this.ownCode
      ? { ...found, used: Math.max(0, found.used - 1) }
      : found;
  }
}

async function storedRequestOf(tx: Ctx, quoteId: string): Promise<StoredQuoteRequest> {
  const row = await tx.db
    .selectFrom('quotes')
    .select('request')
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', quoteId)
    .executeTakeFirstOrThrow();
  return row.request as StoredQuoteRequest;
}

async function lockedForChange(tx: Ctx, id: string, now: Date): Promise<BookingRow> {
  const booking = await findBooking(tx, id, { lock: true });
  const facts = factsOf({ booking, lines: await lineStatusesOf(tx, id) }, now);
  requireChangeable(booking, facts, tx.actor.role ?? 'system', 'change');
  return booking;
}

/**
 * Prices the change as a new quote of this booking and holds its inventory (409 when it is
 * not available, or the booking cannot be changed). The booking itself is not touched.
 */
export async function previewChange(ctx: Ctx, id: string, change: ChangeAsk, now = new Date()) {
  if (change.holdMinutes != null && !isStaff(ctx.actor.role)) {
    throw Invalid.field('/holdMinutes', 'only staff may hold a quote longer');
  }
  const minutes = change.holdMinutes ?? defaultHoldMinutes;
  return inTransaction(ctx, async (tx) => {
    const booking = await lockedForChange(tx, id, now);
    let ask = changedAsk(await storedRequestOf(tx, booking.quoteId), change, booking);
    let priced: PricedAsk;
    let promoCodeDropped: string | null = null;
    try {
      priced = await priceAsk(tx, ask, now, new ChangeReads(booking.promoCode));
    } catch (error) {
      // A code that has expired or been withdrawn since the booking: price without it.
      const refused =
        error instanceof Invalid && ask.promoCode
          ? error.errors.find((e) => e.path === '/promoCode')
          : undefined;
      if (!refused) throw error;
      promoCodeDropped = refused.message;
      ask = { ...ask, promoCode: null };
      priced = await priceAsk(tx, ask, now);
    }
    const quote = await holdAndStoreQuote(tx, ask, priced, {
      minutes,
      now,
      changeOf: { bookingId: id, revision: booking.revision },
    });
    const fee = changeFee(policyOf(booking), todayUtc(now), booking.startDate);
    const currentTotal = Number(booking.total);
    const newTotal = quote.total + fee;
    return {
      quote: {
        id: quote.id,
        from: quote.from,
        to: quote.to,
        party: quote.party,
        rooms: quote.rooms,
        lines: quote.lines,
        total: quote.total,
        currency: quote.currency,
        onRequest: quote.onRequest,
        expiresAt: quote.expiresAt,
      },
      changeFee: fee,
      newTotal,
      difference: newTotal - currentTotal,
      currentTotal,
      currency: booking.currency,
      promoCodeDropped,
    };
  });
}

export type ChangePreview = Awaited<ReturnType<typeof previewChange>>;

export interface ApplyChangeInput {
  quoteId: string;
  /** Required when the party changes; otherwise the booking's travellers are kept. */
  travellers?: TravellerInput[];
  reason?: string | null;
}

function sameParty(a: Party, b: Party): boolean {
  const ages = (p: Party) => [...p.childAges].sort((x, y) => x - y).join(',');
  return a.adults === b.adults && ages(a) === ages(b);
}

function partyText(p: Party): string {
  const children = p.childAges.length > 0 ? ` and children aged ${p.childAges.join(', ')}` : '';
  return `${p.adults} adult${p.adults === 1 ? '' : 's'}${children}`;
}

/** JSON with sorted keys, absent, null, empty text and empty lists alike (one form per value). */
function canonical(value: unknown): string {
  const empty = (v: unknown) =>
    v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => !empty(typeof x === 'string' ? x.trim() : x))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : typeof v === 'string'
        ? v.trim()
        : v,
  );
}

/** What a booking's trip is, as one text: two requests with the same text book the same trip. */
function tripOf(
  request: StoredQuoteRequest,
  dates: { startDate: string; endDate: string; promoCode: string | null },
): string {
  return canonical({
    start: dates.startDate,
    end: dates.endDate,
    departureId: request.departureId,
    outboundDepartureId: request.outboundDepartureId,
    returnDepartureId: request.returnDepartureId,
    adults: request.party.adults,
    childAges: [...request.party.childAges].sort((a, b) => a - b),
    rooms: request.rooms,
    extras: request.extras,
    classCode: request.classCode,
    boardingPoint: request.boardingPoint,
    timeSlot: request.timeSlot,
    ratePlan: request.ratePlan ?? 'flexible',
    promoCode: dates.promoCode,
  });
}

/** The travellers after the change, checked against its party and dates (400 naming them). */
async function travellersAfter(
  tx: Ctx,
  booking: BookingRow,
  party: Party,
  dates: { start: CalendarDate; end: CalendarDate },
  given: TravellerInput[] | undefined,
): Promise<TravellerInput[]> {
  if (!given && !sameParty(booking.party, party)) {
    throw Invalid.field(
      '/travellers',
      `the party changes from ${partyText(booking.party)} to ${partyText(party)}: give every traveller`,
    );
  }
  const travellers = given ?? (await travellersOf(tx, booking.id));
  const problems = travellerProblems(party, travellers, dates.start, dates.end);
  if (problems.length > 0) {
    const listed = problems.map((p) => `${p.path} ${p.message}`).join('; ');
    throw new Invalid(
      given ? listed : `the booking's travellers do not fit the change; give them: ${listed}`,
      problems,
    );
  }
  return travellers;
}

/**
 * Applies a previewed change: one transaction that swaps the inventory (the old take
 * released, the change's hold made firm or taken afresh — 409 and nothing changed when its
 * places are gone), supersedes the old lines, writes the new ones and the change fee, and
 * moves the booking to the change's quote as its next revision. A price override does not
 * survive a reprice: it is dropped, and the audit entry says so.
 */
export async function applyChange(
  ctx: Ctx,
  id: string,
  input: ApplyChangeInput,
  now: Date = new Date(),
): Promise<{ revision: number; changeFee: number }> {
  const reason = input.reason?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    const booking = await lockedForChange(tx, id, now);
    const quote = await tx.db
      .selectFrom('quotes')
      .selectAll()
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', input.quoteId)
      .forUpdate()
      .executeTakeFirst();
    if (
      !quote ||
      quote.changeOf !== id ||
      (!isStaff(tx.actor.role) && quote.createdBy !== tx.actor.userId)
    ) {
      throw Invalid.field('/quoteId', 'is not a change quote of this booking: preview the change');
    }
    if (quote.id === booking.quoteId) {
      throw new Conflict('this change has been made already', [
        { path: '/quoteId', message: 'has been applied to the booking already' },
      ]);
    }
    const request = quote.request as ChangeRequest;
    if (request.changeOfRevision !== booking.revision) {
      throw new Conflict(
        `the booking has changed since this change was previewed (revision ${request.changeOfRevision}, now ${booking.revision}); preview it again`,
        [{ path: '/quoteId', message: 'was priced for an earlier revision of the booking' }],
      );
    }
    const travellers = await travellersAfter(
      tx,
      booking,
      request.party,
      { start: quote.startDate, end: quote.endDate },
      input.travellers,
    );
    const current = await tx.db
      .selectFrom('quotes')
      .select(['request', 'total'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', booking.quoteId)
      .executeTakeFirstOrThrow();
    const sameTrip =
      tripOf(current.request as StoredQuoteRequest, booking) === tripOf(request, quote) &&
      Number(current.total) === Number(quote.total);
    const sameTravellers =
      !input.travellers ||
      canonical(input.travellers) === canonical(await travellersOf(tx, booking.id));
    if (sameTrip && sameTravellers) {
      throw new Conflict(
        'nothing would change: the change has the booking’s dates, party, rooms, extras, travellers and price; the booking stays as it is',
        [{ path: '/quoteId', message: 'prices the booking as it is' }],
      );
    }
    const fee = changeFee(policyOf(booking), todayUtc(now), booking.startDate);

    // Inventory: the old take goes back first, so a change that overlaps the old dates can
    // take afresh what the booking gave back; a refusal rolls the release back with the rest.
    if (booking.takeId) await release(tx, booking.takeId);
    let components: Promise<Component[]> | undefined;
    const componentsOfQuote = () => {
      components ??= resolveAsk(tx, request).then((resolved) =>
        componentsOf(resolved, request.rooms, request.party),
      );
      return components;
    };
    const held = await firmTake(tx, quote.takeId, componentsOfQuote, id, now);

    const lines = quote.lines as QuoteLine[];
    const statuses = held?.onRequest.some(Boolean)
      ? supplierStatuses(lines, request, await componentsOfQuote(), held)
      : lines.map(() => 'confirmed' as const);
    const feeLines: QuoteLine[] = fee > 0 ? [changeFeeLine(booking, fee, now)] : [];
    const top = await tx.db
      .selectFrom('bookingLines')
      .select((eb) => eb.fn.max('position').as('top'))
      .where('agencyId', '=', tx.agencyId)
      .where('bookingId', '=', id)
      .executeTakeFirst();
    const first = top?.top === null || top?.top === undefined ? 0 : Number(top.top) + 1;
    await tx.db
      .updateTable('bookingLines')
      .set({ supersededAt: now })
      .where('agencyId', '=', tx.agencyId)
      .where('bookingId', '=', id)
      .where('supersededAt', 'is', null)
      .execute();
    await insertBookingLines(tx, id, [...lines, ...feeLines], statuses, first);

    const total = quote.total + fee;
    const revision = booking.revision + 1;
    await tx.db
      .updateTable('bookings')
      .set({
        startDate: quote.startDate,
        endDate: quote.endDate,
        party: json(request.party),
        rooms: json(request.rooms),
        quoteId: quote.id,
        takeId: held?.id ?? null,
        listTotal: total,
        total,
        cost: quote.cost,
        priceOverride: null,
        cancellationPolicy: json(quote.cancellationPolicy),
        rates: json(quote.rates),
        promoCode: quote.promoCode,
        revision,
        updatedAt: now,
      })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    await regeneratePaymentPlan(tx, id, now);
    await recheckApproval(
      tx,
      { id, number: booking.number, approval: booking.approval },
      {
        customerId: booking.customerId,
        total,
        currency: quote.currency,
        startDate: quote.startDate,
        endDate: quote.endDate,
        roomTypeIds: request.rooms.map((room) => room.roomTypeId),
        transportClasses: request.classCode ? [request.classCode] : [],
      },
      now,
    );
    const namesBefore = input.travellers ? namesOf(await travellersOf(tx, id)) : null;
    await writeTravellers(tx, id, request.party, travellers, quote.startDate);
    // Seats follow the inventory: kept on a leg that stays, given anew on one that changes.
    await reseatChangedBooking(
      tx,
      id,
      held?.id ?? null,
      input.travellers !== undefined || !sameParty(booking.party, request.party),
      now,
    );
    await ledgerBookingChanged(tx, id, now);
    await moveActionDeadlines(tx, id, booking.startDate, quote.startDate, now);
    // The booking counted one use of its code; a change priced without it gives it back.
    if (booking.promoCode && booking.promoCode !== quote.promoCode) {
      await releasePromoCode(tx, booking.promoCode);
    }
    if (quote.promoCode && quote.promoCode !== booking.promoCode) {
      await redeemPromoCode(tx, quote.promoCode);
    }

    await recordAudit(tx, {
      action: 'booking.changed',
      entityType: 'booking',
      entityId: id,
      before: {
        revision: booking.revision,
        quoteId: booking.quoteId,
        from: booking.startDate,
        to: booking.endDate,
        party: booking.party,
        rooms: booking.rooms,
        total: Number(booking.total),
        takeId: booking.takeId,
        ...(namesBefore ? { travellers: namesBefore } : {}),
      },
      after: {
        revision,
        quoteId: quote.id,
        from: quote.startDate,
        to: quote.endDate,
        party: request.party,
        rooms: request.rooms,
        total,
        changeFee: fee,
        takeId: held?.id ?? null,
        status: booking.status,
        requestedLines: statuses.filter((s) => s === 'requested').length,
        priceOverrideDropped: booking.priceOverride ?? null,
        reason,
        ...(namesBefore ? { travellers: namesOf(travellers) } : {}),
      },
      reason,
    });
    await mailCustomer(tx, id, { kind: 'changed' });
    return { revision, changeFee: fee };
  });
}

/** The change fee as a line of the booking: revenue of the agency, no cost. */
function changeFeeLine(booking: BookingRow, fee: number, now: Date): QuoteLine {
  const policy = policyOf(booking).changeFee;
  const free =
    policy?.freeDaysBefore === null || policy?.freeDaysBefore === undefined
      ? 'never free'
      : `free from ${policy.freeDaysBefore} days before travel`;
  return {
    kind: 'fee',
    productKind: booking.productKind as ProductKind,
    productId: booking.productId,
    label: 'Change fee',
    travellers: [],
    room: null,
    from: null,
    to: null,
    nights: null,
    period: null,
    childBand: null,
    unitPrice: fee,
    quantity: 1,
    amount: fee,
    cost: 0,
    margin: fee,
    rule: {
      id: 'change_fee',
      name: 'Change fee',
      kind: 'fee',
      detail: `revision ${booking.revision + 1}, changed on ${todayUtc(now)} (${free})`,
    },
  };
}
