// Quotes: a request priced by the engine from the price lists in force, its inventory held
// until the quote expires, and the whole answer stored so a booking made from it carries
// exactly what the customer was shown.
import { addDays, type CalendarDate, todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { Conflict, DomainError, Invalid, NotFound } from '../../errors.ts';
import { isStaff } from '../identity/roles.ts';
import { hold } from '../inventory/service.ts';
import { loadChannelFees } from './channel-fees-service.ts';
import { priceQuote } from './engine.ts';
import type {
  PricingRequest,
  Quote,
  QuoteLine,
  RecordedRate,
  RoomRequest,
} from './engine-types.ts';
import { isCurrency } from './money.ts';
import { loadPriceLists } from './price-lists-service.ts';
import { loadRules } from './price-rules-service.ts';
import { findPromoCode } from './promo-codes-service.ts';
import { componentsOf, type QuoteAsk, type ResolvedAsk, resolveAsk } from './quote-inputs.ts';
import { rateOn } from './rates.ts';
import type { Channel, PriceList, PromoCode } from './types.ts';

/** How long a quote (and its hold) lasts unless staff ask for longer. */
export const defaultHoldMinutes = 30;

export interface CreateQuoteInput extends QuoteAsk {
  channel: Channel;
  currency?: string | null;
  customerId?: string | null;
  promoCode?: string | null;
  ratePlan?: 'flexible' | 'non_refundable';
  /** Staff only: keep the hold longer (a phone customer thinking it over). */
  holdMinutes?: number | null;
}

export interface PricedAsk {
  resolved: ResolvedAsk;
  rooms: RoomRequest[];
  quote: Quote;
}

/**
 * Reads that are the same for every product of one request (the agency's currency, the
 * channel's fees, exchange rates): the offer search prices many products and reads each once.
 */
export class SharedReads {
  private readonly memo = new Map<string, Promise<unknown>>();

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let found = this.memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = read();
      this.memo.set(key, found);
    }
    return found;
  }

  baseCurrency(ctx: Ctx): Promise<string> {
    return this.once('base', async () => {
      const agency = await ctx.db
        .selectFrom('agencies')
        .select('baseCurrency')
        .where('id', '=', ctx.agencyId)
        .executeTakeFirstOrThrow();
      return agency.baseCurrency;
    });
  }

  fees(ctx: Ctx, channel: Channel) {
    return this.once(`fees:${channel}`, () => loadChannelFees(ctx, channel));
  }

  /** An active promo code as pricing sees it (a booking's change counts its own use back). */
  promo(ctx: Ctx, code: string): Promise<PromoCode | undefined> {
    return this.once(`promo:${code.trim().toUpperCase()}`, () => findPromoCode(ctx, code));
  }

  /** The rate from `from` into `to` on `date`; undefined when none is known. */
  rate(ctx: Ctx, from: string, to: string, date: CalendarDate) {
    return this.once(`rate:${from}>${to}@${date}`, async (): Promise<RecordedRate | undefined> => {
      try {
        return { from, to, ...(await rateOn(ctx, from, to, date)) };
      } catch (error) {
        if (error instanceof Conflict) return undefined;
        throw error;
      }
    });
  }
}

/** The rates from every currency the lists, rules and fees use into `currency`, on `date`. */
async function ratesInto(
  ctx: Ctx,
  reads: SharedReads,
  currency: string,
  currencies: Iterable<string>,
  date: CalendarDate,
): Promise<Map<string, RecordedRate>> {
  const found = new Map<string, RecordedRate>();
  for (const from of new Set(currencies)) {
    if (from === currency) continue;
    const rate = await reads.rate(ctx, from, currency, date);
    if (rate) found.set(from, rate);
  }
  return found;
}

