// E-tickets (D1): one per transport or attraction line of the booking, each with its
// travellers, its date, and a QR code carrying the booking number and the line's position
// (what a driver's or a gate's scanner checks against the manifest).
import { Invalid } from '../../errors.ts';
import type { BookingView } from '../bookings/read-booking.ts';
import { labelsFor } from './labels.ts';
import { createPdf, formatDate, heading, keyValues, paragraph, pdfToBuffer } from './pdf.ts';
import {
  type DocumentInput,
  dateRange,
  qrPng,
  travellerName,
  travellersOfLine,
} from './sections.ts';

export const ticketKinds = ['transport', 'ticket'] as const;

export function ticketLines(booking: BookingView) {
  return booking.lines.filter((l) => (ticketKinds as readonly string[]).includes(l.kind));
}

/** What a ticket's QR code holds: `CARAVEL-TICKET:<booking number>:<line position>`. */
export function ticketCode(bookingNumber: string, position: number): string {
  return `CARAVEL-TICKET:${bookingNumber}:${position}`;
}

/** All the booking's tickets in one PDF, or only the line at `position` when given. */
export async function renderETickets(
  input: DocumentInput & { position?: number },
): Promise<Buffer> {
  const { booking, locale, template } = input;
  const labels = labelsFor(locale);
  const all = ticketLines(booking);
  const lines =
    input.position === undefined ? all : all.filter((l) => l.position === input.position);
  if (input.position !== undefined && lines.length === 0) {
    throw Invalid.field(
      '/line',
      `booking ${booking.number} has no ticket line at position ${input.position}; ticket lines: ${all.map((l) => l.position).join(', ') || 'none'}`,
    );
  }
  const doc = createPdf({ locale, title: labels.eticket, template });
  if (lines.length === 0) paragraph(doc, labels.noTickets);
  for (const [i, line] of lines.entries()) {
    if (i > 0) doc.addPage();
    heading(doc, labels.ticketOf(i + 1, lines.length));
    keyValues(doc, [
      [labels.bookingNumber, booking.number],
      [labels.ticket, line.label],
      [
        labels.validOn,
        line.from && line.to && line.to !== line.from
          ? dateRange(line.from, line.to, locale)
          : formatDate(line.from ?? booking.from, locale),
      ],
      [labels.route, booking.productName],
      [labels.travellers, travellersOfLine(booking, line.travellers).map(travellerName).join(', ')],
      ...(booking.cancellation
        ? ([[labels.status, labels.cancelled]] as Array<[string, string]>)
        : []),
    ]);
    const code = ticketCode(booking.number, line.position);
    const size = 130;
    const y = doc.y + 10;
    doc.image(await qrPng(code), doc.page.margins.left, y, { width: size, height: size });
    doc.y = y + size + 4;
    paragraph(doc, code, { size: 8, color: '#555555' });
  }
  return pdfToBuffer(doc);
}
