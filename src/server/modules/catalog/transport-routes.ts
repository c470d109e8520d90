// HTTP for transport: flights, trains and buses in one resource, with dated departures
// whose seats live in the inventory.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from './archive-routes.ts';
import {
  ArchivedQuery,
  CalendarDateSchema,
  CountryCodeSchema,
  catalogEditors,
  catalogReaders,
  LifecycleSchema,
  TimestampSchema,
} from './common.ts';
import type { CatalogDeps } from './routes.ts';
import * as transports from './transport-service.ts';

const KindSchema = Type.Enum(['flight', 'train', 'bus'], { description: 'flight, train or bus' });
const StatusSchema = Type.Enum(['open', 'closed', 'cancelled'], {
  description: 'open (on sale), closed (not on sale) or cancelled',
});
const ClassCode = Type.String({
  minLength: 1,
  maxLength: 10,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Class code: Y/J for a flight, 1/2 for a train, STD for a bus',
});

const ClassSchema = Type.Object(
  { code: ClassCode, name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
const StopSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Airport, station or stop' }),
    code: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10,
        description: 'IATA airport code (required for flights), station or stop code',
      }),
    ),
    city: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    country: Type.Optional(CountryCodeSchema),
    time: Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'Local time HH:MM (departure, or arrival at the last stop)',
    }),
    dayOffset: Type.Integer({
      minimum: 0,
      maximum: 14,
      default: 0,
      description: 'Days after the departure date',
    }),
  },
  { additionalProperties: false },
);
const SeatsInput = Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 100_000 }), {
  maxProperties: 50,
  description: 'Seats per class code, e.g. { "Y": 150, "J": 12 }',
});
const DepartureInput = Type.Object(
  { date: CalendarDateSchema, seats: Type.Optional(SeatsInput) },
  { additionalProperties: false },
);
const DeparturesInput = Type.Array(DepartureInput, { maxItems: 400 });

const TransportDepartureSchema = Type.Object(
  {
    id: Uuid,
    transportId: Uuid,
    date: CalendarDateSchema,
    status: StatusSchema,
    seats: Type.Array(
      Type.Object({
        classCode: Type.String(),
        capacity: Type.Integer(),
        sold: Type.Integer(),
        held: Type.Integer(),
        available: Type.Integer(),
      }),
    ),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'TransportDeparture' },
);
const departureRef = Type.Ref('TransportDeparture');

const TransportSchema = Type.Object(
  {
    id: Uuid,
    kind: KindSchema,
    code: Type.String(),
    name: Type.String(),
    carrier: nullable(Type.String()),
    supplierId: nullable(Uuid),
    classes: Type.Array(ClassSchema),
    stops: Type.Array(StopSchema),
    departures: Type.Array(departureRef),
    ...LifecycleSchema,
  },
  { $id: 'Transport' },
);
const transportRef = Type.Ref('Transport');

const editable = {
  code: Type.String({
    minLength: 1,
    maxLength: 20,
    description: 'Flight number (OK 123), train number or bus route code; unique per kind',
  }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  carrier: nullable(Type.String({ maxLength: 200 }), {
    description: 'Airline, rail or bus company',
  }),
  supplierId: nullable(Uuid),
  classes: Type.Array(ClassSchema, { minItems: 1, maxItems: 20 }),
  stops: Type.Array(StopSchema, {
    minItems: 2,
    maxItems: 100,
    description: 'In route order; a flight has exactly 2 (from and to airport)',
  }),
};

export async function transportRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(TransportDepartureSchema);
  api.addSchema(TransportSchema);

  api.get(
    '/api/v1/transport',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['transport'],
        summary: 'List flights, trains and buses, newest first, with departures and seats',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            kind: Type.Optional(KindSchema),
            from: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 100,
                description: 'Leaves from a stop whose city, code or name contains this',
              }),
            ),
            to: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 100,
                description: 'Arrives at a stop whose city, code or name contains this',
              }),
            ),
            date: Type.Optional({ ...CalendarDateSchema, description: 'Has a departure that day' }),
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Code, name or carrier contains' }),
            ),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(transportRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => transports.listTransports(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/transport/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['transport'],
        summary: 'One transport with its departures and seats',
        params: IdParams,
        response: { 200: transportRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => transports.getTransport(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/transport',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['transport'],
        summary: 'Create a flight, train or bus, with departures and their seats',
        body: Type.Object(
          {
            kind: KindSchema,
            code: editable.code,
            name: editable.name,
            carrier: Type.Optional(editable.carrier),
            supplierId: Type.Optional(editable.supplierId),
            classes: editable.classes,
            stops: editable.stops,
            departures: Type.Optional(DeparturesInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: transportRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await transports.createTransport(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/transport/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['transport'],
        summary: 'Change a transport (departures have their own endpoints)',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(KindSchema),
            code: Type.Optional(editable.code),
            name: Type.Optional(editable.name),
            carrier: Type.Optional(editable.carrier),
            supplierId: Type.Optional(editable.supplierId),
            classes: Type.Optional(editable.classes),
            stops: Type.Optional(editable.stops),
          },
          { additionalProperties: false },
        ),
        response: { 200: transportRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transports.updateTransport(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/transport/:id',
    tag: 'transport',
    response: transportRef,
    archiveSummary: 'Archive a transport (it stays for existing bookings)',
    restoreSummary: 'Restore an archived transport',
    setArchived: transports.setTransportArchived,
  });

  api.post(
    '/api/v1/transport/:id/departures',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['transport'],
        summary: 'Add one or more dated departures with their seats',
        params: IdParams,
        body: Type.Object(
          { departures: Type.Array(DepartureInput, { minItems: 1, maxItems: 400 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ departures: Type.Array(departureRef) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const departures = await transports.addDepartures(
        contextOf(request, database),
        request.params.id,
        request.body.departures,
      );
      return reply.code(201).send({ departures });
    },
  );

  api.get(
    '/api/v1/transport-departures/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['transport'],
        summary: 'One departure with its seats per class',
        params: IdParams,
        response: { 200: departureRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => transports.getDeparture(contextOf(request, database), request.params.id),
  );

  api.patch(
    '/api/v1/transport-departures/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['transport'],
        summary: 'Change a departure: status, or seats per class (never below sold + held)',
        params: IdParams,
        body: Type.Object(
          { status: Type.Optional(StatusSchema), seats: Type.Optional(SeatsInput) },
          { additionalProperties: false },
        ),
        response: { 200: departureRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transports.updateDeparture(contextOf(request, database), request.params.id, request.body),
  );
}
