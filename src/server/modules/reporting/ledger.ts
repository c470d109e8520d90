// The sales ledger (A1): the one source of every sales report. Each change of a booking's
// lines appends rows in the change's own transaction, never updating one: a booking made
// writes a row per line (and the difference a price override makes); a change takes back
// what the ledger holds for the booking and writes the new lines; a cancellation takes back
// everything and writes the fee as its own row; a dropped on-request line takes back its
// line. So a booking's rows sum to its current total while it lives and to its fee once
// cancelled, and every figure of any period adds up. See "Sales ledger" in the README.
import Decimal from 'decimal.js';
import type { Insertable } from 'kysely';
import { daysBetween } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { LedgerEvent, SalesLedgerTable } from '../../db/schema.ts';
import { isStaff } from '../identity/roles.ts';
import type { RecordedRate } from '../pricing/engine-types.ts';
import { rateOn } from '../pricing/rates.ts';
import { isOnline } from '../pricing/types.ts';

export type LedgerRow = Insertable<SalesLedgerTable>;

/** The booking as the ledger describes it. */
export interface LedgerBooking {
  id: string;
  agencyId: string;
  currency: string;
  channel: string;
  customerId: string;
  productKind: string;
  productId: string;
  productName: string;
  /** "City, CC" as the booking keeps it. */
  destination: string | null;
  startDate: string;
  endDate: string;
  party: unknown;
  createdAt: Date | string;
  total: number;
}

/** What the ledger fixes once, when the booking is made, and keeps on every later row. */
export interface LedgerTerms {
  baseCurrency: string;
  /** Units of the base currency per unit of the booking's; null when none is known. */
  rate: string | null;
  soldBy: string | null;
  /** The day the booking was made (UTC). */
  bookingDate: string;
}

export interface LedgerLine {
  id: string;
  amount: number;
  cost: number | null;
}

/** "Hersonissos, GR" as place and country (region is not kept by the catalog yet). */
export function destinationParts(destination: string | null): {
  destinationCountry: string | null;
  destinationPlace: string | null;
} {
  const text = destination?.trim() ?? '';
  if (text === '') return { destinationCountry: null, destinationPlace: null };
  const match = /^(.*), ([A-Z]{2})$/.exec(text);
  if (match) return { destinationCountry: match[2] ?? null, destinationPlace: match[1] || null };
  if (/^[A-Z]{2}$/.test(text)) return { destinationCountry: text, destinationPlace: null };
  return { destinationCountry: null, destinationPlace: text };
}

/** The amount in the base currency, rounded half away from zero; null without a rate. */
export function inBase(amount: number | null, rate: string | null): number | null {
  if (amount === null || rate === null) return null;
  const base = new Decimal(Math.abs(amount)).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return Math.sign(amount) * base.toNumber() || 0;
}

/** The travellers of the booking's party. */
export function paxOf(party: unknown): number {
  const p = party as { adults?: number; childAges?: readonly number[] } | null;
  return (p?.adults ?? 0) + (p?.childAges?.length ?? 0);
}

function row(
  booking: LedgerBooking,
  terms: LedgerTerms,
  event: LedgerEvent,
  at: Date,
  fields: Pick<LedgerRow, 'bookingLineId' | 'sale' | 'cost' | 'bookings' | 'pax' | 'nights'>,
): LedgerRow {
  const sale = Number(fields.sale);
  const cost = fields.cost === null || fields.cost === undefined ? null : Number(fields.cost);
  return {
    agencyId: booking.agencyId,
    id: newId(),
    bookingId: booking.id,
    event,
    at,
    ...fields,
    sale,
    cost,
    rate: terms.rate,
    saleBase: inBase(sale, terms.rate),
    costBase: inBase(cost, terms.rate),
    currency: booking.currency,
    baseCurrency: terms.baseCurrency,
    channel: booking.channel,
    online: isOnline(booking.channel),
    soldBy: terms.soldBy,
    customerId: booking.customerId,
    productKind: booking.productKind,
    productId: booking.productId,
    productName: booking.productName,
    destinationRegion: null,
    ...destinationParts(booking.destination),
    departureDate: booking.startDate,
    bookingDate: terms.bookingDate,
  };
}

/**
 * The rows of a booking as sold now: one per line (the booking itself counted, with its pax
 * and nights, on the first), and a row for whatever its total differs from its lines by (a
 * price override).
 */
