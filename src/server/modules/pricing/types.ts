// The price model of a tour operator, as plain data the engine reads. The database layer
// (price-lists-repo.ts) loads these shapes; the engine (engine.ts) never does I/O.
//
// Amounts are integers in the minor unit of their currency (see money.ts). Percentages are
// decimal strings ("12.5"), never floats, so 12.5 % of 1999 rounds the same everywhere.
import type { CalendarDate } from '../../calendar.ts';

export type ProductKind = 'tour' | 'transport' | 'attraction' | 'extra_service';

export const channels = ['web', 'phone', 'email', 'walk_in', 'marketplace', 'gds', 'api'] as const;
export type Channel = (typeof channels)[number];

/**
 * Channels where the booking arrives without staff typing it (the portal, marketplaces, GDS,
 * partners' API); the others (phone, e-mail, walk-in) are entered by hand. Reports and the
 * back-office list split bookings this way (B4).
 */
export const onlineChannels: readonly Channel[] = ['web', 'marketplace', 'gds', 'api'];

export function isOnline(channel: string): boolean {
  return (onlineChannels as readonly string[]).includes(channel);
}

/**
 * A period of a price list: the nights (tours), travel dates (transport, tickets, services)
 * it prices, `to` inclusive. Periods may overlap: on each date the one with the highest
 * `priority` wins, so a special price for one week sits on top of its season. A fixed
 * departure is priced by the period holding its start date.
 */
export interface PricePeriod {
  /** Short and unique in its list ("summer-high"); rows name their period by it. */
  code: string;
  name: string;
  from: CalendarDate;
  to: CalendarDate;
  priority: number;
}

/**
 * Child age bands of a price list: `minAge` inclusive, `maxAge` exclusive, in whole years
 * at the start of travel (0–2 is "0 to 1.99"). A child older than every band is an error:
 * the traveller is booked as an adult. `needsBed: false` (infants in a cot) takes no bed.
 */
export interface ChildBand {
  code: string;
  minAge: number;
  maxAge: number;
  needsBed: boolean;
}

/**
 * What a price row charges for:
 * - `room`: a room, optionally by its number of occupants (`occupancy`);
 * - `person`: a guest on a standard bed (or a traveller of transport / tickets / services),
 *   an adult when `childBand` is null, optionally by persons in the room (`occupancy`);
 * - `extra_bed`: a guest on an extra bed (adult, or a child band);
 * - `empty_bed`: a standard bed left empty (a double sold to one person);
 * - `booking`: once per booking (a flat service price).
 */
export type PriceCharge = 'room' | 'person' | 'extra_bed' | 'empty_bed' | 'booking';

/** Per night of the stay, or once for the whole stay / trip / ticket. */
export type PriceBasis = 'night' | 'stay';

export interface PriceRow {
  /** The `code` of a period of the same list. */
  period: string;
  charge: PriceCharge;
  basis: PriceBasis;
  /** Tours: the room type priced; null prices every room type of the tour. */
  roomTypeId: string | null;
  /** Transport: the class; null for every class. */
  classCode: string | null;
  /** Transport: the boarding stop (its code, or name); null for every stop. */
  boardingPoint: string | null;
  /** Attractions: the ticket type; null for every ticket type. */
  ticketTypeId: string | null;
  /** `room`: occupants of the room; `person`: persons in the room. Null for any number. */
  occupancy: number | null;
  /** `person`/`extra_bed` rows for a child band (its `code`); null for adults. */
  childBand: string | null;
  /** The price, minor units of the list's currency; null when `percentOfAdult` is given. */
  amount: number | null;
  /** Child rows: a percentage of the matching adult price ("50" = half). */
  percentOfAdult: string | null;
  /** Insurance-style services: a percentage of the trip's price before this service. */
  percentOfTrip: string | null;
  /** The purchase price, minor units of the list's `costCurrency`; null when unknown. */
  cost: number | null;
}

/** A fee tier of a cancellation policy: cancelled `daysBefore` or more days ahead → percent. */
export interface CancellationTier {
  daysBefore: number;
  percent: string;
}

