// The chart above a report's table, built from the same answer the table shows: sales as bars
// per period stacked by the first grouping, profitability as revenue, cost and margin per row,
// occupancy as load factor (or sold, held and free stacked), the booking curve as lines of
// cumulative pax and revenue by days before departure (the comparison dashed), receivables
// and payables as their aging buckets stacked, supplier costs as expected beside actual.
// Pure: the page hands in the answer, the choices and the language's formatters.

import { minorDigits } from '../../../shared/i18n/format.ts';
import type { EChartOption } from '../../../shared/ui/LazyEChart.tsx';
import { type Channel, channelColours } from '../dashboard/dashboard-queries.ts';
import type { ReportSpec } from './report-catalog.ts';
import type { CellFormat, ReportColumn, ReportResponse, ReportRow } from './report-format.ts';
import { emptyCell, rowLabel } from './report-format.ts';
import { dimensionsOf, type ReportValues, type SalesDimension } from './report-params.ts';

/** Words of the chart not sent by the API. */
export interface ChartWords {
  /** The series that gathers the smaller ones. */
  other: string;
  free: string;
  /** A total's single bar, when sales are grouped by nothing. */
  total: string;
}

export interface ChartContext {
  format: CellFormat;
  /** Axis labels: "12K", "1,2 mil.". */
  compact(value: number): string;
  words: ChartWords;
}

export interface ChartPlan {
  option: EChartOption;
  /** The rows drawn, when fewer than the table's (the chart keeps to the largest). */
  drawn: number;
  of: number;
  /** Which rows a partial chart keeps: the largest, or the first in the report's order. */
  keeps: 'largest' | 'first';
}

/** Series past this many (sales by customer, say) are summed into one "other". */
export const maxSeries = 8;
/** Bars past this many rows would be too thin to read: the largest are drawn. */
export const maxBars = 15;
/** Occupancy rows follow the calendar: the first ones are drawn. */
export const maxCalendarBars = 40;

const palette = [
  '#4c6ef5',
  '#12b886',
  '#fab005',
  '#fd7e14',
  '#be4bdb',
  '#15aabf',
  '#fa5252',
  '#82c91e',
  '#868e96',
];

type Unit = 'money' | 'count' | 'percent';

interface Axis {
  unit: Unit;
  currency: string | null;
}

function unitOf(column: ReportColumn): Unit {
  if (column.type === 'money') return 'money';
  if (column.type === 'percent') return 'percent';
  return 'count';
}

/** A cell as the chart plots it: money in major units (1234.5 CZK), percent as a fraction. */
function plotted(column: ReportColumn, value: unknown, format: CellFormat): number {
  if (typeof value !== 'number') return 0;
  if (column.type !== 'money') return value;
  const currency = format.currencyOf(column);
  return currency ? value / 10 ** minorDigits(currency) : value;
}

function tooltipText(axis: Axis, context: ChartContext) {
  return (value: unknown) => {
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(number)) return emptyCell;
    if (axis.unit === 'percent') return context.format.percent(number);
    if (axis.unit === 'money' && axis.currency) {
      return context.format.money(
        Math.round(number * 10 ** minorDigits(axis.currency)),
        axis.currency,
      );
    }
    return context.format.count(number);
  };
}

function valueAxis(axis: Axis, context: ChartContext, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    ...(axis.unit === 'count' ? { minInterval: 1 } : {}),
    ...(axis.unit === 'percent' ? { max: (range: { max: number }) => Math.max(1, range.max) } : {}),
    axisLabel: {
      formatter: (value: number) =>
        axis.unit === 'percent' ? context.format.percent(value) : context.compact(value),
    },
    ...extra,
  };
}

function base(): EChartOption {
  return {
    animation: false,
    color: palette,
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 12, itemHeight: 12 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
  };
}

const column = (response: ReportResponse, key: string) =>
  response.columns.find((c) => c.key === key);

