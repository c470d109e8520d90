// The booking curve reads a tour's ledger rows by departure date, and only their day, pax and
// base amount: one index by agency, product and departure date carrying those columns answers
// it from the index alone (the ledger is append-only, so its pages stay all-visible), instead
// of visiting half the table for a tour sold all year.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create index sales_ledger_product_departure_idx
     on sales_ledger (agency_id, product_id, departure_date) include (at, pax, sale_base)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
