// The supplier invoices of an agency with what their matches cover, read from the database
// and turned into facts (variance.ts): the one reading behind an invoice's figures, the list's
// flag and the supplier-costs report, so they always agree.
//
// A line's supplier is its product's: a tour's hotel, a transport's carrier, an attraction's
// or an extra service's supplier. A line counts (is expected to be billed) while it is the
// booking's current line, not cancelled or refused, of a booking not cancelled. Its cost is
// in the booking's currency and goes into the base currency at the rate the sales ledger
// recorded for the booking (else the one recorded with its quote, else the agency's rate on
// the day it was booked). Every invoice's matches are read at once, since one line may be
// covered by several invoices and its cost is shared between them.
import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import type { SupplierInvoicesTable } from '../../db/schema.ts';
import { firstText } from '../catalog/labels.ts';
import type { RecordedRate } from '../pricing/engine-types.ts';
import { rateOn } from '../pricing/rates.ts';
import { inBase, recordedRate } from '../reporting/ledger.ts';
import {
  type CoveredLine,
  type Fact,
  factsOf,
  invoiceInBase,
  type MatchCover,
  type Tolerance,
  type Variance,
  varianceOf,
} from './variance.ts';

export type SupplierInvoiceRow = Selectable<SupplierInvoicesTable>;

/** A booking line as supplier costs see it. */
export interface CostLine extends CoveredLine {
  bookingId: string;
  bookingNumber: string;
  label: string;
  supplierId: string | null;
  supplierName: string | null;
  /** In the booking's currency. */
  cost: number | null;
  currency: string;
  counts: boolean;
  /** The booking's product and departure: what the report calls tour and departure. */
  productId: string;
  productName: string;
  departureDate: string;
  tourDepartureId: string | null;
}

export type TargetKind = 'line' | 'tourDeparture' | 'transportDeparture' | 'pool';

/** What a match covers, with the product and date it belongs to. */
export interface Target {
  kind: TargetKind;
  id: string;
  label: string;
  productId: string | null;
  productName: string | null;
  date: string | null;
}

export interface MatchInfo {
  id: string;
  invoiceId: string;
  target: Target;
  /** In the invoice's currency. */
  amount: number;
  /** In the base currency (the invoice's whole converted once, then spread). */
  amountBase: number;
  expectedAtMatch: number | null;
  createdAt: Date;
}

export interface InvoiceFigures extends Variance {
  amountBase: number;
  /** Matched and unmatched parts, in the invoice's currency and in base. */
  matched: number;
  unmatched: number;
  unmatchedBase: number;
}

export interface Analysis {
  baseCurrency: string;
  tolerance: Tolerance;
  invoices: Map<string, SupplierInvoiceRow & { supplierName: string }>;
  matches: Map<string, MatchInfo>;
  lines: Map<string, CostLine>;
  facts: Fact[];
  figures: Map<string, InvoiceFigures>;
}

export async function toleranceOf(ctx: Ctx): Promise<Tolerance & { baseCurrency: string }> {
  const row = await ctx.db
    .selectFrom('agencies')
    .select([
      sql<string>`supplier_tolerance_percent::text`.as('percent'),
      'supplierToleranceAmount',
      'baseCurrency',
    ])
    .where('id', '=', ctx.agencyId)
    .executeTakeFirstOrThrow();
  return {
    percent: row.percent,
    amount: Number(row.supplierToleranceAmount),
    baseCurrency: row.baseCurrency.trim(),
  };
}

const counts = sql<boolean>`(l.superseded_at is null
  and l.supplier_status not in ('cancelled', 'refused') and b.status <> 'cancelled')`;

/** The supplier of line `l`: its product's. */
const supplierOfLine = sql<string | null>`coalesce(
  (select a.supplier_id from tours t join accommodations a
     on a.agency_id = t.agency_id and a.id = t.accommodation_id
   where l.product_kind = 'tour' and t.agency_id = l.agency_id and t.id::text = l.product_id),
  (select x.supplier_id from transports x where l.product_kind = 'transport'
     and x.agency_id = l.agency_id and x.id::text = l.product_id),
  (select x.supplier_id from attractions x where l.product_kind = 'attraction'
     and x.agency_id = l.agency_id and x.id::text = l.product_id),
  (select x.supplier_id from extra_services x where l.product_kind = 'extra_service'
     and x.agency_id = l.agency_id and x.id::text = l.product_id))`;

