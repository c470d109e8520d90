// Opens the database Caravel runs on: embedded PGlite by default, PostgreSQL with DATABASE_URL.
// Both go through Kysely, so no business code knows which one it is talking to.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { guardedDialect, registerGuard } from './transaction.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The embedded engine, on PGlite only: the tests dump a migrated one as their template. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PGlite only: start from this dump of a data directory instead of an empty one. */
  loadDataDir?: Blob;
}

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the time zone.
const DATE_OID = 1082;
// int8 (count(*), sums) as numbers; our counters stay far below 2^53.
const INT8_OID = 20;
const keepText = (value: string) => value;
const toNumber = (value: string) => Number(value);

export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<Database> {
  const plugins = [new CamelCasePlugin()];
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 20,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return keepText;
          if (oid === INT8_OID) return toNumber;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // A pooled connection that dies while idle (server restart, a terminated backend) must
    // not take the process down: the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => {
      console.error(`caravel: an idle database connection failed: ${error.message}`);
    });
    const token = {};
    const db = new Kysely<DB>({
      dialect: guardedDialect(new PostgresDialect({ pool }), token),
      plugins,
    });
    registerGuard(db as never, token);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir ?? undefined, {
    parsers: { [DATE_OID]: keepText, [INT8_OID]: toNumber },
    // Trigram indexes for "contains" searches (customers); PostgreSQL has it in contrib.
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // The dialect hands PGlite's single connection to one transaction at a time.
  const token = {};
  const db = new Kysely<DB>({
    dialect: guardedDialect(new PGliteDialect({ pglite }), token),
    plugins,
  });
  registerGuard(db as never, token);
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
