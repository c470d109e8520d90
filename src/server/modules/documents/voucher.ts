// The voucher (D1, D2): what was booked, for whom, and each required action — a red box with
// its instructions while it is open, a green confirmation once staff marked it done — with a
// QR code opening the voucher's public page.
import { inLanguage } from '../bookings/required-actions.ts';
import { labelsFor } from './labels.ts';
import {
  contentWidth,
  createPdf,
  drawBox,
  ensureSpace,
  formatDate,
  heading,
  keyValues,
  pdfToBuffer,
  writeText,
} from './pdf.ts';
import {
  type DocumentInput,
  dateRange,
  qrPng,
  servicesSection,
  travellersSection,
} from './sections.ts';

export async function renderVoucher(
  input: DocumentInput & { voucherUrl: string },
): Promise<Buffer> {
  const { booking, locale } = input;
  const labels = labelsFor(locale);
  const doc = createPdf({ locale, title: labels.voucher, template: input.template });
  const facts: Array<[string, string]> = [
    [labels.bookingNumber, booking.number],
    [labels.product, booking.productName],
    [labels.dates, dateRange(booking.from, booking.to, locale)],
  ];
  if (booking.offer) facts.push([labels.offer, `${booking.offer.name} (${booking.offer.code})`]);
  if (booking.variantName) facts.push([labels.variant, booking.variantName]);
  if (booking.cancellation) facts.push([labels.status, labels.cancelled]);
  keyValues(doc, facts);
  travellersSection(doc, input, labels);
  servicesSection(doc, input, labels);

  // Where and when to board: the place and time a traveller must be at.
  if (booking.boarding.length > 0) {
    heading(doc, labels.boarding);
    keyValues(
      doc,
      booking.boarding.map((b) => [
        `${b.direction === 'outbound' ? labels.outbound : labels.returnLeg}: ${b.transport}`,
        `${formatDate(b.date, locale)} ${b.time} · ${b.place}${b.className ? ` (${b.className})` : ''}`,
      ]),
    );
  }

  if (booking.requiredActions.length > 0) {
    heading(doc, labels.requiredActions);
    for (const action of booking.requiredActions) {
      // In the document's language, which may not be the customer's the view was read in.
      const title = inLanguage(action.texts.title, locale);
      if (action.done) {
        drawBox(doc, 'success', title, labels.doneOn(formatDate(action.done.at, locale)));
      } else {
        const instructions = inLanguage(action.texts.instructions, locale);
        const due = action.dueDate ? `\n${labels.dueBy(formatDate(action.dueDate, locale))}` : '';
        drawBox(doc, 'danger', `${labels.actionOpen}: ${title}`, `${instructions}${due}`);
      }
    }
  }

  // The QR code and, under it, the same address as text and as a link.
  const size = 110;
  ensureSpace(doc, size + 50);
  doc.moveDown(0.5);
  const left = doc.page.margins.left;
  const y = doc.y;
  doc.image(await qrPng(input.voucherUrl), left, y, { width: size, height: size });
  doc.link(left, y, size, size, input.voucherUrl);
  const textLeft = left + size + 12;
  const width = contentWidth(doc) - size - 12;
  writeText(doc, labels.scanToOpen, { x: textLeft, y: y + 20, width, size: 9 });
  writeText(doc, input.voucherUrl, {
    width,
    size: 9,
    color: input.template.primaryColor,
    link: input.voucherUrl,
    underline: true,
  });
  doc.x = left;
  doc.y = y + size + 10;
  return pdfToBuffer(doc);
}
