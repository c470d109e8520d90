// The back office's first page (issue 7): today's departures and returns, what waits for
// staff (supplier answers, approvals, required actions, overdue money), low stock, and the
// bookings of the last 30 days per channel. One query per block, each scoped to the agency;
// a block gives its count and its first few items, the rest is a link to the list.
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { addDays, type CalendarDate, datesFromTo, todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import { listOverdue } from '../payments/overdue.ts';
import { type Channel, channels } from '../pricing/types.ts';

/** Items shown per block; the count says how many there are in all. */
export const dashboardItems = 5;
/** Required actions due within this many days (or overdue already) wait for staff. */
export const actionsDueWithinDays = 7;
/** Low stock is looked for on the nights (dates) from today for this many days. */
export const lowStockDays = 14;
/** The chart's window: this many days up to today. */
export const chartDays = 30;

/**
 * The agency's day. Agencies have no time zone of their own yet, so the day is UTC's; when
 * they get one, it goes here and into the chart's `at time zone`.
 */
const timeZone = 'UTC';

export interface BookingBrief {
  id: string;
  number: string;
  status: string;
  channel: string;
  customer: string;
  productName: string;
  from: string;
  to: string;
  travellers: number;
}

type BookingsWithCustomer = SelectQueryBuilder<DB, 'bookings' | 'customers', Record<string, never>>;

/** The agency's bookings with their customer, ready for the columns of a brief. */
function bookingsOf(ctx: Ctx): BookingsWithCustomer {
  return ctx.db
    .selectFrom('bookings')
    .innerJoin('customers', (join) =>
      join
        .onRef('customers.agencyId', '=', 'bookings.agencyId')
        .onRef('customers.id', '=', 'bookings.customerId'),
    )
    .where('bookings.agencyId', '=', ctx.agencyId) as unknown as BookingsWithCustomer;
}

const briefColumns = [
  'bookings.id',
  'bookings.number',
  'bookings.status',
  'bookings.channel',
  'bookings.productName',
  'bookings.startDate',
  'bookings.endDate',
  'bookings.party',
  'customers.kind as customerKind',
  'customers.firstName as customerFirstName',
  'customers.lastName as customerLastName',
  'customers.companyName as customerCompanyName',
] as const;

/** How many rows the whole query has, on every row (so a limited page still knows). */
const totalRows = sql<string>`count(*) over ()`.as('totalRows');

interface BriefRow {
  id: string;
  number: string;
  status: string;
  channel: string;
  productName: string;
  startDate: string;
  endDate: string;
  party: { adults: number; childAges: number[] };
  customerKind: 'person' | 'company';
  customerFirstName: string | null;
  customerLastName: string | null;
  customerCompanyName: string | null;
  totalRows: string;
}

function briefOf(row: BriefRow): BookingBrief {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    channel: row.channel,
    customer: displayNameOf({
      kind: row.customerKind,
      firstName: row.customerFirstName,
      lastName: row.customerLastName,
      companyName: row.customerCompanyName,
    }),
    productName: row.productName,
    from: row.startDate,
    to: row.endDate,
    travellers: row.party.adults + row.party.childAges.length,
  };
}

function blockOf<R extends BriefRow, T>(rows: R[], extra: (row: R) => T) {
  return {
    count: Number(rows[0]?.totalRows ?? 0),
    items: rows.map((row) => ({ ...briefOf(row), ...extra(row) })),
  };
}

const live = (eb: ExpressionBuilder<DB, 'bookings'>) => eb('bookings.status', '!=', 'cancelled');

/**
 * Trips starting (departures: a departure is always a trip's start) or ending (returns)
 * today, not cancelled.
 */
function tripsOn(ctx: Ctx, column: 'bookings.startDate' | 'bookings.endDate', today: string) {
  return bookingsOf(ctx)
    .select(briefColumns)
    .select(totalRows)
    .where(column, '=', today)
    .where(live)
    .orderBy('bookings.number')
    .limit(dashboardItems)
    .execute() as Promise<BriefRow[]>;
}

