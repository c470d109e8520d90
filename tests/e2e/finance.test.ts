// End to end in Chromium against the real server (demo data): the finance section. The demo
// agency invoices each booking once it is paid (margin scheme, CZK), so its paid booking has
// an invoice: the admin finds it, downloads its PDF and UBL e-invoice, credits 100 of one line and then the rest,
// filters the list, exports the invoice book, reads the overdue payments, changes the bank
// account; the demo accountant then sees the same settings, read-only.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { launchChromium, screenshotPath, signedInAdminPage, startDemoServer } from './browser.ts';

const demoPassword = 'caravel-demo';
const accountantEmail = 'eva.dvorakova@vltava-tours.example';

interface ApiInvoice {
  id: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  bookingId: string;
  bookingNumber: string;
  currency: string;
  vatScheme: string;
  gross: number;
  vat: number;
  issueDate: string;
  creditedInvoice: { id: string; number: string } | null;
  creditable: number | null;
}

/** The digits of a shown amount: "-CZK 12,345.00" → "1234500" (CZK has two decimals). */
function digitsOf(text: string | null): string {
  return (text ?? '').replace(/\D/g, '');
}

describe('payments and invoices in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let invoice: ApiInvoice;
  /** Newest first: the rest of the invoice, then the 100 credited before. */
  let creditNotes: ApiInvoice[] = [];

  async function api<T>(path: string): Promise<T> {
    return page.evaluate(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return response.json();
    }, path);
  }

  const rowNumbers = () =>
    page
      .getByTestId('invoice-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number')));

  const row = (number: string) =>
    page.locator(`[data-testid="invoice-row"][data-number="${number}"]`);

  async function downloaded(testId: string, within = page.locator('body')) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      within.getByTestId(testId).click(),
    ]);
    return {
      name: download.suggestedFilename(),
      body: fs.readFileSync((await download.path()) as string),
    };
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await signedInAdminPage(browser, server.url, consoleErrors, 1400);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the invoice of the paid demo booking in this month, with the totals', async () => {
    const all = await api<{ items: ApiInvoice[] }>('/api/v1/invoices');
    // The demo's booking paid in full was invoiced when it was paid (its cancelled booking's
    // fee may be invoiced too: that one is not the invoice this test follows).
    const paid = await api<{ items: Array<{ id: string; number: string }> }>(
      '/api/v1/bookings?status=paid',
    );
    // The first paid booking (list order) with its invoice: the demo has more than one.
    const followed = paid.items.find((b) => all.items.some((i) => i.bookingId === b.id));
    expect(followed, 'a paid demo booking with an invoice').toBeDefined();
    const ofPaid = all.items.filter((i) => i.bookingId === followed?.id);
    expect(ofPaid.map((i) => i.kind)).toEqual(['invoice']);
    invoice = ofPaid[0] as ApiInvoice;
    expect(invoice).toMatchObject({ currency: 'CZK', vatScheme: 'margin', vat: 0 });
    expect(invoice.number).toMatch(/^FV-\d{4}-\d+$/);
    expect(invoice.gross).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Payments & invoices' }).click();
    await page.waitForURL(`${server.url}/finance/invoices`);
    // All the demo's documents were issued today: this month shows every one, newest first.
    await expect.poll(rowNumbers).toEqual(all.items.map((i) => i.number));
    const line = row(invoice.number);
    expect(await line.getByTestId('kind-badge').textContent()).toBe('Invoice');
    expect(digitsOf(await line.getByTestId('invoice-total').textContent())).toBe(
      String(invoice.gross),
    );
    expect(await line.getByTestId('invoice-total').textContent()).toMatch(/CZK|Kč/);
    expect(await line.getByTestId('invoice-booking').getAttribute('href')).toBe(
      `/bookings/${invoice.bookingId}`,
    );
    expect(await line.getByTestId('invoice-booking').textContent()).toBe(invoice.bookingNumber);
    // The whole period is on screen, so it is totalled: invoices less credit notes.
    const net = all.items.reduce((sum, i) => sum + (i.kind === 'invoice' ? i.gross : -i.gross), 0);
    expect(digitsOf(await page.getByTestId('total-net').textContent())).toBe(String(net));
  });

  it('downloads the invoice as a PDF and as a UBL e-invoice under EN 16931', async () => {
    const pdf = await downloaded('invoice-pdf', row(invoice.number));
    expect(pdf.name).toBe(`${invoice.number}.pdf`);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xml = await downloaded('invoice-xml', row(invoice.number));
    expect(xml.name).toBe(`${invoice.number}.xml`);
    const text = xml.body.toString('utf8');
    expect(text).toContain('urn:cen.eu:en16931:2017');
    expect(text).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
  });

  it('credits part of a line, then the rest, showing the amounts first', async () => {
    await row(invoice.number).getByTestId('invoice-credit').click();
    // Everything left is chosen at first: the credit note would be the invoice's total.
    await expect.poll(() => page.getByTestId('credit-amount').textContent()).toMatch(/^[-−]/);
    expect(digitsOf(await page.getByTestId('credit-amount').textContent())).toBe(
      String(invoice.gross),
    );
    expect(digitsOf(await page.getByTestId('credit-left').textContent())).toBe(
      String(invoice.gross),
    );
    // Only the first line, and only 100 of it.
    const chosen = page.getByTestId('credit-line-chosen');
    for (let index = 1; index < (await chosen.count()); index += 1) {
      await chosen.nth(index).uncheck();
    }
    const amount = page.getByTestId('credit-line-amount').first();
    // More than the line holds is refused at the field, before anything is sent.
    await amount.fill(String(invoice.gross));
    await page.getByTestId('credit-reason').fill('Goodwill for a late transfer');
    await page.getByTestId('credit-confirm').click();
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await amount.fill('100');
    await expect
      .poll(async () => digitsOf(await page.getByTestId('credit-amount').textContent()))
      .toBe('10000');
    await page.screenshot({ path: screenshotPath('finance-credit-note') });
    // Without a reason nothing is issued: the field says why.
    await page.getByTestId('credit-reason').fill('');
    await page.getByTestId('credit-confirm').click();
    await expect
      .poll(() => page.getByTestId('credit-reason').getAttribute('aria-invalid'))
      .toBe('true');
    await page.getByTestId('credit-reason').fill('Goodwill for a late transfer');
    await page.getByTestId('credit-confirm').click();

    await expect
      .poll(() => page.locator('[data-testid="invoice-row"][data-kind="credit_note"]').count())
      .toBe(1);
    const [partial] = (await api<{ items: ApiInvoice[] }>('/api/v1/invoices?kind=credit_note'))
      .items;
    // The API keeps a credit note's amounts positive; its kind and the invoice it credits say
    // they are taken back.
    expect(partial).toMatchObject({
      kind: 'credit_note',
      gross: 100_00,
      currency: 'CZK',
      bookingId: invoice.bookingId,
      creditedInvoice: { id: invoice.id, number: invoice.number },
    });
    const afterPartial = await api<ApiInvoice>(`/api/v1/invoices/${invoice.id}`);
    expect(afterPartial.creditable).toBe(invoice.gross - 100_00);
    await expect
      .poll(async () =>
        digitsOf(await row(invoice.number).getByTestId('invoice-left-to-credit').textContent()),
      )
      .toBe(String(invoice.gross - 100_00));

    // Again: what is left, all of it.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await row(invoice.number).getByTestId('invoice-credit').click();
    await expect
      .poll(async () => digitsOf(await page.getByTestId('credit-left').textContent()))
      .toBe(String(invoice.gross - 100_00));
    expect(digitsOf(await page.getByTestId('credit-amount').textContent())).toBe(
      String(invoice.gross - 100_00),
    );
    await page.getByTestId('credit-reason').fill('The customer moved to another date');
    await page.getByTestId('credit-confirm').click();
    await expect
      .poll(() => page.locator('[data-testid="invoice-row"][data-kind="credit_note"]').count())
      .toBe(2);
    creditNotes = (await api<{ items: ApiInvoice[] }>('/api/v1/invoices?kind=credit_note')).items;
    expect(creditNotes.map((note) => note.gross)).toEqual([invoice.gross - 100_00, 100_00]);
    for (const note of creditNotes) expect(note.number).toMatch(/^DN-\d{4}-\d+$/);
    expect((await api<ApiInvoice>(`/api/v1/invoices/${invoice.id}`)).creditable).toBe(0);
    const [rest] = creditNotes as [ApiInvoice];
    const noteTotal = await row(rest.number).getByTestId('invoice-total').textContent();
    expect(noteTotal).toMatch(/^[-−]/);
    expect(digitsOf(noteTotal)).toBe(String(rest.gross));
    expect(await row(rest.number).getByTestId('kind-badge').textContent()).toBe('Credit note');
    // The newest credit note is first in the list.
    expect((await rowNumbers())[0]).toBe(rest.number);
    // Credited in full: the invoice is marked so, with no button.
    await expect.poll(() => row(invoice.number).getByTestId('invoice-credit').count()).toBe(0);
    expect(
      await row(invoice.number).getByTestId('invoice-credited').getAttribute('aria-label'),
    ).toBe('Credited in full');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The period's totals net the credit notes out.
    await expect
      .poll(async () => digitsOf(await page.getByTestId('total-credited').textContent()))
      .toBe(String(invoice.gross));
    await page.screenshot({ path: screenshotPath('finance-invoices'), fullPage: true });
  });

  it('filters by kind, period and search, all in the address', async () => {
    // Invoices only: the credit notes are not on screen, yet the invoice is known to be
    // credited in full (the API says so).
    await page.getByTestId('filter-kind').getByText('Invoice', { exact: true }).click();
    await page.waitForURL(/[?&]kind=invoice/);
    await expect.poll(rowNumbers).not.toContain(creditNotes[0]?.number);
    expect(await row(invoice.number).getByTestId('invoice-credited').count()).toBe(1);
    expect(await row(invoice.number).getByTestId('invoice-credit').count()).toBe(0);

    await page.getByTestId('filter-kind').getByText('Credit note', { exact: true }).click();
    await page.waitForURL(/[?&]kind=credit_note/);
    await expect.poll(rowNumbers).toEqual(creditNotes.map((note) => note.number));

    // The previous month holds none of the demo's documents (all issued today).
    await page.getByTestId('filter-period').getByText('Previous month', { exact: true }).click();
    const today = new Date();
    const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    const previous = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}`;
    await page.waitForURL(new RegExp(`from=${previous}-01&to=${previous}-\\d{2}`));
    await expect.poll(rowNumbers).toEqual([]);
    await page.getByTestId('filter-period').getByText('This month', { exact: true }).click();
    await expect.poll(rowNumbers).toEqual(creditNotes.map((note) => note.number));

    // Every kind again, searched by the invoice's number: the invoice alone.
    await page.getByTestId('filter-kind').getByText('All', { exact: true }).click();
    await page.getByTestId('invoice-search').fill(invoice.number);
    await page.waitForURL(new RegExp(`[?&]q=${invoice.number}`));
    await expect.poll(rowNumbers).toEqual([invoice.number]);
    await page.getByTestId('invoice-search').fill('');
    await expect.poll(rowNumbers).toContain(creditNotes[0]?.number);
  });

  it('exports the invoice book of the period as CSV, the credit notes negative', async () => {
    const csv = await downloaded('export-csv');
    expect(csv.name).toMatch(/^invoices-\d{4}-\d{2}-01_to_\d{4}-\d{2}-\d{2}\.csv$/);
    const rows: Record<string, string>[] = parse(csv.body.toString('utf8'), {
      bom: true,
      columns: true,
    });
    const byNumber = new Map(rows.map((r) => [r.Number, r]));
    expect(byNumber.get(invoice.number)).toMatchObject({ Kind: 'invoice', Currency: 'CZK' });
    for (const note of creditNotes) {
      expect(byNumber.get(note.number)).toMatchObject({
        Kind: 'credit_note',
        'Credits invoice': invoice.number,
      });
    }
    const invoiceTotal = Number(byNumber.get(invoice.number)?.['Invoice total']);
    expect(invoiceTotal).toBe(invoice.gross / 100);
    const credited = creditNotes.map((note) =>
      Number(byNumber.get(note.number)?.['Invoice total']),
    );
    expect(credited.reduce((sum, total) => sum + total, 0)).toBeCloseTo(-invoiceTotal, 2);
  });

  it('shows the overdue payments, the longest overdue first', async () => {
    const overdue = await api<{
      items: Array<{
        bookingId: string;
        number: string;
        daysOverdue: number;
        amountOverdue: number;
      }>;
    }>('/api/v1/payments/overdue');
    // The demo's API booking was made 12 days ago and nothing is paid: its deposit is late.
    expect(overdue.items.length).toBeGreaterThanOrEqual(1);
    await page.getByTestId('tab-overdue').click();
    await page.waitForURL(`${server.url}/finance/overdue`);
    const numbers = () =>
      page
        .getByTestId('overdue-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    const longestFirst = [...overdue.items].sort((a, b) => b.daysOverdue - a.daysOverdue);
    await expect.poll(numbers).toEqual(longestFirst.map((item) => item.number));
    const top = longestFirst[0] as (typeof longestFirst)[number];
    const topRow = page.locator(`[data-testid="overdue-row"][data-number="${top.number}"]`);
    expect(top.daysOverdue).toBeGreaterThan(0);
    expect(await topRow.getByTestId('overdue-days').getAttribute('data-days')).toBe(
      String(top.daysOverdue),
    );
    expect(digitsOf(await topRow.getByTestId('overdue-amount').textContent())).toBe(
      String(top.amountOverdue),
    );
    await page.screenshot({ path: screenshotPath('finance-overdue'), fullPage: true });
    await topRow.getByTestId('overdue-booking').click();
    await page.waitForURL(`${server.url}/bookings/${top.bookingId}`);
  });

  it('changes the bank account in the settings, refusing a wrong IBAN at the field', async () => {
    await page.goto(`${server.url}/finance`);
    await page.waitForURL(`${server.url}/finance/invoices`);
    await page.getByTestId('tab-settings').click();
    await page.waitForURL(`${server.url}/finance/settings`);
    const iban = page.getByTestId('settings-iban');
    const before = await api<{ iban: string }>('/api/v1/settings/invoicing');
    await expect.poll(() => iban.inputValue()).toBe(before.iban);

    await iban.fill('CZ12');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => iban.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('settings-error').count()).toBe(0);
    expect((await api<{ iban: string }>('/api/v1/settings/invoicing')).iban).toBe(before.iban);

    const newIban = 'CZ55 0800 0000 0012 3456 7899';
    await iban.fill(newIban);
    await page.getByTestId('settings-save').click();
    await expect
      .poll(async () => (await api<{ iban: string }>('/api/v1/settings/invoicing')).iban)
      .toBe(newIban);
    expect(await iban.getAttribute('aria-invalid')).not.toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('finance-settings'), fullPage: true });
    // Only the test's own 400 (the wrong IBAN) and the missing favicon may have been logged.
    expect(
      consoleErrors.filter(
        (error) =>
          !error.includes('/favicon.ico') &&
          !(error.includes('400') && error.includes('/api/v1/settings/invoicing')),
      ),
    ).toEqual([]);
  });

  it('shows the demo accountant the same settings, read-only', async () => {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'en-GB',
    });
    try {
      const accountant = await context.newPage();
      accountant.setDefaultTimeout(10_000);
      await accountant.goto(`${server.url}/login`);
      await accountant.getByTestId('login-email').fill(accountantEmail);
      await accountant.getByTestId('login-password').fill(demoPassword);
      await accountant.getByTestId('login-submit').click();
      await accountant.waitForURL(`${server.url}/`);
      await accountant.goto(`${server.url}/finance/settings`);
      const iban = accountant.getByTestId('settings-iban');
      await expect.poll(() => iban.inputValue()).toBe('CZ55 0800 0000 0012 3456 7899');
      expect(await iban.isEditable()).toBe(false);
      expect(await accountant.getByTestId('settings-legalName').isEditable()).toBe(false);
      expect(await accountant.getByTestId('terms-depositPercent').isEditable()).toBe(false);
      expect(await accountant.getByTestId('settings-read-only').count()).toBe(1);
      expect(await accountant.getByTestId('settings-save').count()).toBe(0);
      expect(await accountant.getByTestId('terms-save').count()).toBe(0);
      // The accountant issues credit notes: the list says which invoice is credited already.
      await accountant.getByTestId('tab-invoices').click();
      await expect
        .poll(() =>
          accountant
            .locator(`[data-testid="invoice-row"][data-number="${invoice.number}"]`)
            .getByTestId('invoice-credited')
            .count(),
        )
        .toBe(1);
    } finally {
      await context.close();
    }
  });
});
