// End to end in Chromium against the real server (demo data): staff find a demo customer by
// a piece of the surname typed without its accents, open them and see their bookings, create
// a customer (a bad e-mail refused at its field first), find and change them, archive them,
// and see the section in Czech.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { launchChromium, screenshotPath, signedInAdminPage, startDemoServer } from './browser.ts';

interface ApiCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  archived: boolean;
}

describe('customers in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  // A surname no demo customer has, with the accents the search must see through.
  const suffix = Date.now().toString(36);
  const surname = `Kovářová${suffix}`;
  let createdId = '';

  const apiGet = <T>(path: string) =>
    page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, body: await response.json() };
    }, path) as Promise<{ status: number; body: T }>;

  const rowNames = () =>
    page
      .getByTestId('customer-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await signedInAdminPage(browser, server.url, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds Petr Černý by typing "cerny" and keeps the search in the address', async () => {
    await page.goto(`${server.url}/customers`);
    // The demo's ten customers (Globex and nine persons), newest first.
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(10);
    expect(await rowNames()).toContain('Globex s.r.o.');
    await page.screenshot({ path: screenshotPath('customers-list'), fullPage: true });

    await page.getByTestId('customer-search').fill('cerny');
    await page.waitForURL(/[?&]q=cerny/);
    // Lucie Černá shares his e-mail but not his surname: only he is found.
    await expect.poll(rowNames).toEqual(['Petr Černý']);
    const row = page.getByTestId('customer-row');
    expect(await row.getByTestId('kind-badge').getAttribute('data-kind')).toBe('person');
    expect(await row.textContent()).toContain('+420 777 204 381');

    // The address bar is the state: a reload shows the same search.
    await page.reload();
    expect(await page.getByTestId('customer-search').inputValue()).toBe('cerny');
    await expect.poll(rowNames).toEqual(['Petr Černý']);
  });

  it('opens him with his details and his bookings', async () => {
    await page.getByTestId('customer-row').first().locator('td').nth(4).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) ?? '';
    expect(await page.getByTestId('customer-field-address.city').inputValue()).toBe('Praha 8');
    expect(await page.getByTestId('customer-field-email').inputValue()).toBe(
      'cerni.rodina@posta.example',
    );

    const api = await apiGet<{ items: { id: string; number: string }[] }>(
      `/api/v1/bookings?customerId=${id}`,
    );
    // The demo books him more than once (Makarská and other trips).
    expect(api.body.items.length).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() =>
        page
          .getByTestId('customer-booking-row')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number'))),
      )
      .toEqual(api.body.items.map((booking) => booking.number));
    const firstLink = page.getByTestId('customer-booking-row').first().getByRole('link');
    expect(await firstLink.getAttribute('href')).toBe(`/bookings/${api.body.items[0]?.id}`);
    expect(await page.getByTestId('customer-bookings-count').getAttribute('data-count')).toBe(
      String(api.body.items.length),
    );
    await page.screenshot({ path: screenshotPath('customer-detail'), fullPage: true });

    // Back to the list as it was left.
    await page.getByRole('link', { name: 'All customers' }).click();
    await page.waitForURL(/\/customers\?q=cerny$/);
    await expect.poll(rowNames).toEqual(['Petr Černý']);
  });

  it('starts a new booking for him from his page, with him chosen', async () => {
    await page.getByRole('link', { name: 'Petr Černý' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) ?? '';
    await page.getByTestId('customer-new-booking').click();
    await page.waitForURL(new RegExp(`/bookings/new\\?customerId=${id}$`));
    await page.keyboard.type('Makarska');
    await page.getByRole('option', { name: /Makarska by coach/ }).click();
    await page.getByTestId('entry-departure').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('entry-price').click();
    // Priced: the form below has him chosen, and his name copied to the first traveller.
    await expect.poll(() => page.getByTestId('entry-customer').inputValue()).toBe('Petr Černý');
    expect(await page.getByTestId('entry-traveller-0-last-name').inputValue()).toBe('Černý');
    await page.goBack();
    await page.getByRole('link', { name: 'All customers' }).click();
    await page.waitForURL(/\/customers\?q=cerny$/);
  });

  it('shows Globex with its travel policy, approver, employees and their bookings', async () => {
    await page.getByTestId('customer-search').fill('globex');
    await page.waitForURL(/[?&]q=globex/);
    // The company itself and its two employees, whose e-mails are at globex.example.
    await expect.poll(rowNames).toHaveLength(3);
    await page.getByRole('link', { name: 'Globex s.r.o.' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) ?? '';
    expect(await page.getByTestId('customer-field-vatId').inputValue()).toBe('CZ27654321');
    expect(
      await page.getByTestId('customer-field-travelPolicy.maxPricePerNight.amount').inputValue(),
    ).toMatch(/^3\s?500$/);
    await expect
      .poll(() => page.getByTestId('approver-row').textContent())
      .toContain('Ayşe Yılmaz');
    await expect
      .poll(() => page.getByTestId('employee-row').allTextContents())
      .toEqual([
        expect.stringContaining('Kateřina Šťastná'),
        expect.stringContaining('Jan Dvořák'),
      ]);
    // A company's bookings include its employees'.
    const api = await apiGet<{ items: { number: string; customer: { id: string } }[] }>(
      `/api/v1/bookings?customerId=${id}`,
    );
    expect(api.body.items.some((booking) => booking.customer.id !== id)).toBe(true);
    await expect
      .poll(() =>
        page
          .getByTestId('customer-booking-row')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number'))),
      )
      .toEqual(api.body.items.map((booking) => booking.number));
    await page.screenshot({ path: screenshotPath('customer-company'), fullPage: true });

    // An employee's page names the company as the employer.
    await page.getByTestId('employee-row').getByRole('link', { name: 'Jan Dvořák' }).click();
    await expect
      .poll(() => page.getByTestId('customer-field-companyId').inputValue())
      .toBe('Globex s.r.o.');
    await page.goto(`${server.url}/customers`);
  });

  it('refuses a bad e-mail at its field, then creates the customer', async () => {
    await page.getByTestId('new-customer').click();
    await page.waitForURL(`${server.url}/customers/new`);
    await page.getByTestId('customer-field-firstName').fill('Alena');
    await page.getByTestId('customer-field-lastName').fill(surname);
    await page.getByTestId('customer-field-email').fill('alena.kovarova@');
    await page.getByTestId('customer-field-phone').fill('+420 604 000 111');
    await page.getByTestId('customer-save').click();

    const error = page.getByTestId('customer-field-email-error');
    await expect.poll(() => error.textContent()).toMatch(/email/i);
    expect(await page.getByTestId('customer-field-email').getAttribute('aria-invalid')).toBe(
      'true',
    );
    // Nothing was stored.
    const none = await apiGet<{ items: ApiCustomer[] }>(`/api/v1/customers?q=${suffix}`);
    expect(none.body.items).toEqual([]);

    await page.getByTestId('customer-field-email').fill('alena.kovarova@posta.example');
    await page.getByTestId('customer-save').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    createdId = page.url().split('/').at(-1) ?? '';
    const stored = await apiGet<ApiCustomer & { kind: string; locale: string }>(
      `/api/v1/customers/${createdId}`,
    );
    expect(stored.body).toMatchObject({
      kind: 'person',
      name: `Alena ${surname}`,
      email: 'alena.kovarova@posta.example',
      phone: '+420 604 000 111',
      // The demo agency's language.
      locale: 'cs',
    });
    await expect.poll(() => page.getByTestId('customer-bookings-empty').count()).toBe(1);
  });

  it('finds the new customer in the list by the surname without accents', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-search').fill(`kovarova${suffix}`);
    await page.waitForURL(new RegExp(`[?&]q=kovarova${suffix}`));
    await expect.poll(rowNames).toEqual([`Alena ${surname}`]);
    expect(await page.getByTestId('customer-row').first().getAttribute('data-id')).toBe(createdId);
  });

  it('changes the phone and archives the customer, both stored', async () => {
    await page.getByTestId('customer-row').first().getByRole('link').first().click();
    await page.waitForURL(`${server.url}/customers/${createdId}`);
    await page.getByTestId('customer-field-phone').fill('+420 777 123 456');
    await page.getByTestId('customer-save').click();
    await expect
      .poll(async () => (await apiGet<ApiCustomer>(`/api/v1/customers/${createdId}`)).body.phone)
      .toBe('+420 777 123 456');

    await page.getByTestId('customer-archive').click();
    await page.getByTestId('customer-archive-confirm').click();
    await expect.poll(() => page.getByTestId('customer-restore').count()).toBe(1);
    const archived = await apiGet<ApiCustomer>(`/api/v1/customers/${createdId}`);
    expect(archived.body.archived).toBe(true);
    // Archived customers leave the default list.
    const active = await apiGet<{ items: ApiCustomer[] }>(`/api/v1/customers?q=${suffix}`);
    expect(active.body.items).toEqual([]);
  });

  it('shows the section in Czech', async () => {
    await page.goto(`${server.url}/customers?q=cerny`);
    await page.getByTestId('language-switcher').click();
    await page.getByRole('option', { name: 'Čeština' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).textContent())
      .toBe('Zákazníci');
    expect(await page.getByTestId('new-customer').textContent()).toBe('Nový zákazník');
    expect(await page.getByTestId('customers-count').textContent()).toBe('Zobrazeno 1');
    expect(await page.getByTestId('kind-badge').first().textContent()).toBe('Osoba');
    await page.screenshot({ path: screenshotPath('customers-list-cs'), fullPage: true });
    // The app has no favicon yet (not this screen's to fix): its 404 is allowed, and so is the
    // one 400 the bad e-mail earned, which the browser logs as a failed request.
    const expected = (error: string) =>
      error.includes('/favicon.ico') || /status of 400 .*\/api\/v1\/customers$/.test(error);
    expect(consoleErrors.filter((error) => !expected(error))).toEqual([]);
    expect(consoleErrors.filter((error) => error.includes('status of 400'))).toHaveLength(1);
  });
});
