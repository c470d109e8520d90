// What changes a list price: demand (load factor, days to departure) within a floor and a
// ceiling; discounts and surcharges (early booking, last minute, promo codes, packages,
// buy-one-get-one, non-refundable rates) combined by one rule; channel fees and commissions.
//
// How rules combine: percentages are taken from the price before any rule, never from
// another rule's result, so the order rules are listed in never changes a price. Stackable
// rules all apply. Non-stackable rules exclude each other: of those that apply, the one of
// highest priority is used (then the one better for the customer, then the lower id).
// Discounts together never take a price below zero.
import Decimal from 'decimal.js';
import { daysBetween } from '../../calendar.ts';
import { Invalid } from '../../errors.ts';
import {
  boughtLineKinds,
  type LineKind,
  type PricingRequest,
  type QuoteLine,
} from './engine-types.ts';
import { format, money } from './money.ts';
import { type Pricer, percentOf } from './pricer.ts';
import { type DynamicPricing, type PriceRule, type ProductKind, reductionKinds } from './types.ts';

const priced: readonly LineKind[] = [...boughtLineKinds, 'booking', 'dynamic'];

export function sumOf(lines: readonly QuoteLine[]): number {
  return lines.reduce((n, l) => n + l.amount, 0);
}

function show(amount: number, currency: string): string {
  return format(money(amount, currency), 'en');
}

export interface RuleLineInput {
  kind: LineKind;
  productKind: ProductKind;
  productId: string;
  label: string;
  amount: number;
  travellers: number[];
  rule: QuoteLine['rule'];
  cost?: number;
}

export function ruleLine(input: RuleLineInput): QuoteLine {
  const cost = input.cost ?? 0;
  return {
    kind: input.kind,
    productKind: input.productKind,
    productId: input.productId,
    label: input.label,
    travellers: input.travellers,
    room: null,
    from: null,
    to: null,
    nights: null,
    period: null,
    childBand: null,
    unitPrice: input.amount,
    quantity: 1,
    amount: input.amount,
    cost,
    margin: input.amount - cost,
    rule: input.rule,
  };
}

/** The demand adjustment of the product's lines, or null when no tier applies. */
export function dynamicLine(
  request: PricingRequest,
  dynamic: DynamicPricing | null,
  productLines: readonly QuoteLine[],
  travellers: number[],
): QuoteLine | null {
  if (!dynamic || dynamic.tiers.length === 0) return null;
  const days = daysBetween(request.bookingDate, request.start);
  const load = request.loadFactor === null ? null : new Decimal(request.loadFactor);
  let total = new Decimal(0);
  const reasons: string[] = [];
  for (const tier of dynamic.tiers) {
    if (tier.minLoadFactor !== null && (load === null || load.lt(tier.minLoadFactor))) continue;
    if (tier.minDaysToDeparture !== null && days < tier.minDaysToDeparture) continue;
    if (tier.maxDaysToDeparture !== null && days > tier.maxDaysToDeparture) continue;
    total = total.plus(tier.adjustPercent);
    reasons.push(`${new Decimal(tier.adjustPercent).gt(0) ? '+' : ''}${tier.adjustPercent} %`);
  }
  const clamped = Decimal.min(Decimal.max(total, dynamic.floorPercent), dynamic.ceilingPercent);
  if (clamped.isZero()) return null;
  const base = sumOf(productLines);
  const amount = percentOf(base, clamped.toString(), request.currency);
  if (amount === 0) return null;
  const loadText = load === null ? '' : `${load.mul(100).toDecimalPlaces(0).toString()} % sold, `;
  const capped = clamped.eq(total)
    ? ''
    : ` (${total.toString()} % held to ${clamped.toString()} %)`;
  return ruleLine({
    kind: 'dynamic',
    productKind: request.product.kind,
    productId: request.product.id,
    label: 'Demand adjustment',
    amount,
    travellers,
    rule: {
      id: 'dynamic',
      name: 'Demand adjustment',
      kind: 'dynamic',
      detail: `${loadText}${days} days before: ${reasons.join(', ')}${capped} of ${show(base, request.currency)}`,
    },
  });
}

