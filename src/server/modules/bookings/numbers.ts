// Order numbers a person can read out on the phone: `2027-000123`, gapless per agency and
// year. The counter row is incremented inside the booking's own transaction: concurrent
// bookings queue on that row, and a booking that rolls back takes its increment with it, so
// no number is skipped and none is used twice.
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';

export function formatBookingNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** The next number of `year`; call it inside the transaction that stores the booking. */
export async function allocateBookingNumber(ctx: Ctx, year: number): Promise<string> {
  if (!ctx.db.isTransaction) {
    throw new Error('allocate a booking number inside the booking transaction, or numbers gap');
  }
  const { rows } = await sql<{ last: number }>`
    insert into booking_numbers (agency_id, year, last) values (${ctx.agencyId}, ${year}, 1)
    on conflict (agency_id, year) do update set last = booking_numbers.last + 1
    returning last`.execute(ctx.db);
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('the booking number counter returned nothing');
  return formatBookingNumber(year, Number(last));
}
