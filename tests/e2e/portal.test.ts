// End to end in Chromium against the real server (demo data): a visitor of Vltava Tours'
// portal searches, books a stay by days in Rimini for 2 adults and a child, pays the deposit
// with the test card, opens the voucher page and sees the red required-action boxes; staff
// mark one done, the customer enters the travellers (which completes the other), and the
// voucher page then shows the confirmation. The portal in Chinese at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/server/calendar.ts';
import { e2eAdminPassword, launchChromium, screenshotPath, startDemoServer } from './browser.ts';

const slug = 'vltava-tours';
// In the demo's last-minute window (two weeks to four months ahead), a week in Rimini; far
// enough ahead that the agency's terms ask a deposit now and the rest 30 days before.
const arrival = addDays(todayUtc(), 45);
const departure = addDays(arrival, 7);
const email = `eva.kralova.${Date.now()}@example.test`;

/** "15 December 2026", as Mantine's calendar names a day in English. */
function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

// The server renders the demo's PDFs in its worker on the same event loop while these steps
// run: on a loaded machine a step may wait tens of seconds, so the steps get 45 s and the tests
// 120 s. The checks are the same; only the patience differs.
describe('customer portal in Chromium', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  let adminCookie: string;
  let bookingId: string;
  let bookingNumber: string;
  const consoleErrors: string[] = [];

  /** A whole-page picture, scrolled to the top so the fixed header sits where it belongs. */
  const snap = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
  };

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: adminCookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startDemoServer();
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: e2eAdminPassword }),
    });
    adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // The agency sells the Rimini stay on its portal with two required actions, as staff set
    // it up in the back office: a contract to sign, and the travellers' details.
    const tours = await api('GET', '/api/v1/tours?q=RIM-FB');
    const rimini = (tours.json.items as { id: string; code: string }[]).find(
      (tour) => tour.code === 'RIM-FB',
    );
    expect(rimini).toBeDefined();
    const offer = await api('POST', '/api/v1/promotions', {
      code: 'WEB-RIMINI',
      name: 'Rimini – portál',
      productId: rimini?.id,
      channels: ['web'],
      requiredActions: [
        {
          code: 'CONTRACT',
          kind: 'sign_contract',
          title: { en: 'Sign the travel contract', cs: 'Podepište cestovní smlouvu' },
          instructions: {
            en: 'Download the contract, sign it and send it to info@vltava-tours.example.',
            cs: 'Stáhněte si smlouvu, podepište ji a pošlete na info@vltava-tours.example.',
          },
          dueDaysBeforeDeparture: 7,
        },
        {
          code: 'TRAVELLERS',
          kind: 'traveller_details',
          title: { en: 'Enter the travellers’ details', cs: 'Vyplňte údaje cestujících' },
          instructions: { en: 'Enter every traveller’s nationality in My bookings.' },
          dueDaysBeforeDeparture: 7,
        },
      ],
    });
    expect(offer.status, JSON.stringify(offer.json)).toBe(201);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(45_000);
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the Rimini stay for 2 adults and a child, priced in euros', async () => {
    await page.goto(`${server.url}/portal/${slug}`);
    await expect
      .poll(() => page.getByTestId('portal-agency-name').textContent())
      .toBe('Vltava Tours s.r.o.');
    await expect.poll(() => page.getByTestId('destination-card').count()).toBeGreaterThan(2);
    await snap('portal-home');
    await page.getByTestId('search-destination').fill('Rimini');
    await page.keyboard.press('Escape');
    await page.getByTestId('search-dates').click();
    for (let i = 0; i < 6; i += 1) {
      if (await page.getByRole('button', { name: dayLabel(arrival), exact: true }).isVisible()) {
        break;
      }
      await page.getByRole('button', { name: 'Next month' }).click();
    }
    await page.getByRole('button', { name: dayLabel(arrival), exact: true }).click();
    if (!(await page.getByRole('button', { name: dayLabel(departure), exact: true }).isVisible())) {
      await page.getByRole('button', { name: 'Next month' }).click();
    }
    await page.getByRole('button', { name: dayLabel(departure), exact: true }).click();
    await page.getByTestId('party-picker').click();
    await page.getByTestId('party-children-plus').click();
    await page.getByTestId('party-done').click();
    await page.getByTestId('search-submit').click();

    await page.waitForURL(/children=8/);
    const card = page.getByTestId('offer-card').filter({ hasText: 'Rimini' }).first();
    await card.waitFor();
    expect(await card.getByTestId('offer-total').textContent()).toMatch(/€/);
    expect(await card.textContent()).toContain('Hotel Bella Vista Rimini');
    await snap('portal-search');
    await card.getByTestId('offer-select').click();
  });

  it('shows the product with a month of from-prices and continues with the dates chosen', async () => {
    await page.waitForURL(/\/products\//);
    await expect.poll(() => page.getByTestId('product-name').textContent()).toContain('Rimini');
    await page.getByTestId(`calendar-day-${arrival}`).waitFor();
    await expect
      .poll(() => page.getByTestId(`calendar-day-${arrival}`).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await page.locator('[data-bookable]').count()).toBeGreaterThan(5);
    await page.getByTestId('selection-summary').waitFor();
    expect(await page.getByTestId('selection-price').textContent()).toMatch(/€/);
    await snap('portal-product');
    await page.getByTestId('product-continue').click();
  });

  it('checks out in three steps: trip, travellers, payment by the test card', async () => {
    await page.waitForURL(/\/checkout\?/);
    await page.getByTestId('price-total').waitFor();
    expect(await page.getByTestId('price-lines').textContent()).toMatch(/€/);
    await page.getByTestId('cancellation-terms').waitFor();
    await page.getByTestId('checkout-continue').click();

    const travellers = [
      ['Eva', 'Králová', '1986-04-12'],
      ['Martin', 'Král', '1984-09-30'],
      // 8 on the day of arrival, as the party says.
      ['Anička', 'Králová', addDays(`${Number(arrival.slice(0, 4)) - 8}${arrival.slice(4)}`, -30)],
    ];
    for (const [index, [first, last, born]] of travellers.entries()) {
      await page.getByTestId(`traveller-${index}-first-name`).fill(first as string);
      await page.getByTestId(`traveller-${index}-last-name`).fill(last as string);
      await page.getByTestId(`traveller-${index}-birth-date`).fill(born as string);
    }
    await page.getByTestId('contact-first-name').fill('Eva');
    await page.getByTestId('contact-last-name').fill('Králová');
    await page.getByTestId('contact-email').fill(email);
    await page.getByTestId('contact-phone').fill('+420 604 111 222');
    await page.getByTestId('accept-terms').check();
    await snap('portal-checkout');
    await page.getByTestId('book-submit').click();

    await page.getByTestId('booking-reserved').waitFor();
    bookingNumber =
      /\d{4}-\d{6}/.exec((await page.getByTestId('booking-reserved').textContent()) ?? '')?.[0] ??
      '';
    expect(bookingNumber).not.toBe('');
    // A declined card first: the form says so and nothing is paid.
    await page.getByTestId('card-number').fill('4000 0000 0000 0002');
    await page.getByTestId('card-holder').fill('Eva Kralova');
    await page.getByTestId('card-expiry').fill('12/30');
    await page.getByTestId('card-cvc').fill('123');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('payment-declined').waitFor();
    await page.getByTestId('card-number').fill('4242 4242 4242 4242');
    await page.getByTestId('pay-submit').click();

    await page.waitForURL(/\/confirmation$/);
    await expect.poll(() => page.getByTestId('booking-number').textContent()).toBe(bookingNumber);
    expect(await page.getByTestId('booking-paid').textContent()).not.toMatch(/^€0\.00$/);
    await expect.poll(() => page.getByTestId('action-open').count()).toBe(2);
    await snap('portal-confirmation');

    // The same list as every channel: a web reservation, with the deposit paid.
    const list = await api('GET', `/api/v1/bookings?q=${bookingNumber}`);
    const [found] = list.json.items as {
      id: string;
      channel: string;
      status: string;
      paid: number;
    }[];
    expect(found).toMatchObject({ channel: 'web', status: 'web_reservation' });
    bookingId = found?.id ?? '';
    const booking = await api('GET', `/api/v1/bookings/${bookingId}`);
    const instalments = booking.json.instalments as { amount: number; paid: boolean }[];
    expect(instalments).toHaveLength(2);
    expect(booking.json.paid).toBe(instalments[0]?.amount);
    expect(booking.json.paid).toBeLessThan(booking.json.total as number);
    expect(instalments.map((i) => i.paid)).toEqual([true, false]);
    expect((booking.json.customer as { email: string }).email).toBe(email);
    expect(booking.json.party).toEqual({ adults: 2, childAges: [8] });

    // The confirmation e-mail leaves through the outbox (.eml files here) with the voucher.
    const outbox = path.join(server.dataDir, 'outbox');
    const mailTo = async () => {
      if (!fs.existsSync(outbox)) return '';
      for (const name of fs.readdirSync(outbox).filter((n) => n.endsWith('.eml'))) {
        const text = fs.readFileSync(path.join(outbox, name), 'utf8');
        if (text.includes(email) && text.includes(bookingNumber)) return text;
      }
      return '';
    };
    await expect.poll(mailTo, { timeout: 60_000, interval: 500 }).toMatch(/voucher-[^\s"]*\.pdf/);
  });

  it('opens the voucher page with a red box for each open required action', async () => {
    await page.getByTestId('voucher-link').click();
    await page.waitForURL(/\/v\/[\w-]{22}$/);
    await expect.poll(() => page.getByTestId('voucher-number').textContent()).toBe(bookingNumber);
    await expect.poll(() => page.getByTestId('action-open').count()).toBe(2);
    expect(await page.getByTestId('required-actions').textContent()).toContain(
      'Sign the travel contract',
    );
    expect(await page.getByTestId('action-done').count()).toBe(0);
    await snap('voucher-open-action');
  });

  it('shows the confirmation once staff and the customer have done the actions', async () => {
    const booking = await api('GET', `/api/v1/bookings/${bookingId}`);
    const actions = booking.json.requiredActions as { id: string; code: string }[];
    const contract = actions.find((a) => a.code === 'CONTRACT');
    const done = await api(
      'POST',
      `/api/v1/bookings/${bookingId}/required-actions/${contract?.id}/done`,
      { note: 'signed contract received' },
    );
    expect(done.status).toBe(200);
    const voucherUrl = page.url();

    // The customer, still signed in, enters the travellers' nationality in My bookings.
    await page.goto(`${server.url}/portal/${slug}/account`);
    const card = page.getByTestId('account-booking').filter({ hasText: bookingNumber });
    await card.waitFor();
    await expect.poll(() => card.getByTestId('action-open').count()).toBe(1);
    await card.getByTestId('enter-travellers').click();
    for (const index of [0, 1, 2]) {
      await page.getByTestId(`edit-traveller-${index}-nationality`).fill('CZ');
    }
    await page.getByTestId('travellers-save').click();
    await expect.poll(() => card.getByTestId('action-open').count()).toBe(0);
    await expect.poll(() => card.getByTestId('action-done').count()).toBe(2);
    await snap('portal-account');

    await page.goto(voucherUrl);
    await page.getByTestId('actions-all-done').waitFor();
    expect(await page.getByTestId('action-open').count()).toBe(0);
    expect(await page.getByTestId('action-done').count()).toBe(2);
    await snap('voucher-done');
  });

  it('fits a phone: My bookings and the search with a one-month date picker', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const sideways = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`${server.url}/portal/${slug}/account`);
    const card = page.getByTestId('account-booking').filter({ hasText: bookingNumber });
    await card.waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    const figures = await card
      .locator(
        '[data-testid="booking-total"], [data-testid="booking-paid"], [data-testid="booking-balance"]',
      )
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
    expect(figures).toHaveLength(3);
    for (const right of figures) expect(right).toBeLessThanOrEqual(390);
    await snap('portal-account-390');

    await page.goto(`${server.url}/portal/${slug}`);
    await page.getByTestId('search-dates').click();
    const months = page.getByRole('dialog').locator('table');
    await expect.poll(() => months.count()).toBe(1);
    const month = await months.first().boundingBox();
    expect((month?.x ?? 0) + (month?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await snap('portal-dates-390');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lets a traveller choose where to board the coach, priced by that stop', async () => {
    const found = await api('GET', '/api/v1/search?destination=Makarska&kind=tour');
    // The coach (the fly-and-stay tour to Makarska boards at one airport only).
    const coachTour = (found.json.items as Array<{ id: string; code: string }>).find(
      (hit) => hit.code === 'MAK-BUS-7',
    );
    expect(coachTour).toBeDefined();
    const product = await api('GET', `/api/v1/portal/${slug}/products/${coachTour?.id}`);
    const [first] = product.json.departures as Array<{ id: string; date: string; nights: number }>;
    expect(first).toBeDefined();
    const query = new URLSearchParams({
      product: coachTour?.id ?? '',
      departure: first?.id ?? '',
      from: first?.date ?? '',
      to: addDays(first?.date ?? '', first?.nights ?? 7),
      adults: '2',
    });
    await page.goto(`${server.url}/portal/${slug}/checkout?${query}`);
    const stops = page.getByTestId('boarding-stop');
    await expect.poll(() => stops.count()).toBeGreaterThan(1);
    // The route's first stop unless the traveller boards further on.
    expect(await stops.first().isChecked()).toBe(true);
    const total = page.getByTestId('price-total');
    await expect.poll(() => total.textContent()).toMatch(/\d/);
    const fromFirst = await total.textContent();
    await page.getByRole('radio', { name: /^Bratislava/ }).check();
    await expect.poll(() => total.textContent()).not.toBe(fromFirst);
    await snap('portal-checkout-boarding');
  });

  it('signs out, and back in with a link sent by e-mail', async () => {
    await page.goto(`${server.url}/portal/${slug}/account`);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${server.url}/portal/${slug}`);
    await page.goto(`${server.url}/portal/${slug}/account`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-send').click();
    await page.getByTestId('login-sent').waitFor();
    const outbox = path.join(server.dataDir, 'outbox');
    const token = async () => {
      for (const name of fs.readdirSync(outbox).filter((n) => n.endsWith('.eml'))) {
        // Quoted-printable: soft line breaks and "=3D" for "=".
        const text = fs
          .readFileSync(path.join(outbox, name), 'utf8')
          .replace(/=\r?\n/g, '')
          .replaceAll('=3D', '=');
        const found = /login\?token=(cvl_[\w-]+)/.exec(text);
        if (found && text.includes(email)) return found[1] as string;
      }
      return '';
    };
    await expect.poll(token, { timeout: 30_000, interval: 500 }).toMatch(/^cvl_/);
    await page.goto(`${server.url}/portal/${slug}/login?token=${await token()}`);
    await page.waitForURL(/\/account$/);
    await page.getByTestId('account-booking').filter({ hasText: bookingNumber }).waitFor();
    // The link works once.
    await page.goto(`${server.url}/portal/${slug}/login?token=${await token()}`);
    await page.getByTestId('login-failed').waitFor();
  });

  it('speaks Chinese, prices included', async () => {
    await page.goto(
      `${server.url}/portal/${slug}?destination=Rimini&from=${arrival}&to=${departure}&adults=2&children=8`,
    );
    await page.getByTestId('offer-card').first().waitFor();
    await page.getByTestId('language-switcher').click();
    await page.getByRole('option', { name: '中文' }).click();
    await expect
      .poll(() => page.getByTestId('hero-title').textContent())
      .toBe('寻找您的下一个假期');
    await expect
      .poll(() => page.getByTestId('results-title').textContent())
      .toContain('为您找到的行程');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh');
    await snap('portal-search-zh');
  });

  it('logged no errors in the browser console but the declined card and the used link', () => {
    const declined = /409.*\/api\/v1\/payments\/[\w-]+\/confirm$/;
    const usedLink = /400.*\/magic-link\/redeem$/;
    expect(consoleErrors.filter((error) => declined.test(error))).toHaveLength(1);
    expect(consoleErrors.filter((error) => usedLink.test(error))).toHaveLength(1);
    expect(consoleErrors.filter((error) => !declined.test(error) && !usedLink.test(error))).toEqual(
      [],
    );
  });
});
