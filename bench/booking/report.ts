// The booking bench's tables: medians of the rounds, HTTP beside pgbench and the export
// beside COPY, with their ratios.
import { median } from '../lib/figures.ts';
import { printTable } from '../lib/table.ts';
import type { CopyRun, ExportRun } from './export-streams.ts';
import type { HttpRun } from './http-load.ts';
import type { PgBenchRun } from './pgbench.ts';

/** The runs of each kind of iteration, one per round. */
export interface Rounds<Run> {
  both: Run[];
  quote: Run[];
  booking: Run[];
}

export function ratio(a: number, b: number) {
  return b > 0 ? `${(a / b).toFixed(2)}×` : '–';
}

function summarisePg(runs: PgBenchRun[]) {
  return { tps: median(runs.map((r) => r.tps)), latencyMs: median(runs.map((r) => r.latencyMs)) };
}

function summarise(runs: HttpRun[]) {
  return {
    rate: median(runs.map((r) => r.rate)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
  };
}

function httpCells(r: { rate: number; p50: number; p95: number }) {
  return [r.rate.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1)];
}

/** Quote + booking, booking alone and quote alone: over HTTP, and pgbench's replay of them. */
export function printBookingTable(http: Rounds<HttpRun>, pgbench: Rounds<PgBenchRun>) {
  const viaHttp = {
    both: summarise(http.both),
    quote: summarise(http.quote),
    booking: summarise(http.booking),
  };
  const pgb = {
    both: summarisePg(pgbench.both),
    quote: summarisePg(pgbench.quote),
    booking: summarisePg(pgbench.booking),
  };
  console.log('');
  const row = (label: string, h: typeof viaHttp.both, b: typeof pgb.both) => [
    label,
    ...httpCells(h),
    b.tps.toFixed(1),
    b.latencyMs.toFixed(1),
    ratio(h.rate, b.tps),
  ];
  printTable(
    ['per iteration', 'HTTP /s', 'p50 ms', 'p95 ms', 'pgbench tx/s', 'avg ms', 'HTTP ÷ pgbench'],
    [
      row('quote + booking (2 requests)', viaHttp.both, pgb.both),
      row('booking of a pre-made quote', viaHttp.booking, pgb.booking),
      row('quote alone (makes those quotes)', viaHttp.quote, pgb.quote),
    ],
  );
}

/** The export streamed over HTTP beside COPY, and the server's memory while it ran. */
export function printExportTable(viaHttp: ExportRun[], viaCopy: CopyRun[]) {
  const httpRate = median(viaHttp.map((r) => r.rows / r.seconds));
  const copyRate = median(viaCopy.map((r) => r.rows / r.seconds));
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  console.log('');
  printTable(
    ['CSV export', 'rows/s', 'MB/s', 'first byte ms', 'server peak RSS', 'idle RSS', 'vs COPY'],
    [
      [
        'GET /api/v1/bookings/export.csv (HTTP, streamed)',
        httpRate.toFixed(0),
        median(viaHttp.map((r) => r.bytes / r.seconds / 1e6)).toFixed(1),
        median(viaHttp.map((r) => r.firstByteMs)).toFixed(0),
        mb(median(viaHttp.map((r) => r.peakRssKb))),
        mb(median(viaHttp.map((r) => r.idleRssKb))),
        ratio(httpRate, copyRate),
      ],
      [
        'psql COPY (same rows and columns) TO STDOUT CSV',
        copyRate.toFixed(0),
        median(viaCopy.map((r) => r.bytes / r.seconds / 1e6)).toFixed(1),
        '',
        '',
        '',
        '1.00×',
      ],
    ],
  );
  const last = viaHttp.at(-1);
  console.log(
    `server peak RSS: VmHWM reset (clear_refs) before each export, and /proc samples every 20 ms; the server's max RSS over its whole life (bookings runs included): ${mb(last?.lifetimeMaxRssKb ?? 0)}. Bytes: HTTP ${((last?.bytes ?? 0) / 1e6).toFixed(0)} MB, COPY ${((viaCopy.at(-1)?.bytes ?? 0) / 1e6).toFixed(0)} MB`,
  );
}
