// HTTP for accommodations and their room types. Capacity and availability of a room type
// are the inventory's routes (`/api/v1/room-types/{id}/capacity`, `…/availability`).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import * as accommodations from './accommodations-service.ts';
import { registerArchiveRoutes } from './archive-routes.ts';
import {
  ArchivedQuery,
  CountryCodeSchema,
  catalogEditors,
  catalogReaders,
  LifecycleSchema,
  LocalizedTextSchema,
  PhotoUrlsSchema,
} from './common.ts';
import type { CatalogDeps } from './routes.ts';

const KindSchema = Type.Enum([...accommodations.accommodationKinds], {
  description: 'hotel, apartment, guesthouse, resort, camp or other',
});
const BoardTypeSchema = Type.Enum([...accommodations.boardTypes], {
  description: 'RO room only, BB bed & breakfast, HB half board, FB full board, AI all inclusive',
});
/** Text per language as stored; may be empty when none was given. */
const LocalizedTextOut = Type.Object(LocalizedTextSchema.properties);

const RoomTypeSchema = Type.Object(
  {
    id: Uuid,
    accommodationId: Uuid,
    code: Type.String(),
    name: LocalizedTextOut,
    maxAdults: Type.Integer(),
    maxChildren: Type.Integer(),
    standardBeds: Type.Integer(),
    extraBeds: Type.Integer(),
    ...LifecycleSchema,
  },
  { $id: 'RoomType' },
);
const roomTypeRef = Type.Ref('RoomType');

const AccommodationSchema = Type.Object(
  {
    id: Uuid,
    supplierId: nullable(Uuid),
    name: Type.String(),
    kind: KindSchema,
    street: nullable(Type.String()),
    city: Type.String(),
    postalCode: nullable(Type.String()),
    country: Type.String(),
    latitude: nullable(Type.Number()),
    longitude: nullable(Type.Number()),
    stars: nullable(Type.Number()),
    boardTypes: Type.Array(BoardTypeSchema),
    photos: Type.Array(Type.String()),
    description: LocalizedTextOut,
    roomTypes: Type.Array(roomTypeRef, { description: 'Every room type, archived ones flagged' }),
    ...LifecycleSchema,
  },
  { $id: 'Accommodation' },
);
const accommodationRef = Type.Ref('Accommodation');

const roomTypeFields = {
  code: Type.String({
    minLength: 1,
    maxLength: 20,
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'Short code, unique in the accommodation: DBL, SGL-SV, APP4',
  }),
  name: LocalizedTextSchema,
  maxAdults: Type.Integer({ minimum: 1, maximum: 50 }),
  maxChildren: Type.Integer({ minimum: 0, maximum: 50, default: 0 }),
  standardBeds: Type.Integer({ minimum: 1, maximum: 50 }),
  extraBeds: Type.Integer({ minimum: 0, maximum: 20, default: 0 }),
};
const roomTypeNote = 'maxAdults + maxChildren must not exceed standardBeds + extraBeds';
const RoomTypeInput = Type.Object(
  {
    code: roomTypeFields.code,
    name: roomTypeFields.name,
    maxAdults: roomTypeFields.maxAdults,
    maxChildren: Type.Optional(roomTypeFields.maxChildren),
    standardBeds: roomTypeFields.standardBeds,
    extraBeds: Type.Optional(roomTypeFields.extraBeds),
  },
  { additionalProperties: false, description: roomTypeNote },
);

const editable = {
  supplierId: nullable(Uuid),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: KindSchema,
  street: nullable(Type.String({ maxLength: 200 })),
  city: Type.String({ minLength: 1, maxLength: 200 }),
  postalCode: nullable(Type.String({ maxLength: 20 })),
  country: CountryCodeSchema,
  latitude: nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: nullable(Type.Number({ minimum: -180, maximum: 180 })),
  stars: nullable(
    Type.Number({ minimum: 0, maximum: 5, multipleOf: 0.5, description: '0 to 5, half stars' }),
  ),
  boardTypes: Type.Array(BoardTypeSchema, { uniqueItems: true, maxItems: 5 }),
  photos: PhotoUrlsSchema,
  description: LocalizedTextSchema,
};

