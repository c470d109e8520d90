// The booking curve: how a departure filled up. From the sales ledger, each row's travellers
// and revenue (base currency) counted on the day it happened, as days before the departure —
// a sale on its booking day, a cancellation (negative) on the day it was cancelled — and
// summed from the earliest day down to departure (day 0; a change after departure counts on
// day 0). For one tour departure (`departureId`), or every departure of a tour in a period
// (`tourId`, `from`, `to`: each booking against its own departure), beside another departure
// (`compareDepartureId`, or `compare` = a departure id) or the same last year
// (`compare=lastYear`).
import { sql } from 'kysely';
import { Type } from 'typebox';
import { addDays, type CalendarDate, daysBetween } from '../../../calendar.ts';
import type { Ctx } from '../../../context.ts';
import { Invalid, NotFound } from '../../../errors.ts';
import { CalendarDateSchema } from '../../catalog/common.ts';
import { staffRoles } from '../../identity/roles.ts';
import type { ColumnDefinition, ReportDefinition, ReportRow } from '../report-kit.ts';
import { label } from './occupancy-figures.ts';
import { reportPeriod } from './report-period.ts';

const uuid = (description: string) => Type.Optional(Type.String({ format: 'uuid', description }));

const Query = Type.Object({
  departureId: uuid('A tour departure'),
  tourId: uuid('A tour: all its departures from `from` to `to`'),
  from: Type.Optional(CalendarDateSchema),
  to: Type.Optional(CalendarDateSchema),
  compare: Type.Optional(
    Type.String({
      description: '`lastYear`, or a tour departure id to compare with',
      pattern: '^(lastYear|[0-9a-fA-F-]{36})$',
    }),
  ),
  compareDepartureId: uuid('A tour departure to compare with'),
});

/** What one curve covers: a departure (tour, start, nights) or a tour's period. */
export type CurveScope =
  | { kind: 'departure'; tourId: string; startDate: CalendarDate; nights: number }
  | { kind: 'period'; tourId: string; from: CalendarDate; to: CalendarDate };

/** Travellers and revenue that happened this many days before their departure. */
export interface CurvePoint {
  daysBefore: number;
  pax: number;
  revenue: number;
}

/** The same scope a year earlier (29 February becomes the 28th). */
export function yearBefore(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4)) - 1;
  const shifted = `${year}${date.slice(4)}`;
  return shifted.endsWith('-02-29') ? `${year}-02-28` : shifted;
}

/**
 * Rows from the earliest day either series has down to 0, every day present: what was sold
 * by then (cumulative). `compare` null leaves the compare columns empty.
 */
export function curveRows(points: CurvePoint[], compare: CurvePoint[] | null): ReportRow[] {
  const first = Math.max(
    0,
    ...points.map((p) => p.daysBefore),
    ...(compare ?? []).map((p) => p.daysBefore),
  );
  const onDay = (series: CurvePoint[]) => {
    const byDay = new Map<number, CurvePoint>();
    for (const p of series) {
      const day = Math.max(0, p.daysBefore);
      const seen = byDay.get(day) ?? { daysBefore: day, pax: 0, revenue: 0 };
      seen.pax += p.pax;
      seen.revenue += p.revenue;
      byDay.set(day, seen);
    }
    return byDay;
  };
  const own = onDay(points);
  const other = compare ? onDay(compare) : null;
  const rows: ReportRow[] = [];
  let pax = 0;
  let revenue = 0;
  let comparePax = 0;
  let compareRevenue = 0;
  for (let day = first; day >= 0; day -= 1) {
    pax += own.get(day)?.pax ?? 0;
    revenue += own.get(day)?.revenue ?? 0;
    comparePax += other?.get(day)?.pax ?? 0;
    compareRevenue += other?.get(day)?.revenue ?? 0;
    rows.push({
      daysBefore: day,
      pax,
      revenue,
      comparePax: other ? comparePax : null,
      compareRevenue: other ? compareRevenue : null,
    });
  }
  return rows;
}

/** The points of a scope, read from the ledger: one per day before departure. */
export async function curvePoints(ctx: Ctx, scope: CurveScope): Promise<CurvePoint[]> {
  const daysBefore = sql<number>`greatest(0, l.departure_date - (l.at at time zone 'UTC')::date)`;
  let query = ctx.db
    .selectFrom('salesLedger as l')
    .select([
      daysBefore.as('daysBefore'),
      (eb) => eb.fn.sum<string>('l.pax').as('pax'),
      (eb) => eb.fn.coalesce(eb.fn.sum<string>('l.saleBase'), sql<string>`0`).as('revenue'),
    ])
    .where('l.agencyId', '=', ctx.agencyId)
    .where('l.productId', '=', scope.tourId);
  if (scope.kind === 'departure') {
    // Departures of one start date may differ in length (7 or 14 nights): the booking's end
    // tells them apart.
    query = query
      .innerJoin('bookings as b', (join) =>
        join.onRef('b.agencyId', '=', 'l.agencyId').onRef('b.id', '=', 'l.bookingId'),
      )
      .where('l.departureDate', '=', scope.startDate)
      .where('b.endDate', '=', addDays(scope.startDate, scope.nights));
  } else {
    query = query
      .where('l.departureDate', '>=', scope.from)
      .where('l.departureDate', '<=', scope.to);
  }
  const rows = await query.groupBy(daysBefore).execute();
  return rows.map((r) => ({
    daysBefore: Number(r.daysBefore),
    pax: Number(r.pax),
    revenue: Number(r.revenue),
  }));
}

