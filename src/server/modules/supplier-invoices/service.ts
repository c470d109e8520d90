// Supplier invoices (A2): staff record what a supplier billed, match it (whole or in parts)
// to booking lines or to a whole departure or allotment, and mark it paid. The figures of an
// invoice (expected, actual, variance, flagged) are never stored: they are read from the
// lines as they are now (analysis.ts), so a booking changed after matching shows at once.
import Decimal from 'decimal.js';
import { addDays, type CalendarDate, isCalendarDate, todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import { isCurrency } from '../pricing/money.ts';
import { rateOn } from '../pricing/rates.ts';
import {
  type Analysis,
  analyse,
  costLines,
  expectedOfTarget,
  type TargetKind,
  toleranceOf,
} from './analysis.ts';
import type { Tolerance } from './variance.ts';

export interface SupplierInvoiceInput {
  supplierId: string;
  number: string;
  invoiceDate: string;
  dueDate?: string;
  currency?: string;
  amount: number;
  vat?: number;
  rate?: string;
  note?: string | null;
}

export interface MatchInput {
  bookingLineId?: string;
  tourDepartureId?: string;
  transportDepartureId?: string;
  poolId?: string;
  amount?: number;
}

export interface ListQuery {
  supplierId?: string;
  flagged?: boolean;
  status?: 'open' | 'paid';
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

function calendarDate(path: string, value: string | undefined): CalendarDate | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value))
    throw Invalid.field(path, `must be a date YYYY-MM-DD; ${value} given`);
  return value;
}

/** An invoice as the API shows it; `matches` only for a single invoice. */
function present(analysis: Analysis, id: string, withMatches: boolean) {
  const invoice = analysis.invoices.get(id);
  const figures = analysis.figures.get(id);
  if (!invoice || !figures) throw new NotFound('supplier invoice', id);
  const expectedByMatch = new Map<string, number>();
  for (const fact of analysis.facts) {
    if (fact.invoiceId === id)
      expectedByMatch.set(fact.matchId, (expectedByMatch.get(fact.matchId) ?? 0) + fact.expected);
  }
  const matches = [...analysis.matches.values()]
    .filter((m) => m.invoiceId === id)
    .map((m) => ({
      id: m.id,
      kind: m.target.kind,
      targetId: m.target.id,
      label: m.target.label,
      amount: m.amount,
      amountBase: m.amountBase,
      expectedCost: expectedByMatch.get(m.id) ?? 0,
      expectedAtMatch: m.expectedAtMatch,
      createdAt: m.createdAt.toISOString(),
    }));
  return {
    id: invoice.id,
    supplier: { id: invoice.supplierId, name: invoice.supplierName },
    number: invoice.number,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    amount: Number(invoice.amount),
    vat: Number(invoice.vat),
    rate: invoice.rate,
    rateDate: invoice.rateDate,
    rateSource: invoice.rateSource,
    baseCurrency: invoice.baseCurrency,
    amountBase: figures.amountBase,
    matched: figures.matched,
    unmatched: figures.unmatched,
    expectedCost: figures.expected,
    actualCost: figures.actual,
    variance: figures.variance,
    variancePct: figures.variancePct,
    flagged: figures.flagged,
    status: invoice.paidOn === null ? ('open' as const) : ('paid' as const),
    paidOn: invoice.paidOn,
    note: invoice.note,
    createdByName: invoice.createdByName,
    createdAt: new Date(invoice.createdAt).toISOString(),
    ...(withMatches ? { matches } : {}),
  };
}

export type SupplierInvoiceView = ReturnType<typeof present>;

export async function getSupplierInvoice(ctx: Ctx, id: string) {
  const analysis = await analyse(ctx);
  return present(analysis, id, true);
}

/**
 * The agency's supplier invoices, newest first, with their figures. The flag is computed,
 * not stored, so the list is filtered after reading the agency's invoices: fine for the
 * hundreds to thousands an agency records a year.
 */