/** Sold (and held) share of the capacity of `owners` over the dates; null without capacity. */
async function loadFactorOf(ctx: Ctx, resolved: ResolvedAsk): Promise<string | null> {
  if (resolved.loadOwners.length === 0) return null;
  const last = resolved.end > resolved.start ? addDays(resolved.end, -1) : resolved.start;
  const row = await ctx.db
    .selectFrom('inventoryDays as d')
    .innerJoin('inventoryResources as r', (j) =>
      j.onRef('r.id', '=', 'd.resourceId').onRef('r.agencyId', '=', 'd.agencyId'),
    )
    .select((eb) => [
      eb.fn.sum<string | number | null>('d.capacity').as('capacity'),
      eb.fn.sum<string | number | null>(eb('d.sold', '+', eb.ref('d.held'))).as('used'),
    ])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('r.ownerId', 'in', resolved.loadOwners)
    .where('d.date', '>=', resolved.start)
    .where('d.date', '<=', last)
    .where('d.kind', '=', 'allotment')
    .executeTakeFirst();
  const capacity = Number(row?.capacity ?? 0);
  if (capacity <= 0) return null;
  return (Number(row?.used ?? 0) / capacity).toFixed(4);
}

function currenciesOf(
  lists: readonly PriceList[],
  request: Pick<PricingRequest, 'rules' | 'fees'>,
) {
  return [
    ...lists.flatMap((l) => [l.currency, ...(l.costCurrency ? [l.costCurrency] : [])]),
    ...request.rules.flatMap((r) => (r.currency ? [r.currency] : [])),
    ...request.fees.flatMap((f) => (f.currency ? [f.currency] : [])),
  ];
}

/** The room types that hold the whole party in one room, cheapest first is decided by pricing. */
function singleRoomOptions(resolved: ResolvedAsk, ask: QuoteAsk): RoomRequest[][] {
  if (resolved.product.kind !== 'tour') return [[]];
  return resolved.product.roomTypes.map((t) => [
    { roomTypeId: t.id, adults: ask.party.adults, childAges: [...ask.party.childAges] },
  ]);
}

/**
 * Prices a request without holding anything: what `POST /quotes` and the offer search share.
 * Without rooms, a tour is priced in the cheapest room type that holds the whole party.
 */
export async function priceAsk(
  ctx: Ctx,
  input: CreateQuoteInput,
  now: Date = new Date(),
  reads: SharedReads = new SharedReads(),
): Promise<PricedAsk> {
  const resolved = await resolveAsk(ctx, input);
  const baseCurrency = await reads.baseCurrency(ctx);
  const currency = input.currency ?? baseCurrency;
  if (!isCurrency(currency))
    throw Invalid.field('/currency', `${currency} is not an ISO 4217 currency code`);
  const today = todayUtc(now);
  const [priceLists, rules, fees, promo, loadFactor] = await Promise.all([
    loadPriceLists(ctx, resolved.productIds),
    loadRules(ctx, resolved.productIds),
    reads.fees(ctx, input.channel),
    input.promoCode ? reads.promo(ctx, input.promoCode) : Promise.resolve(undefined),
    loadFactorOf(ctx, resolved),
  ]);
  const rates = await ratesInto(
    ctx,
    reads,
    currency,
    currenciesOf(priceLists, { rules, fees }),
    today,
  );
  const base: Omit<PricingRequest, 'rooms'> = {
    product: resolved.product,
    start: resolved.start,
    end: resolved.end,
    party: { adults: input.party.adults, childAges: [...input.party.childAges] },
    fixedDeparture: resolved.fixedDeparture,
    classCode: resolved.fare.classCode,
    boardingPoint: resolved.fare.boardingPoint,
    transport: resolved.transport,
    extras: resolved.extras,
    bookingDate: today,
    channel: input.channel,
    customerId: input.customerId ?? null,
    currency,
    baseCurrency,
    promo: input.promoCode ? { code: input.promoCode, found: promo } : null,
    ratePlan: input.ratePlan ?? 'flexible',
    priceLists,
    rules,
    fees,
    rate: (from) => rates.get(from),
    loadFactor,
  };
  if (input.rooms || resolved.product.kind !== 'tour') {
    const rooms = input.rooms ?? [];
    return { resolved, rooms, quote: priceQuote({ ...base, rooms }) };
  }
  let best: PricedAsk | undefined;
  let firstError: unknown;
  for (const rooms of singleRoomOptions(resolved, input)) {
    try {
      const quote = priceQuote({ ...base, rooms });
      if (!best || quote.total < best.quote.total) best = { resolved, rooms, quote };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      firstError ??= error;
    }
  }
  if (best) return best;
  if (firstError instanceof Invalid && firstError.errors.some((e) => e.path.startsWith('/rooms'))) {
    throw Invalid.field(
      '/rooms',
      'the party does not fit in one room of this tour; say how it splits into rooms',
    );
  }
  throw firstError ?? Invalid.field('/rooms', 'this tour has no room types');
}

