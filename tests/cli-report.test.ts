// `caravel report` as an operator runs it: the real command in a child process, on a PGlite
// data directory holding the demo agency. The JSON, the CSV and the XLSX it writes hold the
// same rows and totals; its figures are the ledger's; bad parameters exit 1 naming the option.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/connect.ts';

const root = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Report {
  report: string;
  currency: string;
  columns: Array<{ key: string; type: string; label: string }>;
  rows: Array<Record<string, string | number | boolean | null>>;
  totals: Record<string, string | number | boolean | null>;
}

describe('caravel report (command line)', () => {
  let dataDir: string;

  const caravel = (...args: string[]): Promise<Run> => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(root, 'bin/caravel.js'), ...args],
        { cwd: root, env: { ...env, CARAVEL_DATA_DIR: dataDir, NO_COLOR: '1' }, timeout: 60_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  };

  // Ten years around the demo's bookings, whenever the tests run.
  const year = new Date().getUTCFullYear();
  const period = ['--from', `${year - 5}-01-01`, '--to', `${year + 4}-12-31`];
  let json: Report;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-cli-report-'));
    const seeded = await caravel('seed-demo');
    expect(seeded.code, seeded.stderr).toBe(0);
    const run = await caravel(
      'report',
      'sales',
      ...period,
      '--by',
      'channel',
      '--period',
      'none',
      '--format',
      'json',
      '-a',
      'vltava-tours',
    );
    expect(run.code, run.stderr).toBe(0);
    json = JSON.parse(run.stdout);
  }, 120_000);
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the reports and its options in its help, and is listed by caravel --help', async () => {
    const [help, all] = await Promise.all([caravel('report', '--help'), caravel('--help')]);
    expect(help.code).toBe(0);
    for (const text of ['sales', 'profitability', 'receivables', '--date-basis', '--as-of', '-o']) {
      expect(help.stdout).toContain(text);
    }
    expect(all.stdout).toMatch(/report \[options\] <name>\s+write a report/);
  });

  it("writes the sales report as JSON with the ledger's figures, costs included", async () => {
    expect(json.report).toBe('sales');
    expect(json.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(['channel', 'revenue', 'cost', 'margin', 'marginPct']),
    );
    expect(json.rows.length).toBeGreaterThan(1);
    for (const key of ['bookings', 'revenue', 'cost', 'fees']) {
      const sum = json.rows.reduce((total, row) => total + Number(row[key]), 0);
      expect(sum, key).toBe(json.totals[key]);
    }
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const ledger = await sql<{ revenue: string; bookings: string; currency: string }>`
        select coalesce(sum(sl.sale_base), 0) as revenue, coalesce(sum(sl.bookings), 0) as bookings,
          max(a.base_currency) as currency
        from sales_ledger sl join agencies a on a.id = sl.agency_id
        where a.slug = 'vltava-tours'`.execute(database.db);
      const live = await sql<{ n: string }>`
        select count(*) as n from bookings b join agencies a on a.id = b.agency_id
        where a.slug = 'vltava-tours' and b.status <> 'cancelled'`.execute(database.db);
      expect(json.totals.revenue).toBe(Number(ledger.rows[0]?.revenue));
      expect(json.totals.bookings).toBe(Number(live.rows[0]?.n));
      expect(json.currency).toBe(ledger.rows[0]?.currency.trim());
    } finally {
      await database.close();
    }
  });

  it('writes the same rows and totals as CSV to standard output and as an XLSX file', async () => {
    const args = ['report', 'sales', ...period, '--by', 'channel', '--period', 'none'];
    const csv = await caravel(...args);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(lines[0]).toEqual(json.columns.map((c) => c.label));
    const money = (key: string) => json.columns.find((c) => c.key === key)?.type === 'money';
    const asCsv = (key: string, value: unknown) =>
      value === null ? '' : money(key) ? (Number(value) / 100).toFixed(2) : String(value);
    expect(lines.slice(1, -1)).toEqual(
      json.rows.map((row) => json.columns.map((c) => asCsv(c.key, row[c.key]))),
    );
    expect(lines.at(-1)?.[0]).toBe('Total');

    const file = path.join(dataDir, 'sales.xlsx');
    const xlsx = await caravel(...args, '-o', file);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toBe('');
    expect(xlsx.stderr.trim()).toBe(`wrote ${json.rows.length} rows to ${file}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cells: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1));
    });
    expect(cells[0]).toEqual(json.columns.map((c) => c.label));
    const asXlsx = (key: string, value: unknown) =>
      value === null ? undefined : money(key) ? Number(value) / 100 : value;
    expect(cells.slice(1, -1).map((row) => json.columns.map((_, i) => row[i]))).toEqual(
      json.rows.map((row) => json.columns.map((c) => asXlsx(c.key, row[c.key]))),
    );
    const revenue = json.columns.findIndex((c) => c.key === 'revenue');
    expect(cells.at(-1)?.[revenue]).toBe(Number(json.totals.revenue) / 100);
  });

  it('exits 1 naming the option for a bad value, a period backwards or a report unknown', async () => {
    const fortnight = await caravel('report', 'sales', '--period', 'fortnight');
    expect(fortnight.code).toBe(1);
    expect(fortnight.stderr).toContain(
      '--period must be one of day, week, month, quarter, year, none',
    );
    const backwards = await caravel(
      'report',
      'sales',
      '--from',
      '2026-05-01',
      '--to',
      '2026-01-01',
    );
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('--to must be on or after from (2026-05-01)');
    // Refused before the database is opened, so both may run at once.
    const [foreign, unknown] = await Promise.all([
      caravel('report', 'receivables', '--period', 'month'),
      caravel('report', 'weather'),
    ]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('the receivables report takes no --period');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no report "weather"; the reports are sales, profitability/);
    expect(unknown.stdout).toBe('');
  });
});
