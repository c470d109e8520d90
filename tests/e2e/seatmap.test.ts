// End to end in Chromium against the real server (demo data): the demo coach's seat map drawn
// with its seated passengers, a traveller moved (the API then has them on the new seat), a
// move that splits the party confirmed first, a seat taken meanwhile refused with the map
// refreshed, a free seat held with a note, the accountant reading only, the map on a phone,
// and the way there from a booking.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/runtime.ts';
import { launchChromium, screenshotPath, startDemoServer } from './browser.ts';

const demoPassword = 'caravel-demo';

interface MapSeat {
  seatId: string;
  label: string;
  row: number;
  column: number;
  state: 'free' | 'held' | 'sold' | 'blocked';
  held: string | null;
  booking: { id: string; number: string; travellerIndex: number; name: string | null } | null;
}
interface SeatMap {
  transportId: string;
  seats: MapSeat[];
  classes: { classCode: string; sold: number; inventorySold: number }[];
}

describe('the seat map of a transport departure', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let transportId = '';
  let departureId = '';
  let departureDate = '';

  async function signIn(target: Page, email: string, next: string) {
    await target.goto(`${server.url}/login?next=${encodeURIComponent(next)}`, { timeout: 60_000 });
    await target.getByTestId('login-email').fill(email);
    await target.getByTestId('login-password').fill(demoPassword);
    await target.getByTestId('login-submit').click();
    await target.waitForURL(`${server.url}${next}`);
  }

  async function seatMap(): Promise<SeatMap> {
    const response = await page.request.get(
      `${server.url}/api/v1/transport-departures/${departureId}/seats`,
    );
    expect(response.status()).toBe(200);
    return response.json();
  }

  const seatButton = (seatId: string) =>
    page.locator(`[data-testid="seat"][data-seat="${seatId}"]`);

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('response', (response) => {
      const url = new URL(response.url());
      // Before signing in /me answers 401; the 409 is the seat taken meanwhile, asked for below.
      const expected =
        (response.status() === 401 && url.pathname === '/api/v1/me') ||
        (response.status() === 409 && url.pathname.endsWith('/seats/swap')) ||
        url.pathname === '/favicon.ico';
      if (response.status() >= 400 && !expected) {
        consoleErrors.push(`${response.status()} ${url.pathname}`);
      }
    });
    // An agent: moves travellers and holds seats.
    await signIn(page, 'jana.novakova@vltava-tours.example', '/catalog/transport');
    await page.request.patch(`${server.url}/api/v1/me`, { data: { locale: 'en' } });
    const list = await (await page.request.get(`${server.url}/api/v1/transport?limit=50`)).json();
    const bus = list.items.find((t: { code: string }) => t.code === 'VT 801');
    transportId = bus.id;
    const transport = await (
      await page.request.get(`${server.url}/api/v1/transport/${bus.id}`)
    ).json();
    // The demo's first coach departure with a booking seated on it.
    for (const departure of transport.departures as { id: string; date: string }[]) {
      departureId = departure.id;
      if ((await seatMap()).seats.some((s) => s.state === 'sold')) {
        departureDate = departure.date;
        break;
      }
    }
    expect(departureDate, 'a coach departure with seated passengers').not.toBe('');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the transport’s departures and draws the coach with its passengers', async () => {
    await page.goto(`${server.url}/catalog/transport/${transportId}`);
    await page
      .locator(`[data-testid="transport-departure-row"][data-date="${departureDate}"]`)
      .getByTestId('open-seat-map')
      .click();
    await page.waitForURL(/\/departures\/[0-9a-f-]{36}\/seats$/);
    const api = await seatMap();
    // 49 seats for sale, the driver's and the guide's seat.
    await expect.poll(() => page.getByTestId('seat').count()).toBe(51);
    const sold = api.seats.filter((s) => s.state === 'sold');
    expect(await page.locator('[data-testid="seat"][data-state="sold"]').count()).toBe(sold.length);
    expect(await page.locator('[data-testid="seat"][data-state="blocked"]').count()).toBe(2);
    // Two doors and the toilet are drawn, never seats.
    expect(await page.getByTestId('seat-feature').count()).toBe(3);
    for (const seat of sold) {
      const label = await seatButton(seat.seatId).getAttribute('aria-label');
      expect(label).toContain(seat.booking?.number);
      expect(label).toContain(seat.booking?.name);
    }
    const numbers = new Set(sold.map((s) => s.booking?.number));
    expect(await page.getByTestId('seat-booking').count()).toBe(numbers.size);
    // One booking, one colour: its seats look alike.
    const first = sold[0] as MapSeat;
    const colour = (id: string) =>
      seatButton(id).evaluate((el) => getComputedStyle(el).backgroundColor);
    for (const seat of sold.filter((s) => s.booking?.id === first.booking?.id)) {
      expect(await colour(seat.seatId)).toBe(await colour(first.seatId));
    }
    expect(await colour(first.seatId)).not.toBe(
      await colour((api.seats.find((s) => s.state === 'free') as MapSeat).seatId),
    );
    await page.screenshot({ path: screenshotPath('seatmap-coach'), fullPage: true });
  });

  it('moves a traveller to a free seat beside the party, and the API has them there', async () => {
    const before = await seatMap();
    // A seated traveller with a free seat in their row: the party stays within a row of
    // itself, no question (the first rows may be full, so look along the sold seats).
    const freeInRow = (seat: MapSeat) =>
      before.seats.find((s) => s.state === 'free' && s.row === seat.row);
    const mover = before.seats.find((s) => s.state === 'sold' && freeInRow(s)) as MapSeat;
    const target = freeInRow(mover) as MapSeat;
    expect(target, 'a free seat in the same row').toBeDefined();
    await seatButton(mover.seatId).click();
    await expect.poll(() => page.getByTestId('seat-picked').textContent()).toContain(mover.label);
    // Tapping a traveller says who it is and which booking, as hovering does.
    expect(await page.getByTestId('seat-picked').textContent()).toContain(mover.booking?.number);
    await seatButton(target.seatId).click();
    await expect.poll(() => seatButton(target.seatId).getAttribute('data-state')).toBe('sold');
    expect(await seatButton(mover.seatId).getAttribute('data-state')).toBe('free');
    const after = await seatMap();
    const now = after.seats.find((s) => s.seatId === target.seatId);
    expect(now?.booking).toMatchObject({
      id: mover.booking?.id,
      travellerIndex: mover.booking?.travellerIndex,
    });
    expect(after.seats.find((s) => s.seatId === mover.seatId)?.state).toBe('free');
  });

  it('asks before a move that splits the party, then makes it', async () => {
    const before = await seatMap();
    const party = before.seats.filter((s) => s.state === 'sold');
    const mover = party[0] as MapSeat;
    const rows = party.filter((s) => s.booking?.id === mover.booking?.id).map((s) => s.row);
    // A free seat at least two rows from every other traveller of the booking.
    const far = before.seats.find(
      (s) => s.state === 'free' && rows.every((r) => Math.abs(r - s.row) >= 3),
    ) as MapSeat;
    await seatButton(mover.seatId).click();
    await seatButton(far.seatId).click();
    await page.getByTestId('confirm-split').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain(mover.booking?.number);
    // Nothing moved before the answer.
    expect((await seatMap()).seats.find((s) => s.seatId === far.seatId)?.state).toBe('free');
    await page.getByTestId('confirm-split').click();
    await expect.poll(() => seatButton(far.seatId).getAttribute('data-state')).toBe('sold');
    const now = (await seatMap()).seats.find((s) => s.seatId === far.seatId);
    expect(now?.booking?.travellerIndex).toBe(mover.booking?.travellerIndex);
  });

  it('refuses a seat taken meanwhile and shows the map as it is', async () => {
    const before = await seatMap();
    const mover = before.seats.find((s) => s.state === 'sold') as MapSeat;
    const target = before.seats.find(
      (s) => s.state === 'free' && Math.abs(s.row - mover.row) <= 1,
    ) as MapSeat;
    // Someone else holds the seat behind this page's back.
    const held = await page.request.patch(
      `${server.url}/api/v1/transport-departures/${departureId}/seats/${target.seatId}`,
      { data: { held: 'Tour leader' } },
    );
    expect(held.status()).toBe(200);
    await seatButton(mover.seatId).click();
    await seatButton(target.seatId).click();
    await expect
      .poll(() => page.locator('.mantine-Notification-root').allTextContents())
      .toContainEqual(expect.stringContaining('Could not move the traveller'));
    await expect.poll(() => seatButton(target.seatId).getAttribute('data-state')).toBe('held');
    expect((await seatMap()).seats.find((s) => s.seatId === mover.seatId)?.booking?.id).toBe(
      mover.booking?.id,
    );
    await page.keyboard.press('Escape');
  });

  it('holds a free seat with a note and gives it back', async () => {
    await page.reload();
    await page.getByTestId('seat').first().waitFor();
    const free = (await seatMap()).seats.filter((s) => s.state === 'free').at(-1) as MapSeat;
    await seatButton(free.seatId).click();
    await page.getByTestId('hold-note').fill('Guide’s wife');
    await page.getByTestId('hold-seat').click();
    await expect.poll(() => seatButton(free.seatId).getAttribute('data-state')).toBe('held');
    expect((await seatMap()).seats.find((s) => s.seatId === free.seatId)?.held).toBe(
      'Guide’s wife',
    );
    await page.screenshot({ path: screenshotPath('seatmap-held'), fullPage: true });
    await seatButton(free.seatId).click();
    expect(await page.getByTestId('held-note').textContent()).toContain('Guide’s wife');
    await page.getByTestId('release-seat').click();
    await expect.poll(() => seatButton(free.seatId).getAttribute('data-state')).toBe('free');
  });

  it('opens from a booking’s seats with its travellers standing out', async () => {
    const sold = (await seatMap()).seats.find((s) => s.state === 'sold') as MapSeat;
    await page.goto(`${server.url}/bookings/${sold.booking?.id}`);
    const outbound = page.locator('[data-testid="seats-leg"][data-leg="outbound"]');
    await expect.poll(() => outbound.textContent()).toContain(`Seat ${sold.label}`);
    await outbound.getByTestId('open-leg-seat-map').click();
    await page.waitForURL(
      new RegExp(`/catalog/transport/${transportId}/departures/${departureId}/seats\\?booking=`),
    );
    await expect
      .poll(() => page.locator('[data-testid="seat-booking"]').first().getAttribute('data-booking'))
      .toBe(sold.booking?.number);
    expect(consoleErrors).toEqual([]);
  });

  it('lets the accountant look, not move', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
    const path = `/catalog/transport/${transportId}/departures/${departureId}/seats`;
    await signIn(phone, 'eva.dvorakova@vltava-tours.example', path);
    await phone.getByTestId('seat').first().waitFor();
    const map = await seatMap();
    const free = map.seats.find((s) => s.state === 'free') as MapSeat;
    const sold = map.seats.find((s) => s.state === 'sold') as MapSeat;
    await phone.locator(`[data-testid="seat"][data-seat="${free.seatId}"]`).click();
    expect(await phone.getByRole('dialog').count()).toBe(0);
    expect(
      await phone
        .locator('[data-testid="seat"][data-state="sold"]')
        .first()
        .getAttribute('draggable'),
    ).toBe('false');
    await phone.locator(`[data-testid="seat"][data-seat="${sold.seatId}"]`).click();
    await expect
      .poll(() => phone.getByTestId('seat-picked').textContent())
      .toContain(sold.booking?.number);
    // No move controls: nothing to cancel, only who sits there.
    expect(await phone.getByTestId('seat-picked').getByRole('button').count()).toBe(0);
    // The page never scrolls sideways on a phone.
    const widths = await phone.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    await phone.screenshot({ path: screenshotPath('seatmap-phone'), fullPage: true });
    await context.close();
  });
});
