// Starting Caravel for real: open the database, migrate, create the first admin (and the
// demo agency), serve HTTP and run the outbox worker. Used by `caravel serve` and by the
// end-to-end tests, so they exercise exactly what users run.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/connect.ts';
import { migrateToLatest, withMigrationLock } from './db/migrate.ts';
import { demoAgency, demoPassword, demoStaff, seedDemoAgency } from './demo/seed.ts';
import { remindDueActions } from './modules/bookings/action-reminders.ts';
import { adminSeed, createAgencyWithUsers, hasUsers } from './modules/identity/bootstrap.ts';
import { sweepExpiredHolds } from './modules/inventory/service.ts';
import { createMailer } from './modules/messaging/mailer.ts';
import { logSmsProvider } from './modules/messaging/sms.ts';
import { OutboxWorker } from './modules/messaging/worker.ts';
import { remindOverdueInstalments } from './modules/payments/overdue.ts';
import { outboxHandlers } from './outbox-handlers.ts';
import { PeriodicTask } from './periodic-task.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  worker: OutboxWorker | null;
  url: string;
  close(): Promise<void>;
}

export interface FirstStartReport {
  adminEmail: string;
  generatedPassword: string | null;
  demo: boolean;
}

/** On an installation without users: the first agency and its admin (plus demo data). */
export async function bootstrapFirstStart(
  database: Database,
  config: Config,
): Promise<FirstStartReport | null> {
  // Under the migrations' lock: a second process starting at the same time waits here, then
  // finds the users the first one created, instead of seeding the same agency again.
  return withMigrationLock(database, async (db) => {
    if (await hasUsers(db)) return null;
    const { seed, generatedPassword } = adminSeed(config.admin);
    if (config.loadDemo) {
      await seedDemoAgency(db, seed);
    } else {
      await createAgencyWithUsers(
        db,
        { name: 'My Agency', slug: 'main', defaultLocale: 'en', baseCurrency: 'EUR' },
        [seed],
      );
    }
    return { adminEmail: seed.email, generatedPassword, demo: config.loadDemo };
  });
}

export function firstStartBanner(report: FirstStartReport): string {
  const lines = [
    '',
    '  ┌─ Caravel: first start ─────────────────────────────────────────',
    `  │ Admin:    ${report.adminEmail}`,
    report.generatedPassword
      ? `  │ Password: ${report.generatedPassword}   (shown once: write it down)`
      : '  │ Password: the one in CARAVEL_ADMIN_PASSWORD',
  ];
  if (report.demo) {
    lines.push(
      `  │ Demo agency loaded; its staff sign in with the password "${demoPassword}":`,
      ...demoStaff.map((user) => `  │   ${user.email} (${user.role})`),
    );
  }
  lines.push(
    `  │ Customer portal: /portal/${report.demo ? demoAgency.slug : 'main'} (vouchers at /v/…)`,
  );
  lines.push('  └────────────────────────────────────────────────────────────────', '');
  return lines.join('\n');
}

export async function startServer(
  config: Config,
  options: {
    webDir?: string;
    logger?: boolean;
    onFirstStart?: (report: FirstStartReport) => void;
  } = {},
): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const report = await bootstrapFirstStart(database, config);
    if (report) options.onFirstStart?.(report);
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({
    config,
    database,
    webDir: options.webDir,
    ...(options.logger === false ? { logger: false } : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  const outboxDir = path.join(config.dataDir, 'outbox');
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir });
  // No SMS gateway ships with Caravel: text messages are logged and kept beside the e-mails.
  const sms = logSmsProvider({
    outboxDir,
    log: (message) => app.log.info({ sms: message }, 'text message (log provider: not sent)'),
  });
  const worker = config.workerEnabled
    ? new OutboxWorker(database.db, {
        handlers: outboxHandlers({ db: database.db, mailer, sms, publicUrl: config.publicUrl }),
        onError: (error, job) =>
          app.log.warn({ err: error, jobId: job?.id, kind: job?.kind }, 'outbox job failed'),
      })
    : null;
  worker?.start();
  // Periodic tasks run where the outbox worker runs (one place per installation).
  const tasks = config.workerEnabled
    ? [
        new PeriodicTask(
          async () => {
            const count = await sweepExpiredHolds(database.db);
            if (count > 0) app.log.info({ count }, 'expired holds released');
          },
          {
            intervalMs: 30_000,
            onError: (error) => app.log.warn({ err: error }, 'hold sweep failed'),
          },
        ),
        new PeriodicTask(
          async () => {
            const count = await remindDueActions(database.db);
            if (count > 0) app.log.info({ count }, 'required-action reminders queued');
          },
          {
            intervalMs: 60 * 60_000,
            onError: (error) => app.log.warn({ err: error }, 'action reminders failed'),
          },
        ),
        new PeriodicTask(
          async () => {
            const count = await remindOverdueInstalments(database.db);
            if (count > 0) app.log.info({ count }, 'overdue payment reminders queued');
          },
          {
            intervalMs: 60 * 60_000,
            onError: (error) => app.log.warn({ err: error }, 'overdue payment reminders failed'),
          },
        ),
      ]
    : [];
  for (const task of tasks) task.start();

  return {
    app,
    database,
    worker,
    url,
    async close() {
      await worker?.stop();
      for (const task of tasks) await task.stop();
      await app.close();
      mailer.close();
      await database.close();
    },
  };
}
