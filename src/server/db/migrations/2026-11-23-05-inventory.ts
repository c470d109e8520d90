// The inventory ledger (I1–I8) and in-app notifications.
//
// A resource is one thing that has capacity: a room type, one class of a transport departure,
// one time slot of an attraction, a limited extra service. Its capacity lives per date in
// `inventory_days` (for a room type: per night). A pool is one undated capacity shared by
// several members (room types, departures, tours…). A take (a hold with an expiry, or a firm
// take) records exactly what it took in `inventory_take_items`, so a release gives back
// exactly that. The CHECKs are the last line against overselling: `sold + held <= capacity`.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table inventory_resources (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    kind text not null check (kind in ('room_type','transport_seats','ticket_slot','service')),
    owner_id uuid not null,
    class_code text not null default '',
    label text not null,
    low_stock_threshold integer check (low_stock_threshold >= 0),
    alert_user_ids jsonb not null default '[]',
    created_at timestamptz not null default now(),
    unique (agency_id, id),
    unique (agency_id, kind, owner_id, class_code)
  )`,
  `create table inventory_days (
    resource_id uuid not null,
    agency_id uuid not null references agencies (id),
    date date not null,
    kind text not null check (kind in ('allotment','on_request')),
    capacity integer not null check (capacity >= 0),
    sold integer not null default 0 check (sold >= 0),
    held integer not null default 0 check (held >= 0),
    release_days integer check (release_days between 0 and 365),
    stop_sale boolean not null default false,
    min_stay integer check (min_stay between 1 and 365),
    closed_to_arrival boolean not null default false,
    updated_at timestamptz not null default now(),
    primary key (resource_id, date),
    check (sold + held <= capacity),
    foreign key (agency_id, resource_id) references inventory_resources (agency_id, id)
  )`,
  `create table inventory_pools (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    name text not null,
    capacity integer not null check (capacity >= 0),
    sold integer not null default 0 check (sold >= 0),
    held integer not null default 0 check (held >= 0),
    low_stock_threshold integer check (low_stock_threshold >= 0),
    alert_user_ids jsonb not null default '[]',
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    check (sold + held <= capacity)
  )`,
  `create index inventory_pools_agency_idx on inventory_pools (agency_id, id desc)`,
  // A member belongs to one pool at most; class_code '' means every class of the member.
  `create table inventory_pool_members (
    pool_id uuid not null,
    agency_id uuid not null references agencies (id),
    member_kind text not null check (member_kind in ('room_type','transport_departure','tour','attraction','service')),
    member_id uuid not null,
    class_code text not null default '',
    primary key (pool_id, member_kind, member_id, class_code),
    unique (agency_id, member_kind, member_id, class_code),
    foreign key (agency_id, pool_id) references inventory_pools (agency_id, id)
  )`,
  `create table inventory_takes (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    status text not null check (status in ('held','taken','released','expired')),
    reference text,
    expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    released_at timestamptz,
    unique (agency_id, id),
    check (status <> 'held' or expires_at is not null)
  )`,
  `create index inventory_takes_expiry_idx on inventory_takes (expires_at) where status = 'held'`,
  `create table inventory_take_items (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    take_id uuid not null,
    component integer not null,
    resource_id uuid,
    date date,
    pool_id uuid,
    quantity integer not null check (quantity > 0),
    on_request boolean not null default false,
    foreign key (agency_id, take_id) references inventory_takes (agency_id, id),
    foreign key (agency_id, resource_id) references inventory_resources (agency_id, id),
    foreign key (agency_id, pool_id) references inventory_pools (agency_id, id),
    check ((resource_id is not null and date is not null and pool_id is null)
        or (resource_id is null and date is null and pool_id is not null))
  )`,
  `create index inventory_take_items_take_idx on inventory_take_items (take_id)`,

  `create table notifications (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    user_id uuid not null references users (id),
    kind text not null,
    title text not null,
    body text not null,
    data jsonb not null default '{}',
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  `create index notifications_user_idx on notifications (user_id, id desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
