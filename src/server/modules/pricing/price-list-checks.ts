// Pure checks of a price list's own parts: currencies, periods, child bands, cancellation
// tiers and demand pricing, and which changes its rows would no longer fit. Plain data in,
// `FieldError`s (JSON pointers into the request) out; nothing here does I/O.
import Decimal from 'decimal.js';
import type { FieldError } from '../../errors.ts';
import { isCurrency } from './money.ts';
import type { PriceListFields } from './price-lists-repo.ts';
import type {
  CancellationTier,
  ChangeFee,
  ChildBand,
  DynamicPricing,
  PricePeriod,
  PriceRow,
} from './types.ts';

function repeats<T>(items: readonly T[], keyOf: (item: T) => string, path: (i: number) => string) {
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.push({ path: path(index), message: `repeats ${key} (given at index ${first})` });
  });
  return problems;
}

export function currencyProblems(currency: string, costCurrency: string | null): FieldError[] {
  const problems: FieldError[] = [];
  if (!isCurrency(currency)) {
    problems.push({ path: '/currency', message: 'is not an ISO 4217 currency code' });
  }
  if (costCurrency !== null && !isCurrency(costCurrency)) {
    problems.push({ path: '/costCurrency', message: 'is not an ISO 4217 currency code' });
  }
  return problems;
}

/** Periods: `from <= to`, codes unique, and no two of one priority sharing a date. */
export function periodProblems(periods: readonly PricePeriod[]): FieldError[] {
  const problems = repeats(
    periods,
    (p) => p.code,
    (i) => `/periods/${i}/code`,
  );
  periods.forEach((period, index) => {
    if (period.to < period.from) {
      problems.push({
        path: `/periods/${index}/to`,
        message: `must be on or after from (${period.from})`,
      });
      return;
    }
    const clash = periods.find(
      (other, j) =>
        j < index &&
        other.priority === period.priority &&
        other.from <= other.to &&
        other.from <= period.to &&
        period.from <= other.to,
    );
    if (clash) {
      problems.push({
        path: `/periods/${index}/from`,
        message: `overlaps period ${clash.code} (${clash.from} to ${clash.to}) of the same priority ${period.priority}; give one a higher priority to put it on top`,
      });
    }
  });
  return problems;
}

/** Child bands: `minAge < maxAge`, codes unique, no age in two bands. */
export function bandProblems(bands: readonly ChildBand[]): FieldError[] {
  const problems = repeats(
    bands,
    (b) => b.code,
    (i) => `/childBands/${i}/code`,
  );
  bands.forEach((band, index) => {
    if (band.maxAge <= band.minAge) {
      problems.push({
        path: `/childBands/${index}/maxAge`,
        message: `must be above minAge (${band.minAge}); maxAge is exclusive`,
      });
      return;
    }
    const clash = bands.find(
      (other, j) =>
        j < index &&
        other.minAge < other.maxAge &&
        other.minAge < band.maxAge &&
        band.minAge < other.maxAge,
    );
    if (clash) {
      problems.push({
        path: `/childBands/${index}/minAge`,
        message: `overlaps band ${clash.code} (${clash.minAge} to ${clash.maxAge}): an age falls in one band only`,
      });
    }
  });
  return problems;
}

export function cancellationProblems(tiers: readonly CancellationTier[]): FieldError[] {
  const problems = repeats(
    tiers,
    (t) => String(t.daysBefore),
    (i) => `/cancellation/${i}/daysBefore`,
  );
  tiers.forEach((tier, index) => {
    if (tier.daysBefore < 0) {
      problems.push({ path: `/cancellation/${index}/daysBefore`, message: 'must be 0 or more' });
    }
    const percent = new Decimal(tier.percent);
    if (percent.lt(0) || percent.gt(100)) {
      problems.push({ path: `/cancellation/${index}/percent`, message: 'must be from 0 to 100' });
    }
  });
  return problems;
}

