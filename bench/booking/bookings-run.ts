// Part 1 of the bench: bookings over HTTP, and pgbench replaying the statements they issued,
// round after round in the same run.
import type { Database } from '../../src/server/db/connect.ts';
import { pgbenchBinary } from '../lib/postgres.ts';
import type { HttpClient } from './http-client.ts';
import { BookingFlow, type HttpRun } from './http-load.ts';
import { PgBench, type PgBenchRun } from './pgbench.ts';
import { printBookingTable, type Rounds } from './report.ts';
import type { ServerProcess } from './server.ts';
import { clients, rounds, seconds } from './settings.ts';
import type { SetUp } from './setup.ts';
import { buildReplay } from './statements.ts';

/**
 * Captures the statements of one quote and one booking, writes them as pgbench scripts in
 * `workDir`, then runs HTTP and pgbench `rounds` times and prints the figures.
 */
export async function measureBookings(context: {
  server: ServerProcess;
  http: HttpClient;
  database: Database;
  databaseUrl: string;
  setup: SetUp;
  workDir: string;
}) {
  const { server, http, database, databaseUrl, setup, workDir } = context;
  const booking = new BookingFlow(http, setup);
  for (let i = 0; i < 20; i += 1) await booking.quoteAndBook(); // warm-up: JIT, connections

  const captureStart = Date.now();
  let quoteId = '';
  const quoteStatements = await server.capture(async () => {
    quoteId = await booking.quote();
  });
  let made = { id: '', number: '' };
  const bookingStatements = await server.capture(async () => {
    made = await booking.book(quoteId);
  });
  const replay = buildReplay(quoteStatements, bookingStatements, made.number, captureStart);
  const pgbench = new PgBench(pgbenchBinary(), databaseUrl, workDir, replay);
  console.log(
    `\ncaptured: quote ${quoteStatements.length} statements, booking ${bookingStatements.length} (scripts in ${workDir} while the bench runs)`,
  );
  for (const note of replay.notes) console.log(`  approximated: ${note}`);
  await pgbench.check(database);

  const viaHttp: Rounds<HttpRun> = { both: [], quote: [], booking: [] };
  const viaPgBench: Rounds<PgBenchRun> = { both: [], quote: [], booking: [] };
  for (let round = 0; round < rounds; round += 1) {
    viaHttp.both.push(await booking.run('quote+booking'));
    const quotes = await booking.run('quote');
    viaHttp.quote.push(quotes);
    viaHttp.booking.push(await booking.run('booking', quotes.quoteIds));
    const both = await pgbench.both(database);
    viaPgBench.both.push(both);
    // About as many as the quote+booking run did in `seconds`: a run of a few seconds each.
    const perClient = Math.max(5, Math.ceil((both.tps * seconds) / clients));
    const split = await pgbench.quotesThenBookings(database, perClient);
    viaPgBench.quote.push(split.quote);
    viaPgBench.booking.push(split.booking);
    console.log(
      `  round ${round + 1}: HTTP ${viaHttp.both.at(-1)?.rate.toFixed(1)} quote+booking/s, ${quotes.rate.toFixed(1)} quotes/s, ${viaHttp.booking.at(-1)?.rate.toFixed(1)} bookings/s; pgbench ${both.tps.toFixed(1)}, ${split.quote.tps.toFixed(1)}, ${split.booking.tps.toFixed(1)} tx/s`,
    );
  }
  printBookingTable(viaHttp, viaPgBench);
  const failures = [...viaHttp.both, ...viaHttp.quote, ...viaHttp.booking].reduce(
    (n, r) => n + r.failed,
    0,
  );
  console.log(
    `pgbench: the captured statements in their order, ${replay.quote.length} + ${replay.booking.length} per iteration, -c ${clients} -j 2 -M simple; HTTP failures: ${failures}`,
  );
}