/** Booking lines with their booking, supplier, ledger rate and tour departure. */
function lineQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('bookingLines as l')
    .innerJoin('bookings as b', (j) =>
      j.onRef('b.agencyId', '=', 'l.agencyId').onRef('b.id', '=', 'l.bookingId'),
    )
    .select([
      'l.id',
      'l.bookingId',
      'b.number as bookingNumber',
      'l.label',
      supplierOfLine.as('supplierId'),
      sql<string | null>`(select s.name from suppliers s
        where s.agency_id = l.agency_id and s.id = ${supplierOfLine})`.as('supplierName'),
      'l.cost',
      'b.currency',
      'b.rates',
      'b.createdAt',
      'b.productId',
      'b.productName',
      'b.startDate as departureDate',
      counts.as('counts'),
      sql<string | null>`(select sl.rate::text from sales_ledger sl
        where sl.agency_id = b.agency_id and sl.booking_id = b.id and sl.rate is not null
        order by sl.at limit 1)`.as('ledgerRate'),
      sql<string | null>`(select td.id from tour_departures td
        where b.product_kind = 'tour' and td.agency_id = b.agency_id
          and td.tour_id = b.product_id and td.start_date = b.start_date
          and td.nights = b.end_date - b.start_date limit 1)`.as('tourDepartureId'),
    ])
    .where('l.agencyId', '=', ctx.agencyId);
}

type LineQuery = ReturnType<typeof lineQuery>;
type LineRow = Awaited<ReturnType<ReturnType<typeof lineQuery>['execute']>>[number];

/** Rows of `lineQuery` as cost lines, their cost converted into the base currency. */
async function toCostLines(ctx: Ctx, rows: readonly LineRow[], base: string) {
  const fallback = new Map<string, string | null>();
  const lines: CostLine[] = [];
  for (const row of rows) {
    const currency = row.currency.trim();
    let rate =
      row.ledgerRate ?? recordedRate((row.rates ?? []) as RecordedRate[], currency, base) ?? null;
    const day = new Date(row.createdAt).toISOString().slice(0, 10);
    if (rate === null) {
      const key = `${currency}|${day}`;
      if (!fallback.has(key)) {
        fallback.set(
          key,
          await rateOn(ctx, currency, base, day).then(
            (r) => r.rate,
            () => null, // no rate known: the line's cost counts as nothing rather than wrong
          ),
        );
      }
      rate = fallback.get(key) ?? null;
    }
    const cost = row.cost === null ? null : Number(row.cost);
    const counting = Boolean(row.counts);
    lines.push({
      id: row.id,
      bookingId: row.bookingId,
      bookingNumber: row.bookingNumber,
      label: row.label,
      supplierId: row.supplierId,
      supplierName: row.supplierName,
      cost,
      currency,
      counts: counting,
      expected: counting ? (inBase(cost, rate) ?? 0) : 0,
      productId: row.productId,
      productName: row.productName,
      departureDate: row.departureDate,
      tourDepartureId: row.tourDepartureId,
    });
  }
  return lines;
}

/** Cost lines matching `where`, each once. */
export async function costLines(
  ctx: Ctx,
  base: string,
  where: (qb: LineQuery) => LineQuery,
): Promise<CostLine[]> {
  return toCostLines(ctx, await where(lineQuery(ctx)).execute(), base);
}

/** The lines a departure or allotment target covers: counting lines, any supplier. */
async function linesOfTargets(
  ctx: Ctx,
  base: string,
  kind: Exclude<TargetKind, 'line'>,
  ids: readonly string[],
): Promise<Map<string, CostLine[]>> {
  const out = new Map<string, CostLine[]>();
  if (ids.length === 0) return out;
  const list = sql.join(ids.map((id) => sql`${id}::uuid`));
  const condition: Expression<SqlBool> =
    kind === 'tourDeparture'
      ? sql<SqlBool>`exists (select 1 from tour_departures td where td.id in (${list})
          and td.agency_id = b.agency_id and b.product_kind = 'tour' and td.tour_id = b.product_id
          and td.start_date = b.start_date and td.nights = b.end_date - b.start_date)`
      : kind === 'transportDeparture'
        ? sql<SqlBool>`exists (select 1 from transport_departures td where td.id in (${list})
            and td.agency_id = l.agency_id and l.product_kind = 'transport'
            and td.transport_id::text = l.product_id and td.date = l.from_date)`
        : sql<SqlBool>`exists (select 1 from inventory_take_items ti where ti.pool_id in (${list})
            and ti.agency_id = b.agency_id and ti.take_id = b.take_id)`;
  const targetOf =
    kind === 'tourDeparture'
      ? sql<string[]>`array(select td.id::text from tour_departures td where td.id in (${list})
          and td.agency_id = b.agency_id and td.tour_id = b.product_id
          and td.start_date = b.start_date and td.nights = b.end_date - b.start_date)`
      : kind === 'transportDeparture'
        ? sql<
            string[]
          >`array(select td.id::text from transport_departures td where td.id in (${list})
            and td.agency_id = l.agency_id and td.transport_id::text = l.product_id
            and td.date = l.from_date)`
        : sql<string[]>`array(select distinct ti.pool_id::text from inventory_take_items ti
            where ti.pool_id in (${list}) and ti.agency_id = b.agency_id and ti.take_id = b.take_id)`;
  const rows = await lineQuery(ctx)
    .select(targetOf.as('targets'))
    .where(condition)
    .where(counts)
    .where('l.cost', 'is not', null)
    .execute();
  const lines = await toCostLines(ctx, rows, base);
  rows.forEach((row, i) => {
    const line = lines[i] as CostLine;
    for (const target of row.targets ?? []) {
      const list = out.get(target) ?? [];
      list.push(line);
      out.set(target, list);
    }
  });
  return out;
}

