// The sales report (A2): what was sold, cancelled and earned, per period (day, ISO week,
// month, quarter, year) and by any of product, product kind, destination, channel, online,
// seller and customer. Everything is summed by the database from the sales ledger, so each
// period's and each group's figures add up to the whole, and revenue over all time is the
// live bookings' totals plus the fees kept on cancelled ones (README, "Sales ledger").
import { type AliasedRawBuilder, type RawBuilder, sql } from 'kysely';
import { Type } from 'typebox';
import type { Ctx } from '../../../context.ts';
import { Invalid } from '../../../errors.ts';
import { displayNameOf } from '../../customers/customer-rules.ts';
import { staffRoles } from '../../identity/roles.ts';
import {
  type LedgerFilters,
  LedgerQuery,
  type LedgerQueryInput,
  ledgerDay,
  ledgerFilters,
  ledgerWhere,
} from '../ledger-filters.ts';
import type { Cell, ColumnDefinition, ReportDefinition, ReportRow } from '../report-kit.ts';
import {
  baseCurrencyOf,
  labelled,
  type MeasureKey,
  measureCells,
  measureColumns,
  measureSelects,
} from './ledger-columns.ts';

export const salesPeriods = ['day', 'week', 'month', 'quarter', 'year', 'none'] as const;
export type SalesPeriod = (typeof salesPeriods)[number];

/** PostgreSQL's to_char patterns of the periods' labels: 2026-03-14, 2026-W11, 2026-Q1. */
const periodPattern: Record<Exclude<SalesPeriod, 'none'>, string> = {
  day: 'YYYY-MM-DD',
  week: 'IYYY-"W"IW',
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

/** A way to group the ledger: its columns, what it selects, groups and orders by. */
interface Dimension {
  columns: ColumnDefinition[];
  select: AliasedRawBuilder<unknown, string>[];
  group: RawBuilder<unknown>[];
  order: RawBuilder<unknown>[];
  /** Its cells from a row the database answered. */
  cells(row: Record<string, unknown>): ReportRow;
}

const text = (value: unknown): Cell =>
  value === null || value === undefined ? null : String(value);

/** The customer's shown name, as SQL for ordering (the shown one is displayNameOf's). */
const customerOrder = sql`case when c.kind = 'company' then c.company_name
  else concat_ws(' ', c.first_name, c.last_name) end`;

export const salesDimensions = {
  product: {
    columns: [labelled('product', 'text'), labelled('productId', 'text')],
    select: [sql`max(sl.product_name)`.as('product'), sql`sl.product_id`.as('productId')],
    group: [sql`sl.product_id`],
    order: [sql`max(sl.product_name)`, sql`sl.product_id`],
    cells: (row) => ({ product: text(row.product), productId: text(row.productId) }),
  },
  productKind: {
    columns: [labelled('productKind', 'text')],
    select: [sql`sl.product_kind`.as('productKind')],
    group: [sql`sl.product_kind`],
    order: [sql`sl.product_kind`],
    cells: (row) => ({ productKind: text(row.productKind) }),
  },
  destination: {
    columns: [labelled('country', 'text'), labelled('place', 'text')],
    select: [sql`sl.destination_country`.as('country'), sql`sl.destination_place`.as('place')],
    group: [sql`sl.destination_country`, sql`sl.destination_place`],
    order: [sql`sl.destination_country`, sql`sl.destination_place`],
    cells: (row) => ({ country: text(row.country), place: text(row.place) }),
  },
  channel: {
    columns: [labelled('channel', 'text')],
    select: [sql`sl.channel`.as('channel')],
    group: [sql`sl.channel`],
    order: [sql`sl.channel`],
    cells: (row) => ({ channel: text(row.channel) }),
  },
  online: {
    columns: [labelled('online', 'text')],
    select: [sql`sl.online`.as('online')],
    group: [sql`sl.online`],
    order: [sql`sl.online`],
    cells: (row) => ({ online: Boolean(row.online) }),
  },
  soldBy: {
    columns: [labelled('soldBy', 'text'), labelled('soldById', 'text')],
    select: [sql`u.name`.as('soldBy'), sql`sl.sold_by`.as('soldById')],
    group: [sql`sl.sold_by`, sql`u.name`],
    order: [sql`u.name`, sql`sl.sold_by`],
    cells: (row) => ({ soldBy: text(row.soldBy), soldById: text(row.soldById) }),
  },
  customer: {
    columns: [labelled('customer', 'text'), labelled('customerId', 'text')],
    select: [
      sql`sl.customer_id`.as('customerId'),
      sql`c.kind`.as('customerKind'),
      sql`c.first_name`.as('customerFirstName'),
      sql`c.last_name`.as('customerLastName'),
      sql`c.company_name`.as('customerCompanyName'),
    ],
    group: [
      sql`sl.customer_id`,
      sql`c.kind`,
      sql`c.first_name`,
      sql`c.last_name`,
      sql`c.company_name`,
    ],
    order: [customerOrder, sql`sl.customer_id`],
    cells: (row) => ({
      customer:
        row.customerKind === null || row.customerKind === undefined
          ? null
          : displayNameOf({
              kind: row.customerKind as 'person' | 'company',
              firstName: (row.customerFirstName as string | null) ?? null,
              lastName: (row.customerLastName as string | null) ?? null,
              companyName: (row.customerCompanyName as string | null) ?? null,
            }),
      customerId: text(row.customerId),
    }),
  },
} satisfies Record<string, Dimension>;

export type SalesDimension = keyof typeof salesDimensions;
export const salesDimensionNames = Object.keys(salesDimensions) as SalesDimension[];

const measures: MeasureKey[] = [
  'bookings',
  'pax',
  'nights',
  'revenue',
  'cancelledBookings',
  'cancelledRevenue',
  'fees',
  'cost',
];

export const SalesQuery = Type.Object({
  ...LedgerQuery,
  period: Type.Optional(
    Type.Union(
      salesPeriods.map((period) => Type.Literal(period)),
      { description: 'Rows per day, ISO week, month (default), quarter, year, or none' },
    ),
  ),
  by: Type.Optional(
    Type.String({
      maxLength: 200,
      description: `Comma list of dimensions to group by: ${salesDimensionNames.join(', ')}`,
    }),
  ),
});

/** The dimensions `by` names, in its order, each once; a 400 naming an unknown one. */
export function parseDimensions(by: string | undefined): SalesDimension[] {
  const names = (by ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!(salesDimensionNames as string[]).includes(name)) {
      throw Invalid.field(
        '/by',
        `"${name}" is not a dimension; use ${salesDimensionNames.join(', ')}`,
      );
    }
  }
  return [...new Set(names)] as SalesDimension[];
}