export async function listSupplierInvoices(ctx: Ctx, query: ListQuery) {
  const from = calendarDate('/from', query.from);
  const to = calendarDate('/to', query.to);
  const after = decodeCursor(query.cursor);
  const analysis = await analyse(ctx);
  const items = [...analysis.invoices.values()]
    .filter(
      (i) =>
        (query.supplierId === undefined || i.supplierId === query.supplierId) &&
        (from === undefined || i.invoiceDate >= from) &&
        (to === undefined || i.invoiceDate <= to) &&
        (query.status === undefined || (query.status === 'paid') === (i.paidOn !== null)) &&
        (after === undefined || i.id < after),
    )
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((i) => present(analysis, i.id, false))
    .filter((i) => query.flagged === undefined || i.flagged === query.flagged);
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}

/** The rate into the base currency: the one given, else the agency's on the invoice date. */
async function rateFor(
  ctx: Ctx,
  currency: string,
  base: string,
  date: CalendarDate,
  given: string | undefined,
): Promise<{ rate: string; rateDate: string | null; rateSource: string }> {
  if (given !== undefined) {
    let rate: Decimal;
    try {
      rate = new Decimal(given);
    } catch {
      throw Invalid.field('/rate', `must be a decimal number such as "24.5"; ${given} given`);
    }
    if (!rate.isFinite() || rate.lte(0)) throw Invalid.field('/rate', 'must be more than 0');
    if (currency === base && !rate.eq(1)) {
      throw Invalid.field('/rate', `must be 1 for an invoice in the base currency ${base}`);
    }
    return { rate: rate.toString(), rateDate: null, rateSource: 'given' };
  }
  try {
    const applied = await rateOn(ctx, currency, base, date);
    return { rate: applied.rate, rateDate: applied.date, rateSource: applied.source };
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    throw Invalid.field(
      '/rate',
      `is needed: no exchange rate from ${currency} to ${base} on or before ${date} is recorded`,
    );
  }
}

export async function createSupplierInvoice(ctx: Ctx, input: SupplierInvoiceInput) {
  const invoiceDate = calendarDate('/invoiceDate', input.invoiceDate) as CalendarDate;
  const currency = input.currency?.trim().toUpperCase();
  if (currency !== undefined && !isCurrency(currency)) {
    throw Invalid.field('/currency', `${input.currency} is not an ISO 4217 currency code`);
  }
  const vat = input.vat ?? 0;
  if (vat > input.amount) {
    throw Invalid.field('/vat', `is part of the amount and cannot exceed it (${input.amount})`);
  }
  const number = input.number.trim();
  if (number === '') throw Invalid.field('/number', 'must not be blank');
  const supplier = await ctx.db
    .selectFrom('suppliers')
    .select(['id', 'name', 'currency', 'paymentTermsDays'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', input.supplierId)
    .executeTakeFirst();
  if (!supplier) throw new NotFound('supplier', input.supplierId);
  const dueDate =
    calendarDate('/dueDate', input.dueDate) ?? addDays(invoiceDate, supplier.paymentTermsDays);
  if (dueDate < invoiceDate) {
    throw Invalid.field('/dueDate', `must be on or after the invoice date (${invoiceDate})`);
  }
  const invoiceCurrency = currency ?? supplier.currency.trim();
  const { baseCurrency } = await toleranceOf(ctx);
  const rate = await rateFor(ctx, invoiceCurrency, baseCurrency, invoiceDate, input.rate);
  const id = newId();
  const row = {
    agencyId: ctx.agencyId,
    id,
    supplierId: supplier.id,
    number,
    invoiceDate,
    dueDate,
    currency: invoiceCurrency,
    amount: input.amount,
    vat,
    baseCurrency,
    ...rate,
    note: input.note?.trim() || null,
    paidOn: null,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
  };
  await inTransaction(ctx, async (tx) => {
    try {
      await tx.db.insertInto('supplierInvoices').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict(`${supplier.name} already has an invoice numbered ${number}`, [
          { path: '/number', message: 'is already recorded for this supplier' },
        ]);
      }
      throw error;
    }
    await recordAudit(tx, {
      action: 'supplier_invoice.recorded',
      entityType: 'supplier_invoice',
      entityId: id,
      after: row,
    });
  });
  return getSupplierInvoice(ctx, id);
}

/** The invoice, locked until the transaction ends (matches of one invoice take turns). */
async function lockedInvoice(tx: Ctx, id: string) {
  const invoice = await tx.db
    .selectFrom('supplierInvoices')
    .selectAll()
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!invoice) throw new NotFound('supplier invoice', id);
  return invoice;
}

