// HTTP for the operational lists (T1, T3): a transport departure's run sheet and driver's
// list, a tour departure's tour leader list and rooming list, each as JSON, PDF (in the
// agency's template and the reader's language: ?lang= or Accept-Language) and CSV/XLSX; and
// sending the rooming list to the hotel. Staff only; the accountant reads.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams, nullable } from '../../http/schemas.ts';
import type { DocumentLocale } from '../documents/pdf.ts';
import { staffRoles } from '../identity/roles.ts';
import { reportCsv, reportXlsx } from '../reporting/report-files.ts';
import {
  LanguageQuery,
  type PreparedReport,
  reportJson,
  reportLanguage,
} from '../reporting/report-kit.ts';
import { seatMovers } from '../seating/service.ts';
import { guidePdf, guideReport, loadTourDeparture } from './guide-list.ts';
import { loadManifest, manifestPdf, manifestReport, runSheetView } from './manifest.ts';
import {
  loadRoomingList,
  roomingPdf,
  roomingReport,
  roomingView,
  sendRoomingList,
} from './rooming-list.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileResponse = (type: string, description: string) => ({
  200: {
    description,
    content: { [type]: { schema: Type.Unsafe({ type: 'string', format: 'binary' }) } },
  },
  ...errorResponses(400, 401, 403, 404),
});

const Query = Type.Object({ ...LanguageQuery }, { additionalProperties: false });
const SinceQuery = Type.Object(
  {
    ...LanguageQuery,
    since: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'A version sent to the hotel: list only the rooms added, changed or cancelled since',
      }),
    ),
  },
  { additionalProperties: false },
);

const Loose = (description: string) => Type.Object({}, { additionalProperties: true, description });

/** The JSON of a list's files: its columns' labels, rows and totals. */
const FileRows = Type.Object(
  {
    report: Type.String(),
    currency: nullable(Type.String()),
    columns: Type.Array(Type.Object({}, { additionalProperties: true })),
    rows: Type.Array(Type.Object({}, { additionalProperties: true })),
    totals: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: true },
);

type Format = 'pdf' | 'csv' | 'xlsx';

/** Sends a list as a file named after it and the departure. */
async function sendFile(
  reply: FastifyReply,
  format: Format,
  name: string,
  language: DocumentLocale,
  file: { pdf: () => Promise<Buffer>; report: () => PreparedReport },
) {
  const filename = `${name}-${language}.${format}`;
  reply.header('cache-control', 'private, no-store');
  if (format === 'pdf') {
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${filename}"`)
      .send(await file.pdf());
  }
  const prepared = file.report();
  if (format === 'csv') {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(reportCsv(prepared.columns, prepared, language));
  }
  return reply
    .header('content-type', xlsxType)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(reportXlsx(name, prepared.columns, prepared, language));
}

const formats = [
  ['pdf', 'application/pdf', 'PDF'],
  ['csv', 'text/csv', 'CSV'],
  ['xlsx', xlsxType, 'XLSX'],
] as const;

