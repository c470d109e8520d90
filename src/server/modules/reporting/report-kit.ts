// What every report shares (A1–A4): one definition gives the JSON answer, the CSV and the XLSX
// from the same prepared result, so the three can never disagree. A report names its columns
// (key, type and a label in each document language), the roles that may call it, and how it
// prepares its rows for a caller and a query. `registerReport` then serves
//   GET /api/v1/reports/{name}        → { report, currency, columns[], rows[], totals }
//   GET /api/v1/reports/{name}.csv    → the same rows as CSV (UTF-8 with BOM)
//   GET /api/v1/reports/{name}.xlsx   → the same rows as a real, streamed workbook
//
// Amounts in JSON are integers in the minor unit of the column's currency, as everywhere in
// the API; in the files they are decimal numbers in major units. A percent is a fraction
// (0.235 is 23.5 %). Columns marked `cost` (cost, margin, supplier figures) are left out for
// every role but admin and accountant: agents see sales without cost (A4 roles).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, type TObject, type TSchema, Type } from 'typebox';
import type { Ctx } from '../../context.ts';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, nullable } from '../../http/schemas.ts';
import { type DocumentLocale, documentLocales, isDocumentLocale } from '../documents/pdf.ts';
import { reportCsv, reportXlsx } from './report-files.ts';

export type ColumnType = 'text' | 'date' | 'integer' | 'money' | 'percent' | 'number';

export type Cell = string | number | boolean | null;
export type ReportRow = Record<string, Cell>;

/** A column as a report defines it. */
export interface ColumnDefinition {
  key: string;
  type: ColumnType;
  /** The column's heading in each document language. */
  label: Record<DocumentLocale, string>;
  /** For `money`: the currency of every amount in the column (usually the base currency). */
  currency?: string;
  /** Cost, margin or supplier figures: only admin and accountant see them. */
  cost?: boolean;
}

/** A column as a caller receives it: the label in the asked language. */
export interface ReportColumn {
  key: string;
  type: ColumnType;
  label: string;
  currency?: string;
}

/** What a report prepares for one call: the columns it fills, its rows and their totals. */
export interface PreparedReport {
  columns: ColumnDefinition[];
  /** The rows, in the order shown; batches let a long report stream into its file. */
  rows: ReportRow[] | AsyncIterable<ReportRow[]>;
  /** Sums (or whole-report figures such as a weighted margin %) by column key. */
  totals: ReportRow;
  /** The currency the report's amounts are in (the agency's base currency), if any. */
  currency: string | null;
}

export interface ReportDefinition<Q extends TObject = TObject> {
  /** The path segment: /api/v1/reports/{name}. */
  name: string;
  summary: string;
  /** Who may call it (a partner only where the report limits itself to the partner's own). */
  access: readonly Role[];
  /** The query string: filters, grouping. */
  query: Q;
  prepare(ctx: Ctx, query: Static<Q>, language: DocumentLocale): Promise<PreparedReport>;
}

/** Roles that see cost, margin and supplier figures in reports. */
export const costRoles: readonly Role[] = ['admin', 'accountant'];

export function seesCost(role: Role | null): boolean {
  return role !== null && costRoles.includes(role);
}

/** The columns this caller may see. */
export function visibleColumns(columns: ColumnDefinition[], role: Role | null) {
  return seesCost(role) ? columns : columns.filter((column) => !column.cost);
}

/** Cells of `row` for the visible columns only (a hidden cost never leaves the server). */
export function pick(row: ReportRow, columns: ColumnDefinition[]): ReportRow {
  const out: ReportRow = {};
  for (const column of columns) out[column.key] = row[column.key] ?? null;
  return out;
}

export function columnFor(column: ColumnDefinition, language: DocumentLocale): ReportColumn {
  return {
    key: column.key,
    type: column.type,
    label: column.label[language],
    ...(column.currency ? { currency: column.currency } : {}),
  };
}

/** Every row of a prepared report, whether given at once or in batches. */
export async function* rowBatches(rows: PreparedReport['rows']): AsyncIterable<ReportRow[]> {
  if (Array.isArray(rows)) {
    yield rows;
    return;
  }
  yield* rows as AsyncIterable<ReportRow[]>;
}

