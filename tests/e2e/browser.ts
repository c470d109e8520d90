// End-to-end test support: the real Caravel server on a free port with a fresh data
// directory, and Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { type RunningServer, startServer } from '../../src/server/runtime.ts';
import { e2eAdminPassword } from '../setup/templates.ts';

export { e2eAdminPassword };

/** The demo agency's server, its admin signing in with `e2eAdminPassword`. */
export function startDemoServer(): Promise<RunningServer & { dataDir: string }> {
  return startTestServer({ CARAVEL_ADMIN_PASSWORD: e2eAdminPassword, CARAVEL_DEMO: '1' });
}

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const screenshotDir = path.resolve(import.meta.dirname, 'out');

export async function startTestServer(
  env: Record<string, string> = {},
): Promise<RunningServer & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-e2e-'));
  // The demo agency the global setup seeded, copied: seeding it again takes ten seconds.
  const template = inject('demoDataDir');
  if (template && env.CARAVEL_DEMO === '1' && env.CARAVEL_ADMIN_PASSWORD === e2eAdminPassword) {
    fs.cpSync(template, dataDir, { recursive: true });
  }
  const config = loadConfig({
    CARAVEL_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...env,
  });
  // CARAVEL_WEB_DIR: web assets built elsewhere (`vite build --outDir …`); dist/web otherwise.
  const webDir = process.env.CARAVEL_WEB_DIR || undefined;
  const server = await startServer(config, { logger: false, webDir });
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, `${name}.png`);
}

/**
 * A page of the back office with the demo admin signed in through the login form: English,
 * `width` pixels wide, each console error pushed to `consoleErrors`.
 */
export async function signedInAdminPage(
  browser: Browser,
  serverUrl: string,
  consoleErrors: string[],
  width = 1280,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'en-GB' });
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(`${message.text()} ${message.location().url}`);
    }
  });
  // The first load may wait on a busy machine.
  await page.goto(`${serverUrl}/login`, { timeout: 60_000 });
  await page.getByTestId('login-email').fill('admin@example.com');
  await page.getByTestId('login-password').fill(e2eAdminPassword);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${serverUrl}/`);
  return page;
}
