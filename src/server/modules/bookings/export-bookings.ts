// The bookings list as a CSV file (B10): the list's filters (or chosen ids), one row per
// booking, streamed. Rows are read in keyset batches and written through csv-stringify as the
// client takes them, so a million bookings take as little memory as a thousand.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Stringifier } from 'csv-stringify';
import type { Ctx } from '../../context.ts';
import { csvWriter } from '../../http/csv.ts';
import { isStaff } from '../identity/roles.ts';
import { minorUnitDigits, money, toMajor } from '../pricing/money.ts';
import { isOnline } from '../pricing/types.ts';
import { type BookingRow, bookingRows, cursorAfter, customerNameOf } from './list-bookings.ts';
import { type BookingFilterQuery, parseFilter, parseIds } from './list-filters.ts';

export interface BookingExportQuery extends BookingFilterQuery {
  /** Comma-separated booking ids: only these (still within the filters and visibility). */
  ids?: string;
}

/** An amount in major units with the currency's decimals: 175000 EUR → "1750.00". */
export function decimalAmount(amount: number | string | null, currency: string): string {
  if (amount === null) return '';
  return toMajor(money(Number(amount), currency)).toFixed(minorUnitDigits(currency));
}

interface Column {
  header: string;
  value: (row: BookingRow) => string | number | null;
  staffOnly?: boolean;
}

const columns: Column[] = [
  { header: 'Number', value: (r) => r.number },
  { header: 'Status', value: (r) => r.status },
  { header: 'Channel', value: (r) => r.channel },
  { header: 'Online', value: (r) => (isOnline(r.channel) ? 'yes' : 'no') },
  { header: 'Created at', value: (r) => new Date(r.createdAt).toISOString() },
  { header: 'Departure', value: (r) => r.startDate },
  { header: 'Return', value: (r) => r.endDate },
  { header: 'Product', value: (r) => r.productName },
  { header: 'Destination', value: (r) => r.destination },
  { header: 'Offer code', value: (r) => r.offerCode },
  { header: 'Variant', value: (r) => r.variantId },
  { header: 'Customer', value: (r) => customerNameOf(r) },
  { header: 'Customer e-mail', value: (r) => r.customerEmail },
  { header: 'Customer phone', value: (r) => r.customerPhone },
  { header: 'Lead traveller', value: (r) => r.leadTraveller },
  { header: 'Adults', value: (r) => r.party.adults },
  { header: 'Children', value: (r) => r.party.childAges.length },
  { header: 'Travellers', value: (r) => r.travellerNames ?? '' },
  { header: 'Currency', value: (r) => r.currency },
  { header: 'Total', value: (r) => decimalAmount(r.total, r.currency) },
  { header: 'Open required actions', value: (r) => r.openActions },
  { header: 'Approval', value: (r) => r.approval },
  { header: 'PNR', value: (r) => r.pnr },
  { header: 'Cost', value: (r) => decimalAmount(r.cost, r.currency), staffOnly: true },
  {
    header: 'Margin',
    value: (r) =>
      r.cost === null ? '' : decimalAmount(Number(r.total) - Number(r.cost), r.currency),
    staffOnly: true,
  },
];

/** The columns the actor may see: costs and margins for staff only. */
export function exportColumns(staff: boolean): Column[] {
  return columns.filter((column) => staff || !column.staffOnly);
}

export const exportBatchSize = 1000;

/**
 * The CSV of the bookings the actor may see, as a stream: UTF-8 with a BOM (so spreadsheet
 * programs read the diacritics right), a header row, then one row per booking in the list's
 * sort order. The filters are checked (a 400) and the first batch is read (a database that
 * is down is a 500) before this resolves, so errors known early are answered as problems;
 * a failure after that ends the stream with an error, which aborts the response.
 */
export async function exportBookingsCsv(
  ctx: Ctx,
  query: BookingExportQuery,
  options: { batchSize?: number } = {},
): Promise<Stringifier> {
  const batchSize = options.batchSize ?? exportBatchSize;
  const sort = query.sort ?? '-createdAt';
  const filter = {
    ...parseFilter(query),
    ...(query.ids === undefined ? {} : { ids: parseIds(query.ids) }),
  };
  const chosen = exportColumns(isStaff(ctx.actor.role));
  const readBatch = (after: BookingRow | undefined) =>
    bookingRows(ctx, filter, sort, after && cursorAfter(after, sort), batchSize, {
      withTravellerNames: true,
    });
  const first = await readBatch(undefined);

  async function* records() {
    let batch = first;
    for (;;) {
      for (const row of batch) yield chosen.map((column) => column.value(row) ?? '');
      if (batch.length < batchSize) return;
      batch = await readBatch(batch.at(-1));
    }
  }

  const csv = csvWriter(chosen.map((c) => c.header));
  // A failing read destroys `csv` with the error (pipeline does), which the reply sees; the
  // rejection itself is handled here so it is never an unhandled one.
  pipeline(Readable.from(records()), csv).catch(() => undefined);
  return csv;
}
