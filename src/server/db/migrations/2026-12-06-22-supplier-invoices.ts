// Supplier invoices (A2): what a supplier billed the agency, matched to what the agency
// expected to pay. An invoice is matched, whole or in parts, to booking lines or to a whole
// tour departure, transport departure or allotment (an inventory pool); what the matched
// lines cost is the expected cost, the invoice the actual one. Each agency sets the variance
// it tolerates before an invoice is flagged for review. Nothing here is ever computed by the
// database: the figures follow the lines as they change (supplier-invoices/analysis.ts).
import { type Kysely, sql } from 'kysely';

const statements = [
  // The tolerance: a variance within the larger of the two is not flagged. The amount is in
  // minor units of the base currency (1000 = 10.00 EUR).
  `alter table agencies
    add column supplier_tolerance_percent numeric(5, 2) not null default 2
      check (supplier_tolerance_percent >= 0 and supplier_tolerance_percent <= 100),
    add column supplier_tolerance_amount bigint not null default 1000
      check (supplier_tolerance_amount >= 0)`,
  // A match names its line together with the agency, as every other cross-table reference.
  'alter table booking_lines add constraint booking_lines_agency_id_id_key unique (agency_id, id)',
  `create table supplier_invoices (
    agency_id uuid not null references agencies (id),
    id uuid primary key,
    supplier_id uuid not null,
    number text not null check (length(btrim(number)) between 1 and 100),
    invoice_date date not null,
    due_date date not null check (due_date >= invoice_date),
    currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount bigint not null check (amount >= 0),
    vat bigint not null default 0 check (vat >= 0 and vat <= amount),
    base_currency char(3) not null check (base_currency ~ '^[A-Z]{3}$'),
    rate numeric not null check (rate > 0),
    rate_date date,
    rate_source text not null,
    note text,
    paid_on date,
    created_by uuid,
    created_by_name text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    unique (agency_id, supplier_id, number),
    foreign key (agency_id, supplier_id) references suppliers (agency_id, id),
    check (currency <> base_currency or rate = 1)
  )`,
  'create index supplier_invoices_date_idx on supplier_invoices (agency_id, invoice_date)',
  `create index supplier_invoices_open_idx on supplier_invoices (agency_id, due_date)
    where paid_on is null`,
  `create table supplier_invoice_matches (
    agency_id uuid not null,
    id uuid primary key,
    invoice_id uuid not null,
    booking_line_id uuid,
    tour_departure_id uuid,
    transport_departure_id uuid,
    pool_id uuid,
    amount bigint not null check (amount >= 0),
    expected_cost bigint check (expected_cost >= 0),
    created_by uuid,
    created_at timestamptz not null default now(),
    check (num_nonnulls(booking_line_id, tour_departure_id, transport_departure_id, pool_id) = 1),
    foreign key (agency_id, invoice_id) references supplier_invoices (agency_id, id),
    foreign key (agency_id, booking_line_id) references booking_lines (agency_id, id),
    foreign key (agency_id, tour_departure_id) references tour_departures (agency_id, id),
    foreign key (agency_id, transport_departure_id) references transport_departures (agency_id, id),
    foreign key (agency_id, pool_id) references inventory_pools (agency_id, id)
  )`,
  // An invoice matches a target once (add to its amount by matching again after removing).
  `create unique index supplier_invoice_matches_target_idx on supplier_invoice_matches
    (invoice_id, coalesce(booking_line_id, tour_departure_id, transport_departure_id, pool_id))`,
  'create index supplier_invoice_matches_line_idx on supplier_invoice_matches (agency_id, booking_line_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
