// HTTP for product search (C7): tours and attractions by destination, dates and party.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, nullable, Uuid } from '../../http/schemas.ts';
import { BoardingChoicesSchema } from './boarding-choices.ts';
import {
  CalendarDateSchema,
  CountryCodeSchema,
  catalogReaders,
  LocalizedTextSchema,
} from './common.ts';
import type { CatalogDeps } from './routes.ts';
import * as search from './search-service.ts';
import { tourModes } from './tours-service.ts';

const LocalizedTextOut = Type.Object(LocalizedTextSchema.properties);

const SearchTourItem = Type.Object({
  kind: Type.Literal('tour'),
  id: Uuid,
  code: Type.String(),
  name: LocalizedTextOut,
  mode: Type.Enum([...tourModes]),
  accommodation: Type.Object({
    id: Uuid,
    name: Type.String(),
    city: Type.String(),
    country: Type.String(),
    stars: nullable(Type.Number()),
  }),
  departures: Type.Array(Type.Ref('TourDeparture'), {
    description: 'Open departures in the dates asked',
  }),
  seasons: Type.Array(Type.Ref('TourSeason'), { description: 'Seasons the stay asked falls in' }),
  roomTypes: Type.Array(Type.Ref('RoomType'), { description: 'Room types that fit the party' }),
  boarding: BoardingChoicesSchema,
});
const SearchAttractionItem = Type.Object({
  kind: Type.Literal('attraction'),
  id: Uuid,
  name: LocalizedTextOut,
  city: Type.String(),
  country: Type.String(),
});

/** Needs the Tour*, RoomType schemas: register after the tour and accommodation routes. */
export async function searchRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/search',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['search'],
        summary: 'Find products to sell: tours and attractions by destination, dates and party',
        description:
          'Tours match `destination` on their name (any language), their accommodation name or ' +
          'city; with `from`/`to`, fixed-departure tours need an open departure starting in ' +
          'the range and by-days tours must accept the stay from `from` to `to`; with a party, ' +
          'the accommodation needs a room type that fits it in one room. Attractions match ' +
          'on name or city and country. At most 50 items, tours first.',
        querystring: Type.Object(
          {
            destination: Type.Optional(
              Type.String({ minLength: 1, maxLength: 200, description: 'Place or name contains' }),
            ),
            country: Type.Optional(CountryCodeSchema),
            from: Type.Optional({ ...CalendarDateSchema, description: 'Earliest start/check-in' }),
            to: Type.Optional({
              ...CalendarDateSchema,
              description: 'Latest departure start; check-out for tours sold by days',
            }),
            adults: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
            childAges: Type.Optional(
              Type.Array(Type.String({ pattern: '^(\\d{1,2}(,\\d{1,2})*)?$' }), {
                maxItems: 20,
                description: 'Ages of the children (0–17): comma-separated (5,8) or repeated',
              }),
            ),
            kind: Type.Optional(Type.Enum(['tour', 'attraction'], { description: 'Only these' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Union([SearchTourItem, SearchAttractionItem])),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => search.searchProducts(contextOf(request, database), request.query),
  );
}
