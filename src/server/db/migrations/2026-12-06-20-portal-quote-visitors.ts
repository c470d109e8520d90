// Portal quotes remember the client address they came from, so the portal can limit what one
// visitor holds at once and how fast one address makes quotes (issue 16, §5): otherwise a
// few anonymous quotes hold a hotel's last rooms and staff cannot sell them.
import { type Kysely, sql } from 'kysely';

const statements = [
  'alter table quotes add column client_address text',
  `create index quotes_client_address_idx on quotes (agency_id, client_address, created_at desc)
    where client_address is not null`,
  `create index quotes_created_by_idx on quotes (agency_id, created_by, expires_at desc)
    where created_by is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