export async function accommodationRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(RoomTypeSchema);
  api.addSchema(AccommodationSchema);

  api.get(
    '/api/v1/accommodations',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['accommodations'],
        summary: 'List accommodations with their room types, newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            country: Type.Optional(CountryCodeSchema),
            city: Type.Optional(
              Type.String({ minLength: 1, maxLength: 200, description: 'City (any case)' }),
            ),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Name contains' })),
            supplierId: Type.Optional(Uuid),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(accommodationRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      accommodations.listAccommodations(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/accommodations/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['accommodations'],
        summary: 'One accommodation with its room types',
        params: IdParams,
        response: { 200: accommodationRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      accommodations.getAccommodation(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/accommodations',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['accommodations'],
        summary: 'Create an accommodation with its room types',
        body: Type.Object(
          {
            supplierId: Type.Optional(editable.supplierId),
            name: editable.name,
            kind: Type.Optional(editable.kind),
            street: Type.Optional(editable.street),
            city: editable.city,
            postalCode: Type.Optional(editable.postalCode),
            country: editable.country,
            latitude: Type.Optional(editable.latitude),
            longitude: Type.Optional(editable.longitude),
            stars: Type.Optional(editable.stars),
            boardTypes: Type.Optional(editable.boardTypes),
            photos: Type.Optional(editable.photos),
            description: Type.Optional(editable.description),
            roomTypes: Type.Optional(Type.Array(RoomTypeInput, { maxItems: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: accommodationRef, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await accommodations.createAccommodation(
        contextOf(request, database),
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/accommodations/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['accommodations'],
        summary: 'Change an accommodation (room types have their own endpoints); null clears',
        params: IdParams,
        body: Type.Object(
          {
            supplierId: Type.Optional(editable.supplierId),
            name: Type.Optional(editable.name),
            kind: Type.Optional(editable.kind),
            street: Type.Optional(editable.street),
            city: Type.Optional(editable.city),
            postalCode: Type.Optional(editable.postalCode),
            country: Type.Optional(editable.country),
            latitude: Type.Optional(editable.latitude),
            longitude: Type.Optional(editable.longitude),
            stars: Type.Optional(editable.stars),
            boardTypes: Type.Optional(editable.boardTypes),
            photos: Type.Optional(editable.photos),
            description: Type.Optional(editable.description),
          },
          { additionalProperties: false },
        ),
        response: { 200: accommodationRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      accommodations.updateAccommodation(
        contextOf(request, database),
        request.params.id,
        request.body,
      ),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/accommodations/:id',
    tag: 'accommodations',
    response: accommodationRef,
    archiveSummary: 'Archive an accommodation (hidden from lists and search; bookings keep it)',
    restoreSummary: 'Restore an archived accommodation',
    setArchived: accommodations.setAccommodationArchived,
  });

  api.post(
    '/api/v1/accommodations/:id/room-types',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['accommodations'],
        summary: 'Add a room type to an accommodation',
        description: `${roomTypeNote}. A code the accommodation already has is a 409.`,
        params: IdParams,
        body: RoomTypeInput,
        response: { 201: roomTypeRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await accommodations.addRoomType(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/v1/room-types/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['accommodations'],
        summary: 'One room type, with the accommodation it belongs to',
        params: IdParams,
        response: { 200: roomTypeRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => accommodations.getRoomType(contextOf(request, database), request.params.id),
  );

  api.patch(
    '/api/v1/room-types/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['accommodations'],
        summary: 'Change a room type',
        description: `${roomTypeNote}, after the change.`,
        params: IdParams,
        body: Type.Object(
          {
            code: Type.Optional(roomTypeFields.code),
            name: Type.Optional(roomTypeFields.name),
            maxAdults: Type.Optional(roomTypeFields.maxAdults),
            maxChildren: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
            standardBeds: Type.Optional(roomTypeFields.standardBeds),
            extraBeds: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: roomTypeRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      accommodations.updateRoomType(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/room-types/:id',
    tag: 'accommodations',
    response: roomTypeRef,
    archiveSummary: 'Archive a room type (no longer sold; bookings keep it)',
    restoreSummary: 'Restore an archived room type',
    setArchived: accommodations.setRoomTypeArchived,
  });
}
