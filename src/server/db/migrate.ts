// Runs the forward-only migrations with Kysely's Migrator (it takes a lock, so two
// servers starting at once on PostgreSQL do not race).
import { type Kysely, type MigrationProvider, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index.ts';

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
