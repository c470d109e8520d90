// Customers as the domain sees them (R1, R2): persons and companies, a company's travel
// policy (B9) and what the services take to create or change one.
import type { Money } from '../pricing/money.ts';

export const customerKinds = ['person', 'company'] as const;
export type CustomerKind = (typeof customerKinds)[number];

/** The languages documents and e-mails to a customer can be in. */
export const customerLocales = ['en', 'cs', 'pl', 'tr', 'zh'] as const;
export type CustomerLocale = (typeof customerLocales)[number];

export interface CustomerAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  country?: string;
}

/**
 * What a company allows its travellers without asking an approver (B9). `null` means no
 * limit of that kind; `requireApproval` sends every booking of the company to an approver.
 */
export interface TravelPolicy {
  maxPricePerNight: Money | null;
  maxPricePerTrip: Money | null;
  /** Room type codes (DBL, SGL…) the company pays for. */
  allowedRoomTypeCodes: string[] | null;
  /** Transport class codes (Y, 2, STD…) the company pays for. */
  allowedTransportClasses: string[] | null;
  /** Bookings must be made at least this many days before departure. */
  minAdvanceDays: number | null;
  requireApproval: boolean;
}

export type TravelPolicyInput = Partial<TravelPolicy>;

/** The fields a request may give; which apply depends on the kind (checked by the rules). */
export interface CustomerFieldsInput {
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  nationality?: string | null;
  companyId?: string | null;
  companyName?: string | null;
  vatId?: string | null;
  registrationId?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: CustomerAddress | null;
  locale?: CustomerLocale;
  marketingConsent?: boolean;
  notes?: string | null;
  tags?: string[];
  travelPolicy?: TravelPolicyInput | null;
  costCentres?: string[];
}

export interface CreateCustomerInput extends CustomerFieldsInput {
  kind: CustomerKind;
}

/** A change: only the fields given; `null` clears an optional one. The kind never changes. */
export type UpdateCustomerInput = CustomerFieldsInput;

export interface CustomerQuery {
  limit: number;
  cursor?: string;
  q?: string;
  kind?: CustomerKind;
  companyId?: string;
  archived?: 'false' | 'true' | 'all';
}
