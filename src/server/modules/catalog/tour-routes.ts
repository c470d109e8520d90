// HTTP for tours (fixed departures or by days within seasons), their departures and seasons,
// and the stay check.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { boardTypes } from './accommodations-service.ts';
import { registerArchiveRoutes } from './archive-routes.ts';
import {
  ArchivedQuery,
  CalendarDateSchema,
  CountryCodeSchema,
  catalogEditors,
  catalogReaders,
  LifecycleSchema,
  LocalizedTextSchema,
  PhotoUrlsSchema,
  TimestampSchema,
} from './common.ts';
import type { CatalogDeps } from './routes.ts';
import * as tourDepartures from './tour-departures-service.ts';
import * as tours from './tours-service.ts';

const LocalizedTextOut = Type.Object(LocalizedTextSchema.properties);

const BoardTypeSchema = Type.Enum([...boardTypes], {
  description: 'RO room only, BB bed & breakfast, HB half board, FB full board, AI all inclusive',
});
const ModeSchema = Type.Enum([...tours.tourModes], {
  description: 'fixed_departures: dated departures of set length; by_days: any stay in seasons',
});
const StatusSchema = Type.Enum([...tours.departureStatuses], {
  description: 'open (on sale), closed (not on sale) or cancelled',
});
const Nights = Type.Integer({ minimum: 1, maximum: 365, description: 'Nights of the stay' });
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
  minItems: 1,
  maxItems: 7,
  uniqueItems: true,
  description: 'ISO weekdays a stay may start on: 1 = Monday … 7 = Sunday (default all)',
});
const StayLength = Type.Integer({ minimum: 1, maximum: 365 });

const TourDepartureSchema = Type.Object(
  {
    id: Uuid,
    tourId: Uuid,
    startDate: CalendarDateSchema,
    nights: Type.Integer(),
    transportDepartureId: nullable(Uuid),
    returnTransportDepartureId: nullable(Uuid),
    status: StatusSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'TourDeparture' },
);
const departureRef = Type.Ref('TourDeparture');

const TourSeasonSchema = Type.Object(
  {
    id: Uuid,
    tourId: Uuid,
    name: Type.String(),
    startDate: CalendarDateSchema,
    endDate: { ...CalendarDateSchema, description: 'The last night of the season (inclusive)' },
    minStay: Type.Integer(),
    maxStay: nullable(Type.Integer()),
    arrivalWeekdays: Type.Array(Type.Integer()),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'TourSeason' },
);
const seasonRef = Type.Ref('TourSeason');

const TourSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    name: LocalizedTextOut,
    description: LocalizedTextOut,
    mode: ModeSchema,
    accommodationId: Uuid,
    transportId: nullable(Uuid),
    boardType: nullable(BoardTypeSchema),
    photos: Type.Array(Type.String()),
    departures: Type.Array(departureRef, { description: 'Fixed departures, in date order' }),
    seasons: Type.Array(seasonRef, { description: 'By-days seasons, in date order' }),
    ...LifecycleSchema,
  },
  { $id: 'Tour' },
);
const tourRef = Type.Ref('Tour');

const departureFields = {
  startDate: CalendarDateSchema,
  nights: Nights,
  transportDepartureId: nullable({ ...Uuid, description: 'Outbound transport departure' }),
  returnTransportDepartureId: nullable({ ...Uuid, description: 'Return transport departure' }),
  status: StatusSchema,
};
const DepartureInput = Type.Object(
  {
    startDate: departureFields.startDate,
    nights: departureFields.nights,
    transportDepartureId: Type.Optional(departureFields.transportDepartureId),
    returnTransportDepartureId: Type.Optional(departureFields.returnTransportDepartureId),
    status: Type.Optional(departureFields.status),
  },
  { additionalProperties: false },
);
const seasonFields = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. High season 2027' }),
  startDate: { ...CalendarDateSchema, description: 'The first night of the season' },
  endDate: { ...CalendarDateSchema, description: 'The last night of the season (inclusive)' },
  minStay: { ...StayLength, description: 'Minimum nights for arrivals in this season' },
  maxStay: nullable({ ...StayLength, description: 'Maximum nights; null for none' }),
  arrivalWeekdays: Weekdays,
};
const SeasonInput = Type.Object(
  {
    name: seasonFields.name,
    startDate: seasonFields.startDate,
    endDate: seasonFields.endDate,
    minStay: Type.Optional(seasonFields.minStay),
    maxStay: Type.Optional(seasonFields.maxStay),
    arrivalWeekdays: Type.Optional(seasonFields.arrivalWeekdays),
  },
  { additionalProperties: false },
);

