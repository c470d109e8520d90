// The offer search (B1): every product that can be sold for a destination, dates and party,
// priced by the engine and checked against the inventory, cheapest first. Stays at a hotel
// (by-days tours), tours on fixed departures, and packages with transport; attraction
// tickets for the first day. Nothing is held: a quote does that.

import { daysBetween } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { childAgesOf, searchProducts } from '../catalog/search-service.ts';
import { canTake } from '../inventory/service.ts';
import { componentsOf } from './quote-inputs.ts';
import { type CreateQuoteInput, priceAsk, SharedReads } from './quotes-service.ts';
import type { Channel } from './types.ts';

export interface OfferQuery {
  destination?: string;
  country?: string;
  from: string;
  to: string;
  adults: number;
  childAges?: string[];
  currency?: string;
  channel?: Channel;
  customerId?: string;
}

/** Departures priced per tour: enough to show a choice, few enough to answer quickly. */
const departuresPerTour = 5;
export const offerLimit = 40;

export interface Offer {
  kind: 'stay' | 'tour' | 'package' | 'tickets';
  productId: string;
  productName: string;
  departureId: string | null;
  place: { city: string; country: string; accommodation: string | null; stars: number | null };
  from: string;
  to: string;
  nights: number | null;
  rooms: Array<{ roomTypeId: string; adults: number; childAges: number[] }>;
  currency: string;
  total: number;
  perPerson: number;
  nonRefundable: boolean;
  /** Free cancellation up to this many days before travel; null when never free. */
  freeCancellationDaysBefore: number | null;
}

export async function searchOffers(ctx: Ctx, query: OfferQuery, now: Date = new Date()) {
  // The search checks the dates and ages (400 naming the field) before anything is priced.
  const party = { adults: query.adults, childAges: childAgesOf(query.childAges) };
  const hits = await searchProducts(ctx, {
    destination: query.destination,
    country: query.country,
    from: query.from,
    to: query.to,
    adults: query.adults,
    childAges: query.childAges,
  });
  const common: Omit<CreateQuoteInput, 'productId'> = {
    party,
    channel: query.channel ?? 'web',
    currency: query.currency ?? null,
    customerId: query.customerId ?? null,
  };
  const asks: Array<{ input: CreateQuoteInput; place: Offer['place'] }> = [];
  for (const hit of hits.items) {
    if (hit.kind === 'attraction') {
      asks.push({
        input: { ...common, productId: hit.id, from: query.from },
        place: { city: hit.city, country: hit.country, accommodation: null, stars: null },
      });
      continue;
    }
    const place = {
      city: hit.accommodation.city,
      country: hit.accommodation.country,
      accommodation: hit.accommodation.name,
      stars: hit.accommodation.stars,
    };
    if (hit.mode === 'by_days') {
      asks.push({ input: { ...common, productId: hit.id, from: query.from, to: query.to }, place });
    } else {
      for (const departure of hit.departures.slice(0, departuresPerTour)) {
        asks.push({ input: { ...common, productId: hit.id, departureId: departure.id }, place });
      }
    }
  }

  const offers: Offer[] = [];
  const reads = new SharedReads();
  for (const { input, place } of asks) {
    let priced: Awaited<ReturnType<typeof priceAsk>>;
    try {
      priced = await priceAsk(ctx, input, now, reads);
    } catch (error) {
      // Not priced for these dates, not for this party, no rate…: not an offer.
      if (error instanceof DomainError) continue;
      throw error;
    }
    const { resolved, rooms, quote } = priced;
    if (!(await canTake(ctx, componentsOf(resolved, rooms, party), now))) continue;
    const heads = party.adults + party.childAges.length;
    const product = resolved.product;
    const kind: Offer['kind'] =
      product.kind === 'attraction'
        ? 'tickets'
        : resolved.transport.length > 0
          ? 'package'
          : input.departureId
            ? 'tour'
            : 'stay';
    const policy = quote.cancellationPolicy;
    const freeTiers = policy.tiers.filter((t) => Number(t.percent) === 0).map((t) => t.daysBefore);
    const free = policy.nonRefundable
      ? null
      : policy.tiers.length === 0
        ? 0
        : freeTiers.length
          ? Math.min(...freeTiers)
          : null;
    offers.push({
      kind,
      productId: product.id,
      productName: product.name,
      departureId: input.departureId ?? null,
      place,
      from: resolved.start,
      to: resolved.end,
      nights: product.kind === 'tour' ? daysBetween(resolved.start, resolved.end) : null,
      rooms,
      currency: quote.currency,
      total: quote.total,
      perPerson: Math.round(quote.total / heads),
      nonRefundable: policy.nonRefundable,
      freeCancellationDaysBefore: free,
    });
  }
  offers.sort(
    (a, b) =>
      a.total - b.total || a.from.localeCompare(b.from) || a.productId.localeCompare(b.productId),
  );
  return { items: offers.slice(0, offerLimit) };
}
