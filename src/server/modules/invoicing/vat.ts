// VAT of an invoice's lines, as plain data (D3). Two schemes:
// - standard: booking prices are what the customer pays (VAT included); each VAT rate's lines
//   are taken together, their net is the gross divided by (1 + rate) rounded once, and the VAT
//   is the rest, so the invoice's gross is exactly what the booking costs and every total is a
//   sum of lines (EN 16931 BR-CO-10/13/14/15; BR-CO-17 holds within its rounding tolerance).
// - margin: the EU special scheme for travel agents (VAT directive art. 306–310): the agency
//   owes VAT on its margin only, and the invoice shows gross prices with no VAT breakdown —
//   in EN 16931 terms, category E (exempt) at 0 % with the reason "Margin scheme - Travel
//   agents" (VATEX-EU-309), and the note the law asks for.
import Decimal from 'decimal.js';
import { rounding } from '../pricing/money.ts';

export type VatScheme = 'standard' | 'margin';
/** EN 16931 VAT category codes (UNCL 5305 subset) Caravel emits. */
export type VatCategory = 'S' | 'Z' | 'E';

export const marginScheme = {
  exemptionReason: 'Margin scheme - Travel agents',
  exemptionReasonCode: 'VATEX-EU-309',
  /** The note the invoice must carry (Directive art. 226(13); Czech VAT act § 89). */
  note: 'Margin scheme — Travel agents / Zvláštní režim – cestovní služby',
} as const;

export interface VatPolicy {
  scheme: VatScheme;
  /** Percent as decimal text: "21". */
  defaultRate: string;
  /** Rate per booking line kind ("room": "12"); kinds not named take the default. */
  ratesByKind: Readonly<Record<string, string>>;
}

/** The VAT rate of a booking line of `kind` under the standard scheme. */
export function vatRateOf(policy: VatPolicy, kind: string): string {
  return new Decimal(policy.ratesByKind[kind] ?? policy.defaultRate).toString();
}

/** A line to invoice: what the customer pays for it (VAT included), in minor units. */
export interface ChargeLine {
  description: string;
  quantity: number;
  gross: number;
  /** Percent under the standard scheme; ignored under the margin scheme. */
  rate: string;
  /** What the agency pays its supplier for it, when known (margin scheme). */
  cost?: number | null;
  bookingLinePosition?: number | null;
  creditedLinePosition?: number | null;
  /**
   * Present on an adjustment (a discount, a surcharge, a package or buy-N-get-M difference, an
   * agreed price): it has no VAT rate of its own but takes the rates of the lines it changes,
   * these indexes into the invoice's lines (every positive line when empty or none fits).
   */
  spreadOver?: readonly number[];
}

export interface VatLine {
  position: number;
  description: string;
  /** Negative for a line that takes money off (a discount): its price stays positive (BR-27). */
  quantity: number;
  /** Net price of one unit, rounded to the minor unit; never negative. */
  unitPrice: number;
  net: number;
  vatCategory: VatCategory;
  vatRate: string;
  vat: number;
  gross: number;
  bookingLinePosition: number | null;
  creditedLinePosition: number | null;
}

/** One row of the VAT breakdown (EN 16931 BG-23). */
export interface VatBreakdown {
  category: VatCategory;
  rate: string;
  taxable: number;
  vat: number;
  exemptionReason: string | null;
  exemptionReasonCode: string | null;
}

export interface VatResult {
  lines: VatLine[];
  breakdown: VatBreakdown[];
  net: number;
  vat: number;
  gross: number;
  /** Margin scheme: the VAT owed on the margin (not on the invoice); null when unknown. */
  marginVat: number | null;
}

const round = (value: Decimal): number => value.toDecimalPlaces(0, rounding).toNumber();

