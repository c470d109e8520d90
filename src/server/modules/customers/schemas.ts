// The customer as the REST API takes and gives it (TypeBox, fed to OpenAPI). One shape for
// both kinds: which fields apply to which kind is the service's check, so a missing last
// name is a 400 naming `/lastName` instead of a tangle of `anyOf` branches.
import { Type } from 'typebox';
import { nullable, Uuid } from '../../http/schemas.ts';
import {
  CalendarDateSchema,
  CountryCodeSchema,
  CurrencyCodeSchema,
  LifecycleSchema,
  NullableTimestamp,
} from '../catalog/common.ts';
import { customerKinds, customerLocales } from './types.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const KindSchema = Type.Enum([...customerKinds], { description: 'person or company' });
const LocaleSchema = Type.Enum([...customerLocales], {
  description: "The language of the customer's documents and e-mails (default: the agency's)",
});

const AddressSchema = Type.Object(
  {
    street: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(CountryCodeSchema),
  },
  { additionalProperties: false, description: 'Postal (billing) address' },
);

const CapSchema = Type.Object(
  {
    amount: Type.Integer({
      minimum: 1,
      maximum: 1_000_000_000_000,
      description: 'In minor units: 350000 is 3 500 Kč',
    }),
    currency: CurrencyCodeSchema,
  },
  { additionalProperties: false },
);
const CodeList = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' }), {
    minItems: 1,
    maxItems: 100,
    description: `${description}; null: any`,
  });

const policyParts = {
  maxPricePerNight: nullable(CapSchema, { description: 'Price cap per night; null: none' }),
  maxPricePerTrip: nullable(CapSchema, { description: 'Price cap per booking; null: none' }),
  allowedRoomTypeCodes: nullable(CodeList('Room type codes allowed (DBL, SGL…)')),
  allowedTransportClasses: nullable(CodeList('Transport class codes allowed (Y, 2, STD…)')),
  minAdvanceDays: nullable(
    Type.Integer({ minimum: 0, maximum: 365, description: 'Book at least this many days ahead' }),
  ),
  requireApproval: Type.Boolean({ description: 'Every booking needs an approver' }),
};

/** A policy as given: parts left out have no limit (requireApproval: false). */
const TravelPolicyInputSchema = Type.Object(
  {
    maxPricePerNight: Type.Optional(policyParts.maxPricePerNight),
    maxPricePerTrip: Type.Optional(policyParts.maxPricePerTrip),
    allowedRoomTypeCodes: Type.Optional(policyParts.allowedRoomTypeCodes),
    allowedTransportClasses: Type.Optional(policyParts.allowedTransportClasses),
    minAdvanceDays: Type.Optional(policyParts.minAdvanceDays),
    requireApproval: Type.Optional(policyParts.requireApproval),
  },
  {
    additionalProperties: false,
    description: "A company's travel policy (B9): bookings outside it wait for an approver",
  },
);
const TravelPolicySchema = Type.Object(policyParts);

export const CustomerSchema = Type.Object(
  {
    id: Uuid,
    kind: KindSchema,
    name: Type.String({ description: "Shown name: a company's, or a person's full name" }),
    firstName: nullable(Type.String()),
    lastName: nullable(Type.String()),
    birthDate: nullable(Type.String({ format: 'date' })),
    nationality: nullable(Type.String()),
    companyId: nullable(Uuid, { description: 'The company customer a person works for' }),
    employerName: nullable(Type.String({ description: 'The name of that company' })),
    companyName: nullable(Type.String()),
    vatId: nullable(Type.String()),
    registrationId: nullable(Type.String()),
    email: nullable(Type.String()),
    phone: nullable(Type.String()),
    address: nullable(AddressSchema),
    locale: LocaleSchema,
    marketingConsent: Type.Boolean(),
    consentAt: NullableTimestamp,
    notes: nullable(Type.String()),
    tags: Type.Array(Type.String()),
    travelPolicy: nullable(TravelPolicySchema),
    costCentres: Type.Array(Type.String()),
    approverIds: Type.Array(Uuid, { description: 'Users who approve the bookings of a company' }),
    ...LifecycleSchema,
  },
  { $id: 'Customer' },
);

/** The fields a request may give; every one optional in a change. */
export const editable = {
  firstName: nullable(Text(100, "A person's given name(s)")),
  lastName: Text(100, "A person's family name (required for a person)"),
  birthDate: nullable(CalendarDateSchema),
  nationality: nullable(CountryCodeSchema),
  companyId: nullable(Uuid, { description: 'The company customer a person works for' }),
  companyName: Text(200, "A company's name (required for a company)"),
  vatId: nullable(Text(50, 'VAT id (DIČ, NIP, VKN…)')),
  registrationId: nullable(Text(50, 'Company registration id (IČO, KRS, …)')),
  email: nullable(Type.String({ format: 'email', maxLength: 254 })),
  phone: nullable(Type.String({ maxLength: 50 })),
  address: nullable(AddressSchema),
  locale: LocaleSchema,
  marketingConsent: Type.Boolean({
    description: 'Agrees to marketing e-mails; the time of each change is recorded (consentAt)',
  }),
  notes: nullable(Type.String({ maxLength: 10_000 })),
  tags: Type.Array(Text(50), { maxItems: 30, description: 'Free labels: vip, school, …' }),
  travelPolicy: nullable(TravelPolicyInputSchema),
  costCentres: Type.Array(Text(50), {
    maxItems: 200,
    description: "A company's cost centres, one of which a booking may be charged to",
  }),
};

/** Every field optional: what a change may give (and a creation, with the kind). */
const OptionalFields = Type.Partial(Type.Object(editable));

export const CreateCustomerBody = Type.Object(
  { kind: KindSchema, ...OptionalFields.properties },
  { additionalProperties: false },
);

export const UpdateCustomerBody = Type.Object(OptionalFields.properties, {
  additionalProperties: false,
  description: 'Only the fields given change; null clears an optional one; the kind never does',
});

export const ApproversBody = Type.Object(
  {
    userIds: Type.Array(Uuid, {
      maxItems: 50,
      description: 'Users with the approver role; replaces the list (empty: none)',
    }),
  },
  { additionalProperties: false },
);
