// The customer portal's sign-in links (B1, B8): a customer asks for a link by e-mail and
// follows it to sign in without a password. Only the token's SHA-256 is stored, so a leaked
// table opens no account; each link is used once and expires.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table portal_sign_in_links (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    user_id uuid not null,
    token_hash text not null unique,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now(),
    foreign key (agency_id, user_id) references users (agency_id, id)
  )`,
  `create index portal_sign_in_links_user_idx on portal_sign_in_links (agency_id, user_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