/** Labels, product and date of departure and allotment targets. */
async function targetsOf(ctx: Ctx, kind: Exclude<TargetKind, 'line'>, ids: readonly string[]) {
  const out = new Map<string, Target>();
  if (ids.length === 0) return out;
  if (kind === 'tourDeparture') {
    const rows = await ctx.db
      .selectFrom('tourDepartures as d')
      .innerJoin('tours as t', (j) =>
        j.onRef('t.agencyId', '=', 'd.agencyId').onRef('t.id', '=', 'd.tourId'),
      )
      .select(['d.id', 'd.startDate', 't.id as tourId', 't.name', 't.code'])
      .where('d.agencyId', '=', ctx.agencyId)
      .where('d.id', 'in', ids)
      .execute();
    for (const r of rows) {
      const name = firstText(r.name) || r.code;
      out.set(r.id, {
        kind,
        id: r.id,
        label: `${name} ${r.startDate}`,
        productId: r.tourId,
        productName: name,
        date: r.startDate,
      });
    }
  } else if (kind === 'transportDeparture') {
    const rows = await ctx.db
      .selectFrom('transportDepartures as d')
      .innerJoin('transports as t', (j) =>
        j.onRef('t.agencyId', '=', 'd.agencyId').onRef('t.id', '=', 'd.transportId'),
      )
      .select(['d.id', 'd.date', 't.id as transportId', 't.name', 't.code'])
      .where('d.agencyId', '=', ctx.agencyId)
      .where('d.id', 'in', ids)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        kind,
        id: r.id,
        label: `${r.code} ${r.name} ${r.date}`,
        productId: r.transportId,
        productName: r.name,
        date: r.date,
      });
    }
  } else {
    const rows = await ctx.db
      .selectFrom('inventoryPools')
      .select(['id', 'name'])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        kind,
        id: r.id,
        label: r.name,
        productId: null,
        productName: null,
        date: null,
      });
    }
  }
  return out;
}

function targetKindOf(m: {
  bookingLineId: string | null;
  tourDepartureId: string | null;
  transportDepartureId: string | null;
  poolId: string | null;
}): { kind: TargetKind; id: string } {
  if (m.bookingLineId) return { kind: 'line', id: m.bookingLineId };
  if (m.tourDepartureId) return { kind: 'tourDeparture', id: m.tourDepartureId };
  if (m.transportDepartureId) return { kind: 'transportDeparture', id: m.transportDepartureId };
  return { kind: 'pool', id: m.poolId ?? '' };
}