/**
 * What changing a booking costs (B6): `amount` minor units of the list's currency, once per
 * change of a booking; free when the change is made `freeDaysBefore` or more days before
 * travel (null: never free).
 */
export interface ChangeFee {
  amount: number;
  freeDaysBefore: number | null;
}

/**
 * Demand pricing: each tier that matches (load factor at least `minLoadFactor`, departure
 * within `maxDaysToDeparture` / at least `minDaysToDeparture` days) adds `adjustPercent`
 * (negative to lower). The sum is held between `floorPercent` and `ceilingPercent` of the
 * list price, so a price never drops below its floor or rises over its ceiling.
 */
export interface DynamicPricing {
  tiers: Array<{
    minLoadFactor: string | null;
    minDaysToDeparture: number | null;
    maxDaysToDeparture: number | null;
    adjustPercent: string;
  }>;
  floorPercent: string;
  ceilingPercent: string;
}

/**
 * The prices of one product in one currency: public, or for one corporate customer (which
 * then wins over the public list for that customer).
 */
export interface PriceList {
  id: string;
  name: string;
  productKind: ProductKind;
  productId: string;
  currency: string;
  costCurrency: string | null;
  customerId: string | null;
  periods: PricePeriod[];
  childBands: ChildBand[];
  rows: PriceRow[];
  cancellation: CancellationTier[];
  dynamic: DynamicPricing | null;
  /** Absent or null: changing a booking is free. */
  changeFee?: ChangeFee | null;
}

/**
 * Discounts and surcharges:
 * - `early_booking`: booked at least `minDaysBefore` days ahead;
 * - `last_minute`: booked at most `maxDaysBefore` days ahead;
 * - `promo_code`: applies with a valid code of the rule (see PromoCode);
 * - `discount` / `surcharge`: by validity window and scope alone;
 * - `package`: the product with every `bundleServiceIds` service (and transport when
 *   `bundleTransport`) costs `packageAmount` per person;
 * - `bogo`: of every `buy + get` travellers, the `get` cheapest get `percent` off;
 * - `non_refundable`: a rate plan the customer chooses: `percent` off, no refunds;
 * - `min_advance`: not a price, a condition: the product cannot be booked later than
 *   `minDaysBefore` days ahead.
 */
export type RuleKind =
  | 'early_booking'
  | 'last_minute'
  | 'promo_code'
  | 'discount'
  | 'surcharge'
  | 'package'
  | 'bogo'
  | 'non_refundable'
  | 'min_advance';

/** Rule kinds that lower the price: their percent is how much off (the kind gives the sign). */
export const reductionKinds: ReadonlySet<RuleKind> = new Set([
  'early_booking',
  'last_minute',
  'promo_code',
  'discount',
  'non_refundable',
  'bogo',
]);

export interface PriceRule {
  id: string;
  name: string;
  kind: RuleKind;
  /** Products the rule applies to; empty for every product of the agency. */
  productIds: string[];
  /** Sale window: the booking date must lie in it (either end may be open). */
  bookedFrom: CalendarDate | null;
  bookedTo: CalendarDate | null;
  /** Travel window: the start of travel must lie in it. */
  travelFrom: CalendarDate | null;
  travelTo: CalendarDate | null;
  minDaysBefore: number | null;
  maxDaysBefore: number | null;
  /** A percentage of the base price (decimal string), or … */
  percent: string | null;
  /** … an amount per person or per booking, in `currency`. */
  amount: number | null;
  amountPer: 'person' | 'booking' | null;
  currency: string | null;
  bundleServiceIds: string[];
  bundleTransport: boolean;
  buy: number | null;
  get: number | null;
  /** Higher first; among non-stackable rules that apply, only the highest is used. */
  priority: number;
  stackable: boolean;
}

export interface PromoCode {
  code: string;
  ruleId: string;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  maxUses: number | null;
  used: number;
}

/**
 * What a channel adds: a `fee` the customer pays (a line of the quote), or a `commission`
 * the agency pays the channel (a cost, lowering the margin). Percent of the total or a flat
 * amount per booking.
 */
export interface ChannelFee {
  id: string;
  name: string;
  channel: Channel;
  kind: 'fee' | 'commission';
  percent: string | null;
  amount: number | null;
  currency: string | null;
}