/** Why a rule does not apply to this request, or null when it does. */
function ruleMisfit(
  rule: PriceRule,
  request: PricingRequest,
  productIds: ReadonlySet<string>,
): string | null {
  const scope = rule.productIds.length > 0 ? rule.productIds : [request.product.id];
  if (!scope.some((id) => productIds.has(id))) return 'it is for other products';
  const booked = request.bookingDate;
  if (rule.bookedFrom && booked < rule.bookedFrom)
    return `it is for bookings from ${rule.bookedFrom}`;
  if (rule.bookedTo && booked > rule.bookedTo) return `it was for bookings until ${rule.bookedTo}`;
  if (rule.travelFrom && request.start < rule.travelFrom)
    return `it is for travel from ${rule.travelFrom}`;
  if (rule.travelTo && request.start > rule.travelTo)
    return `it is for travel until ${rule.travelTo}`;
  const days = daysBetween(booked, request.start);
  if (rule.kind !== 'min_advance') {
    if (rule.minDaysBefore !== null && days < rule.minDaysBefore) {
      return `it needs booking at least ${rule.minDaysBefore} days before travel`;
    }
    if (rule.maxDaysBefore !== null && days > rule.maxDaysBefore) {
      return `it is for booking at most ${rule.maxDaysBefore} days before travel`;
    }
  }
  if (rule.kind === 'package') {
    const missing = rule.bundleServiceIds.filter((id) => !productIds.has(id));
    if (missing.length > 0) return 'the package needs services not in this quote';
    if (rule.bundleTransport && !request.transport.length && request.product.kind !== 'transport') {
      return 'the package needs transport';
    }
  }
  return null;
}

/**
 * Checks the promo code asked for: known, in its validity, not used up, its rule in force and
 * applying to this request. Errors name `/promoCode` and say why.
 */
export function checkPromo(
  request: PricingRequest,
  productIds: ReadonlySet<string>,
): PriceRule | null {
  if (!request.promo) return null;
  const { code, found } = request.promo;
  const fail = (why: string) => Invalid.field('/promoCode', why);
  if (!found) throw fail(`${code} is not a promo code of this agency`);
  if (found.validFrom && request.bookingDate < found.validFrom)
    throw fail(`${code} is valid from ${found.validFrom}`);
  if (found.validTo && request.bookingDate > found.validTo)
    throw fail(`${code} expired on ${found.validTo}`);
  if (found.maxUses !== null && found.used >= found.maxUses)
    throw fail(`${code} has been used up (${found.maxUses} uses)`);
  const rule = request.rules.find((r) => r.id === found.ruleId);
  if (!rule) throw fail(`${code} is no longer offered`);
  const misfit = ruleMisfit(rule, request, productIds);
  if (misfit) throw fail(`${code} does not apply: ${misfit}`);
  return rule;
}

/** Refuses a request made later than a `min_advance` rule allows. */
export function checkMinAdvance(request: PricingRequest, productIds: ReadonlySet<string>): void {
  const days = daysBetween(request.bookingDate, request.start);
  for (const rule of request.rules) {
    if (rule.kind !== 'min_advance' || rule.minDaysBefore === null) continue;
    if (ruleMisfit(rule, request, productIds) !== null) continue;
    if (days < rule.minDaysBefore) {
      throw Invalid.field(
        '/from',
        `must be at least ${rule.minDaysBefore} days after booking (${rule.name}); it is ${days} days`,
      );
    }
  }
}

