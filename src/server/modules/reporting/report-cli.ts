// A report for the command line (`caravel report NAME`): the same definition the HTTP routes
// serve, its query checked against the same schema (values converted from the command's
// text as the HTTP query's are), and written by the kit's own JSON, CSV and XLSX writers. The
// command line acts for the agency as a whole, costs included, as an admin reads it.
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import Value from 'typebox/value';
import type { Ctx } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import type { DocumentLocale } from '../documents/pdf.ts';
import { reportCsv, reportXlsx } from './report-files.ts';
import {
  type PreparedReport,
  type ReportDefinition,
  type ReportRow,
  reportJson,
  rowBatches,
  visibleColumns,
} from './report-kit.ts';
import { reports } from './reports/index.ts';

export type ReportFormat = 'csv' | 'xlsx' | 'json';

// biome-ignore lint/suspicious/noExplicitAny: each report has its own query type
export function findReport(name: string): ReportDefinition<any> {
  const report = reports.find((r) => r.name === name);
  if (!report) {
    throw new Error(
      `no report "${name}"; the reports are ${reports.map((r) => r.name).join(', ')}`,
    );
  }
  return report;
}

/** The report's query from text values, converted and checked as the HTTP query is. */
export function reportQuery(
  // biome-ignore lint/suspicious/noExplicitAny: each report has its own query type
  report: ReportDefinition<any>,
  given: Record<string, string>,
): Record<string, unknown> {
  const schema = Type.Object(report.query.properties, { additionalProperties: false });
  for (const key of Object.keys(given)) {
    if (!(key in report.query.properties)) {
      throw Invalid.field(`/${key}`, `is not a parameter of the ${report.name} report`);
    }
  }
  const query = Value.Convert(schema, { ...given }) as Record<string, unknown>;
  const errors = [...Value.Errors(schema, query)].filter((e) => e.keyword !== 'anyOf');
  if (errors.length > 0) {
    // A value outside a list fails once per allowed value: one message names them all.
    const byPath = new Map<string, { message: string; allowed: string[] }>();
    for (const e of errors) {
      const path = e.instancePath || '/';
      const entry = byPath.get(path) ?? { message: e.message, allowed: [] };
      if (e.keyword === 'const') {
        entry.allowed.push(String((e.params as { allowedValue?: unknown }).allowedValue));
      }
      byPath.set(path, entry);
    }
    const fields = [...byPath].map(([path, { message, allowed }]) => ({
      path,
      message: allowed.length > 0 ? `must be one of ${allowed.join(', ')}` : message,
    }));
    throw new Invalid(fields.map((f) => `${f.path.slice(1)} ${f.message}`).join('; '), fields);
  }
  return query;
}

/** Rows handed on batch by batch, `progress` told the count so far. */
async function* counted(
  rows: PreparedReport['rows'],
  progress: (done: number) => void,
): AsyncIterable<ReportRow[]> {
  let done = 0;
  for await (const batch of rowBatches(rows)) {
    // Long batches in slices, so a progress bar moves while the file is written.
    for (let start = 0; start < batch.length; start += 500) {
      const slice = batch.slice(start, start + 500);
      yield slice;
      done += slice.length;
      progress(done);
    }
  }
}

export interface ReportOutput {
  /** The whole output as a stream of bytes (JSON, CSV or XLSX). */
  stream: Readable | string;
  /** The number of rows, when known before writing (for a progress bar). */
  rowCount: number | null;
}

/** Prepares report `name` for `ctx` and gives its file; `progress` hears of rows written. */
export async function reportOutput(
  ctx: Ctx,
  name: string,
  given: Record<string, string>,
  format: ReportFormat,
  language: DocumentLocale,
  progress: (done: number) => void = () => {},
): Promise<ReportOutput> {
  const report = findReport(name);
  const prepared = await report.prepare(ctx, reportQuery(report, given), language);
  const columns = visibleColumns(prepared.columns, 'admin');
  const rowCount = Array.isArray(prepared.rows) ? prepared.rows.length : null;
  const streamed: PreparedReport = { ...prepared, rows: counted(prepared.rows, progress) };
  if (format === 'json') {
    const body = await reportJson(report.name, columns, streamed, language);
    return { stream: `${JSON.stringify(body, null, 2)}\n`, rowCount };
  }
  const stream =
    format === 'csv'
      ? reportCsv(columns, streamed, language)
      : reportXlsx(report.name, columns, streamed, language);
  return { stream, rowCount };
}