/** What the caller's channel decides about a quote's hold (the portal's visitor limits). */
export interface QuoteHoldPolicy {
  /** How long the hold lasts when staff did not ask for longer. */
  minutes?: number;
  /** The client address a portal quote came from, stored with it. */
  clientAddress?: string | null;
  /**
   * Runs in the quote's transaction once its hold and row are written, and refuses it by
   * throwing (everything is then rolled back): what one visitor may hold at once.
   */
  admit?: (tx: Ctx) => Promise<void>;
  /** The hold of the caller's previous quote of this trip: released first, in the same transaction. */
  replacesTake?: string | null;
}

export async function createQuote(
  ctx: Ctx,
  input: CreateQuoteInput,
  now: Date = new Date(),
  policy: QuoteHoldPolicy = {},
): Promise<QuoteView> {
  const staff = isStaff(ctx.actor.role);
  if (input.holdMinutes != null && !staff) {
    throw Invalid.field('/holdMinutes', 'only staff may hold a quote longer');
  }
  if (!staff && !['web', 'api', 'marketplace'].includes(input.channel)) {
    throw Invalid.field('/channel', 'phone, e-mail, walk-in and GDS quotes are made by staff');
  }
  if (!staff && input.customerId) {
    throw Invalid.field('/customerId', 'only staff quote for a named customer');
  }
  const minutes = input.holdMinutes ?? policy.minutes ?? defaultHoldMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60) {
    throw Invalid.field('/holdMinutes', 'must be between 1 minute and 7 days');
  }
  return holdAndStoreQuote(ctx, input, await priceAsk(ctx, input, now), {
    minutes,
    now,
    clientAddress: policy.clientAddress ?? null,
    replacesTake: policy.replacesTake ?? null,
    ...(policy.admit ? { admit: policy.admit } : {}),
  });
}

export interface StoreQuoteOptions {
  minutes: number;
  now: Date;
  /** A change's quote: the booking it would change, at the revision it was priced for. */
  changeOf?: { bookingId: string; revision: number } | null;
  clientAddress?: string | null;
  admit?: (tx: Ctx) => Promise<void>;
  replacesTake?: string | null;
}

/**
 * Holds the inventory of a priced request until the quote expires and stores the quote, in
 * the caller's transaction when there is one. `createQuote` and a booking's change share it.
 */
export async function holdAndStoreQuote(
  ctx: Ctx,
  input: CreateQuoteInput,
  { resolved, rooms, quote }: PricedAsk,
  {
    minutes,
    now,
    changeOf = null,
    clientAddress = null,
    admit,
    replacesTake = null,
  }: StoreQuoteOptions,
): Promise<QuoteView> {
  const staff = isStaff(ctx.actor.role);
  const id = newId();
  const components = componentsOf(resolved, rooms, input.party);
  return inTransaction(ctx, async (tx) => {
    const take =
      components.length > 0
        ? await hold(tx, {
            components,
            minutes,
            reference: `quote:${id}`,
            now,
            replaces: replacesTake,
          })
        : null;
    const expiresAt = take?.expiresAt ?? new Date(now.getTime() + minutes * 60_000).toISOString();
    const request = {
      ...input,
      rooms,
      currency: quote.currency,
      ratePlan: input.ratePlan ?? 'flexible',
      productName: resolved.product.name,
      ...(changeOf ? { changeOfRevision: changeOf.revision } : {}),
    };
    await tx.db
      .insertInto('quotes')
      .values({
        id,
        agencyId: tx.agencyId,
        productKind: resolved.product.kind as 'tour' | 'transport' | 'attraction',
        productId: resolved.product.id,
        channel: input.channel,
        customerId: input.customerId ?? null,
        currency: quote.currency,
        request: json(request),
        lines: json(quote.lines),
        total: quote.total,
        cost: quote.cost,
        cancellationPolicy: json(quote.cancellationPolicy),
        rates: json(quote.rates),
        priceListIds: json(quote.priceListIds),
        promoCode: quote.promoCode,
        takeId: take?.id ?? null,
        startDate: resolved.start,
        endDate: resolved.end,
        createdBy: tx.actor.userId,
        expiresAt,
        createdAt: now,
        changeOf: changeOf?.bookingId ?? null,
        clientAddress,
      })
      .execute();
    if (admit) await admit(tx);
    return present(
      {
        id,
        productKind: resolved.product.kind,
        productId: resolved.product.id,
        productName: resolved.product.name,
        from: resolved.start,
        to: resolved.end,
        party: input.party,
        rooms,
        channel: input.channel,
        ratePlan: input.ratePlan ?? 'flexible',
        quote,
        holdId: take?.id ?? null,
        onRequest: take?.onRequest.some(Boolean) ?? false,
        expiresAt,
        createdAt: now.toISOString(),
      },
      staff,
      now,
    );
  });
}

