// End to end in Chromium against the real server (demo data): the Reports section. The admin
// opens the sales report from the navigation, sees its chart drawn and its table as the API
// answers it, changes a filter (the address and the request follow), downloads the CSV of
// the same query and finds the table's rows in it; an agent (Czech, no cost) gets the reports
// without cost, no cost column, and ECharts only on pages that draw a chart; a phone scrolls
// the table, never the page.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { launchChromium, screenshotPath, signedInAdminPage, startDemoServer } from './browser.ts';

const demoPassword = 'caravel-demo';
const agentEmail = 'jana.novakova@vltava-tours.example';

interface ApiReport {
  report: string;
  currency: string | null;
  columns: Array<{ key: string; type: string; label: string }>;
  rows: Array<Record<string, string | number | boolean | null>>;
  totals: Record<string, string | number | boolean | null>;
}

/** The digits of a shown amount or count: "CZK 12,345.00" → "1234500", "1,414" → "1414". */
function digitsOf(text: string | null | undefined): string {
  return (text ?? '').replace(/\D/g, '');
}

describe('reports in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  /** The report requests the page made, JSON and files, in order. */
  const reportRequests: string[] = [];

  async function api<T>(path: string): Promise<T> {
    return page.evaluate(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return response.json();
    }, path);
  }

  /** The table as shown: its headings' column keys and each row's cell texts. */
  async function shownTable() {
    const table = page.getByTestId('report-table');
    const keys = await table
      .locator('thead th')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-key') ?? ''));
    const rows = await table
      .getByTestId('report-row')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    return { keys, rows };
  }

  /** The query of the last JSON request for `name` (files not counted). */
  function lastQuery(name: string): URLSearchParams {
    const path = reportRequests.filter((url) => url.startsWith(`/api/v1/reports/${name}?`)).at(-1);
    return new URL(path ?? '/', 'http://x').searchParams;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await signedInAdminPage(browser, server.url, consoleErrors, 1400);
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/reports/'))
        reportRequests.push(url.pathname + url.search);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists every report for the admin and opens sales from the navigation', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(`${server.url}/reports`);
    const links = page.getByTestId('reports-index').locator('a');
    await expect
      .poll(() => links.evaluateAll((all) => all.map((a) => a.getAttribute('href'))))
      .toEqual([
        '/reports/sales',
        '/reports/profitability',
        '/reports/occupancy',
        '/reports/booking-curve',
        '/reports/supplier-costs',
        '/reports/receivables',
        '/reports/payables',
      ]);
    await page.getByTestId('report-link-sales').click();
    await page.waitForURL(`${server.url}/reports/sales`);
  });

  it('draws the sales chart and the table the API answers, with its totals', async () => {
    const table = page.getByTestId('report-table');
    await expect.poll(() => table.getByTestId('report-row').count()).toBeGreaterThan(0);
    const query = lastQuery('sales');
    // Nothing chosen yet: this calendar year by month and channel, in English.
    const year = new Date().getFullYear();
    expect(Object.fromEntries(query)).toEqual({
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      dateBasis: 'booking',
      period: 'month',
      by: 'channel',
      lang: 'en',
    });
    const answer = await api<ApiReport>(`/api/v1/reports/sales?${query}`);
    expect(answer.rows.length).toBeGreaterThan(0);
    const { keys, rows } = await shownTable();
    expect(rows).toHaveLength(answer.rows.length);
    // Every column but the ids, in the API's order; the admin sees cost and margin.
    expect(keys).toEqual(answer.columns.map((c) => c.key).filter((key) => !key.endsWith('Id')));
    expect(keys).toEqual(expect.arrayContaining(['revenue', 'cost', 'margin']));
    const revenue = keys.indexOf('revenue');
    rows.forEach((row, index) => {
      expect(digitsOf(row[revenue])).toBe(String(answer.rows[index]?.revenue));
      expect(row[revenue]).toMatch(/CZK|Kč/);
    });
    const totals = page.getByTestId('report-totals').locator('td');
    expect(await totals.nth(0).textContent()).toBe('Total');
    expect(digitsOf(await totals.nth(revenue).textContent())).toBe(String(answer.totals.revenue));

    // The chart: a canvas, painted (not blank), with a bar in the first channel's colour.
    const canvas = page.getByTestId('report-chart').locator('canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    await expect
      .poll(() =>
        canvas.evaluate((element) => {
          const c = element as HTMLCanvasElement;
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
          let coloured = 0;
          for (let i = 0; i < data.length; i += 4) {
            const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
            // Saturated pixels: bars and legend marks, not the grey axes or white ground.
            if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
          }
          return coloured;
        }),
      )
      .toBeGreaterThan(500);
    await page.screenshot({ path: screenshotPath('report-sales-en'), fullPage: true });
  });

  it('keeps a changed filter in the address and asks the API with it', async () => {
    const requested = page.waitForRequest(
      (request) =>
        request.url().includes('/api/v1/reports/sales?') &&
        new URL(request.url()).searchParams.get('period') === 'day',
      { timeout: 30_000 },
    );
    await page.getByTestId('filter-period').click();
    await page.getByRole('option', { name: 'Day', exact: true }).click();
    await requested;
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('day');
    // The rest of the filters are written out too, so the link is exact.
    expect(new URL(page.url()).searchParams.get('by')).toBe('channel');
    // Periods are days now: each row's period is a date.
    const answer = await api<ApiReport>(`/api/v1/reports/sales?${lastQuery('sales')}`);
    expect(answer.rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(String(row.period)))).toBe(true);
    await expect.poll(async () => (await shownTable()).rows.length).toBe(answer.rows.length);

    // A reload keeps the choice (the address is the state).
    await page.reload();
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(answer.rows.length);
    expect(lastQuery('sales').get('period')).toBe('day');

    // The chart's measure is the chart's: the address keeps it, the API is not asked again.
    const before = reportRequests.length;
    await page.getByTestId('chart-measure').getByText('Bookings').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('measure')).toBe('bookings');
    expect(reportRequests.slice(before).filter((url) => !url.includes('.'))).toEqual([]);
  });

  it('downloads a CSV of exactly the query shown, its rows those of the table', async () => {
    const { keys, rows } = await shownTable();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvRequest = reportRequests.filter((url) => url.startsWith('/api/v1/reports/sales.csv?'));
    expect(csvRequest.at(-1)).toBe(`/api/v1/reports/sales.csv?${lastQuery('sales')}`);

    const text = fs.readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...records] = parse(text) as string[][];
    const answer = await api<ApiReport>(`/api/v1/reports/sales?${lastQuery('sales')}`);
    // The header holds the labels the table shows; one row per table row, then the totals.
    const labelOf = new Map(answer.columns.map((c) => [c.key, c.label]));
    const at = keys.map((key) => header?.indexOf(labelOf.get(key) ?? '') ?? -1);
    expect(at.every((index) => index >= 0)).toBe(true);
    expect(records).toHaveLength(rows.length + 1);
    const numeric = new Set(
      answer.columns.filter((c) => c.type !== 'text' && c.type !== 'date').map((c) => c.key),
    );
    rows.forEach((row, r) => {
      keys.forEach((key, k) => {
        if (!numeric.has(key) || key === 'marginPct') return;
        // "CZK 1,234.50" on screen is "1234.50" in the file: the same digits.
        expect(digitsOf(records[r]?.[at[k] as number])).toBe(digitsOf(row[k]));
      });
    });
  });

  it('gives an agent the reports without cost, no cost column, ECharts only with a chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const agent = await context.newPage();
      agent.setDefaultTimeout(10_000);
      const errors: string[] = [];
      agent.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
      const chartCode: string[] = [];
      agent.on('request', (request) => {
        if (/\/assets\/(charts|EChart)-[^/]*\.js$/.test(request.url()))
          chartCode.push(request.url());
      });
      const login = await agent.request.post(`${server.url}/api/v1/auth/login`, {
        data: { email: agentEmail, password: demoPassword },
      });
      expect(login.status()).toBe(200);

      // A list without a chart: ECharts is not fetched.
      await agent.goto(`${server.url}/bookings`);
      await agent.getByTestId('bookings-table').waitFor();
      expect(chartCode).toEqual([]);

      await agent.goto(`${server.url}/reports`);
      const links = agent.getByTestId('reports-index').locator('a');
      await expect
        .poll(() => links.evaluateAll((all) => all.map((a) => a.getAttribute('href'))))
        .toEqual([
          '/reports/sales',
          '/reports/occupancy',
          '/reports/booking-curve',
          '/reports/receivables',
        ]);

      await agent.getByTestId('report-link-sales').click();
      await expect.poll(() => agent.getByTestId('report-row').count()).toBeGreaterThan(0);
      const keys = await agent
        .getByTestId('report-table')
        .locator('thead th')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-key')));
      expect(keys).toContain('revenue');
      for (const cost of ['cost', 'margin', 'marginPct']) expect(keys).not.toContain(cost);
      // Jana works in Czech: the headings come from the API in Czech, the totals row too.
      expect(await agent.getByTestId('report-totals').locator('td').first().textContent()).toBe(
        'Celkem',
      );
      // The chart page brought ECharts.
      await expect.poll(() => agent.getByTestId('report-chart').locator('canvas').count()).toBe(1);
      expect(chartCode.length).toBeGreaterThan(0);

      // A cost report by its address: no access, and the API is not asked.
      await agent.goto(`${server.url}/reports/profitability`);
      await agent.getByTestId('forbidden').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('scrolls the table, not the page, on a phone, its filters folded', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.context().addCookies(await page.context().cookies());
      await phone.goto(`${server.url}/reports/sales?by=channel,product&period=week`);
      await expect.poll(() => phone.getByTestId('report-row').count()).toBeGreaterThan(0);
      expect(await phone.getByTestId('filter-period').isVisible()).toBe(false);
      await phone.getByTestId('report-filters-toggle').click();
      await expect.poll(() => phone.getByTestId('filter-period').isVisible()).toBe(true);
      const widths = await phone.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      await phone.screenshot({ path: screenshotPath('report-sales-phone'), fullPage: true });
    } finally {
      await phone.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
