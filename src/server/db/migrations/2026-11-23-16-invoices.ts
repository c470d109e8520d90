// Invoices and credit notes (D3): the agency's invoicing settings, numbering series with
// gapless counters per series and year (like booking numbers), and the issued documents with
// frozen party snapshots and lines. Invoices are never deleted or changed: a credit note
// corrects one.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table invoice_settings (
      agency_id uuid primary key references agencies (id),
      legal_name text not null,
      vat_id text,
      registration_id text,
      street text,
      city text,
      postal_code text,
      country char(2) not null,
      email text,
      iban text,
      bic text,
      accounting_currency char(3) not null,
      vat_scheme text not null check (vat_scheme in ('standard', 'margin')),
      default_vat_rate numeric(5, 2) not null check (default_vat_rate >= 0 and default_vat_rate < 100),
      vat_rates jsonb not null,
      payment_terms_days integer not null check (payment_terms_days between 0 and 365),
      auto_issue text not null check (auto_issue in ('never', 'on_booking', 'on_paid')),
      invoice_series text not null,
      credit_note_series text not null,
      updated_at timestamptz not null default now()
    )`,
    `create table invoice_series (
      agency_id uuid not null references agencies (id),
      code text not null check (code ~ '^[A-Z0-9]{1,10}$'),
      kind text not null check (kind in ('invoice', 'credit_note')),
      created_at timestamptz not null default now(),
      primary key (agency_id, code)
    )`,
    `create table invoice_counters (
      agency_id uuid not null,
      series text not null,
      year integer not null check (year between 2000 and 9999),
      last integer not null check (last > 0),
      primary key (agency_id, series, year),
      foreign key (agency_id, series) references invoice_series (agency_id, code)
    )`,
    `create table invoices (
      id uuid primary key,
      agency_id uuid not null references agencies (id),
      booking_id uuid not null,
      kind text not null check (kind in ('invoice', 'credit_note')),
      number text not null,
      series text not null,
      issue_date date not null,
      due_date date not null check (due_date >= issue_date),
      currency char(3) not null,
      supplier jsonb not null,
      customer jsonb not null,
      vat_scheme text not null check (vat_scheme in ('standard', 'margin')),
      net bigint not null,
      vat bigint not null,
      gross bigint not null check (gross = net + vat),
      margin_vat bigint,
      tax_currency char(3),
      tax_rate text,
      vat_in_tax_currency bigint,
      credited_invoice_id uuid,
      reason text,
      note text,
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      unique (agency_id, id),
      unique (agency_id, number),
      foreign key (agency_id, booking_id) references bookings (agency_id, id),
      foreign key (agency_id, series) references invoice_series (agency_id, code),
      foreign key (agency_id, credited_invoice_id) references invoices (agency_id, id),
      check ((kind = 'credit_note') = (credited_invoice_id is not null))
    )`,
    'create index invoices_booking_idx on invoices (agency_id, booking_id, created_at)',
    'create index invoices_created_idx on invoices (agency_id, created_at desc, id desc)',
    `create table invoice_lines (
      agency_id uuid not null,
      invoice_id uuid not null,
      position integer not null check (position >= 0),
      description text not null,
      quantity integer not null,
      unit_price bigint not null,
      net bigint not null,
      vat_category text not null check (vat_category in ('S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M')),
      vat_rate text not null,
      vat bigint not null,
      gross bigint not null check (gross = net + vat),
      booking_line_position integer,
      credited_line_position integer,
      primary key (invoice_id, position),
      foreign key (agency_id, invoice_id) references invoices (agency_id, id)
    )`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
