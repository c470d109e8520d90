// The `caravel` command line: serve, migrate, seed-demo, create-user, capacity import,
// rates import, report.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Kysely } from 'kysely';
import { loadConfig } from './config.ts';
import { type Ctx, systemActor } from './context.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest, withMigrationLock } from './db/migrate.ts';
import type { DB } from './db/schema.ts';
import { demoPassword, seedDemoAgency } from './demo/seed.ts';
import { Invalid } from './errors.ts';
import { webAssetsBuilt } from './http/web-assets.ts';
import { type DocumentLocale, documentLocales } from './modules/documents/pdf.ts';
import { adminSeed } from './modules/identity/bootstrap.ts';
import * as identityRepo from './modules/identity/repo.ts';
import { roles } from './modules/identity/roles.ts';
import { createUser } from './modules/identity/users-service.ts';
import { parseEcbRates } from './modules/integrations/ecb-rates.ts';
import {
  capacityColumns,
  counted,
  importCapacity,
  importErrorLines,
  parseCapacityCsv,
  planCapacityImport,
} from './modules/inventory/capacity-import.ts';
import { importEcbRates } from './modules/pricing/rates.ts';
import { findReport, type ReportFormat, reportOutput } from './modules/reporting/report-cli.ts';
import { reports } from './modules/reporting/reports/index.ts';
import { firstStartBanner, startServer } from './runtime.ts';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  }
  return parsed;
}

/** The agency named by its code (slug), or the only one when none is named. */
async function chooseAgency(db: Kysely<DB>, slug: string | undefined) {
  const agencies = slug
    ? [await identityRepo.findAgencyBySlug(db, slug)].filter((a) => a !== undefined)
    : await db.selectFrom('agencies').selectAll().execute();
  if (agencies.length !== 1 || !agencies[0]) {
    throw new Error(
      slug
        ? `no agency with the code "${slug}"`
        : `there are ${agencies.length} agencies; name one with --agency`,
    );
  }
  return agencies[0];
}

async function buildWebAssets(): Promise<void> {
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}

