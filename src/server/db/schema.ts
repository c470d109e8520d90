// Table types as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CustomerAddress,
  CustomerKind,
  CustomerLocale,
  TravelPolicy,
} from '../modules/customers/types.ts';
import type {
  PaymentKind,
  PaymentMethod,
  PaymentStatus,
  PaymentTerms,
} from '../modules/payments/types.ts';
import type {
  CancellationTier,
  ChangeFee,
  Channel,
  ChildBand,
  DynamicPricing,
  PriceBasis,
  PriceCharge,
  PricePeriod,
  ProductKind,
  RuleKind,
} from '../modules/pricing/types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb columns: written through `json()` from db/json.ts, read back as parsed values. */
type Json<T = unknown> = ColumnType<T, unknown, unknown>;

export type Role =
  | 'admin'
  | 'agent'
  | 'customer_service'
  | 'accountant'
  | 'partner'
  | 'approver'
  | 'customer';

export interface AgenciesTable {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
  createdAt: CreatedAt;
  /** How bookings are paid (B7): see payments/plan.ts. */
  paymentTerms: ColumnType<PaymentTerms, unknown, unknown>;
  /** A supplier invoice's variance within the larger of these is not flagged (A2). */
  supplierTolerancePercent: ColumnType<string, string | undefined, string>;
  /** Minor units of the base currency. */
  supplierToleranceAmount: ColumnType<number, number | undefined, number>;
}