const targetFields = [
  ['bookingLineId', 'line'],
  ['tourDepartureId', 'tourDeparture'],
  ['transportDepartureId', 'transportDeparture'],
  ['poolId', 'pool'],
] as const;

/** The one target a match names, checked to exist in the agency (404 otherwise). */
async function targetOf(tx: Ctx, input: MatchInput, supplierId: string, base: string) {
  const named = targetFields.filter(([field]) => input[field] !== undefined);
  if (named.length !== 1) {
    throw Invalid.field(
      `/${named[1]?.[0] ?? 'bookingLineId'}`,
      'give exactly one of bookingLineId, tourDepartureId, transportDepartureId, poolId',
    );
  }
  const [field, kind] = named[0] as (typeof targetFields)[number];
  const id = input[field] as string;
  const table = {
    line: 'bookingLines',
    tourDeparture: 'tourDepartures',
    transportDeparture: 'transportDepartures',
    pool: 'inventoryPools',
  } as const;
  const found = await tx.db
    .selectFrom(table[kind] as 'bookingLines')
    .select('id')
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) {
    const entity = {
      line: 'booking line',
      tourDeparture: 'tour departure',
      transportDeparture: 'transport departure',
      pool: 'allotment pool',
    }[kind];
    throw new NotFound(entity, id);
  }
  if (kind === 'line') {
    const [line] = await costLines(tx, base, (qb) => qb.where('l.id', '=', id));
    if (line && !line.counts) {
      throw new Conflict(
        `line ${line.label} of ${line.bookingNumber} is cancelled, refused or replaced: record what the supplier billed for it unmatched`,
        [{ path: '/bookingLineId', message: 'is not a current line of a live booking' }],
      );
    }
    if (line?.supplierId && line.supplierId !== supplierId) {
      throw new Conflict(`line ${line.label} is supplied by ${line.supplierName}`, [
        { path: '/bookingLineId', message: "is not supplied by the invoice's supplier" },
      ]);
    }
  }
  return { field, kind: kind as TargetKind, id };
}

/** Matches a part of the invoice (by default all of it not matched yet) to one target. */
export async function addMatch(ctx: Ctx, invoiceId: string, input: MatchInput) {
  await inTransaction(ctx, async (tx) => {
    const invoice = await lockedInvoice(tx, invoiceId);
    const base = invoice.baseCurrency.trim();
    const target = await targetOf(tx, input, invoice.supplierId, base);
    const taken = await tx.db
      .selectFrom('supplierInvoiceMatches')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('agencyId', '=', tx.agencyId)
      .where('invoiceId', '=', invoiceId)
      .executeTakeFirstOrThrow();
    const left = Number(invoice.amount) - Number(taken.sum);
    const amount = input.amount ?? left;
    if (amount > left) {
      throw new Conflict(`only ${left} of the invoice's ${invoice.amount} is left to match`, [
        { path: '/amount', message: `must not exceed what is left to match (${left})` },
      ]);
    }
    const expected = await expectedOfTarget(tx, base, target.kind, target.id, invoice.supplierId);
    const row = {
      agencyId: tx.agencyId,
      id: newId(),
      invoiceId,
      bookingLineId: target.kind === 'line' ? target.id : null,
      tourDepartureId: target.kind === 'tourDeparture' ? target.id : null,
      transportDepartureId: target.kind === 'transportDeparture' ? target.id : null,
      poolId: target.kind === 'pool' ? target.id : null,
      amount,
      expectedCost: expected,
      createdBy: tx.actor.userId,
    };
    try {
      await tx.db.insertInto('supplierInvoiceMatches').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict('the invoice is matched to this already: remove that match first', [
          { path: `/${target.field}`, message: 'is matched to this invoice already' },
        ]);
      }
      throw error;
    }
    await recordAudit(tx, {
      action: 'supplier_invoice.matched',
      entityType: 'supplier_invoice',
      entityId: invoiceId,
      after: row,
    });
  });
  return getSupplierInvoice(ctx, invoiceId);
}