/** Every supplier invoice of the agency, its matches, the lines they cover and the facts. */
export async function analyse(ctx: Ctx): Promise<Analysis> {
  const { baseCurrency, ...tolerance } = await toleranceOf(ctx);
  const invoiceRows = await ctx.db
    .selectFrom('supplierInvoices as i')
    .innerJoin('suppliers as s', (j) =>
      j.onRef('s.agencyId', '=', 'i.agencyId').onRef('s.id', '=', 'i.supplierId'),
    )
    .selectAll('i')
    .select(['s.name as supplierName', sql<string>`i.rate::text`.as('rate')])
    .where('i.agencyId', '=', ctx.agencyId)
    .execute();
  const invoices = new Map(
    invoiceRows.map((i) => [
      i.id,
      { ...i, currency: i.currency.trim(), baseCurrency: i.baseCurrency.trim() },
    ]),
  );
  const matchRows = await ctx.db
    .selectFrom('supplierInvoiceMatches')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();

  const idsOf = (kind: TargetKind) => [
    ...new Set(
      matchRows
        .map(targetKindOf)
        .filter((t) => t.kind === kind)
        .map((t) => t.id),
    ),
  ];
  const lines = new Map<string, CostLine>();
  const direct = idsOf('line');
  if (direct.length > 0) {
    for (const line of await costLines(ctx, baseCurrency, (qb) => qb.where('l.id', 'in', direct)))
      lines.set(line.id, line);
  }
  const covers = new Map<string, CostLine[]>();
  const targets = new Map<string, Target>();
  for (const kind of ['tourDeparture', 'transportDeparture', 'pool'] as const) {
    const ids = idsOf(kind);
    for (const [id, list] of await linesOfTargets(ctx, baseCurrency, kind, ids))
      covers.set(id, list);
    for (const [id, target] of await targetsOf(ctx, kind, ids)) targets.set(id, target);
  }
  for (const list of covers.values()) for (const line of list) lines.set(line.id, line);

  // Each invoice's amount in base, spread over its matches and the unmatched rest.
  const matches = new Map<string, MatchInfo>();
  const figures = new Map<string, InvoiceFigures>();
  const byInvoice = new Map<string, typeof matchRows>();
  for (const m of matchRows) {
    const list = byInvoice.get(m.invoiceId) ?? [];
    list.push(m);
    byInvoice.set(m.invoiceId, list);
  }
  const cover: MatchCover[] = [];
  for (const invoice of invoices.values()) {
    const own = byInvoice.get(invoice.id) ?? [];
    const amounts = own.map((m) => Number(m.amount));
    const inBaseParts = invoiceInBase(Number(invoice.amount), amounts, invoice.rate, baseCurrency);
    own.forEach((m, i) => {
      const { kind, id } = targetKindOf(m);
      const line = kind === 'line' ? lines.get(id) : undefined;
      const target: Target =
        kind === 'line'
          ? {
              kind,
              id,
              label: line ? `${line.bookingNumber}: ${line.label}` : id,
              productId: line?.productId ?? null,
              productName: line?.productName ?? null,
              date: line?.departureDate ?? null,
            }
          : (targets.get(id) ?? {
              kind,
              id,
              label: id,
              productId: null,
              productName: null,
              date: null,
            });
      const amountBase = inBaseParts.parts[i] ?? 0;
      matches.set(m.id, {
        id: m.id,
        invoiceId: invoice.id,
        target,
        amount: Number(m.amount),
        amountBase,
        expectedAtMatch: m.expectedCost === null ? null : Number(m.expectedCost),
        createdAt: m.createdAt,
      });
      cover.push({
        id: m.id,
        invoiceId: invoice.id,
        actual: amountBase,
        lineIds:
          kind === 'line'
            ? [id]
            : (covers.get(id) ?? [])
                .filter((l) => l.supplierId === invoice.supplierId)
                .map((l) => l.id),
      });
    });
    const matched = amounts.reduce((a, b) => a + b, 0);
    figures.set(invoice.id, {
      ...varianceOf(0, inBaseParts.whole, tolerance),
      amountBase: inBaseParts.whole,
      matched,
      unmatched: Number(invoice.amount) - matched,
      unmatchedBase: inBaseParts.unmatched,
    });
  }
  const facts = factsOf(cover, lines, baseCurrency);
  const expected = new Map<string, number>();
  for (const fact of facts)
    expected.set(fact.invoiceId, (expected.get(fact.invoiceId) ?? 0) + fact.expected);
  // An invoice's variance: the whole invoice against what its matches were expected to
  // cost, so an unmatched rest shows as a variance until it is matched.
  for (const [id, figure] of figures) {
    figures.set(id, {
      ...figure,
      ...varianceOf(expected.get(id) ?? 0, figure.amountBase, tolerance),
    });
  }
  return { baseCurrency, tolerance, invoices, matches, lines, facts, figures };
}

/** The expected cost of a target now, for the invoice's supplier (a match's snapshot). */
export async function expectedOfTarget(
  ctx: Ctx,
  base: string,
  kind: TargetKind,
  id: string,
  supplierId: string,
): Promise<number> {
  if (kind === 'line') {
    const [line] = await costLines(ctx, base, (qb) => qb.where('l.id', '=', id));
    return line?.expected ?? 0;
  }
  const covered = (await linesOfTargets(ctx, base, kind, [id])).get(id) ?? [];
  return covered.filter((l) => l.supplierId === supplierId).reduce((sum, l) => sum + l.expected, 0);
}