export interface SalesInput extends LedgerQueryInput {
  period?: SalesPeriod;
  by?: string;
}

/** The sales report's rows and totals for `ctx`'s agency (and, for a partner, its own). */
export async function salesReport(ctx: Ctx, query: SalesInput) {
  const filters: LedgerFilters = ledgerFilters(query);
  const period = query.period ?? 'month';
  const dimensions = parseDimensions(query.by).map((name) => salesDimensions[name] as Dimension);
  const currency = await baseCurrencyOf(ctx);

  const periodSql =
    period === 'none'
      ? null
      : sql`to_char(cast(${ledgerDay(filters.dateBasis)} as timestamp), ${sql.lit(periodPattern[period])})`;
  const group = [...(periodSql ? [periodSql] : []), ...dimensions.flatMap((d) => d.group)];
  const order = [...(periodSql ? [periodSql] : []), ...dimensions.flatMap((d) => d.order)];

  const base = () =>
    ctx.db
      .selectFrom('salesLedger as sl')
      .leftJoin('customers as c', (join) =>
        join.onRef('c.agencyId', '=', 'sl.agencyId').onRef('c.id', '=', 'sl.customerId'),
      )
      .leftJoin('users as u', (join) =>
        join.onRef('u.agencyId', '=', 'sl.agencyId').onRef('u.id', '=', 'sl.soldBy'),
      )
      .where(ledgerWhere(ctx, filters));

  let grouped = base().select([
    ...(periodSql ? [periodSql.as('period')] : []),
    ...dimensions.flatMap((d) => d.select),
    ...measureSelects(measures),
  ]);
  if (group.length > 0) grouped = grouped.groupBy(group);
  for (const expression of order) grouped = grouped.orderBy(expression);

  const [answered, total] = await Promise.all([
    grouped.execute(),
    base().select(measureSelects(measures)).executeTakeFirstOrThrow(),
  ]);
  const rows = (answered as Record<string, unknown>[]).map((row) => {
    const cells: ReportRow = periodSql ? { period: text(row.period) } : {};
    for (const dimension of dimensions) Object.assign(cells, dimension.cells(row));
    return { ...cells, ...measureCells(measures, row) };
  });
  const columns = [
    ...(periodSql ? [labelled('period', 'text')] : []),
    ...dimensions.flatMap((d) => d.columns),
    ...measureColumns(measures, currency),
  ];
  return {
    columns,
    rows,
    totals: measureCells(measures, total as Record<string, unknown>),
    currency,
  };
}

export const salesReportDefinition: ReportDefinition<typeof SalesQuery> = {
  name: 'sales',
  summary:
    'Sales per period and dimension from the sales ledger: bookings, travellers, nights, revenue, cancellations, fees (cost and margin for admin and accountant)',
  // A partner sees the rows of its own offers' bookings only (ledgerWhere).
  access: [...staffRoles, 'partner'],
  query: SalesQuery,
  prepare: (ctx, query) => salesReport(ctx, query as SalesInput),
};
