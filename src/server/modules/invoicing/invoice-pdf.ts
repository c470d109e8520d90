// The invoice or credit note on paper (D3): in the customer's language, on the agency's template,
// with the parties as stored on the invoice, its lines and the VAT per rate — or, under the margin
// scheme, gross prices only with the note the invoice carries.
import type { Ctx } from '../../context.ts';
import type { InvoiceParty } from '../../db/schema.ts';
import {
  createPdf,
  type DocumentLocale,
  type DocumentTemplate,
  drawTable,
  formatDate,
  formatMoney,
  heading,
  isDocumentLocale,
  keyValues,
  paragraph,
  pdfToBuffer,
} from '../documents/pdf.ts';
import { documentTemplateOf } from '../documents/template-service.ts';
import { minorUnitDigits } from '../pricing/money.ts';
import type { InvoiceView } from './present.ts';
import { getInvoice } from './service.ts';
import { linePrice } from './ubl.ts';

interface InvoiceLabels {
  invoice: string;
  creditNote: string;
  number: string;
  issueDate: string;
  dueDate: string;
  supplier: string;
  customer: string;
  vatId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  net: string;
  vat: string;
  total: string;
  vatBreakdown: string;
  credits: (number: string, date: string) => string;
  reason: string;
  /** A foreign-currency invoice: its VAT in the agency's currency and the rate used. */
  vatInTaxCurrency: (amount: string, from: string, rate: string, to: string) => string;
}

const labels: Record<DocumentLocale, InvoiceLabels> = {
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    number: 'Number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    supplier: 'Supplier',
    customer: 'Customer',
    vatId: 'VAT ID',
    description: 'Description',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    vatRate: 'VAT rate',
    net: 'Net',
    vat: 'VAT',
    total: 'Total',
    vatBreakdown: 'VAT breakdown',
    credits: (number, date) => `Credits invoice ${number} of ${date}`,
    reason: 'Reason',
    vatInTaxCurrency: (amount, from, rate, to) =>
      `VAT in ${to}: ${amount} (exchange rate 1 ${from} = ${rate} ${to})`,
  },
  cs: {
    invoice: 'Faktura',
    creditNote: 'Dobropis',
    number: 'Číslo',
    issueDate: 'Datum vystavení',
    dueDate: 'Datum splatnosti',
    supplier: 'Dodavatel',
    customer: 'Odběratel',
    vatId: 'DIČ',
    description: 'Popis',
    quantity: 'Množství',
    unitPrice: 'Cena za jednotku',
    vatRate: 'Sazba DPH',
    net: 'Základ',
    vat: 'DPH',
    total: 'Celkem',
    vatBreakdown: 'Rekapitulace DPH',
    credits: (number, date) => `Opravuje fakturu ${number} ze dne ${date}`,
    reason: 'Důvod',
    vatInTaxCurrency: (amount, from, rate, to) =>
      `DPH v ${to}: ${amount} (kurz 1 ${from} = ${rate} ${to})`,
  },
  pl: {
    invoice: 'Faktura',
    creditNote: 'Faktura korygująca',
    number: 'Numer',
    issueDate: 'Data wystawienia',
    dueDate: 'Termin płatności',
    supplier: 'Sprzedawca',
    customer: 'Nabywca',
    vatId: 'NIP',
    description: 'Opis',
    quantity: 'Ilość',
    unitPrice: 'Cena jednostkowa',
    vatRate: 'Stawka VAT',
    net: 'Netto',
    vat: 'VAT',
    total: 'Razem',
    vatBreakdown: 'Zestawienie VAT',
    credits: (number, date) => `Koryguje fakturę ${number} z dnia ${date}`,
    reason: 'Przyczyna',
    vatInTaxCurrency: (amount, from, rate, to) =>
      `VAT w ${to}: ${amount} (kurs 1 ${from} = ${rate} ${to})`,
  },
  tr: {
    invoice: 'Fatura',
    creditNote: 'İade faturası',
    number: 'Numara',
    issueDate: 'Düzenleme tarihi',
    dueDate: 'Son ödeme tarihi',
    supplier: 'Satıcı',
    customer: 'Alıcı',
    vatId: 'Vergi numarası',
    description: 'Açıklama',
    quantity: 'Miktar',
    unitPrice: 'Birim fiyat',
    vatRate: 'KDV oranı',
    net: 'Net',
    vat: 'KDV',
    total: 'Toplam',
    vatBreakdown: 'KDV dökümü',
    credits: (number, date) => `${date} tarihli ${number} numaralı faturayı düzeltir`,
    reason: 'Gerekçe',
    vatInTaxCurrency: (amount, from, rate, to) =>
      `${to} cinsinden KDV: ${amount} (döviz kuru 1 ${from} = ${rate} ${to})`,
  },
  zh: {
    invoice: '发票',
    creditNote: '贷项通知单',
    number: '编号',
    issueDate: '开票日期',
    dueDate: '付款截止日期',
    supplier: '供应商',
    customer: '客户',
    vatId: '增值税号',
    description: '说明',
    quantity: '数量',
    unitPrice: '单价',
    vatRate: '增值税率',
    net: '净额',
    vat: '增值税',
    total: '合计',
    vatBreakdown: '增值税明细',
    credits: (number, date) => `冲销 ${date} 开具的发票 ${number}`,
    reason: '原因',
    vatInTaxCurrency: (amount, from, rate, to) =>
      `以${to}计的增值税：${amount}（汇率 1 ${from} = ${rate} ${to}）`,
  },
};

export function invoiceLabelsFor(locale: DocumentLocale): InvoiceLabels {
  return labels[locale];
}

