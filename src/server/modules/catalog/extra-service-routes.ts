// HTTP for extra services: transfers, board, local services and insurance, with daily
// capacity (kept in the inventory) for the limited ones.
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
  LocalizedTextSchema,
} from './common.ts';
import * as services from './extra-services-service.ts';
import type { CatalogDeps } from './routes.ts';

const KindSchema = Type.Enum(['transport', 'board', 'local_service', 'insurance'], {
  description: 'transport (transfers), board, local_service or insurance',
});
const UnitSchema = Type.Enum(
  [
    'per_person',
    'per_booking',
    'per_night',
    'per_person_per_night',
    'per_day',
    'per_person_per_day',
  ],
  { description: 'What one unit of the price covers' },
);

const ExtraServiceSchema = Type.Object(
  {
    id: Uuid,
    kind: KindSchema,
    code: Type.String(),
    name: LocalizedTextSchema,
    description: Type.Object({}, { additionalProperties: Type.String() }),
    unit: UnitSchema,
    city: nullable(Type.String()),
    country: nullable(Type.String()),
    supplierId: nullable(Uuid),
    limited: Type.Boolean({ description: 'true: has daily capacity in the inventory' }),
    ...LifecycleSchema,
  },
  { $id: 'ExtraService' },
);
const serviceRef = Type.Ref('ExtraService');

const editable = {
  code: Type.String({
    minLength: 1,
    maxLength: 40,
    description: 'Unique in the agency, e.g. TRF-HER-APT',
  }),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  city: nullable(Type.String({ minLength: 1, maxLength: 200 })),
  country: nullable(CountryCodeSchema),
  supplierId: nullable(Uuid),
  limited: Type.Boolean({ description: 'true: sold against daily capacity' }),
};

const AvailabilitySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      date: CalendarDateSchema,
      capacity: Type.Integer(),
      sold: Type.Integer(),
      held: Type.Integer(),
      available: Type.Integer(),
      stopSale: Type.Boolean(),
    }),
  ),
});

export async function extraServiceRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(ExtraServiceSchema);

  api.get(
    '/api/v1/extra-services',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['extra services'],
        summary: 'List extra services, newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            kind: Type.Optional(KindSchema),
            country: Type.Optional(CountryCodeSchema),
            q: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'Code, name (any language) or city contains',
              }),
            ),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(serviceRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => services.listExtraServices(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/extra-services/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['extra services'],
        summary: 'One extra service',
        params: IdParams,
        response: { 200: serviceRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => services.getExtraService(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/extra-services',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['extra services'],
        summary: 'Create an extra service',
        body: Type.Object(
          {
            kind: KindSchema,
            code: editable.code,
            name: editable.name,
            description: Type.Optional(editable.description),
            unit: UnitSchema,
            city: Type.Optional(editable.city),
            country: Type.Optional(editable.country),
            supplierId: Type.Optional(editable.supplierId),
            limited: Type.Optional(editable.limited),
          },
          { additionalProperties: false },
        ),
        response: { 201: serviceRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await services.createExtraService(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/extra-services/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['extra services'],
        summary: 'Change an extra service',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(KindSchema),
            code: Type.Optional(editable.code),
            name: Type.Optional(editable.name),
            description: Type.Optional(editable.description),
            unit: Type.Optional(UnitSchema),
            city: Type.Optional(editable.city),
            country: Type.Optional(editable.country),
            supplierId: Type.Optional(editable.supplierId),
            limited: Type.Optional(editable.limited),
          },
          { additionalProperties: false },
        ),
        response: { 200: serviceRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      services.updateExtraService(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/extra-services/:id',
    tag: 'extra services',
    response: serviceRef,
    archiveSummary: 'Archive an extra service',
    restoreSummary: 'Restore an archived extra service',
    setArchived: services.setExtraServiceArchived,
  });

  api.put(
    '/api/v1/extra-services/:id/capacity',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['extra services'],
        summary: 'Set units per day of a limited service for every date from `from` to `to`',
        params: IdParams,
        body: Type.Object(
          {
            from: CalendarDateSchema,
            to: CalendarDateSchema,
            units: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Units per day' }),
            stopSale: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: AvailabilitySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      items: await services.setServiceCapacity(
        contextOf(request, database),
        request.params.id,
        request.body,
      ),
    }),
  );

  api.get(
    '/api/v1/extra-services/:id/availability',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['extra services'],
        summary: 'Units of a limited service per date: capacity, sold, held, available',
        params: IdParams,
        querystring: Type.Object(
          { from: CalendarDateSchema, to: CalendarDateSchema },
          { additionalProperties: false },
        ),
        response: { 200: AvailabilitySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await services.serviceAvailability(
        contextOf(request, database),
        request.params.id,
        request.query,
      ),
    }),
  );
}