export async function removeMatch(ctx: Ctx, invoiceId: string, matchId: string) {
  await inTransaction(ctx, async (tx) => {
    await lockedInvoice(tx, invoiceId);
    const removed = await tx.db
      .deleteFrom('supplierInvoiceMatches')
      .where('agencyId', '=', tx.agencyId)
      .where('invoiceId', '=', invoiceId)
      .where('id', '=', matchId)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw new NotFound('supplier invoice match', matchId);
    await recordAudit(tx, {
      action: 'supplier_invoice.unmatched',
      entityType: 'supplier_invoice',
      entityId: invoiceId,
      before: removed,
    });
  });
  return getSupplierInvoice(ctx, invoiceId);
}

/** Marks the invoice paid on a day (today unless given), or open again with null. */
export async function markPaid(ctx: Ctx, invoiceId: string, paidOn: string | null | undefined) {
  const day = paidOn === null ? null : (calendarDate('/paidOn', paidOn) ?? todayUtc());
  await inTransaction(ctx, async (tx) => {
    const invoice = await lockedInvoice(tx, invoiceId);
    await tx.db
      .updateTable('supplierInvoices')
      .set({ paidOn: day, updatedAt: new Date() })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', invoiceId)
      .execute();
    await recordAudit(tx, {
      action: day === null ? 'supplier_invoice.reopened' : 'supplier_invoice.paid',
      entityType: 'supplier_invoice',
      entityId: invoiceId,
      before: { paidOn: invoice.paidOn },
      after: { paidOn: day },
    });
  });
  return getSupplierInvoice(ctx, invoiceId);
}

export async function getTolerance(ctx: Ctx): Promise<Tolerance & { currency: string }> {
  const { baseCurrency, ...tolerance } = await toleranceOf(ctx);
  return {
    percent: new Decimal(tolerance.percent).toString(),
    amount: tolerance.amount,
    currency: baseCurrency,
  };
}

/** Sets the variance tolerated before an invoice is flagged (audited). */
export async function setTolerance(ctx: Ctx, input: Tolerance) {
  let percent: Decimal;
  try {
    percent = new Decimal(input.percent);
  } catch {
    throw Invalid.field('/percent', 'must be a decimal number such as "2" or "2.5"');
  }
  if (percent.lt(0) || percent.gt(100) || percent.decimalPlaces() > 2) {
    throw Invalid.field(
      '/percent',
      `must be 0 to 100 with at most two decimals; ${input.percent} given`,
    );
  }
  await inTransaction(ctx, async (tx) => {
    const before = await getTolerance(tx);
    await tx.db
      .updateTable('agencies')
      .set({ supplierTolerancePercent: percent.toString(), supplierToleranceAmount: input.amount })
      .where('id', '=', tx.agencyId)
      .execute();
    await recordAudit(tx, {
      action: 'agency.supplier_tolerance_changed',
      entityType: 'agency',
      entityId: tx.agencyId,
      before,
      after: { percent: percent.toString(), amount: input.amount },
    });
  });
  return getTolerance(ctx);
}