export function saleRows(
  booking: LedgerBooking,
  terms: LedgerTerms,
  lines: readonly LedgerLine[],
  event: 'created' | 'changed',
  at: Date,
): LedgerRow[] {
  const pax = paxOf(booking.party);
  const nights = Math.max(0, daysBetween(booking.startDate, booking.endDate));
  const rows = lines.map((line, i) =>
    row(booking, terms, event, at, {
      bookingLineId: line.id,
      sale: Number(line.amount),
      cost: line.cost === null ? null : Number(line.cost),
      bookings: i === 0 ? 1 : 0,
      pax: i === 0 ? pax : 0,
      nights: i === 0 ? nights : 0,
    }),
  );
  const difference = Number(booking.total) - lines.reduce((sum, l) => sum + Number(l.amount), 0);
  if (difference !== 0 || lines.length === 0) {
    rows.push(
      row(booking, terms, 'override', at, {
        bookingLineId: null,
        sale: difference,
        cost: null,
        bookings: lines.length === 0 ? 1 : 0,
        pax: lines.length === 0 ? pax : 0,
        nights: lines.length === 0 ? nights : 0,
      }),
    );
  }
  return rows;
}

/** What the ledger holds for a booking, summed per line and per what the row describes. */
export type LedgerNet = Omit<LedgerRow, 'id' | 'event' | 'at'>;

/** Rows that take back what the ledger holds (a change's or a cancellation's minus rows). */
export function reversalRows(
  nets: readonly LedgerNet[],
  event: LedgerEvent,
  at: Date,
): LedgerRow[] {
  const negate = (n: number | null | undefined) =>
    n === null || n === undefined ? null : -Number(n) || 0;
  return nets
    .filter(
      (n) =>
        Number(n.sale) !== 0 ||
        Number(n.cost ?? 0) !== 0 ||
        Number(n.bookings ?? 0) !== 0 ||
        Number(n.pax ?? 0) !== 0 ||
        Number(n.nights ?? 0) !== 0,
    )
    .map((n) => ({
      ...n,
      id: newId(),
      event,
      at,
      sale: negate(n.sale) ?? 0,
      cost: negate(n.cost),
      saleBase: negate(n.saleBase),
      costBase: negate(n.costBase),
      bookings: negate(n.bookings) ?? 0,
      pax: negate(n.pax) ?? 0,
      nights: negate(n.nights) ?? 0,
    }));
}

/** A cancellation fee as its own row: revenue of the agency, no cost. */
export function feeRow(
  booking: LedgerBooking,
  terms: LedgerTerms,
  fee: number,
  at: Date,
): LedgerRow {
  return row(booking, terms, 'fee', at, {
    bookingLineId: null,
    sale: fee,
    cost: null,
    bookings: 0,
    pax: 0,
    nights: 0,
  });
}

/** The rate from `from` into `to` among those recorded with the booking's quote. */
export function recordedRate(
  rates: readonly RecordedRate[],
  from: string,
  to: string,
): string | null {
  if (from === to) return '1';
  const direct = rates.find((r) => r.from === from && r.to === to);
  if (direct) return new Decimal(direct.rate).toString();
  const inverse = rates.find((r) => r.from === to && r.to === from);
  if (inverse && !new Decimal(inverse.rate).isZero()) {
    return new Decimal(1).div(inverse.rate).toSignificantDigits(15).toString();
  }
  return null;
}

// ---- writing, in the caller's transaction -------------------------------------------------

async function bookingOf(tx: Ctx, bookingId: string) {
  return tx.db
    .selectFrom('bookings')
    .innerJoin('agencies', 'agencies.id', 'bookings.agencyId')
    .selectAll('bookings')
    .select('agencies.baseCurrency')
    .where('bookings.agencyId', '=', tx.agencyId)
    .where('bookings.id', '=', bookingId)
    .executeTakeFirstOrThrow();
}

type StoredBooking = Awaited<ReturnType<typeof bookingOf>>;

/** The terms of the booking's first row; for a booking not in the ledger yet, fixed now. */
async function termsOf(tx: Ctx, booking: StoredBooking): Promise<LedgerTerms> {
  const first = await tx.db
    .selectFrom('salesLedger')
    .select(['baseCurrency', 'rate', 'soldBy', 'bookingDate'])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', booking.id)
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  if (first)
    return {
      ...first,
      baseCurrency: first.baseCurrency.trim(),
      rate: first.rate === null ? null : String(first.rate),
    };
  const base = booking.baseCurrency.trim();
  const currency = booking.currency.trim();
  const createdAt = new Date(booking.createdAt);
  const bookingDate = createdAt.toISOString().slice(0, 10);
  let rate = recordedRate((booking.rates ?? []) as RecordedRate[], currency, base);
  if (rate === null) {
    try {
      rate = (await rateOn(tx, currency, base, bookingDate)).rate;
    } catch {
      rate = null; // no rate known: the base amounts stay empty rather than wrong
    }
  }
  const soldBy =
    isStaff(tx.actor.role) && tx.actor.userId === booking.createdBy ? booking.createdBy : null;
  return { baseCurrency: base, rate, soldBy, bookingDate };
}

