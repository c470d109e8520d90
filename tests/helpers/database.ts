// Fresh databases for integration tests: an in-memory PGlite, and a new database on the
// test PostgreSQL server when there is one. `describeEachDatabase` runs a suite on each.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Database, type DatabaseKind, openDatabase } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

export function testDatabaseUrl(): string | null {
  return inject('testDatabaseUrl') ?? process.env.TEST_DATABASE_URL ?? null;
}

export function databaseKinds(): DatabaseKind[] {
  return testDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once its connections are gone. pg-pool's `end()` resolves before the
 * server has seen every connection close, and `drop … with (force)` would kill those and
 * surface as unhandled 57P01 errors; so wait for them, and force only as a last resort.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      await adminQuery(serverUrl, `drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

let pgliteTemplate: Blob | null = null;

/** The migrated PGlite the global setup dumped (read once per test file's process). */
function migratedPglite(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  pgliteTemplate ??= new Blob([fs.readFileSync(file)]);
  return pgliteTemplate;
}

/**
 * A new, migrated database of the given kind; `close()` throws it away. Each is a copy of a
 * template the global setup migrated; migrating again checks the copy is current.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { poolSize?: number } = {},
): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase(
      { kind: 'pglite', dataDir: null },
      { loadDataDir: migratedPglite() },
    );
    await migrateToLatest(database.db);
    return database;
  }
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) throw new Error('no TEST_DATABASE_URL for a PostgreSQL test database');
  const name = `caravel_test_${randomBytes(6).toString('hex')}`;
  const template = inject('postgresTemplate');
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    kind: 'postgres',
    url: url.toString(),
    poolSize: options.poolSize,
  });
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * Runs `suite` once per available database, each with its own fresh database for the file.
 * Tests inside create their own agencies, so they never see each other's rows.
 */
export function describeEachDatabase(
  name: string,
  suite: (database: () => Database, kind: DatabaseKind) => void,
): void {
  for (const kind of databaseKinds()) describeOnDatabase(kind, name, suite);
}

/**
 * Runs `suite` on one kind of database: for slow end-to-end checks whose SQL other files
 * already run on both.
 */
export function describeOnDatabase(
  kind: DatabaseKind,
  name: string,
  suite: (database: () => Database, kind: DatabaseKind) => void,
): void {
  describe(`${name} [${kind}]`, () => {
    let database: Database | null = null;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.close();
    });
    suite(() => {
      if (!database) throw new Error('the test database is not open yet');
      return database;
    }, kind);
  });
}

/** For races: runs only on PostgreSQL (PGlite has a single session, so races prove nothing). */
export function describeOnPostgres(
  name: string,
  suite: (database: () => Database) => void,
  options: { poolSize?: number } = {},
): void {
  const available = testDatabaseUrl() !== null;
  describe.skipIf(!available)(
    `${name} [postgres]${available ? '' : ' (skipped: no PostgreSQL)'}`,
    () => {
      let database: Database | null = null;
      beforeAll(async () => {
        database = await openTestDatabase('postgres', options);
      });
      afterAll(async () => {
        await database?.close();
      });
      suite(() => {
        if (!database) throw new Error('the test database is not open yet');
        return database;
      });
    },
  );
}
