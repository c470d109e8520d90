// HTTP for invoicing (D3): the agency's invoicing settings, issuing invoices of bookings and
// credit notes of invoices, reading them as JSON and as UBL 2.1 e-invoices (EN 16931).

import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { todayUtc } from '../../calendar.ts';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateSchema } from '../catalog/common.ts';
import { exportInvoicesCsv } from './export-invoices.ts';
import { invoicePdf } from './invoice-pdf.ts';
import {
  CreditNoteBody,
  InvoiceSchema,
  InvoicingSettingsBody,
  InvoicingSettingsSchema,
} from './schemas.ts';
import { getInvoice, invoiceXml, issueCreditNote, issueInvoice, listInvoices } from './service.ts';
import { getInvoicingSettings, putInvoicingSettings } from './settings.ts';

/** The filters of the invoice list and of its CSV export. */
const InvoiceFilterQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(['invoice', 'credit_note'])),
    from: Type.Optional(CalendarDateSchema),
    to: Type.Optional(CalendarDateSchema),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "A part of the invoice number or of the buyer's name",
      }),
    ),
  },
  { additionalProperties: false },
);

/** Those who issue invoices and credit notes. */
const issuers: readonly Role[] = ['admin', 'accountant', 'agent'];
/** Those who read them: the issuers and customer service (who answer customers about them). */
const readers: readonly Role[] = ['admin', 'accountant', 'agent', 'customer_service'];

/** A PDF body (a plain schema, so the reply takes the Buffer). */
const pdfResponse = {
  200: {
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  },
};

export async function invoicingRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(InvoiceSchema);
  const invoiceRef = Type.Ref('Invoice');

  app.get(
    '/api/v1/settings/invoicing',
    {
      config: { access: ['admin', 'accountant'] },
      schema: {
        tags: ['invoicing'],
        summary: "The agency's invoicing settings (defaults until an admin sets them)",
        response: { 200: InvoicingSettingsSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => getInvoicingSettings(contextOf(request, database)),
  );

  app.put(
    '/api/v1/settings/invoicing',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['invoicing'],
        summary:
          'Sets the seller, VAT scheme and rates, bank account, series and auto-issue policy',
        body: InvoicingSettingsBody,
        response: { 200: InvoicingSettingsSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => putInvoicingSettings(contextOf(request, database), request.body),
  );

  app.post(
    '/api/v1/bookings/:id/invoices',
    {
      config: { access: issuers },
      schema: {
        tags: ['invoicing'],
        summary:
          "Issues the invoice of a booking's current lines (409 when invoiced already, or nothing to invoice)",
        params: IdParams,
        response: { 201: invoiceRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const invoice = await issueInvoice(contextOf(request, database), request.params.id);
      return reply.code(201).send(invoice);
    },
  );

  app.post(
    '/api/v1/invoices/:id/credit-notes',
    {
      config: { access: issuers },
      schema: {
        tags: ['invoicing'],
        summary:
          'Issues a credit note of an invoice: in full, or the lines given (409 beyond what is invoiced)',
        params: IdParams,
        body: CreditNoteBody,
        response: { 201: invoiceRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const note = await issueCreditNote(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(note);
    },
  );

  app.get(
    '/api/v1/invoices',
    {
      config: { access: readers },
      schema: {
        tags: ['invoicing'],
        summary:
          'Invoices and credit notes, newest first: of one booking, a kind, issue dates, or matching q',
        querystring: Type.Object(
          {
            bookingId: Type.Optional(Uuid),
            ...InvoiceFilterQuery.properties,
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(invoiceRef), nextCursor: nullable(Type.String()) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => listInvoices(contextOf(request, database), request.query),
  );

  app.get(
    '/api/v1/invoices/export.csv',
    {
      config: { access: readers },
      schema: {
        tags: ['invoicing'],
        summary:
          'The invoice book as CSV, oldest first: a row per invoice and VAT rate (UTF-8 with BOM)',
        querystring: InvoiceFilterQuery,
        response: {
          200: {
            description: 'One row per invoice or credit note and VAT rate',
            content: { 'text/csv': { schema: Type.Unsafe<Readable>({ type: 'string' }) } },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const csv = await exportInvoicesCsv(contextOf(request, database), request.query);
      const { from, to } = request.query;
      const period = [from, to].filter(Boolean).join('_to_') || todayUtc();
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="invoices-${period}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/invoices/:id',
    {
      config: { access: readers },
      schema: {
        tags: ['invoicing'],
        summary: 'An invoice or credit note with its lines and VAT breakdown',
        params: IdParams,
        response: { 200: invoiceRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getInvoice(contextOf(request, database), request.params.id),
  );

  app.get(
    '/api/v1/invoices/:id.xml',
    {
      config: { access: readers },
      schema: {
        tags: ['invoicing'],
        summary: 'The e-invoice: UBL 2.1 Invoice or CreditNote under EN 16931',
        params: IdParams,
        produces: ['application/xml'],
        response: {
          200: {
            description: 'UBL 2.1 XML',
            content: { 'application/xml': { schema: Type.String() } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { number, xml } = await invoiceXml(contextOf(request, database), request.params.id);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${number}.xml"`)
        .send(xml);
    },
  );

  app.get(
    '/api/v1/invoices/:id.pdf',
    {
      config: { access: readers },
      schema: {
        tags: ['invoicing'],
        summary: "The invoice or credit note as a PDF in the customer's language",
        params: IdParams,
        produces: ['application/pdf'],
        response: {
          ...pdfResponse,
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await invoicePdf(contextOf(request, database), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