/** The name of a sales row's value of one dimension ("Phone", "Crete 7 nights", "Praha, CZ"). */
export function dimensionLabel(
  dimension: SalesDimension,
  row: ReportRow,
  columns: readonly ReportColumn[],
  format: CellFormat,
): string {
  if (dimension === 'destination') {
    // "Hersonissos, Greece": the place, then its country (named in the screen's language).
    const parts = ['place', 'country']
      .map((key) => columns.find((c) => c.key === key))
      .filter((c): c is ReportColumn => c !== undefined)
      .filter((c) => row[c.key] !== null && row[c.key] !== undefined && row[c.key] !== '')
      .map((c) => format.cell(c, row[c.key]));
    return parts.length > 0 ? parts.join(', ') : emptyCell;
  }
  const own = columns.find((c) => c.key === dimension);
  return own ? format.cell(own, row[dimension]) : emptyCell;
}

/** Sales: the measure per period, stacked by the first grouping (the largest few, the rest summed). */
function salesChart(
  response: ReportResponse,
  values: ReportValues,
  context: ChartContext,
): ChartPlan | null {
  const measure = column(response, values.measure ?? 'revenue');
  if (!measure) return null;
  const [first] = dimensionsOf(values.by);
  const byPeriod = response.columns.some((c) => c.key === 'period');
  const categoryOf = (row: ReportRow) =>
    byPeriod
      ? context.format.period(String(row.period ?? ''))
      : first
        ? dimensionLabel(first, row, response.columns, context.format)
        : context.words.total;
  const seriesOf = (row: ReportRow) =>
    byPeriod && first
      ? dimensionLabel(first, row, response.columns, context.format)
      : measure.label;
  // A channel keeps its colour (the dashboard's), whatever else sold more this time.
  const colours = new Map<string, string>();
  if (byPeriod && first === 'channel') {
    for (const row of response.rows) {
      const colour = channelColours[row.channel as Channel];
      if (colour) colours.set(seriesOf(row), colour);
    }
  }

  // Every day (or month) of the period has its place, sold or not: a quiet week shows as one.
  const categories: string[] = byPeriod
    ? periodKeys(values.period, values.from, values.to).map((key) => context.format.period(key))
    : [];
  const sums = new Map<string, Map<string, number>>();
  const seriesTotals = new Map<string, number>();
  for (const row of response.rows) {
    const category = categoryOf(row);
    if (!categories.includes(category)) categories.push(category);
    const name = seriesOf(row);
    const value = plotted(measure, row[measure.key], context.format);
    const sum = sums.get(name) ?? new Map<string, number>();
    sum.set(category, (sum.get(category) ?? 0) + value);
    sums.set(name, sum);
    seriesTotals.set(name, (seriesTotals.get(name) ?? 0) + Math.abs(value));
  }
  const ranked = [...seriesTotals.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const kept = ranked.length > maxSeries ? ranked.slice(0, maxSeries - 1) : ranked;
  const rest = ranked.slice(kept.length);
  const data = (names: string[]) =>
    categories.map((category) =>
      round(names.reduce((sum, name) => sum + (sums.get(name)?.get(category) ?? 0), 0)),
    );
  const axis: Axis = { unit: unitOf(measure), currency: context.format.currencyOf(measure) };
  const valueFormatter = tooltipText(axis, context);
  const series = [
    ...kept.map((name) => ({ name, data: data([name]) })),
    ...(rest.length > 0 ? [{ name: context.words.other, data: data(rest) }] : []),
  ].map((s) => ({
    type: 'bar' as const,
    barMaxWidth: 48,
    name: s.name,
    stack: 'total',
    data: s.data,
    ...(colours.has(s.name) ? { itemStyle: { color: colours.get(s.name) } } : {}),
    emphasis: { focus: 'series' as const },
    tooltip: { valueFormatter },
  }));
  return {
    option: {
      ...base(),
      xAxis: {
        type: 'category',
        data: categories,
        axisTick: { alignWithLabel: true },
        axisLabel: { hideOverlap: true },
      },
      yAxis: valueAxis(axis, context),
      series,
    },
    drawn: response.rows.length,
    of: response.rows.length,
    keeps: 'first',
  };
}

/** Rows as horizontal bars, the largest by `rank` first, one series per column given. */
function rowBars(
  response: ReportResponse,
  keys: readonly string[],
  context: ChartContext,
  options: { stack?: boolean; rank: (row: ReportRow) => number },
): ChartPlan | null {
  const shown = keys
    .map((key) => column(response, key))
    .filter((c): c is ReportColumn => c !== undefined);
  if (shown.length === 0) return null;
  const ranked = [...response.rows].sort((a, b) => options.rank(b) - options.rank(a));
  const rows = ranked.slice(0, maxBars);
  const first = shown[0] as ReportColumn;
  const axis: Axis = { unit: unitOf(first), currency: context.format.currencyOf(first) };
  const valueFormatter = tooltipText(axis, context);
  return {
    option: {
      ...base(),
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => rowLabel(response.columns, row, context.format)),
        axisLabel: { width: 130, overflow: 'truncate' },
      },
      xAxis: valueAxis(axis, context, { splitNumber: 3 }),
      series: shown.map((c) => ({
        type: 'bar' as const,
        barMaxWidth: 48,
        name: c.label,
        ...(options.stack ? { stack: 'total' } : {}),
        data: rows.map((row) => round(plotted(c, row[c.key], context.format))),
        emphasis: { focus: 'series' as const },
        tooltip: { valueFormatter },
      })),
    },
    drawn: rows.length,
    of: response.rows.length,
    keeps: 'largest',
  };
}

