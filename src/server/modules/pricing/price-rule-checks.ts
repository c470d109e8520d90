// Pure checks of discount and surcharge rules, promo codes and channel fees: what each kind
// of rule needs, windows that end before they start, amounts without a currency. Plain data
// in, `FieldError`s (JSON pointers into the request) out; nothing here does I/O.
import Decimal from 'decimal.js';
import type { FieldError } from '../../errors.ts';
import { isCurrency } from './money.ts';
import { type ChannelFee, type PriceRule, type RuleKind, reductionKinds } from './types.ts';

export type PriceRuleFields = Omit<PriceRule, 'id'>;
export type ChannelFeeFields = Omit<ChannelFee, 'id'>;

/** Kinds priced by a percent or an amount (exactly one of them). */
const percentOrAmount: ReadonlySet<RuleKind> = new Set([
  'early_booking',
  'last_minute',
  'promo_code',
  'discount',
  'surcharge',
]);

function windowProblems(
  from: string | null,
  to: string | null,
  toPath: string,
  fromName: string,
): FieldError[] {
  return from !== null && to !== null && to < from
    ? [{ path: toPath, message: `must be on or after ${fromName} (${from})` }]
    : [];
}

function currencyProblem(currency: string | null, path = '/currency'): FieldError[] {
  return currency !== null && !isCurrency(currency)
    ? [{ path, message: 'is not an ISO 4217 currency code' }]
    : [];
}

/** What the rule's kind needs of percent and amount. */
function priceProblems(rule: PriceRuleFields): FieldError[] {
  const problems: FieldError[] = [];
  const need = (field: keyof PriceRuleFields, why: string) => {
    if (rule[field] === null) problems.push({ path: `/${field}`, message: `is required ${why}` });
  };
  const forbid = (field: keyof PriceRuleFields, why: string) => {
    if (rule[field] !== null) problems.push({ path: `/${field}`, message: `must be null ${why}` });
  };
  const kind = rule.kind.replace('_', ' ');
  if (percentOrAmount.has(rule.kind)) {
    if (rule.percent === null && rule.amount === null) {
      problems.push({ path: '/percent', message: `or amount is required for a ${kind} rule` });
    } else if (rule.percent !== null && rule.amount !== null) {
      problems.push({ path: '/amount', message: 'cannot be given with percent: give one' });
    }
  } else if (rule.kind === 'package') {
    need('amount', 'for a package: its price');
    forbid('percent', 'for a package (its price is an amount)');
    if (rule.bundleServiceIds.length === 0 && !rule.bundleTransport) {
      problems.push({
        path: '/bundleServiceIds',
        message: 'must name a service (or set bundleTransport) for a package',
      });
    }
  } else if (rule.kind === 'non_refundable') {
    need('percent', 'for a non-refundable rate: how much it takes off');
    forbid('amount', 'for a non-refundable rate');
  } else if (rule.kind === 'bogo') {
    need('buy', 'for buy-one-get-one');
    need('get', 'for buy-one-get-one');
    forbid('amount', 'for buy-one-get-one (percent says how much the free ones get off)');
  } else if (rule.kind === 'min_advance') {
    need('minDaysBefore', 'for a minimum advance rule');
    forbid('percent', 'for a minimum advance rule (it is a condition, not a price)');
    forbid('amount', 'for a minimum advance rule (it is a condition, not a price)');
  } else {
    rule.kind satisfies 'early_booking' | 'last_minute' | 'promo_code' | 'discount' | 'surcharge';
  }
  if (rule.kind === 'early_booking') need('minDaysBefore', 'for early booking');
  if (rule.kind === 'last_minute') need('maxDaysBefore', 'for last minute');
  if (rule.kind !== 'bogo') {
    forbid('buy', 'except for buy-one-get-one');
    forbid('get', 'except for buy-one-get-one');
  }
  if (rule.kind !== 'package' && (rule.bundleServiceIds.length > 0 || rule.bundleTransport)) {
    problems.push({ path: '/bundleServiceIds', message: 'is only for package rules' });
  }
  return problems;
}

/** Everything wrong with a rule; product and service ids are checked by the service. */
export function ruleProblems(rule: PriceRuleFields): FieldError[] {
  const problems = [
    ...windowProblems(rule.bookedFrom, rule.bookedTo, '/bookedTo', 'bookedFrom'),
    ...windowProblems(rule.travelFrom, rule.travelTo, '/travelTo', 'travelFrom'),
    ...currencyProblem(rule.currency),
    ...priceProblems(rule),
  ];
  if (
    rule.minDaysBefore !== null &&
    rule.maxDaysBefore !== null &&
    rule.maxDaysBefore < rule.minDaysBefore
  ) {
    problems.push({
      path: '/maxDaysBefore',
      message: `must be at least minDaysBefore (${rule.minDaysBefore})`,
    });
  }
  if (rule.percent !== null) {
    const percent = new Decimal(rule.percent);
    if (percent.lte(0)) {
      problems.push({
        path: '/percent',
        message: 'must be above 0: the kind of rule says whether it lowers or raises the price',
      });
    } else if (reductionKinds.has(rule.kind) && percent.gt(100)) {
      problems.push({ path: '/percent', message: 'cannot take more than 100 % off' });
    }
  }
  if (rule.amount !== null) {
    if (rule.currency === null) {
      problems.push({ path: '/currency', message: 'is required with an amount' });
    }
    if (rule.amountPer === null) {
      problems.push({
        path: '/amountPer',
        message: 'is required with an amount (person or booking)',
      });
    }
  } else {
    if (rule.amountPer !== null) {
      problems.push({ path: '/amountPer', message: 'is only for rules with an amount' });
    }
    if (rule.currency !== null) {
      problems.push({ path: '/currency', message: 'is only for rules with an amount' });
    }
  }
  const repeated = rule.productIds.findIndex((id, i) => rule.productIds.indexOf(id) !== i);
  if (repeated >= 0) problems.push({ path: `/productIds/${repeated}`, message: 'is repeated' });
  return problems;
}

/** A promo code's validity window. */
export function promoProblems(promo: { validFrom: string | null; validTo: string | null }) {
  return windowProblems(promo.validFrom, promo.validTo, '/validTo', 'validFrom');
}

/** A fee is a percent of the total or a flat amount per booking in a currency. */
export function feeProblems(fee: ChannelFeeFields): FieldError[] {
  const problems = currencyProblem(fee.currency);
  if (fee.percent === null && fee.amount === null) {
    problems.push({ path: '/percent', message: 'or amount is required' });
  } else if (fee.percent !== null && fee.amount !== null) {
    problems.push({ path: '/amount', message: 'cannot be given with percent: give one' });
  }
  if (fee.percent !== null) {
    const percent = new Decimal(fee.percent);
    if (percent.lt(0) || percent.gt(100)) {
      problems.push({ path: '/percent', message: 'must be from 0 to 100' });
    }
  }
  if (fee.amount !== null && fee.currency === null) {
    problems.push({ path: '/currency', message: 'is required with an amount' });
  }
  if (fee.amount === null && fee.currency !== null) {
    problems.push({ path: '/currency', message: 'is only for a flat amount' });
  }
  return problems;
}
