// The invoice book as a CSV file, for the accounting software: one row per invoice or credit
// note and VAT rate (a rate's taxable amount and VAT are what VAT returns add up), oldest
// first, the list's filters. Credit notes' amounts are negative, so a column's sum is the
// period's turnover. Read in keyset batches and streamed like the bookings export.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Stringifier } from 'csv-stringify';
import type { Ctx } from '../../context.ts';
import { csvWriter } from '../../http/csv.ts';
import { decimalAmount } from '../bookings/export-bookings.ts';
import type { InvoiceView } from './present.ts';
import * as repo from './repo.ts';
import { checkIssueDates, presentInvoices } from './service.ts';

export type InvoiceExportQuery = Pick<repo.InvoiceListFilter, 'kind' | 'from' | 'to' | 'q'>;

interface Column {
  header: string;
  value: (invoice: InvoiceView, rate: InvoiceView['breakdown'][number]) => string | number;
}

/** An amount as the book shows it: negative on a credit note. */
function signed(invoice: InvoiceView, amount: number, currency = invoice.currency): string {
  return decimalAmount(invoice.kind === 'credit_note' ? -amount : amount, currency);
}

const columns: Column[] = [
  { header: 'Number', value: (i) => i.number },
  { header: 'Kind', value: (i) => i.kind },
  { header: 'Issue date', value: (i) => i.issueDate },
  { header: 'Due date', value: (i) => i.dueDate },
  { header: 'Credits invoice', value: (i) => i.creditedInvoice?.number ?? '' },
  { header: 'Booking', value: (i) => i.bookingNumber },
  { header: 'Buyer', value: (i) => i.customer.name },
  { header: 'Buyer VAT id', value: (i) => i.customer.vatId ?? '' },
  { header: 'Buyer registration id', value: (i) => i.customer.registrationId ?? '' },
  { header: 'Buyer country', value: (i) => i.customer.country ?? '' },
  { header: 'Currency', value: (i) => i.currency },
  { header: 'VAT scheme', value: (i) => i.vatScheme },
  { header: 'VAT category', value: (_, r) => r.category },
  { header: 'VAT rate', value: (_, r) => r.rate },
  { header: 'Taxable', value: (i, r) => signed(i, r.taxable) },
  { header: 'VAT', value: (i, r) => signed(i, r.vat) },
  { header: 'Invoice total', value: (i) => signed(i, i.gross) },
  { header: 'Accounting currency', value: (i) => i.taxCurrency ?? '' },
  {
    header: 'Invoice VAT in accounting currency',
    value: (i) =>
      i.vatInTaxCurrency === null || i.taxCurrency === null
        ? ''
        : signed(i, i.vatInTaxCurrency, i.taxCurrency),
  },
  {
    header: 'Margin-scheme VAT',
    value: (i) => (i.marginVat === null ? '' : signed(i, i.marginVat)),
  },
];

export const invoiceExportBatchSize = 500;

/**
 * The CSV of the agency's invoices that match, as a stream: UTF-8 with a BOM, a header row.
 * A bad filter is a 400 and the first batch is read before this resolves, as in the
 * bookings export.
 */
export async function exportInvoicesCsv(
  ctx: Ctx,
  query: InvoiceExportQuery,
  options: { batchSize?: number } = {},
): Promise<Stringifier> {
  checkIssueDates(query);
  const batchSize = options.batchSize ?? invoiceExportBatchSize;
  const readBatch = async (after: string | undefined) => {
    const rows = await repo.listInvoiceRows(ctx, {
      ...query,
      after,
      limit: batchSize,
      oldestFirst: true,
    });
    return presentInvoices(
      ctx,
      rows.slice(0, batchSize).map((row) => row.id),
    );
  };
  const first = await readBatch(undefined);

  async function* records() {
    let batch = first;
    for (;;) {
      for (const invoice of batch) {
        for (const rate of invoice.breakdown) {
          yield columns.map((column) => column.value(invoice, rate));
        }
      }
      if (batch.length < batchSize) return;
      batch = await readBatch(batch.at(-1)?.id);
    }
  }

  const csv = csvWriter(columns.map((c) => c.header));
  pipeline(Readable.from(records()), csv).catch(() => undefined);
  return csv;
}
