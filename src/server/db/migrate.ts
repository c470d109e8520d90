// Runs the forward-only migrations with Kysely's Migrator (it takes a lock, so two
// servers starting at once on PostgreSQL do not race).
import { type Kysely, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './connect.ts';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';
import { withTransaction } from './transaction.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const latestMigration = Object.keys(migrations).at(-1) ?? '';

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration the database has applied, as recorded by the Migrator itself. */
export async function appliedMigration<T>(db: Kysely<T>): Promise<string | null> {
  const result = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(db);
  return result.rows[0]?.name ?? null;
}

// The advisory lock Kysely's Migrator holds on PostgreSQL while it migrates (its LOCK_ID).
const migrationLockId = '3853314791062309107';

/**
 * Runs `work` in one transaction that holds the migrations' lock, so processes starting
 * together take turns: whoever comes second sees what the first one wrote (first-start
 * seeding). PGlite has one process, and its one connection already serialises everything.
 */
export function withMigrationLock<T>(
  database: Database,
  work: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return withTransaction(database.db, async (trx) => {
    if (database.kind === 'postgres') {
      await sql`select pg_advisory_xact_lock(${sql.raw(migrationLockId)})`.execute(trx);
    }
    return work(trx);
  });
}