function moneyOf(row: ReportRow, key: string): number {
  const value = row[key];
  return typeof value === 'number' ? value : 0;
}

/** Occupancy: load factor per departure (or day), or sold, held and free stacked. */
function occupancyChart(
  response: ReportResponse,
  values: ReportValues,
  context: ChartContext,
): ChartPlan | null {
  const rows = response.rows.slice(0, maxCalendarBars);
  const categories = rows.map((row) => rowLabel(response.columns, row, context.format));
  const common = {
    ...base(),
    xAxis: {
      type: 'category' as const,
      data: categories,
      axisLabel: { hideOverlap: true, width: 120, overflow: 'truncate' as const },
    },
  };
  if (values.view === 'stack') {
    const capacityKey = column(response, 'capacity') ? 'capacity' : 'allotment';
    const parts = ['sold', 'held']
      .map((key) => column(response, key))
      .filter((c): c is ReportColumn => c !== undefined);
    if (parts.length === 0) return null;
    const freeColumn = column(response, 'free');
    const free = (row: ReportRow) =>
      freeColumn
        ? moneyOf(row, 'free')
        : Math.max(0, moneyOf(row, capacityKey) - moneyOf(row, 'sold') - moneyOf(row, 'held'));
    const valueFormatter = tooltipText({ unit: 'count', currency: null }, context);
    return {
      option: {
        ...common,
        yAxis: valueAxis({ unit: 'count', currency: null }, context),
        series: [
          ...parts.map((c) => ({
            type: 'bar' as const,
            barMaxWidth: 48,
            name: c.label,
            stack: 'seats',
            data: rows.map((row) => moneyOf(row, c.key)),
            tooltip: { valueFormatter },
          })),
          {
            type: 'bar' as const,
            barMaxWidth: 48,
            name: freeColumn?.label ?? context.words.free,
            stack: 'seats',
            data: rows.map(free),
            itemStyle: { color: '#dee2e6' },
            tooltip: { valueFormatter },
          },
        ],
      },
      drawn: rows.length,
      of: response.rows.length,
      keeps: 'first',
    };
  }
  const load = column(response, 'loadFactor') ?? column(response, 'occupancy');
  if (!load) return null;
  const axis: Axis = { unit: 'percent', currency: null };
  return {
    option: {
      ...common,
      yAxis: valueAxis(axis, context),
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          name: load.label,
          data: rows.map((row) => round(moneyOf(row, load.key), 4)),
          tooltip: { valueFormatter: tooltipText(axis, context) },
        },
      ],
    },
    drawn: rows.length,
    of: response.rows.length,
    keeps: 'first',
  };
}

