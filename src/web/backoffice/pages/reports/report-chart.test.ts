// The chart of a report built from its answer: which bars, lines and stacks it draws and
// with which numbers, in the language's words.
import { describe, expect, it } from 'vitest';
import { channelColours } from '../dashboard/dashboard-queries.ts';
import { type ReportSpec, specOf } from './report-catalog.ts';
import {
  type ChartContext,
  type ChartPlan,
  maxBars,
  maxSeries,
  periodKeys,
  reportChart,
} from './report-chart.ts';
import { createCellFormat, type ReportColumn, type ReportResponse } from './report-format.ts';

/** The chart, which these answers always have. */
function draw(...args: Parameters<typeof reportChart>): ChartPlan {
  const plan = reportChart(...args);
  if (!plan) throw new Error('no chart drawn');
  return plan;
}

function spec(name: string): ReportSpec {
  const found = specOf(name);
  if (!found) throw new Error(`no report ${name}`);
  return found;
}

const format = createCellFormat('en', 'CZK', {
  yes: 'yes',
  no: 'no',
  week: (year, week) => `W${week} ${year}`,
  quarter: (year, quarter) => `Q${quarter} ${year}`,
  code: (key, value) =>
    key === 'channel'
      ? ({ web: 'Portal', phone: 'Phone' } as Record<string, string>)[value]
      : undefined,
});
const context: ChartContext = {
  format,
  compact: String,
  words: { other: 'Other', free: 'Free', total: 'Total' },
};

const col = (key: string, type: ReportColumn['type']): ReportColumn => ({
  key,
  type,
  label: `L:${key}`,
});

interface Series {
  name: string;
  type: string;
  data: Array<number | null>;
  stack?: string;
  yAxisIndex?: number;
  lineStyle?: { type: string };
  itemStyle?: { color: string };
}

function seriesOf(option: unknown): Series[] {
  return (option as { series: Series[] }).series;
}

function categoriesOf(option: unknown, axis: 'xAxis' | 'yAxis' = 'xAxis'): string[] {
  return ((option as Record<string, { data: string[] }>)[axis] as { data: string[] }).data;
}

const salesColumns = [
  col('period', 'text'),
  col('channel', 'text'),
  col('bookings', 'integer'),
  col('pax', 'integer'),
  col('revenue', 'money'),
];

function salesResponse(rows: ReportResponse['rows']): ReportResponse {
  return { report: 'sales', currency: 'CZK', columns: salesColumns, rows, totals: {} };
}