const editable = {
  accommodationId: Uuid,
  transportId: nullable({ ...Uuid, description: 'A transport (flight, train, bus) of the agency' }),
  code: Type.String({
    minLength: 1,
    maxLength: 30,
    pattern: '^[A-Za-z0-9][A-Za-z0-9 _./-]*$',
    description: 'Unique in the agency (archived tours included), e.g. CRE-APH-7',
  }),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  mode: ModeSchema,
  boardType: nullable(BoardTypeSchema),
  photos: PhotoUrlsSchema,
};

export async function tourRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(TourDepartureSchema);
  api.addSchema(TourSeasonSchema);
  api.addSchema(TourSchema);

  api.get(
    '/api/v1/tours',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['tours'],
        summary: 'List tours with their departures or seasons, newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            mode: Type.Optional(ModeSchema),
            accommodationId: Type.Optional(Uuid),
            country: Type.Optional({
              ...CountryCodeSchema,
              description: "The accommodation's country (ISO 3166-1 alpha-2)",
            }),
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Code or name (any language) contains' }),
            ),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(tourRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => tours.listTours(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/tours/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['tours'],
        summary: 'One tour with its departures or seasons',
        params: IdParams,
        response: { 200: tourRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => tours.getTour(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/tours',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['tours'],
        summary: 'Create a tour with its departures (fixed_departures) or seasons (by_days)',
        body: Type.Object(
          {
            accommodationId: editable.accommodationId,
            transportId: Type.Optional(editable.transportId),
            code: editable.code,
            name: editable.name,
            description: Type.Optional(editable.description),
            mode: editable.mode,
            boardType: Type.Optional(editable.boardType),
            photos: Type.Optional(editable.photos),
            departures: Type.Optional(
              Type.Array(DepartureInput, {
                maxItems: 400,
                description: 'Only for mode fixed_departures',
              }),
            ),
            seasons: Type.Optional(
              Type.Array(SeasonInput, {
                maxItems: 100,
                description: 'Only for mode by_days; they must not overlap',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: tourRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await tours.createTour(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/tours/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['tours'],
        summary: 'Change a tour (departures and seasons have their own endpoints)',
        description: 'The mode can change only while the tour has no departures or seasons.',
        params: IdParams,
        body: Type.Object(
          {
            accommodationId: Type.Optional(editable.accommodationId),
            transportId: Type.Optional(editable.transportId),
            code: Type.Optional(editable.code),
            name: Type.Optional(editable.name),
            description: Type.Optional(editable.description),
            mode: Type.Optional(editable.mode),
            boardType: Type.Optional(editable.boardType),
            photos: Type.Optional(editable.photos),
          },
          { additionalProperties: false },
        ),
        response: { 200: tourRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      tours.updateTour(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/tours/:id',
    tag: 'tours',
    response: tourRef,
    archiveSummary: 'Archive a tour (no longer sold, hidden from lists and search)',
    restoreSummary: 'Restore an archived tour',
    setArchived: tours.setTourArchived,
  });

  api.post(
    '/api/v1/tours/:id/check-stay',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['tours'],
        summary: 'Check whether a stay can be sold: seasons (by days) or a departure (fixed)',
        description:
          'By days: every night in a season; arrival weekday, minimum and maximum stay of the ' +
          "arrival night's season. Fixed: an open departure from checkIn to checkOut. " +
          'A refusal is a 400 naming /checkIn or /checkOut.',
        params: IdParams,
        body: Type.Object(
          { checkIn: CalendarDateSchema, checkOut: CalendarDateSchema },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ok: Type.Literal(true),
            nights: Type.Integer(),
            seasonId: nullable(Uuid),
            departureId: nullable(Uuid),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      tours.checkTourStay(contextOf(request, database), request.params.id, request.body),
  );

  api.post(
    '/api/v1/tours/:id/departures',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['tours'],
        summary: 'Add departures to a fixed-departure tour: one, a batch, or a series',
        description:
          'Give exactly one of: a departure (`startDate`, `nights`, …), `departures: [...]`, ' +
          'or `series: { firstStart, every, count, nights }` (a departure every `every` days). ' +
          'A departure the tour already has (same start date and nights) is a 409.',
        params: IdParams,
        body: Type.Object(
          {
            startDate: Type.Optional(departureFields.startDate),
            nights: Type.Optional(departureFields.nights),
            transportDepartureId: Type.Optional(departureFields.transportDepartureId),
            returnTransportDepartureId: Type.Optional(departureFields.returnTransportDepartureId),
            status: Type.Optional(departureFields.status),
            departures: Type.Optional(Type.Array(DepartureInput, { minItems: 1, maxItems: 400 })),
            series: Type.Optional(
              Type.Object(
                {
                  firstStart: CalendarDateSchema,
                  every: Type.Integer({ minimum: 1, maximum: 365, description: 'Days apart' }),
                  count: Type.Integer({ minimum: 1, maximum: 400 }),
                  nights: Nights,
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ departures: Type.Array(departureRef) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const departures = await tourDepartures.addDepartures(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send({ departures });
    },
  );

  api.get(
    '/api/v1/tour-departures/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['tours'],
        summary: 'One departure of a fixed-departure tour',
        params: IdParams,
        response: { 200: departureRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => tourDepartures.getDeparture(contextOf(request, database), request.params.id),
  );

  api.patch(
    '/api/v1/tour-departures/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['tours'],
        summary: 'Change a departure: status, nights or transport departures',
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Optional(departureFields.status),
            nights: Type.Optional(departureFields.nights),
            transportDepartureId: Type.Optional(departureFields.transportDepartureId),
            returnTransportDepartureId: Type.Optional(departureFields.returnTransportDepartureId),
          },
          { additionalProperties: false },
        ),
        response: { 200: departureRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      tourDepartures.updateDeparture(contextOf(request, database), request.params.id, request.body),
  );

  api.post(
    '/api/v1/tours/:id/seasons',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['tours'],
        summary: 'Add a season to a tour sold by days',
        description:
          "A season must not share a night with the tour's other seasons. Seasons are never " +
          'deleted: edit them, or archive the tour.',
        params: IdParams,
        body: SeasonInput,
        response: { 201: seasonRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const season = await tourDepartures.addSeason(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(season);
    },
  );

  api.get(
    '/api/v1/tour-seasons/:id',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['tours'],
        summary: 'One season of a tour sold by days',
        params: IdParams,
        response: { 200: seasonRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => tourDepartures.getSeason(contextOf(request, database), request.params.id),
  );

  api.patch(
    '/api/v1/tour-seasons/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['tours'],
        summary: "Change a season (it must still not overlap the tour's others)",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(seasonFields.name),
            startDate: Type.Optional(seasonFields.startDate),
            endDate: Type.Optional(seasonFields.endDate),
            minStay: Type.Optional(seasonFields.minStay),
            maxStay: Type.Optional(seasonFields.maxStay),
            arrivalWeekdays: Type.Optional(seasonFields.arrivalWeekdays),
          },
          { additionalProperties: false },
        ),
        response: { 200: seasonRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      tourDepartures.updateSeason(contextOf(request, database), request.params.id, request.body),
  );
}
