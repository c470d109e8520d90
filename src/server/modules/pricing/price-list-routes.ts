// HTTP for price lists: a product's prices per period, room type, class, ticket type and child
// band in one currency (public or for a corporate customer), written whole or row by row.
// Lists hold purchase costs, so partners (who may read the catalog) do not read them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import {
  ArchivedQuery,
  CurrencyCodeSchema,
  catalogEditors,
  catalogReaders,
} from '../catalog/common.ts';
import {
  CellKeyInput,
  listParts,
  PriceListSchema,
  PriceListSummarySchema,
  ProductKindSchema,
  RowsInput,
} from './price-list-schemas.ts';
import * as priceLists from './price-lists-service.ts';
import type { PricingDeps } from './routes.ts';

/** Who reads prices and costs: the back office, not marketplace partners. */
export const priceReaders: readonly Role[] = catalogReaders.filter((role) => role !== 'partner');

const listRef = Type.Ref('PriceList');
const tags = ['price lists'];

export async function priceListRoutes(base: FastifyInstance, { database }: PricingDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(PriceListSchema);
  app.addSchema(PriceListSummarySchema);

  app.get(
    '/api/v1/price-lists',
    {
      config: { access: priceReaders },
      schema: {
        tags,
        summary: 'List price lists (without their rows), newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            productId: Type.Optional(Uuid),
            customerId: Type.Optional({ ...Uuid, description: "A corporate customer's lists" }),
            currency: Type.Optional(CurrencyCodeSchema),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('PriceListSummary')), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => priceLists.listPriceLists(contextOf(request, database), request.query),
  );

  app.get(
    '/api/v1/price-lists/:id',
    {
      config: { access: priceReaders },
      schema: {
        tags,
        summary: 'One price list with its whole matrix of rows',
        params: IdParams,
        response: { 200: listRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => priceLists.getPriceList(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/price-lists',
    {
      config: { access: catalogEditors },
      schema: {
        tags,
        summary: 'Create a price list whole: periods, child bands, rows, cancellation, demand',
        description:
          'One active list per product, currency and customer (null: the public list); a second is a 409. ' +
          'Amounts are integers in minor units; percentages are decimal strings.',
        body: Type.Object(
          {
            name: listParts.name,
            productKind: ProductKindSchema,
            productId: Uuid,
            currency: listParts.currency,
            costCurrency: Type.Optional(listParts.costCurrency),
            customerId: Type.Optional(listParts.customerId),
            periods: listParts.periods,
            childBands: Type.Optional(listParts.childBands),
            rows: Type.Optional(RowsInput),
            cancellation: Type.Optional(listParts.cancellation),
            dynamic: Type.Optional(listParts.dynamic),
            changeFee: Type.Optional(listParts.changeFee),
          },
          { additionalProperties: false },
        ),
        response: { 201: listRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await priceLists.createPriceList(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/v1/price-lists/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags,
        summary: "Change a list's name, currencies, customer, periods, bands, cancellation, demand",
        description:
          'A period or child band still used by rows cannot be removed (409 naming /periods or /childBands).',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(listParts.name),
            currency: Type.Optional(listParts.currency),
            costCurrency: Type.Optional(listParts.costCurrency),
            customerId: Type.Optional(listParts.customerId),
            periods: Type.Optional(listParts.periods),
            childBands: Type.Optional(listParts.childBands),
            cancellation: Type.Optional(listParts.cancellation),
            dynamic: Type.Optional(listParts.dynamic),
            changeFee: Type.Optional(listParts.changeFee),
          },
          { additionalProperties: false },
        ),
        response: { 200: listRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      priceLists.updatePriceList(contextOf(request, database), request.params.id, request.body),
  );

  app.put(
    '/api/v1/price-lists/:id/rows',
    {
      config: { access: catalogEditors },
      schema: {
        tags,
        summary: 'Replace the whole matrix of a list',
        params: IdParams,
        body: Type.Object({ rows: RowsInput }, { additionalProperties: false }),
        response: { 200: listRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      priceLists.replacePriceRows(
        contextOf(request, database),
        request.params.id,
        request.body.rows,
      ),
  );

  app.patch(
    '/api/v1/price-lists/:id/rows',
    {
      config: { access: catalogEditors },
      schema: {
        tags,
        summary: 'Upsert rows by their cell, and remove cells',
        description:
          'A row for a cell the list has replaces its price; a row for a new cell is added; other rows are kept. ' +
          '`remove` names cells to delete.',
        params: IdParams,
        body: Type.Object(
          {
            rows: RowsInput,
            remove: Type.Optional(Type.Array(CellKeyInput, { maxItems: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: listRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      priceLists.upsertPriceRows(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(app, {
    database,
    path: '/api/v1/price-lists/:id',
    tag: 'price lists',
    response: listRef,
    archiveSummary: 'Archive a price list: quotes no longer use it',
    restoreSummary: 'Restore an archived price list (409 if another is active in its place)',
    setArchived: priceLists.setPriceListArchived,
  });
}
