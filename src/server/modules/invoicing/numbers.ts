// Invoice numbers, gapless per agency, series and year (`FV-2026-000123`), as the law asks of
// tax documents. The counter row is incremented inside the issuing transaction: concurrent
// issuers queue on that row, and an invoice that rolls back takes its increment with it, so
// no number is skipped and none is used twice (the pattern of bookings/numbers.ts).
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';

export function formatInvoiceNumber(series: string, year: number, sequence: number): string {
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The next number of `series` in `year`; call it inside the transaction that stores it. */
export async function allocateInvoiceNumber(
  ctx: Ctx,
  series: string,
  year: number,
): Promise<string> {
  if (!ctx.db.isTransaction) {
    throw new Error('allocate an invoice number inside the issuing transaction, or numbers gap');
  }
  const { rows } = await sql<{ last: number }>`
    insert into invoice_counters (agency_id, series, year, last)
    values (${ctx.agencyId}, ${series}, ${year}, 1)
    on conflict (agency_id, series, year) do update set last = invoice_counters.last + 1
    returning last`.execute(ctx.db);
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('the invoice number counter returned nothing');
  return formatInvoiceNumber(series, year, Number(last));
}
