// What the reports cost on a year of a big agency's sales, on PostgreSQL: the bench agency's
// million generated bookings (bench/booking/export-data.ts, over the two years before this
// one) with their sales ledger rows, weekly departures and a bed bank of 300 room types.
//  1. each report over the last full year, through its JSON route (GET /api/v1/reports/…):
//     sales by month × channel, profitability, occupancy (departures and hotels), the booking
//     curve of the tour's whole year; several runs each, median and p95, beside a baseline
//     measured in the same run: a count(*) of the agency's ledger rows;
//  2. the XLSX of a 100,000-row report streamed over a real socket to /dev/null, with the
//     process's peak resident memory before and during.
// Reports not built yet (sales, profitability arrive with their own branch) are skipped.
//
//   npm run bench -- reports                  (starts a throwaway PostgreSQL cluster)
//   npm run bench -- reports --quick          (100,000 bookings, 5 runs)
//   BENCH_DATABASE_URL=postgres://… BENCH_RUNS=20 npm run bench -- reports
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { reports } from '../src/server/modules/reporting/reports/index.ts';
import { makeTestApp, signIn } from '../tests/helpers/factories.ts';
import { generateBookings } from './booking/export-data.ts';
import { exportRows, quick } from './booking/settings.ts';
import { setUp } from './booking/setup.ts';
import { median, percentile } from './lib/figures.ts';
import { createDatabase, serverVersion, startPostgres } from './lib/postgres.ts';
import { printTable } from './lib/table.ts';
import { generateBedBank, generateDepartures, generateLedger } from './reports/ledger-data.ts';

// A collection on demand, to tell memory held from garbage not collected yet.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const runs = Number(process.env.BENCH_RUNS ?? (quick ? 5 : 11));
const bedBankRoomTypes = 300;
/** The last full year: the generated bookings were made over the two years before this one. */
const year = new Date().getUTCFullYear() - 1;
const from = `${year}-01-01`;
const to = `${year}-12-31`;

