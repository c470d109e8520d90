// Operational lists (T3). Travellers get the three things a tour leader needs besides their
// documents: diet, medical notes and whom to call in an emergency (free text, optional).
// Each rooming list sent to a hotel is kept as a numbered version with the rooms it listed
// (the snapshot), so the next send can say what was added, changed or cancelled since.
import { type Kysely, sql } from 'kysely';

const statements = [
  `alter table booking_travellers
    add column diet text check (length(diet) between 1 and 200),
    add column medical_notes text check (length(medical_notes) between 1 and 1000),
    add column emergency_contact text check (length(emergency_contact) between 1 and 200)`,
  `create table rooming_list_versions (
    agency_id uuid not null references agencies (id),
    tour_departure_id uuid not null,
    version integer not null check (version >= 1),
    sent_to text not null,
    sent_at timestamptz not null default now(),
    sent_by_name text,
    snapshot jsonb not null,
    primary key (agency_id, tour_departure_id, version),
    foreign key (agency_id, tour_departure_id) references tour_departures (agency_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
