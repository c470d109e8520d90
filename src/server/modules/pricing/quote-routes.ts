// HTTP for quotes (POST /api/v1/quotes, GET /api/v1/quotes/{id}) and the offer search
// (GET /api/v1/offers). Amounts are integers in the minor unit of the quote's currency.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateSchema, CurrencyCodeSchema } from '../catalog/common.ts';
import { bookerRoles } from '../identity/roles.ts';
import { searchOffers } from './offers-service.ts';
import { createQuote, getQuote } from './quotes-service.ts';
import { channels } from './types.ts';

const PartySchema = Type.Object({
  adults: Type.Integer({ minimum: 1, maximum: 50 }),
  childAges: Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), {
    maxItems: 50,
    description: 'Each child’s age in whole years at the start of travel',
  }),
});
const RoomSchema = Type.Object({
  roomTypeId: Uuid,
  adults: Type.Integer({ minimum: 0, maximum: 20 }),
  childAges: Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), { maxItems: 20 }),
});
export const ChannelSchema = Type.Enum([...channels], {
  description: 'Where the request came from; fees and commissions follow the channel',
});

export const QuoteRequestSchema = Type.Object({
  productId: Uuid,
  from: Type.Optional(CalendarDateSchema),
  to: Type.Optional(CalendarDateSchema),
  departureId: Type.Optional(Uuid),
  outboundDepartureId: Type.Optional(
    nullable(Uuid, { description: 'Stays by days: a transport departure on `from`' }),
  ),
  returnDepartureId: Type.Optional(
    nullable(Uuid, { description: 'Stays by days: a transport departure on `to`' }),
  ),
  party: PartySchema,
  rooms: Type.Optional(
    Type.Array(RoomSchema, {
      minItems: 1,
      maxItems: 20,
      description:
        'Tours: who sleeps in which room; without it, the cheapest room holding everyone',
    }),
  ),
  extras: Type.Optional(
    Type.Array(
      Type.Object({
        serviceId: Uuid,
        quantity: Type.Optional(
          nullable(
            Type.Integer({
              minimum: 1,
              maximum: 1000,
              description:
                'A per-person service: how many each traveller takes (2 ski passes for 2 adults are 4). Other units: the count of nights, days or pieces. Null: one each, or the nights or days of the trip',
            }),
          ),
        ),
        date: Type.Optional(nullable(CalendarDateSchema)),
      }),
      { maxItems: 30 },
    ),
  ),
  classCode: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 20 }))),
  boardingPoint: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  timeSlot: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 10 }))),
  promoCode: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  channel: ChannelSchema,
  currency: Type.Optional(nullable(CurrencyCodeSchema)),
  customerId: Type.Optional(nullable(Uuid)),
  ratePlan: Type.Optional(Type.Enum(['flexible', 'non_refundable'])),
  holdMinutes: Type.Optional(
    nullable(Type.Integer({ minimum: 1, maximum: 10080, description: 'Staff only; default 30' })),
  ),
});

export const QuoteLineSchema = Type.Object({
  kind: Type.String({
    description:
      'room, person, extra_bed, empty_bed, transport, ticket, service, booking, dynamic, discount, surcharge, fee, commission',
  }),
  productKind: Type.String(),
  productId: Type.String(),
  label: Type.String(),
  travellers: Type.Array(Type.Integer(), {
    description: 'Indexes into the party: adults first, then children',
  }),
  room: nullable(Type.Integer()),
  from: nullable(Type.String()),
  to: nullable(Type.String()),
  nights: nullable(Type.Integer()),
  period: nullable(Type.String()),
  childBand: nullable(Type.String()),
  unitPrice: Type.Integer(),
  quantity: Type.Integer(),
  amount: Type.Integer({ description: 'unitPrice × quantity, minor units' }),
  cost: Type.Optional(nullable(Type.Integer({ description: 'Staff only' }))),
  margin: Type.Optional(nullable(Type.Integer({ description: 'Staff only' }))),
  rule: nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      detail: Type.String(),
    }),
  ),
});