const postgres = startPostgres();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-bench-reports-'));
let database: Database | null = null;
let app: FastifyInstance | null = null;
try {
  const databaseUrl = await createDatabase(postgres.url, 'caravel_bench_reports');
  database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 4 });
  await migrateToLatest(database.db);
  const setup = await setUp(database);
  const agent = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', setup.agentEmail)
    .executeTakeFirstOrThrow();

  console.log(
    `\ngenerating ${exportRows.toLocaleString('en')} bookings and their ledger with SQL…`,
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await generateBookings(client, setup, agent.id);
    await generateLedger(client, setup.agencyId);
    await generateDepartures(client, setup.agencyId, setup.tourId, year);
    await generateBedBank(client, setup.agencyId, year, bedBankRoomTypes);
  } finally {
    await client.end();
  }
  const ledgerRows = Number(
    (
      await database.db
        .selectFrom('salesLedger')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('agencyId', '=', setup.agencyId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const { departureId } = await database.db
    .selectFrom('tourDepartures')
    .select('id as departureId')
    .where('agencyId', '=', setup.agencyId)
    .where('startDate', '>=', `${year}-07-01`)
    .orderBy('startDate')
    .executeTakeFirstOrThrow();

  app = await makeTestApp(database);
  const cookie = (await signIn(app, setup.agentEmail)).cookie;
  console.log(
    `\nPostgreSQL ${await serverVersion(database)}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}; ${ledgerRows.toLocaleString('en')} ledger rows; ${runs} runs each, after one warm-up`,
  );

  const year_ = `from=${from}&to=${to}`;
  const built = new Set(reports.map((r) => r.name));
  const cases: { label: string; report: string; query: string }[] = [
    { label: 'sales, month × channel', report: 'sales', query: `${year_}&period=month&by=channel` },
    { label: 'profitability, by tour', report: 'profitability', query: year_ },
    { label: 'occupancy, departures', report: 'occupancy', query: `${year_}&kind=departures` },
    {
      label: `occupancy, hotels (${bedBankRoomTypes} room types × nights)`,
      report: 'occupancy',
      query: `${year_}&kind=hotels`,
    },
    {
      label: 'booking curve, the tour’s year',
      report: 'booking-curve',
      query: `${year_}&tourId=${setup.tourId}&compare=lastYear`,
    },
    {
      label: 'booking curve, one departure',
      report: 'booking-curve',
      query: `departureId=${departureId}&compare=lastYear`,
    },
  ];
  // 1. the XLSX of a month, then of the year, streamed over a socket: the peak memory of the
  // second should be the first's (the rows stream through)
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const xlsxOf = (period: string) =>
    built.has('sales')
      ? `/api/v1/reports/sales.xlsx?${period}&period=day&by=customer`
      : `/api/v1/reports/occupancy.xlsx?${period}&kind=hotels`;
  const xlsxLabel = built.has('sales')
    ? 'sales by day × customer'
    : `occupancy of ${bedBankRoomTypes} room types × nights`;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  const xlsxRows: string[][] = [];
  for (const [label, period] of [
    ['July', `from=${year}-07-01&to=${year}-07-31`],
    [String(year), year_],
  ] as const) {
    const run = await streamToNull(port, xlsxOf(period), cookie);
    xlsxRows.push([
      label,
      run.bytes.toLocaleString('en'),
      run.seconds.toFixed(1),
      mb(run.rssBefore),
      mb(run.peak),
      `+${mb(run.peak - run.rssBefore)}`,
      `+${mb(run.heapPeak - run.heapBefore)}`,
    ]);
  }
  console.log(`\nXLSX of ${xlsxLabel}, streamed over HTTP to /dev/null (resident memory, MB)`);
  printTable(
    ['period', 'bytes', 'seconds', 'RSS before', 'RSS peak', 'RSS growth', 'live heap growth'],
    xlsxRows,
  );

  // 2. each report over the year, through its JSON route
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const times = async (work: () => Promise<unknown>) => {
    await work();
    const ms: number[] = [];
    for (let i = 0; i < runs; i += 1) ms.push(await timed(work));
    return ms.sort((a, b) => a - b);
  };
  const db = database.db;
  const baseline = await times(() =>
    db
      .selectFrom('salesLedger')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agencyId', '=', setup.agencyId)
      .executeTakeFirstOrThrow(),
  );
  const baselineMedian = median(baseline);
  const table: string[][] = [];
  const row = (label: string, sorted: number[], rows: string) => [
    label,
    rows,
    median(sorted).toFixed(0),
    percentile(sorted, 0.95).toFixed(0),
    (median(sorted) / baselineMedian).toFixed(1),
  ];
  table.push(
    row(`baseline: count(*) of the ledger (${ledgerRows.toLocaleString('en')})`, baseline, '1'),
  );
  for (const c of cases) {
    if (!built.has(c.report)) {
      table.push([c.label, 'not built yet', '', '', '']);
      continue;
    }
    let rowCount = 0;
    const sorted = await times(async () => {
      const response = await app?.inject({
        method: 'GET',
        url: `/api/v1/reports/${c.report}?${c.query}`,
        headers: { cookie },
      });
      if (response?.statusCode !== 200) throw new Error(`${c.report}: ${response?.body}`);
      rowCount = response.json().rows.length;
    });
    table.push(row(c.label, sorted, rowCount.toLocaleString('en')));
  }
  console.log(`\nReports over ${year}, JSON (ms; ratio = median / the baseline's median)`);
  printTable(['report', 'rows', 'median', 'p95', 'ratio'], table);
} finally {
  await app?.close();
  await database?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
  postgres.stop();
}

/**
 * Downloads `url` over HTTP into /dev/null, sampling the process's resident memory every
 * 20 ms and, every 200 ms after a collection, the heap still in use (what the stream holds).
 */
async function streamToNull(port: number, url: string, cookie: string) {
  collect();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  let heapPeak = heapBefore;
  let ticks = 0;
  const sampler = setInterval(() => {
    ticks += 1;
    if (ticks % 10 === 0) {
      collect();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const bytes = await new Promise<number>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: url, headers: { cookie } },
        (response) => {
          if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
          let total = 0;
          response.on('data', (chunk: Buffer) => {
            total += chunk.length;
          });
          const sink = fs.createWriteStream('/dev/null');
          response.pipe(sink);
          sink.on('finish', () => resolve(total));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
    });
    return {
      bytes,
      seconds: (performance.now() - started) / 1000,
      rssBefore,
      peak,
      heapBefore,
      heapPeak,
    };
  } finally {
    clearInterval(sampler);
  }
}
