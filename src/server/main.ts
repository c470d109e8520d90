// The `caravel` command line: serve, migrate, seed-demo, create-user.
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from './config.ts';
import { systemActor } from './context.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { demoPassword, seedDemoAgency } from './demo/seed.ts';
import { webAssetsBuilt } from './http/web-assets.ts';
import { adminSeed } from './modules/identity/bootstrap.ts';
import * as identityRepo from './modules/identity/repo.ts';
import { roles } from './modules/identity/roles.ts';
import { createUser } from './modules/identity/users-service.ts';
import { firstStartBanner, startServer } from './runtime.ts';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  }
  return parsed;
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
      const result = await seedDemoAgency(database.db, seed);
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
        const agencies = options.agency
          ? [await identityRepo.findAgencyBySlug(database.db, options.agency)].filter(
              (a) => a !== undefined,
            )
          : await database.db.selectFrom('agencies').selectAll().execute();
        if (agencies.length !== 1 || !agencies[0]) {
          throw new Error(
            options.agency
              ? `no agency with the code "${options.agency}"`
              : `there are ${agencies.length} agencies; name one with --agency`,
          );
        }
        const ctx = {
          db: database.db,
          agencyId: agencies[0].id,
          actor: { ...systemActor, name: 'cli' },
        };
        const { user, generatedPassword } = await createUser(ctx, {
          email: options.email,
          name: options.name,
          role: options.role,
          password: options.password,
        });
        console.log(`Created ${user.role} ${user.email} in ${agencies[0].name}.`);
        if (generatedPassword) console.log(`Password: ${generatedPassword}`);
      } finally {
        await database.close();
      }
    },
  );

program.parseAsync().catch((error: unknown) => {
  console.error(`caravel: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
