// SQL of invoicing: the booking's lines and customer as an invoice reads them, and the issued
// invoices and credit notes with their lines.
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { json } from '../../db/json.ts';
import type { InvoiceLinesTable, InvoicesTable } from '../../db/schema.ts';
import { NotFound } from '../../errors.ts';
import { containsPattern } from '../catalog/text-search.ts';

/** The booking, locked: its invoices are issued one at a time. */
export function lockBooking(ctx: Ctx, bookingId: string) {
  return ctx.db
    .selectFrom('bookings')
    .select([
      'id',
      'number',
      'status',
      'currency',
      'total',
      'customerId',
      'productName',
      'cancellationFee',
    ])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', bookingId)
    .forUpdate()
    .executeTakeFirstOrThrow(() => new NotFound('booking', bookingId));
}

/** The booking's current lines (those a change replaced are history). */
export function currentBookingLines(ctx: Ctx, bookingId: string) {
  return ctx.db
    .selectFrom('bookingLines')
    .select([
      'position',
      'kind',
      'label',
      'quantity',
      'amount',
      'cost',
      'fromDate',
      'toDate',
      'travellers',
    ])
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .where('supersededAt', 'is', null)
    .orderBy('position')
    .execute();
}

export function customerOf(ctx: Ctx, customerId: string) {
  return ctx.db
    .selectFrom('customers')
    .select([
      'kind',
      'firstName',
      'lastName',
      'companyName',
      'vatId',
      'registrationId',
      'email',
      'address',
      'nationality',
    ])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
}

/** Gross invoiced less gross credited, per booking: what an invoice of it still stands for. */
export async function openInvoiceOf(ctx: Ctx, bookingId: string) {
  const documents = await ctx.db
    .selectFrom('invoices')
    .select(['id', 'kind', 'number', 'gross', 'creditedInvoiceId'])
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('createdAt')
    .execute();
  return documents
    .filter((d) => d.kind === 'invoice')
    .map((invoice) => ({
      ...invoice,
      open:
        Number(invoice.gross) -
        documents
          .filter((d) => d.creditedInvoiceId === invoice.id)
          .reduce((a, d) => a + Number(d.gross), 0),
    }))
    .find((invoice) => invoice.open !== 0);
}

export async function insertInvoice(
  ctx: Ctx,
  invoice: Omit<Insertable<InvoicesTable>, 'supplier' | 'customer'> & {
    supplier: unknown;
    customer: unknown;
  },
  lines: Omit<Insertable<InvoiceLinesTable>, 'agencyId' | 'invoiceId'>[],
): Promise<void> {
  await ctx.db
    .insertInto('invoices')
    .values({ ...invoice, supplier: json(invoice.supplier), customer: json(invoice.customer) })
    .execute();
  await ctx.db
    .insertInto('invoiceLines')
    .values(lines.map((line) => ({ ...line, agencyId: ctx.agencyId, invoiceId: invoice.id })))
    .execute();
}

export async function findInvoice(ctx: Ctx, id: string, { lock }: { lock: boolean }) {
  const invoice = await ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow(() => new NotFound('invoice', id));
  const lines = await ctx.db
    .selectFrom('invoiceLines')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('invoiceId', '=', id)
    .orderBy('position')
    .execute();
  return { invoice, lines };
}

export type StoredInvoice = Awaited<ReturnType<typeof findInvoice>>;

/** Gross credited so far per line of `invoiceId`. */
export async function creditedByLine(ctx: Ctx, invoiceId: string): Promise<Map<number, number>> {
  return (await creditedLinesOf(ctx, [invoiceId])).get(invoiceId) ?? new Map<number, number>();
}

