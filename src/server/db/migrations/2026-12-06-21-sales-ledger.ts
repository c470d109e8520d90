// The sales ledger (A1): an append-only fact row per booking line change, written in the
// same transaction as the change, the one source of every sales report. A booking's rows sum
// to its current total while it lives and to its cancellation fee once cancelled; `bookings`,
// `pax` and `nights` are counted on one row per booking and event, so every sum adds up
// across any period. Existing bookings are backfilled here from their current lines.
import { type Kysely, sql } from 'kysely';

const events = `'created', 'changed', 'cancelled', 'fee', 'dropped', 'override'`;

// The rate from the booking's currency into the agency's base one, as recorded with the
// booking's quote (direct or inverse); 1 when they are the same; null when none was recorded.
const rateOf = `case when b.currency = a.base_currency then 1::numeric else coalesce(
    (select (r->>'rate')::numeric from jsonb_array_elements(b.rates) r
      where r->>'from' = b.currency and r->>'to' = a.base_currency limit 1),
    (select 1 / nullif((r->>'rate')::numeric, 0) from jsonb_array_elements(b.rates) r
      where r->>'from' = a.base_currency and r->>'to' = b.currency limit 1)) end`;

// Booking-level facts of a row of booking `b` (agency `a`, creator `u`).
const facts = `b.currency, a.base_currency, b.channel,
    b.channel in ('web', 'marketplace', 'api', 'gds'),
    case when u.role in ('admin', 'agent', 'customer_service', 'accountant') then u.id end,
    b.customer_id, b.product_kind, b.product_id, b.product_name,
    case when b.destination ~ ', [A-Z]{2}$' then right(b.destination, 2) end,
    case when b.destination ~ ', [A-Z]{2}$' then left(b.destination, length(b.destination) - 4)
      else b.destination end,
    b.start_date, (b.created_at at time zone 'UTC')::date`;

const columns = `(agency_id, id, booking_id, booking_line_id, event, at, sale, cost, rate,
  sale_base, cost_base, bookings, pax, nights, currency, base_currency, channel, online,
  sold_by, customer_id, product_kind, product_id, product_name, destination_country,
  destination_place, departure_date, booking_date)`;

// The lines a booking's rows count: a live booking's lines less those dropped (their amount
// left its total); every line of a cancelled one (cancelling marks them all cancelled).
const counted = "(l.supplier_status <> 'cancelled' or b.status = 'cancelled')";

const pax = `(coalesce((b.party->>'adults')::int, 0) + coalesce(jsonb_array_length(b.party->'childAges'), 0))`;
const nights = '(b.end_date - b.start_date)';

/** Rows of every booking's current lines, signed: +1 when made, -1 when cancelled. */
function lineRows(sign: 1 | -1, event: string, at: string, where: string): string {
  const s = sign === 1 ? '' : '-';
  return `insert into sales_ledger ${columns}
    select b.agency_id, gen_random_uuid(), b.id, l.id, '${event}', ${at},
      ${s}l.amount, ${s}l.cost, x.rate, ${s}round(l.amount * x.rate)::bigint,
      ${s}round(l.cost * x.rate)::bigint,
      case when l.position = f.first then ${sign} else 0 end,
      case when l.position = f.first then ${s}${pax} else 0 end,
      case when l.position = f.first then ${s}${nights} else 0 end,
      ${facts}
    from bookings b
    join agencies a on a.id = b.agency_id
    left join users u on u.agency_id = b.agency_id and u.id = b.created_by
    cross join lateral (select ${rateOf} as rate) x
    join booking_lines l on l.agency_id = b.agency_id and l.booking_id = b.id
      and l.superseded_at is null
    cross join lateral (select min(l.position) as first from booking_lines l
      where l.agency_id = b.agency_id and l.booking_id = b.id and l.superseded_at is null
        and ${where}) f
    where ${where}`;
}

/** The difference between a booking's total and its lines (a price override, dropped lines). */
function overrideRows(sign: 1 | -1, event: string, at: string, where: string): string {
  const s = sign === 1 ? '' : '-';
  return `insert into sales_ledger ${columns}
    select b.agency_id, gen_random_uuid(), b.id, null, '${event}', ${at},
      ${s}(b.total - d.lines), null, x.rate, ${s}round((b.total - d.lines) * x.rate)::bigint,
      null, 0, 0, 0, ${facts}
    from bookings b
    join agencies a on a.id = b.agency_id
    left join users u on u.agency_id = b.agency_id and u.id = b.created_by
    cross join lateral (select ${rateOf} as rate) x
    cross join lateral (select coalesce(sum(l.amount), 0) as lines from booking_lines l
      where l.agency_id = b.agency_id and l.booking_id = b.id and l.superseded_at is null
        and ${counted}) d
    where b.total <> d.lines and ${where}`;
}

const statements = [
  `create table sales_ledger (
    agency_id uuid not null references agencies (id),
    id uuid primary key,
    booking_id uuid not null,
    booking_line_id uuid,
    event text not null check (event in (${events})),
    at timestamptz not null default now(),
    sale bigint not null,
    cost bigint,
    rate numeric,
    sale_base bigint,
    cost_base bigint,
    bookings integer not null default 0,
    pax integer not null default 0,
    nights integer not null default 0,
    currency char(3) not null,
    base_currency char(3) not null,
    channel text not null,
    online boolean not null,
    sold_by uuid,
    customer_id uuid not null,
    product_kind text not null,
    product_id uuid not null,
    product_name text not null,
    destination_country text,
    destination_region text,
    destination_place text,
    departure_date date not null,
    booking_date date not null,
    foreign key (agency_id, booking_id) references bookings (agency_id, id)
  )`,
  'create index sales_ledger_booking_date_idx on sales_ledger (agency_id, booking_date)',
  'create index sales_ledger_departure_date_idx on sales_ledger (agency_id, departure_date)',
  'create index sales_ledger_booking_idx on sales_ledger (agency_id, booking_id)',
  // Backfill: every booking as made (its current lines; a cancelled booking's too)…
  lineRows(1, 'created', 'b.created_at', counted),
  overrideRows(1, 'override', 'b.created_at', 'true'),
  // …and a cancelled one taken back at its cancellation, with the fee as its own row.
  lineRows(-1, 'cancelled', 'coalesce(b.cancelled_at, b.updated_at)', "b.status = 'cancelled'"),
  overrideRows(-1, 'cancelled', 'coalesce(b.cancelled_at, b.updated_at)', "b.status = 'cancelled'"),
  `insert into sales_ledger ${columns}
    select b.agency_id, gen_random_uuid(), b.id, null, 'fee', coalesce(b.cancelled_at, b.updated_at),
      b.cancellation_fee, null, x.rate, round(b.cancellation_fee * x.rate)::bigint, null,
      0, 0, 0, ${facts}
    from bookings b
    join agencies a on a.id = b.agency_id
    left join users u on u.agency_id = b.agency_id and u.id = b.created_by
    cross join lateral (select ${rateOf} as rate) x
    where b.status = 'cancelled' and coalesce(b.cancellation_fee, 0) > 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