async function findDeparture(ctx: Ctx, id: string, field: string) {
  const departure = await ctx.db
    .selectFrom('tourDepartures')
    .select(['id', 'tourId', 'startDate', 'nights'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!departure) throw new NotFound(`tour departure (${field})`, id);
  return departure;
}

/**
 * Last year's departure of the same tour and length: the one starting nearest to a year
 * before (within 3 days, as a weekly departure moves by a weekday a year); else the same
 * date a year before, read from the ledger as it is.
 */
async function lastYearsDeparture(
  ctx: Ctx,
  scope: Extract<CurveScope, { kind: 'departure' }>,
): Promise<CurveScope> {
  const target = yearBefore(scope.startDate);
  const candidates = await ctx.db
    .selectFrom('tourDepartures')
    .select(['startDate'])
    .where('agencyId', '=', ctx.agencyId)
    .where('tourId', '=', scope.tourId)
    .where('nights', '=', scope.nights)
    .where('startDate', '>=', addDays(target, -3))
    .where('startDate', '<=', addDays(target, 3))
    .execute();
  const nearest = candidates.sort(
    (a, b) =>
      Math.abs(daysBetween(target, a.startDate)) - Math.abs(daysBetween(target, b.startDate)),
  )[0];
  return { ...scope, startDate: nearest?.startDate ?? target };
}

const integer = (key: string, l: ReturnType<typeof label>): ColumnDefinition => ({
  key,
  type: 'integer',
  label: l,
});

const columns = (currency: string): ColumnDefinition[] => [
  integer(
    'daysBefore',
    label(
      'Days before departure',
      'Dní před odjezdem',
      'Dni przed wyjazdem',
      'Kalkışa kalan gün',
      '距出发天数',
    ),
  ),
  integer('pax', label('Travellers', 'Cestující', 'Podróżni', 'Yolcular', '旅客')),
  {
    key: 'revenue',
    type: 'money',
    currency,
    label: label('Revenue', 'Tržby', 'Przychód', 'Gelir', '收入'),
  },
  integer(
    'comparePax',
    label(
      'Travellers (compared)',
      'Cestující (srovnání)',
      'Podróżni (porównanie)',
      'Yolcular (karşılaştırma)',
      '旅客（对比）',
    ),
  ),
  {
    key: 'compareRevenue',
    type: 'money',
    currency,
    label: label(
      'Revenue (compared)',
      'Tržby (srovnání)',
      'Przychód (porównanie)',
      'Gelir (karşılaştırma)',
      '收入（对比）',
    ),
  },
];

export const bookingCurveReport: ReportDefinition<typeof Query> = {
  name: 'booking-curve',
  summary:
    'Booking curve: travellers and revenue sold by days before departure (cumulative), for a tour departure or a tour’s departures in a period, beside another departure or last year',
  access: staffRoles,
  query: Query,
  async prepare(ctx, query) {
    if (query.departureId && query.tourId) {
      throw Invalid.field('/tourId', 'give departureId or tourId, not both');
    }
    let scope: CurveScope;
    if (query.departureId) {
      const departure = await findDeparture(ctx, query.departureId, 'departureId');
      scope = { kind: 'departure', ...departure };
    } else if (query.tourId) {
      const tour = await ctx.db
        .selectFrom('tours')
        .select('id')
        .where('agencyId', '=', ctx.agencyId)
        .where('id', '=', query.tourId)
        .executeTakeFirst();
      if (!tour) throw new NotFound('tour (tourId)', query.tourId);
      scope = { kind: 'period', tourId: tour.id, ...reportPeriod(query) };
    } else {
      throw Invalid.field('/departureId', 'is required (or tourId)');
    }

    const compareId =
      query.compareDepartureId ??
      (query.compare && query.compare !== 'lastYear' ? query.compare : null);
    if (query.compareDepartureId && query.compare && query.compare !== query.compareDepartureId) {
      throw Invalid.field('/compare', 'names another departure than compareDepartureId');
    }
    let compareScope: CurveScope | null = null;
    if (compareId) {
      const other = await findDeparture(
        ctx,
        compareId,
        query.compareDepartureId ? 'compareDepartureId' : 'compare',
      );
      compareScope = { kind: 'departure', ...other };
    } else if (query.compare === 'lastYear') {
      compareScope =
        scope.kind === 'departure'
          ? await lastYearsDeparture(ctx, scope)
          : { ...scope, from: yearBefore(scope.from), to: yearBefore(scope.to) };
    }

    const agency = await ctx.db
      .selectFrom('agencies')
      .select('baseCurrency')
      .where('id', '=', ctx.agencyId)
      .executeTakeFirstOrThrow();
    const currency = agency.baseCurrency.trim();
    const points = await curvePoints(ctx, scope);
    const compared = compareScope ? await curvePoints(ctx, compareScope) : null;
    const rows = curveRows(points, compared);
    const last = rows[rows.length - 1];
    return {
      columns: columns(currency),
      rows,
      // The curve ends where it is: the totals are day 0's figures.
      totals: {
        pax: last?.pax ?? 0,
        revenue: last?.revenue ?? 0,
        comparePax: last?.comparePax ?? null,
        compareRevenue: last?.compareRevenue ?? null,
      },
      currency,
    };
  },
};
