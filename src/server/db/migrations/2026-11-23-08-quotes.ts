// Quotes (P7, B1): a priced request, kept as it was priced (lines, rates, price lists used)
// with the inventory hold that expires with it. A booking is made from a quote.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table quotes (
      id uuid primary key,
      agency_id uuid not null references agencies (id),
      product_kind text not null check (product_kind in ('tour', 'transport', 'attraction')),
      product_id uuid not null,
      channel text not null,
      customer_id uuid,
      currency char(3) not null,
      request jsonb not null,
      lines jsonb not null,
      total bigint not null check (total >= 0),
      cost bigint,
      cancellation_policy jsonb not null,
      rates jsonb not null,
      price_list_ids jsonb not null,
      promo_code text,
      take_id uuid,
      start_date date not null,
      end_date date not null,
      created_by uuid,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      unique (agency_id, id),
      foreign key (agency_id, take_id) references inventory_takes (agency_id, id)
    )`,
    'create index quotes_agency_created_idx on quotes (agency_id, created_at desc)',
  ]) {
    await sql.raw(statement).execute(db);
  }
}
