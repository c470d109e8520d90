// End to end in Chromium against the real server (demo data): supplier invoices. The demo
// accountant records a hotel's invoice billing more than a booking line costs (a server
// problem first lands on its field), matches it to that line by finding the booking by its
// number, reads the expected and invoiced cost, the variance and the flag, finds it among the
// flagged ones in the list, marks it paid and opens it again; then sets the tolerance so high
// that the invoice is no longer flagged.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { launchChromium, screenshotPath, startDemoServer } from './browser.ts';

const demoPassword = 'caravel-demo';
const accountantEmail = 'eva.dvorakova@vltava-tours.example';
const invoiceNumber = 'E2E-HOTEL-0001';

interface ApiMatch {
  id: string;
  kind: string;
  targetId: string;
  label: string;
  amount: number;
  expectedCost: number;
}

interface ApiSupplierInvoice {
  id: string;
  supplier: { id: string; name: string };
  number: string;
  invoiceDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  unmatched: number;
  expectedCost: number;
  actualCost: number;
  variance: number;
  flagged: boolean;
  status: 'open' | 'paid';
  paidOn: string | null;
  matches?: ApiMatch[];
}

interface ApiLine {
  id: string;
  position: number;
  kind: string;
  label: string;
  productKind: string;
  productId: string;
  cost: number | null;
}

interface ApiBooking {
  id: string;
  number: string;
  status: string;
  currency: string;
  lines: ApiLine[];
}

/** The digits of a shown amount: "CZK 18,500.00" → "1850000" (CZK has two decimals). */
function digitsOf(text: string | null): string {
  return (text ?? '').replace(/\D/g, '');
}

