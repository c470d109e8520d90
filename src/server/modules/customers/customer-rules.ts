// Pure rules of a customer's profile: the one normal form of what a request gives, which
// fields each kind may have, the name it is shown under and the text it is found by.
// Plain data in, plain data or `FieldError`s (JSON pointers into the request) out.
import type { CalendarDate } from '../../calendar.ts';
import type { FieldError } from '../../errors.ts';
import { foldForSearch } from '../catalog/text-search.ts';
import { isCurrency } from '../pricing/money.ts';
import type {
  CreateCustomerInput,
  CustomerAddress,
  CustomerKind,
  CustomerLocale,
  TravelPolicy,
  TravelPolicyInput,
} from './types.ts';

/** A customer's own fields in normal form: what is stored, bar ids, consent and timestamps. */
export interface CustomerFields {
  kind: CustomerKind;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  nationality: string | null;
  companyId: string | null;
  companyName: string | null;
  vatId: string | null;
  registrationId: string | null;
  email: string | null;
  phone: string | null;
  address: CustomerAddress | null;
  locale: CustomerLocale;
  notes: string | null;
  tags: string[];
  travelPolicy: TravelPolicy | null;
  costCentres: string[];
}

/** Trims text and turns blanks into null, so "" never stands for "no e-mail". */
export function optionalText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Trimmed, blanks dropped, each once, in the order first given. */
function distinctTexts(values: readonly string[] | undefined): string[] {
  const kept = (values ?? []).map((value) => value.trim()).filter((value) => value !== '');
  return [...new Set(kept)];
}

function optionalCodes(values: readonly string[] | null | undefined): string[] | null {
  return values === undefined || values === null ? null : distinctTexts(values);
}

function normalizeAddress(address: CustomerAddress | null | undefined): CustomerAddress | null {
  if (!address) return null;
  const kept = Object.entries(address)
    .map(([key, value]) => [key, optionalText(value)] as const)
    .filter(([, value]) => value !== null);
  return kept.length > 0 ? (Object.fromEntries(kept) as CustomerAddress) : null;
}

/** A whole policy from the parts given: what is not given has no limit. */
export function normalizeTravelPolicy(policy: TravelPolicyInput): TravelPolicy {
  return {
    maxPricePerNight: policy.maxPricePerNight ?? null,
    maxPricePerTrip: policy.maxPricePerTrip ?? null,
    allowedRoomTypeCodes: optionalCodes(policy.allowedRoomTypeCodes),
    allowedTransportClasses: optionalCodes(policy.allowedTransportClasses),
    minAdvanceDays: policy.minAdvanceDays ?? null,
    requireApproval: policy.requireApproval ?? false,
  };
}

/** The normal form of a customer as given (for a change: the stored one with the change). */
export function normalizeCustomer(
  input: CreateCustomerInput,
  defaultLocale: CustomerLocale,
): CustomerFields {
  return {
    kind: input.kind,
    firstName: optionalText(input.firstName),
    lastName: optionalText(input.lastName),
    birthDate: input.birthDate ?? null,
    nationality: input.nationality ?? null,
    companyId: input.companyId ?? null,
    companyName: optionalText(input.companyName),
    vatId: optionalText(input.vatId),
    registrationId: optionalText(input.registrationId),
    email: optionalText(input.email),
    phone: optionalText(input.phone),
    address: normalizeAddress(input.address),
    locale: input.locale ?? defaultLocale,
    notes: optionalText(input.notes),
    tags: distinctTexts(input.tags),
    travelPolicy: input.travelPolicy ? normalizeTravelPolicy(input.travelPolicy) : null,
    costCentres: distinctTexts(input.costCentres),
  };
}

const personOnly = ['firstName', 'lastName', 'birthDate', 'nationality', 'companyId'] as const;
const companyOnly = ['companyName', 'vatId', 'registrationId', 'travelPolicy'] as const;

/** Each kind has its own required name and only its own fields. */
export function kindProblems(fields: CustomerFields): FieldError[] {
  const problems: FieldError[] = [];
  if (fields.kind === 'person') {
    if (fields.lastName === null) {
      problems.push({ path: '/lastName', message: 'is required for a person' });
    }
    for (const key of companyOnly) {
      if (fields[key] !== null) {
        problems.push({ path: `/${key}`, message: 'is only for a company customer' });
      }
    }
    if (fields.costCentres.length > 0) {
      problems.push({ path: '/costCentres', message: 'is only for a company customer' });
    }
  } else {
    if (fields.companyName === null) {
      problems.push({ path: '/companyName', message: 'is required for a company' });
    }
    for (const key of personOnly) {
      if (fields[key] !== null) {
        problems.push({ path: `/${key}`, message: 'is only for a person customer' });
      }
    }
  }
  return problems;
}

/** A birth date is a day that has happened, and not before 1900. */
export function birthDateProblems(birthDate: string | null, today: CalendarDate): FieldError[] {
  if (birthDate === null) return [];
  if (birthDate > today) {
    return [{ path: '/birthDate', message: `must not be after today (${today})` }];
  }
  if (birthDate < '1900-01-01') {
    return [{ path: '/birthDate', message: 'must not be before 1900-01-01' }];
  }
  return [];
}

/** The caps of a policy are in known currencies. */
export function travelPolicyProblems(policy: TravelPolicy | null): FieldError[] {
  if (policy === null) return [];
  const problems: FieldError[] = [];
  for (const key of ['maxPricePerNight', 'maxPricePerTrip'] as const) {
    const cap = policy[key];
    if (cap !== null && !isCurrency(cap.currency)) {
      problems.push({
        path: `/travelPolicy/${key}/currency`,
        message: 'is not an ISO 4217 currency code',
      });
    }
  }
  return problems;
}

export function customerProblems(fields: CustomerFields, today: CalendarDate): FieldError[] {
  return [
    ...kindProblems(fields),
    ...birthDateProblems(fields.birthDate, today),
    ...travelPolicyProblems(fields.travelPolicy),
  ];
}

const eastAsianScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The name a customer is shown under: a company's name; a person's given and family name,
 * or family name first with no space for names written in Chinese (王芳), as they are read.
 */
export function displayNameOf(fields: {
  kind: CustomerKind;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}): string {
  if (fields.kind === 'company') return fields.companyName ?? '';
  const parts = [fields.firstName, fields.lastName].filter((part): part is string => !!part);
  if (parts.some((part) => eastAsianScript.test(part))) return parts.reverse().join('');
  return parts.join(' ');
}

/** The text a customer is found by: name, e-mail and company ids, folded for search. */
export function searchTextOf(fields: CustomerFields): string {
  return foldForSearch(
    [displayNameOf(fields), fields.email, fields.vatId, fields.registrationId]
      .filter((part): part is string => !!part)
      .join(' '),
  );
}

/** The words of a search, folded; a customer matches when it contains every one. */
export function searchTerms(q: string): string[] {
  return [...new Set(foldForSearch(q).split(' '))].filter((term) => term !== '').slice(0, 10);
}
