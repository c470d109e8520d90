// Vitest global setup: a throwaway PostgreSQL cluster (unless TEST_DATABASE_URL names one,
// or CARAVEL_TEST_PG=0), so every `npm test` runs the integration tests on both databases;
// and fresh web assets for the end-to-end tests.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { makeDemoDataDir, makePgliteTemplate, makePostgresTemplate } from './templates.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const clusterScript = path.join(root, 'scripts/pg-cluster.sh');

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string | null;
    /** A migrated PGlite dump (tar) that each test database loads. */
    pgliteTemplate: string;
    /** A migrated PostgreSQL database each test database is created from. */
    postgresTemplate: string | null;
    /** A data directory with the demo agency, copied by each end-to-end server. */
    demoDataDir: string;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

async function buildWebIfStale(): Promise<void> {
  // Someone building elsewhere (CARAVEL_WEB_DIR, e.g. to test a branch of the web app beside
  // another build) has built it already.
  if (process.env.CARAVEL_WEB_DIR) return;
  const index = path.join(root, 'dist/web/index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src/web')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  await build({
    root: path.join(root, 'src/web'),
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
  });
}

export default async function setup(project: TestProject) {
  let clusterDir: string | null = null;
  let url = process.env.TEST_DATABASE_URL || null;
  if (!url && process.env.CARAVEL_TEST_PG !== '0') {
    clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-pg-'));
    try {
      const { stdout } = await run('bash', [clusterScript, 'start', clusterDir]);
      url = stdout.trim();
      console.log(`[caravel tests] throwaway PostgreSQL at ${url}`);
    } catch (error) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      clusterDir = null;
      console.warn(
        '\n[caravel tests] WARNING: no PostgreSQL server could be started, so the tests run on ' +
          'PGlite only and the PostgreSQL-only tests (concurrency) are reported as skipped.\n' +
          `  reason: ${(error as Error).message.split('\n')[0]}\n` +
          '  fix: apt-get install postgresql, or set TEST_DATABASE_URL.\n',
      );
    }
  }
  project.provide('testDatabaseUrl', url);
  const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-templates-'));
  const [pgliteTemplate, postgresTemplate, demoDataDir] = await Promise.all([
    makePgliteTemplate(templates),
    url ? makePostgresTemplate(url) : null,
    makeDemoDataDir(templates),
    buildWebIfStale(),
  ]);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);
  project.provide('demoDataDir', demoDataDir);

  return async () => {
    fs.rmSync(templates, { recursive: true, force: true });
    if (clusterDir) await run('bash', [clusterScript, 'stop', clusterDir]);
  };
}