describe('report charts', () => {
  const sales = spec('sales');

  it('stacks sales per period by the first grouping, money in major units', () => {
    const response = salesResponse([
      { period: '2026-01', channel: 'web', bookings: 2, pax: 4, revenue: 1000050 },
      { period: '2026-01', channel: 'phone', bookings: 1, pax: 2, revenue: 500000 },
      { period: '2026-02', channel: 'web', bookings: 3, pax: 5, revenue: 250000 },
    ]);
    const plan = draw(sales, response, { by: 'channel', measure: 'revenue' }, context);
    expect(categoriesOf(plan.option)).toEqual(['Jan 2026', 'Feb 2026']);
    // 1000050 haléřů = 10000.50 CZK; phone sold nothing in February: 0.
    expect(seriesOf(plan.option).map((s) => [s.name, s.type, s.stack, s.data])).toEqual([
      ['Portal', 'bar', 'total', [10000.5, 2500]],
      ['Phone', 'bar', 'total', [5000, 0]],
    ]);
    // Each channel in the dashboard's colour for it, whichever sold more.
    expect(seriesOf(plan.option).map((s) => s.itemStyle?.color)).toEqual([
      channelColours.web,
      channelColours.phone,
    ]);
    // The measure switch: travellers are counted as they are.
    const pax = draw(sales, response, { by: 'channel', measure: 'pax' }, context);
    expect(seriesOf(pax.option).map((s) => s.data)).toEqual([
      [4, 5],
      [2, 0],
    ]);
  });

  it('gives every day or month of the period its place, sold or not', () => {
    // 30 Jan to 2 Feb 2026: 30, 31 Jan, 1, 2 Feb; a leap day only in a leap year.
    expect(periodKeys('day', '2026-01-30', '2026-02-02')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
    expect(periodKeys('day', '2028-02-28', '2028-03-01')).toHaveLength(3);
    expect(periodKeys('month', '2026-11-15', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    // Weeks are left to the API's rows; ten years of days would be too many bars.
    expect(periodKeys('week', '2026-01-01', '2026-12-31')).toEqual([]);
    expect(periodKeys('day', '2020-01-01', '2029-12-31')).toEqual([]);
    const plan = draw(
      spec('sales'),
      salesResponse([{ period: '2026-03', channel: 'web', revenue: 100 }]),
      { by: 'channel', period: 'month', from: '2026-01-01', to: '2026-04-30' },
      context,
    );
    expect(categoriesOf(plan.option)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']);
    expect(seriesOf(plan.option)[0]?.data).toEqual([0, 0, 1, 0]);
  });

  it('names a destination by its place, then its country', () => {
    const columns = [
      col('period', 'text'),
      col('country', 'text'),
      col('place', 'text'),
      col('revenue', 'money'),
    ];
    const plan = draw(
      spec('sales'),
      {
        report: 'sales',
        currency: 'CZK',
        columns,
        rows: [
          { period: '2026', country: 'GR', place: 'Hersonissos', revenue: 100 },
          { period: '2026', country: 'IT', place: null, revenue: 100 },
        ],
        totals: {},
      },
      { by: 'destination' },
      context,
    );
    expect(seriesOf(plan.option).map((s) => s.name)).toEqual(['Hersonissos, GR', 'IT']);
  });

  it('sums the smaller series into one "other" past the limit', () => {
    // maxSeries + 2 channels-worth of products: the largest maxSeries − 1 kept, the rest summed.
    const columns = [col('period', 'text'), col('product', 'text'), col('revenue', 'money')];
    const rows = Array.from({ length: maxSeries + 2 }, (_, i) => ({
      period: '2026',
      product: `P${i}`,
      revenue: (i + 1) * 100,
    }));
    const plan = draw(
      sales,
      { report: 'sales', currency: 'CZK', columns, rows, totals: {} },
      { by: 'product', measure: 'revenue' },
      context,
    );
    const series = seriesOf(plan.option);
    expect(series).toHaveLength(maxSeries);
    expect(series[0]?.name).toBe(`P${maxSeries + 1}`);
    const other = series.at(-1);
    expect(other?.name).toBe('Other');
    // The three smallest are P0, P1, P2: (100 + 200 + 300) haléřů = 6 CZK.
    expect(other?.data).toEqual([6]);
  });

  it('draws one bar per grouping when sales have no period, one per period without grouping', () => {
    const columns = [col('channel', 'text'), col('revenue', 'money')];
    const plan = draw(
      sales,
      {
        report: 'sales',
        currency: 'CZK',
        columns,
        rows: [
          { channel: 'web', revenue: 100 },
          { channel: 'phone', revenue: 300 },
        ],
        totals: {},
      },
      { by: 'channel', period: 'none' },
      context,
    );
    expect(categoriesOf(plan.option)).toEqual(['Portal', 'Phone']);
    expect(seriesOf(plan.option).map((s) => [s.name, s.data])).toEqual([['L:revenue', [1, 3]]]);
    const ungrouped = draw(
      sales,
      salesResponse([{ period: '2026-Q1', revenue: 100 }]),
      { by: '' },
      context,
    );
    expect(categoriesOf(ungrouped.option)).toEqual(['Q1 2026']);
    expect(seriesOf(ungrouped.option).map((s) => s.name)).toEqual(['L:revenue']);
  });

  it('draws profitability as revenue, cost and margin of the largest rows', () => {
    const columns = [
      col('product', 'text'),
      col('productId', 'text'),
      col('revenue', 'money'),
      col('cost', 'money'),
      col('margin', 'money'),
      col('marginPct', 'percent'),
    ];
    const rows = Array.from({ length: maxBars + 3 }, (_, i) => ({
      product: `T${i}`,
      productId: `id${i}`,
      revenue: (i + 1) * 1000,
      cost: (i + 1) * 600,
      margin: (i + 1) * 400,
      marginPct: 0.4,
    }));
    const plan = draw(
      spec('profitability'),
      { report: 'profitability', currency: 'CZK', columns, rows, totals: {} },
      {},
      context,
    );
    expect(plan).toMatchObject({ drawn: maxBars, of: maxBars + 3, keeps: 'largest' });
    // Largest revenue first: T(maxBars + 2) with (maxBars + 3) × 1000 haléřů.
    expect(categoriesOf(plan.option, 'yAxis')[0]).toBe(`T${maxBars + 2}`);
    const series = seriesOf(plan.option);
    expect(series.map((s) => s.name)).toEqual(['L:revenue', 'L:cost', 'L:margin']);
    expect(series[0]?.data[0]).toBe(((maxBars + 3) * 1000) / 100);
    expect(series.every((s) => s.stack === undefined)).toBe(true);
    // An agent's answer has no cost columns: revenue alone is drawn.
    const agent = draw(
      spec('profitability'),
      {
        report: 'profitability',
        currency: 'CZK',
        columns: columns.filter((c) => c.key !== 'cost' && c.key !== 'margin'),
        rows,
        totals: {},
      },
      {},
      context,
    );
    expect(seriesOf(agent.option).map((s) => s.name)).toEqual(['L:revenue']);
  });

  it('draws occupancy as load factor or as sold, held and free stacked', () => {
    const columns = [
      col('product', 'text'),
      col('departureDate', 'date'),
      col('capacity', 'integer'),
      col('sold', 'integer'),
      col('held', 'integer'),
      col('free', 'integer'),
      col('loadFactor', 'percent'),
    ];
    const response: ReportResponse = {
      report: 'occupancy',
      currency: null,
      columns,
      rows: [
        // 30 seats: 18 sold + 3 held + 9 free; load factor 18 / 30 = 0.6.
        {
          product: 'Crete',
          departureDate: '2026-06-14',
          capacity: 30,
          sold: 18,
          held: 3,
          free: 9,
          loadFactor: 0.6,
        },
      ],
      totals: {},
    };
    const occupancy = spec('occupancy');
    const load = draw(occupancy, response, { view: 'load' }, context);
    expect(seriesOf(load.option).map((s) => [s.name, s.data])).toEqual([['L:loadFactor', [0.6]]]);
    expect(categoriesOf(load.option)).toEqual(['Crete · Jun 14, 2026']);
    const stack = draw(occupancy, response, { view: 'stack' }, context);
    expect(seriesOf(stack.option).map((s) => [s.name, s.stack, s.data])).toEqual([
      ['L:sold', 'seats', [18]],
      ['L:held', 'seats', [3]],
      ['L:free', 'seats', [9]],
    ]);
  });

  it('draws the booking curve as lines, the comparison dashed, revenue on its own axis', () => {
    const columns = [
      col('daysBefore', 'integer'),
      col('pax', 'integer'),
      col('revenue', 'money'),
      col('comparePax', 'integer'),
      col('compareRevenue', 'money'),
    ];
    const rows = [
      { daysBefore: 60, pax: 2, revenue: 200000, comparePax: 1, compareRevenue: 90000 },
      { daysBefore: 30, pax: 10, revenue: 1000000, comparePax: null, compareRevenue: null },
      { daysBefore: 0, pax: 24, revenue: 2400000, comparePax: 20, compareRevenue: 1800000 },
    ];
    const plan = draw(
      spec('booking-curve'),
      { report: 'booking-curve', currency: 'CZK', columns, rows, totals: {} },
      {},
      context,
    );
    expect(categoriesOf(plan.option)).toEqual(['60', '30', '0']);
    expect(
      seriesOf(plan.option).map((s) => [s.name, s.type, s.yAxisIndex, s.lineStyle?.type, s.data]),
    ).toEqual([
      ['L:pax', 'line', 0, 'solid', [2, 10, 24]],
      ['L:revenue', 'line', 1, 'solid', [2000, 10000, 24000]],
      ['L:comparePax', 'line', 0, 'dashed', [1, null, 20]],
      ['L:compareRevenue', 'line', 1, 'dashed', [900, null, 18000]],
    ]);
    // Without a comparison its columns are empty: no dashed lines.
    const alone = draw(
      spec('booking-curve'),
      {
        report: 'booking-curve',
        currency: 'CZK',
        columns,
        rows: rows.map((row) => ({ ...row, comparePax: null, compareRevenue: null })),
        totals: {},
      },
      {},
      context,
    );
    expect(seriesOf(alone.option).map((s) => s.name)).toEqual(['L:pax', 'L:revenue']);
  });

  it('stacks receivables by aging bucket, the largest debtors first', () => {
    const columns = [
      col('customer', 'text'),
      col('customerId', 'text'),
      col('current', 'money'),
      col('days1to30', 'money'),
      col('over90', 'money'),
      col('total', 'money'),
    ];
    const rows = [
      { customer: 'Small', customerId: 'a', current: 100, days1to30: 0, over90: 0, total: 100 },
      { customer: 'Big', customerId: 'b', current: 0, days1to30: 5000, over90: 1000, total: 6000 },
    ];
    const plan = draw(
      spec('receivables'),
      { report: 'receivables', currency: 'CZK', columns, rows, totals: {} },
      {},
      context,
    );
    expect(categoriesOf(plan.option, 'yAxis')).toEqual(['Big', 'Small']);
    expect(seriesOf(plan.option).map((s) => [s.name, s.stack, s.data])).toEqual([
      ['L:current', 'total', [0, 1]],
      ['L:days1to30', 'total', [50, 0]],
      ['L:over90', 'total', [10, 0]],
    ]);
  });

  it('puts expected and actual supplier costs side by side; nothing to draw without rows', () => {
    const columns = [
      col('supplier', 'text'),
      col('expectedCost', 'money'),
      col('actualCost', 'money'),
      col('variance', 'money'),
    ];
    const plan = draw(
      spec('supplier-costs'),
      {
        report: 'supplier-costs',
        currency: 'CZK',
        columns,
        rows: [{ supplier: 'Hotel Mare', expectedCost: 10000, actualCost: 12000, variance: 2000 }],
        totals: {},
      },
      {},
      context,
    );
    expect(seriesOf(plan.option).map((s) => [s.name, s.data])).toEqual([
      ['L:expectedCost', [100]],
      ['L:actualCost', [120]],
    ]);
    expect(reportChart(spec('sales'), salesResponse([]), { by: 'channel' }, context)).toBeNull();
  });
});
