// Departure instructions (D1): when and where to meet (the boarding stop of the transport
// lines, when the booking has any), what to bring, and the agency's emergency phone.
import { labelsFor } from './labels.ts';
import { createPdf, formatDate, heading, keyValues, paragraph, pdfToBuffer } from './pdf.ts';
import { type DocumentInput, servicesSection, travellersSection } from './sections.ts';

export async function renderInstructions(input: DocumentInput): Promise<Buffer> {
  const { booking, locale, template } = input;
  const labels = labelsFor(locale);
  const doc = createPdf({ locale, title: labels.instructions, template });
  keyValues(doc, [
    [labels.bookingNumber, booking.number],
    [labels.product, booking.productName],
    [labels.departure, formatDate(booking.from, locale)],
    [labels.return, formatDate(booking.to, locale)],
  ]);

  heading(doc, labels.meetingPoint);
  const transport = booking.lines.filter((l) => l.kind === 'transport');
  if (transport.length === 0) paragraph(doc, labels.meetingPointUnknown);
  for (const line of transport) {
    paragraph(doc, `${line.from ? `${formatDate(line.from, locale)}: ` : ''}${line.label}`);
  }
  travellersSection(doc, input, labels);
  servicesSection(doc, input, labels);

  heading(doc, labels.whatToBring);
  paragraph(doc, labels.whatToBringText);
  if (template.emergencyPhone) {
    heading(doc, labels.emergencyPhone);
    paragraph(doc, `${labels.emergencyPhoneText} ${template.emergencyPhone}`, { bold: true });
  }
  return pdfToBuffer(doc);
}