const program = new Command()
  .name('caravel')
  .description('Caravel: reservations and ticketing for travel agencies and tour operators')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the server (migrates the database and builds the web app first when needed)')
  .addOption(new Option('-p, --port <port>', 'HTTP port').env('PORT').argParser(port))
  .addOption(new Option('-H, --host <host>', 'address to listen on').env('HOST'))
  .option('--no-build', 'do not build missing web assets')
  .action(async (options: { port?: number; host?: string; build: boolean }) => {
    const started = performance.now();
    const config = loadConfig();
    if (options.port !== undefined) config.port = options.port;
    if (options.host) config.host = options.host;
    if (options.build && !webAssetsBuilt()) {
      console.log('Building the web application (first start)…');
      await buildWebAssets();
    }
    const server = await startServer(config, {
      onFirstStart: (report) => console.log(firstStartBanner(report)),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Caravel is ready at ${server.url} (database: ${server.database.kind}, started in ${seconds} s)`,
    );
    console.log(`API reference: ${server.url}/api/docs`);
    const shutdown = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const database = await openDatabase(loadConfig().database);
    try {
      const applied = await migrateToLatest(database.db);
      console.log(
        applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
      );
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description('load the demo agency (Vltava Tours) into the database, unless it is there')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config.database);
    try {
      await migrateToLatest(database.db);
      const { seed, generatedPassword } = adminSeed({
        email: `demo-admin@vltava-tours.example`,
        password: null,
      });
      // Under the migrations' lock, as a first start seeds: two at once seed it once.
      const result = await withMigrationLock(database, (db) => seedDemoAgency(db, seed));
      if (!result.created) console.log('The demo agency exists already; nothing changed.');
      else {
        console.log(`Demo agency created. Admin: ${seed.email} / ${generatedPassword}`);
        console.log(`Its staff sign in with the password "${demoPassword}".`);
      }
    } finally {
      await database.close();
    }
  });

program
  .command('create-user')
  .description('create a user in an agency (prints a generated password when none is given)')
  .requiredOption('-e, --email <email>', 'e-mail address (the sign-in name)')
  .requiredOption('-n, --name <name>', 'full name')
  .addOption(new Option('-r, --role <role>', 'role').choices(roles).default('agent'))
  .option('-a, --agency <slug>', 'agency code (default: the only agency)')
  .option('--password <password>', 'password (default: generated and printed)')
  .action(
    async (options: {
      email: string;
      name: string;
      role: (typeof roles)[number];
      agency?: string;
      password?: string;
    }) => {
      const database = await openDatabase(loadConfig().database);
      try {
        await migrateToLatest(database.db);
        const agency = await chooseAgency(database.db, options.agency);
        const ctx = {
          db: database.db,
          agencyId: agency.id,
          actor: { ...systemActor, name: 'cli' },
        };
        const { user, generatedPassword } = await createUser(ctx, {
          email: options.email,
          name: options.name,
          role: options.role,
          password: options.password,
        });
        console.log(`Created ${user.role} ${user.email} in ${agency.name}.`);
        if (generatedPassword) console.log(`Password: ${generatedPassword}`);
      } finally {
        await database.close();
      }
    },
  );

const columnWidth = Math.max(...Object.keys(capacityColumns).map((name) => name.length));
const capacityHelp = `
The file is CSV with a header line, separated by , or ; (UTF-8, a BOM is fine). Columns
(case does not matter; unknown columns are an error):
${Object.entries(capacityColumns)
  .map(([name, what]) => `  ${name.padEnd(columnWidth)}  ${what}`)
  .join('\n')}
Required: from, to, units, and accommodation + room_type or room_type_id.

Every row is checked before anything is written, and the rows are written in one
transaction: when any row fails (an unknown room type, units below what is already sold),
nothing changes and the errors name the lines of the file.

For example (docs/examples/capacity.csv has more):
  accommodation,room_type,from,to,kind,units,release_days,min_stay
  Hotel Adriatic Makarska,DBL,2028-07-01,2028-08-31,allotment,22,21,7
`;

const capacity = program
  .command('capacity')
  .description('room-type capacity: `capacity import FILE.csv` loads allotment contracts');

capacity
  .command('import')
  .description('set room-type capacity from a CSV file (allotment contracts), all rows or none')
  .argument('<file>', 'the CSV file')
  .option('-a, --agency <slug>', 'agency code (default: the only agency)')
  .option('--dry-run', 'check the file and show what would be written; write nothing')
  .addHelpText('after', capacityHelp)
  .action(async (file: string, options: { agency?: string; dryRun?: boolean }) => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`);
    }
    const { rows, errors } = parseCapacityCsv(text);
    if (errors.length > 0) {
      throw new Error(
        `${file} has ${errors.length} error${errors.length > 1 ? 's' : ''}; nothing was imported:\n${errors
          .map((e) => `  line ${e.line}${e.column ? ` (${e.column})` : ''}: ${e.message}`)
          .join('\n')}`,
      );
    }
    const database = await openDatabase(loadConfig().database);
    try {
      await migrateToLatest(database.db);
      const agency = await chooseAgency(database.db, options.agency);
      const ctx: Ctx = {
        db: database.db,
        agencyId: agency.id,
        actor: { ...systemActor, name: 'cli capacity import' },
      };
      const failed = (error: unknown) =>
        new Error(
          `${options.dryRun ? 'the import would fail' : 'nothing was imported'}:\n${importErrorLines(
            error,
          )
            .map((line) => `  ${line}`)
            .join('\n')}`,
        );

      if (options.dryRun) {
        const planned = await planCapacityImport(ctx, rows).catch((error: unknown) => {
          throw failed(error);
        });
        for (const row of planned) {
          const s = row.settings;
          const extras = [
            s.releaseDays != null ? `release ${s.releaseDays} days` : '',
            s.minStay != null ? `min stay ${s.minStay}` : '',
            s.stopSale ? 'stop sale' : '',
            s.closedToArrival ? 'closed to arrival' : '',
          ].filter(Boolean);
          console.log(
            `line ${row.line}: ${row.label}, ${s.from} to ${s.to} (${counted(row.nights, 'night')}): ` +
              `${s.units} ${s.kind === 'on_request' ? 'on request' : 'allotment'}` +
              (extras.length ? `, ${extras.join(', ')}` : ''),
          );
        }
        const nights = planned.reduce((sum, row) => sum + row.nights, 0);
        console.log(
          `dry run: would import ${counted(planned.length, 'row')}, ${counted(nights, 'night')} into ${agency.name}; nothing was written`,
        );
        return;
      }

      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: 'importing [{bar}] {value}/{total} rows',
              clearOnComplete: true,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(rows.length, 0);
      let result: { rows: number; nights: number };
      try {
        result = await importCapacity(ctx, rows, (done) => bar?.update(done));
      } catch (error) {
        throw failed(error);
      } finally {
        bar?.stop();
      }
      console.log(`imported ${counted(result.rows, 'row')}, ${counted(result.nights, 'night')}`);
    } finally {
      await database.close();
    }
  });

