// A report as the API answers it (GET /api/v1/reports/{name}) and its cells as the screen
// writes them: by the column's type, in the language's conventions. Money arrives in minor
// units of the column's currency (the report's when the column names none), a percent as a
// fraction (0.235 is 23.5 %), dates as YYYY-MM-DD.
import { minorDigits } from '../../../shared/i18n/format.ts';

export type ColumnType = 'text' | 'date' | 'integer' | 'money' | 'percent' | 'number';
export type Cell = string | number | boolean | null;
export type ReportRow = Record<string, Cell>;

export interface ReportColumn {
  key: string;
  type: ColumnType;
  label: string;
  currency?: string;
}

export interface ReportResponse {
  report: string;
  currency: string | null;
  columns: ReportColumn[];
  rows: ReportRow[];
  totals: ReportRow;
}

/** The words a formatter needs that are not numbers or dates, in the screen's language. */
export interface CellWords {
  yes: string;
  no: string;
  /** "Week {{week}}, {{year}}" filled. */
  week(year: string, week: string): string;
  quarter(year: string, quarter: string): string;
  /** A code the API sends as it is (a channel, a product kind), named; undefined: as sent. */
  code(columnKey: string, value: string): string | undefined;
}

export interface CellFormat {
  cell(column: ReportColumn, value: Cell | undefined): string;
  /** A money amount in minor units. */
  money(minor: number, currency: string): string;
  percent(fraction: number): string;
  count(value: number): string;
  /** A `period` value: "2026-03" → "Mar 2026", "2026-Q1" → "Q1 2026". */
  period(value: string): string;
  /** The currency of a money column. */
  currencyOf(column: ReportColumn): string | null;
}

/** Ids sent beside their names (`productId` beside `product`): kept for links, not shown. */
export function isIdColumn(column: Pick<ReportColumn, 'key'>): boolean {
  return /Id$/.test(column.key);
}

export function isNumericColumn(column: Pick<ReportColumn, 'type'>): boolean {
  return (
    column.type === 'integer' ||
    column.type === 'money' ||
    column.type === 'percent' ||
    column.type === 'number'
  );
}

/** The columns the table shows, in the report's order. */
export function shownColumns(columns: readonly ReportColumn[]): ReportColumn[] {
  return columns.filter((column) => !isIdColumn(column));
}

export const emptyCell = '—';

export function createCellFormat(
  locale: string,
  reportCurrency: string | null,
  words: CellWords,
): CellFormat {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const moneyFormats = new Map<string, Intl.NumberFormat | null>();

  const money = (minor: number, currency: string) => {
    const digits = minorDigits(currency);
    let format = moneyFormats.get(currency);
    if (format === undefined) {
      try {
        format = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
      } catch {
        format = null;
      }
      moneyFormats.set(currency, format);
    }
    const major = minor / 10 ** digits;
    return format ? format.format(major) : `${major.toFixed(digits)} ${currency}`;
  };

  const calendarDate = (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? date.format(new Date(`${value}T00:00:00Z`)) : value;

  const period = (value: string) => {
    let match = /^(\d{4})-W(\d{2})$/.exec(value);
    if (match) return words.week(match[1] as string, String(Number(match[2])));
    match = /^(\d{4})-Q([1-4])$/.exec(value);
    if (match) return words.quarter(match[1] as string, match[2] as string);
    if (/^\d{4}-\d{2}$/.test(value)) return month.format(new Date(`${value}-01T00:00:00Z`));
    return calendarDate(value);
  };

  const currencyOf = (column: ReportColumn) => column.currency ?? reportCurrency;

  return {
    money,
    percent: (fraction) => percent.format(fraction),
    count: (value) => integer.format(value),
    period,
    currencyOf,
    cell(column, value) {
      if (value === null || value === undefined || value === '') return emptyCell;
      if (typeof value === 'boolean') {
        return words.code(column.key, String(value)) ?? (value ? words.yes : words.no);
      }
      if (typeof value === 'number') {
        switch (column.type) {
          case 'money': {
            const currency = currencyOf(column);
            return currency ? money(value, currency) : decimal.format(value);
          }
          case 'percent':
            return percent.format(value);
          case 'integer':
            return integer.format(value);
          default:
            return decimal.format(value);
        }
      }
      if (column.key === 'period') return period(value);
      if (column.type === 'date') return calendarDate(value);
      return words.code(column.key, value) ?? value;
    },
  };
}

/**
 * What names a row in a chart: its shown text and date cells ("Crete 7 nights · 14 Jun 2026"),
 * ids and figures left out.
 */
export function rowLabel(
  columns: readonly ReportColumn[],
  row: ReportRow,
  format: Pick<CellFormat, 'cell'>,
): string {
  const parts: string[] = [];
  for (const column of columns) {
    if (isIdColumn(column) || (column.type !== 'text' && column.type !== 'date')) continue;
    const value = row[column.key];
    if (value === null || value === undefined || value === '') continue;
    parts.push(format.cell(column, value));
  }
  return parts.length > 0 ? parts.join(' · ') : emptyCell;
}

/** The first shown column's heading is where the totals row says "Total". */
export function totalsCells(
  columns: readonly ReportColumn[],
  totals: ReportRow,
  format: Pick<CellFormat, 'cell'>,
  totalWord: string,
): string[] {
  return columns.map((column, index) => {
    const value = totals[column.key];
    if (value === null || value === undefined) return index === 0 ? totalWord : '';
    return format.cell(column, value);
  });
}