interface StoredQuote {
  id: string;
  productKind: string;
  productId: string;
  productName: string | null;
  from: CalendarDate;
  to: CalendarDate;
  party: QuoteAsk['party'];
  rooms: RoomRequest[];
  channel: string;
  ratePlan: string;
  quote: Quote;
  holdId: string | null;
  onRequest: boolean;
  expiresAt: string;
  createdAt: string;
}

/** Costs, margins and commissions are the agency's business: staff see them, no one else. */
function present(stored: StoredQuote, staff: boolean, now: Date) {
  const { quote } = stored;
  const lines = staff
    ? quote.lines
    : quote.lines
        .filter((l) => l.kind !== 'commission')
        .map(({ cost: _c, margin: _m, ...line }): Omit<QuoteLine, 'cost' | 'margin'> => line);
  return {
    id: stored.id,
    productKind: stored.productKind,
    productId: stored.productId,
    productName: stored.productName,
    from: stored.from,
    to: stored.to,
    party: stored.party,
    rooms: stored.rooms,
    channel: stored.channel,
    ratePlan: stored.ratePlan,
    currency: quote.currency,
    lines,
    total: quote.total,
    ...(staff ? { cost: quote.cost, margin: quote.margin } : {}),
    cancellationPolicy: quote.cancellationPolicy,
    rates: quote.rates,
    promoCode: quote.promoCode,
    holdId: stored.holdId,
    onRequest: stored.onRequest,
    expiresAt: stored.expiresAt,
    expired: new Date(stored.expiresAt).getTime() <= now.getTime(),
    createdAt: stored.createdAt,
  };
}

export type QuoteView = ReturnType<typeof present>;

/** A stored quote: staff see any of the agency's; others only the quotes they made. */
export async function getQuote(ctx: Ctx, id: string, now: Date = new Date()): Promise<QuoteView> {
  const row = await ctx.db
    .selectFrom('quotes')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  const staff = isStaff(ctx.actor.role);
  if (!row || (!staff && row.createdBy !== ctx.actor.userId)) throw new NotFound('quote', id);
  const request = row.request as CreateQuoteInput & {
    rooms: RoomRequest[];
    ratePlan: string;
    productName?: string;
  };
  const take = row.takeId
    ? await ctx.db
        .selectFrom('inventoryTakeItems')
        .select('onRequest')
        .where('agencyId', '=', ctx.agencyId)
        .where('takeId', '=', row.takeId)
        .where('onRequest', '=', true)
        .executeTakeFirst()
    : undefined;
  const lines = row.lines as QuoteLine[];
  return present(
    {
      id: row.id,
      productKind: row.productKind,
      productId: row.productId,
      productName: request.productName ?? null,
      from: row.startDate,
      to: row.endDate,
      party: request.party,
      rooms: request.rooms,
      channel: row.channel,
      ratePlan: request.ratePlan,
      quote: {
        currency: row.currency,
        lines,
        total: row.total,
        cost: row.cost,
        margin: row.cost === null ? null : row.total - row.cost,
        cancellationPolicy: row.cancellationPolicy as Quote['cancellationPolicy'],
        rates: row.rates as RecordedRate[],
        priceListIds: row.priceListIds,
        promoCode: row.promoCode,
      },
      holdId: row.takeId,
      onRequest: take !== undefined,
      expiresAt: new Date(row.expiresAt).toISOString(),
      createdAt: new Date(row.createdAt).toISOString(),
    },
    staff,
    now,
  );
}
