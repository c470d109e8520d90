// What a booking costs, on PostgreSQL, with the server (`startServer`, as `caravel serve`) in
// a child process so that the clients do not share its event loop:
//  1. over HTTP, 32 clients signed in as an agent: quote + booking per iteration (POST
//     /api/v1/quotes, then POST /api/v1/bookings with an Idempotency-Key, as a client that may
//     retry sends), quotes alone, and the booking of those pre-made quotes; beside pgbench
//     (-c 32 -j 2) running the very statements those requests issued, captured from the
//     server's pg client and turned into custom scripts, in the same run;
//  2. GET /api/v1/bookings/export.csv streamed over HTTP from a million bookings generated
//     with SQL: rows/s and the server's peak memory, beside psql's COPY … TO STDOUT of the
//     same rows and columns;
//  3. GET /api/v1/bookings, a page of the back-office list with the common filters, on those
//     bookings, beside GET /api/v1/me as the baseline.
// Prints medians of rounds (the machine is small and noisy). About 8 minutes on an idle
// 2-core machine, 15 on a busy one; with --quick, a few.
//
//   npm run bench -- booking                      (starts a throwaway PostgreSQL cluster)
//   npm run bench -- booking --quick              (1 round of 5 s runs, 100,000 bookings)
//   BENCH_DATABASE_URL=postgres://… npm run bench -- booking
//   BENCH_ROUNDS=5 BENCH_SECONDS=20 BENCH_EXPORT_ROWS=300000 BENCH_EXPORT_ROUNDS=3 npm run bench -- booking
//
// The parts live in bench/booking/; this file sets up the database and the server and runs them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { measureBookings } from './booking/bookings-run.ts';
import { measureExport } from './booking/export-run.ts';
import { HttpClient } from './booking/http-client.ts';
import { type ServerProcess, spawnServer } from './booking/server.ts';
import { clients, rounds, seconds } from './booking/settings.ts';
import { setUp } from './booking/setup.ts';
import { createDatabase, serverVersion, startPostgres } from './lib/postgres.ts';

const postgres = startPostgres();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-bench-booking-'));
let server: ServerProcess | null = null;
let database: Database | null = null;
try {
  const databaseUrl = await createDatabase(postgres.url, 'caravel_bench_booking');
  database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 4 });
  await migrateToLatest(database.db);
  const setup = await setUp(database);

  server = spawnServer(databaseUrl, path.join(workDir, 'data'));
  const ready = await server.next('ready');
  const http = new HttpClient(ready.url);
  await http.signIn(setup.agentEmail);
  console.log(
    `\nPostgreSQL ${await serverVersion(database)}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}; server in a child process (pool of ${ready.poolSize}); ${clients} clients; ${rounds} round(s) of ${seconds} s runs (medians)`,
  );

  // 1. bookings over HTTP, and pgbench replaying their statements
  await measureBookings({ server, http, database, databaseUrl, setup, workDir });
  // 2. the CSV export
  await measureExport({ server, http, database, databaseUrl, setup });

  await server.ask({ type: 'stop' }, 'stop');
} finally {
  server?.kill();
  await database?.close();
  if (process.env.BENCH_KEEP_SCRIPTS === '1') console.log(`kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  postgres.stop();
}
