// Part 2 of the bench: the CSV export of a million bookings, streamed over HTTP, beside COPY.
import pg from 'pg';
import type { Database } from '../../src/server/db/connect.ts';
import { generateBookings } from './export-data.ts';
import { type CopyRun, type ExportRun, exportByCopy, exportOverHttp } from './export-streams.ts';
import type { HttpClient } from './http-client.ts';
import { measureList } from './list-run.ts';
import { printExportTable } from './report.ts';
import type { ServerProcess } from './server.ts';
import { exportRounds, exportRows, exportWaitMinutes } from './settings.ts';
import type { SetUp } from './setup.ts';

/**
 * Generates the bookings, then exports them over HTTP and by COPY `exportRounds` times, and
 * prints the figures; skipped while the endpoint answers 404 (it is being built).
 */
export async function measureExport(context: {
  server: ServerProcess;
  http: HttpClient;
  database: Database;
  databaseUrl: string;
  setup: SetUp;
}) {
  const { server, http, database, databaseUrl, setup } = context;
  if (!(await waitForExport(http, setup))) return;

  console.log(`\ngenerating ${exportRows.toLocaleString('en')} bookings with SQL…`);
  const agent = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', setup.agentEmail)
    .executeTakeFirstOrThrow();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const generated = performance.now();
  try {
    await generateBookings(client, setup, agent.id);
  } finally {
    await client.end();
  }
  const total = Number(
    (
      await database.db
        .selectFrom('bookings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agencyId', '=', setup.agencyId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  console.log(
    `  ${total.toLocaleString('en')} bookings in the agency, in ${((performance.now() - generated) / 1000).toFixed(0)} s`,
  );

  const viaHttp: ExportRun[] = [];
  const viaCopy: CopyRun[] = [];
  for (let round = 0; round < exportRounds; round += 1) {
    const run = await exportOverHttp(server, http);
    viaHttp.push(run);
    const copy = await exportByCopy(databaseUrl, setup.agencyId);
    viaCopy.push(copy);
    console.log(
      `  round ${round + 1}: HTTP ${run.rows.toLocaleString('en')} rows in ${run.seconds.toFixed(1)} s (peak RSS ${(run.peakRssKb / 1024).toFixed(0)} MB); COPY ${copy.rows.toLocaleString('en')} rows in ${copy.seconds.toFixed(1)} s`,
    );
    if (run.rows !== total || copy.rows !== total) {
      console.log(`  warning: expected ${total} rows from each`);
    }
    if (round === 0) {
      // The baseline must produce what the export does: the same bytes, BOM aside.
      const differing = run.head.some((line, i) => line !== copy.head[i]);
      console.log(
        run.sha1 === copy.sha1
          ? '  both outputs are byte for byte the same (SHA-1), BOM aside'
          : `  the outputs differ (SHA-1)${differing ? `; first rows:\n    HTTP ${run.head.join('\n         ')}\n    COPY ${copy.head.join('\n         ')}` : ', not in their first rows'}`,
      );
    }
  }
  printExportTable(viaHttp, viaCopy);
  // 3. the list, on the same bookings
  await measureList(http, total);
}

/** Whether the export answers (anything but 404), waiting up to `exportWaitMinutes` for it. */
async function waitForExport(http: HttpClient, setup: SetUp): Promise<boolean> {
  const deadline = Date.now() + exportWaitMinutes * 60_000;
  for (;;) {
    const probe = await fetch(
      `${http.baseUrl}/api/v1/bookings/export.csv?ids=${setup.customerId}`,
      {
        headers: { cookie: http.cookie },
      },
    );
    await probe.body?.cancel();
    if (probe.status !== 404) return true;
    if (Date.now() >= deadline) {
      console.log(
        '\nGET /api/v1/bookings/export.csv answers 404: the export is not built yet; skipped',
      );
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
}