/** A change fee: whole minor units of 0 or more; free from 0 or more days before travel. */
export function changeFeeProblems(changeFee: ChangeFee | null): FieldError[] {
  if (changeFee === null) return [];
  const problems: FieldError[] = [];
  if (!Number.isSafeInteger(changeFee.amount) || changeFee.amount < 0) {
    problems.push({
      path: '/changeFee/amount',
      message: 'must be a whole number of minor units, 0 or more',
    });
  }
  const free = changeFee.freeDaysBefore;
  if (free !== null && (!Number.isInteger(free) || free < 0)) {
    problems.push({
      path: '/changeFee/freeDaysBefore',
      message: 'must be a whole number of days, 0 or more (or null: never free)',
    });
  }
  return problems;
}

export function dynamicProblems(dynamic: DynamicPricing | null): FieldError[] {
  if (dynamic === null) return [];
  const problems: FieldError[] = [];
  if (new Decimal(dynamic.floorPercent).gt(0)) {
    problems.push({
      path: '/dynamic/floorPercent',
      message: 'must be 0 or below: it is how far demand may lower the list price',
    });
  }
  if (new Decimal(dynamic.ceilingPercent).lt(0)) {
    problems.push({
      path: '/dynamic/ceilingPercent',
      message: 'must be 0 or above: it is how far demand may raise the list price',
    });
  }
  dynamic.tiers.forEach((tier, index) => {
    const path = `/dynamic/tiers/${index}`;
    if (tier.minLoadFactor !== null) {
      const factor = new Decimal(tier.minLoadFactor);
      if (factor.lt(0) || factor.gt(1)) {
        problems.push({ path: `${path}/minLoadFactor`, message: 'must be from 0 to 1' });
      }
    }
    if (
      tier.minDaysToDeparture !== null &&
      tier.maxDaysToDeparture !== null &&
      tier.maxDaysToDeparture < tier.minDaysToDeparture
    ) {
      problems.push({
        path: `${path}/maxDaysToDeparture`,
        message: `must be at least minDaysToDeparture (${tier.minDaysToDeparture})`,
      });
    }
  });
  return problems;
}

/** Everything wrong with a list's own parts (not its rows). */
export function listProblems(list: PriceListFields): FieldError[] {
  return [
    ...currencyProblems(list.currency, list.costCurrency),
    ...periodProblems(list.periods),
    ...bandProblems(list.childBands),
    ...cancellationProblems(list.cancellation),
    ...dynamicProblems(list.dynamic),
    ...changeFeeProblems(list.changeFee),
  ];
}

/**
 * What a change of a list would leave its rows without: a period or child band still used,
 * or the currency (or cost currency) the rows' amounts are in.
 */
export function usageProblems(
  rows: readonly PriceRow[],
  before: PriceListFields,
  next: PriceListFields,
): FieldError[] {
  const problems: FieldError[] = [];
  const periods = new Set(next.periods.map((p) => p.code));
  const bands = new Set(next.childBands.map((b) => b.code));
  const count = (test: (row: PriceRow) => boolean) => rows.filter(test).length;
  for (const code of new Set(rows.map((r) => r.period))) {
    if (!periods.has(code)) {
      problems.push({
        path: '/periods',
        message: `period ${code} is used by ${count((r) => r.period === code)} row(s); change or remove those rows first`,
      });
    }
  }
  for (const code of new Set(rows.flatMap((r) => (r.childBand ? [r.childBand] : [])))) {
    if (!bands.has(code)) {
      problems.push({
        path: '/childBands',
        message: `child band ${code} is used by ${count((r) => r.childBand === code)} row(s); change or remove those rows first`,
      });
    }
  }
  if (rows.length > 0 && next.currency !== before.currency) {
    problems.push({
      path: '/currency',
      message: `the list has ${rows.length} row(s) priced in ${before.currency}; create a list in ${next.currency} instead`,
    });
  }
  const costed = count((r) => r.cost !== null);
  if (costed > 0 && next.costCurrency !== before.costCurrency) {
    problems.push({
      path: '/costCurrency',
      message: `${costed} row(s) have costs in ${before.costCurrency}; clear those costs first`,
    });
  }
  return problems;
}
