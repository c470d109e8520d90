// The portal API's answers, as the portal reads them (src/server/modules/portal/routes.ts).
// Money is in minor units with its currency; dates are YYYY-MM-DD.

export interface Storefront {
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
  currencies: string[];
  destinations: { city: string; country: string }[];
}

export interface OfferRoom {
  roomTypeId: string;
  adults: number;
  childAges: number[];
  name: string;
}

export interface PortalOffer {
  kind: 'stay' | 'tour' | 'package';
  productId: string;
  departureId: string | null;
  name: string;
  description: string;
  photo: string | null;
  boardType: string | null;
  place: { city: string; country: string; accommodation: string | null; stars: number | null };
  from: string;
  to: string;
  nights: number;
  rooms: OfferRoom[];
  currency: string;
  total: number;
  perPerson: number;
  nonRefundable: boolean;
  freeCancellationDaysBefore: number | null;
}

export interface ProductPage {
  id: string;
  code: string;
  name: string;
  description: string;
  mode: 'fixed_departures' | 'by_days';
  boardType: string | null;
  /** The tour's transport: classes and the stops to board at (fares differ by stop). */
  boarding: {
    classes: Array<{ code: string; name: string }>;
    stops: Array<{ value: string; name: string; time: string; dayOffset: number }>;
  } | null;
  photos: string[];
  accommodation: {
    name: string;
    city: string;
    country: string;
    stars: number | null;
    description: string;
    boardTypes: string[];
  };
  seasons: {
    from: string;
    to: string;
    minStay: number;
    maxStay: number | null;
    arrivalWeekdays: number[];
  }[];
  departures: { id: string; date: string; nights: number }[];
  roomTypes: {
    id: string;
    code: string;
    name: string;
    maxAdults: number;
    maxChildren: number;
    beds: number;
  }[];
  extras: { id: string; kind: string; name: string; description: string; unit: string }[];
  requiredActions: {
    code: string;
    kind: string;
    title: string;
    dueDaysBeforeDeparture: number | null;
  }[];
}

export interface CalendarDay {
  date: string;
  nights: number;
  departureId: string | null;
  bookable: boolean;
  price: number | null;
}

export interface ProductCalendar {
  month: string;
  currency: string;
  days: CalendarDay[];
}

export interface QuoteLine {
  kind: string;
  label: string;
  travellers: number[];
  from: string | null;
  to: string | null;
  nights: number | null;
  unitPrice: number;
  quantity: number;
  amount: number;
}

export interface CancellationPolicy {
  nonRefundable: boolean;
  tiers: { daysBefore: number; percent: string; fee?: number }[];
  changeFee?: { amount: number; freeDaysBefore: number | null } | null;
}

export interface Quote {
  id: string;
  productId: string;
  productName: string | null;
  from: string;
  to: string;
  party: { adults: number; childAges: number[] };
  rooms: { roomTypeId: string; adults: number; childAges: number[] }[];
  currency: string;
  lines: QuoteLine[];
  total: number;
  cancellationPolicy: CancellationPolicy;
  onRequest: boolean;
  expiresAt: string;
  expired: boolean;
}

export interface Instalment {
  dueDate: string;
  amount: number;
  label: string;
  paid: boolean;
  overdue: boolean;
}

export interface RequiredAction {
  id: string;
  code: string;
  kind: string;
  title: string;
  instructions: string;
  dueDate: string | null;
  overdue: boolean;
  done: { at: string } | null;
}

export interface Traveller {
  firstName: string;
  lastName: string;
  birthDate: string;
  nationality: string | null;
  documentType: 'passport' | 'id_card' | null;
  documentNumber: string | null;
  documentExpiry: string | null;
  email: string | null;
  phone: string | null;
  child: boolean;
}

export interface PortalBooking {
  id: string;
  number: string;
  status: string;
  channel: string;
  productId: string;
  productName: string;
  from: string;
  to: string;
  party: { adults: number; childAges: number[] };
  currency: string;
  total: number;
  paid: number;
  balance: number;
  instalments: Instalment[];
  cancellationPolicy: CancellationPolicy;
  cancelled: boolean;
  lines: { kind: string; label: string; quantity: number; unitPrice: number; amount: number }[];
  travellers: Traveller[];
  requiredActions: RequiredAction[];
  actionsDone: boolean;
  voucherCode: string | null;
  documents: { kind: 'voucher' | 'contract' | 'instructions'; url: string }[];
  createdAt: string;
  email?: string;
}

export interface Account {
  signedIn: boolean;
  user: { name: string; email: string; locale: string } | null;
}

export interface PublicVoucher {
  code: string;
  number: string;
  agencyName: string;
  productName: string;
  from: string;
  to: string;
  status: string;
  cancelled: boolean;
  locale: string;
  offer: { name: string } | null;
  travellers: { name: string }[];
  services: { label: string; from: string | null; to: string | null; quantity: number }[];
  requiredActions: {
    title: string;
    instructions: string;
    dueDate: string | null;
    done: { at: string } | null;
  }[];
  actionsDone: boolean;
}

export interface TravellerInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  nationality?: string | null;
  documentType?: 'passport' | 'id_card' | null;
  documentNumber?: string | null;
  documentExpiry?: string | null;
  email?: string | null;
  phone?: string | null;
}