/** Gross credited so far per line, of each of `invoiceIds` that credit notes credit. */
async function creditedLinesOf(
  ctx: Ctx,
  invoiceIds: readonly string[],
): Promise<Map<string, Map<number, number>>> {
  const credited = new Map<string, Map<number, number>>();
  if (invoiceIds.length === 0) return credited;
  const rows = await ctx.db
    .selectFrom('invoiceLines')
    .innerJoin('invoices', (join) =>
      join
        .onRef('invoices.id', '=', 'invoiceLines.invoiceId')
        .onRef('invoices.agencyId', '=', 'invoiceLines.agencyId'),
    )
    .select([
      'invoices.creditedInvoiceId as invoiceId',
      'invoiceLines.creditedLinePosition as position',
      'invoiceLines.gross',
    ])
    .where('invoices.agencyId', '=', ctx.agencyId)
    .where('invoices.creditedInvoiceId', 'in', invoiceIds)
    .execute();
  for (const row of rows) {
    if (row.position === null || row.invoiceId === null) continue;
    const lines = credited.get(row.invoiceId) ?? new Map<number, number>();
    lines.set(row.position, (lines.get(row.position) ?? 0) + Number(row.gross));
    credited.set(row.invoiceId, lines);
  }
  return credited;
}

export interface InvoiceListFilter {
  bookingId?: string;
  kind?: 'invoice' | 'credit_note';
  /** Issue dates from and to (inclusive), YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** A part of the number or of the buyer's name (case-insensitive). */
  q?: string;
  /** Ids are time-ordered: the page goes on below this one (or above, oldest first). */
  before?: string;
  after?: string;
  /** Oldest first (the export), instead of newest first (the list). */
  oldestFirst?: boolean;
  limit: number;
}

/** Newest first by id (time-ordered), one row more than asked so the caller knows of a next page. */
export function listInvoiceRows(ctx: Ctx, filter: InvoiceListFilter) {
  const pattern = filter.q === undefined ? '' : containsPattern(filter.q);
  return ctx.db
    .selectFrom('invoices')
    .select(['id'])
    .where('agencyId', '=', ctx.agencyId)
    .$if(filter.bookingId !== undefined, (qb) => qb.where('bookingId', '=', filter.bookingId ?? ''))
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind ?? 'invoice'))
    .$if(filter.from !== undefined, (qb) => qb.where('issueDate', '>=', filter.from ?? ''))
    .$if(filter.to !== undefined, (qb) => qb.where('issueDate', '<=', filter.to ?? ''))
    .$if(filter.q !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('number', 'ilike', pattern),
          eb(sql<string>`customer->>'name'`, 'ilike', pattern),
        ]),
      ),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before ?? ''))
    .$if(filter.after !== undefined, (qb) => qb.where('id', '>', filter.after ?? ''))
    .orderBy('id', filter.oldestFirst ? 'asc' : 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/**
 * Invoices with their lines, the number of the invoice each credits and the booking's
 * number, and what credit notes credited of each line, in the order of `ids`: a page of a
 * list in five queries, whatever its length.
 */
export async function findInvoices(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const invoices = await ctx.db
    .selectFrom('invoices')
    .innerJoin('bookings', (join) =>
      join
        .onRef('bookings.id', '=', 'invoices.bookingId')
        .onRef('bookings.agencyId', '=', 'invoices.agencyId'),
    )
    .selectAll('invoices')
    .select('bookings.number as bookingNumber')
    .where('invoices.agencyId', '=', ctx.agencyId)
    .where('invoices.id', 'in', ids)
    .execute();
  const lines = await ctx.db
    .selectFrom('invoiceLines')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('invoiceId', 'in', ids)
    .orderBy('position')
    .execute();
  const creditedIds = invoices.flatMap((i) => (i.creditedInvoiceId ? [i.creditedInvoiceId] : []));
  const credited =
    creditedIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('invoices')
          .select(['id', 'number', 'issueDate'])
          .where('agencyId', '=', ctx.agencyId)
          .where('id', 'in', creditedIds)
          .execute();
  const creditedById = new Map(credited.map((c) => [c.id, c]));
  const creditedLines = await creditedLinesOf(ctx, ids);
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    if (!found) return [];
    const { bookingNumber, ...invoice } = found;
    return [
      {
        stored: { invoice, lines: lines.filter((line) => line.invoiceId === id) },
        credited: invoice.creditedInvoiceId
          ? (creditedById.get(invoice.creditedInvoiceId) ?? null)
          : null,
        bookingNumber,
        creditedByLine: creditedLines.get(id) ?? new Map<number, number>(),
      },
    ];
  });
}
