// HTTP for documents (D1, D2, D4): a booking's PDFs (staff, and customers for their own
// bookings: getBooking decides who may read), the voucher's public JSON and PDF by its code,
// and the agency's document template (staff read it; admins change it).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams, NonBlank, nullable } from '../../http/schemas.ts';
import { staffRoles } from '../identity/roles.ts';
import { documentLocales } from './pdf.ts';
import {
  type DocumentKind,
  documentKinds,
  listDocuments,
  publicVoucher,
  publicVoucherPdf,
  type RenderedDocument,
  renderBookingDocument,
  sendableDocuments,
  sendDocuments,
} from './service.ts';
import { getTemplateSettings, setTemplateLogo, updateTemplate } from './template-service.ts';

const LocaleQuery = Type.Object({
  locale: Type.Optional(
    Type.Enum([...documentLocales], { description: "The language; the customer's by default" }),
  ),
});

const DocumentQuery = Type.Object({
  locale: Type.Optional(
    Type.Enum([...documentLocales], { description: "The language; the customer's by default" }),
  ),
  line: Type.Optional(
    Type.Integer({ minimum: 0, description: 'E-tickets only: the position of one ticket line' }),
  ),
});

const pdfResponse = {
  200: {
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  },
};

const VoucherCodeParams = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'The voucher code of the QR code',
  }),
});

const ColorSchema = Type.String({
  pattern: '^#[0-9a-fA-F]{6}$',
  description: 'Hex colour, #rrggbb',
});
const LinesSchema = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 6 });
const FooterSchema = Type.Object(
  Object.fromEntries(
    documentLocales.map((l) => [l, Type.Optional(Type.String({ minLength: 1, maxLength: 1000 }))]),
  ),
  { additionalProperties: false, description: 'Footer text per language (en, cs, pl, tr, zh)' },
);

const TemplateBody = Type.Object(
  {
    displayName: nullable(NonBlank({ maxLength: 200 }), {
      description: "The name printed in the header; null: the agency's name",
    }),
    addressLines: LinesSchema,
    contactLines: LinesSchema,
    emergencyPhone: nullable(Type.String({ minLength: 3, maxLength: 40 })),
    primaryColor: ColorSchema,
    accentColor: ColorSchema,
    footer: FooterSchema,
  },
  { additionalProperties: false },
);

const TemplateSchema = Type.Object(
  {
    agencyName: Type.String(),
    displayName: nullable(Type.String()),
    addressLines: Type.Array(Type.String()),
    contactLines: Type.Array(Type.String()),
    emergencyPhone: nullable(Type.String()),
    primaryColor: Type.String(),
    accentColor: Type.String(),
    footer: Type.Record(Type.String(), Type.String()),
    logo: nullable(Type.Object({ type: Type.String(), bytes: Type.Integer() })),
    isDefault: Type.Boolean({ description: 'True while the agency has not saved a template' }),
    updatedAt: nullable(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

const LogoBody = Type.Object(
  {
    contentBase64: nullable(
      Type.String({
        minLength: 4,
        maxLength: 700_000,
        description: 'PNG or JPEG, base64, ≤ 512 KB',
      }),
      { description: 'The image in base64; null removes the logo' },
    ),
  },
  { additionalProperties: false },
);

function sendPdf(reply: FastifyReply, document: RenderedDocument) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${document.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(document.pdf);
}

export async function documentRoutes(
  base: FastifyInstance,
  { database, config }: { database: Database; config: Config },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/bookings/:id/documents',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['documents'],
        summary: 'The documents of a booking, with the URL of each PDF',
        params: IdParams,
        response: {
          200: Type.Object({
            locale: Type.String(),
            items: Type.Array(
              Type.Object(
                { kind: Type.String(), title: Type.String(), url: Type.String() },
                { additionalProperties: true },
              ),
            ),
          }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => listDocuments(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/bookings/:id/documents/send',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['documents'],
        summary:
          "E-mails documents of the booking (to the customer's address unless `to` is given)",
        description:
          'Queues one e-mail with the PDFs attached; it leaves once the request commits. ' +
          '`invoice` attaches every invoice and credit note of the booking.',
        params: IdParams,
        body: Type.Object(
          {
            documents: Type.Optional(
              Type.Array(Type.Enum([...sendableDocuments]), { minItems: 1, maxItems: 5 }),
            ),
            to: Type.Optional(nullable(Type.String({ format: 'email', maxLength: 254 }))),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            to: Type.String(),
            documents: Type.Array(Type.Enum([...sendableDocuments])),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const sent = await sendDocuments(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(202).send(sent);
    },
  );

  for (const kind of documentKinds) {
    app.get(
      `/api/v1/bookings/:id/documents/${kind}.pdf`,
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['documents'],
          summary: `The booking's ${kind} as a PDF, in the customer's language unless asked`,
          params: IdParams,
          querystring: kind === 'eticket' ? DocumentQuery : LocaleQuery,
          response: { ...pdfResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const query = request.query as { locale?: (typeof documentLocales)[number]; line?: number };
        const document = await renderBookingDocument(
          contextOf(request, database),
          request.params.id,
          kind as DocumentKind,
          {
            publicUrl: config.publicUrl,
            ...(query.locale ? { locale: query.locale } : {}),
            ...(query.line === undefined ? {} : { line: query.line }),
          },
        );
        return sendPdf(reply, document);
      },
    );
  }

  app.get(
    '/api/v1/public/vouchers/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: "A voucher by its code (the QR code's link): the booking's essentials, no prices",
        params: VoucherCodeParams,
        response: {
          200: Type.Object(
            { code: Type.String(), number: Type.String() },
            { additionalProperties: true },
          ),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      // `{code}.pdf` shares this route: find-my-way gives both the same parametric node.
      const { code } = request.params;
      if (code.endsWith('.pdf')) {
        const query = request.query as { locale?: string };
        const locale = (documentLocales as readonly string[]).includes(query.locale ?? '')
          ? (query.locale as (typeof documentLocales)[number])
          : undefined;
        const document = await publicVoucherPdf(database.db, code.slice(0, -4), {
          publicUrl: config.publicUrl,
          ...(locale ? { locale } : {}),
        });
        return sendPdf(reply, document);
      }
      return publicVoucher(database.db, code);
    },
  );

  app.get(
    '/api/v1/settings/document-template',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['documents'],
        summary: "The agency's document template (the defaults until an admin saves one)",
        response: { 200: TemplateSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => getTemplateSettings(contextOf(request, database)),
  );

  app.put(
    '/api/v1/settings/document-template',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['documents'],
        summary:
          'Changes the template: header texts, colours, emergency phone, footer per language',
        body: TemplateBody,
        response: { 200: TemplateSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => updateTemplate(contextOf(request, database), request.body),
  );

  app.put(
    '/api/v1/settings/document-template/logo',
    {
      config: { access: ['admin'] },
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['documents'],
        summary: 'Sets the logo (PNG or JPEG in base64, at most 512 KB) or removes it (null)',
        body: LogoBody,
        response: { 200: TemplateSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => setTemplateLogo(contextOf(request, database), request.body.contentBase64),
  );
}
