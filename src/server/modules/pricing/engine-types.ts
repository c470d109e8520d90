// What the pricing engine is asked (a product, dates, a party, its rooms and extras, the
// price lists and rules in force) and what it answers: a quote whose lines explain every
// minor unit of its total.
import type { CalendarDate } from '../../calendar.ts';
import type { ExtraServiceKind, ExtraServiceUnit, TicketCategory } from '../../db/schema.ts';
import type {
  CancellationTier,
  ChangeFee,
  Channel,
  ChannelFee,
  PriceList,
  PriceRule,
  ProductKind,
  PromoCode,
  RuleKind,
} from './types.ts';

export interface RoomTypeInfo {
  id: string;
  code: string;
  name: string;
  maxAdults: number;
  maxChildren: number;
  standardBeds: number;
  extraBeds: number;
}

export interface TicketTypeInfo {
  id: string;
  category: TicketCategory;
  name: string;
  minAge: number | null;
  maxAge: number | null;
}

/** The product quoted, with what the engine needs to know of it. */
export type PricedProduct =
  | { kind: 'tour'; id: string; name: string; roomTypes: RoomTypeInfo[] }
  | { kind: 'attraction'; id: string; name: string; ticketTypes: TicketTypeInfo[] }
  | { kind: 'transport'; id: string; name: string; classCodes: string[] };

export interface Party {
  adults: number;
  childAges: number[];
}

/** One room of a tour and who sleeps in it. */
export interface RoomRequest {
  roomTypeId: string;
  adults: number;
  childAges: number[];
}

/** A transport leg priced beside a tour (its outbound or return departure). */
export interface TransportLeg {
  transportId: string;
  name: string;
  date: CalendarDate;
  classCode: string;
  boardingPoint: string | null;
  direction: 'outbound' | 'return';
}

export interface ExtraRequest {
  service: { id: string; name: string; kind: ExtraServiceKind; unit: ExtraServiceUnit };
  /** Units asked; null lets the service's unit decide (persons, nights, days). */
  quantity: number | null;
  date: CalendarDate | null;
}

/** An exchange rate the quote used, recorded with it: units of `to` per one `from`. */
export interface RecordedRate {
  from: string;
  to: string;
  rate: string;
  date: CalendarDate;
  source: string;
}

export interface PricingRequest {
  product: PricedProduct;
  /** Tours: check-in and check-out (the morning after the last night). Others: the travel
   *  date twice. */
  start: CalendarDate;
  end: CalendarDate;
  party: Party;
  /** Tours: the rooms and who is in each. */
  rooms: RoomRequest[];
  /** A fixed departure: every night takes the period of the start date (a week sold as one
   *  product is one price, even when its nights cross into the next season). */
  fixedDeparture?: boolean;
  /** Transport sold alone: the class and boarding stop. */
  classCode?: string | null;
  boardingPoint?: string | null;
  transport: TransportLeg[];
  extras: ExtraRequest[];
  bookingDate: CalendarDate;
  channel: Channel;
  customerId: string | null;
  currency: string;
  /** The agency's own currency: the list used when none is in `currency`. */
  baseCurrency: string;
  /** The code asked for, and what the store knows of it (undefined: no such code). */
  promo: { code: string; found: PromoCode | undefined } | null;
  ratePlan: 'flexible' | 'non_refundable';
  priceLists: PriceList[];
  rules: PriceRule[];
  fees: ChannelFee[];
  /** Looks up a rate (already read from the store); undefined when there is none. */
  rate: (from: string, to: string) => RecordedRate | undefined;
  /** Sold share of the product's capacity for these dates, "0.85"; null when unknown. */
  loadFactor: string | null;
}

export type LineKind =
  | 'room'
  | 'person'
  | 'extra_bed'
  | 'empty_bed'
  | 'transport'
  | 'ticket'
  | 'service'
  | 'booking'
  | 'dynamic'
  | 'discount'
  | 'surcharge'
  | 'fee'
  | 'commission';

/** Lines of what is bought (a room, a bed, a seat, a ticket, a service), not rules or fees. */
export const boughtLineKinds = [
  'room',
  'person',
  'extra_bed',
  'empty_bed',
  'transport',
  'ticket',
  'service',
] as const satisfies readonly LineKind[];

/**
 * One line of a quote: what it is, for whom, when, unit price × quantity, the rule that made
 * it. `amount` is exactly `unitPrice × quantity`; rule lines have quantity 1. Costs are in
 * the quote's currency (converted once, at the recorded rate); null when unknown.
 */
export interface QuoteLine {
  kind: LineKind;
  productKind: ProductKind;
  productId: string;
  label: string;
  /** Travellers the line is for: indexes into the party, adults first, then children. */
  travellers: number[];
  /** Index of the room (tours). */
  room: number | null;
  /** The dates covered: first night (or day) and the day after the last. */
  from: CalendarDate | null;
  to: CalendarDate | null;
  nights: number | null;
  period: string | null;
  childBand: string | null;
  unitPrice: number;
  quantity: number;
  amount: number;
  cost: number | null;
  margin: number | null;
  rule: { id: string; name: string; kind: RuleKind | 'dynamic' | 'fee'; detail: string } | null;
}

export interface CancellationPolicy {
  nonRefundable: boolean;
  /** Cancelled `daysBefore` or more days before travel → `percent` of the total, `fee`. */
  tiers: Array<CancellationTier & { fee: number }>;
  /**
   * What a change of the booking costs, in the quote's currency; null: changes are free.
   * A non-refundable rate keeps it, but its bookings cannot be changed at all.
   */
  changeFee: ChangeFee | null;
}

export interface Quote {
  currency: string;
  lines: QuoteLine[];
  total: number;
  cost: number | null;
  margin: number | null;
  cancellationPolicy: CancellationPolicy;
  rates: RecordedRate[];
  /** Price lists used, by id: the quote records what it was priced from. */
  priceListIds: string[];
  /** The promo code redeemed by this quote, if any. */
  promoCode: string | null;
}
