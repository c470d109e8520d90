// The catalog and price resources as the API sends them (see src/server/modules/catalog,
// inventory, pricing and offers): only the fields the back-office screens read or write.

export type LocalizedText = Partial<Record<'en' | 'cs' | 'pl' | 'tr' | 'zh', string>>;
export type ArchivedFilter = 'false' | 'true' | 'all';

export interface Lifecycle {
  id: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export const accommodationKinds = [
  'hotel',
  'apartment',
  'guesthouse',
  'resort',
  'camp',
  'other',
] as const;
export type AccommodationKind = (typeof accommodationKinds)[number];
export const boardTypes = ['RO', 'BB', 'HB', 'FB', 'AI'] as const;
export type BoardType = (typeof boardTypes)[number];

export interface RoomType extends Lifecycle {
  accommodationId: string;
  code: string;
  name: LocalizedText;
  maxAdults: number;
  maxChildren: number;
  standardBeds: number;
  extraBeds: number;
}

export interface Accommodation extends Lifecycle {
  supplierId: string | null;
  name: string;
  kind: AccommodationKind;
  street: string | null;
  city: string;
  postalCode: string | null;
  country: string;
  stars: number | null;
  boardTypes: BoardType[];
  description: LocalizedText;
  roomTypes: RoomType[];
}

export type CapacityKind = 'allotment' | 'on_request';

/** One night of a room type's inventory (`GET /api/v1/room-types/{id}/availability`). */
export interface AvailabilityDay {
  date: string;
  kind: CapacityKind | null;
  capacity: number;
  sold: number;
  held: number;
  available: number;
  stopSale: boolean;
  minStay: number | null;
  closedToArrival: boolean;
  releaseDays: number | null;
  released: boolean;
}

export const departureStatuses = ['open', 'closed', 'cancelled'] as const;
export type DepartureStatus = (typeof departureStatuses)[number];
export const tourModes = ['fixed_departures', 'by_days'] as const;
export type TourMode = (typeof tourModes)[number];

export interface TourDeparture {
  id: string;
  tourId: string;
  startDate: string;
  nights: number;
  transportDepartureId: string | null;
  returnTransportDepartureId: string | null;
  status: DepartureStatus;
}

export interface TourSeason {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  minStay: number;
  maxStay: number | null;
  arrivalWeekdays: number[];
}

export interface Tour extends Lifecycle {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  mode: TourMode;
  accommodationId: string;
  transportId: string | null;
  boardType: BoardType | null;
  departures: TourDeparture[];
  seasons: TourSeason[];
}

/** A date of a tour's calendar for a party (`GET /api/v1/tours/{id}/availability`). */
export interface TourCalendarDay {
  date: string;
  nights: number;
  departureId: string | null;
  sellable: boolean;
  reason: string | null;
  roomTypes: { roomTypeId: string; code: string; available: number; onRequest: boolean }[];
  seats: number | null;
}

export const transportKinds = ['flight', 'train', 'bus'] as const;
export type TransportKind = (typeof transportKinds)[number];

export interface TransportStop {
  name: string;
  code?: string;
  city?: string;
  country?: string;
  time: string;
  dayOffset: number;
}

export interface TransportDeparture {
  id: string;
  transportId: string;
  date: string;
  status: DepartureStatus;
  seats: { classCode: string; capacity: number; sold: number; held: number; available: number }[];
}

export interface Transport extends Lifecycle {
  kind: TransportKind;
  code: string;
  name: string;
  carrier: string | null;
  supplierId: string | null;
  classes: { code: string; name: string }[];
  stops: TransportStop[];
  departures: TransportDeparture[];
}

export const ticketCategories = ['adult', 'child', 'student', 'senior', 'family'] as const;

export interface TicketType extends Lifecycle {
  attractionId: string;
  category: (typeof ticketCategories)[number];
  name: LocalizedText;
  minAge: number | null;
  maxAge: number | null;
}

export interface Attraction extends Lifecycle {
  name: LocalizedText;
  description: LocalizedText;
  city: string;
  country: string;
  address: string | null;
  supplierId: string | null;
  advanceBookingDays: number;
  dated: boolean;
  validityDays: number | null;
  timeSlots: string[];
  entrances: string[];
  ticketTypes: TicketType[];
}

export const extraServiceKinds = ['transport', 'board', 'local_service', 'insurance'] as const;
export const extraServiceUnits = [
  'per_person',
  'per_booking',
  'per_night',
  'per_person_per_night',
  'per_day',
  'per_person_per_day',
] as const;

export interface ExtraService extends Lifecycle {
  kind: (typeof extraServiceKinds)[number];
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  unit: (typeof extraServiceUnits)[number];
  city: string | null;
  country: string | null;
  supplierId: string | null;
  limited: boolean;
}

export const supplierKinds = [
  'hotel',
  'carrier',
  'ground_handler',
  'attraction',
  'insurer',
  'other',
] as const;

export interface Supplier extends Lifecycle {
  name: string;
  kind: (typeof supplierKinds)[number];
  currency: string;
  paymentTermsDays: number;
  email: string | null;
  phone: string | null;
  vatId: string | null;
  address: { street?: string; city?: string; postalCode?: string; country?: string } | null;
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
  notes: string | null;
}

export const productKinds = ['tour', 'transport', 'attraction', 'extra_service'] as const;
export type ProductKind = (typeof productKinds)[number];
export const charges = ['room', 'person', 'extra_bed', 'empty_bed', 'booking'] as const;
export type Charge = (typeof charges)[number];
export const bases = ['night', 'stay'] as const;
export type Basis = (typeof bases)[number];

export interface PricePeriod {
  code: string;
  name: string;
  from: string;
  to: string;
  priority: number;
}

export interface ChildBand {
  code: string;
  minAge: number;
  maxAge: number;
  needsBed: boolean;
}

/** Where a price sits in a list's matrix: the period and the other dimensions. */
export interface CellKey {
  period: string;
  charge: Charge;
  basis: Basis;
  roomTypeId: string | null;
  classCode: string | null;
  boardingPoint: string | null;
  ticketTypeId: string | null;
  occupancy: number | null;
  childBand: string | null;
}

export interface PriceRow extends CellKey {
  amount: number | null;
  percentOfAdult: string | null;
  percentOfTrip: string | null;
  cost: number | null;
}

export interface PriceListSummary extends Lifecycle {
  name: string;
  productKind: ProductKind;
  productId: string;
  currency: string;
  costCurrency: string | null;
  customerId: string | null;
  periods: PricePeriod[];
  childBands: ChildBand[];
  cancellation: { daysBefore: number; percent: string }[];
  rowCount: number;
}

export interface PriceList extends Omit<PriceListSummary, 'rowCount'> {
  rows: PriceRow[];
}

export const ruleKinds = [
  'early_booking',
  'last_minute',
  'promo_code',
  'discount',
  'surcharge',
  'package',
  'bogo',
  'non_refundable',
  'min_advance',
] as const;
export type RuleKind = (typeof ruleKinds)[number];

export interface PriceRule extends Lifecycle {
  kind: RuleKind;
  name: string;
  productIds: string[];
  bookedFrom: string | null;
  bookedTo: string | null;
  travelFrom: string | null;
  travelTo: string | null;
  minDaysBefore: number | null;
  maxDaysBefore: number | null;
  percent: string | null;
  amount: number | null;
  amountPer: 'person' | 'booking' | null;
  currency: string | null;
  buy: number | null;
  get: number | null;
  priority: number;
  stackable: boolean;
}

export interface PromoCode extends Lifecycle {
  code: string;
  ruleId: string;
  validFrom: string | null;
  validTo: string | null;
  maxUses: number | null;
  used: number;
}

export const channels = ['web', 'phone', 'email', 'walk_in', 'marketplace', 'gds', 'api'] as const;
export type Channel = (typeof channels)[number];

export interface ChannelFee extends Lifecycle {
  name: string;
  channel: Channel;
  kind: 'fee' | 'commission';
  percent: string | null;
  amount: number | null;
  currency: string | null;
}

export const requiredActionKinds = [
  'sign_contract',
  'traveller_details',
  'documents',
  'other',
] as const;

export interface RequiredAction {
  code: string;
  kind: (typeof requiredActionKinds)[number];
  title: LocalizedText;
  instructions: LocalizedText;
  dueDaysBeforeDeparture: number | null;
}

export interface Promotion {
  id: string;
  code: string;
  name: string;
  partner: string | null;
  productKind: string | null;
  productId: string | null;
  channels: Channel[];
  variants: { code: string; name: string }[];
  requiredActions: RequiredAction[];
  archived: boolean;
  createdAt: string;
}