/** Bookings with current lines still waiting for the supplier's answer. */
function waitingOnSuppliers(ctx: Ctx) {
  return bookingsOf(ctx)
    .innerJoin('bookingLines', (join) =>
      join
        .onRef('bookingLines.agencyId', '=', 'bookings.agencyId')
        .onRef('bookingLines.bookingId', '=', 'bookings.id'),
    )
    .select(briefColumns)
    .select([sql<string>`count(*)`.as('lines'), totalRows])
    .where('bookingLines.supplierStatus', '=', 'requested')
    .where('bookingLines.supersededAt', 'is', null)
    .where(live)
    .groupBy([
      'bookings.id',
      'customers.kind',
      'customers.firstName',
      'customers.lastName',
      'customers.companyName',
    ])
    .orderBy('bookings.startDate')
    .orderBy('bookings.number')
    .limit(dashboardItems)
    .execute() as Promise<Array<BriefRow & { lines: string }>>;
}

/** Bookings waiting for a corporate approver, the earliest trip first. */
function awaitingApproval(ctx: Ctx) {
  return bookingsOf(ctx)
    .select(briefColumns)
    .select(totalRows)
    .where('bookings.approval', '=', 'pending')
    .where(live)
    .orderBy('bookings.startDate')
    .orderBy('bookings.number')
    .limit(dashboardItems)
    .execute() as Promise<BriefRow[]>;
}

/** Bookings with a required action not done and due by `until` (overdue ones too). */
function actionsDue(ctx: Ctx, until: string) {
  return bookingsOf(ctx)
    .innerJoin('bookingRequiredActions as action', (join) =>
      join
        .onRef('action.agencyId', '=', 'bookings.agencyId')
        .onRef('action.bookingId', '=', 'bookings.id'),
    )
    .select(briefColumns)
    .select([
      sql<string>`min(action.due_date)::text`.as('dueDate'),
      sql<string>`count(*)`.as('openActions'),
      totalRows,
    ])
    .where('action.doneAt', 'is', null)
    .where('action.dueDate', '<=', until)
    .where('bookings.status', 'not in', ['cancelled', 'departed'])
    .groupBy([
      'bookings.id',
      'customers.kind',
      'customers.firstName',
      'customers.lastName',
      'customers.companyName',
    ])
    .orderBy(sql`min(action.due_date)`)
    .orderBy('bookings.number')
    .limit(dashboardItems)
    .execute() as Promise<Array<BriefRow & { dueDate: string; openActions: string }>>;
}

/**
 * Allotment resources with a low-stock threshold whose free units on some date from `today`
 * to `until` are at or under it. Stop-sale and released dates are left out: nobody can sell
 * them, so they are no alarm.
 */
function lowResources(ctx: Ctx, today: string, until: string) {
  const free = sql<number>`greatest(0, day.capacity - day.sold - day.held)`;
  return ctx.db
    .selectFrom('inventoryResources as resource')
    .innerJoin('inventoryDays as day', (join) =>
      join
        .onRef('day.agencyId', '=', 'resource.agencyId')
        .onRef('day.resourceId', '=', 'resource.id'),
    )
    .select([
      'resource.id',
      'resource.kind',
      'resource.label',
      'resource.lowStockThreshold',
      sql<string>`min(day.date)::text`.as('firstDate'),
      sql<string>`count(*)`.as('days'),
      sql<string>`min(${free})`.as('available'),
      sql<string>`min(day.capacity)`.as('capacity'),
      totalRows,
    ])
    .where('resource.agencyId', '=', ctx.agencyId)
    .where('resource.lowStockThreshold', 'is not', null)
    .where('day.date', '>=', today)
    .where('day.date', '<=', until)
    .where('day.kind', '=', 'allotment')
    .where('day.stopSale', '=', false)
    .where((eb) =>
      eb.or([
        eb('day.releaseDays', 'is', null),
        eb(sql`day.date - cast(${today} as date)`, '>=', eb.ref('day.releaseDays')),
      ]),
    )
    .where(sql<boolean>`${free} <= resource.low_stock_threshold`)
    .groupBy('resource.id')
    .orderBy(sql`min(${free})`)
    .orderBy(sql`min(day.date)`)
    .orderBy('resource.label')
    .limit(dashboardItems)
    .execute();
}

/** Shared pools (undated) at or under their threshold. */
function lowPools(ctx: Ctx) {
  const free = sql<number>`greatest(0, capacity - sold - held)`;
  return ctx.db
    .selectFrom('inventoryPools')
    .select([
      'id',
      'name',
      'capacity',
      'lowStockThreshold',
      sql<string>`${free}`.as('available'),
      totalRows,
    ])
    .where('agencyId', '=', ctx.agencyId)
    .where('archivedAt', 'is', null)
    .where('lowStockThreshold', 'is not', null)
    .where(sql<boolean>`${free} <= low_stock_threshold`)
    .orderBy(sql`${free}`)
    .orderBy('name')
    .limit(dashboardItems)
    .execute();
}