/** The booking curve: cumulative pax (left axis) and revenue (right) by days before departure. */
function curveChart(response: ReportResponse, context: ChartContext): ChartPlan | null {
  const pax = column(response, 'pax');
  if (!pax) return null;
  const revenue = column(response, 'revenue');
  const lines: Array<{ key: string; axis: 0 | 1; dashed: boolean }> = [
    { key: 'pax', axis: 0, dashed: false },
    { key: 'revenue', axis: 1, dashed: false },
    { key: 'comparePax', axis: 0, dashed: true },
    { key: 'compareRevenue', axis: 1, dashed: true },
  ];
  const drawn = lines.filter(
    (line) =>
      column(response, line.key) &&
      (line.axis === 0 || revenue) &&
      response.rows.some((row) => typeof row[line.key] === 'number'),
  );
  const paxAxis: Axis = { unit: 'count', currency: null };
  const revenueAxis: Axis = {
    unit: 'money',
    currency: revenue ? context.format.currencyOf(revenue) : null,
  };
  const colours = ['#4c6ef5', '#12b886'];
  return {
    option: {
      ...base(),
      tooltip: { trigger: 'axis', confine: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: response.rows.map((row) => context.format.count(moneyOf(row, 'daysBefore'))),
        name: column(response, 'daysBefore')?.label,
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: [
        valueAxis(paxAxis, context, { name: pax.label }),
        valueAxis(revenueAxis, context, {
          name: revenue?.label,
          splitLine: { show: false },
        }),
      ],
      grid: { left: 8, right: 8, top: 64, bottom: 32, containLabel: true },
      series: drawn.map((line) => {
        const c = column(response, line.key) as ReportColumn;
        return {
          type: 'line' as const,
          name: c.label,
          yAxisIndex: line.axis,
          showSymbol: false,
          connectNulls: true,
          data: response.rows.map((row) =>
            typeof row[line.key] === 'number'
              ? round(plotted(c, row[line.key], context.format))
              : null,
          ),
          lineStyle: { type: line.dashed ? ('dashed' as const) : ('solid' as const), width: 2 },
          itemStyle: { color: colours[line.axis] },
          tooltip: {
            valueFormatter: tooltipText(line.axis === 0 ? paxAxis : revenueAxis, context),
          },
        };
      }),
    },
    drawn: response.rows.length,
    of: response.rows.length,
    keeps: 'first',
  };
}

/** Aging buckets: every money column but the total, in the report's order. */
function agingKeys(response: ReportResponse): string[] {
  return response.columns.filter((c) => c.type === 'money' && c.key !== 'total').map((c) => c.key);
}

/** The chart of a report's answer, or null when there is nothing it can draw. */
export function reportChart(
  spec: ReportSpec,
  response: ReportResponse,
  values: ReportValues,
  context: ChartContext,
): ChartPlan | null {
  if (response.rows.length === 0) return null;
  switch (spec.chart) {
    case 'salesStack':
      return salesChart(response, values, context);
    case 'profitBars':
      return rowBars(response, ['revenue', 'cost', 'margin'], context, {
        rank: (row) => moneyOf(row, 'revenue'),
      });
    case 'occupancy':
      return occupancyChart(response, values, context);
    case 'curve':
      return curveChart(response, context);
    case 'expectedActual':
      return rowBars(response, ['expectedCost', 'actualCost'], context, {
        rank: (row) => Math.max(moneyOf(row, 'expectedCost'), moneyOf(row, 'actualCost')),
      });
    case 'aging':
      return rowBars(response, agingKeys(response), context, {
        stack: true,
        rank: (row) => moneyOf(row, 'total'),
      });
    default:
      return spec.chart satisfies never;
  }
}

/** The longest run of periods drawn in full (a year of days). */
const maxPeriods = 370;

/**
 * The days or months from `from` to `to` (YYYY-MM-DD), as the API names them ("2026-03-14",
 * "2026-03"); empty for other periods, or when there would be too many to draw.
 */
export function periodKeys(
  period: string | undefined,
  from: string | undefined,
  to: string | undefined,
): string[] {
  if (!from || !to || from > to) return [];
  const keys: string[] = [];
  if (period === 'day') {
    const day = new Date(`${from}T00:00:00Z`);
    while (day.toISOString().slice(0, 10) <= to && keys.length <= maxPeriods) {
      keys.push(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
  } else if (period === 'month') {
    const month = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    while (month.toISOString().slice(0, 7) <= to.slice(0, 7) && keys.length <= maxPeriods) {
      keys.push(month.toISOString().slice(0, 7));
      month.setUTCMonth(month.getUTCMonth() + 1);
    }
  }
  return keys.length > maxPeriods ? [] : keys;
}

/** Sums of amounts in major units lose a cent to floating point; the chart shows cents at most. */
function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