const rates = program
  .command('rates')
  .description('exchange rates: `rates import FILE.xml` loads the ECB euro reference rates');

rates
  .command('import')
  .description('import ECB euro reference rates (eurofxref-daily.xml, -hist-90d.xml or -hist.xml)')
  .argument('<file>', 'the ECB XML file, downloaded by you (Caravel does not fetch it)')
  .option('-a, --agency <slug>', 'agency code (default: the only agency)')
  .option('--latest-from-file', 'import only the newest day in the file')
  .action(async (file: string, options: { agency?: string; latestFromFile?: boolean }) => {
    let xml: string;
    try {
      xml = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`);
    }
    let days = parseEcbRates(xml);
    if (options.latestFromFile) days = days.slice(0, 1);
    const database = await openDatabase(loadConfig().database);
    try {
      await migrateToLatest(database.db);
      const agency = await chooseAgency(database.db, options.agency);
      const result = await importEcbRates(
        {
          db: database.db,
          agencyId: agency.id,
          actor: { ...systemActor, name: 'cli rates import' },
        },
        days,
      );
      const span = days.length === 1 ? days[0]?.date : `${days.at(-1)?.date} to ${days[0]?.date}`;
      console.log(
        `imported ${counted(result.rates, 'rate')} of ${counted(result.days, 'day')} (${span}) into ${agency.name}`,
      );
    } finally {
      await database.close();
    }
  });

/** The report parameters the command passes on, by option (camelCase) name. */
const reportParameters = [
  'from',
  'to',
  'dateBasis',
  'period',
  'by',
  'asOf',
  'productId',
  'productKind',
  'country',
  'channel',
  'online',
  'soldBy',
  'customerId',
  'currency',
] as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const reportHelp = `
Reports (the same as GET /api/v1/reports/NAME; parameters as there, see /api/docs):
${reports.map((r) => `  ${r.name.padEnd(14)}${r.summary}`).join('\n')}

The file has the report's rows and a totals row; amounts in the agency's base currency, cost
and margin included. Without -o the report goes to standard output (CSV unless --format
says otherwise; an XLSX workbook only into a file or a pipe). A long report written to a file
shows a progress bar on standard error.

For example:
  caravel report sales --from 2026-01-01 --to 2026-12-31 --by channel -o sales-2026.xlsx
  caravel report profitability --by supplier --format json
  caravel report receivables --as-of 2026-06-30 -o receivables.csv
`;

program
  .command('report')
  .description('write a report (sales, profitability, receivables, …) as CSV, XLSX or JSON')
  .argument('<name>', 'the report: sales, profitability, receivables, …')
  .option('--from <date>', 'first day, YYYY-MM-DD (default: 1 January)')
  .option('--to <date>', 'last day, YYYY-MM-DD (default: 31 December)')
  .option('--date-basis <basis>', 'booking (when sold, default) or departure')
  .option('--period <period>', 'sales: day, week, month (default), quarter, year or none')
  .option(
    '--by <dimensions>',
    'sales: comma list (product, channel, customer, …); profitability: one',
  )
  .option('--as-of <date>', 'receivables: the day owed amounts are aged on (default: today)')
  .option('--product-id <uuid>', 'one product only')
  .option('--product-kind <kind>', 'tour, transport or attraction')
  .option('--country <CC>', 'destination country, ISO 2')
  .option('--channel <channel>', 'one sales channel only')
  .option('--online <yes>', 'true: online channels only; false: none of them')
  .option('--sold-by <uuid>', 'one staff user only')
  .option('--customer-id <uuid>', 'one customer only')
  .option('--currency <code>', 'bookings in this currency only')
  .addOption(
    new Option('--format <format>', 'the file format (default: from -o, else csv)').choices([
      'csv',
      'xlsx',
      'json',
    ]),
  )
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .addOption(
    new Option('--lang <language>', 'column labels’ language')
      .choices([...documentLocales])
      .default('en'),
  )
  .option('-a, --agency <slug>', 'agency code (default: the only agency)')
  .addHelpText('after', reportHelp)
  .action(async (name: string, options: Record<string, string | undefined>) => {
    const report = findReport(name);
    const given: Record<string, string> = {};
    for (const key of reportParameters) {
      const value = options[key];
      if (value === undefined) continue;
      if (!(key in report.query.properties)) {
        throw new Error(`the ${name} report takes no --${kebab(key)}`);
      }
      given[key] = value;
    }
    const output = options.output;
    const extension = output?.split('.').pop()?.toLowerCase();
    const format = (options.format ??
      (extension === 'xlsx' || extension === 'json' ? extension : 'csv')) as ReportFormat;
    if (format === 'xlsx' && !output && process.stdout.isTTY) {
      throw new Error('an XLSX workbook goes into a file (-o FILE) or a pipe, not the terminal');
    }
    const database = await openDatabase(loadConfig().database);
    let bar: cliProgress.SingleBar | null = null;
    try {
      await migrateToLatest(database.db);
      const agency = await chooseAgency(database.db, options.agency);
      const ctx: Ctx = {
        db: database.db,
        agencyId: agency.id,
        actor: { ...systemActor, name: 'cli report' },
      };
      const language = (options.lang ?? 'en') as DocumentLocale;
      const result = await reportOutput(ctx, name, given, format, language, (done) =>
        bar?.update(done),
      ).catch((error: unknown) => {
        if (error instanceof Invalid && error.errors.length > 0) {
          throw new Error(
            error.errors
              .map((e) => `${e.path === '/' ? '' : `--${kebab(e.path.slice(1))} `}${e.message}`)
              .join('; '),
          );
        }
        throw error;
      });
      // A long report into a file: a progress bar on stderr, as the capacity import has.
      if (output && process.stderr.isTTY && (result.rowCount ?? 0) >= 2000) {
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${name} [{bar}] {value}/{total} rows`,
            clearOnComplete: true,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(result.rowCount ?? 0, 0);
      }
      const source =
        typeof result.stream === 'string' ? Readable.from([result.stream]) : result.stream;
      await pipeline(source, output ? createWriteStream(output) : process.stdout, {
        end: Boolean(output),
      });
      bar?.stop();
      if (output) console.error(`wrote ${counted(result.rowCount ?? 0, 'row')} to ${output}`);
    } finally {
      bar?.stop();
      await database.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`caravel: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