const OfferSchema = Type.Object({
  kind: Type.Enum(['stay', 'tour', 'package', 'tickets']),
  productId: Uuid,
  productName: Type.String(),
  departureId: nullable(Uuid),
  place: Type.Object({
    city: Type.String(),
    country: Type.String(),
    accommodation: nullable(Type.String()),
    stars: nullable(Type.Number()),
  }),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  nights: nullable(Type.Integer()),
  rooms: Type.Array(RoomSchema),
  currency: Type.String(),
  total: Type.Integer({ description: 'Minor units, everything included' }),
  perPerson: Type.Integer(),
  nonRefundable: Type.Boolean(),
  freeCancellationDaysBefore: nullable(Type.Integer()),
});

const QuoteSchema = Type.Object(
  {
    id: Uuid,
    productKind: Type.String(),
    productId: Uuid,
    productName: nullable(Type.String()),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    party: PartySchema,
    rooms: Type.Array(RoomSchema),
    channel: Type.String(),
    ratePlan: Type.String(),
    currency: Type.String(),
    lines: Type.Array(QuoteLineSchema),
    total: Type.Integer({ description: 'The sum of the lines, minor units' }),
    cost: Type.Optional(
      nullable(Type.Integer({ description: 'Staff only; null when a line has no cost' })),
    ),
    margin: Type.Optional(nullable(Type.Integer({ description: 'Staff only' }))),
    cancellationPolicy: Type.Object({
      nonRefundable: Type.Boolean(),
      tiers: Type.Array(
        Type.Object({ daysBefore: Type.Integer(), percent: Type.String(), fee: Type.Integer() }),
      ),
      changeFee: Type.Optional(
        nullable(
          Type.Object({
            amount: Type.Integer({ description: 'Per change, minor units of the quote currency' }),
            freeDaysBefore: nullable(Type.Integer()),
          }),
          { description: 'What a change of the booking costs; null: changes are free' },
        ),
      ),
    }),
    rates: Type.Array(
      Type.Object({
        from: Type.String(),
        to: Type.String(),
        rate: Type.String(),
        date: Type.String(),
        source: Type.String(),
      }),
    ),
    promoCode: nullable(Type.String()),
    holdId: nullable(Uuid),
    onRequest: Type.Boolean({ description: 'Some of it waits for the supplier’s answer' }),
    expiresAt: Type.String({ format: 'date-time' }),
    expired: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Quote' },
);

export async function quoteRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(QuoteSchema);

  app.post(
    '/api/v1/quotes',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['pricing'],
        summary: 'Prices a trip line by line and holds its inventory until the quote expires',
        body: QuoteRequestSchema,
        response: { 201: Type.Ref('Quote'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const quote = await createQuote(contextOf(request, database), request.body);
      return reply.code(201).send(quote);
    },
  );

  app.get(
    '/api/v1/quotes/:id',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['pricing'],
        summary: 'A quote as it was priced (staff: any; others: their own)',
        params: IdParams,
        response: { 200: Type.Ref('Quote'), ...errorResponses(401, 404) },
      },
    },
    async (request) => getQuote(contextOf(request, database), request.params.id),
  );

  app.get(
    '/api/v1/offers',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['pricing'],
        summary: 'Priced, available options for a destination, dates and party, cheapest first',
        querystring: Type.Object({
          destination: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          country: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
          from: CalendarDateSchema,
          to: CalendarDateSchema,
          adults: Type.Integer({ minimum: 1, maximum: 50 }),
          childAges: Type.Optional(
            Type.Array(Type.String({ pattern: '^\\d{1,2}(,\\d{1,2})*$' }), {
              description: 'Ages, repeated or comma-separated: childAges=4,9',
            }),
          ),
          currency: Type.Optional(CurrencyCodeSchema),
          channel: Type.Optional(ChannelSchema),
        }),
        response: {
          200: Type.Object({ items: Type.Array(OfferSchema) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => searchOffers(contextOf(request, database), request.query),
  );
}
