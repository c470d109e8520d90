// Bookings (B2–B5): one table for every channel, made from a quote: its lines (with the
// supplier's answer for on-request ones), its travellers, the customer, the inventory take.
// Nothing here is ever deleted: a cancelled booking keeps its rows and its status.
import { type Kysely, sql } from 'kysely';

const statuses = `'web_reservation', 'internal_reservation', 'checked', 'ordered', 'confirmed', 'paid', 'departed', 'cancelled'`;
const channels = `'web', 'phone', 'email', 'walk_in', 'marketplace', 'gds', 'api'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table bookings (
      id uuid primary key,
      agency_id uuid not null references agencies (id),
      number text not null,
      status text not null check (status in (${statuses})),
      channel text not null check (channel in (${channels})),
      quote_id uuid not null,
      customer_id uuid not null,
      product_kind text not null,
      product_id uuid not null,
      product_name text not null,
      start_date date not null,
      end_date date not null check (end_date >= start_date),
      party jsonb not null,
      rooms jsonb not null,
      currency char(3) not null,
      list_total bigint not null check (list_total >= 0),
      total bigint not null check (total >= 0),
      cost bigint,
      price_override jsonb,
      cancellation_policy jsonb not null,
      rates jsonb not null,
      promo_code text,
      take_id uuid,
      pending_approval boolean not null default false,
      offer_id text,
      variant_id text,
      notes text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (agency_id, id),
      unique (agency_id, number),
      unique (agency_id, quote_id),
      foreign key (agency_id, quote_id) references quotes (agency_id, id),
      foreign key (agency_id, customer_id) references customers (agency_id, id),
      foreign key (agency_id, take_id) references inventory_takes (agency_id, id)
    )`,
    'create index bookings_created_idx on bookings (agency_id, created_at desc, id desc)',
    'create index bookings_start_idx on bookings (agency_id, start_date)',
    'create index bookings_status_idx on bookings (agency_id, status)',
    `create table booking_lines (
      id uuid primary key,
      agency_id uuid not null,
      booking_id uuid not null,
      position integer not null check (position >= 0),
      kind text not null,
      label text not null,
      product_kind text not null,
      product_id text not null,
      travellers jsonb not null,
      from_date date,
      to_date date,
      unit_price bigint not null,
      quantity integer not null,
      amount bigint not null,
      cost bigint,
      supplier_status text not null default 'confirmed'
        check (supplier_status in ('confirmed', 'requested', 'refused', 'cancelled')),
      detail jsonb not null,
      unique (booking_id, position),
      foreign key (agency_id, booking_id) references bookings (agency_id, id)
    )`,
    `create table booking_travellers (
      id uuid primary key,
      agency_id uuid not null,
      booking_id uuid not null,
      position integer not null check (position >= 0),
      first_name text not null,
      last_name text not null,
      birth_date date not null,
      nationality char(2),
      document_type text check (document_type in ('passport', 'id_card')),
      document_number text,
      document_expiry date,
      email text,
      phone text,
      is_child boolean not null,
      unique (booking_id, position),
      foreign key (agency_id, booking_id) references bookings (agency_id, id)
    )`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
