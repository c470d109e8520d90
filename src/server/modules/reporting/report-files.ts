// A prepared report as a file: CSV through the project's one CSV writer, XLSX through exceljs's
// streaming workbook writer. Both take the rows batch by batch as the client reads, so a
// 100,000-row report never sits whole in memory as a file. The header row holds the labels
// in the caller's language; a last row holds the totals.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvWriter } from '../../http/csv.ts';
import type { DocumentLocale } from '../documents/pdf.ts';
import { minorUnitDigits, money, toMajor } from '../pricing/money.ts';
import {
  type Cell,
  type ColumnDefinition,
  type PreparedReport,
  type ReportRow,
  rowBatches,
} from './report-kit.ts';

const totalLabel: Record<DocumentLocale, string> = {
  en: 'Total',
  cs: 'Celkem',
  pl: 'Razem',
  tr: 'Toplam',
  zh: '合计',
};

/** A money cell in major units as a number (12345 EUR cents → 123.45). */
function major(value: Cell, currency: string | undefined): number | null {
  if (value === null || value === undefined || typeof value !== 'number') return null;
  if (!currency) return value;
  return toMajor(money(Math.round(value), currency)).toNumber();
}

/** A cell as the CSV writes it: money with the currency's decimals, percent as a fraction. */
function csvCell(column: ColumnDefinition, value: Cell): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  // csv-stringify writes true as 1 and false as nothing; a spreadsheet reads TRUE and FALSE.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (column.type === 'money' && typeof value === 'number' && column.currency) {
    return (major(value, column.currency) ?? 0).toFixed(minorUnitDigits(column.currency));
  }
  return value;
}

function totalsRow(columns: ColumnDefinition[], totals: ReportRow, language: DocumentLocale) {
  return columns.map((column, index) => {
    const value = totals[column.key];
    if (value !== undefined && value !== null) return value;
    return index === 0 ? totalLabel[language] : null;
  });
}

export function reportCsv(
  columns: ColumnDefinition[],
  prepared: PreparedReport,
  language: DocumentLocale,
): Readable {
  const csv = csvWriter(columns.map((column) => column.label[language]));
  (async () => {
    for await (const batch of rowBatches(prepared.rows)) {
      for (const row of batch) {
        const ok = csv.write(columns.map((column) => csvCell(column, row[column.key] ?? null)));
        if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
      }
    }
    const totals = totalsRow(columns, prepared.totals, language);
    csv.write(totals.map((value, i) => csvCell(columns[i] as ColumnDefinition, value)));
    csv.end();
  })().catch((error) => csv.destroy(error as Error));
  return csv;
}

/** Excel's number format for a column. */
function numberFormat(column: ColumnDefinition): string | undefined {
  switch (column.type) {
    case 'money': {
      const digits = column.currency ? minorUnitDigits(column.currency) : 2;
      return digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
    }
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

function xlsxCell(column: ColumnDefinition, value: Cell): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && column.type !== 'text' && column.type !== 'date') return value;
  if (column.type === 'money') return major(value, column.currency);
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  return value;
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rule). */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report';
}

export function reportXlsx(
  name: string,
  columns: ColumnDefinition[],
  prepared: PreparedReport,
  language: DocumentLocale,
): Readable {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: column.label[language],
    key: column.key,
    width: Math.max(12, Math.min(40, column.label[language].length + 4)),
    style: { numFmt: numberFormat(column) },
  }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of rowBatches(prepared.rows)) {
      for (const row of batch) {
        sheet.addRow(columns.map((column) => xlsxCell(column, row[column.key] ?? null))).commit();
      }
    }
    const totals = totalsRow(columns, prepared.totals, language);
    const last = sheet.addRow(
      totals.map((value, i) => xlsxCell(columns[i] as ColumnDefinition, value)),
    );
    last.font = { bold: true };
    last.commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => stream.destroy(error as Error));
  return stream;
}
