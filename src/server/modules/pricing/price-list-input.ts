// A price list as a request gives it, and its one normal form: optional attributes become
// null, names are trimmed, percentages are canonical decimal strings ("12.5", not "12.50"),
// and only the known fields of periods, bands and tiers are kept for the jsonb columns.
import { canonicalDecimal, canonicalDecimalOrNull } from './decimal-text.ts';
import type { PriceListFields } from './price-lists-repo.ts';
import type { CellKeyFields } from './price-row-checks.ts';
import type {
  CancellationTier,
  ChildBand,
  DynamicPricing,
  PriceBasis,
  PriceCharge,
  PricePeriod,
  PriceRow,
  ProductKind,
} from './types.ts';

export interface CellKeyInput {
  period: string;
  charge: PriceCharge;
  basis: PriceBasis;
  roomTypeId?: string | null;
  classCode?: string | null;
  boardingPoint?: string | null;
  ticketTypeId?: string | null;
  occupancy?: number | null;
  childBand?: string | null;
}

export interface PriceRowInput extends CellKeyInput {
  amount?: number | null;
  percentOfAdult?: string | null;
  percentOfTrip?: string | null;
  cost?: number | null;
}

export interface DynamicPricingInput {
  tiers: Array<{
    minLoadFactor?: string | null;
    minDaysToDeparture?: number | null;
    maxDaysToDeparture?: number | null;
    adjustPercent: string;
  }>;
  floorPercent: string;
  ceilingPercent: string;
}

export interface PriceListInput {
  name: string;
  productKind: ProductKind;
  productId: string;
  currency: string;
  costCurrency?: string | null;
  customerId?: string | null;
  periods: Array<Omit<PricePeriod, 'priority'> & { priority?: number }>;
  childBands?: Array<Omit<ChildBand, 'needsBed'> & { needsBed?: boolean }>;
  cancellation?: CancellationTier[];
  dynamic?: DynamicPricingInput | null;
  changeFee?: { amount: number; freeDaysBefore?: number | null } | null;
}

export function normalizeCellKey(input: CellKeyInput): CellKeyFields {
  return {
    period: input.period,
    charge: input.charge,
    basis: input.basis,
    roomTypeId: input.roomTypeId ?? null,
    classCode: input.classCode ?? null,
    boardingPoint: input.boardingPoint ?? null,
    ticketTypeId: input.ticketTypeId ?? null,
    occupancy: input.occupancy ?? null,
    childBand: input.childBand ?? null,
  };
}

export function normalizeRow(input: PriceRowInput): PriceRow {
  return {
    ...normalizeCellKey(input),
    amount: input.amount ?? null,
    percentOfAdult: canonicalDecimalOrNull(input.percentOfAdult),
    percentOfTrip: canonicalDecimalOrNull(input.percentOfTrip),
    cost: input.cost ?? null,
  };
}

function normalizeDynamic(input: DynamicPricingInput): DynamicPricing {
  return {
    tiers: input.tiers.map((tier) => ({
      minLoadFactor: canonicalDecimalOrNull(tier.minLoadFactor),
      minDaysToDeparture: tier.minDaysToDeparture ?? null,
      maxDaysToDeparture: tier.maxDaysToDeparture ?? null,
      adjustPercent: canonicalDecimal(tier.adjustPercent),
    })),
    floorPercent: canonicalDecimal(input.floorPercent),
    ceilingPercent: canonicalDecimal(input.ceilingPercent),
  };
}

/** The list's own fields (everything but its rows) in normal form. */
export function normalizeListParts(input: PriceListInput): PriceListFields {
  return {
    name: input.name.trim(),
    productKind: input.productKind,
    productId: input.productId,
    currency: input.currency,
    costCurrency: input.costCurrency ?? null,
    customerId: input.customerId ?? null,
    periods: input.periods.map((p) => ({
      code: p.code,
      name: p.name.trim(),
      from: p.from,
      to: p.to,
      priority: p.priority ?? 0,
    })),
    childBands: (input.childBands ?? []).map((b) => ({
      code: b.code,
      minAge: b.minAge,
      maxAge: b.maxAge,
      needsBed: b.needsBed ?? true,
    })),
    cancellation: (input.cancellation ?? []).map((t) => ({
      daysBefore: t.daysBefore,
      percent: canonicalDecimal(t.percent),
    })),
    dynamic: input.dynamic ? normalizeDynamic(input.dynamic) : null,
    changeFee: input.changeFee
      ? { amount: input.changeFee.amount, freeDaysBefore: input.changeFee.freeDaysBefore ?? null }
      : null,
  };
}
