// Amounts into the quote's currency: every conversion goes through one place, which
// records the rate it used so the quote (and later the booking) can show it.
import Decimal from 'decimal.js';
import { Conflict } from '../../errors.ts';
import type { RecordedRate } from './engine-types.ts';
import { convert, money, multiply } from './money.ts';

export class Pricer {
  private readonly used = new Map<string, RecordedRate>();

  constructor(
    readonly currency: string,
    private readonly lookup: (from: string, to: string) => RecordedRate | undefined,
  ) {}

  /** `amount` minor units of `from` in the quote's currency, rounded once. */
  toQuote(amount: number, from: string): number {
    if (from === this.currency) return amount;
    const key = `${from}>${this.currency}`;
    let rate = this.used.get(key);
    if (!rate) {
      rate = this.lookup(from, this.currency);
      if (!rate) {
        throw new Conflict(`no exchange rate from ${from} to ${this.currency}`, [
          {
            path: '/currency',
            message: `prices are kept in ${from} and there is no ${from}→${this.currency} exchange rate`,
          },
        ]);
      }
      this.used.set(key, rate);
    }
    return convert(money(amount, from), this.currency, rate.rate).amount;
  }

  rates(): RecordedRate[] {
    return [...this.used.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
  }
}

/** `percent` % of `amount` ("12.5" of 1999 = 249.875 → 250), rounded once. */
export function percentOf(amount: number, percent: string, currency: string): number {
  return multiply(money(amount, currency), new Decimal(percent).div(100)).amount;
}
