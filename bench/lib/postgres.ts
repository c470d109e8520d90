// The PostgreSQL the benches run against: a throwaway cluster (scripts/pg-cluster.sh) unless
// BENCH_DATABASE_URL names a server, a fresh database on it, and its client binaries.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/server/db/connect.ts';

const clusterScript = path.resolve(import.meta.dirname, '../../scripts/pg-cluster.sh');

export interface PostgresServer {
  /** The server's URL (its `postgres` database). */
  url: string;
  /** Stops the throwaway cluster and removes it; nothing for a server given by URL. */
  stop(): void;
}

/**
 * BENCH_DATABASE_URL's server, or a throwaway cluster started for the bench. With `quiet`, the
 * script's errors go into the thrown error's message instead of the console.
 */
export function startPostgres(options: { quiet?: boolean } = {}): PostgresServer {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-bench-pg-'));
  try {
    const url = execFileSync(clusterScript, ['start', clusterDir], {
      encoding: 'utf8',
      ...(options.quiet ? { stdio: ['ignore', 'pipe', 'pipe'] as const } : {}),
    }).trim();
    return { url, stop: () => spawnSync(clusterScript, ['stop', clusterDir]) };
  } catch (error) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    throw error;
  }
}

/** Drops and creates database `name` on the server; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The server's version, as `server_version` says it (`17.5 (Debian 17.5-1)`). */
export async function serverVersion(database: Database): Promise<string> {
  const row = await database.db
    .selectNoFrom((eb) => eb.fn<string>('current_setting', [eb.val('server_version')]).as('v'))
    .executeTakeFirstOrThrow();
  return row.v;
}

/** The pgbench binary of the installed PostgreSQL (psql lies beside it). */
export function pgbenchBinary(): string {
  const candidates = [
    spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' }).stdout?.trim(),
    ...fs
      .readdirSync('/usr/lib/postgresql', { withFileTypes: true })
      .map((d) => `/usr/lib/postgresql/${d.name}/bin`),
  ];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, 'pgbench'))) return path.join(dir, 'pgbench');
  }
  throw new Error('pgbench not found: apt-get install postgresql-contrib');
}
