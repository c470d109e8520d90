// The price model (P1–P6): price lists of a product with their matrix of rows, discount and
// surcharge rules, promo codes of those rules, and the fees and commissions of each channel.
//
// Amounts are bigint minor units of the list's (or rule's, or fee's) currency; percentages
// are numeric, never floats. Rows point at their list through (agency_id, id), so a row of
// agency A can never hang under a list of agency B. The services validate everything first;
// the CHECKs and unique indexes below are the last guard.
import { type Kysely, sql } from 'kysely';

const timestamps = `
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

// A percentage as the API takes it: at most 3 integer and 4 decimal digits ("-12.5").
const percent = 'numeric(7, 4)';

const statements = [
  `create table price_lists (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    name text not null check (length(name) between 1 and 200),
    product_kind text not null check (product_kind in ('tour','transport','attraction','extra_service')),
    -- No foreign key: the product is a tour, a transport, an attraction or an extra service
    -- (four tables, by product_kind); the service checks it belongs to the agency.
    product_id uuid not null,
    currency char(3) not null,
    cost_currency char(3),
    -- A corporate customer's own list (null: the public list). No foreign key yet: customers
    -- arrive with the bookings issue, which adds it.
    customer_id uuid,
    periods jsonb not null default '[]' check (jsonb_typeof(periods) = 'array'),
    child_bands jsonb not null default '[]' check (jsonb_typeof(child_bands) = 'array'),
    cancellation jsonb not null default '[]' check (jsonb_typeof(cancellation) = 'array'),
    dynamic jsonb check (dynamic is null or jsonb_typeof(dynamic) = 'object'),
    ${timestamps},
    unique (agency_id, id)
  )`,
  `create index price_lists_product_idx on price_lists (agency_id, product_id)`,
  // One active list per product, currency and customer (or public): the quote must know
  // which list it prices from.
  `create unique index price_lists_active_key on price_lists
    (agency_id, product_id, currency, coalesce(customer_id::text, ''))
    where archived_at is null`,

  `create table price_rows (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    price_list_id uuid not null,
    period text not null,
    charge text not null check (charge in ('room','person','extra_bed','empty_bed','booking')),
    basis text not null check (basis in ('night','stay')),
    room_type_id uuid,
    class_code text,
    boarding_point text,
    ticket_type_id uuid,
    occupancy integer check (occupancy between 1 and 50),
    child_band text,
    amount bigint check (amount >= 0),
    percent_of_adult ${percent} check (percent_of_adult >= 0),
    percent_of_trip ${percent} check (percent_of_trip >= 0),
    cost bigint check (cost >= 0),
    check (num_nonnulls(amount, percent_of_adult, percent_of_trip) = 1),
    check (percent_of_adult is null or child_band is not null),
    foreign key (agency_id, price_list_id) references price_lists (agency_id, id) on delete cascade,
    foreign key (agency_id, room_type_id) references room_types (agency_id, id),
    foreign key (agency_id, ticket_type_id) references ticket_types (agency_id, id)
  )`,
  // The cell key: one price per slot of the matrix (nulls mean "any", so they compare equal).
  `create unique index price_rows_cell_key on price_rows (
    price_list_id, period, charge, basis,
    coalesce(room_type_id::text, ''), coalesce(class_code, ''), coalesce(boarding_point, ''),
    coalesce(ticket_type_id::text, ''), coalesce(occupancy, -1), coalesce(child_band, '')
  )`,

  `create table price_rules (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    name text not null check (length(name) between 1 and 200),
    kind text not null check (kind in ('early_booking','last_minute','promo_code','discount',
      'surcharge','package','bogo','non_refundable','min_advance')),
    product_ids jsonb not null default '[]' check (jsonb_typeof(product_ids) = 'array'),
    booked_from date,
    booked_to date,
    travel_from date,
    travel_to date,
    min_days_before integer check (min_days_before between 0 and 3650),
    max_days_before integer check (max_days_before between 0 and 3650),
    percent ${percent},
    amount bigint check (amount >= 0),
    amount_per text check (amount_per in ('person','booking')),
    currency char(3),
    bundle_service_ids jsonb not null default '[]' check (jsonb_typeof(bundle_service_ids) = 'array'),
    bundle_transport boolean not null default false,
    buy integer check (buy between 1 and 100),
    get integer check (get between 1 and 100),
    priority integer not null default 0,
    stackable boolean not null default false,
    ${timestamps},
    unique (agency_id, id),
    check (booked_from is null or booked_to is null or booked_from <= booked_to),
    check (travel_from is null or travel_to is null or travel_from <= travel_to),
    check (amount is null or currency is not null)
  )`,
  `create index price_rules_agency_idx on price_rules (agency_id, id desc)`,

  `create table promo_codes (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    code text not null check (code = upper(code) and length(code) between 1 and 40),
    rule_id uuid not null,
    valid_from date,
    valid_to date,
    max_uses integer check (max_uses >= 1),
    used integer not null default 0 check (used >= 0),
    ${timestamps},
    unique (agency_id, id),
    unique (agency_id, code),
    check (max_uses is null or used <= max_uses),
    check (valid_from is null or valid_to is null or valid_from <= valid_to),
    foreign key (agency_id, rule_id) references price_rules (agency_id, id)
  )`,

  `create table channel_fees (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    name text not null check (length(name) between 1 and 200),
    channel text not null check (channel in ('web','phone','email','walk_in','marketplace','gds','api')),
    kind text not null check (kind in ('fee','commission')),
    percent ${percent} check (percent >= 0),
    amount bigint check (amount >= 0),
    currency char(3),
    ${timestamps},
    unique (agency_id, id),
    check (num_nonnulls(percent, amount) = 1),
    check ((amount is null) = (currency is null))
  )`,
  `create index channel_fees_channel_idx on channel_fees (agency_id, channel)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
