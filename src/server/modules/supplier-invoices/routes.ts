// HTTP for supplier invoices (A2): admin and accountant record what suppliers billed, match
// it to booking lines, departures or allotments, and mark it paid. Agents see sales without
// cost, so they have no access here; outside roles none either. Amounts are integers in the
// minor unit: an invoice's own in its currency, expected, actual and variance in the base one.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { idempotencyClaim, runIdempotent, sendIdempotent } from '../../http/idempotency.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, NonBlank, nullable, Uuid } from '../../http/schemas.ts';
import {
  addMatch,
  createSupplierInvoice,
  getSupplierInvoice,
  getTolerance,
  listSupplierInvoices,
  markPaid,
  removeMatch,
  setTolerance,
} from './service.ts';

/** Who sees and records supplier costs. */
export const supplierCostRoles: readonly Role[] = ['admin', 'accountant'];

const Minor = (description: string) =>
  Type.Integer({ minimum: 0, maximum: 9_000_000_000_000, description });
const DateText = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description, examples: ['2027-03-31'] });

const MatchSchema = Type.Object({
  id: Uuid,
  kind: Type.Union(
    [
      Type.Literal('line'),
      Type.Literal('tourDeparture'),
      Type.Literal('transportDeparture'),
      Type.Literal('pool'),
    ],
    { description: 'What is matched: a booking line, a whole departure, an allotment (pool)' },
  ),
  targetId: Uuid,
  label: Type.String(),
  amount: Type.Integer({ description: "Minor units of the invoice's currency" }),
  amountBase: Type.Integer({ description: 'The same in the base currency' }),
  expectedCost: Type.Integer({
    description:
      'What the covered lines of this supplier cost now (base currency), shared with other matches covering the same lines',
  }),
  expectedAtMatch: nullable(Type.Integer({ description: 'What they cost when matched' })),
  createdAt: Type.String({ format: 'date-time' }),
});

const InvoiceSchema = Type.Object(
  {
    id: Uuid,
    supplier: Type.Object({ id: Uuid, name: Type.String() }),
    number: Type.String(),
    invoiceDate: Type.String({ format: 'date' }),
    dueDate: Type.String({ format: 'date' }),
    currency: Type.String(),
    amount: Type.Integer({ description: 'Total including VAT, minor units of `currency`' }),
    vat: Type.Integer(),
    rate: Type.String({ description: 'Units of the base currency per unit of `currency`' }),
    rateDate: nullable(Type.String({ format: 'date' })),
    rateSource: Type.String({ description: 'given, identity, or the rate source (ECB, manual)' }),
    baseCurrency: Type.String(),
    amountBase: Type.Integer(),
    matched: Type.Integer({ description: "Matched so far, in the invoice's currency" }),
    unmatched: Type.Integer({ description: "Not matched yet, in the invoice's currency" }),
    expectedCost: Type.Integer({ description: 'Base currency' }),
    actualCost: Type.Integer({ description: 'The whole invoice in the base currency' }),
    variance: Type.Integer({ description: 'actualCost − expectedCost' }),
    variancePct: nullable(Type.Number({ description: 'variance ÷ expectedCost, a fraction' })),
    flagged: Type.Boolean({ description: 'The variance is beyond the agency’s tolerance' }),
    status: Type.Union([Type.Literal('open'), Type.Literal('paid')]),
    paidOn: nullable(Type.String({ format: 'date' })),
    note: nullable(Type.String()),
    createdByName: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    matches: Type.Optional(Type.Array(MatchSchema)),
  },
  { additionalProperties: false },
);

const ToleranceSchema = Type.Object(
  {
    percent: Type.String({
      pattern: '^\\d{1,3}(\\.\\d{1,2})?$',
      description: 'A variance up to this percent of the expected cost is not flagged',
      examples: ['2'],
    }),
    amount: Minor('…nor one up to this amount (minor units of the base currency)'),
    currency: Type.Optional(Type.String({ description: 'The base currency (read only)' })),
  },
  { additionalProperties: false },
);

const MatchParams = Type.Object({ id: Uuid, matchId: Uuid });

