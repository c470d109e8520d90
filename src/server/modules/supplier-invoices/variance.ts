// Expected against actual supplier cost (A2), as pure functions over amounts already in the
// agency's base currency. A match (a part of an invoice) covers one line or every line of a
// departure or allotment; a line may be covered by several matches (two invoices, or an
// invoice for its line and another for its whole departure). So that every figure adds up
// whatever it is grouped by, both sides are spread in proportion:
//   - a match's amount over the lines it covers, by what each line costs;
//   - a line's cost over the matches that cover it, by how much of each falls on the line.
// Each (match, line) pair is then a fact with an actual and an expected amount; an invoice,
// a supplier, a tour, a departure or a line sums its facts, and no cost is counted twice.
import Decimal from 'decimal.js';
import { allocate, money } from '../pricing/money.ts';

export interface CoveredLine {
  id: string;
  /** What the line costs now, in the base currency: 0 once cancelled or replaced. */
  expected: number;
}

export interface MatchCover {
  id: string;
  invoiceId: string;
  /** The matched amount in the base currency. */
  actual: number;
  /** The lines it covers (for a line match, that line, even if it no longer counts). */
  lineIds: readonly string[];
}

export interface Fact {
  matchId: string;
  invoiceId: string;
  /** Null when the match covers no line at all (a departure nobody booked). */
  lineId: string | null;
  actual: number;
  expected: number;
}

/** Splits `amount` by `weights`; equal parts when every weight is 0. */
function spread(amount: number, weights: readonly number[], currency: string): number[] {
  const positive = weights.map((w) => Math.max(0, w));
  const all = positive.some((w) => w > 0) ? positive : positive.map(() => 1);
  const sign = amount < 0 ? -1 : 1;
  return allocate(money(Math.abs(amount), currency), all).map((m) => sign * m.amount || 0);
}

/** The facts of the matches: every (match, line) pair with its share of both amounts. */
export function factsOf(
  matches: readonly MatchCover[],
  lines: ReadonlyMap<string, CoveredLine>,
  currency: string,
): Fact[] {
  const facts: Fact[] = [];
  for (const match of matches) {
    const covered = match.lineIds.filter((id) => lines.has(id));
    if (covered.length === 0) {
      facts.push({ ...ids(match), lineId: null, actual: match.actual, expected: 0 });
      continue;
    }
    const shares = spread(
      match.actual,
      covered.map((id) => lines.get(id)?.expected ?? 0),
      currency,
    );
    covered.forEach((lineId, i) => {
      facts.push({ ...ids(match), lineId, actual: shares[i] ?? 0, expected: 0 });
    });
  }
  const byLine = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.lineId === null) continue;
    const list = byLine.get(fact.lineId) ?? [];
    list.push(fact);
    byLine.set(fact.lineId, list);
  }
  for (const [lineId, onLine] of byLine) {
    const expected = lines.get(lineId)?.expected ?? 0;
    const shares = spread(
      expected,
      onLine.map((f) => f.actual),
      currency,
    );
    onLine.forEach((fact, i) => {
      fact.expected = shares[i] ?? 0;
    });
  }
  return facts;
}

function ids(match: MatchCover) {
  return { matchId: match.id, invoiceId: match.invoiceId };
}

/** The variance an agency tolerates: the larger of a share of the expected and an amount. */
export interface Tolerance {
  /** Percent, "2" for 2 %. */
  percent: string;
  /** Minor units of the base currency. */
  amount: number;
}

export interface Variance {
  expected: number;
  actual: number;
  /** Actual less expected: positive when the supplier billed more. */
  variance: number;
  /** The variance as a fraction of the expected; null when nothing was expected. */
  variancePct: number | null;
  /** Beyond tolerance: to be reviewed. */
  flagged: boolean;
}

/** The tolerance in minor units for an expected amount. */
export function allowedVariance(expected: number, tolerance: Tolerance): number {
  const share = new Decimal(Math.abs(expected)).mul(tolerance.percent).div(100);
  return Decimal.max(share, tolerance.amount).toNumber();
}

export function varianceOf(expected: number, actual: number, tolerance: Tolerance): Variance {
  const variance = actual - expected;
  return {
    expected,
    actual,
    variance,
    variancePct:
      expected === 0 ? null : new Decimal(variance).div(expected).toDecimalPlaces(6).toNumber(),
    flagged: Math.abs(variance) > allowedVariance(expected, tolerance),
  };
}

/**
 * An invoice's amount and its matched parts in the base currency, the parts and the
 * unmatched rest summing exactly to the whole (the whole converted once, then spread).
 */
export function invoiceInBase(
  amount: number,
  matched: readonly number[],
  rate: string,
  baseCurrency: string,
): { whole: number; parts: number[]; unmatched: number } {
  const whole = new Decimal(amount).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const rest = amount - matched.reduce((a, b) => a + b, 0);
  if (amount === 0) return { whole, parts: matched.map(() => 0), unmatched: 0 };
  const split = allocate(money(whole, baseCurrency), [...matched, Math.max(0, rest)]);
  return {
    whole,
    parts: split.slice(0, matched.length).map((m) => m.amount),
    unmatched: split[matched.length]?.amount ?? 0,
  };
}