/** What each traveller pays of `lines` (room prices shared by the room's guests). */
function sharesOf(lines: readonly QuoteLine[], travellers: readonly number[]): Map<number, number> {
  const shares = new Map<number, number>(travellers.map((t) => [t, 0]));
  for (const line of lines) {
    const who = line.travellers.length > 0 ? line.travellers : [...travellers];
    const each = Math.floor(line.amount / who.length);
    let left = line.amount - each * who.length;
    for (const t of who) {
      shares.set(t, (shares.get(t) ?? 0) + each + (left > 0 ? 1 : 0));
      if (left > 0) left -= 1;
    }
  }
  return shares;
}

interface Candidate {
  rule: PriceRule;
  amount: number;
  detail: string;
  travellers: number[];
}

function candidateFor(
  rule: PriceRule,
  request: PricingRequest,
  lines: readonly QuoteLine[],
  pricer: Pricer,
  everyone: number[],
): Candidate | null {
  // No products named: the rule is for every product, so it takes every line of the quote
  // (the product's, its transport legs' and its extras'). A package names what it bundles
  // itself: without products it is the quoted product's.
  const every = rule.kind === 'package' ? [request.product.id] : lines.map((l) => l.productId);
  const scope = new Set(rule.productIds.length > 0 ? rule.productIds : every);
  if (rule.kind === 'package') {
    for (const id of rule.bundleServiceIds) scope.add(id);
    if (rule.bundleTransport)
      for (const l of lines) if (l.kind === 'transport') scope.add(l.productId);
  }
  const base = lines.filter((l) => scope.has(l.productId) && priced.includes(l.kind));
  const baseSum = sumOf(base);
  const cur = request.currency;
  const sign = reductionKinds.has(rule.kind) ? -1 : 1;
  const heads = request.party.adults + request.party.childAges.length;
  const fixed = (perHeadsDetail: boolean) => {
    const unit = pricer.toQuote(rule.amount ?? 0, rule.currency ?? cur);
    const count = rule.amountPer === 'person' ? heads : 1;
    return {
      total: unit * count,
      detail: perHeadsDetail && count > 1 ? `${count} × ${show(unit, cur)}` : show(unit, cur),
    };
  };
  if (rule.kind === 'package') {
    const { total, detail } = fixed(true);
    return {
      rule,
      amount: total - baseSum,
      detail: `package ${detail} instead of ${show(baseSum, cur)}`,
      travellers: everyone,
    };
  }
  if (rule.kind === 'bogo') {
    const buy = rule.buy ?? 1;
    const get = rule.get ?? 1;
    // The retail rule: every full set of buy + get paying travellers earns `get` free, and
    // the free ones are the cheapest of the whole group (a child's ticket before an adult's).
    // Travellers who pay nothing (an infant) neither count nor go free.
    const paying = [...sharesOf(base, everyone)]
      .filter(([, share]) => share > 0)
      .sort((a, b) => a[1] - b[1] || b[0] - a[0]);
    const freeCount = Math.floor(paying.length / (buy + get)) * get;
    const free: number[] = [];
    let amount = 0;
    for (const [t, share] of paying.slice(0, freeCount)) {
      free.push(t);
      amount += percentOf(share, rule.percent ?? '100', cur);
    }
    free.sort((a, b) => a - b);
    if (amount === 0) return null;
    return {
      rule,
      amount: -amount,
      detail: `buy ${buy} get ${get}: ${rule.percent ?? '100'} % off ${free.length} traveller${free.length === 1 ? '' : 's'}`,
      travellers: free,
    };
  }
  if (rule.percent !== null) {
    const amount = sign * percentOf(baseSum, rule.percent, cur);
    return {
      rule,
      amount,
      detail: `${rule.percent} % of ${show(baseSum, cur)}`,
      travellers: everyone,
    };
  }
  if (rule.amount !== null) {
    const { total, detail } = fixed(true);
    return { rule, amount: sign * total, detail, travellers: everyone };
  }
  return null;
}

/**
 * The discount and surcharge lines for `lines`, one per rule applied, in priority order.
 * `promoRule` is the rule of a valid promo code asked for (see checkPromo).
 */
