// HTTP for a booking's seats: read them with each leg's seat map, seat the travellers again
// automatically, or put them where asked. Staff on any booking; a customer or partner on
// their own, where the transport lets customers choose (the service decides).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateSchema } from '../catalog/common.ts';
import { bookerRoles } from '../identity/roles.ts';
import { seatProperties } from '../seating/layout.ts';
import { DeckDrawing, SeatFields } from '../seating/routes.ts';
import { bookingSeats, setBookingSeats } from './booking-seats.ts';

const LegSchema = Type.Enum(['outbound', 'return'], {
  description: 'outbound (the first transport leg) or return',
});

export const SeatPreferencesSchema = Type.Array(
  Type.Object(
    {
      travellerIndex: Type.Integer({ minimum: 0, maximum: 59 }),
      prefer: Type.Array(Type.Enum([...seatProperties]), {
        minItems: 1,
        maxItems: 4,
        uniqueItems: true,
      }),
    },
    { additionalProperties: false },
  ),
  {
    maxItems: 60,
    description: 'Seat wishes per traveller (window, aisle, table…), met when possible',
  },
);

const BookingSeatsSchema = Type.Object(
  {
    bookingId: Uuid,
    legs: Type.Array(
      Type.Object({
        leg: LegSchema,
        departureId: Uuid,
        date: CalendarDateSchema,
        classCode: Type.String(),
        travellers: Type.Integer(),
        customerChoice: Type.Boolean({
          description: 'Customers may choose their seats on this leg',
        }),
        seats: Type.Array(
          Type.Object({
            travellerIndex: Type.Integer(),
            seatId: Type.String(),
            label: Type.String(),
          }),
        ),
        map: nullable(
          Type.Object({
            name: Type.String(),
            vehicle: Type.String(),
            customerChoice: Type.Boolean(),
            decks: Type.Array(DeckDrawing),
            seats: Type.Array(
              Type.Object({
                ...SeatFields,
                choosable: Type.Boolean({
                  description: 'Free (or this booking’s) and of its class',
                }),
                travellerIndex: nullable(Type.Integer(), {
                  description: 'The traveller of this booking on it',
                }),
              }),
            ),
          }),
          { description: 'Null when the departure has no seat map' },
        ),
      }),
    ),
    warnings: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'BookingSeats' },
);

export async function bookingSeatRoutes(
  base: FastifyInstance,
  { database }: { database: Database },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(BookingSeatsSchema);

  app.get(
    '/api/v1/bookings/:id/seats',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['bookings', 'seat maps'],
        summary:
          "The booking's seats on each transport leg, with the leg's seat map (no other names)",
        params: IdParams,
        response: { 200: Type.Ref('BookingSeats'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => bookingSeats(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/bookings/:id/seats',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['bookings', 'seat maps'],
        summary:
          'Seat the travellers again ({ auto: true }) or where asked ({ assignments }); a seat of another traveller of the booking is a swap',
        description:
          'Staff on any booking; a customer or partner on their own booking, where the transport lets customers choose (403 otherwise). 400 names the field (unknown seat, another class, a leg the booking does not have); 409 for a seat someone else sits on, a blocked seat, or a cancelled booking. Audited; `warnings` says when the party no longer sits together.',
        params: IdParams,
        body: Type.Object(
          {
            auto: Type.Optional(Type.Boolean()),
            assignments: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    travellerIndex: Type.Integer({ minimum: 0, maximum: 59 }),
                    leg: LegSchema,
                    seatId: Type.String({ minLength: 1, maxLength: 20 }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 120 },
              ),
            ),
            preferences: Type.Optional(SeatPreferencesSchema),
            reason: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('BookingSeats'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      setBookingSeats(contextOf(request, database), request.params.id, request.body),
  );
}
