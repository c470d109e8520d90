// HTTP for attractions: the attraction with its ticket rules, its ticket types, and ticket
// capacity per day and time slot (kept in the inventory).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from './archive-routes.ts';
import * as attractions from './attractions-service.ts';
import {
  ArchivedQuery,
  CalendarDateSchema,
  CountryCodeSchema,
  catalogEditors,
  catalogReaders,
  LifecycleSchema,
  LocalizedTextSchema,
  PhotoUrlsSchema,
} from './common.ts';
import type { CatalogDeps } from './routes.ts';

const CategorySchema = Type.Enum(['adult', 'child', 'student', 'senior', 'family'], {
  description: 'adult, child, student, senior or family',
});
const TimeSlot = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Entry time HH:MM',
});
const Age = nullable(Type.Integer({ minimum: 0, maximum: 120 }));

const TicketTypeSchema = Type.Object(
  {
    id: Uuid,
    attractionId: Uuid,
    category: CategorySchema,
    name: LocalizedTextSchema,
    minAge: nullable(Type.Integer()),
    maxAge: nullable(Type.Integer()),
    ...LifecycleSchema,
  },
  { $id: 'TicketType' },
);
const ticketTypeRef = Type.Ref('TicketType');

const AttractionSchema = Type.Object(
  {
    id: Uuid,
    name: LocalizedTextSchema,
    description: Type.Object({}, { additionalProperties: Type.String() }),
    city: Type.String(),
    country: Type.String(),
    address: nullable(Type.String()),
    latitude: nullable(Type.Number()),
    longitude: nullable(Type.Number()),
    photos: Type.Array(Type.String()),
    supplierId: nullable(Uuid),
    advanceBookingDays: Type.Integer(),
    dated: Type.Boolean(),
    validityDays: nullable(Type.Integer()),
    timeSlots: Type.Array(Type.String()),
    entrances: Type.Array(Type.String()),
    includedItems: Type.Array(LocalizedTextSchema),
    ticketTypes: Type.Array(ticketTypeRef),
    ...LifecycleSchema,
  },
  { $id: 'Attraction' },
);
const attractionRef = Type.Ref('Attraction');

const TicketTypeBody = {
  category: CategorySchema,
  name: LocalizedTextSchema,
  minAge: Type.Optional(Age),
  maxAge: Type.Optional(Age),
};

const editable = {
  description: LocalizedTextSchema,
  city: Type.String({ minLength: 1, maxLength: 200 }),
  country: CountryCodeSchema,
  address: nullable(Type.String({ maxLength: 500 })),
  latitude: nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: nullable(Type.Number({ minimum: -180, maximum: 180 })),
  photos: PhotoUrlsSchema,
  supplierId: nullable(Uuid),
  advanceBookingDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'Tickets must be booked at least this many days ahead',
  }),
  dated: Type.Boolean({
    description: 'true: valid on one day (and slot); false: an open ticket valid validityDays',
  }),
  validityDays: nullable(Type.Integer({ minimum: 1, maximum: 3650 }), {
    description: 'Required for open tickets; null for dated ones',
  }),
  timeSlots: Type.Array(TimeSlot, { maxItems: 96, description: 'Entry times, kept sorted' }),
  entrances: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
  includedItems: Type.Array(LocalizedTextSchema, { maxItems: 50 }),
};

const AvailabilitySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      date: CalendarDateSchema,
      timeSlot: nullable(Type.String()),
      capacity: Type.Integer(),
      sold: Type.Integer(),
      held: Type.Integer(),
      available: Type.Integer(),
      stopSale: Type.Boolean(),
    }),
  ),
});

