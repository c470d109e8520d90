// Use cases of the documents module (D1, D2): which documents a booking has, each rendered as
// a PDF in the customer's language (or one asked for), and the voucher's public code and page.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, type Ctx, inTransaction } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { mailCustomer } from '../bookings/customer-mail.ts';
import { type BookingView, getBooking } from '../bookings/read-booking.ts';
import { customerVisibleLines } from '../bookings/visible-lines.ts';
import { recordAudit } from '../identity/audit.ts';
import { defaultPaymentTerms } from '../payments/types.ts';
import { renderContract } from './contract.ts';
import { renderETickets, type TicketSeat, ticketLines } from './eticket.ts';
import { renderInstructions } from './instructions.ts';
import { labelsFor } from './labels.ts';
import { type DocumentLocale, isDocumentLocale } from './pdf.ts';
import {
  agencyNameOf,
  bookingOfVoucherCode,
  claimVoucherCode,
  invoiceIdsOf,
  voucherCodeOf,
} from './repo.ts';
import { type DocumentAudience, serviceLines, travellerName } from './sections.ts';
import { documentTemplateOf } from './template-service.ts';
import { renderVoucher } from './voucher.ts';

export const documentKinds = ['voucher', 'contract', 'instructions', 'eticket'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface RenderOptions {
  /** Overrides the customer's language. */
  locale?: DocumentLocale;
  /** E-tickets: only the line at this position. */
  line?: number;
  /** Where the voucher's QR code points: `${publicUrl}/v/${code}`. */
  publicUrl: string;
  /** `public` for a document opened without signing in (see DocumentAudience). */
  audience?: DocumentAudience;
}

export interface RenderedDocument {
  kind: DocumentKind;
  locale: DocumentLocale;
  filename: string;
  pdf: Buffer;
}

/**
 * Travel documents let their holder travel: a hotel or a carrier honours them on sight. Once
 * the booking is cancelled they are withdrawn, not reprinted with a VOID stamp (a printout is
 * shown at a desk where nobody reads a stamp, and a copy made before looks the same): they are
 * no longer listed, rendered or sent (409). The contract and the instructions stay, as the
 * record of what was sold and on what terms.
 */
const travelDocuments: ReadonlySet<DocumentKind> = new Set(['voucher', 'eticket']);

/** True when `kind` of this booking is withdrawn (a travel document of a cancelled booking). */
export function isWithdrawn(booking: { status: string }, kind: DocumentKind): boolean {
  return booking.status === 'cancelled' && travelDocuments.has(kind);
}

function withdrawn(booking: { number: string }, kind: DocumentKind, path?: string): Conflict {
  const what = kind === 'eticket' ? 'e-tickets are' : 'voucher is';
  const message = `the booking ${booking.number} is cancelled: its ${what} withdrawn`;
  return new Conflict(message, path ? [{ path, message }] : undefined);
}

/** The customer's language when documents are written in it, else English. */
export function documentLocaleOf(booking: BookingView): DocumentLocale {
  return isDocumentLocale(booking.customer.locale) ? booking.customer.locale : 'en';
}

/** The documents a booking has, with where to get each (the reader's access as for the booking). */
export async function listDocuments(ctx: Ctx, bookingId: string) {
  const booking = await getBooking(ctx, bookingId);
  const locale = documentLocaleOf(booking);
  const labels = labelsFor(locale);
  const base = `/api/v1/bookings/${booking.id}/documents`;
  const tickets = ticketLines(booking);
  const titles: Record<DocumentKind, string> = {
    voucher: labels.voucher,
    contract: labels.contract,
    instructions: labels.instructions,
    eticket: labels.eticket,
  };
  const kinds = documentKinds.filter(
    (k) => (k !== 'eticket' || tickets.length > 0) && !isWithdrawn(booking, k),
  );
  return {
    locale,
    items: kinds.map((kind) => ({
      kind,
      title: titles[kind],
      url: `${base}/${kind}.pdf`,
      ...(kind === 'eticket'
        ? {
            lines: tickets.map((l) => ({
              position: l.position,
              label: l.label,
              url: `${base}/eticket.pdf?line=${l.position}`,
            })),
          }
        : {}),
    })),
  };
}

/** The booking's voucher code, given now (in a transaction) if it has none yet. */
export async function ensureVoucherCode(ctx: Ctx, bookingId: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const existing = await voucherCodeOf(tx, bookingId);
    if (existing) return existing;
    // 128 random bits: the code is the only credential of the public voucher page.
    const claimed = await claimVoucherCode(tx, bookingId, randomBytes(16).toString('base64url'));
    if (!claimed) throw new NotFound('booking', bookingId);
    return claimed;
  });
}