export function ruleLines(
  request: PricingRequest,
  lines: readonly QuoteLine[],
  promoRule: PriceRule | null,
  pricer: Pricer,
): QuoteLine[] {
  const productIds = new Set(lines.map((l) => l.productId));
  const everyone = [...new Set(lines.flatMap((l) => l.travellers))].sort((a, b) => a - b);
  const candidates: Candidate[] = [];
  const ordered = [...request.rules].sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1),
  );
  for (const rule of ordered) {
    if (rule.kind === 'min_advance') continue;
    if (rule.kind === 'promo_code' && rule.id !== promoRule?.id) continue;
    if (rule.kind === 'non_refundable' && request.ratePlan !== 'non_refundable') continue;
    if (ruleMisfit(rule, request, productIds) !== null) continue;
    const candidate = candidateFor(rule, request, lines, pricer, everyone);
    if (candidate && candidate.amount !== 0) candidates.push(candidate);
  }
  const exclusive = candidates
    .filter((c) => !c.rule.stackable)
    .sort(
      (a, b) =>
        b.rule.priority - a.rule.priority ||
        a.amount - b.amount ||
        (a.rule.id < b.rule.id ? -1 : 1),
    )[0];
  // The non-refundable rate is the customer's choice of rate, not a promotion: it always applies.
  const chosen = candidates.filter(
    (c) => c.rule.stackable || c === exclusive || c.rule.kind === 'non_refundable',
  );
  if (request.promo && promoRule && !chosen.some((c) => c.rule.id === promoRule.id)) {
    throw Invalid.field(
      '/promoCode',
      `${request.promo.code} does not combine with ${exclusive?.rule.name ?? 'the rules in force'}, which gives a better price`,
    );
  }
  if (
    request.ratePlan === 'non_refundable' &&
    !chosen.some((c) => c.rule.kind === 'non_refundable')
  ) {
    throw Invalid.field('/ratePlan', 'this product has no non-refundable rate for these dates');
  }
  // Discounts never take the price below zero: the last ones are cut short.
  let running = sumOf(lines);
  return chosen.map((c) => {
    let amount = c.amount;
    let detail = c.detail;
    if (running + amount < 0) {
      amount = -running;
      detail = `${detail}, limited to the price`;
    }
    running += amount;
    return ruleLine({
      kind: amount < 0 ? 'discount' : 'surcharge',
      productKind: request.product.kind,
      productId: request.product.id,
      label: c.rule.name,
      amount,
      travellers: c.travellers,
      rule: { id: c.rule.id, name: c.rule.name, kind: c.rule.kind, detail },
    });
  });
}

/** Channel fees (lines the customer pays) and commissions (costs the agency bears). */
export function feeLines(
  request: PricingRequest,
  lines: readonly QuoteLine[],
  pricer: Pricer,
): QuoteLine[] {
  const out: QuoteLine[] = [];
  const everyone = [...new Set(lines.flatMap((l) => l.travellers))].sort((a, b) => a - b);
  const ordered = [...request.fees]
    .filter((f) => f.channel === request.channel)
    .sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind === 'fee' ? -1 : 1));
  let subtotal = sumOf(lines);
  for (const fee of ordered) {
    const amount =
      fee.percent !== null
        ? percentOf(subtotal, fee.percent, request.currency)
        : pricer.toQuote(fee.amount ?? 0, fee.currency ?? request.currency);
    const detail =
      fee.percent !== null
        ? `${fee.percent} % of ${show(subtotal, request.currency)}`
        : `per booking (${request.channel})`;
    const common = {
      productKind: request.product.kind,
      productId: request.product.id,
      label: fee.name,
      travellers: everyone,
      rule: { id: fee.id, name: fee.name, kind: 'fee' as const, detail },
    };
    if (fee.kind === 'fee') {
      out.push(ruleLine({ ...common, kind: 'fee', amount }));
      subtotal += amount;
    } else {
      out.push(ruleLine({ ...common, kind: 'commission', amount: 0, cost: amount }));
    }
  }
  return out;
}
