// Cancelling and changing a booking (B6). A cancellation keeps who, when, why and the fee on
// the booking; a change replaces the booking's lines, which are kept and marked superseded
// (never deleted), and counts the booking's revisions. A price list may charge a fee per
// change; a change's quote names the booking it would change.
import { type Kysely, sql } from 'kysely';

const statements = [
  `alter table bookings add column cancelled_at timestamptz`,
  `alter table bookings add column cancelled_by_name text`,
  `alter table bookings add column cancellation_reason text`,
  `alter table bookings add column cancellation_fee bigint check (cancellation_fee >= 0)`,
  `alter table bookings add column revision integer not null default 1 check (revision >= 1)`,

  `alter table booking_lines add column superseded_at timestamptz`,
  `create index booking_lines_current_idx on booking_lines (agency_id, booking_id)
     where superseded_at is null`,

  // null: changes are free. Otherwise { amount (minor units of the list's currency, per
  // booking), freeDaysBefore (null: never free) }.
  `alter table price_lists add column change_fee jsonb
     check (change_fee is null or jsonb_typeof(change_fee) = 'object')`,

  `alter table quotes add column change_of uuid`,
  `alter table quotes add constraint quotes_change_of_fk
     foreign key (agency_id, change_of) references bookings (agency_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
