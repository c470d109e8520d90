// HTTP for bookings: create one from a quote (idempotent), read it, move it along its life
// cycle. Amounts are integers in the minor unit of the booking's currency.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { idempotencyClaim, runIdempotent, sendIdempotent } from '../../http/idempotency.ts';
import { errorResponses, IdParams, NonBlank, nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateSchema, CountryCodeSchema } from '../catalog/common.ts';
import { CreateCustomerBody } from '../customers/schemas.ts';
import { bookerRoles } from '../identity/roles.ts';
import { ChannelSchema } from '../pricing/quote-routes.ts';
import { bookingActionRoutes } from './action-routes.ts';
import { createBooking } from './create-booking.ts';
import { getBooking } from './read-booking.ts';
import { SeatPreferencesSchema } from './seat-routes.ts';
import { bookingStatuses } from './state-machine.ts';
import { moveBooking } from './transitions.ts';

export const TravellerSchema = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 1, maxLength: 100 }),
  birthDate: CalendarDateSchema,
  nationality: Type.Optional(nullable(CountryCodeSchema)),
  documentType: Type.Optional(nullable(Type.Enum(['passport', 'id_card']))),
  documentNumber: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  documentExpiry: Type.Optional(nullable(CalendarDateSchema)),
  email: Type.Optional(nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(nullable(Type.String({ minLength: 3, maxLength: 40 }))),
  diet: Type.Optional(
    nullable(NonBlank({ maxLength: 200 }), {
      description: 'For the tour leader, e.g. vegetarian, nut allergy; left out: kept as recorded',
    }),
  ),
  medicalNotes: Type.Optional(
    nullable(NonBlank({ maxLength: 1000 }), {
      description: 'What the tour leader should know; left out: kept as recorded',
    }),
  ),
  emergencyContact: Type.Optional(
    nullable(NonBlank({ maxLength: 200 }), {
      description: 'Whom to call, with the phone number; left out: kept as recorded',
    }),
  ),
});

const CreateBookingSchema = Type.Object({
  quoteId: Uuid,
  customerId: Type.Optional(nullable(Uuid, { description: 'An existing customer…' })),
  customer: Type.Optional(
    nullable(CreateCustomerBody, {
      description: '…or a new one, created with the booking (give one of the two)',
    }),
  ),
  travellers: Type.Array(TravellerSchema, { minItems: 1, maxItems: 60 }),
  channel: Type.Optional(ChannelSchema),
  notes: Type.Optional(nullable(Type.String({ maxLength: 4000 }))),
  offerId: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  variantId: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  pnr: Type.Optional(
    nullable(
      Type.String({
        minLength: 1,
        maxLength: 20,
        pattern: '^\\S(.*\\S)?$',
        description: 'The record locator of a GDS or supplier (no leading or trailing spaces)',
      }),
    ),
  ),
  seatPreferences: Type.Optional(SeatPreferencesSchema),
  priceOverride: Type.Optional(
    nullable(
      Type.Object({
        total: Type.Integer({ minimum: 0, description: 'The agreed total, minor units' }),
        reason: Type.String({ minLength: 3, maxLength: 500 }),
      }),
      { description: 'Admins and agents: the price agreed with the customer, and why (audited)' },
    ),
  ),
});

const BookingSchema = Type.Object(
  {
    id: Uuid,
    number: Type.String({ description: 'Gapless per agency and year, e.g. 2027-000123' }),
    status: Type.Enum([...bookingStatuses]),
    channel: Type.String(),
    online: Type.Boolean(),
    transitions: Type.Array(Type.String(), { description: 'The statuses you may move it to now' }),
  },
  { $id: 'Booking', additionalProperties: true },
);

export async function bookingRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(BookingSchema);
  // Routes answering with a Booking live in this plugin, where its schema is known.
  await bookingActionRoutes(app, { database });

  app.post(
    '/api/v1/bookings',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['bookings'],
        summary:
          'Books a quote: travellers checked, its hold made firm (or taken afresh), numbered',
        body: CreateBookingSchema,
        response: { 201: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => {
          const { id } = await createBooking(ctx, request.body);
          return { statusCode: 201, body: await getBooking(ctx, id) };
        },
      );
      return sendIdempotent(reply, result);
    },
  );

  app.get(
    '/api/v1/bookings/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['bookings'],
        summary: 'A booking with its lines, travellers, allowed transitions and history',
        params: IdParams,
        response: { 200: Type.Ref('Booking'), ...errorResponses(401, 404) },
      },
    },
    async (request) => getBooking(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/bookings/:id/transitions',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['bookings'],
        summary: 'Moves a booking to another status, if the state machine allows it (409 if not)',
        params: IdParams,
        body: Type.Object({
          to: Type.Enum([...bookingStatuses]),
          reason: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 1000 }))),
        }),
        response: { 200: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      await moveBooking(ctx, request.params.id, request.body);
      return getBooking(ctx, request.params.id);
    },
  );
}
