// HTTP for seat maps: a transport's layout (staff read it, product managers replace it), a
// departure's seat map with who sits where, and staff swapping two seats.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateSchema, catalogEditors } from '../catalog/common.ts';
import { staffRoles } from '../identity/roles.ts';
import { blockReasons, featureKinds, seatProperties, vehicleKinds } from './layout.ts';
import * as seating from './service.ts';
import { seatMovers } from './service.ts';

const SeatId = Type.String({
  minLength: 1,
  maxLength: 20,
  pattern: '^[A-Za-z0-9_.-]+$',
  description: 'Stable seat id within the layout, e.g. 12A',
});
const GridRow = Type.Integer({ minimum: 1, maximum: 200 });
const GridColumn = Type.Integer({ minimum: 1, maximum: 30 });

const LayoutSeatSchema = Type.Object(
  {
    id: SeatId,
    label: Type.Optional(
      Type.String({ minLength: 1, maxLength: 20, description: 'The id when absent' }),
    ),
    row: GridRow,
    column: GridColumn,
    classCode: Type.String({
      minLength: 1,
      maxLength: 10,
      description: 'A class of the transport',
    }),
    properties: Type.Optional(
      Type.Array(Type.Enum([...seatProperties]), {
        maxItems: seatProperties.length,
        uniqueItems: true,
      }),
    ),
    blocked: Type.Optional(
      nullable(Type.Enum([...blockReasons]), {
        description: 'Never sold: driver, guide, crew, other',
      }),
    ),
  },
  { additionalProperties: false },
);

