// The travel contract (D1): the parties, the trip, the travellers, the price line by line,
// the cancellation tiers the booking was sold with, the payment terms and signature lines.
import type { PaymentTerms } from '../payments/types.ts';
import type { CancellationPolicy } from '../pricing/engine-types.ts';
import { labelsFor } from './labels.ts';
import {
  createPdf,
  drawTable,
  formatMoney,
  heading,
  keyValues,
  paragraph,
  pdfToBuffer,
  signatureLines,
} from './pdf.ts';
import { type DocumentInput, dateRange, travellersSection } from './sections.ts';

export async function renderContract(
  input: DocumentInput & { paymentTerms: PaymentTerms },
): Promise<Buffer> {
  const { booking, locale, template } = input;
  const labels = labelsFor(locale);
  const doc = createPdf({ locale, title: labels.contract, template });
  keyValues(doc, [[labels.bookingNumber, booking.number]]);

  heading(doc, labels.parties);
  keyValues(doc, [
    [
      labels.agency,
      [template.agencyName, ...template.addressLines, ...template.contactLines].join('\n'),
    ],
    [
      labels.customer,
      [booking.customer.name, booking.customer.email, booking.customer.phone]
        .filter(Boolean)
        .join('\n'),
    ],
  ]);

  heading(doc, labels.trip);
  keyValues(doc, [
    [labels.product, booking.productName],
    [labels.dates, dateRange(booking.from, booking.to, locale)],
    ...(booking.offer ? ([[labels.offer, booking.offer.name]] as Array<[string, string]>) : []),
  ]);
  travellersSection(doc, input, labels);

  heading(doc, labels.price);
  const money = (minor: number) => formatMoney(minor, booking.currency, locale);
  drawTable(
    doc,
    [
      { header: labels.description, weight: 5 },
      { header: labels.quantity, weight: 1, align: 'right' },
      { header: labels.unitPrice, weight: 2, align: 'right' },
      { header: labels.amount, weight: 2, align: 'right' },
    ],
    [
      ...booking.lines.map((l) => [
        l.label,
        String(l.quantity),
        money(l.unitPrice),
        money(l.amount),
      ]),
      [labels.total, '', '', money(booking.total)],
    ],
  );

  heading(doc, labels.cancellationPolicy);
  const policy = booking.cancellationPolicy as CancellationPolicy | null;
  if (policy?.nonRefundable) paragraph(doc, labels.nonRefundable);
  else if (!policy || policy.tiers.length === 0) paragraph(doc, labels.noCancellationTiers);
  else {
    const tiers = [...policy.tiers].sort((a, b) => b.daysBefore - a.daysBefore);
    for (const tier of tiers)
      paragraph(doc, `• ${labels.cancellationTier(tier.daysBefore, tier.percent)}`);
  }

  heading(doc, labels.paymentTerms);
  paragraph(
    doc,
    labels.paymentTermsText(
      input.paymentTerms.depositPercent,
      input.paymentTerms.balanceDaysBeforeDeparture,
    ),
  );
  doc.moveDown(0.5);
  paragraph(doc, labels.contractDeclaration, { size: 9 });
  signatureLines(doc, [
    `${labels.signatureAgency} — ${labels.placeAndDate}`,
    `${labels.signatureCustomer} — ${labels.placeAndDate}`,
  ]);
  return pdfToBuffer(doc);
}
