// End to end in Chromium against the real server (demo data): sign in, see the back office,
// switch the language, and have the choice remembered.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { e2eAdminPassword, launchChromium, screenshotPath, startDemoServer } from './browser.ts';

describe('back office in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    // Fail a step well inside the test's own timeout, so the report names the step.
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor to the sign-in page and shows a wrong password at the form', async () => {
    await page.goto(`${server.url}/settings/users`);
    await page.waitForURL(/\/login\?next=%2Fsettings%2Fusers/);
    await page.getByTestId('login-email').fill('admin@example.com');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('wrong');
    await page.screenshot({ path: screenshotPath('login-wrong-password') });
  });

  it('signs the admin in and returns to the page asked for', async () => {
    await page.getByTestId('login-password').fill(e2eAdminPassword);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/settings/users`);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('Administrator');
    expect(await page.getByTestId('agency-name').textContent()).toBe('Vltava Tours s.r.o.');
    // The users table lists the demo team from the server.
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(7);
    expect(await page.getByTestId('users-table').textContent()).toContain(
      'jana.novakova@vltava-tours.example',
    );
    await page.screenshot({ path: screenshotPath('users') });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('nav-bookings').textContent()).toBe('Bookings');
    await page.screenshot({ path: screenshotPath('dashboard-en') });
  });

  async function chooseLanguage(name: string) {
    await page.getByTestId('language-switcher').click();
    await page.getByRole('option', { name }).click();
  }

  it('switches the interface to Czech and to Chinese, and remembers the choice', async () => {
    await chooseLanguage('Čeština');
    await expect.poll(() => page.getByTestId('nav-bookings').textContent()).toBe('Rezervace');
    expect(await page.locator('html').getAttribute('lang')).toBe('cs');
    await page.screenshot({ path: screenshotPath('dashboard-cs') });

    await chooseLanguage('中文');
    await expect.poll(() => page.getByTestId('nav-bookings').textContent()).toBe('预订');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh');
    await page.screenshot({ path: screenshotPath('dashboard-zh') });

    // Saved to the account: a reload (and the API) know it.
    await expect
      .poll(async () =>
        (await page.request.get(`${server.url}/api/v1/me`)).json().then((me) => me.locale),
      )
      .toBe('zh');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-bookings').textContent()).toBe('预订');
  });

  it('signs out', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    const me = await page.request.get(`${server.url}/api/v1/me`);
    expect(me.status()).toBe(401);
  });
});
