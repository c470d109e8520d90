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

/** A traveller's seat on the departure of a transport on a date. */
export interface TicketSeat {
  transportId: string;
  date: string;
  traveller: number;
  label: string;
}

export function ticketLines(booking: BookingView) {
  return booking.lines.filter((l) => (ticketKinds as readonly string[]).includes(l.kind));
}

/** What a ticket's QR code holds: `CARAVEL-TICKET:<booking number>:<line position>`. */
export function ticketCode(bookingNumber: string, position: number): string {
  return `CARAVEL-TICKET:${bookingNumber}:${position}`;
}

/** Where and when a transport ticket's travellers board: the stop, its date and time. */
function boardingOf(
  booking: BookingView,
  line: BookingView['lines'][number],
  locale: DocumentInput['locale'],
  labels: ReturnType<typeof labelsFor>,
): Array<[string, string]> {
  if (line.kind !== 'transport') return [];
  const boarding = booking.boarding.find(
    (b) => b.transportId === line.productId && (!b.legDate || b.legDate === line.from),
  );
  if (!boarding) return [];
  return [
    [labels.boarding, `${boarding.place} · ${formatDate(boarding.date, locale)} ${boarding.time}`],
  ];
}

/** All the booking's tickets in one PDF, or only the line at `position` when given. */
export async function renderETickets(
  input: DocumentInput & { position?: number; seats?: readonly TicketSeat[] },
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
      ...boardingOf(booking, line, locale, labels),
      [
        labels.travellers,
        travellersOfLine(booking, line.travellers)
          .map((t) => {
            // A transport ticket names each traveller's seat on that departure.
            const seat = input.seats?.find(
              (s) =>
                line.kind === 'transport' &&
                s.transportId === line.productId &&
                s.date === line.from &&
                s.traveller === t.position,
            );
            return seat ? `${travellerName(t)} (${labels.seat} ${seat.label})` : travellerName(t);
          })
          .join(', '),
      ],
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
