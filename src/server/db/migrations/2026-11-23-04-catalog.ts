// The catalog (C1–C7): suppliers, accommodations with room types, tours with departures or
// seasons, transport with dated departures, attractions with ticket types, extra services.
//
// Every child row carries `agency_id` and points at its parent through (agency_id, id), so
// the database itself refuses a room type of agency A under a hotel of agency B.
// Text shown to customers is jsonb `{ en, cs, pl, tr, zh }` (at least one language).
// Nothing here is deleted: rows are archived (`archived_at`) once bookings may reference them.
import { type Kysely, sql } from 'kysely';

const timestamps = `
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const statements = [
  `create table suppliers (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    name text not null,
    kind text not null check (kind in ('hotel','carrier','ground_handler','attraction','insurer','other')),
    currency char(3) not null,
    payment_terms_days integer not null default 14 check (payment_terms_days between 0 and 365),
    email text,
    phone text,
    vat_id text,
    address jsonb,
    contacts jsonb not null default '[]',
    notes text,
    ${timestamps},
    unique (agency_id, id)
  )`,
  `create index suppliers_agency_idx on suppliers (agency_id, id desc)`,

  `create table accommodations (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    supplier_id uuid,
    name text not null,
    kind text not null default 'hotel' check (kind in ('hotel','apartment','guesthouse','resort','camp','other')),
    street text,
    city text not null,
    postal_code text,
    country char(2) not null,
    latitude double precision check (latitude between -90 and 90),
    longitude double precision check (longitude between -180 and 180),
    stars double precision check (stars between 0 and 5),
    board_types jsonb not null default '[]',
    photos jsonb not null default '[]',
    description jsonb not null default '{}',
    ${timestamps},
    unique (agency_id, id),
    foreign key (agency_id, supplier_id) references suppliers (agency_id, id)
  )`,
  `create index accommodations_agency_idx on accommodations (agency_id, id desc)`,

  `create table room_types (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    accommodation_id uuid not null,
    code text not null,
    name jsonb not null,
    max_adults integer not null check (max_adults between 1 and 50),
    max_children integer not null default 0 check (max_children between 0 and 50),
    standard_beds integer not null check (standard_beds between 1 and 50),
    extra_beds integer not null default 0 check (extra_beds between 0 and 20),
    ${timestamps},
    unique (agency_id, id),
    unique (accommodation_id, code),
    foreign key (agency_id, accommodation_id) references accommodations (agency_id, id)
  )`,

  `create table transports (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    supplier_id uuid,
    kind text not null check (kind in ('flight','train','bus')),
    code text not null,
    name text not null,
    carrier text,
    classes jsonb not null,
    stops jsonb not null,
    ${timestamps},
    unique (agency_id, id),
    unique (agency_id, kind, code),
    foreign key (agency_id, supplier_id) references suppliers (agency_id, id)
  )`,
  `create table transport_departures (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    transport_id uuid not null,
    date date not null,
    status text not null default 'open' check (status in ('open','closed','cancelled')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    unique (transport_id, date),
    foreign key (agency_id, transport_id) references transports (agency_id, id)
  )`,

  `create table tours (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    accommodation_id uuid not null,
    transport_id uuid,
    code text not null,
    name jsonb not null,
    description jsonb not null default '{}',
    mode text not null check (mode in ('fixed_departures','by_days')),
    board_type text,
    photos jsonb not null default '[]',
    ${timestamps},
    unique (agency_id, id),
    unique (agency_id, code),
    foreign key (agency_id, accommodation_id) references accommodations (agency_id, id),
    foreign key (agency_id, transport_id) references transports (agency_id, id)
  )`,
  `create index tours_agency_idx on tours (agency_id, id desc)`,
  `create table tour_departures (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    tour_id uuid not null,
    start_date date not null,
    nights integer not null check (nights between 1 and 365),
    transport_departure_id uuid,
    return_transport_departure_id uuid,
    status text not null default 'open' check (status in ('open','closed','cancelled')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    unique (tour_id, start_date, nights),
    foreign key (agency_id, tour_id) references tours (agency_id, id),
    foreign key (agency_id, transport_departure_id) references transport_departures (agency_id, id),
    foreign key (agency_id, return_transport_departure_id) references transport_departures (agency_id, id)
  )`,
  `create table tour_seasons (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    tour_id uuid not null,
    name text not null,
    start_date date not null,
    end_date date not null,
    min_stay integer not null default 1 check (min_stay between 1 and 365),
    max_stay integer check (max_stay between 1 and 365),
    arrival_weekdays jsonb not null default '[1,2,3,4,5,6,7]',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    check (end_date >= start_date),
    check (max_stay is null or max_stay >= min_stay),
    foreign key (agency_id, tour_id) references tours (agency_id, id)
  )`,

  `create table attractions (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    supplier_id uuid,
    name jsonb not null,
    description jsonb not null default '{}',
    city text not null,
    country char(2) not null,
    address text,
    latitude double precision check (latitude between -90 and 90),
    longitude double precision check (longitude between -180 and 180),
    photos jsonb not null default '[]',
    advance_booking_days integer not null default 0 check (advance_booking_days between 0 and 365),
    dated boolean not null default true,
    validity_days integer check (validity_days between 1 and 3650),
    time_slots jsonb not null default '[]',
    entrances jsonb not null default '[]',
    included_items jsonb not null default '[]',
    ${timestamps},
    unique (agency_id, id),
    foreign key (agency_id, supplier_id) references suppliers (agency_id, id)
  )`,
  `create table ticket_types (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    attraction_id uuid not null,
    category text not null check (category in ('adult','child','student','senior','family')),
    name jsonb not null,
    min_age integer check (min_age between 0 and 120),
    max_age integer check (max_age between 0 and 120),
    ${timestamps},
    unique (agency_id, id),
    check (max_age is null or min_age is null or max_age >= min_age),
    foreign key (agency_id, attraction_id) references attractions (agency_id, id)
  )`,

  `create table extra_services (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    supplier_id uuid,
    kind text not null check (kind in ('transport','board','local_service','insurance')),
    code text not null,
    name jsonb not null,
    description jsonb not null default '{}',
    unit text not null check (unit in ('per_person','per_booking','per_night','per_person_per_night','per_day','per_person_per_day')),
    city text,
    country char(2),
    limited boolean not null default false,
    ${timestamps},
    unique (agency_id, id),
    unique (agency_id, code),
    foreign key (agency_id, supplier_id) references suppliers (agency_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