function partyText(party: InvoiceParty, l: InvoiceLabels): string {
  const place = [party.postalCode, party.city].filter(Boolean).join(' ');
  return [
    party.name,
    party.street,
    place,
    party.country,
    party.vatId ? `${l.vatId}: ${party.vatId}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * A line's unit price as the e-invoice states it, so that quantity × price is the line's net
 * on paper too: with the decimals it needs (1 294,643 Kč), or for the whole quantity when one
 * unit has no finite decimal price (1 250,00 € / 14).
 */
export function unitPriceText(
  net: number,
  quantity: number,
  currency: string,
  locale: DocumentLocale,
): string {
  const { price, baseQuantity } = linePrice(net, quantity, currency);
  if (baseQuantity) return `${formatMoney(Math.abs(net), currency, locale)} / ${baseQuantity}`;
  const places = Math.max(minorUnitDigits(currency), price.split('.')[1]?.length ?? 0);
  return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  }).format(Number(price));
}

/** The PDF of an invoice or credit note in `locale`. */
export async function renderInvoicePdf(
  invoice: InvoiceView,
  locale: DocumentLocale,
  template: DocumentTemplate,
): Promise<Buffer> {
  const l = invoiceLabelsFor(locale);
  const title = invoice.kind === 'credit_note' ? l.creditNote : l.invoice;
  const doc = createPdf({ locale, title: `${title} ${invoice.number}`, template });
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const unitPrice = (line: { net: number; quantity: number }) =>
    unitPriceText(line.net, line.quantity, invoice.currency, locale);
  const margin = invoice.vatScheme === 'margin';

  keyValues(doc, [
    [l.number, invoice.number],
    [l.issueDate, formatDate(invoice.issueDate, locale)],
    [l.dueDate, formatDate(invoice.dueDate, locale)],
  ]);
  if (invoice.creditedInvoice) {
    const { number, issueDate } = invoice.creditedInvoice;
    paragraph(doc, l.credits(number, formatDate(issueDate, locale)));
  }
  if (invoice.reason) keyValues(doc, [[l.reason, invoice.reason]]);
  keyValues(doc, [
    [l.supplier, partyText(invoice.supplier, l)],
    [l.customer, partyText(invoice.customer, l)],
  ]);

  heading(doc, title);
  const rate = (r: string) => `${r} %`;
  if (margin) {
    drawTable(
      doc,
      [
        { header: l.description, weight: 6 },
        { header: l.quantity, weight: 1, align: 'right' },
        { header: l.unitPrice, weight: 2, align: 'right' },
        { header: l.total, weight: 2, align: 'right' },
      ],
      [
        ...invoice.lines.map((line) => [
          line.description,
          String(line.quantity),
          unitPrice(line),
          money(line.gross),
        ]),
        [l.total, '', '', money(invoice.gross)],
      ],
    );
    if (invoice.note) paragraph(doc, invoice.note);
  } else {
    drawTable(
      doc,
      [
        { header: l.description, weight: 5 },
        { header: l.quantity, weight: 1, align: 'right' },
        { header: l.unitPrice, weight: 2, align: 'right' },
        { header: l.vatRate, weight: 1.3, align: 'right' },
        { header: l.net, weight: 2, align: 'right' },
        { header: l.vat, weight: 2, align: 'right' },
        { header: l.total, weight: 2, align: 'right' },
      ],
      invoice.lines.map((line) => [
        line.description,
        String(line.quantity),
        unitPrice(line),
        rate(line.vatRate),
        money(line.net),
        money(line.vat),
        money(line.gross),
      ]),
    );
    heading(doc, l.vatBreakdown);
    drawTable(
      doc,
      [
        { header: l.vatRate, weight: 2 },
        { header: l.net, weight: 2, align: 'right' },
        { header: l.vat, weight: 2, align: 'right' },
        { header: l.total, weight: 2, align: 'right' },
      ],
      [
        ...invoice.breakdown.map((b) => [
          rate(b.rate),
          money(b.taxable),
          money(b.vat),
          money(b.taxable + b.vat),
        ]),
        [l.total, money(invoice.net), money(invoice.vat), money(invoice.gross)],
      ],
    );
    if (invoice.note) paragraph(doc, invoice.note);
  }
  if (invoice.taxCurrency && invoice.taxRate && invoice.vatInTaxCurrency !== null) {
    // The law of the agency's country asks a foreign-currency invoice for its VAT in the
    // national currency and the rate it was converted at (as the e-invoice's BT-111 has it).
    paragraph(
      doc,
      l.vatInTaxCurrency(
        formatMoney(invoice.vatInTaxCurrency, invoice.taxCurrency, locale),
        invoice.currency,
        new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(
          Number(invoice.taxRate),
        ),
        invoice.taxCurrency,
      ),
    );
  }
  return pdfToBuffer(doc);
}

/** The customer's language for the invoice's booking (English when not a document language). */
async function invoiceLocaleOf(ctx: Ctx, bookingId: string): Promise<DocumentLocale> {
  const row = await ctx.db
    .selectFrom('bookings')
    .innerJoin('customers', 'customers.id', 'bookings.customerId')
    .select(['customers.locale'])
    .where('bookings.agencyId', '=', ctx.agencyId)
    .where('bookings.id', '=', bookingId)
    .executeTakeFirst();
  return isDocumentLocale(row?.locale) ? row.locale : 'en';
}

/** The PDF of an invoice or credit note of the agency (404 for another agency's). */
export async function invoicePdf(ctx: Ctx, id: string): Promise<{ number: string; pdf: Buffer }> {
  const invoice = await getInvoice(ctx, id);
  const [locale, template] = await Promise.all([
    invoiceLocaleOf(ctx, invoice.bookingId),
    documentTemplateOf(ctx),
  ]);
  return { number: invoice.number, pdf: await renderInvoicePdf(invoice, locale, template) };
}
