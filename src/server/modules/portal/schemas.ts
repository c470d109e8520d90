// The portal API's schemas: the agency in the path, the language asked, what a visitor sends to
// quote and book, and the shapes of a quote and a booking as a customer sees them.
import { Type } from 'typebox';
import { IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { TravellerSchema } from '../bookings/routes.ts';
import { CalendarDateSchema, CurrencyCodeSchema } from '../catalog/common.ts';
import { customerLocales } from '../customers/types.ts';

export const AgencyParams = Type.Object({
  agency: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: "The agency's slug" }),
});
export const AgencyIdParams = Type.Object({ ...AgencyParams.properties, ...IdParams.properties });
export const Lang = Type.Optional(
  Type.Enum([...customerLocales], { description: 'Language of texts; default the agency’s' }),
);
export const LangQuery = Type.Object({ lang: Lang });
export const ChildAges = Type.Optional(
  Type.Array(Type.String({ pattern: '^\\d{1,2}(,\\d{1,2})*$' }), {
    description: 'Ages, repeated or comma-separated: childAges=4,9',
  }),
);
export const Open = (properties: Parameters<typeof Type.Object>[0], description?: string) =>
  Type.Object(properties, { additionalProperties: true, ...(description ? { description } : {}) });

export const PortalBookingSchema = Open(
  {
    id: Uuid,
    number: Type.String(),
    status: Type.String(),
    channel: Type.String(),
    currency: Type.String(),
    total: Type.Integer(),
    paid: Type.Integer(),
    balance: Type.Integer(),
    voucherCode: nullable(Type.String()),
  },
  'A booking as its customer sees it: no costs, no staff notes',
);
export const QuoteView = Open(
  {
    id: Uuid,
    currency: Type.String(),
    total: Type.Integer(),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  'The quote as POST /api/v1/quotes answers a customer: lines, total, cancellation policy',
);
export const Party = Type.Object({
  adults: Type.Integer({ minimum: 1, maximum: 20 }),
  childAges: Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), { maxItems: 20 }),
});

export const QuoteBody = Type.Object(
  {
    productId: Uuid,
    replaces: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          "The caller's previous quote of this trip (the checkout priced again): its places are released as this one holds",
      }),
    ),
    from: Type.Optional(CalendarDateSchema),
    to: Type.Optional(CalendarDateSchema),
    departureId: Type.Optional(Uuid),
    party: Party,
    rooms: Type.Optional(
      Type.Array(
        Type.Object({
          roomTypeId: Uuid,
          adults: Type.Integer({ minimum: 0, maximum: 20 }),
          childAges: Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), {
            maxItems: 20,
          }),
        }),
        { minItems: 1, maxItems: 10 },
      ),
    ),
    extras: Type.Optional(
      Type.Array(
        Type.Object({
          serviceId: Uuid,
          quantity: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
          date: Type.Optional(nullable(CalendarDateSchema)),
        }),
        { maxItems: 20 },
      ),
    ),
    promoCode: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 40 }))),
    currency: Type.Optional(CurrencyCodeSchema),
    // Tours by the agency's transport: the class and the stop to board at (the product page's
    // `boarding` lists them); fares differ by stop.
    classCode: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 20 }))),
    boardingPoint: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    ratePlan: Type.Optional(Type.Enum(['flexible', 'non_refundable'])),
  },
  { additionalProperties: false },
);

export const BookingBody = Type.Object(
  {
    quoteId: Uuid,
    contact: Type.Object(
      {
        firstName: Type.String({ minLength: 1, maxLength: 100 }),
        lastName: Type.String({ minLength: 1, maxLength: 100 }),
        email: Type.String({ format: 'email', maxLength: 254 }),
        phone: Type.Optional(nullable(Type.String({ minLength: 3, maxLength: 40 }))),
      },
      { additionalProperties: false },
    ),
    travellers: Type.Array(TravellerSchema, { minItems: 1, maxItems: 40 }),
    acceptTerms: Type.Boolean({ description: 'The visitor accepted the terms' }),
    notes: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
    locale: Type.Enum([...customerLocales]),
  },
  { additionalProperties: false },
);
