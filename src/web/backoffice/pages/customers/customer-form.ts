// The customer form's values and the API's body, both ways: text fields hold '' for "none"
// (the API's null), money caps are typed in major units and sent in minor units, and the
// API's field errors (JSON pointers) are placed on the nearest input the form shows.
import { minorDigits } from '../../../shared/i18n/format.ts';
import type {
  Cap,
  Customer,
  CustomerAddress,
  CustomerKind,
  CustomerLocale,
  TravelPolicy,
} from './customer-types.ts';

export interface CapValues {
  /** Major units as typed; '' for no cap. */
  amount: number | string;
  currency: string;
}

export interface CustomerFormValues {
  kind: CustomerKind;
  firstName: string;
  lastName: string;
  birthDate: string;
  nationality: string;
  companyId: string;
  companyName: string;
  vatId: string;
  registrationId: string;
  email: string;
  phone: string;
  address: Required<CustomerAddress>;
  locale: CustomerLocale;
  marketingConsent: boolean;
  notes: string;
  tags: string[];
  costCentres: string[];
  hasTravelPolicy: boolean;
  travelPolicy: {
    maxPricePerNight: CapValues;
    maxPricePerTrip: CapValues;
    allowedRoomTypeCodes: string[];
    allowedTransportClasses: string[];
    minAdvanceDays: number | string;
    requireApproval: boolean;
  };
}

/** Every input of the form by its path: where an error from the API can be shown. */
export const formFieldPaths = [
  'kind',
  'firstName',
  'lastName',
  'birthDate',
  'nationality',
  'companyId',
  'companyName',
  'vatId',
  'registrationId',
  'email',
  'phone',
  'address.street',
  'address.city',
  'address.postalCode',
  'address.country',
  'locale',
  'marketingConsent',
  'notes',
  'tags',
  'costCentres',
  'travelPolicy.maxPricePerNight.amount',
  'travelPolicy.maxPricePerNight.currency',
  'travelPolicy.maxPricePerTrip.amount',
  'travelPolicy.maxPricePerTrip.currency',
  'travelPolicy.allowedRoomTypeCodes',
  'travelPolicy.allowedTransportClasses',
  'travelPolicy.minAdvanceDays',
  'travelPolicy.requireApproval',
] as const;

function capValues(cap: Cap | null, currency: string): CapValues {
  if (!cap) return { amount: '', currency };
  return { amount: cap.amount / 10 ** minorDigits(cap.currency), currency: cap.currency };
}

/** The form's values for a stored customer, or for a new one of `kind`. */
export function formValuesOf(
  customer: Customer | null,
  defaults: { kind: CustomerKind; locale: CustomerLocale; currency: string },
): CustomerFormValues {
  const policy: TravelPolicy | null = customer?.travelPolicy ?? null;
  return {
    kind: customer?.kind ?? defaults.kind,
    firstName: customer?.firstName ?? '',
    lastName: customer?.lastName ?? '',
    birthDate: customer?.birthDate ?? '',
    nationality: customer?.nationality ?? '',
    companyId: customer?.companyId ?? '',
    companyName: customer?.companyName ?? '',
    vatId: customer?.vatId ?? '',
    registrationId: customer?.registrationId ?? '',
    email: customer?.email ?? '',
    phone: customer?.phone ?? '',
    address: {
      street: customer?.address?.street ?? '',
      city: customer?.address?.city ?? '',
      postalCode: customer?.address?.postalCode ?? '',
      country: customer?.address?.country ?? '',
    },
    locale: customer?.locale ?? defaults.locale,
    marketingConsent: customer?.marketingConsent ?? false,
    notes: customer?.notes ?? '',
    tags: customer?.tags ?? [],
    costCentres: customer?.costCentres ?? [],
    hasTravelPolicy: policy !== null,
    travelPolicy: {
      maxPricePerNight: capValues(policy?.maxPricePerNight ?? null, defaults.currency),
      maxPricePerTrip: capValues(policy?.maxPricePerTrip ?? null, defaults.currency),
      allowedRoomTypeCodes: policy?.allowedRoomTypeCodes ?? [],
      allowedTransportClasses: policy?.allowedTransportClasses ?? [],
      minAdvanceDays: policy?.minAdvanceDays ?? '',
      requireApproval: policy?.requireApproval ?? false,
    },
  };
}

