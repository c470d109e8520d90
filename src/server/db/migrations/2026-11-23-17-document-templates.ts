// Document templates (D4) and voucher codes (D2).
//
// One template per agency: its logo (PNG or JPEG bytes, at most 512 KB), colours, the name,
// address and contact lines printed in every document's header, an emergency phone for
// departure instructions, and the footer in each customer language. No row: the defaults
// (the agency's name, neutral colours) apply.
//
// `bookings.voucher_code`: the unguessable code (128 random bits, base64url) a voucher's QR
// code and public page use instead of the booking's id; unique across all agencies because
// the public route has no agency to scope by. Given on the first voucher asked for.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table document_templates (
    agency_id uuid primary key references agencies (id),
    logo bytea check (logo is null or octet_length(logo) <= 524288),
    logo_type text check (logo_type in ('image/png', 'image/jpeg')),
    primary_color text not null default '#1f4e79' check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
    accent_color text not null default '#e38b06' check (accent_color ~ '^#[0-9a-fA-F]{6}$'),
    display_name text check (display_name is null or length(btrim(display_name)) > 0),
    address_lines jsonb not null default '[]' check (jsonb_typeof(address_lines) = 'array'),
    contact_lines jsonb not null default '[]' check (jsonb_typeof(contact_lines) = 'array'),
    emergency_phone text,
    footer jsonb not null default '{}' check (jsonb_typeof(footer) = 'object'),
    updated_at timestamptz not null default now(),
    check ((logo is null) = (logo_type is null))
  )`,
  `alter table bookings add column voucher_code text unique
     check (voucher_code is null or voucher_code ~ '^[A-Za-z0-9_-]{22}$')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
