// Payments (B7): money received for a booking and money given back, by any method, in the
// booking's currency; the booking's payment plan (instalments with due dates); and the
// agency's payment terms that make the plan: a deposit now, the balance some days before
// departure, or everything at once when the booking is made closer to departure than that.
// Only succeeded payments count toward a booking's balance; pending and failed ones are kept
// for the record (a card checkout that was never finished or was declined).
import { type Kysely, sql } from 'kysely';

const statements = [
  `alter table agencies add column payment_terms jsonb not null
     default '{"depositPercent": "30", "balanceDaysBeforeDeparture": 30}'::jsonb
     check (jsonb_typeof(payment_terms) = 'object')`,

  `create table payments (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    booking_id uuid not null,
    kind text not null check (kind in ('payment', 'refund')),
    amount bigint not null check (amount > 0),
    currency char(3) not null,
    method text not null
      check (method in ('card', 'bank_transfer', 'cash', 'voucher', 'marketplace')),
    reference text,
    provider text,
    provider_reference text,
    status text not null check (status in ('pending', 'succeeded', 'failed')),
    received_at timestamptz,
    recorded_by uuid,
    recorded_by_name text,
    note text,
    created_at timestamptz not null default now(),
    unique (agency_id, id),
    foreign key (agency_id, booking_id) references bookings (agency_id, id),
    check ((status = 'succeeded') = (received_at is not null))
  )`,
  'create index payments_booking_idx on payments (agency_id, booking_id, created_at)',
  `create unique index payments_provider_reference_idx on payments (provider, provider_reference)
     where provider_reference is not null`,

  `create table payment_plan_instalments (
    id uuid primary key,
    agency_id uuid not null,
    booking_id uuid not null,
    position integer not null check (position >= 0),
    due_date date not null,
    amount bigint not null check (amount >= 0),
    label text not null,
    reminded_at timestamptz,
    unique (booking_id, position),
    foreign key (agency_id, booking_id) references bookings (agency_id, id)
  )`,
  'create index payment_plan_due_idx on payment_plan_instalments (due_date)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
