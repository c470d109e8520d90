// Offers, required actions and approvals (B8, B9, G3).
//
// An offer is a way a product is sold: a marketplace promotion (a Slevomat deal, with its
// promotion id as `code` and its variants) or the agency's own portal offer. It carries the
// required actions every booking made under it must complete ("sign the travel contract"),
// with their texts in each language; a booking copies them when it is made, so editing the
// offer later never rewrites what a customer was already asked to do.
//
// Approvals: `approval` says where a booking stands with its company's approvers;
// `pending_approval` (already read by the state machine's guards) is kept equal to
// `approval = 'pending'` by a CHECK, so the two can never disagree.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table offers (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    code text not null check (length(btrim(code)) > 0),
    name text not null check (length(btrim(name)) > 0),
    partner text,
    partner_user_id uuid,
    product_kind text,
    product_id uuid,
    channels jsonb not null default '[]' check (jsonb_typeof(channels) = 'array'),
    variants jsonb not null default '[]' check (jsonb_typeof(variants) = 'array'),
    required_actions jsonb not null default '[]' check (jsonb_typeof(required_actions) = 'array'),
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    unique (agency_id, code),
    check ((product_kind is null) = (product_id is null)),
    foreign key (agency_id, partner_user_id) references users (agency_id, id)
  )`,
  `create index offers_product_idx on offers (agency_id, product_id) where archived_at is null`,

  `alter table bookings drop column offer_id`,
  `alter table bookings add column offer_id uuid`,
  `alter table bookings add constraint bookings_offer_fk
     foreign key (agency_id, offer_id) references offers (agency_id, id)`,
  `create index bookings_offer_idx on bookings (agency_id, offer_id, variant_id) where offer_id is not null`,

  `create table booking_required_actions (
    id uuid primary key,
    agency_id uuid not null,
    booking_id uuid not null,
    position integer not null check (position >= 0),
    code text not null,
    kind text not null check (kind in ('sign_contract', 'traveller_details', 'documents', 'other')),
    title jsonb not null check (jsonb_typeof(title) = 'object'),
    instructions jsonb not null check (jsonb_typeof(instructions) = 'object'),
    due_date date,
    reminded_at timestamptz,
    done_at timestamptz,
    done_by uuid,
    done_by_name text,
    note text,
    unique (booking_id, position),
    unique (agency_id, id),
    check ((done_at is null) = (done_by_name is null)),
    foreign key (agency_id, booking_id) references bookings (agency_id, id)
  )`,
  `create index booking_actions_due_idx on booking_required_actions (agency_id, due_date)
     where done_at is null and due_date is not null`,
  // How many required actions are still open: written in the same transaction as the actions,
  // so the list filters "done / not done" on an indexed column instead of a subquery per row.
  `alter table bookings add column open_actions integer not null default 0 check (open_actions >= 0)`,
  `create index bookings_open_actions_idx on bookings (agency_id, (open_actions > 0), created_at desc)`,

  `alter table bookings add column approval text not null default 'none'
     check (approval in ('none', 'pending', 'approved', 'rejected'))`,
  `alter table bookings add constraint bookings_pending_approval_check
     check (pending_approval = (approval = 'pending'))`,
  `alter table bookings add column approval_breaches jsonb not null default '[]'
     check (jsonb_typeof(approval_breaches) = 'array')`,
  `alter table bookings add column approval_decided_by uuid`,
  `alter table bookings add column approval_decided_by_name text`,
  `alter table bookings add column approval_decided_at timestamptz`,
  `alter table bookings add column approval_reason text`,
  `create index bookings_approval_idx on bookings (agency_id, approval) where approval = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