function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function numberOrNull(value: number | string): number | null {
  if (value === '') return null;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A cap in minor units; a currency without an amount (or none at all) is no cap. */
function capOf(values: CapValues): Cap | null {
  const amount = numberOrNull(values.amount);
  if (amount === null) return null;
  const currency = values.currency.trim().toUpperCase();
  return { amount: Math.round(amount * 10 ** minorDigits(currency || 'XXX')), currency };
}

function addressOf(address: Required<CustomerAddress>): CustomerAddress | null {
  const kept = Object.entries(address)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

function policyOf(values: CustomerFormValues['travelPolicy']): TravelPolicy {
  return {
    maxPricePerNight: capOf(values.maxPricePerNight),
    maxPricePerTrip: capOf(values.maxPricePerTrip),
    // No code listed: any is allowed.
    allowedRoomTypeCodes: values.allowedRoomTypeCodes.length ? values.allowedRoomTypeCodes : null,
    allowedTransportClasses: values.allowedTransportClasses.length
      ? values.allowedTransportClasses
      : null,
    minAdvanceDays: numberOrNull(values.minAdvanceDays),
    requireApproval: values.requireApproval,
  };
}

/**
 * The body of a POST (`creating`) or PATCH. Only the fields of the customer's kind are sent.
 * A required name left blank is left out of a creation (the API then says it is required)
 * and sent blank in a change (the API refuses it), so neither is silently kept or dropped.
 * Marketing consent goes into a creation only when it was answered: the API records the
 * time of an answer, and "not asked" is not "no".
 */
export function customerBody(
  values: CustomerFormValues,
  options: { creating: boolean; consentAnswered: boolean },
): Record<string, unknown> {
  const required = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' && options.creating ? undefined : trimmed;
  };
  const kindFields =
    values.kind === 'person'
      ? {
          firstName: textOrNull(values.firstName),
          lastName: required(values.lastName),
          birthDate: textOrNull(values.birthDate),
          nationality: textOrNull(values.nationality),
          companyId: textOrNull(values.companyId),
        }
      : {
          companyName: required(values.companyName),
          vatId: textOrNull(values.vatId),
          registrationId: textOrNull(values.registrationId),
          travelPolicy: values.hasTravelPolicy ? policyOf(values.travelPolicy) : null,
          costCentres: values.costCentres,
        };
  const body: Record<string, unknown> = {
    ...(options.creating ? { kind: values.kind } : {}),
    ...kindFields,
    email: textOrNull(values.email),
    phone: textOrNull(values.phone),
    address: addressOf(values.address),
    locale: values.locale,
    notes: textOrNull(values.notes),
    tags: values.tags,
  };
  if (!options.creating || options.consentAnswered) body.marketingConsent = values.marketingConsent;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/**
 * The API's field errors (`address.city`, `tags.2`) on the inputs the form has: each on the
 * nearest input at or above its path (`tags.2` → `tags`). What no input shows is `unplaced`.
 */
export function placeFieldErrors(
  errors: Record<string, string>,
  fields: readonly string[] = formFieldPaths,
): { placed: Record<string, string>; unplaced: string[] } {
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let target: string | undefined;
    for (let length = parts.length; length > 0 && !target; length--) {
      const candidate = parts.slice(0, length).join('.');
      if (fields.includes(candidate)) target = candidate;
    }
    if (target === undefined) unplaced.push(path);
    else if (!(target in placed)) placed[target] = message;
  }
  return { placed, unplaced };
}
