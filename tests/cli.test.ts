// The operators' imports as they run them: `caravel capacity import` and `caravel rates
// import`, the real command in a child process, on a PGlite data directory holding the demo
// agency (seeded once for both).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/connect.ts';

const root = path.resolve(import.meta.dirname, '..');
const example = path.join(root, 'docs/examples/capacity.csv');
const ecbFile = path.join(root, 'tests/fixtures/eurofxref-hist-90d.xml');

/** Stored nights of capacity from `from` to `to`, read once the command has exited. */
async function storedNights(dataDir: string, from: string, to: string): Promise<number> {
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  try {
    const row = await database.db
      .selectFrom('inventoryDays')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}

/** The ECB rates stored for the demo agency, as `date currency rate` lines. */
async function storedEcbRates(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  try {
    const rows = await database.db
      .selectFrom('exchangeRates')
      .select(['date', 'quote', sql<string>`rate::text`.as('rate')])
      .where('source', '=', 'ECB')
      .orderBy('date')
      .orderBy('quote')
      .execute();
    return rows.map((r) => `${r.date} ${r.quote} ${Number(r.rate)}`);
  } finally {
    await database.close();
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('caravel capacity import and rates import (command line)', () => {
  let dataDir: string;

  const caravel = (...args: string[]): Promise<Run> => {
    // PGlite in the temporary folder, whatever the environment says.
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

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-cli-'));
    const seeded = await caravel('seed-demo');
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('describes the columns in its help, and is listed by caravel --help', async () => {
    const [help, root] = await Promise.all([
      caravel('capacity', 'import', '--help'),
      caravel('--help'),
    ]);
    expect(help.code).toBe(0);
    for (const column of ['accommodation', 'room_type_id', 'units', 'closed_to_arrival']) {
      expect(help.stdout).toContain(column);
    }
    expect(help.stdout).toContain('--dry-run');
    expect(root.stdout).toMatch(/capacity\s+room-type capacity/);
  });

  it('imports the example file into the demo agency', async () => {
    const run = await caravel('capacity', 'import', example, '--agency', 'vltava-tours');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('imported 16 rows, 919 nights');
    // 919 nights written, some of them twice (a later row overrides): 901 distinct ones.
    expect(await storedNights(dataDir, '2028-05-27', '2028-09-30')).toBe(901);
  });

  it('fails with exit code 1 and the lines at fault, writing nothing', async () => {
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(
      bad,
      [
        'accommodation;room_type;from;to;units',
        'Hotel Adriatic Makarska;DBL;2029-06-01;2029-06-30;12',
        'Hotel Adriatic Makarska;PENTHOUSE;2029-06-01;2029-06-30;1',
        '',
      ].join('\n'),
    );
    // A bad header is reported before the database is opened, so both may run at once.
    const typo = path.join(dataDir, 'typo.csv');
    fs.writeFileSync(typo, 'accommodation,room_type,from,to,unit\nX,DBL,2029-06-01,2029-06-02,1\n');
    const [run, misspelt] = await Promise.all([
      caravel('capacity', 'import', bad, '--agency', 'vltava-tours'),
      caravel('capacity', 'import', typo),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nothing was imported');
    expect(run.stderr).toContain(
      'line 3 (room_type): no room type "PENTHOUSE" in an accommodation named "Hotel Adriatic Makarska"',
    );
    // Not even the good line 2.
    expect(await storedNights(dataDir, '2029-06-01', '2029-06-30')).toBe(0);

    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toMatch(/line 1: unknown column "unit"/);
  });

  it('imports the newest day of an ECB reference rates file, then the whole file', async () => {
    const latest = await caravel(
      'rates',
      'import',
      ecbFile,
      '--latest-from-file',
      '-a',
      'vltava-tours',
    );
    expect(latest.stderr).toBe('');
    expect(latest.code).toBe(0);
    expect(latest.stdout.trim()).toBe(
      'imported 8 rates of 1 day (2026-11-20) into Vltava Tours s.r.o.',
    );
    const newest = await storedEcbRates(dataDir);
    expect(newest).toHaveLength(8);
    expect(newest).toContain('2026-11-20 CZK 25.305');

    const all = await caravel('rates', 'import', ecbFile, '-a', 'vltava-tours');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.trim()).toBe(
      'imported 16 rates of 2 days (2026-11-19 to 2026-11-20) into Vltava Tours s.r.o.',
    );
    // The newest day again, replaced rather than doubled.
    expect(await storedEcbRates(dataDir)).toHaveLength(16);

    const missing = await caravel('rates', 'import', path.join(dataDir, 'nope.xml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.xml/);
  });
});
