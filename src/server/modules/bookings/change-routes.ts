// HTTP for after-sale changes of a booking (B6): what cancelling would cost and cancelling
// it, previewing and applying a change of dates, party or rooms, and correcting travellers'
// details. Writes that must not happen twice accept an Idempotency-Key. Amounts are integers
// in the minor unit of the booking's currency.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { idempotencyClaim, runIdempotent, sendIdempotent } from '../../http/idempotency.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { bookerRoles } from '../identity/roles.ts';
import { QuoteLineSchema, QuoteRequestSchema } from '../pricing/quote-routes.ts';
import { cancelBooking, previewCancellation, reasonLength } from './cancel-booking.ts';
import { applyChange, previewChange } from './change-booking.ts';
import { correctTravellers } from './correct-travellers.ts';
import { getBooking } from './read-booking.ts';
import { TravellerSchema } from './routes.ts';
import { bookingStatuses } from './state-machine.ts';

const tags = ['bookings'];

/** The booking as GET /api/v1/bookings/{id} shows it (every field of the view is kept). */
const BookingView = Type.Object(
  {
    id: Uuid,
    number: Type.String(),
    status: Type.String({ description: bookingStatuses.join(', ') }),
    revision: Type.Integer({ description: '1 when made; each change adds one' }),
    total: Type.Integer({ description: 'Minor units' }),
    cancellation: nullable(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        by: nullable(Type.String()),
        reason: nullable(Type.String()),
        fee: nullable(Type.Integer({ description: 'Minor units' })),
      }),
    ),
  },
  { additionalProperties: true },
);

const TierSchema = Type.Object({ daysBefore: Type.Integer(), percent: Type.String() });

const CancellationPreviewSchema = Type.Object({
  fee: Type.Integer({ description: 'What cancelling now costs, minor units' }),
  refundableAmount: Type.Integer({
    description:
      'The total less the fee: what a fully paid booking gets back; staff record the refund as a payment of kind refund (never more than paid less the fee)',
  }),
  total: Type.Integer({ description: 'The booking’s current total, minor units' }),
  daysBefore: Type.Integer({ description: 'Days from today to the first day of travel' }),
  percent: Type.String({ description: 'The share of the total charged, "50"' }),
  tier: nullable(TierSchema, {
    description:
      'The tier that applies; null without tiers (free), below every tier (100 %) or non-refundable',
  }),
  currency: Type.String(),
  nonRefundable: Type.Boolean(),
});

const Reason = Type.String({ minLength: reasonLength.min, maxLength: reasonLength.max });

const ask = QuoteRequestSchema.properties;
const ChangeAskSchema = Type.Object(
  {
    from: ask.from,
    to: ask.to,
    departureId: ask.departureId,
    outboundDepartureId: ask.outboundDepartureId,
    returnDepartureId: ask.returnDepartureId,
    party: Type.Optional(ask.party),
    rooms: ask.rooms,
    extras: ask.extras,
    classCode: ask.classCode,
    boardingPoint: ask.boardingPoint,
    timeSlot: ask.timeSlot,
    holdMinutes: ask.holdMinutes,
  },
  {
    additionalProperties: false,
    description:
      'What changes; every field not given keeps the booking’s value. New dates replace its departure and a new departure its dates; a new party without rooms is put in the cheapest room that holds it',
  },
);

const ChangePreviewSchema = Type.Object({
  quote: Type.Object({
    id: Uuid,
    from: Type.String(),
    to: Type.String(),
    party: ask.party,
    rooms: Type.Array(Type.Object({}, { additionalProperties: true })),
    lines: Type.Array(QuoteLineSchema),
    total: Type.Integer({ description: 'The changed trip, minor units' }),
    currency: Type.String(),
    onRequest: Type.Boolean(),
    expiresAt: Type.String({ format: 'date-time', description: 'Apply the change before this' }),
  }),
  changeFee: Type.Integer({ description: 'What the change itself costs, minor units' }),
  newTotal: Type.Integer({ description: 'quote.total + changeFee' }),
  difference: Type.Integer({ description: 'newTotal − currentTotal (negative: cheaper)' }),
  currentTotal: Type.Integer(),
  currency: Type.String(),
  promoCodeDropped: nullable(Type.String(), {
    description: 'Why the booking’s promo code no longer applies to the changed trip, if so',
  }),
});

export async function bookingChangeRoutes(
  base: FastifyInstance,
  { database }: { database: Database },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/bookings/:id/cancellation',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'What cancelling the booking now would cost, by its cancellation policy',
        params: IdParams,
        response: { 200: CancellationPreviewSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => previewCancellation(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/bookings/:id/cancel',
    {
      config: { access: bookerRoles },
      schema: {
        tags,
        summary:
          'Cancels the booking: the fee charged, its inventory and promo code use given back',
        description:
          'The state machine decides who may (a customer only until the agency orders it: 403 after); a cancelled or departed booking is a 409. Accepts an Idempotency-Key.',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: BookingView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => {
          await cancelBooking(ctx, request.params.id, request.body);
          return { statusCode: 200, body: await getBooking(ctx, request.params.id) };
        },
      );
      return sendIdempotent(reply, result);
    },
  );

  app.post(
    '/api/v1/bookings/:id/changes/preview',
    {
      config: { access: bookerRoles },
      schema: {
        tags,
        summary: 'Prices a change of dates, party or rooms as a new quote holding its inventory',
        description:
          'The booking is not touched: apply the change with POST /api/v1/bookings/{id}/changes and the quote id before it expires. 409 for a cancelled, departed or non-refundable booking, or when the changed trip is not available.',
        params: IdParams,
        body: ChangeAskSchema,
        response: { 201: ChangePreviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const preview = await previewChange(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(preview);
    },
  );

  app.post(
    '/api/v1/bookings/:id/changes',
    {
      config: { access: bookerRoles },
      schema: {
        tags,
        summary: 'Applies a previewed change: inventory swapped, lines replaced, repriced',
        description:
          'One transaction: the change’s hold made firm (or taken afresh once expired; 409 and nothing changed when its places are gone), the old inventory released, the old lines kept as superseded, the new ones and a change fee written. A price override is dropped. Accepts an Idempotency-Key.',
        params: IdParams,
        body: Type.Object(
          {
            quoteId: { ...Uuid, description: 'The quote of POST …/changes/preview' },
            travellers: Type.Optional(
              Type.Array(TravellerSchema, {
                minItems: 1,
                maxItems: 60,
                description: 'Everyone travelling; required when the party changes',
              }),
            ),
            reason: Type.Optional(nullable(Reason)),
          },
          { additionalProperties: false },
        ),
        response: { 200: BookingView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => {
          await applyChange(ctx, request.params.id, request.body);
          return { statusCode: 200, body: await getBooking(ctx, request.params.id) };
        },
      );
      return sendIdempotent(reply, result);
    },
  );

  app.put(
    '/api/v1/bookings/:id/travellers',
    {
      config: { access: bookerRoles },
      schema: {
        tags,
        summary: 'Corrects the travellers’ details without repricing (the same party)',
        params: IdParams,
        body: Type.Object(
          {
            travellers: Type.Array(TravellerSchema, { minItems: 1, maxItems: 60 }),
            reason: Type.Optional(nullable(Reason)),
          },
          { additionalProperties: false },
        ),
        response: { 200: BookingView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      await correctTravellers(ctx, request.params.id, request.body);
      return getBooking(ctx, request.params.id);
    },
  );
}