const FeatureSchema = Type.Object(
  {
    kind: Type.Enum([...featureKinds]),
    row: GridRow,
    column: GridColumn,
    rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    columns: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    label: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const DeckSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 20 }),
    name: Type.Optional(Type.String({ maxLength: 100 })),
    rows: GridRow,
    columns: GridColumn,
    seats: Type.Array(LayoutSeatSchema, { maxItems: 1000 }),
    features: Type.Optional(Type.Array(FeatureSchema, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

const layoutFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. Setra S 516 HD, 49 seats' }),
  vehicle: Type.Enum([...vehicleKinds]),
  customerChoice: Type.Optional(
    Type.Boolean({ description: 'Customers and partners may choose seats on their own bookings' }),
  ),
  decks: Type.Array(DeckSchema, { minItems: 1, maxItems: 4 }),
};

const LayoutBody = Type.Object(
  {
    ...layoutFields,
    // What GET answers besides the document; accepted and ignored, so a layout read can be sent back.
    transportId: Type.Optional(Uuid),
    version: Type.Optional(Type.Integer()),
    seatsForSale: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  },
  { additionalProperties: false },
);

const LayoutView = Type.Object(
  {
    transportId: Uuid,
    version: Type.Integer({ description: 'Goes up by one with each change' }),
    seatsForSale: Type.Record(Type.String(), Type.Integer(), {
      description: 'Seats for sale per class (blocked seats are not)',
    }),
    ...layoutFields,
  },
  { $id: 'SeatLayout' },
);

const SeatStateSchema = Type.Enum(['free', 'held', 'sold', 'blocked']);

export const SeatFields = {
  seatId: Type.String(),
  label: Type.String(),
  classCode: Type.String(),
  deck: Type.Integer({ description: 'Index of the deck in the layout' }),
  row: Type.Integer(),
  column: Type.Integer(),
  properties: Type.Array(Type.String()),
  state: SeatStateSchema,
  blocked: nullable(Type.String()),
};

export const DeckDrawing = Type.Object({
  id: Type.String(),
  name: nullable(Type.String()),
  rows: Type.Integer(),
  columns: Type.Integer(),
  features: Type.Array(FeatureSchema),
});

const SeatMapSchema = Type.Object(
  {
    departureId: Uuid,
    transportId: Uuid,
    date: CalendarDateSchema,
    status: Type.String(),
    layout: nullable(
      Type.Object({
        name: Type.String(),
        vehicle: Type.String(),
        version: Type.Integer(),
        customerChoice: Type.Boolean(),
        decks: Type.Array(DeckDrawing),
      }),
      { description: 'Null when the transport has no seat layout' },
    ),
    classes: Type.Array(
      Type.Object({
        classCode: Type.String(),
        name: Type.String(),
        seats: Type.Integer({ description: 'Seats of the class on the map, blocked ones aside' }),
        sold: Type.Integer(),
        free: Type.Integer(),
        held: Type.Integer(),
        blocked: Type.Integer(),
        capacity: Type.Integer({ description: "The inventory's seats for sale" }),
        inventorySold: Type.Integer(),
        inventoryHeld: Type.Integer({ description: 'Held by quotes, not yet given a seat' }),
      }),
    ),
    seats: Type.Array(
      Type.Object({
        ...SeatFields,
        held: nullable(Type.String()),
        booking: nullable(
          Type.Object({
            id: Uuid,
            number: Type.String(),
            travellerIndex: Type.Integer(),
            name: nullable(Type.String()),
            child: Type.Boolean(),
          }),
        ),
      }),
    ),
    warnings: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'DepartureSeatMap' },
);

export async function seatingRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(LayoutView);
  app.addSchema(SeatMapSchema);

  app.get(
    '/api/v1/transport/:id/layout',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['seat maps'],
        summary: "The transport's seat layout (404 when it has none)",
        params: IdParams,
        response: { 200: Type.Ref('SeatLayout'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const view = await seating.getLayout(contextOf(request, database), request.params.id);
      return {
        ...view.layout,
        transportId: view.transportId,
        version: view.version,
        seatsForSale: view.seatsForSale,
      };
    },
  );

  app.put(
    '/api/v1/transport/:id/layout',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['seat maps'],
        summary:
          "Replace the transport's seat layout; every coming departure's seat map is redrawn (travellers keep their seats)",
        description:
          'Each coming departure must sell as many seats per class as the layout has for sale (400 stating the difference), unless resizeDepartures=true sets them to it. A layout that would take away a sold seat is refused (409): move those travellers first.',
        params: IdParams,
        querystring: Type.Object(
          {
            resizeDepartures: Type.Optional(
              Type.Boolean({
                description: "Set coming departures' seats per class to the layout's",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        body: LayoutBody,
        response: { 200: Type.Ref('SeatLayout'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { transportId: _t, version: _v, seatsForSale: _s, ...layout } = request.body;
      const view = await seating.putLayout(contextOf(request, database), request.params.id, {
        layout,
        resizeDepartures: request.query.resizeDepartures,
      });
      return {
        ...view.layout,
        transportId: view.transportId,
        version: view.version,
        seatsForSale: view.seatsForSale,
      };
    },
  );

  app.get(
    '/api/v1/transport-departures/:id/seats',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['seat maps'],
        summary:
          'The seat map of a departure: every seat, its state (free, held, sold, blocked) and who sits there',
        params: IdParams,
        response: { 200: Type.Ref('DepartureSeatMap'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => seating.departureSeatMap(contextOf(request, database), request.params.id),
  );

  app.patch(
    '/api/v1/transport-departures/:id/seats/:seatId',
    {
      config: { access: seatMovers },
      schema: {
        tags: ['seat maps'],
        summary:
          'Hold a free seat out of sale on this departure with a note (its class sells one seat less), or release it (held: null)',
        params: Type.Object({ id: Uuid, seatId: Type.String({ minLength: 1, maxLength: 20 }) }),
        body: Type.Object(
          {
            held: nullable(
              Type.String({ minLength: 1, maxLength: 200, description: 'Why, e.g. Tour leader' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('DepartureSeatMap'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      seating.holdSeat(
        contextOf(request, database),
        request.params.id,
        request.params.seatId,
        request.body.held,
      ),
  );

  app.post(
    '/api/v1/transport-departures/:id/seats/swap',
    {
      config: { access: seatMovers },
      schema: {
        tags: ['seat maps'],
        summary:
          'Move the traveller on one seat to another (a swap when someone sits there); audited, warns when it splits a party',
        params: IdParams,
        body: Type.Object(
          {
            from: Type.String({
              minLength: 1,
              maxLength: 20,
              description: 'The seat of the traveller to move',
            }),
            to: Type.String({
              minLength: 1,
              maxLength: 20,
              description: 'A free seat, or one to swap with',
            }),
            reason: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('DepartureSeatMap'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      seating.swapSeats(contextOf(request, database), request.params.id, request.body),
  );
}