async function insertRows(tx: Ctx, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length > 0)
    await tx.db
      .insertInto('salesLedger')
      .values([...rows])
      .execute();
}

/** The booking's lines that count: current, and not dropped (a dropped line left the total). */
async function countedLines(tx: Ctx, bookingId: string): Promise<LedgerLine[]> {
  const lines = await tx.db
    .selectFrom('bookingLines')
    .select(['id', 'amount', 'cost'])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', bookingId)
    .where('supersededAt', 'is', null)
    .where('supplierStatus', '<>', 'cancelled')
    .orderBy('position')
    .execute();
  return lines.map((l) => ({
    id: l.id,
    amount: Number(l.amount),
    cost: l.cost === null ? null : Number(l.cost),
  }));
}

function asLedgerBooking(booking: StoredBooking): LedgerBooking {
  return { ...booking, currency: booking.currency.trim(), total: Number(booking.total) };
}

/** What a ledger row describes: the rows of one booking are summed per these. */
const describing = [
  'agencyId',
  'bookingId',
  'bookingLineId',
  'rate',
  'currency',
  'baseCurrency',
  'channel',
  'online',
  'soldBy',
  'customerId',
  'productKind',
  'productId',
  'productName',
  'destinationCountry',
  'destinationRegion',
  'destinationPlace',
  'departureDate',
  'bookingDate',
] as const;

/** What the ledger holds for the booking, summed per line and per what the rows describe. */
async function netsOf(tx: Ctx, bookingId: string, lineId?: string): Promise<LedgerNet[]> {
  const rows = await tx.db
    .selectFrom('salesLedger')
    .select((eb) => [
      ...describing,
      eb.fn.sum<number>('sale').as('sale'),
      eb.fn.sum<number | null>('cost').as('cost'),
      eb.fn.sum<number | null>('saleBase').as('saleBase'),
      eb.fn.sum<number | null>('costBase').as('costBase'),
      eb.fn.sum<number>('bookings').as('bookings'),
      eb.fn.sum<number>('pax').as('pax'),
      eb.fn.sum<number>('nights').as('nights'),
    ])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', bookingId)
    .$if(lineId !== undefined, (qb) => qb.where('bookingLineId', '=', lineId ?? ''))
    .groupBy([...describing])
    .execute();
  return rows.map((r) => ({
    ...r,
    rate: r.rate === null ? null : String(r.rate),
    sale: Number(r.sale),
    cost: r.cost === null ? null : Number(r.cost),
    saleBase: r.saleBase === null ? null : Number(r.saleBase),
    costBase: r.costBase === null ? null : Number(r.costBase),
    bookings: Number(r.bookings),
    pax: Number(r.pax),
    nights: Number(r.nights),
  }));
}

/** A booking made: its lines (and override) as sold. Call after its lines are written. */
export async function ledgerBookingCreated(tx: Ctx, bookingId: string, at: Date): Promise<void> {
  const booking = await bookingOf(tx, bookingId);
  const terms = await termsOf(tx, booking);
  await insertRows(
    tx,
    saleRows(asLedgerBooking(booking), terms, await countedLines(tx, bookingId), 'created', at),
  );
}

/** A booking changed: what the ledger held taken back, the new lines written. Call after the
 *  booking and its lines are updated. */
export async function ledgerBookingChanged(tx: Ctx, bookingId: string, at: Date): Promise<void> {
  const booking = await bookingOf(tx, bookingId);
  const terms = await termsOf(tx, booking);
  await insertRows(tx, reversalRows(await netsOf(tx, bookingId), 'changed', at));
  await insertRows(
    tx,
    saleRows(asLedgerBooking(booking), terms, await countedLines(tx, bookingId), 'changed', at),
  );
}

/** A booking cancelled: everything taken back, and the fee as its own row. */
export async function ledgerBookingCancelled(
  tx: Ctx,
  bookingId: string,
  fee: number,
  at: Date,
): Promise<void> {
  const booking = await bookingOf(tx, bookingId);
  const terms = await termsOf(tx, booking);
  await insertRows(tx, reversalRows(await netsOf(tx, bookingId), 'cancelled', at));
  if (fee !== 0) await insertRows(tx, [feeRow(asLedgerBooking(booking), terms, fee, at)]);
}

/** An on-request line dropped (the supplier refused it): its rows taken back. */
export async function ledgerLineDropped(
  tx: Ctx,
  bookingId: string,
  lineId: string,
  at: Date,
): Promise<void> {
  const nets = await netsOf(tx, bookingId, lineId);
  // The booking's own count, pax and nights stay: the booking is still sold.
  await insertRows(
    tx,
    reversalRows(
      nets.map((n) => ({ ...n, bookings: 0, pax: 0, nights: 0 })),
      'dropped',
      at,
    ),
  );
}
