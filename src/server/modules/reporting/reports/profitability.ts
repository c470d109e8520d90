// The profitability report (A3): revenue, cost and margin of the sales ledger per tour (the
// booked product), departure (product and departure date), destination, customer or supplier.
// The supplier of a row is its line's product's: a tour's hotel (its transport for a
// transport line), a transport's carrier, an attraction's or extra service's own supplier.
// Rows without a line (a price override, a cancellation fee) have none. The booking's count
// and travellers sit on its first line, so they count under that line's supplier.
import { type AliasedRawBuilder, type RawBuilder, sql } from 'kysely';
import { Type } from 'typebox';
import type { Ctx } from '../../../context.ts';
import { displayNameOf } from '../../customers/customer-rules.ts';
import { staffRoles } from '../../identity/roles.ts';
import {
  LedgerQuery,
  type LedgerQueryInput,
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

export const profitabilityDimensions = [
  'tour',
  'departure',
  'destination',
  'customer',
  'supplier',
] as const;
export type ProfitabilityDimension = (typeof profitabilityDimensions)[number];

interface Grouping {
  columns: ColumnDefinition[];
  select: AliasedRawBuilder<unknown, string>[];
  group: RawBuilder<unknown>[];
  order: RawBuilder<unknown>[];
  cells(row: Record<string, unknown>): ReportRow;
}

const text = (value: unknown): Cell =>
  value === null || value === undefined ? null : String(value);

const product: Pick<Grouping, 'columns' | 'select'> = {
  columns: [labelled('product', 'text'), labelled('productId', 'text')],
  select: [sql`max(sl.product_name)`.as('product'), sql`sl.product_id`.as('productId')],
};

/** The supplier of the row's line, through its product (see the header). */
const supplierId = sql`coalesce(case when bl.kind = 'transport' then tt.supplier_id end,
  th.supplier_id, tr.supplier_id, at.supplier_id, es.supplier_id)`;

const groupings: Record<ProfitabilityDimension, Grouping> = {
  tour: {
    ...product,
    group: [sql`sl.product_id`],
    order: [sql`max(sl.product_name)`, sql`sl.product_id`],
    cells: (row) => ({ product: text(row.product), productId: text(row.productId) }),
  },
  departure: {
    columns: [...product.columns, labelled('departureDate', 'date')],
    select: [...product.select, sql`sl.departure_date`.as('departureDate')],
    group: [sql`sl.product_id`, sql`sl.departure_date`],
    order: [sql`max(sl.product_name)`, sql`sl.product_id`, sql`sl.departure_date`],
    cells: (row) => ({
      product: text(row.product),
      productId: text(row.productId),
      departureDate: text(row.departureDate),
    }),
  },
  destination: {
    columns: [labelled('country', 'text'), labelled('place', 'text')],
    select: [sql`sl.destination_country`.as('country'), sql`sl.destination_place`.as('place')],
    group: [sql`sl.destination_country`, sql`sl.destination_place`],
    order: [sql`sl.destination_country`, sql`sl.destination_place`],
    cells: (row) => ({ country: text(row.country), place: text(row.place) }),
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
    order: [
      sql`case when c.kind = 'company' then c.company_name
        else concat_ws(' ', c.first_name, c.last_name) end`,
      sql`sl.customer_id`,
    ],
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
  supplier: {
    columns: [labelled('supplier', 'text'), labelled('supplierId', 'text')],
    select: [sql`max(s.name)`.as('supplier'), sql`${supplierId}`.as('supplierId')],
    group: [supplierId],
    order: [sql`max(s.name)`, supplierId],
    cells: (row) => ({ supplier: text(row.supplier), supplierId: text(row.supplierId) }),
  },
};

const measures: MeasureKey[] = ['revenue', 'cost', 'bookings', 'pax'];

export const ProfitabilityQuery = Type.Object({
  ...LedgerQuery,
  by: Type.Optional(
    Type.Union(
      profitabilityDimensions.map((name) => Type.Literal(name)),
      {
        description:
          'Rows per tour (default: the booked product), departure, destination, customer or supplier',
      },
    ),
  ),
});

export interface ProfitabilityInput extends LedgerQueryInput {
  by?: ProfitabilityDimension;
}

export async function profitabilityReport(ctx: Ctx, query: ProfitabilityInput) {
  const filters = ledgerFilters(query);
  const grouping = groupings[query.by ?? 'tour'];
  const currency = await baseCurrencyOf(ctx);

  // Left joins on keys: the customer's name and the line's supplier, read where grouped by.
  // (A line's product_id is text: it names products of several tables.)
  const rows = await ctx.db
    .selectFrom('salesLedger as sl')
    .leftJoin('customers as c', (join) =>
      join.onRef('c.agencyId', '=', 'sl.agencyId').onRef('c.id', '=', 'sl.customerId'),
    )
    .leftJoin('bookingLines as bl', (join) =>
      join.onRef('bl.agencyId', '=', 'sl.agencyId').onRef('bl.id', '=', 'sl.bookingLineId'),
    )
    .leftJoin('tours as t', (join) =>
      join
        .onRef('t.agencyId', '=', 'bl.agencyId')
        .on('bl.productKind', '=', 'tour')
        .on(sql<boolean>`t.id::text = bl.product_id`),
    )
    .leftJoin('accommodations as th', (join) =>
      join.onRef('th.agencyId', '=', 't.agencyId').onRef('th.id', '=', 't.accommodationId'),
    )
    .leftJoin('transports as tt', (join) =>
      join.onRef('tt.agencyId', '=', 't.agencyId').onRef('tt.id', '=', 't.transportId'),
    )
    .leftJoin('transports as tr', (join) =>
      join
        .onRef('tr.agencyId', '=', 'bl.agencyId')
        .on('bl.productKind', '=', 'transport')
        .on(sql<boolean>`tr.id::text = bl.product_id`),
    )
    .leftJoin('attractions as at', (join) =>
      join
        .onRef('at.agencyId', '=', 'bl.agencyId')
        .on('bl.productKind', '=', 'attraction')
        .on(sql<boolean>`at.id::text = bl.product_id`),
    )
    .leftJoin('extraServices as es', (join) =>
      join
        .onRef('es.agencyId', '=', 'bl.agencyId')
        .on('bl.productKind', '=', 'extra_service')
        .on(sql<boolean>`es.id::text = bl.product_id`),
    )
    .leftJoin('suppliers as s', (join) =>
      join.onRef('s.agencyId', '=', 'sl.agencyId').on(sql<boolean>`s.id = ${supplierId}`),
    )
    .where(ledgerWhere(ctx, filters))
    .select([...grouping.select, ...measureSelects(measures)])
    .groupBy(grouping.group)
    .$call((qb) => grouping.order.reduce((ordered, by) => ordered.orderBy(by), qb))
    .execute();
  const total = await ctx.db
    .selectFrom('salesLedger as sl')
    .where(ledgerWhere(ctx, filters))
    .select(measureSelects(measures))
    .executeTakeFirstOrThrow();
  return {
    columns: [...grouping.columns, ...measureColumns(measures, currency)],
    rows: (rows as Record<string, unknown>[]).map((row) => ({
      ...grouping.cells(row),
      ...measureCells(measures, row),
    })),
    totals: measureCells(measures, total as Record<string, unknown>),
    currency,
  };
}

export const profitabilityReportDefinition: ReportDefinition<typeof ProfitabilityQuery> = {
  name: 'profitability',
  summary:
    'Revenue, cost and margin from the sales ledger per tour, departure, destination, customer or supplier (cost and margin for admin and accountant)',
  access: staffRoles,
  query: ProfitabilityQuery,
  prepare: (ctx, query) => profitabilityReport(ctx, query as ProfitabilityInput),
};
