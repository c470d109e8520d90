// Exchange rates per agency (P6): how many units of `quote` one unit of `base` buys on a
// date, from a source (the ECB reference rates, or the agency's own). Prices convert once,
// at a recorded rate; this is where the rates come from.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table exchange_rates (
      agency_id uuid not null references agencies (id),
      source text not null,
      date date not null,
      base char(3) not null,
      quote char(3) not null,
      rate numeric(20, 10) not null check (rate > 0),
      imported_at timestamptz not null default now(),
      primary key (agency_id, source, base, quote, date)
    )`.execute(db);
  await sql`create index exchange_rates_lookup_idx on exchange_rates (agency_id, base, quote, date desc)`.execute(
    db,
  );
}