export interface UsersTable {
  id: string;
  agencyId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  locale: string;
  disabledAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a leaked table does not leak live sessions. */
  tokenHash: string;
  agencyId: string;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  lastSeenAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

/** One sign-in attempt under one throttle key (modules/identity/login-throttle.ts). */
export interface LoginFailuresTable {
  attemptId: string;
  key: string;
  at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  agencyId: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, shown in lists so a person can tell tokens apart. */
  tokenPrefix: string;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export type ActorType = 'user' | 'api_token' | 'system';

export interface AuditLogTable {
  id: string;
  agencyId: string;
  at: CreatedAt;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Json | null;
  after: Json | null;
  reason: string | null;
  requestId: string | null;
}

export type OutboxStatus = 'pending' | 'done' | 'dead';

export interface OutboxTable {
  id: string;
  agencyId: string;
  kind: string;
  payload: Json;
  status: OutboxStatus;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  runAt: Timestamp;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  createdAt: CreatedAt;
  doneAt: Timestamp | null;
}

/** A portal customer's sign-in link: the token's hash, single-use, expiring. */
export interface PortalSignInLinksTable {
  id: string;
  agencyId: string;
  userId: string;
  tokenHash: string;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface IdempotencyKeysTable {
  agencyId: string;
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number | null;
  response: Json | null;
  createdAt: CreatedAt;
}

/** Text shown to customers, per language: `{ en, cs, pl, tr, zh }`, at least one present. */
export type LocalizedText = Partial<Record<'en' | 'cs' | 'pl' | 'tr' | 'zh', string>>;
type Archivable = { archivedAt: Timestamp | null; createdAt: CreatedAt; updatedAt: Timestamp };

export interface SupplierContact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface SuppliersTable extends Archivable {
  id: string;
  agencyId: string;
  name: string;
  kind: 'hotel' | 'carrier' | 'ground_handler' | 'attraction' | 'insurer' | 'other';
  currency: string;
  paymentTermsDays: number;
  email: string | null;
  phone: string | null;
  vatId: string | null;
  address: Json<Record<string, string> | null>;
  contacts: Json<SupplierContact[]>;
  notes: string | null;
}

export interface AccommodationsTable extends Archivable {
  id: string;
  agencyId: string;
  supplierId: string | null;
  name: string;
  kind: string;
  street: string | null;
  city: string;
  postalCode: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  stars: number | null;
  boardTypes: Json<string[]>;
  photos: Json<string[]>;
  description: Json<LocalizedText>;
}

export interface RoomTypesTable extends Archivable {
  id: string;
  agencyId: string;
  accommodationId: string;
  code: string;
  name: Json<LocalizedText>;
  maxAdults: number;
  maxChildren: number;
  standardBeds: number;
  extraBeds: number;
}

export type TransportKind = 'flight' | 'train' | 'bus';
export interface TransportClass {
  code: string;
  name: string;
}
/** A station, airport or boarding point, in route order; `time` is local `HH:MM`. */
export interface TransportStop {
  name: string;
  code?: string;
  city?: string;
  country?: string;
  time: string;
  dayOffset: number;
}

export interface TransportsTable extends Archivable {
  id: string;
  agencyId: string;
  supplierId: string | null;
  kind: TransportKind;
  code: string;
  name: string;
  carrier: string | null;
  classes: Json<TransportClass[]>;
  stops: Json<TransportStop[]>;
}

export type DepartureStatus = 'open' | 'closed' | 'cancelled';

export interface TransportDeparturesTable {
  id: string;
  agencyId: string;
  transportId: string;
  date: string;
  status: DepartureStatus;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** A transport's seat layout (the document is `SeatLayout` of modules/seating/layout.ts). */
export interface TransportLayoutsTable {
  agencyId: string;
  transportId: string;
  document: Json<unknown>;
  version: number;
  updatedAt: Timestamp;
}

export type SeatBlockReason = 'driver' | 'guide' | 'crew' | 'other';

/** One seat of one departure, materialised from its transport's layout, and who sits there. */
export interface DepartureSeatsTable {
  agencyId: string;
  departureId: string;
  seatId: string;
  label: string;
  classCode: string;
  deck: number;
  seatRow: number;
  seatColumn: number;
  properties: Json<string[]>;
  blocked: SeatBlockReason | null;
  held: string | null;
  bookingId: string | null;
  traveller: number | null;
  assignedAt: Timestamp | null;
}

export type TourMode = 'fixed_departures' | 'by_days';

export interface ToursTable extends Archivable {
  id: string;
  agencyId: string;
  accommodationId: string;
  transportId: string | null;
  code: string;
  name: Json<LocalizedText>;
  description: Json<LocalizedText>;
  mode: TourMode;
  boardType: string | null;
  photos: Json<string[]>;
}

export interface TourDeparturesTable {
  id: string;
  agencyId: string;
  tourId: string;
  startDate: string;
  nights: number;
  transportDepartureId: string | null;
  returnTransportDepartureId: string | null;
  status: DepartureStatus;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface TourSeasonsTable {
  id: string;
  agencyId: string;
  tourId: string;
  name: string;
  startDate: string;
  /** The last night of the season (inclusive). */
  endDate: string;
  minStay: number;
  maxStay: number | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which a stay may start. */
  arrivalWeekdays: Json<number[]>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface AttractionsTable extends Archivable {
  id: string;
  agencyId: string;
  supplierId: string | null;
  name: Json<LocalizedText>;
  description: Json<LocalizedText>;
  city: string;
  country: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: Json<string[]>;
  advanceBookingDays: number;
  /** Dated tickets are valid on one day (and slot); open tickets for `validityDays`. */
  dated: boolean;
  validityDays: number | null;
  timeSlots: Json<string[]>;
  entrances: Json<string[]>;
  includedItems: Json<LocalizedText[]>;
}

export type TicketCategory = 'adult' | 'child' | 'student' | 'senior' | 'family';

export interface TicketTypesTable extends Archivable {
  id: string;
  agencyId: string;
  attractionId: string;
  category: TicketCategory;
  name: Json<LocalizedText>;
  minAge: number | null;
  maxAge: number | null;
}

export type ExtraServiceKind = 'transport' | 'board' | 'local_service' | 'insurance';
export type ExtraServiceUnit =
  | 'per_person'
  | 'per_booking'
  | 'per_night'
  | 'per_person_per_night'
  | 'per_day'
  | 'per_person_per_day';

export interface ExtraServicesTable extends Archivable {
  id: string;
  agencyId: string;
  supplierId: string | null;
  kind: ExtraServiceKind;
  code: string;
  name: Json<LocalizedText>;
  description: Json<LocalizedText>;
  unit: ExtraServiceUnit;
  city: string | null;
  country: string | null;
  /** Limited services have daily capacity in the inventory; others are unlimited. */
  limited: boolean;
}

export type ResourceKind = 'room_type' | 'transport_seats' | 'ticket_slot' | 'service';
export type CapacityKind = 'allotment' | 'on_request';

export interface InventoryResourcesTable {
  id: string;
  agencyId: string;
  kind: ResourceKind;
  ownerId: string;
  classCode: string;
  label: string;
  lowStockThreshold: number | null;
  alertUserIds: Json<string[]>;
  createdAt: CreatedAt;
}

export interface InventoryDaysTable {
  resourceId: string;
  agencyId: string;
  date: string;
  kind: CapacityKind;
  capacity: number;
  sold: Generated<number>;
  held: Generated<number>;
  releaseDays: number | null;
  stopSale: Generated<boolean>;
  minStay: number | null;
  closedToArrival: Generated<boolean>;
  updatedAt: Generated<Date>;
}

export interface InventoryPoolsTable {
  id: string;
  agencyId: string;
  name: string;
  capacity: number;
  sold: Generated<number>;
  held: Generated<number>;
  lowStockThreshold: number | null;
  alertUserIds: Json<string[]>;
  archivedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type PoolMemberKind =
  | 'room_type'
  | 'transport_departure'
  | 'tour'
  | 'attraction'
  | 'service';

export interface InventoryPoolMembersTable {
  poolId: string;
  agencyId: string;
  memberKind: PoolMemberKind;
  memberId: string;
  classCode: string;
}

export type TakeStatus = 'held' | 'taken' | 'released' | 'expired';

export interface InventoryTakesTable {
  id: string;
  agencyId: string;
  status: TakeStatus;
  reference: string | null;
  expiresAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  releasedAt: Timestamp | null;
}

export interface InventoryTakeItemsTable {
  id: string;
  agencyId: string;
  takeId: string;
  component: number;
  resourceId: string | null;
  date: string | null;
  poolId: string | null;
  quantity: number;
  onRequest: boolean;
}

export interface NotificationsTable {
  id: string;
  agencyId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  data: Json<Record<string, unknown>>;
  createdAt: CreatedAt;
  readAt: Timestamp | null;
}

export interface ExchangeRatesTable {
  agencyId: string;
  source: string;
  date: string;
  base: string;
  quote: string;
  /** numeric: read back as a string, so no float ever touches a rate. */
  rate: ColumnType<string, string, string>;
  importedAt: Generated<Date>;
}

/** numeric percentages: read back as strings (`col::text`), so no float ever touches them. */
type Percent = ColumnType<string, string, string>;

export interface PriceListsTable extends Archivable {
  id: string;
  agencyId: string;
  name: string;
  productKind: ProductKind;
  productId: string;
  currency: string;
  costCurrency: string | null;
  customerId: string | null;
  periods: Json<PricePeriod[]>;
  childBands: Json<ChildBand[]>;
  cancellation: Json<CancellationTier[]>;
  dynamic: Json<DynamicPricing | null>;
  /** Null: changing a booking is free. */
  changeFee: Json<ChangeFee | null>;
}

export interface PriceRowsTable {
  id: string;
  agencyId: string;
  priceListId: string;
  period: string;
  charge: PriceCharge;
  basis: PriceBasis;
  roomTypeId: string | null;
  classCode: string | null;
  boardingPoint: string | null;
  ticketTypeId: string | null;
  occupancy: number | null;
  childBand: string | null;
  amount: number | null;
  percentOfAdult: Percent | null;
  percentOfTrip: Percent | null;
  cost: number | null;
}

export interface PriceRulesTable extends Archivable {
  id: string;
  agencyId: string;
  name: string;
  kind: RuleKind;
  productIds: Json<string[]>;
  bookedFrom: string | null;
  bookedTo: string | null;
  travelFrom: string | null;
  travelTo: string | null;
  minDaysBefore: number | null;
  maxDaysBefore: number | null;
  percent: Percent | null;
  amount: number | null;
  amountPer: 'person' | 'booking' | null;
  currency: string | null;
  bundleServiceIds: Json<string[]>;
  bundleTransport: boolean;
  buy: number | null;
  get: number | null;
  priority: number;
  stackable: boolean;
}

export interface PromoCodesTable extends Archivable {
  id: string;
  agencyId: string;
  /** Stored upper-case; looked up without regard to case. */
  code: string;
  ruleId: string;
  validFrom: string | null;
  validTo: string | null;
  maxUses: number | null;
  used: Generated<number>;
}

export interface ChannelFeesTable extends Archivable {
  id: string;
  agencyId: string;
  name: string;
  channel: Channel;
  kind: 'fee' | 'commission';
  percent: Percent | null;
  amount: number | null;
  currency: string | null;
}

export interface QuotesTable {
  id: string;
  agencyId: string;
  productKind: 'tour' | 'transport' | 'attraction';
  productId: string;
  channel: string;
  customerId: string | null;
  currency: string;
  request: Json<unknown>;
  lines: Json<unknown[]>;
  total: number;
  cost: number | null;
  cancellationPolicy: Json<unknown>;
  rates: Json<unknown[]>;
  priceListIds: Json<string[]>;
  promoCode: string | null;
  takeId: string | null;
  startDate: string;
  endDate: string;
  createdBy: string | null;
  expiresAt: Timestamp;
  createdAt: CreatedAt;
  /** A change's quote: the booking it would change (B6); null for a new booking's quote. */
  changeOf: ColumnType<string | null, string | null | undefined, string | null>;
  /** The client address a portal quote came from (its visitor's limits); null elsewhere. */
  clientAddress: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Persons and companies (R1, R2); each kind's own fields are null for the other. */
export interface CustomersTable extends Archivable {
  id: string;
  agencyId: string;
  kind: CustomerKind;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  nationality: string | null;
  /** A person's employer: a company customer of the same agency. */
  companyId: string | null;
  companyName: string | null;
  vatId: string | null;
  registrationId: string | null;
  email: string | null;
  phone: string | null;
  address: Json<CustomerAddress | null>;
  locale: CustomerLocale;
  marketingConsent: boolean;
  consentAt: Timestamp | null;
  notes: string | null;
  tags: Json<string[]>;
  travelPolicy: Json<TravelPolicy | null>;
  costCentres: Json<string[]>;
  /** Names, e-mail and ids folded for search (lower case, no diacritics); see the migration. */
  searchText: string;
}

/** Users (role approver) who approve the bookings of a company customer (B9). */
export interface CustomerApproversTable {
  agencyId: string;
  customerId: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface BookingsTable {
  id: string;
  agencyId: string;
  number: string;
  status: string;
  channel: string;
  quoteId: string;
  customerId: string;
  productKind: string;
  productId: string;
  productName: string;
  startDate: string;
  endDate: string;
  party: Json<{ adults: number; childAges: number[] }>;
  rooms: Json<unknown[]>;
  currency: string;
  listTotal: number;
  total: number;
  cost: number | null;
  priceOverride: Json<unknown | null>;
  cancellationPolicy: Json<unknown>;
  rates: Json<unknown[]>;
  promoCode: string | null;
  takeId: string | null;
  /** Equal to `approval === 'pending'` (a CHECK keeps them so); the guards read it. */
  pendingApproval: boolean;
  approval: ColumnType<ApprovalState, ApprovalState | undefined, ApprovalState>;
  approvalBreaches: ColumnType<PolicyBreach[], unknown, unknown>;
  approvalDecidedBy: string | null;
  approvalDecidedByName: string | null;
  approvalDecidedAt: Timestamp | null;
  approvalReason: string | null;
  /** Required actions not done yet, kept in the transaction that changes them. */
  openActions: ColumnType<number, number | undefined, number>;
  offerId: string | null;
  variantId: string | null;
  notes: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** The record locator of a GDS or supplier. */
  pnr: ColumnType<string | null, string | null | undefined, string | null>;
  /** The product's place ("Hersonissos, GR"), copied when the booking is made. */
  destination: ColumnType<string | null, string | null | undefined, string | null>;
  /** Number, PNR, travellers' names and e-mails, folded (see bookings/search-fields.ts). */
  searchText: ColumnType<string, string | undefined, string>;
  /** `destination` folded, for the list's "contains" filter. */
  destinationSearch: ColumnType<string, string | undefined, string>;
  /** Set once, when the booking is cancelled (B6), with who, why and the fee charged. */
  cancelledAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelledByName: ColumnType<string | null, string | null | undefined, string | null>;
  cancellationReason: ColumnType<string | null, string | null | undefined, string | null>;
  cancellationFee: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 when made; each change adds one. */
  revision: ColumnType<number, number | undefined, number>;
  /** The voucher's public code (D2): 128 random bits, base64url; given on first use. */
  voucherCode: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ApprovalState = 'none' | 'pending' | 'approved' | 'rejected';

/** An agency's look on paper (D4); no row: the defaults (see documents/template-service.ts). */
export interface DocumentTemplatesTable {
  agencyId: string;
  logo: Buffer | null;
  logoType: 'image/png' | 'image/jpeg' | null;
  primaryColor: ColumnType<string, string | undefined, string>;
  accentColor: ColumnType<string, string | undefined, string>;
  displayName: string | null;
  addressLines: Json<string[]>;
  contactLines: Json<string[]>;
  emergencyPhone: string | null;
  footer: Json<LocalizedText>;
  updatedAt: Timestamp;
}

/** One way a booking breaks its company's travel policy, as the approver reads it. */
export interface PolicyBreach {
  rule: string;
  /** In English, for logs and API users; screens word it from `rule` and `params`. */
  message: string;
  /**
   * What the message says, for a screen to word it in the reader's language: `actual` and
   * `allowed` amounts (minor units) with their `currency`, or `unconvertible: 1`; `codes`
   * and `allowedCodes` (comma-separated); `days` and `required`. Absent on older bookings.
   */
  params?: Record<string, string | number>;
}

export type RequiredActionKind = 'sign_contract' | 'traveller_details' | 'documents' | 'other';

/** What an offer asks of every booking made under it (B8). */
export interface RequiredActionTemplate {
  code: string;
  kind: RequiredActionKind;
  title: LocalizedText;
  instructions: LocalizedText;
  /** Due this many days before departure (null: before departure, no earlier deadline). */
  dueDaysBeforeDeparture: number | null;
}

export interface OfferVariant {
  code: string;
  name: string;
}

export interface OffersTable {
  id: string;
  agencyId: string;
  /** The promotion id staff know it by (a marketplace deal number, or the agency's own code). */
  code: string;
  name: string;
  /** The marketplace selling it (null: the agency's own offer). */
  partner: string | null;
  /** The partner's user, who sees only this offer's bookings (G3). */
  partnerUserId: string | null;
  productKind: string | null;
  productId: string | null;
  /** Channels whose bookings of the product get this offer's actions without naming it. */
  channels: Json<string[]>;
  variants: Json<OfferVariant[]>;
  requiredActions: Json<RequiredActionTemplate[]>;
  archivedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface BookingRequiredActionsTable {
  id: string;
  agencyId: string;
  bookingId: string;
  position: number;
  code: string;
  kind: RequiredActionKind;
  title: Json<LocalizedText>;
  instructions: Json<LocalizedText>;
  dueDate: string | null;
  remindedAt: Timestamp | null;
  doneAt: Timestamp | null;
  doneBy: string | null;
  doneByName: string | null;
  note: string | null;
}

export interface BookingLinesTable {
  id: string;
  agencyId: string;
  bookingId: string;
  position: number;
  kind: string;
  label: string;
  productKind: string;
  productId: string;
  travellers: Json<number[]>;
  fromDate: string | null;
  toDate: string | null;
  unitPrice: number;
  quantity: number;
  amount: number;
  cost: number | null;
  supplierStatus: 'confirmed' | 'requested' | 'refused' | 'cancelled';
  detail: Json<unknown>;
  /** Replaced by a change of the booking (kept, never deleted); null for a current line. */
  supersededAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface BookingTravellersTable {
  id: string;
  agencyId: string;
  bookingId: string;
  position: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  nationality: string | null;
  documentType: 'passport' | 'id_card' | null;
  documentNumber: string | null;
  documentExpiry: string | null;
  email: string | null;
  phone: string | null;
  isChild: boolean;
  /** For the tour leader's list (T3): "vegetarian", "nut allergy". */
  diet: ColumnType<string | null, string | null | undefined, string | null>;
  medicalNotes: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whom to call: "Eva Nováková (wife) +420 602 111 222". */
  emergencyContact: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One rooming list as sent to the hotel: its rooms then, to tell the next send's changes. */
export interface RoomingListVersionsTable {
  agencyId: string;
  tourDepartureId: string;
  version: number;
  sentTo: string;
  sentAt: CreatedAt;
  sentByName: string | null;
  snapshot: Json<unknown>;
}

export type InvoiceKind = 'invoice' | 'credit_note';
export type VatScheme = 'standard' | 'margin';
export type AutoIssue = 'never' | 'on_booking' | 'on_paid';

/** An agency's invoicing settings (D3); absent until an admin sets them. */
export interface InvoiceSettingsTable {
  agencyId: string;
  legalName: string;
  vatId: string | null;
  registrationId: string | null;
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string;
  email: string | null;
  iban: string | null;
  bic: string | null;
  accountingCurrency: string;
  vatScheme: VatScheme;
  /** numeric: read back as text (`::text`), never a float. */
  defaultVatRate: ColumnType<string, string, string>;
  /**
   * VAT rate per booking line kind, e.g. `[{ "kind": "room", "rate": "12" }]`; others take the
   * default. A list, not an object: CamelCasePlugin would rename keys such as `extra_bed`.
   */
  vatRates: Json<Array<{ kind: string; rate: string }>>;
  paymentTermsDays: number;
  autoIssue: AutoIssue;
  invoiceSeries: string;
  creditNoteSeries: string;
  updatedAt: Timestamp;
}

export interface InvoiceSeriesTable {
  agencyId: string;
  code: string;
  kind: InvoiceKind;
  createdAt: CreatedAt;
}

export interface InvoiceCountersTable {
  agencyId: string;
  series: string;
  year: number;
  last: number;
}

/** A party as the invoice shows it, frozen when the invoice is issued. */
export interface InvoiceParty {
  name: string;
  vatId: string | null;
  registrationId: string | null;
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  email: string | null;
}

type Minor = ColumnType<number, number, never>;

export interface InvoicesTable {
  id: string;
  agencyId: string;
  bookingId: string;
  kind: InvoiceKind;
  number: string;
  series: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  supplier: Json<InvoiceParty & { iban: string | null; bic: string | null }>;
  customer: Json<InvoiceParty>;
  vatScheme: VatScheme;
  net: Minor;
  vat: Minor;
  gross: Minor;
  /** Margin scheme: the VAT the agency owes on its margin (accounting only, not shown). */
  marginVat: ColumnType<number | null, number | null, never>;
  /** When the document currency is not the accounting currency (BT-6). */
  taxCurrency: string | null;
  taxRate: string | null;
  vatInTaxCurrency: ColumnType<number | null, number | null, never>;
  creditedInvoiceId: string | null;
  reason: string | null;
  note: string | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: CreatedAt;
}

export interface InvoiceLinesTable {
  agencyId: string;
  invoiceId: string;
  position: number;
  description: string;
  quantity: number;
  unitPrice: Minor;
  net: Minor;
  vatCategory: string;
  vatRate: string;
  vat: Minor;
  gross: Minor;
  bookingLinePosition: number | null;
  creditedLinePosition: number | null;
}

/** Money received for a booking, or given back (B7); only `succeeded` rows count. */
export interface PaymentsTable {
  id: string;
  agencyId: string;
  bookingId: string;
  kind: PaymentKind;
  amount: number;
  currency: string;
  method: PaymentMethod;
  reference: string | null;
  /** A payment provider's id (`test`) and its reference, for card checkouts. */
  provider: string | null;
  providerReference: string | null;
  status: PaymentStatus;
  receivedAt: Timestamp | null;
  recordedBy: string | null;
  recordedByName: string | null;
  note: string | null;
  createdAt: CreatedAt;
}

/** One due amount of a booking's payment plan (B7). */
export interface PaymentPlanInstalmentsTable {
  id: string;
  agencyId: string;
  bookingId: string;
  position: number;
  dueDate: string;
  amount: number;
  /** `deposit`, `balance` or `full`. */
  label: string;
  remindedAt: Timestamp | null;
}

/** What a sales ledger row records (see reporting/ledger.ts). */
export type LedgerEvent = 'created' | 'changed' | 'cancelled' | 'fee' | 'dropped' | 'override';

/**
 * The sales ledger (A1): append-only, one row per booking line change, written in the same
 * transaction as the change. Amounts in minor units; `*_base` in the agency's base currency
 * at `rate`, the rate recorded when the booking was made. `bookings`, `pax` and `nights` are
 * counted on one row of each booking and event (+ when sold, - when taken back).
 */
export interface SalesLedgerTable {
  agencyId: string;
  id: string;
  bookingId: string;
  bookingLineId: string | null;
  event: LedgerEvent;
  at: ColumnType<Date, Date | string | undefined, never>;
  sale: number;
  cost: number | null;
  rate: string | null;
  saleBase: number | null;
  costBase: number | null;
  bookings: number;
  pax: number;
  nights: number;
  currency: string;
  baseCurrency: string;
  channel: string;
  online: boolean;
  soldBy: string | null;
  customerId: string;
  productKind: string;
  productId: string;
  productName: string;
  destinationCountry: string | null;
  destinationRegion: string | null;
  destinationPlace: string | null;
  departureDate: string;
  bookingDate: string;
}

/** What a supplier billed the agency (A2); `amount` includes `vat`. */
export interface SupplierInvoicesTable {
  agencyId: string;
  id: string;
  supplierId: string;
  number: string;
  invoiceDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  vat: number;
  /** The agency's base currency when recorded, and units of it per unit of `currency`. */
  baseCurrency: string;
  /** numeric: read back as a string. */
  rate: ColumnType<string, string, string>;
  /** The date of the exchange rate used; null when the rate was given. */
  rateDate: string | null;
  /** `given`, `identity`, or the source of the agency's rate (`ECB`, `manual`). */
  rateSource: string;
  note: string | null;
  paidOn: string | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** A part of a supplier invoice matched to one booking line, departure or allotment. */
export interface SupplierInvoiceMatchesTable {
  agencyId: string;
  id: string;
  invoiceId: string;
  bookingLineId: string | null;
  tourDepartureId: string | null;
  transportDepartureId: string | null;
  /** An allotment contract: an inventory pool. */
  poolId: string | null;
  /** Minor units of the invoice's currency. */
  amount: number;
  /** What the matched lines cost when matched, in the base currency (kept for the record). */
  expectedCost: number | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface DB {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginFailures: LoginFailuresTable;
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  idempotencyKeys: IdempotencyKeysTable;
  portalSignInLinks: PortalSignInLinksTable;
  suppliers: SuppliersTable;
  accommodations: AccommodationsTable;
  roomTypes: RoomTypesTable;
  transports: TransportsTable;
  transportDepartures: TransportDeparturesTable;
  transportLayouts: TransportLayoutsTable;
  departureSeats: DepartureSeatsTable;
  tours: ToursTable;
  tourDepartures: TourDeparturesTable;
  tourSeasons: TourSeasonsTable;
  attractions: AttractionsTable;
  ticketTypes: TicketTypesTable;
  extraServices: ExtraServicesTable;
  inventoryResources: InventoryResourcesTable;
  inventoryDays: InventoryDaysTable;
  inventoryPools: InventoryPoolsTable;
  inventoryPoolMembers: InventoryPoolMembersTable;
  inventoryTakes: InventoryTakesTable;
  inventoryTakeItems: InventoryTakeItemsTable;
  notifications: NotificationsTable;
  exchangeRates: ExchangeRatesTable;
  priceLists: PriceListsTable;
  priceRows: PriceRowsTable;
  priceRules: PriceRulesTable;
  promoCodes: PromoCodesTable;
  channelFees: ChannelFeesTable;
  quotes: QuotesTable;
  bookings: BookingsTable;
  bookingLines: BookingLinesTable;
  salesLedger: SalesLedgerTable;
  bookingTravellers: BookingTravellersTable;
  bookingRequiredActions: BookingRequiredActionsTable;
  offers: OffersTable;
  customers: CustomersTable;
  customerApprovers: CustomerApproversTable;
  payments: PaymentsTable;
  paymentPlanInstalments: PaymentPlanInstalmentsTable;
  invoiceSettings: InvoiceSettingsTable;
  invoiceSeries: InvoiceSeriesTable;
  invoiceCounters: InvoiceCountersTable;
  invoices: InvoicesTable;
  invoiceLines: InvoiceLinesTable;
  documentTemplates: DocumentTemplatesTable;
  supplierInvoices: SupplierInvoicesTable;
  supplierInvoiceMatches: SupplierInvoiceMatchesTable;
  roomingListVersions: RoomingListVersionsTable;
}

export type Agency = Selectable<AgenciesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxJob = Selectable<OutboxTable>;
