// Pieces several documents print alike: a traveller's name, the booking's dates, the
// travellers list, the services table without prices, and a QR code.

import QRCode from 'qrcode';
import type { BookingView } from '../bookings/read-booking.ts';
import { boughtLineKinds } from '../pricing/engine-types.ts';
import type { DocumentLabels } from './labels.ts';
import {
  type DocumentLocale,
  type DocumentTemplate,
  drawTable,
  formatDate,
  heading,
  type PdfDocument,
  paragraph,
} from './pdf.ts';

/**
 * Who reads a document: `private` for staff and the signed-in customer (and the e-mails sent
 * to the customer), `public` for anyone holding its link — the voucher opened from its QR
 * code, with no sign-in. A public document names the travellers and nothing more about them:
 * no birth dates, no identity documents.
 */
export type DocumentAudience = 'private' | 'public';

/** What every document is drawn from: the booking as its reader may see it, the look, the language. */
export interface DocumentInput {
  booking: BookingView;
  template: DocumentTemplate;
  locale: DocumentLocale;
  /** `private` unless said. */
  audience?: DocumentAudience;
}

type Traveller = BookingView['travellers'][number];

const HAN = /^[\u3400-\u9FFF]+$/u;

/** "Jana Nováková"; Chinese names family name first and unspaced: "王芳". */
export function travellerName(t: { firstName: string; lastName: string }): string {
  if (HAN.test(t.firstName) && HAN.test(t.lastName)) return `${t.lastName}${t.firstName}`;
  return `${t.firstName} ${t.lastName}`;
}

export function travellerLine(
  t: Traveller,
  labels: DocumentLabels,
  locale: DocumentLocale,
  audience: DocumentAudience = 'private',
) {
  const child = t.child ? ` (${labels.child})` : '';
  if (audience === 'public') return `${travellerName(t)}${child}`;
  return `${travellerName(t)}${child}, ${formatDate(t.birthDate, locale)}`;
}

export function dateRange(from: string, to: string, locale: DocumentLocale): string {
  if (from === to) return formatDate(from, locale);
  return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
}

/** Lines a customer recognizes as services (not price rules, fees or commissions). */
const serviceKinds = new Set<string>(boughtLineKinds);

export function serviceLines(booking: BookingView) {
  return booking.lines.filter((l) => serviceKinds.has(l.kind));
}

export function travellersSection(doc: PdfDocument, input: DocumentInput, labels: DocumentLabels) {
  heading(doc, labels.travellers);
  input.booking.travellers.forEach((t, i) => {
    paragraph(doc, `${i + 1}. ${travellerLine(t, labels, input.locale, input.audience)}`);
  });
}

/** The services with their dates and quantities; no prices (vouchers, instructions). */
export function servicesSection(doc: PdfDocument, input: DocumentInput, labels: DocumentLabels) {
  const lines = serviceLines(input.booking);
  if (lines.length === 0) return;
  heading(doc, labels.services);
  drawTable(
    doc,
    [
      { header: labels.description, weight: 5 },
      { header: labels.dates, weight: 3 },
      { header: labels.quantity, weight: 1, align: 'right' },
    ],
    lines.map((l) => [
      l.label,
      l.from && l.to
        ? dateRange(l.from, l.to, input.locale)
        : l.from
          ? formatDate(l.from, input.locale)
          : '',
      String(l.quantity),
    ]),
  );
}

/** A QR code as PNG bytes, for `doc.image`. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/** The travellers a line is for (indexes into the party); all when it names none. */
export function travellersOfLine(booking: BookingView, indexes: readonly number[]): Traveller[] {
  const named = indexes.map((i) => booking.travellers[i]).filter((t): t is Traveller => !!t);
  return named.length > 0 ? named : booking.travellers;
}
