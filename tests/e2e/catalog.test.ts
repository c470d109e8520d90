// End to end in Chromium against the real server (demo data): the catalog and price editors.
// Accommodations and room types, a stop-sale set in bulk on the capacity calendar (checked on
// the page and through the API), a price changed in the matrix and still there after a reload,
// and a new tour departure.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { e2eAdminPassword, launchChromium, screenshotPath, startDemoServer } from './browser.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('catalog and price editors in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      // The browser asking for /favicon.ico (which the app does not serve) is not the page's error.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
        consoleErrors.push(`${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}/login?next=%2Fcatalog`);
    await page.getByTestId('login-email').fill('admin@example.com');
    await page.getByTestId('login-password').fill(e2eAdminPassword);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/catalog/accommodations`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let capacityUrl = '';

  it('lists the accommodations and shows a hotel with its room types', async () => {
    await expect.poll(() => page.getByTestId('accommodation-row').count()).toBe(3);
    expect(await page.getByTestId('accommodations-table').textContent()).toContain(
      'Hotel Adriatic Makarska',
    );
    await page.screenshot({ path: screenshotPath('catalog-accommodations') });

    await page
      .getByTestId('accommodation-link')
      .filter({ hasText: 'Hotel Adriatic Makarska' })
      .click();
    await page.waitForURL(/\/catalog\/accommodations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('room-type-row').count()).toBe(3);
    const rooms = await page.getByTestId('room-types-table').textContent();
    for (const code of ['DBL', 'FAM', 'SGL']) expect(rooms).toContain(code);
    await page.getByTestId('open-capacity').click();
    await page.waitForURL(/\/capacity$/);
    capacityUrl = page.url();
  });

  it('sets a range of nights to stop-sale in bulk, on the grid and in the API', async () => {
    // The demo sells last minute from two weeks ahead: three nights in one month from there.
    const today = new Date().toISOString().slice(0, 10);
    let first = addDays(today, 16);
    if (addDays(first, 2).slice(0, 7) !== first.slice(0, 7))
      first = `${addDays(first, 3).slice(0, 7)}-01`;
    const last = addDays(first, 2);
    const after = addDays(first, 3);
    await page.goto(`${capacityUrl}?month=${first.slice(0, 7)}`);
    const cell = (date: string) => page.getByTestId(`cap-cell-DBL-${date}`);
    await expect.poll(() => cell(first).getAttribute('data-state')).toBe('allotment');
    expect(await cell(first).getAttribute('data-stop-sale')).toBe('false');

    await cell(first).click();
    await cell(last).click({ modifiers: ['Shift'] });
    expect(await cell(addDays(first, 1)).getAttribute('data-selected')).toBe('true');
    await page.getByTestId('bulk-edit').click();
    expect(await page.getByTestId('bulk-from').inputValue()).toBe(first);
    expect(await page.getByTestId('bulk-to').inputValue()).toBe(last);
    await page.getByTestId('bulk-stop-sale').getByText('On', { exact: true }).click();
    await page.getByTestId('bulk-submit').click();

    for (const date of [first, addDays(first, 1), last]) {
      await expect.poll(() => cell(date).getAttribute('data-stop-sale')).toBe('true');
      expect(await cell(date).getAttribute('data-state')).toBe('stop-sale');
    }
    expect(await cell(after).getAttribute('data-stop-sale')).toBe('false');
    // The family rooms were not selected: they stay on sale.
    expect(await page.getByTestId(`cap-cell-FAM-${first}`).getAttribute('data-stop-sale')).toBe(
      'false',
    );
    await page.screenshot({ path: screenshotPath('catalog-capacity-calendar') });

    const roomTypeId = await page.evaluate(async (url) => {
      const id = new URL(url).pathname.split('/')[3];
      const accommodation = await (await fetch(`/api/v1/accommodations/${id}`)).json();
      return accommodation.roomTypes.find((r: { code: string }) => r.code === 'DBL').id as string;
    }, capacityUrl);
    const days = await page.evaluate(
      async ({ id, from, to }) =>
        (await (await fetch(`/api/v1/room-types/${id}/availability?from=${from}&to=${to}`)).json())
          .items as {
          date: string;
          stopSale: boolean;
          capacity: number;
        }[],
      { id: roomTypeId, from: first, to: after },
    );
    expect(days.map((d) => [d.date, d.stopSale])).toEqual([
      [first, true],
      [addDays(first, 1), true],
      [last, true],
      [after, false],
    ]);
    // Only the restriction changed: the allotment is still there.
    expect(days.every((d) => d.capacity > 0)).toBe(true);
  });

  it('shows the capacity calendar in Czech', async () => {
    await page.getByTestId('language-switcher').click();
    await page.getByRole('option', { name: 'Čeština' }).click();
    await expect.poll(() => page.getByTestId('tab-accommodations').textContent()).toBe('Ubytování');
    expect(await page.getByTestId('bulk-edit').textContent()).toMatch(
      /Upravit výběr|Hromadná úprava/,
    );
    await page.screenshot({ path: screenshotPath('catalog-capacity-calendar-cs') });
    await page.getByTestId('language-switcher').click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('tab-accommodations').textContent())
      .toBe('Accommodations');
  });

  it('changes a price in the matrix and keeps it after a reload', async () => {
    await page.goto(`${server.url}/prices/lists`);
    await page.getByTestId('price-list-link').filter({ hasText: 'Makarská autobusem' }).click();
    await page.waitForURL(/\/prices\/lists\/[0-9a-f-]{36}$/);
    const cells = page.locator('[data-testid^="matrix-cell-high-"]');
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    // An amount cell (not a percentage) of the high season.
    let target = '';
    for (let i = 0; i < (await cells.count()); i++) {
      const input = cells.nth(i);
      const value = await input.inputValue();
      if (/^\d+\.\d{2}$/.test(value)) {
        target = (await input.getAttribute('data-testid')) ?? '';
        break;
      }
    }
    expect(target).not.toBe('');
    const input = page.getByTestId(target);
    const before = await input.inputValue();
    const next = before === '23456.00' ? '23457' : '23456';
    await input.fill(next);
    await page.getByTestId('matrix-save').click();
    await expect.poll(() => page.getByTestId('matrix-save').isDisabled()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId(target).inputValue()).toBe(`${next}.00`);
    await page.screenshot({ path: screenshotPath('prices-matrix'), fullPage: true });

    // A price the currency cannot hold is refused at the cell, not sent.
    await page.getByTestId(target).fill('12.345');
    await page.getByTestId('matrix-save').click();
    await expect.poll(() => page.getByTestId('matrix-cell-error').count()).toBe(1);

    // Leaving with a cell not saved asks first: staying keeps the typed value.
    const back = page.locator('a[href="/prices/lists"]').first();
    await back.click();
    await page.getByTestId('unsaved-stay').click();
    await expect.poll(() => page.getByTestId('unsaved-stay').count()).toBe(0);
    expect(page.url()).toMatch(/\/prices\/lists\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId(target).inputValue()).toBe('12.345');
    await back.click();
    await page.getByTestId('unsaved-leave').click();
    await page.waitForURL(/\/prices\/lists$/);
  });

  it('adds a departure to a tour', async () => {
    await page.goto(`${server.url}/catalog/tours`);
    const fixed = page.getByTestId('tour-row').filter({ hasText: 'Fixed departures' }).first();
    await fixed.getByTestId('tour-link').click();
    await page.waitForURL(/\/catalog\/tours\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('departure-row').count()).toBeGreaterThan(0);
    const before = await page.getByTestId('departure-row').count();
    const start = `${new Date().getUTCFullYear() + 2}-03-03`;
    await page.getByTestId('new-departure').click();
    await page.getByTestId('departure-start').fill(start);
    await page.getByTestId('departure-nights').fill('7');
    await page.getByTestId('departure-submit').click();
    await expect.poll(() => page.getByTestId('departure-row').count()).toBe(before + 1);
    expect(await page.locator(`[data-testid="departure-row"][data-start="${start}"]`).count()).toBe(
      1,
    );
    await page.screenshot({ path: screenshotPath('catalog-tour'), fullPage: true });
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
