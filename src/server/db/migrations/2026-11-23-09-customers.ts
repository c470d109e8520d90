// Customers (R1, R2): persons and companies in one table, a person optionally employed by a
// company customer; a company's travel policy, cost centres and approvers (B9); and the
// foreign key corporate price lists have waited for.
//
// One table, not two: bookings, quotes and price lists point at "the customer" whichever
// kind it is. The CHECKs keep each kind's fields to itself; the services validate first and
// name the field, these are the last guard.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table customers (
    id uuid primary key,
    agency_id uuid not null references agencies (id),
    kind text not null check (kind in ('person', 'company')),
    first_name text,
    last_name text,
    birth_date date,
    nationality char(2),
    company_id uuid,
    company_name text,
    vat_id text,
    registration_id text,
    email text,
    phone text,
    address jsonb check (address is null or jsonb_typeof(address) = 'object'),
    locale text not null check (locale in ('en', 'cs', 'pl', 'tr', 'zh')),
    marketing_consent boolean not null default false,
    -- When the current consent answer (yes or no) was recorded; null: never asked.
    consent_at timestamptz,
    notes text,
    tags jsonb not null default '[]' check (jsonb_typeof(tags) = 'array'),
    travel_policy jsonb check (travel_policy is null or jsonb_typeof(travel_policy) = 'object'),
    cost_centres jsonb not null default '[]' check (jsonb_typeof(cost_centres) = 'array'),
    -- Names, company name, e-mail and ids, lower-cased and without diacritics ("dvorak" finds
    -- "Dvořák"), written by the service with every change. Folded in the application, not
    -- with unaccent(): that function is not immutable, so it cannot be indexed, and it is an
    -- extension PGlite would have to load as well.
    search_text text not null,
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (agency_id, id),
    check (kind <> 'person' or length(btrim(coalesce(last_name, ''))) > 0),
    check (kind <> 'company' or length(btrim(coalesce(company_name, ''))) > 0),
    check (kind = 'person' or num_nonnulls(first_name, last_name, birth_date, nationality, company_id) = 0),
    check (kind = 'company' or num_nonnulls(company_name, vat_id, registration_id, travel_policy) = 0),
    check (kind = 'company' or cost_centres = '[]'::jsonb),
    check (not marketing_consent or consent_at is not null),
    -- An employee of a company customer of the same agency (the service checks it is a company).
    foreign key (agency_id, company_id) references customers (agency_id, id)
  )`,
  `create index customers_agency_idx on customers (agency_id, id desc)`,
  `create index customers_company_idx on customers (agency_id, company_id) where company_id is not null`,
  // E-mail is deliberately not unique: a family books under one parent's address, a company
  // and its travel desk staff share travel@…; so finding by e-mail may return several.
  `create index customers_email_idx on customers (agency_id, lower(email)) where email is not null`,

  // Approvers reach users through (agency_id, user_id), so an approver of agency B can never
  // stand for a company of agency A; that they have the approver role is the service's check.
  `alter table users add constraint users_agency_id_key unique (agency_id, id)`,
  `create table customer_approvers (
    agency_id uuid not null references agencies (id),
    customer_id uuid not null,
    user_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (customer_id, user_id),
    foreign key (agency_id, customer_id) references customers (agency_id, id),
    foreign key (agency_id, user_id) references users (agency_id, id)
  )`,
  `create index customer_approvers_user_idx on customer_approvers (agency_id, user_id)`,

  // Corporate price lists created before customers existed: each customer id they name
  // becomes a placeholder company (staff rename it), so the foreign key below holds for
  // every row instead of only for new ones (NOT VALID).
  `insert into customers (id, agency_id, kind, company_name, locale, search_text)
    select distinct on (p.customer_id) p.customer_id, p.agency_id, 'company',
      'Corporate customer ' || left(p.customer_id::text, 8),
      case when a.default_locale in ('en', 'cs', 'pl', 'tr', 'zh') then a.default_locale else 'en' end,
      'corporate customer ' || left(p.customer_id::text, 8)
    from price_lists p join agencies a on a.id = p.agency_id
    where p.customer_id is not null
      and not exists (select 1 from customers c where c.id = p.customer_id)
    order by p.customer_id, p.created_at`,
  `alter table price_lists add constraint price_lists_customer_fk
    foreign key (agency_id, customer_id) references customers (agency_id, id)`,
];

/**
 * pg_trgm makes "contains" searches (`like '%dvorak%'`) use an index. It ships with
 * PostgreSQL's contrib (trusted since 13, so a database owner may create it) and with PGlite
 * (db/connect.ts loads it). Where it is missing or may not be created, search still works,
 * by scanning the agency's customers; so its absence is no error.
 */
async function createTrigramExtension(db: Kysely<unknown>): Promise<boolean> {
  const installed = await sql`select 1 from pg_extension where extname = 'pg_trgm'`.execute(db);
  if (installed.rows.length > 0) return true;
  const available = await sql`select 1 from pg_available_extensions where name = 'pg_trgm'`.execute(
    db,
  );
  if (available.rows.length === 0) return false;
  // Inside the migration's transaction a failed CREATE would abort it: try under a savepoint.
  if (!db.isTransaction) {
    try {
      await sql`create extension if not exists pg_trgm`.execute(db);
      return true;
    } catch {
      return false;
    }
  }
  await sql`savepoint customers_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`release savepoint customers_pg_trgm`.execute(db);
    return true;
  } catch {
    await sql`rollback to savepoint customers_pg_trgm`.execute(db);
    return false;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  if (await createTrigramExtension(db)) {
    await sql`create index customers_search_trgm_idx on customers using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
  }
}
