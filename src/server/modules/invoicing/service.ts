// Invoicing use cases (D3): issue an invoice of a booking, credit it, issue one by itself when
// the agency's policy says so (on booking, or on payment through `onBookingPaid`), read them.
// Each write is one transaction that numbers the document gaplessly in its series.

import Decimal from 'decimal.js';
import { addDays, todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { InvoiceParty } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { customerVisibleLines } from '../bookings/visible-lines.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import type { CustomerAddress } from '../customers/types.ts';
import { recordAudit } from '../identity/audit.ts';
import { boughtLineKinds } from '../pricing/engine-types.ts';
import { convert, format, money, rounding } from '../pricing/money.ts';
import { rateOn } from '../pricing/rates.ts';
import { allocateInvoiceNumber } from './numbers.ts';
import { type InvoiceView, presentInvoice } from './present.ts';
import * as repo from './repo.ts';
import { findInvoicingSettings, type InvoicingSettings } from './settings.ts';
import { toUbl } from './ubl.ts';
import { type ChargeLine, computeVat, marginScheme, type VatResult, vatRateOf } from './vat.ts';

export interface CreditNoteInput {
  reason: string;
  /** Gross amounts to credit per invoice line (same sign as the line); all that is left if absent. */
  lines?: Array<{ position: number; amount: number }> | null;
}

interface Draft {
  settings: InvoicingSettings;
  bookingId: string;
  currency: string;
  customer: InvoiceParty;
  vat: VatResult;
  tax: { currency: string; rate: string; vat: number } | null;
  issueDate: string;
}

type Drafted = { ok: true; draft: Draft } | { ok: false; refusal: Conflict };

/** The line kind whose VAT rate a cancellation fee takes (`vatRates.cancellation_fee`, else the default). */
export const cancellationFeeKind = 'cancellation_fee';

async function requireSettings(ctx: Ctx): Promise<InvoicingSettings> {
  const settings = await findInvoicingSettings(ctx);
  if (!settings) {
    throw new Conflict(
      'invoicing is not set up: an admin sets it at PUT /api/v1/settings/invoicing',
    );
  }
  return settings;
}

function supplierOf(settings: InvoicingSettings) {
  return {
    name: settings.legalName,
    vatId: settings.vatId,
    registrationId: settings.registrationId,
    street: settings.street,
    city: settings.city,
    postalCode: settings.postalCode,
    country: settings.country,
    email: settings.email,
    iban: settings.iban,
    bic: settings.bic,
  };
}

async function customerParty(
  ctx: Ctx,
  customerId: string,
  settings: InvoicingSettings,
): Promise<InvoiceParty> {
  const c = await repo.customerOf(ctx, customerId);
  const address = (c.address ?? {}) as CustomerAddress;
  return {
    name: displayNameOf(c),
    vatId: c.vatId,
    registrationId: c.registrationId,
    street: address.street ?? null,
    city: address.city ?? null,
    postalCode: address.postalCode ?? null,
    // EN 16931 asks every buyer for a country (BR-11): a traveller known without an address
    // is placed by nationality, or else in the seller's country.
    country: address.country ?? c.nationality?.trim() ?? settings.country,
    email: c.email,
  };
}

/**
 * Booking lines that change the price of other lines (rule discounts and surcharges, package
 * and buy-N-get-M differences, demand pricing): their VAT follows the lines they change.
 */
const adjustmentKinds = new Set(['discount', 'surcharge', 'dynamic']);
/** What price rules change: what is bought, not channel fees (as in pricing's rule base). */
const adjustedKinds = new Set<string>([...boughtLineKinds, 'booking']);

/**
 * The lines an adjustment changes, as indexes into `lines`: what is bought, of the travellers
 * it names (a buy-N-get-M line names the travellers it frees), or of everyone when it names none.
 */
function linesAdjustedBy(
  adjustment: { travellers: unknown },
  lines: ReadonlyArray<{ kind: string; travellers: unknown }>,
): number[] {
  const travellersOf = (value: unknown): number[] =>
    Array.isArray(value) ? value.filter((t): t is number => typeof t === 'number') : [];
  const named = new Set(travellersOf(adjustment.travellers));
  const bought = lines.flatMap((line, index) => (adjustedKinds.has(line.kind) ? [index] : []));
  const theirs = bought.filter((index) =>
    travellersOf(lines[index]?.travellers).some((t) => named.has(t)),
  );
  return theirs.length > 0 ? theirs : bought;
}

/** What an invoice of the booking would be, or why there can be none now. */
async function draftInvoice(
  ctx: Ctx,
  settings: InvoicingSettings,
  bookingId: string,
  now: Date,
): Promise<Drafted> {
  const booking = await repo.lockBooking(ctx, bookingId);
  const refuse = (message: string): Drafted => ({ ok: false, refusal: new Conflict(message) });
  const fee = Number(booking.cancellationFee ?? 0);
  if (booking.status === 'cancelled' && fee <= 0) {
    return refuse(
      `booking ${booking.number} was cancelled free of charge: there is nothing to invoice`,
    );
  }
  const open = await repo.openInvoiceOf(ctx, bookingId);
  if (open) {
    return refuse(
      `booking ${booking.number} is invoiced already as ${open.number}; credit it first to invoice again`,
    );
  }
  const policy = {
    scheme: settings.vatScheme,
    defaultRate: settings.defaultVatRate,
    ratesByKind: settings.vatRates,
  };
  if (booking.status === 'cancelled') {
    // What a cancelled booking still owes is its cancellation fee: one line, all margin.
    const lines: ChargeLine[] = [
      {
        description: `Cancellation fee, booking ${booking.number}`,
        quantity: 1,
        gross: fee,
        rate: vatRateOf(policy, cancellationFeeKind),
        cost: 0,
        bookingLinePosition: null,
      },
    ];
    return draftOf(ctx, settings, booking, lines, now);
  }
  // Commissions are what the agency pays its channel, not what the customer buys.
  const billable = customerVisibleLines(await repo.currentBookingLines(ctx, bookingId)).filter(
    (l) => Number(l.amount) !== 0,
  );
  const lines: ChargeLine[] = billable.map((l) => ({
    description: l.fromDate && l.toDate ? `${l.label}, ${l.fromDate} – ${l.toDate}` : l.label,
    quantity: l.quantity,
    gross: Number(l.amount),
    rate: vatRateOf(policy, l.kind),
    cost: l.cost === null ? null : Number(l.cost),
    bookingLinePosition: l.position,
    ...(adjustmentKinds.has(l.kind) ? { spreadOver: linesAdjustedBy(l, billable) } : {}),
  }));
  const linesTotal = lines.reduce((a, l) => a + l.gross, 0);
  const total = Number(booking.total);
  if (total !== linesTotal && lines.length > 0) {
    // A price agreed with the customer (a staff override) differs from the priced lines.
    lines.push({
      description: 'Price adjustment (agreed price)',
      quantity: 1,
      gross: total - linesTotal,
      rate: policy.defaultRate,
      cost: 0,
      bookingLinePosition: null,
      spreadOver: [],
    });
  }
  if (lines.length === 0 || total <= 0) {
    return refuse(`booking ${booking.number} has nothing to invoice (its total is ${total})`);
  }
  return draftOf(ctx, settings, booking, lines, now);
}

/** The invoice of these lines: VAT, the accounting-currency VAT when foreign, the buyer. */
async function draftOf(
  ctx: Ctx,
  settings: InvoicingSettings,
  booking: { id: string; currency: string; customerId: string },
  lines: ChargeLine[],
  now: Date,
): Promise<Drafted> {
  const refuse = (message: string): Drafted => ({ ok: false, refusal: new Conflict(message) });
  const bookingId = booking.id;
  const currency = booking.currency.trim();
  const issueDate = todayUtc(now);
  const vat = computeVat(settings.vatScheme, lines, settings.defaultVatRate);
  let tax: Draft['tax'] = null;
  if (currency !== settings.accountingCurrency) {
    try {
      const rate = await rateOn(ctx, currency, settings.accountingCurrency, issueDate);
      const inAccounting = convert(
        money(vat.vat, currency),
        settings.accountingCurrency,
        rate.rate,
      );
      tax = { currency: settings.accountingCurrency, rate: rate.rate, vat: inAccounting.amount };
    } catch (error) {
      if (error instanceof Conflict) {
        return refuse(`${error.message}: record one to invoice in ${currency}`);
      }
      throw error;
    }
  }
  const customer = await customerParty(ctx, booking.customerId, settings);
  return { ok: true, draft: { settings, bookingId, currency, customer, vat, tax, issueDate } };
}

async function storeInvoice(ctx: Ctx, draft: Draft, now: Date): Promise<string> {
  const { settings, vat } = draft;
  const id = newId();
  const number = await allocateInvoiceNumber(
    ctx,
    settings.invoiceSeries,
    Number(draft.issueDate.slice(0, 4)),
  );
  await repo.insertInvoice(
    ctx,
    {
      id,
      agencyId: ctx.agencyId,
      bookingId: draft.bookingId,
      kind: 'invoice',
      number,
      series: settings.invoiceSeries,
      issueDate: draft.issueDate,
      dueDate: addDays(draft.issueDate, settings.paymentTermsDays),
      currency: draft.currency,
      supplier: supplierOf(settings),
      customer: draft.customer,
      vatScheme: settings.vatScheme,
      net: vat.net,
      vat: vat.vat,
      gross: vat.gross,
      marginVat: vat.marginVat,
      taxCurrency: draft.tax?.currency ?? null,
      taxRate: draft.tax?.rate ?? null,
      vatInTaxCurrency: draft.tax?.vat ?? null,
      creditedInvoiceId: null,
      reason: null,
      note: settings.vatScheme === 'margin' ? marginScheme.note : null,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.name,
      createdAt: now,
    },
    vat.lines,
  );
  await recordAudit(ctx, {
    action: 'invoice.issued',
    entityType: 'booking',
    entityId: draft.bookingId,
    after: { invoiceId: id, number, gross: vat.gross, currency: draft.currency },
  });
  return id;
}

/** Issues the invoice of a booking's current lines (409 when invoiced already or nothing to invoice). */
export async function issueInvoice(
  ctx: Ctx,
  bookingId: string,
  now: Date = new Date(),
): Promise<InvoiceView> {
  const id = await inTransaction(ctx, async (tx) => {
    await repo.lockBooking(tx, bookingId); // 404 for another agency's, before anything else
    const settings = await requireSettings(tx);
    const drafted = await draftInvoice(tx, settings, bookingId, now);
    if (!drafted.ok) throw drafted.refusal;
    return storeInvoice(tx, drafted.draft, now);
  });
  return getInvoice(ctx, id);
}

/** Issues an invoice when the agency's policy is `when`; a booking that cannot be invoiced is noted, not refused. */
async function autoIssue(
  ctx: Ctx,
  bookingId: string,
  when: 'on_booking' | 'on_paid',
  now: Date,
): Promise<string | null> {
  return inTransaction(ctx, async (tx) => {
    const settings = await findInvoicingSettings(tx);
    if (settings?.autoIssue !== when) return null;
    const drafted = await draftInvoice(tx, settings, bookingId, now);
    if (drafted.ok) return storeInvoice(tx, drafted.draft, now);
    await recordAudit(tx, {
      action: 'invoice.auto_issue_skipped',
      entityType: 'booking',
      entityId: bookingId,
      after: { when },
      reason: drafted.refusal.message,
    });
    return null;
  });
}

/**
 * Call inside the booking's creating transaction: issues its invoice when the agency issues
 * on booking. Returns the invoice id, or null.
 */
export function issueInvoiceOnBookingCreated(
  tx: Ctx,
  bookingId: string,
  now: Date = new Date(),
): Promise<string | null> {
  return autoIssue(tx, bookingId, 'on_booking', now);
}

/**
 * For the payments module: call it (inside the transaction that records the payment) once a
 * booking is paid in full. When the agency's policy is `on_paid` and the booking has no open
 * invoice, its invoice is issued in that transaction and its id returned; otherwise null.
 * It never throws for a booking that cannot be invoiced (it is noted in the booking's history).
 */
export function onBookingPaid(
  tx: Ctx,
  bookingId: string,
  now: Date = new Date(),
): Promise<string | null> {
  return autoIssue(tx, bookingId, 'on_paid', now);
}

/**
 * For the bookings module: call it inside the cancelling transaction. When the agency invoices
 * by itself (any policy but `never`), the booking's open invoice is credited in full and its
 * cancellation fee, if any, invoiced. Returns the ids of what was issued (credit note first).
 */
export async function onBookingCancelled(
  tx: Ctx,
  bookingId: string,
  now: Date = new Date(),
): Promise<string[]> {
  const settings = await findInvoicingSettings(tx);
  if (!settings || settings.autoIssue === 'never') return [];
  const issued: string[] = [];
  const open = await repo.openInvoiceOf(tx, bookingId);
  if (open) {
    const note = await issueCreditNote(tx, open.id, { reason: 'Booking cancelled' }, now);
    issued.push(note.id);
  }
  const drafted = await draftInvoice(tx, settings, bookingId, now);
  if (drafted.ok) issued.push(await storeInvoice(tx, drafted.draft, now));
  return issued;
}

function creditLines(
  stored: repo.StoredInvoice,
  credited: Map<number, number>,
  asked: CreditNoteInput['lines'],
): ChargeLine[] {
  const lineOf = (position: number) => stored.lines.find((l) => l.position === position);
  const charge = (position: number, gross: number): ChargeLine => {
    const line = lineOf(position);
    if (!line) throw new Error(`invoice line ${position} vanished`);
    return {
      description: line.description,
      quantity: gross === Number(line.gross) ? Math.abs(line.quantity) : 1,
      gross,
      rate: line.vatRate,
      creditedLinePosition: position,
      bookingLinePosition: line.bookingLinePosition,
    };
  };
  if (!asked) {
    return stored.lines
      .map((l) => ({
        position: l.position,
        left: Number(l.gross) - (credited.get(l.position) ?? 0),
      }))
      .filter((l) => l.left !== 0)
      .map((l) => charge(l.position, l.left));
  }
  const currency = stored.invoice.currency.trim();
  const seen = new Set<number>();
  return asked.map(({ position, amount }, index) => {
    const line = lineOf(position);
    if (!line) {
      throw Invalid.field(`/lines/${index}/position`, `the invoice has no line ${position}`);
    }
    if (seen.has(position)) {
      throw Invalid.field(`/lines/${index}/position`, `line ${position} is named twice`);
    }
    seen.add(position);
    const gross = Number(line.gross);
    if (amount === 0 || Math.sign(amount) !== Math.sign(gross)) {
      throw Invalid.field(`/lines/${index}/amount`, `must have the sign of the line (${gross})`);
    }
    const before = credited.get(position) ?? 0;
    if (Math.abs(before + amount) > Math.abs(gross)) {
      const show = (minor: number) => format(money(minor, currency), 'en');
      throw new Conflict(
        `line ${position} was invoiced at ${show(gross)} and ${show(before)} is credited already: at most ${show(gross - before)} more can be credited`,
        [{ path: `/lines/${index}/amount`, message: `at most ${gross - before}` }],
      );
    }
    return charge(position, amount);
  });
}

/**
 * The margin-scheme VAT a credit note of `gross` takes back from its invoice, `before` being
 * credited already: the invoice's margin VAT in proportion to what is credited, counted on the
 * running total (round(M × after ÷ G) − round(M × before ÷ G)), so that the credit notes of an
 * invoice credited in full take back exactly its margin VAT, however it was split. Null when
 * the invoice's margin VAT is unknown (or it is not under the margin scheme).
 */
export function marginVatCredited(
  invoice: { marginVat: number | string | null; gross: number | string },
  before: number,
  gross: number,
): number | null {
  if (invoice.marginVat === null) return null;
  const total = Number(invoice.marginVat);
  const invoiced = Number(invoice.gross);
  if (invoiced <= 0) return null;
  const upTo = (credited: number) =>
    new Decimal(total).mul(credited).div(invoiced).toDecimalPlaces(0, rounding).toNumber();
  return upTo(before + gross) - upTo(before);
}

/** Issues a credit note of an invoice: all that is not credited yet, or the lines asked (409 beyond that). */
export async function issueCreditNote(
  ctx: Ctx,
  invoiceId: string,
  input: CreditNoteInput,
  now: Date = new Date(),
): Promise<InvoiceView> {
  const reason = input.reason.trim();
  if (reason.length < 3) throw Invalid.field('/reason', 'is required: say why it is credited');
  const id = await inTransaction(ctx, async (tx) => {
    // The invoice's row lock queues credit notes of one invoice: none can overshoot another.
    const stored = await repo.findInvoice(tx, invoiceId, { lock: true });
    const settings = await requireSettings(tx);
    const { invoice } = stored;
    if (invoice.kind !== 'invoice') {
      throw new Conflict(`${invoice.number} is a credit note; credit the invoice it corrects`);
    }
    const credited = await repo.creditedByLine(tx, invoiceId);
    const lines = creditLines(stored, credited, input.lines);
    const gross = lines.reduce((a, l) => a + l.gross, 0);
    if (lines.length === 0 || gross <= 0) {
      throw new Conflict(
        lines.length === 0
          ? `${invoice.number} is credited in full already`
          : `the credit note would total ${gross}: credit a positive amount`,
      );
    }
    const vat = computeVat(invoice.vatScheme, lines, settings.defaultVatRate);
    const currency = invoice.currency.trim();
    const taxCurrency = invoice.taxCurrency?.trim() ?? null;
    const issueDate = todayUtc(now);
    const noteId = newId();
    const number = await allocateInvoiceNumber(
      tx,
      settings.creditNoteSeries,
      Number(issueDate.slice(0, 4)),
    );
    await repo.insertInvoice(
      tx,
      {
        id: noteId,
        agencyId: tx.agencyId,
        bookingId: invoice.bookingId,
        kind: 'credit_note',
        number,
        series: settings.creditNoteSeries,
        issueDate,
        dueDate: issueDate,
        currency,
        supplier: invoice.supplier,
        customer: invoice.customer,
        vatScheme: invoice.vatScheme,
        net: vat.net,
        vat: vat.vat,
        gross: vat.gross,
        marginVat: marginVatCredited(
          invoice,
          [...credited.values()].reduce((a, b) => a + b, 0),
          gross,
        ),
        taxCurrency,
        taxRate: invoice.taxRate,
        vatInTaxCurrency:
          taxCurrency && invoice.taxRate
            ? convert(money(vat.vat, currency), taxCurrency, invoice.taxRate).amount
            : null,
        creditedInvoiceId: invoice.id,
        reason,
        note: invoice.note,
        createdBy: tx.actor.userId,
        createdByName: tx.actor.name,
        createdAt: now,
      },
      vat.lines,
    );
    await recordAudit(tx, {
      action: 'invoice.credited',
      entityType: 'booking',
      entityId: invoice.bookingId,
      after: { invoiceId: invoice.id, creditNoteId: noteId, number, gross: vat.gross, currency },
      reason,
    });
    return noteId;
  });
  return getInvoice(ctx, id);
}

/** An invoice or credit note of the agency (404 for another agency's). */
export async function getInvoice(ctx: Ctx, id: string): Promise<InvoiceView> {
  const [invoice] = await presentInvoices(ctx, [id]);
  if (!invoice) throw new NotFound('invoice', id);
  return invoice;
}

export type InvoiceListQuery = Omit<repo.InvoiceListFilter, 'before' | 'after' | 'oldestFirst'> & {
  cursor?: string;
};

/** Invoices as the API shows them, in the order of `ids`, read in a few queries. */
export async function presentInvoices(ctx: Ctx, ids: readonly string[]): Promise<InvoiceView[]> {
  const found = await repo.findInvoices(ctx, ids);
  return found.map(({ stored, credited, bookingNumber, creditedByLine }) =>
    presentInvoice(stored, credited, bookingNumber, creditedByLine),
  );
}

/** The agency's invoices and credit notes, newest first, a page at a time; of one booking when named. */
export async function listInvoices(
  ctx: Ctx,
  filter: InvoiceListQuery,
): Promise<{ items: InvoiceView[]; nextCursor: string | null }> {
  const { cursor, ...rest } = filter;
  checkIssueDates(rest);
  const rows = await repo.listInvoiceRows(ctx, { ...rest, before: decodeCursor(cursor) });
  const page = toPage(rows, filter.limit);
  const items = await presentInvoices(
    ctx,
    page.items.map((row) => row.id),
  );
  return { items, nextCursor: page.nextCursor };
}

/** A range that ends before it starts is a mistake, not an empty list. */
export function checkIssueDates(filter: { from?: string; to?: string }): void {
  if (filter.from !== undefined && filter.to !== undefined && filter.to < filter.from) {
    throw Invalid.field('/to', `must be on or after from (${filter.from})`);
  }
}

/** The e-invoice (UBL 2.1, EN 16931) of an invoice or credit note. */
export async function invoiceXml(ctx: Ctx, id: string): Promise<{ number: string; xml: string }> {
  const invoice = await getInvoice(ctx, id);
  return { number: invoice.number, xml: toUbl(invoice) };
}
