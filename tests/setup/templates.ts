// Databases made once per test run and copied by each test file, because making them is the
// slow part: PGlite's initdb takes seconds where loading a dump of it takes well under one,
// and seeding the demo agency takes about ten seconds more per end-to-end server.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { bootstrapFirstStart } from '../../src/server/runtime.ts';

/** The admin password of the demo data directory the end-to-end servers copy. */
export const e2eAdminPassword = 'e2e admin password';

/** A migrated, empty PGlite database, dumped to a tar file. */
export async function makePgliteTemplate(dir: string): Promise<string> {
  const file = path.join(dir, 'pglite-migrated.tar');
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateToLatest(database.db);
    const dump = await database.pglite?.dumpDataDir('none');
    if (!dump) throw new Error('PGlite did not dump its data directory');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  return file;
}

/** A data directory holding the demo agency, its admin signing in with `e2eAdminPassword`. */
export async function makeDemoDataDir(dir: string): Promise<string> {
  const dataDir = path.join(dir, 'demo');
  const config = loadConfig({
    CARAVEL_DATA_DIR: dataDir,
    CARAVEL_DEMO: '1',
    CARAVEL_ADMIN_PASSWORD: e2eAdminPassword,
  });
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await bootstrapFirstStart(database, config);
  } finally {
    await database.close();
  }
  return dataDir;
}

/** A migrated PostgreSQL database that `create database … template` copies. */
export async function makePostgresTemplate(serverUrl: string): Promise<string> {
  const name = 'caravel_test_template';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  return name;
}
