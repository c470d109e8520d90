// The sign-in throttle's memory, shared by every process serving the installation: one row
// per attempt and key (the account from an address, the address, the account). Rows are
// written before the password is checked, so parallel guesses count against one budget.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table login_failures (
    attempt_id uuid not null,
    key text not null,
    at timestamptz not null,
    primary key (attempt_id, key)
  )`,
  `create index login_failures_key_at_idx on login_failures (key, at)`,
  `create index login_failures_at_idx on login_failures (at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