export function voucherUrlOf(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v/${code}`;
}

/** One document of a booking the reader may see, as a PDF. */
export async function renderBookingDocument(
  ctx: Ctx,
  bookingId: string,
  kind: DocumentKind,
  options: RenderOptions,
): Promise<RenderedDocument> {
  const booking = await getBooking(ctx, bookingId);
  return renderDocumentOf(ctx, booking, kind, options);
}

/** The booking's seats with the transport and date of their departure, for its e-tickets. */
async function ticketSeatsOf(ctx: Ctx, bookingId: string): Promise<TicketSeat[]> {
  const rows = await ctx.db
    .selectFrom('departureSeats as s')
    .innerJoin('transportDepartures as d', (j) =>
      j.onRef('d.agencyId', '=', 's.agencyId').onRef('d.id', '=', 's.departureId'),
    )
    .select(['d.transportId', 'd.date', 's.traveller', 's.label'])
    .where('s.agencyId', '=', ctx.agencyId)
    .where('s.bookingId', '=', bookingId)
    .execute();
  return rows.map((r) => ({ ...r, traveller: r.traveller as number }));
}

/** A document of a booking already read: several documents of one booking read it once. */
export async function renderDocumentOf(
  ctx: Ctx,
  booking: BookingView,
  kind: DocumentKind,
  options: RenderOptions,
): Promise<RenderedDocument> {
  if (isWithdrawn(booking, kind)) throw withdrawn(booking, kind);
  const locale = options.locale ?? documentLocaleOf(booking);
  const template = await documentTemplateOf(ctx);
  // Every document goes to the customer, whoever prints it: only the lines a customer sees.
  const input = {
    booking: { ...booking, lines: customerVisibleLines(booking.lines) },
    template,
    locale,
    audience: options.audience ?? 'private',
  };
  let pdf: Buffer;
  switch (kind) {
    case 'voucher': {
      const code = await ensureVoucherCode(ctx, booking.id);
      pdf = await renderVoucher({ ...input, voucherUrl: voucherUrlOf(options.publicUrl, code) });
      break;
    }
    case 'contract': {
      const agency = await agencyNameOf(ctx);
      pdf = await renderContract({
        ...input,
        paymentTerms: agency.paymentTerms ?? defaultPaymentTerms,
      });
      break;
    }
    case 'instructions':
      pdf = await renderInstructions(input);
      break;
    case 'eticket':
      pdf = await renderETickets({
        ...input,
        seats: await ticketSeatsOf(ctx, booking.id),
        ...(options.line === undefined ? {} : { position: options.line }),
      });
      break;
    default:
      throw new Error(`unknown document kind ${kind satisfies never}`);
  }
  const suffix = kind === 'eticket' && options.line !== undefined ? `-${options.line}` : '';
  return { kind, locale, filename: `${kind}-${booking.number}${suffix}-${locale}.pdf`, pdf };
}

export const sendableDocuments = [...documentKinds, 'invoice'] as const;
export type SendableDocument = (typeof sendableDocuments)[number];

/**
 * E-mails documents of a booking again (to the customer, or to the address given): the
 * booking's own documents and, for `invoice`, every invoice and credit note of it. The message
 * is queued with an audit entry in one transaction; the PDFs are rendered when it leaves.
 */
export async function sendDocuments(
  ctx: Ctx,
  bookingId: string,
  input: { documents?: SendableDocument[] | null; to?: string | null },
): Promise<{ to: string; documents: SendableDocument[] }> {
  const booking = await getBooking(ctx, bookingId);
  const asked = [...new Set<SendableDocument>(input.documents ?? ['voucher', 'contract'])];
  if (asked.length === 0) throw Invalid.field('/documents', 'name at least one document');
  const to = input.to?.trim() || booking.customer.email;
  if (!to) {
    throw new Conflict('the customer has no e-mail address: give one in `to`', [
      { path: '/to', message: 'is required: the customer has no e-mail address' },
    ]);
  }
  asked.forEach((kind, index) => {
    if (kind !== 'invoice' && isWithdrawn(booking, kind)) {
      throw withdrawn(booking, kind, `/documents/${index}`);
    }
  });
  if (asked.includes('eticket') && ticketLines(booking).length === 0) {
    throw new Conflict('the booking has no transport or ticket lines, so no e-tickets', [
      { path: `/documents/${asked.indexOf('eticket')}`, message: 'the booking has no e-tickets' },
    ]);
  }
  const invoiceIds = asked.includes('invoice') ? await invoiceIdsOf(ctx, bookingId) : [];
  if (asked.includes('invoice') && invoiceIds.length === 0) {
    throw new Conflict(`booking ${booking.number} has no invoice yet`, [
      { path: `/documents/${asked.indexOf('invoice')}`, message: 'the booking has no invoice' },
    ]);
  }
  const documents = asked.filter((d): d is DocumentKind => d !== 'invoice');
  await inTransaction(ctx, async (tx) => {
    await mailCustomer(tx, bookingId, { kind: 'documents' }, { documents, invoiceIds, to });
    await recordAudit(tx, {
      action: 'documents.sent',
      entityType: 'booking',
      entityId: bookingId,
      after: { to, documents: asked, invoiceIds },
    });
  });
  return { to, documents: asked };
}

// Whoever holds a voucher code may see that voucher: the code is the credential. The public
// routes read the booking as this actor and show only the voucher's essentials.
const voucherReader: Actor = {
  type: 'system',
  id: null,
  userId: null,
  name: 'voucher code',
  role: 'customer_service',
};

async function bookingOfCode(db: Kysely<DB>, code: string) {
  const found = /^[A-Za-z0-9_-]{22}$/.test(code) ? await bookingOfVoucherCode(db, code) : undefined;
  if (!found) throw new NotFound('voucher', code);
  const ctx: Ctx = { db, agencyId: found.agencyId, actor: voucherReader };
  return { ctx, booking: await getBooking(ctx, found.id) };
}

/** The voucher page's data: no prices, no personal data beyond the travellers' names. */
export async function publicVoucher(db: Kysely<DB>, code: string) {
  const { ctx, booking } = await bookingOfCode(db, code);
  const template = await documentTemplateOf(ctx);
  return {
    code,
    number: booking.number,
    agencyName: template.agencyName,
    productName: booking.productName,
    from: booking.from,
    to: booking.to,
    status: booking.status,
    cancelled: booking.cancellation !== null,
    locale: documentLocaleOf(booking),
    offer: booking.offer ? { name: booking.offer.name } : null,
    variantName: booking.variantName,
    travellers: booking.travellers.map((t) => ({ name: travellerName(t) })),
    services: serviceLines(booking).map((l) => ({
      label: l.label,
      from: l.from,
      to: l.to,
      quantity: l.quantity,
    })),
    requiredActions: booking.requiredActions.map((a) => ({
      title: a.title,
      instructions: a.instructions,
      dueDate: a.dueDate,
      done: a.done ? { at: a.done.at } : null,
    })),
    actionsDone: booking.actionsDone,
  };
}

/**
 * The voucher PDF of a public code, in the customer's language or the one asked for. Anyone
 * with the link reads it without signing in: it names the travellers, without birth dates or
 * identity documents (the signed-in voucher keeps them).
 */
export async function publicVoucherPdf(
  db: Kysely<DB>,
  code: string,
  options: RenderOptions,
): Promise<RenderedDocument> {
  const { ctx, booking } = await bookingOfCode(db, code);
  return renderDocumentOf(ctx, booking, 'voucher', { ...options, audience: 'public' });
}
