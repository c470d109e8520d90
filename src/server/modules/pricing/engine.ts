// The pricing engine: a request (product, dates, party, rooms, extras, channel, customer,
// promo code, currency) and the price lists and rules in force in, a quote out. Pure: no
// I/O, no clock (the booking date is part of the request), so every price can be recomputed
// and explained.
//
// The order of work: list prices (rooms and guests night by night, transport, tickets,
// extras) → demand adjustment of the product → services priced as a percentage of the trip
// (insurance) → discounts and surcharges → channel fees and commissions. Every line is an
// integer in the quote currency's minor unit and the total is their sum.
import { daysBetween } from '../../calendar.ts';
import { Invalid } from '../../errors.ts';
import {
  checkMinAdvance,
  checkPromo,
  dynamicLine,
  feeLines,
  ruleLine,
  ruleLines,
  sumOf,
} from './adjustments.ts';
import type { CancellationPolicy, PricingRequest, Quote, QuoteLine } from './engine-types.ts';
import { mergeSegments, type Segment, segmentLine } from './lines.ts';
import { isCurrency } from './money.ts';
import { Pricer, percentOf } from './pricer.ts';
import { priceStay, seatParty } from './stay-pricing.ts';
import {
  listFor,
  priceExtra,
  priceTickets,
  priceTransport,
  travellersOf,
} from './travel-pricing.ts';
import type { PriceList } from './types.ts';

function checkRequest(request: PricingRequest): void {
  if (!isCurrency(request.currency)) {
    throw Invalid.field('/currency', `${request.currency} is not an ISO 4217 currency code`);
  }
  const { adults, childAges } = request.party;
  if (!Number.isInteger(adults) || adults < 1) {
    throw Invalid.field('/party/adults', 'at least one adult travels');
  }
  childAges.forEach((age, i) => {
    if (!Number.isInteger(age) || age < 0 || age > 17) {
      throw Invalid.field(`/party/childAges/${i}`, `${age} is not a child's age (0 to 17)`);
    }
  });
  if (request.product.kind === 'tour' && daysBetween(request.start, request.end) < 1) {
    throw Invalid.field('/to', `must be after ${request.start}`);
  }
  if (daysBetween(request.bookingDate, request.start) < 0) {
    throw Invalid.field('/from', `${request.start} has passed`);
  }
}

/**
 * The cancellation fees of the main list, worked out on the quote's total, and its change
 * fee converted into the quote's currency (by `pricer`, which records the rate).
 */
export function cancellationPolicy(
  list: PriceList,
  total: number,
  currency: string,
  nonRefundable: boolean,
  pricer: Pricer = new Pricer(currency, () => undefined),
): CancellationPolicy {
  const changeFee = list.changeFee
    ? {
        amount: pricer.toQuote(list.changeFee.amount, list.currency),
        freeDaysBefore: list.changeFee.freeDaysBefore,
      }
    : null;
  if (nonRefundable) {
    return {
      nonRefundable: true,
      tiers: [{ daysBefore: 0, percent: '100', fee: total }],
      changeFee,
    };
  }
  const tiers = [...list.cancellation]
    .sort((a, b) => b.daysBefore - a.daysBefore)
    .map((tier) => ({ ...tier, fee: percentOf(total, tier.percent, currency) }));
  return { nonRefundable: false, tiers, changeFee };
}

function productSegments(request: PricingRequest, list: PriceList, pricer: Pricer): Segment[] {
  const product = request.product;
  if (product.kind === 'tour') return priceStay(request, list, seatParty(request, list), pricer);
  if (product.kind === 'attraction') return priceTickets(request, list, pricer);
  if (!request.classCode) throw Invalid.field('/classCode', 'name the class of travel');
  if (!product.classCodes.includes(request.classCode)) {
    throw Invalid.field('/classCode', `${product.name} has no class ${request.classCode}`);
  }
  const leg = {
    transportId: product.id,
    name: product.name,
    date: request.start,
    classCode: request.classCode,
    boardingPoint: request.boardingPoint ?? null,
    direction: 'outbound' as const,
  };
  return priceTransport(request, leg, pricer, '/classCode').segments;
}

const lines = (segments: Segment[]): QuoteLine[] => mergeSegments(segments).map(segmentLine);

export function priceQuote(request: PricingRequest): Quote {
  checkRequest(request);
  const pricer = new Pricer(request.currency, request.rate);
  const product = request.product;
  const main = listFor(request, product.id, product.name, '/productId');
  const listIds = new Set([main.id]);
  const everyone = travellersOf(request).map((t) => t.index);

  const productLines = lines(productSegments(request, main, pricer));
  const componentSegments: Segment[] = [];
  request.transport.forEach((leg, i) => {
    const priced = priceTransport(request, leg, pricer, `/transport/${i}`);
    listIds.add(priced.list.id);
    componentSegments.push(...priced.segments);
  });
  const percentExtras: ReturnType<typeof priceExtra>['percent'] = [];
  request.extras.forEach((extra, i) => {
    const priced = priceExtra(request, extra, pricer, `/extras/${i}`);
    listIds.add(priced.list.id);
    componentSegments.push(...priced.segments);
    percentExtras.push(...priced.percent);
  });
  const dynamic = dynamicLine(request, main.dynamic, productLines, everyone);
  const priced: QuoteLine[] = [
    ...productLines,
    ...(dynamic ? [dynamic] : []),
    ...lines(componentSegments),
  ];

  // Insurance and the like: a percentage of the trip's list price.
  const tripPrice = sumOf(priced);
  for (const { extra, row, list, period } of percentExtras) {
    const amount = percentOf(tripPrice, row.percentOfTrip ?? '0', request.currency);
    const cost =
      row.cost === null || !list.costCurrency ? null : pricer.toQuote(row.cost, list.costCurrency);
    priced.push({
      ...ruleLine({
        kind: 'service',
        productKind: 'extra_service',
        productId: extra.service.id,
        label: `${extra.service.name}: ${row.percentOfTrip} % of the trip`,
        amount,
        travellers: everyone,
        rule: null,
        cost: cost ?? 0,
      }),
      period,
      from: request.start,
      to: request.end,
      cost,
      margin: cost === null ? null : amount - cost,
    });
  }

  const productIds = new Set(priced.map((l) => l.productId));
  checkMinAdvance(request, productIds);
  const promoRule = checkPromo(request, productIds);
  const adjusted = [...priced, ...ruleLines(request, priced, promoRule, pricer)];
  const all = [...adjusted, ...feeLines(request, adjusted, pricer)];

  const total = sumOf(all);
  const unknownCost = all.some((l) => l.cost === null);
  const cost = unknownCost ? null : all.reduce((n, l) => n + (l.cost ?? 0), 0);
  return {
    currency: request.currency,
    lines: all,
    total,
    cost,
    margin: cost === null ? null : total - cost,
    cancellationPolicy: cancellationPolicy(
      main,
      total,
      request.currency,
      request.ratePlan === 'non_refundable',
      pricer,
    ),
    // After the policy: its change fee may be the last amount converted.
    rates: pricer.rates(),
    priceListIds: [...listIds].sort(),
    promoCode: promoRule && request.promo ? request.promo.code.toUpperCase() : null,
  };
}
