// Gapless order numbers per agency and year (B2): one counter row each, incremented in the
// booking's own transaction (see modules/bookings/numbers.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table booking_numbers (
      agency_id uuid not null references agencies (id),
      year integer not null check (year between 2000 and 9999),
      last integer not null check (last > 0),
      primary key (agency_id, year)
    )`.execute(db);
}