/** Bookings made per local day and channel from `from` on. */
function bookingsPerDay(ctx: Ctx, from: Date) {
  const day = sql<string>`to_char(created_at at time zone ${sql.lit(timeZone)}, 'YYYY-MM-DD')`;
  return ctx.db
    .selectFrom('bookings')
    .select([day.as('day'), 'channel', sql<string>`count(*)`.as('bookings')])
    .where('agencyId', '=', ctx.agencyId)
    .where('createdAt', '>=', from)
    .groupBy([day, 'channel'])
    .execute();
}

export interface ChartSeries {
  channel: Channel;
  counts: number[];
}

/** The chart's rows, zero-filled: one series per channel, one count per day. */
export function perDaySeries(
  days: readonly CalendarDate[],
  rows: ReadonlyArray<{ day: string; channel: string; bookings: string | number }>,
): ChartSeries[] {
  const index = new Map(days.map((day, i) => [day, i]));
  const series = channels.map((channel) => ({ channel, counts: days.map(() => 0) }));
  for (const row of rows) {
    const at = index.get(row.day);
    const line = series.find((s) => s.channel === row.channel);
    if (at === undefined || !line) continue;
    line.counts[at] = (line.counts[at] ?? 0) + Number(row.bookings);
  }
  return series;
}

/** Everything the dashboard shows, for the caller's agency, as of `now`. */
export async function getDashboard(ctx: Ctx, now: Date = new Date()) {
  const today = todayUtc(now);
  const firstChartDay = addDays(today, -(chartDays - 1));
  const chartFrom = new Date(`${firstChartDay}T00:00:00Z`);
  const [departures, returns, onRequest, approvals, actions, overdue, resources, pools, perDay] =
    await Promise.all([
      tripsOn(ctx, 'bookings.startDate', today),
      tripsOn(ctx, 'bookings.endDate', today),
      waitingOnSuppliers(ctx),
      awaitingApproval(ctx),
      actionsDue(ctx, addDays(today, actionsDueWithinDays)),
      listOverdue(ctx, now),
      lowResources(ctx, today, addDays(today, lowStockDays - 1)),
      lowPools(ctx),
      bookingsPerDay(ctx, chartFrom),
    ]);
  const days = datesFromTo(firstChartDay, today);
  return {
    today,
    timeZone,
    departures: blockOf(departures, () => ({})),
    returns: blockOf(returns, () => ({})),
    onRequest: blockOf(onRequest, (row) => ({ lines: Number(row.lines) })),
    approvals: blockOf(approvals, () => ({})),
    actionsDue: {
      withinDays: actionsDueWithinDays,
      ...blockOf(actions, (row) => ({
        dueDate: row.dueDate,
        openActions: Number(row.openActions),
      })),
    },
    overdue: {
      count: overdue.items.length,
      items: overdue.items.slice(0, dashboardItems).map((item) => ({
        id: item.bookingId,
        number: item.number,
        status: item.status,
        customer: item.customer.name,
        from: item.departure,
        currency: item.currency,
        amountOverdue: item.amountOverdue,
        oldestDueDate: item.oldestDueDate,
        daysOverdue: item.daysOverdue,
      })),
    },
    lowStock: {
      days: lowStockDays,
      count: Number(resources[0]?.totalRows ?? 0) + Number(pools[0]?.totalRows ?? 0),
      items: [
        ...pools.map((pool) => ({
          kind: 'pool' as const,
          id: pool.id,
          label: pool.name,
          date: null,
          days: null,
          available: Number(pool.available),
          capacity: Number(pool.capacity),
          threshold: Number(pool.lowStockThreshold),
        })),
        ...resources.map((resource) => ({
          kind: resource.kind,
          id: resource.id,
          label: resource.label,
          date: resource.firstDate,
          days: Number(resource.days),
          available: Number(resource.available),
          capacity: Number(resource.capacity),
          threshold: Number(resource.lowStockThreshold),
        })),
      ].slice(0, dashboardItems),
    },
    bookingsPerDay: { days, series: perDaySeries(days, perDay) },
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