export async function attractionRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(TicketTypeSchema);
  api.addSchema(AttractionSchema);

  api.get(
    '/api/v1/attractions',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['attractions'],
        summary: 'List attractions, newest first, with their ticket types',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            city: Type.Optional(Type.String({ maxLength: 200, description: 'City contains' })),
            country: Type.Optional(CountryCodeSchema),
            supplierId: Type.Optional(Uuid),
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Name (any language) or city contains' }),
            ),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(attractionRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => attractions.listAttractions(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/attractions/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['attractions'],
        summary: 'One attraction with its ticket types',
        params: IdParams,
        response: { 200: attractionRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => attractions.getAttraction(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/attractions',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['attractions'],
        summary: 'Create an attraction with its ticket types',
        body: Type.Object(
          {
            name: LocalizedTextSchema,
            description: Type.Optional(editable.description),
            city: editable.city,
            country: editable.country,
            address: Type.Optional(editable.address),
            latitude: Type.Optional(editable.latitude),
            longitude: Type.Optional(editable.longitude),
            photos: Type.Optional(editable.photos),
            supplierId: Type.Optional(editable.supplierId),
            advanceBookingDays: Type.Optional(editable.advanceBookingDays),
            dated: Type.Optional(editable.dated),
            validityDays: Type.Optional(editable.validityDays),
            timeSlots: Type.Optional(editable.timeSlots),
            entrances: Type.Optional(editable.entrances),
            includedItems: Type.Optional(editable.includedItems),
            ticketTypes: Type.Optional(
              Type.Array(Type.Object(TicketTypeBody, { additionalProperties: false }), {
                maxItems: 50,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: attractionRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await attractions.createAttraction(
        contextOf(request, database),
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/attractions/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['attractions'],
        summary: 'Change an attraction (ticket types have their own endpoints)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(LocalizedTextSchema),
            description: Type.Optional(editable.description),
            city: Type.Optional(editable.city),
            country: Type.Optional(editable.country),
            address: Type.Optional(editable.address),
            latitude: Type.Optional(editable.latitude),
            longitude: Type.Optional(editable.longitude),
            photos: Type.Optional(editable.photos),
            supplierId: Type.Optional(editable.supplierId),
            advanceBookingDays: Type.Optional(editable.advanceBookingDays),
            dated: Type.Optional(editable.dated),
            validityDays: Type.Optional(editable.validityDays),
            timeSlots: Type.Optional(editable.timeSlots),
            entrances: Type.Optional(editable.entrances),
            includedItems: Type.Optional(editable.includedItems),
          },
          { additionalProperties: false },
        ),
        response: { 200: attractionRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      attractions.updateAttraction(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/attractions/:id',
    tag: 'attractions',
    response: attractionRef,
    archiveSummary: 'Archive an attraction',
    restoreSummary: 'Restore an archived attraction',
    setArchived: attractions.setAttractionArchived,
  });
  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/ticket-types/:id',
    tag: 'attractions',
    response: ticketTypeRef,
    archiveSummary: 'Archive a ticket type',
    restoreSummary: 'Restore an archived ticket type',
    setArchived: attractions.setTicketTypeArchived,
  });

  api.post(
    '/api/v1/attractions/:id/ticket-types',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['attractions'],
        summary: 'Add a ticket type to an attraction',
        params: IdParams,
        body: Type.Object(TicketTypeBody, { additionalProperties: false }),
        response: { 201: ticketTypeRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const created = await attractions.addTicketType(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/v1/ticket-types/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['attractions'],
        summary: 'One ticket type',
        params: IdParams,
        response: { 200: ticketTypeRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => attractions.getTicketType(contextOf(request, database), request.params.id),
  );

  api.patch(
    '/api/v1/ticket-types/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['attractions'],
        summary: 'Change a ticket type',
        params: IdParams,
        body: Type.Object(
          {
            category: Type.Optional(CategorySchema),
            name: Type.Optional(LocalizedTextSchema),
            minAge: Type.Optional(Age),
            maxAge: Type.Optional(Age),
          },
          { additionalProperties: false },
        ),
        response: { 200: ticketTypeRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      attractions.updateTicketType(contextOf(request, database), request.params.id, request.body),
  );

  api.put(
    '/api/v1/attractions/:id/capacity',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['attractions'],
        summary: 'Set tickets per day (and time slot) for every date from `from` to `to`',
        params: IdParams,
        body: Type.Object(
          {
            from: CalendarDateSchema,
            to: CalendarDateSchema,
            timeSlot: Type.Optional({
              ...TimeSlot,
              description: "One of the attraction's time slots; required when it has slots",
            }),
            units: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Tickets per day' }),
            stopSale: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: AvailabilitySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      items: await attractions.setTicketCapacity(
        contextOf(request, database),
        request.params.id,
        request.body,
      ),
    }),
  );

  api.get(
    '/api/v1/attractions/:id/availability',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['attractions'],
        summary: 'Tickets per date and time slot: capacity, sold, held, available',
        params: IdParams,
        querystring: Type.Object(
          {
            from: CalendarDateSchema,
            to: CalendarDateSchema,
            timeSlot: Type.Optional(TimeSlot),
          },
          { additionalProperties: false },
        ),
        response: { 200: AvailabilitySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await attractions.ticketAvailability(
        contextOf(request, database),
        request.params.id,
        request.query,
      ),
    }),
  );
}
