// Seat maps (I4, T2). A transport's layout is one document (decks, seats with a stable id,
// label, position, class and properties, blocked seats, doors and toilets for drawing); each
// of its departures gets one row per seat, materialised from the layout, that says who sits
// there. A seat row is the only place a seat can be given, so a seat cannot be sold twice:
// the primary key is the seat, and a traveller has one seat per departure (the unique index).
// Seat counts per class stay in the inventory (`inventory_days`), the source of availability.
// `blocked` comes from the layout (driver, guide, crew: never sold); `held` is a seat staff
// keep out of sale on one departure, with a note (its class's capacity is one less meanwhile).
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table transport_layouts (
    agency_id uuid not null references agencies (id),
    transport_id uuid not null,
    document jsonb not null,
    version integer not null default 1 check (version >= 1),
    updated_at timestamptz not null default now(),
    primary key (agency_id, transport_id),
    foreign key (agency_id, transport_id) references transports (agency_id, id)
  )`,
  `create table departure_seats (
    agency_id uuid not null references agencies (id),
    departure_id uuid not null,
    seat_id text not null,
    label text not null,
    class_code text not null,
    deck integer not null check (deck >= 0),
    seat_row integer not null,
    seat_column integer not null,
    properties jsonb not null default '[]',
    blocked text check (blocked in ('driver', 'guide', 'crew', 'other')),
    held text check (length(held) between 1 and 200),
    booking_id uuid,
    traveller integer check (traveller >= 0),
    assigned_at timestamptz,
    primary key (agency_id, departure_id, seat_id),
    foreign key (agency_id, departure_id) references transport_departures (agency_id, id),
    foreign key (agency_id, booking_id) references bookings (agency_id, id),
    check ((booking_id is null) = (traveller is null)),
    check (blocked is null or booking_id is null),
    check (held is null or (booking_id is null and blocked is null))
  )`,
  `create unique index departure_seats_traveller_idx
    on departure_seats (agency_id, departure_id, booking_id, traveller)
    where booking_id is not null`,
  `create index departure_seats_booking_idx
    on departure_seats (agency_id, booking_id)
    where booking_id is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
