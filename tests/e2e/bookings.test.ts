// End to end in Chromium against the real server (demo data): the bookings list with its
// filters kept in the address bar, a booking's required action marked done, a selection
// exported to CSV, the cancellation fee shown before cancelling, Globex's approver approving,
// the list in Czech and Chinese, and a marketplace partner seeing only its own bookings.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { e2eAdminPassword, launchChromium, screenshotPath, startDemoServer } from './browser.ts';

const demoPassword = 'caravel-demo';

interface Summary {
  id: string;
  number: string;
  offerCode: string | null;
  openActions: number;
  approval: string;
  customer: { id: string };
}

describe('bookings in the back office', () => {
  let server: RunningServer & { dataDir: string };
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(10_000);
    // The machine is shared: the first load of the bundle may take a while.
    page.setDefaultNavigationTimeout(30_000);
    page.on('console', (message) => {
      // Failed requests are judged below, by their address.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        consoleErrors.push(message.text());
      }
    });
    page.on('response', (response) => {
      const url = new URL(response.url());
      // Before signing in /me answers 401: that is how the app learns to ask. Browsers ask
      // for a favicon the app does not have.
      const expected =
        (response.status() === 401 && url.pathname === '/api/v1/me') ||
        url.pathname === '/favicon.ico';
      if (response.status() >= 400 && !expected) {
        consoleErrors.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
      }
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(email: string, password: string, path = '/bookings') {
    await page.goto(`${server.url}${path}`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
  }

  async function signOut() {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
  }

  /** The bookings the API lists for the signed-in user (same session as the page). */
  async function apiList(query: string): Promise<Summary[]> {
    const response = await page.request.get(`${server.url}/api/v1/bookings?limit=200&${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { items: Summary[] }).items;
  }

  const rowNumbers = () =>
    page
      .getByTestId('booking-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number')));

  it('lists every channel’s bookings with badges, costs and margins for staff', async () => {
    await signIn('admin@example.com', e2eAdminPassword);
    await page.waitForURL(`${server.url}/bookings`);
    const all = await apiList('');
    expect(all.length).toBeGreaterThanOrEqual(11);
    await expect.poll(() => page.getByTestId('booking-row').count()).toBe(all.length);
    expect(await rowNumbers()).toEqual(all.map((b) => b.number));
    // Badges: every row has its status and channel; the Globex booking waits for approval.
    expect(await page.getByTestId('status-badge').count()).toBe(all.length);
    expect(await page.getByTestId('channel-badge').count()).toBeGreaterThanOrEqual(all.length);
    const table = page.getByTestId('bookings-table');
    expect(await table.textContent()).toContain('Awaiting approval');
    expect(await table.textContent()).toContain('Marketplace');
    expect(await page.getByTestId('margin-cell').count()).toBe(all.length);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Bookings');
    await expect
      .poll(() => page.getByTestId('new-booking').getAttribute('href'))
      .toBe('/bookings/new');
    await page.screenshot({ path: screenshotPath('bookings-list'), fullPage: true });
  });

  let offerId = '';

  it('filters by required actions not done and by the DealHub offer, kept in the address bar', async () => {
    await page.getByTestId('filter-actions').getByText('Not done').click();
    await page.waitForURL(/actionDone=false/);
    // Staff pick the offer by its code (the list filters by the offer's id).
    await page.getByTestId('filter-offer').click();
    await page.getByTestId('filter-offer').fill('DH-48213');
    await page.getByRole('option', { name: /DH-48213/ }).click();
    await page.waitForURL(/offerId=[0-9a-f-]{36}/);
    offerId = new URL(page.url()).searchParams.get('offerId') ?? '';

    const expected = await apiList(`actionDone=false&offerId=${offerId}`);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected.every((b) => b.offerCode === 'DH-48213' && b.openActions > 0)).toBe(true);
    await expect.poll(rowNumbers).toEqual(expected.map((b) => b.number));
    const badges = await page
      .getByTestId('actions-badge')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-open'))));
    expect(badges.every((open) => open > 0)).toBe(true);

    // A bookmark brings the same view back.
    await page.reload();
    await expect.poll(rowNumbers).toEqual(expected.map((b) => b.number));
    await page.screenshot({ path: screenshotPath('bookings-filtered'), fullPage: true });
  });

  let markedNumber = '';

  it('marks a required action done on the booking, and the list shows it under "done"', async () => {
    // The booking with exactly one open action: marking it makes the booking "done".
    const candidates = await apiList(`actionDone=false&offerId=${offerId}`);
    const target = candidates.find((b) => b.openActions === 1);
    expect(target).toBeDefined();
    markedNumber = target?.number ?? '';
    await page.locator(`[data-testid="booking-row"][data-number="${markedNumber}"] a`).click();
    await page.waitForURL(new RegExp(`/bookings/${target?.id}$`));
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toBe(markedNumber);

    const open = page.locator('[data-testid="required-action"][data-done="false"]');
    await expect.poll(() => open.count()).toBe(1);
    // What the customer was asked, in the customer's language.
    expect((await open.getByTestId('action-instructions').textContent())?.length).toBeGreaterThan(
      10,
    );
    await open.getByTestId('action-done').click();
    await expect.poll(() => open.count()).toBe(0);
    await expect
      .poll(() =>
        page.locator('[data-testid="history-entry"][data-action="booking.action_done"]').count(),
      )
      .toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('history-card').textContent()).toContain('Administrator');
    // Staff see costs and the margin.
    expect(await page.getByTestId('booking-margin').textContent()).toMatch(/Margin/);
    await page.screenshot({ path: screenshotPath('booking-detail'), fullPage: true });
    // The customer's name opens their page, and the browser's back button returns.
    await page.getByTestId('customer-name').click();
    await page.waitForURL(new RegExp(`/customers/${target?.customer.id}$`));
    await page.goBack();
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toBe(markedNumber);

    // Back to the list as it was left, then over to "done".
    await page.getByTestId('back-to-list').click();
    await page.waitForURL(/actionDone=false/);
    await expect.poll(rowNumbers).not.toContain(markedNumber);
    await page.getByTestId('filter-actions').getByText('Done', { exact: true }).click();
    await page.waitForURL(/actionDone=true/);
    await expect.poll(rowNumbers).toContain(markedNumber);
    const done = await apiList(`actionDone=true&offerId=${offerId}`);
    expect(await rowNumbers()).toEqual(done.map((b) => b.number));
  });

  it('exports the selected rows to CSV', async () => {
    await page.goto(`${server.url}/bookings?offerId=${offerId}`);
    const expected = await apiList(`offerId=${offerId}`);
    await expect.poll(rowNumbers).toEqual(expected.map((b) => b.number));
    const picked = expected.slice(0, 2).map((b) => b.number);
    for (const number of picked) {
      await page
        .locator(`[data-testid="booking-row"][data-number="${number}"] input[type=checkbox]`)
        .check();
    }
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe('2 selected');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-selected').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bookings-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Number');
    expect(lines[0]).toContain('Offer code');
    expect(lines[0]).toContain('Margin');
    expect(lines.length).toBe(3);
    const numbers = lines.slice(1).map((line) => line.split(',')[0]);
    expect(numbers.sort()).toEqual([...picked].sort());
    expect(lines.slice(1).every((line) => line.includes('DH-48213'))).toBe(true);
  });

  it('e-mails the documents again to another address, with the PDFs attached', async () => {
    const [booking] = await apiList('status=confirmed');
    expect(booking).toBeDefined();
    await page.goto(`${server.url}/bookings/${booking?.id}`);
    await page.getByTestId('resend-documents').click();
    await page.getByTestId('resend-to').fill('office@example.test');
    await page.getByTestId('resend-submit').click();
    await expect.poll(() => page.getByTestId('resend-to').count()).toBe(0);
    // Without SMTP_URL the worker writes each message to <data dir>/outbox as an .eml file.
    const outbox = path.join(server.dataDir, 'outbox');
    const sent = async () => {
      for (const name of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
        if (!name.endsWith('.eml')) continue;
        const mail = await simpleParser(fs.readFileSync(path.join(outbox, name)));
        const to = mail.to && 'text' in mail.to ? mail.to.text : '';
        if (to === 'office@example.test') return mail;
      }
      return undefined;
    };
    await expect.poll(async () => (await sent()) !== undefined, { timeout: 30_000 }).toBe(true);
    const mail = await sent();
    expect(mail?.subject).toContain(booking?.number);
    expect(mail?.attachments.map((a) => a.filename)).toEqual([
      expect.stringMatching(new RegExp(`^voucher-${booking?.number}-`)),
      expect.stringMatching(new RegExp(`^contract-${booking?.number}-`)),
    ]);
  });

  it('shows the cancellation fee before cancelling', async () => {
    const web = (await apiList('status=web_reservation'))[0];
    expect(web).toBeDefined();
    await page.goto(`${server.url}/bookings/${web?.id}`);
    await page.getByTestId('cancel-booking').click();
    await expect.poll(() => page.getByTestId('cancel-fee').textContent()).toMatch(/\d/);
    const preview = await page.request.get(`${server.url}/api/v1/bookings/${web?.id}/cancellation`);
    const fee = (await preview.json()) as { fee: number; percent: string };
    expect(await page.getByTestId('cancel-preview').textContent()).toContain(`${fee.percent} %`);
    await page.screenshot({ path: screenshotPath('booking-cancel-preview') });
    // A reason is required; then the booking is cancelled and says so.
    await page.getByTestId('cancel-reason').fill('Customer changed plans');
    await page.getByTestId('cancel-submit').click();
    await expect
      .poll(() => page.getByTestId('cancelled-note').textContent())
      .toContain('Customer changed plans');
    expect(await page.getByTestId('status-badge').first().textContent()).toBe('Cancelled');
    await expect.poll(() => page.getByTestId('cancel-booking').count()).toBe(0);
  });

  it('reprices a change of party before applying it, with the new traveller', async () => {
    const [target] = (
      await apiList(`offerId=${offerId}&variantId=7N&status=internal_reservation`)
    ).filter((b) => b.openActions > 0);
    expect(target).toBeDefined();
    await page.goto(`${server.url}/bookings/${target?.id}`);
    const before = Number(
      (
        (await (await page.request.get(`${server.url}/api/v1/bookings/${target?.id}`)).json()) as {
          total: number;
        }
      ).total,
    );
    await page.getByTestId('modify-booking').click();
    await page.getByTestId('change-adults').fill('3');
    await page.getByTestId('change-preview').click();
    const quote = page.getByTestId('change-quote');
    await quote.waitFor();
    // The repriced total and the difference are shown before anything changes.
    expect(await page.getByTestId('change-difference').textContent()).toMatch(/^\+/);
    const unchanged = (await (
      await page.request.get(`${server.url}/api/v1/bookings/${target?.id}`)
    ).json()) as {
      total: number;
    };
    expect(unchanged.total).toBe(before);
    await quote.getByPlaceholder('First name').nth(2).fill('Ahmet');
    await quote.getByPlaceholder('Last name').nth(2).fill('Yıldırım');
    await quote.locator('input[type=date]').nth(2).fill('1990-05-01');
    await page.screenshot({ path: screenshotPath('booking-change-preview') });
    await page.getByTestId('change-apply').click();
    await expect.poll(() => page.getByTestId('traveller-row').count()).toBe(3);
    const after = (await (
      await page.request.get(`${server.url}/api/v1/bookings/${target?.id}`)
    ).json()) as {
      total: number;
      party: { adults: number };
    };
    expect(after.party.adults).toBe(3);
    expect(after.total).toBeGreaterThan(before);
    await expect
      .poll(() =>
        page.locator('[data-testid="history-entry"][data-action="booking.changed"]').count(),
      )
      .toBe(1);
  });

  it('lets Globex’s approver approve the booking waiting for her', async () => {
    await signOut();
    await signIn('ayse.yilmaz@globex.example', demoPassword, '/bookings?approval=pending');
    const pending = await apiList('approval=pending');
    expect(pending.length).toBe(1);
    await expect.poll(rowNumbers).toEqual([pending[0]?.number]);
    // An approver is an outside role: her bookings and approvals, no agency menus or entry.
    expect(await page.getByTestId('new-booking').count()).toBe(0);
    for (const section of ['/catalog', '/prices', '/customers', '/finance']) {
      expect(await page.locator(`nav a[href="${section}"]`).count(), section).toBe(0);
    }
    await page.getByTestId('booking-row').first().locator('a').click();
    await page.getByTestId('approve').click();
    await page.getByTestId('decision-submit').click();
    await expect.poll(() => page.getByTestId('approval-decision').textContent()).toContain('Ayşe');
    // Her account speaks Turkish: the state is read from the card's data, not its words.
    expect(await page.getByTestId('approval-card').getAttribute('data-state')).toBe('approved');
    expect(await apiList('approval=pending')).toEqual([]);
    // The steps after this one look at the whole agency's list: staff again.
    await signOut();
    await signIn('admin@example.com', e2eAdminPassword);
  });

  async function chooseLanguage(name: string) {
    await page.getByTestId('language-switcher').click();
    await page.getByRole('option', { name }).click();
  }

  it('shows the list in Czech and in Chinese', async () => {
    await page.goto(`${server.url}/bookings`);
    await page.getByTestId('booking-row').first().waitFor();
    const heading = page.getByRole('heading', { level: 2 }).first();
    await chooseLanguage('Čeština');
    await expect.poll(() => heading.textContent()).toBe('Rezervace');
    expect(await page.getByTestId('export-filtered').textContent()).toBe(
      'Exportovat vše vyfiltrované',
    );
    await page.screenshot({ path: screenshotPath('bookings-list-cs'), fullPage: true });
    await chooseLanguage('中文');
    await expect.poll(() => heading.textContent()).toBe('预订');
    expect(await page.getByTestId('bookings-table').textContent()).toContain('分销平台');
    await page.screenshot({ path: screenshotPath('bookings-list-zh'), fullPage: true });
    await chooseLanguage('English');
    await expect.poll(() => heading.textContent()).toBe('Bookings');
  });

  it('shows a booking on a phone in Czech: no sideways scroll, amounts apart, Czech dates', async () => {
    const before = page.viewportSize();
    const [booking] = await apiList('status=confirmed,paid&sort=-total');
    expect(booking).toBeDefined();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/bookings?from=2027-08-08&to=2027-08-15`);
    await chooseLanguage('Čeština');
    // The picked dates in Czech's own pattern, not "srpen 8, 2027" or "8 srp 2027".
    await expect
      .poll(() => page.getByTestId('filter-departure').textContent())
      .toBe('8. 8. 2027 – 15. 8. 2027');
    await page.goto(`${server.url}/bookings/${booking?.id}`);
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toBe(booking?.number);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    // Total, paid and balance: inside the card and apart from each other.
    const card = await page.getByTestId('payments-card').boundingBox();
    const boxes = await page
      .getByTestId('payments-card')
      .locator(
        '[data-testid="payments-total"], [data-testid="booking-paid"], [data-testid="booking-balance"]',
      )
      .evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
    expect(boxes).toHaveLength(3);
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(card?.x ?? 0);
      expect(a.right).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0));
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, JSON.stringify([a, b])).toBe(true);
      }
    }
    await page.screenshot({ path: screenshotPath('booking-detail-cs-390'), fullPage: true });
    await chooseLanguage('English');
    if (before) await page.setViewportSize(before);
  });

  it('shows a marketplace partner only the bookings of its own offers, without costs', async () => {
    await signOut();
    await signIn('partner@dealhub.example', demoPassword, '/');
    // Its home is the bookings list, not the staff dashboard.
    await page.waitForURL(`${server.url}/bookings`);
    const mine = await apiList('');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((b) => b.offerCode === 'DH-48213')).toBe(true);
    await expect.poll(rowNumbers).toEqual(mine.map((b) => b.number));
    expect(await page.getByTestId('margin-cell').count()).toBe(0);
    expect(await page.getByTestId('new-booking').count()).toBe(0);
    // Its navigation offers only what it may use.
    expect(await page.getByTestId('nav-bookings').count()).toBe(1);
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    expect(await page.getByTestId('nav-catalog').count()).toBe(0);
    // It filters by its offer's variant and exports without costs.
    await page.getByTestId('filter-offer').click();
    await page.getByRole('option', { name: /DH-48213/ }).click();
    await page.waitForURL(/offerId=/);
    await page.getByTestId('filter-variant').click();
    await page.getByRole('option', { name: '7N' }).click();
    await page.waitForURL(/variantId=7N/);
    const sevenNights = await apiList(`offerId=${offerId}&variantId=7N`);
    expect(sevenNights.length).toBeGreaterThan(0);
    await expect.poll(rowNumbers).toEqual(sevenNights.map((b) => b.number));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-filtered').click(),
    ]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('Number');
    expect(csv).not.toContain('Margin');
    expect(csv.trim().split(/\r?\n/).length).toBe(sevenNights.length + 1);
    await page.screenshot({ path: screenshotPath('bookings-partner'), fullPage: true });
    // The partner opens one: no costs, no margin.
    await page.getByTestId('booking-row').first().locator('a').click();
    await page.getByTestId('booking-number').waitFor();
    expect(await page.getByTestId('booking-margin').count()).toBe(0);
    expect(await page.getByTestId('action-done').count()).toBe(0);
    // The customer's name is not a link: partners have no customers pages.
    expect(await page.getByTestId('customer-name').evaluate((el) => el.tagName)).not.toBe('A');
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