describe('supplier invoices in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  /** The booking line the invoice bills: a hotel's, not matched by the demo's invoices. */
  let target: { booking: ApiBooking; line: ApiLine & { cost: number }; supplier: Supplier };
  let invoice: ApiSupplierInvoice;
  let billed: number;
  let baseCurrency: string;

  interface Supplier {
    id: string;
    name: string;
    currency: string;
    paymentTermsDays: number;
  }

  async function api<T>(path: string, init?: { method: string; body?: unknown }): Promise<T> {
    return page.evaluate(
      async ({ url, init }) => {
        const response = await fetch(url, {
          method: init?.method ?? 'GET',
          headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
          body: init?.body === undefined ? undefined : JSON.stringify(init.body),
        });
        if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      { url: path, init },
    );
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${message.text()} ${message.location().url}`);
      }
    });
    await page.goto(`${server.url}/login`, { timeout: 60_000 });
    await page.getByTestId('login-email').fill(accountantEmail);
    await page.getByTestId('login-password').fill(demoPassword);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);
    // The demo accountant reads Czech; this test reads the English screens.
    await api('/api/v1/me', { method: 'PATCH', body: { locale: 'en' } });
    await page.reload();
    await page.getByRole('link', { name: 'Payments & invoices' }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('finds a hotel line of a live booking that no demo invoice matches yet', async () => {
    const demo = await api<{ items: ApiSupplierInvoice[] }>('/api/v1/supplier-invoices');
    const matched = new Set<string>();
    for (const item of demo.items) {
      const full = await api<ApiSupplierInvoice>(`/api/v1/supplier-invoices/${item.id}`);
      for (const match of full.matches ?? []) matched.add(match.targetId);
    }
    const me = await api<{ agency: { baseCurrency: string } }>('/api/v1/me');
    const bookings = await api<{ items: Array<{ id: string; status: string; currency: string }> }>(
      '/api/v1/bookings?limit=100',
    );
    // A booking in the base currency, so its line's cost is the expected cost as it is.
    for (const summary of bookings.items) {
      if (summary.status === 'cancelled' || summary.currency !== me.agency.baseCurrency) continue;
      const booking = await api<ApiBooking>(`/api/v1/bookings/${summary.id}`);
      const line = booking.lines.find(
        (l) => l.productKind === 'tour' && l.kind === 'person' && (l.cost ?? 0) > 0,
      );
      if (!line || matched.has(line.id)) continue;
      // A tour's lines are supplied by its hotel's supplier.
      const tour = await api<{ accommodationId: string }>(`/api/v1/tours/${line.productId}`);
      const hotel = await api<{ supplierId: string | null }>(
        `/api/v1/accommodations/${tour.accommodationId}`,
      );
      if (!hotel.supplierId) continue;
      const supplier = await api<Supplier>(`/api/v1/suppliers/${hotel.supplierId}`);
      target = { booking, line: line as ApiLine & { cost: number }, supplier };
      break;
    }
    expect(target, 'a hotel line to bill').toBeDefined();
    baseCurrency = me.agency.baseCurrency;
  });

  it('records the invoice; a rate the server refuses is shown at its field', async () => {
    const tolerance = await api<{ percent: string; amount: number }>(
      '/api/v1/settings/supplier-invoice-tolerance',
    );
    // The hotel bills the line's cost plus 100.00 beyond what is tolerated: the larger of the
    // percent of the cost (default 2 %) and the amount (default 10.00), so it must be flagged.
    const tolerated = Math.max(
      Math.ceil((target.line.cost * Number(tolerance.percent)) / 100),
      tolerance.amount,
    );
    billed = target.line.cost + tolerated + 100_00;

    await page.getByRole('link', { name: 'Payments & invoices' }).click();
    await page.getByTestId('tab-supplier-invoices').click();
    await page.waitForURL(`${server.url}/finance/supplier-invoices`);
    await expect.poll(() => page.getByTestId('supplier-invoice-row').count()).toBe(3);

    await page.getByTestId('supplier-invoice-new').click();
    await page.getByTestId('si-supplier').fill(target.supplier.name);
    await page.getByRole('option', { name: target.supplier.name, exact: true }).click();
    // Left empty, the due date follows the supplier's terms: the form says how many days.
    const days = target.supplier.paymentTermsDays;
    expect(await page.getByText(new RegExp(`: ${days} days? after the invoice date`)).count()).toBe(
      1,
    );
    await page.getByTestId('si-number').fill(invoiceNumber);
    // Billed in the base currency, whatever the supplier's own (the demo's hotels bill in EUR).
    await page.getByTestId('si-currency').fill(baseCurrency.toLowerCase());
    await page.getByTestId('si-amount').fill((billed / 100).toFixed(2));
    await page.getByTestId('si-vat').fill('0');
    await page.getByTestId('si-note').fill('Room block, city tax included');
    // An invoice in the base currency has the rate 1: the server says so at the field.
    await page.getByTestId('si-rate').fill('2');
    await page.getByTestId('si-submit').click();
    const rate = page.getByTestId('si-rate');
    await expect.poll(() => rate.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('si-error').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('supplier-invoice-record') });
    await rate.fill('');
    await page.getByTestId('si-submit').click();

    await page.waitForURL(/\/finance\/supplier-invoices\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) as string;
    invoice = await api<ApiSupplierInvoice>(`/api/v1/supplier-invoices/${id}`);
    const due = new Date(`${invoice.invoiceDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + target.supplier.paymentTermsDays);
    expect(invoice).toMatchObject({
      number: invoiceNumber,
      supplier: { id: target.supplier.id },
      amount: billed,
      currency: baseCurrency,
      dueDate: due.toISOString().slice(0, 10),
      status: 'open',
      // Nothing matched yet: the whole invoice is the variance.
      unmatched: billed,
      expectedCost: 0,
      variance: billed,
      flagged: true,
      matches: [],
    });
    expect(await page.getByTestId('no-matches').count()).toBe(1);
    expect(digitsOf(await page.getByTestId('detail-unmatched').textContent())).toBe(String(billed));
  });

  it('matches it to the line, found through its booking number, all of it by default', async () => {
    await page.getByTestId('match-open').click();
    const amount = page.getByTestId('match-amount');
    expect(digitsOf(await amount.inputValue())).toBe(digitsOf(String(billed / 100)));
    await page.getByTestId('match-booking').fill(target.booking.number);
    await page.getByRole('option', { name: new RegExp(`^${target.booking.number} `) }).click();
    // The lines are numbered from 1 in the booking's order.
    const number = target.booking.lines.indexOf(target.line) + 1;
    await page.getByTestId('match-line').click();
    await page.getByRole('option', { name: new RegExp(`^${number}\\. `) }).click();
    await page.screenshot({ path: screenshotPath('supplier-invoice-match') });
    await page.getByTestId('match-submit').click();
    await expect.poll(() => page.getByTestId('match-row').count()).toBe(1);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    invoice = await api<ApiSupplierInvoice>(`/api/v1/supplier-invoices/${invoice.id}`);
    expect(invoice.matches).toEqual([
      expect.objectContaining({ kind: 'line', targetId: target.line.id, amount: billed }),
    ]);
    // Expected: what the line costs; invoiced: the whole invoice; the variance the difference.
    expect(invoice).toMatchObject({
      unmatched: 0,
      expectedCost: target.line.cost,
      actualCost: billed,
      variance: billed - target.line.cost,
      flagged: true,
    });
    expect(await page.getByTestId('match-label').textContent()).toContain(target.booking.number);
    expect(digitsOf(await page.getByTestId('match-expected').textContent())).toBe(
      String(target.line.cost),
    );
    expect(digitsOf(await page.getByTestId('detail-expected').textContent())).toBe(
      String(target.line.cost),
    );
    expect(digitsOf(await page.getByTestId('detail-actual').textContent())).toBe(String(billed));
    // "CZK 1,100.00 (+6.1%)": the amount's digits come first.
    expect(digitsOf(await page.getByTestId('detail-variance').textContent())).toMatch(
      new RegExp(`^${billed - target.line.cost}`),
    );
    expect(await page.getByTestId('detail-flag').getAttribute('data-flagged')).toBe('true');
    expect(await page.getByTestId('detail-tolerance').textContent()).toContain('2%');
    await page.screenshot({ path: screenshotPath('supplier-invoice-detail'), fullPage: true });
  });

  it('lists it among those to review, filtered in the address', async () => {
    await page.getByTestId('tab-supplier-invoices').click();
    await page.waitForURL(`${server.url}/finance/supplier-invoices`);
    await page.getByTestId('filter-flagged').getByText('To review', { exact: true }).click();
    await page.waitForURL(/[?&]flagged=true/);
    const row = page.locator(
      `[data-testid="supplier-invoice-row"][data-number="${invoiceNumber}"]`,
    );
    await expect.poll(() => row.count()).toBe(1);
    const flagged = await api<{ items: ApiSupplierInvoice[] }>(
      '/api/v1/supplier-invoices?flagged=true',
    );
    await expect
      .poll(() => page.getByTestId('supplier-invoice-row').count())
      .toBe(flagged.items.length);
    expect(await row.getByTestId('flag-badge').textContent()).toBe('To review');
    expect(digitsOf(await row.getByTestId('supplier-invoice-variance').textContent())).toBe(
      String(billed - target.line.cost),
    );
    // Within the tolerance: not there.
    await page.getByTestId('filter-flagged').getByText('Within tolerance', { exact: true }).click();
    await page.waitForURL(/[?&]flagged=false/);
    await expect.poll(() => row.count()).toBe(0);
    // The address alone restores the view.
    await page.goto(`${server.url}/finance/supplier-invoices?flagged=true&status=open`);
    await expect.poll(() => row.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('supplier-invoices'), fullPage: true });
    await row.getByTestId('supplier-invoice-link').click();
    await page.waitForURL(`${server.url}/finance/supplier-invoices/${invoice.id}`);
  });

  it('marks it paid on a day, then opens it again', async () => {
    const paidOn = invoice.invoiceDate;
    await page.getByTestId('paid-on').fill(paidOn);
    await page.getByTestId('mark-paid').click();
    await expect.poll(() => page.getByTestId('detail-paid-on').count()).toBe(1);
    expect(await api<ApiSupplierInvoice>(`/api/v1/supplier-invoices/${invoice.id}`)).toMatchObject({
      status: 'paid',
      paidOn,
    });
    expect(await page.getByTestId('status-badge').first().getAttribute('data-status')).toBe('paid');
    // Paid, it leaves the open ones.
    const open = await api<{ items: ApiSupplierInvoice[] }>(
      '/api/v1/supplier-invoices?status=open',
    );
    expect(open.items.map((i) => i.id)).not.toContain(invoice.id);

    await page.getByTestId('reopen').click();
    await expect.poll(() => page.getByTestId('mark-paid').count()).toBe(1);
    expect(await api<ApiSupplierInvoice>(`/api/v1/supplier-invoices/${invoice.id}`)).toMatchObject({
      status: 'open',
      paidOn: null,
    });
  });

  it('tolerates the variance once the tolerance amount is raised above it', async () => {
    await page.getByTestId('tab-settings').click();
    await page.waitForURL(`${server.url}/finance/settings`);
    const amount = page.getByTestId('tolerance-amount');
    await expect.poll(() => amount.inputValue()).toMatch(/\d/);
    // The variance plus 1.00, in major units: now within the tolerance.
    const variance = billed - target.line.cost;
    await amount.fill(((variance + 100) / 100).toFixed(2));
    await page.getByTestId('tolerance-save').click();
    await expect
      .poll(
        async () =>
          (await api<{ amount: number }>('/api/v1/settings/supplier-invoice-tolerance')).amount,
      )
      .toBe(variance + 100);
    await page.goto(`${server.url}/finance/supplier-invoices/${invoice.id}`);
    await expect
      .poll(() => page.getByTestId('detail-flag').getAttribute('data-flagged'))
      .toBe('false');
    // Only the test's own 400 (the refused rate) may have been logged.
    expect(
      consoleErrors.filter(
        (error) =>
          !error.includes('/favicon.ico') &&
          !(error.includes('400') && error.includes('/api/v1/supplier-invoices')),
      ),
    ).toEqual([]);
  });
});