export async function operationsRoutes(
  base: FastifyInstance,
  { database }: { database: Database },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const read = { access: staffRoles };
  const tags = ['operational lists'];
  const ctxOf = (request: FastifyRequest) => contextOf(request, database);

  app.get(
    '/api/v1/transport-departures/:id/run-sheet',
    {
      config: read,
      schema: {
        tags,
        summary:
          "A departure's run sheet: the route's stops in order with date and time, who gets on and off at each, and the load on every leg",
        params: IdParams,
        response: { 200: Loose('The run sheet'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => runSheetView(await loadManifest(ctxOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/transport-departures/:id/manifest',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The driver's list of a departure: a row per passenger in route order (stop, time, seat, name, phone, booking, balance to collect), and the run sheet",
        params: IdParams,
        querystring: Query,
        response: { 200: FileRows, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const language = reportLanguage(request);
      const manifest = await loadManifest(ctxOf(request), request.params.id);
      const prepared = manifestReport(manifest, language);
      return {
        ...(await reportJson('manifest', prepared.columns, prepared, language)),
        runSheet: runSheetView(manifest),
      };
    },
  );

  for (const [format, type, word] of formats) {
    app.get(
      `/api/v1/transport-departures/:id/manifest.${format}`,
      {
        config: read,
        schema: {
          tags,
          summary: `The driver's list of a departure (${word})`,
          params: IdParams,
          querystring: Query,
          response: fileResponse(type, `The driver's list as ${word}`),
        },
      },
      async (request, reply) => {
        const language = reportLanguage(request);
        const ctx = ctxOf(request);
        const manifest = await loadManifest(ctx, request.params.id);
        const name = `manifest-${manifest.info.transport.code.replace(/\W+/g, '')}-${manifest.info.date}`;
        return sendFile(reply, format, name, language, {
          pdf: () => manifestPdf(ctx, manifest, language),
          report: () => manifestReport(manifest, language),
        });
      },
    );
  }

  app.get(
    '/api/v1/tour-departures/:id/guide-list',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The tour leader's list of a tour departure: travellers with seats, room, age group, diet, medical notes, emergency contact and (abroad) documents",
        params: IdParams,
        querystring: Query,
        response: { 200: FileRows, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const language = reportLanguage(request);
      const list = await loadTourDeparture(ctxOf(request), request.params.id);
      const prepared = guideReport(list, language);
      return reportJson('guide-list', prepared.columns, prepared, language);
    },
  );

  for (const [format, type, word] of formats) {
    app.get(
      `/api/v1/tour-departures/:id/guide-list.${format}`,
      {
        config: read,
        schema: {
          tags,
          summary: `The tour leader's list of a tour departure (${word})`,
          params: IdParams,
          querystring: Query,
          response: fileResponse(type, `The tour leader's list as ${word}`),
        },
      },
      async (request, reply) => {
        const language = reportLanguage(request);
        const ctx = ctxOf(request);
        const list = await loadTourDeparture(ctx, request.params.id);
        return sendFile(
          reply,
          format,
          `guide-list-${list.info.tourCode}-${list.info.startDate}`,
          language,
          {
            pdf: () => guidePdf(ctx, list, language),
            report: () => guideReport(list, language),
          },
        );
      },
    );
  }

  app.get(
    '/api/v1/tour-departures/:id/rooming-list',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The hotel's rooming list of a tour departure: rooms with guests, type, beds, board, dates and requests, the unassigned, the versions sent; with since, the changes since that version",
        params: IdParams,
        querystring: SinceQuery,
        response: { 200: Loose('The rooming list'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      roomingView(await loadRoomingList(ctxOf(request), request.params.id, request.query.since)),
  );

  for (const [format, type, word] of formats) {
    app.get(
      `/api/v1/tour-departures/:id/rooming-list.${format}`,
      {
        config: read,
        schema: {
          tags,
          summary: `The rooming list of a tour departure (${word}); with since, the changes since that version`,
          params: IdParams,
          querystring: SinceQuery,
          response: fileResponse(type, `The rooming list as ${word}`),
        },
      },
      async (request, reply) => {
        const language = reportLanguage(request);
        const ctx = ctxOf(request);
        const list = await loadRoomingList(ctx, request.params.id, request.query.since);
        const suffix = list.since ? `-since-v${list.since.version}` : '';
        const name = `rooming-list-${list.info.tourCode}-${list.info.startDate}${suffix}`;
        return sendFile(reply, format, name, language, {
          pdf: () => roomingPdf(ctx, list, language),
          report: () => roomingReport(list, language),
        });
      },
    );
  }

  app.post(
    '/api/v1/tour-departures/:id/rooming-list/send',
    {
      config: { access: seatMovers },
      schema: {
        tags,
        summary:
          "Send the rooming list to the hotel as the next version (the changes since the last one on top), as a PDF by e-mail through the outbox; the version's rooms are kept",
        description:
          "To the hotel supplier's e-mail (or a contact's) unless `to` is given; 409 when there is none. The PDF is in ?lang= or Accept-Language.",
        params: IdParams,
        querystring: Query,
        body: Type.Object(
          {
            to: Type.Optional(
              nullable(Type.String({ format: 'email', maxLength: 254 }), {
                description: "Another address than the hotel's",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            version: Type.Integer(),
            sentTo: Type.String(),
            rooms: Type.Integer(),
            since: nullable(
              Type.Object({
                version: Type.Integer(),
                added: Type.Integer(),
                changed: Type.Integer(),
                cancelled: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const sent = await sendRoomingList(
        ctxOf(request),
        request.params.id,
        request.body ?? {},
        reportLanguage(request),
      );
      return reply.code(201).send(sent);
    },
  );
}
