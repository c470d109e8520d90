// The query every report over the sales ledger shares (A2): the period, the date it is read
// by, and the filters, validated once and turned into one SQL condition on `sales_ledger`
// (aliased `sl`), so the sales and profitability reports cannot read a filter differently.
//
// The period is inclusive. `dateBasis=booking` (the default) places each ledger row on the
// day it was written (UTC, the day `booking_date` is counted in): a sale on the day it was
// made, a change or a cancellation later on its own day, negatively, as the README's "Sales
// ledger" defines sold and cancelled; a closed month's figures never change afterwards.
// `dateBasis=departure` places every row of a booking on its departure date.
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { type CalendarDate, daysBetween, isCalendarDate, todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import { Uuid } from '../../http/schemas.ts';
import { maySeeBooking } from '../bookings/visibility.ts';
import { isStaff } from '../identity/roles.ts';
import { channels } from '../pricing/types.ts';

/** The kinds of product a booking is made for (a quote's product). */
export const ledgerProductKinds = ['tour', 'transport', 'attraction'] as const;

/** The longest period one report reads: ten years (with their leap days). */
export const maxPeriodDays = 3653;

const DateParam = (description: string) =>
  Type.Optional(Type.String({ format: 'date', description }));

/** The query parameters of every ledger report (all optional). */
export const LedgerQuery = {
  from: DateParam('First day, inclusive (default: 1 January of `to`’s year, or this year)'),
  to: DateParam('Last day, inclusive (default: 31 December of `from`’s year, or this year)'),
  dateBasis: Type.Optional(
    Type.Union([Type.Literal('booking'), Type.Literal('departure')], {
      description:
        'booking (default): the day each ledger row was written (a sale when made, a change or cancellation on its own day); departure: the departure date',
    }),
  ),
  productId: Type.Optional(Uuid),
  productKind: Type.Optional(Type.Union(ledgerProductKinds.map((kind) => Type.Literal(kind)))),
  country: Type.Optional(
    Type.String({ pattern: '^[A-Z]{2}$', description: 'Destination country, ISO 3166-1 alpha-2' }),
  ),
  channel: Type.Optional(Type.Union(channels.map((channel) => Type.Literal(channel)))),
  online: Type.Optional(Type.Boolean({ description: 'Online channels only (true) or none' })),
  soldBy: Type.Optional(Uuid),
  customerId: Type.Optional(Uuid),
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'The booking currency, ISO 4217' }),
  ),
};

const LedgerQueryObject = Type.Object(LedgerQuery);
export type LedgerQueryInput = Static<typeof LedgerQueryObject>;

/** The query, checked and with its period filled in. */
export interface LedgerFilters extends Omit<LedgerQueryInput, 'from' | 'to' | 'dateBasis'> {
  from: CalendarDate;
  to: CalendarDate;
  dateBasis: 'booking' | 'departure';
}

function checkedDate(field: string, value: string | undefined): CalendarDate | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw Invalid.field(`/${field}`, 'must be a date YYYY-MM-DD');
  return value;
}

/** The period and filters of `query`; a 400 naming the field when they make no sense. */
export function ledgerFilters(query: LedgerQueryInput, now: Date = new Date()): LedgerFilters {
  const givenFrom = checkedDate('from', query.from);
  const givenTo = checkedDate('to', query.to);
  const year = (givenFrom ?? givenTo ?? todayUtc(now)).slice(0, 4);
  const from = givenFrom ?? (givenTo ? `${givenTo.slice(0, 4)}-01-01` : `${year}-01-01`);
  const to = givenTo ?? `${from.slice(0, 4)}-12-31`;
  if (to < from) throw Invalid.field('/to', `must be on or after from (${from})`);
  if (daysBetween(from, to) >= maxPeriodDays) {
    throw Invalid.field(
      '/to',
      `must be within ten years (${maxPeriodDays} days) of from (${from})`,
    );
  }
  return { ...query, from, to, dateBasis: query.dateBasis ?? 'booking' };
}

/** The day a ledger row counts on under `basis`, as SQL over `sl`. */
export function ledgerDay(basis: LedgerFilters['dateBasis']) {
  return basis === 'departure'
    ? sql<string>`sl.departure_date`
    : sql<string>`cast(sl.at at time zone 'UTC' as date)`;
}

/**
 * The rows of `sales_ledger sl` the filters keep, of the caller's agency and, for a partner,
 * of the bookings of its own offers only (as bookings/visibility.ts decides for bookings).
 */
export function ledgerWhere(ctx: Ctx, filters: LedgerFilters): Expression<SqlBool> {
  const day = ledgerDay(filters.dateBasis);
  const conditions = [
    sql`sl.agency_id = ${ctx.agencyId}`,
    sql`${day} between ${filters.from} and ${filters.to}`,
  ];
  // A row is never written before its booking was made: this lets the index on booking_date
  // narrow what the day of writing then decides.
  if (filters.dateBasis === 'booking') conditions.push(sql`sl.booking_date <= ${filters.to}`);
  if (filters.productId) conditions.push(sql`sl.product_id = ${filters.productId}`);
  if (filters.productKind) conditions.push(sql`sl.product_kind = ${filters.productKind}`);
  if (filters.country) conditions.push(sql`sl.destination_country = ${filters.country}`);
  if (filters.channel) conditions.push(sql`sl.channel = ${filters.channel}`);
  if (filters.online !== undefined) conditions.push(sql`sl.online = ${filters.online}`);
  if (filters.soldBy) conditions.push(sql`sl.sold_by = ${filters.soldBy}`);
  if (filters.customerId) conditions.push(sql`sl.customer_id = ${filters.customerId}`);
  if (filters.currency) conditions.push(sql`sl.currency = ${filters.currency}`);
  // Staff and the system (the command line) read the whole agency; anyone else only the rows
  // of the bookings they may see.
  if (ctx.actor.role !== null && !isStaff(ctx.actor.role)) {
    const visible = ctx.db
      .selectFrom('bookings')
      .select('bookings.id')
      .where(sql<SqlBool>`bookings.agency_id = sl.agency_id and bookings.id = sl.booking_id`)
      .where(maySeeBooking(ctx));
    conditions.push(sql`exists (${visible})`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