function unitPriceOf(net: number, quantity: number): { quantity: number; unitPrice: number } {
  const units = Math.max(1, Math.abs(quantity));
  return {
    quantity: net < 0 ? -units : units,
    unitPrice: round(new Decimal(Math.abs(net)).div(units)),
  };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Splits `amount` over `weights` (non-negative, not all zero) pro rata, rounded by the largest
 * remainder so that the parts sum exactly to `amount`; ties go to the earlier weight.
 */
export function splitProRata(amount: number, weights: readonly number[]): number[] {
  const total = sumOf(weights);
  if (total <= 0) throw new Error('nothing to split over');
  const size = Math.abs(amount);
  const exact = weights.map((w) => new Decimal(size).mul(w).div(total));
  const parts = exact.map((e) => e.floor().toNumber());
  let left = size - sumOf(parts);
  const order = exact
    .map((e, i) => ({ i, rest: e.minus(e.floor()) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts.map((p) => (amount < 0 ? -p : p));
}

/**
 * Standard scheme: an adjustment is taxed at the rates of the lines it changes, not at a rate
 * of its own. Each is spread over those lines pro rata to what is left of them (so a discount
 * no larger than they are never takes a line, or a rate, below zero) and becomes one line per
 * rate, whose parts sum exactly to it.
 */
export function spreadAdjustments(lines: readonly ChargeLine[]): ChargeLine[] {
  const isBasis = (line: ChargeLine) => line.spreadOver === undefined;
  const left = lines.map((line) => (isBasis(line) ? line.gross : 0));
  const out: ChargeLine[] = [];
  lines.forEach((line) => {
    if (isBasis(line)) {
      out.push(line);
      return;
    }
    const { spreadOver, ...rest } = line;
    const positive = (i: number) => isBasis(lines[i] as ChargeLine) && (left[i] as number) > 0;
    let basis = (spreadOver ?? []).filter((i) => i >= 0 && i < lines.length && positive(i));
    if (basis.length === 0) basis = lines.map((_, i) => i).filter(positive);
    if (basis.length === 0 || line.gross === 0) {
      out.push(rest);
      return;
    }
    const parts = splitProRata(
      line.gross,
      basis.map((i) => left[i] as number),
    );
    const byRate = new Map<string, number>();
    basis.forEach((i, k) => {
      const part = parts[k] as number;
      left[i] = (left[i] as number) + part;
      const rate = new Decimal((lines[i] as ChargeLine).rate).toString();
      byRate.set(rate, (byRate.get(rate) ?? 0) + part);
    });
    const rates = [...byRate].filter(([, gross]) => gross !== 0);
    for (const [rate, gross] of rates) {
      out.push({
        ...rest,
        description: rates.length > 1 ? `${line.description} (VAT ${rate} %)` : line.description,
        quantity: rates.length > 1 ? 1 : line.quantity,
        gross,
        rate,
      });
    }
  });
  return out;
}

/** Standard scheme: per rate, net = round(gross / (1 + rate)), VAT = gross − net. */
function standardVat(given: readonly ChargeLine[]): VatResult {
  const lines = spreadAdjustments(given);
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const rate = new Decimal(line.rate).toString();
    groups.set(rate, [...(groups.get(rate) ?? []), index]);
  });
  const nets = lines.map(() => 0);
  const breakdown: VatBreakdown[] = [];
  for (const [rate, indexes] of groups) {
    const divisor = new Decimal(1).plus(new Decimal(rate).div(100));
    const gross = sumOf(indexes.map((i) => (lines[i] as ChargeLine).gross));
    const net = round(new Decimal(gross).div(divisor));
    for (const i of indexes)
      nets[i] = round(new Decimal((lines[i] as ChargeLine).gross).div(divisor));
    // Lines rounded one by one may miss the rate's net by a few minor units: the largest line
    // takes the difference, so the lines sum exactly to the breakdown.
    const largest = indexes.reduce((best, i) =>
      Math.abs((lines[i] as ChargeLine).gross) > Math.abs((lines[best] as ChargeLine).gross)
        ? i
        : best,
    );
    nets[largest] = (nets[largest] as number) + net - sumOf(indexes.map((i) => nets[i] as number));
    const category: VatCategory = new Decimal(rate).isZero() ? 'Z' : 'S';
    breakdown.push({
      category,
      rate,
      taxable: net,
      vat: gross - net,
      exemptionReason: null,
      exemptionReasonCode: null,
    });
  }
  const vatLines = lines.map((line, position): VatLine => {
    const net = nets[position] as number;
    const rate = new Decimal(line.rate).toString();
    return {
      position,
      description: line.description,
      ...unitPriceOf(net, line.quantity),
      net,
      vatCategory: new Decimal(rate).isZero() ? 'Z' : 'S',
      vatRate: rate,
      vat: line.gross - net,
      gross: line.gross,
      bookingLinePosition: line.bookingLinePosition ?? null,
      creditedLinePosition: line.creditedLinePosition ?? null,
    };
  });
  const net = sumOf(vatLines.map((l) => l.net));
  const vat = sumOf(breakdown.map((b) => b.vat));
  return { lines: vatLines, breakdown, net, vat, gross: net + vat, marginVat: null };
}

/**
 * Margin scheme: no VAT on the invoice. The VAT the agency owes is on its margin, VAT
 * included (art. 308): margin × rate / (100 + rate), nothing on a loss; null when a cost is
 * unknown.
 */
function marginVat(lines: readonly ChargeLine[], standardRate: string): VatResult {
  const vatLines = lines.map(
    (line, position): VatLine => ({
      position,
      description: line.description,
      ...unitPriceOf(line.gross, line.quantity),
      net: line.gross,
      vatCategory: 'E',
      vatRate: '0',
      vat: 0,
      gross: line.gross,
      bookingLinePosition: line.bookingLinePosition ?? null,
      creditedLinePosition: line.creditedLinePosition ?? null,
    }),
  );
  const gross = sumOf(lines.map((l) => l.gross));
  const costs = lines.map((l) => l.cost);
  const margin = costs.every((c) => typeof c === 'number')
    ? gross - sumOf(costs as number[])
    : null;
  const rate = new Decimal(standardRate);
  return {
    lines: vatLines,
    breakdown: [
      {
        category: 'E',
        rate: '0',
        taxable: gross,
        vat: 0,
        exemptionReason: marginScheme.exemptionReason,
        exemptionReasonCode: marginScheme.exemptionReasonCode,
      },
    ],
    net: gross,
    vat: 0,
    gross,
    marginVat:
      margin === null
        ? null
        : margin <= 0
          ? 0
          : round(new Decimal(margin).mul(rate).div(rate.plus(100))),
  };
}

/** The VAT of `lines` under `scheme`; `standardRate` is the rate the margin is taxed at. */
export function computeVat(
  scheme: VatScheme,
  lines: readonly ChargeLine[],
  standardRate: string,
): VatResult {
  if (lines.length === 0) throw new Error('an invoice needs at least one line');
  for (const line of lines) {
    if (!Number.isSafeInteger(line.gross))
      throw new Error(`gross ${line.gross} is not minor units`);
    if (new Decimal(line.rate).isNegative()) throw new Error(`VAT rate ${line.rate} is negative`);
  }
  switch (scheme) {
    case 'standard':
      return standardVat(lines);
    case 'margin':
      return marginVat(lines, standardRate);
    default:
      return scheme satisfies never;
  }
}