/** The JSON answer of a prepared report: the visible columns' labels, rows and totals. */
export async function reportJson(
  name: string,
  columns: ColumnDefinition[],
  prepared: PreparedReport,
  language: DocumentLocale,
) {
  const rows: ReportRow[] = [];
  for await (const batch of rowBatches(prepared.rows)) {
    for (const row of batch) rows.push(pick(row, columns));
  }
  return {
    report: name,
    currency: prepared.currency,
    columns: columns.map((column) => columnFor(column, language)),
    rows,
    totals: pick(prepared.totals, columns),
  };
}

/** The language of labels: `?lang=`, else the first document language Accept-Language names. */
export function reportLanguage(request: FastifyRequest): DocumentLocale {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isDocumentLocale(asked)) return asked;
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const code = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isDocumentLocale(code)) return code;
  }
  return 'en';
}

/** The query every report takes besides its own: the language of the column labels. */
export const LanguageQuery = {
  lang: Type.Optional(
    Type.Union(
      documentLocales.map((code) => Type.Literal(code)),
      { description: 'Language of the column labels (default: Accept-Language, else en)' },
    ),
  ),
};

// One type list, as `nullable` writes one: a union under `nullable` is no valid schema for
// the response serializer, and Fastify refused to register the first report.
const Cell = Type.Unsafe<string | number | boolean | null>({
  type: ['string', 'number', 'boolean', 'null'],
});

const ReportSchema = Type.Object({
  report: Type.String(),
  currency: nullable(Type.String({ description: "The agency's base currency of the amounts" })),
  columns: Type.Array(
    Type.Object({
      key: Type.String(),
      type: Type.Union([
        Type.Literal('text'),
        Type.Literal('date'),
        Type.Literal('integer'),
        Type.Literal('money'),
        Type.Literal('percent'),
        Type.Literal('number'),
      ]),
      label: Type.String(),
      currency: Type.Optional(Type.String()),
    }),
  ),
  rows: Type.Array(Type.Record(Type.String(), Cell), {
    description: 'Money in minor units of the column currency; percent as a fraction',
  }),
  totals: Type.Record(Type.String(), Cell),
});

const fileResponse = (type: string, description: string) => ({
  200: {
    description,
    content: { [type]: { schema: Type.Unsafe({ type: 'string', format: 'binary' }) } },
  },
  ...errorResponses(400, 401, 403),
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the JSON, CSV and XLSX routes of a report. */
export function registerReport<Q extends TObject>(
  base: FastifyInstance,
  database: Database,
  report: ReportDefinition<Q>,
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const querystring = Type.Object(
    { ...report.query.properties, ...LanguageQuery },
    { additionalProperties: false },
  ) as unknown as TSchema;
  const path = `/api/v1/reports/${report.name}`;
  const config = { access: report.access };
  const tags = ['reports'];

  const prepare = async (request: FastifyRequest) => {
    const ctx = contextOf(request, database);
    const language = reportLanguage(request);
    const prepared = await report.prepare(ctx, request.query as Static<Q>, language);
    const columns = visibleColumns(prepared.columns, ctx.actor.role);
    return { prepared, columns, language };
  };

  const filename = (extension: string) =>
    `${report.name}-${new Date().toISOString().slice(0, 10)}.${extension}`;

  app.get(
    path,
    {
      config,
      schema: {
        tags,
        summary: report.summary,
        querystring,
        response: { 200: ReportSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { prepared, columns, language } = await prepare(request);
      return reportJson(report.name, columns, prepared, language);
    },
  );

  app.get(
    `${path}.csv`,
    {
      config,
      schema: {
        tags,
        summary: `${report.summary} (CSV)`,
        querystring,
        response: fileResponse('text/csv', 'The JSON report’s rows and totals as CSV'),
      },
    },
    async (request, reply: FastifyReply) => {
      const { prepared, columns, language } = await prepare(request);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename('csv')}"`)
        .send(reportCsv(columns, prepared, language));
    },
  );

  app.get(
    `${path}.xlsx`,
    {
      config,
      schema: {
        tags,
        summary: `${report.summary} (XLSX)`,
        querystring,
        response: fileResponse(xlsxType, 'The JSON report’s rows and totals as a workbook'),
      },
    },
    async (request, reply: FastifyReply) => {
      const { prepared, columns, language } = await prepare(request);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', `attachment; filename="${filename('xlsx')}"`)
        .send(reportXlsx(report.name, columns, prepared, language));
    },
  );
}