export async function supplierInvoiceRoutes(
  base: FastifyInstance,
  { database }: { database: Database },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const config = { access: supplierCostRoles };
  const tags = ['supplier invoices'];

  app.get(
    '/api/v1/supplier-invoices',
    {
      config,
      schema: {
        tags,
        summary: 'Supplier invoices, newest first, with expected and actual cost and the flag',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            supplierId: Type.Optional(Uuid),
            flagged: Type.Optional(Type.Boolean()),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('paid')])),
            from: Type.Optional(DateText('Invoice date from (inclusive)')),
            to: Type.Optional(DateText('Invoice date to (inclusive)')),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(InvoiceSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listSupplierInvoices(contextOf(request, database), request.query),
  );

  app.post(
    '/api/v1/supplier-invoices',
    {
      config,
      schema: {
        tags,
        summary:
          'Records a supplier invoice (Idempotency-Key); its rate into the base currency is the agency’s on the invoice date unless given',
        body: Type.Object(
          {
            supplierId: Uuid,
            number: NonBlank({ maxLength: 100, description: 'Unique per supplier' }),
            invoiceDate: DateText('The date on the invoice'),
            dueDate: Type.Optional(
              DateText("Default: the invoice date plus the supplier's payment terms"),
            ),
            currency: Type.Optional(
              Type.String({ pattern: '^[A-Z]{3}$', description: "Default: the supplier's" }),
            ),
            amount: Minor('Total including VAT, minor units of the currency'),
            vat: Type.Optional(Minor('The VAT within the amount (default 0)')),
            rate: Type.Optional(
              Type.String({
                maxLength: 30,
                description: 'Units of the base currency per unit of the invoice’s',
                examples: ['0.0405'],
              }),
            ),
            note: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => ({ statusCode: 201, body: await createSupplierInvoice(ctx, request.body) }),
      );
      return sendIdempotent(reply, result);
    },
  );

  app.get(
    '/api/v1/supplier-invoices/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A supplier invoice with its matches and figures',
        params: IdParams,
        response: { 200: InvoiceSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getSupplierInvoice(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/supplier-invoices/:id/matches',
    {
      config,
      schema: {
        tags,
        summary:
          'Matches a part of the invoice (by default all not matched yet) to one booking line, tour departure, transport departure or allotment pool (Idempotency-Key)',
        params: IdParams,
        body: Type.Object(
          {
            bookingLineId: Type.Optional(Uuid),
            tourDepartureId: Type.Optional(Uuid),
            transportDepartureId: Type.Optional(Uuid),
            poolId: Type.Optional(Uuid),
            amount: Type.Optional(Minor("Minor units of the invoice's currency")),
          },
          { additionalProperties: false },
        ),
        response: { 201: InvoiceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => ({
          statusCode: 201,
          body: await addMatch(ctx, request.params.id, request.body),
        }),
      );
      return sendIdempotent(reply, result);
    },
  );

  app.delete(
    '/api/v1/supplier-invoices/:id/matches/:matchId',
    {
      config,
      schema: {
        tags,
        summary: 'Removes a match; the invoice as it is then',
        params: MatchParams,
        response: { 200: InvoiceSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      removeMatch(contextOf(request, database), request.params.id, request.params.matchId),
  );

  app.post(
    '/api/v1/supplier-invoices/:id/paid',
    {
      config,
      schema: {
        tags,
        summary: 'Marks the invoice paid on a day (today unless given), or open again with null',
        params: IdParams,
        body: Type.Object(
          { paidOn: Type.Optional(nullable(DateText('The day it was paid'))) },
          { additionalProperties: false },
        ),
        response: { 200: InvoiceSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      markPaid(contextOf(request, database), request.params.id, request.body?.paidOn),
  );

  app.get(
    '/api/v1/settings/supplier-invoice-tolerance',
    {
      config,
      schema: {
        tags: ['settings'],
        summary: 'The variance of a supplier invoice tolerated before it is flagged for review',
        response: { 200: ToleranceSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => getTolerance(contextOf(request, database)),
  );

  app.put(
    '/api/v1/settings/supplier-invoice-tolerance',
    {
      config,
      schema: {
        tags: ['settings'],
        summary:
          'Sets the tolerance: a variance within the larger of the percent of the expected cost and the amount is not flagged',
        body: ToleranceSchema,
        response: { 200: ToleranceSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => setTolerance(contextOf(request, database), request.body),
  );
}
