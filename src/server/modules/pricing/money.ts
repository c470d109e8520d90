// Money as Caravel keeps it: an integer amount in the currency's minor unit (ISO 4217:
// cents for EUR, none for JPY, fils for BHD) and the currency code. Sums stay integers;
// anything that multiplies or converts goes through decimal.js and is rounded once, by one
// rule: half away from zero to the currency's minor unit.
import currencyCodes from 'currency-codes';
import Decimal from 'decimal.js';

export interface Money {
  amount: number;
  currency: string;
}

/** The one rounding rule: half away from zero (0.5 → 1, −0.5 → −1). */
export const rounding = Decimal.ROUND_HALF_UP;

/** Decimal places of the currency's minor unit (ISO 4217); unknown codes are an error. */
export function minorUnitDigits(currency: string): number {
  const entry = currencyCodes.code(currency);
  if (!entry || !/^[A-Z]{3}$/.test(currency)) throw new Error(`unknown currency ${currency}`);
  return entry.digits;
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes.code(code) !== undefined;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new Error(`money amounts are integers, got ${amount}`);
  minorUnitDigits(currency);
  return { amount, currency };
}

export const zero = (currency: string): Money => money(0, currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new Error(`cannot combine ${a.currency} and ${b.currency} without a conversion`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((total, item) => add(total, item), zero(currency));
}

/** The amount as a decimal in major units: 12345 CZK minor → 123.45. */
export function toMajor(value: Money): Decimal {
  return new Decimal(value.amount).div(new Decimal(10).pow(minorUnitDigits(value.currency)));
}

/** A decimal amount in major units, rounded once to the currency's minor unit. */
export function fromMajor(major: Decimal.Value, currency: string): Money {
  const digits = minorUnitDigits(currency);
  const minor = new Decimal(major).mul(new Decimal(10).pow(digits)).toDecimalPlaces(0, rounding);
  return money(minor.toNumber(), currency);
}

/** Multiplies by a factor (a quantity, a percentage as 0.15, a night count), rounding once. */
export function multiply(value: Money, factor: Decimal.Value): Money {
  const minor = new Decimal(value.amount).mul(factor).toDecimalPlaces(0, rounding);
  return money(minor.toNumber(), value.currency);
}

/**
 * Converts at `rate` units of `to` per one unit of `from` (the way ECB publishes: 1 EUR =
 * 25.305 CZK), rounding once to the target's minor unit.
 */
export function convert(value: Money, to: string, rate: Decimal.Value): Money {
  if (new Decimal(rate).lte(0)) throw new Error(`an exchange rate must be positive, got ${rate}`);
  if (value.currency === to) return value;
  return fromMajor(toMajor(value).mul(rate), to);
}

/**
 * Splits an amount into parts proportional to `weights`, the parts summing exactly to the
 * amount (largest remainders get the leftover minor units): how a package price or a
 * discount is spread over lines without a cent going missing.
 */
export function allocate(value: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new Error('allocate needs at least one weight');
  if (weights.some((w) => w < 0)) throw new Error('allocation weights cannot be negative');
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => money(i === 0 ? value.amount : 0, value.currency));
  const exact = weights.map((w) => new Decimal(value.amount).mul(w).div(total));
  const floors = exact.map((d) => d.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
  let left = value.amount - floors.reduce((a, d) => a + d.toNumber(), 0);
  const order = exact
    .map((d, i) => ({ i, remainder: d.minus(floors[i] as Decimal) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const parts = floors.map((d) => d.toNumber());
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts.map((amount) => money(amount, value.currency));
}

// Building an Intl.NumberFormat costs far more than using one: keep one per locale and currency.
const formatters = new Map<string, Intl.NumberFormat>();

/** For people: `1 234,50 Kč` in Czech, `€1,234.50` in English. */
export function format(value: Money, locale: string): string {
  const key = `${locale}|${value.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = minorUnitDigits(value.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(toMajor(value).toNumber());
}
