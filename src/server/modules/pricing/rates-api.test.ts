// The exchange-rate endpoints: the day's rates, the agency's own rate, a conversion preview.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { parseEcbRates } from '../integrations/ecb-rates.ts';
import { importEcbRates } from './rates.ts';

const fixture = fs.readFileSync(
  path.join(import.meta.dirname, '../../../../tests/fixtures/eurofxref-hist-90d.xml'),
  'utf8',
);

describeEachDatabase('exchange rates API', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let cookie: string;
  let agentCookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database(), { users: [{ role: 'agent' }] });
    await importEcbRates(agency.ctx, parseEcbRates(fixture));
    cookie = (await signIn(app, agency.adminEmail)).cookie;
    agentCookie = (await signIn(app, `agent-0-${agency.slug.replace('agency-', '')}@example.test`))
      .cookie;
    otherCookie = (await signIn(app, (await makeAgency(database())).adminEmail)).cookie;
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, as = cookie) =>
    app.inject({ method: 'GET', url, headers: { cookie: as } });

  it("lists the latest day's rates on or before a date", async () => {
    const response = await get('/api/v1/exchange-rates?date=2026-11-22');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items;
    expect(items).toHaveLength(8);
    expect(items).toContainEqual({
      source: 'ECB',
      date: '2026-11-20',
      base: 'EUR',
      quote: 'CZK',
      rate: '25.305',
    });
    expect((await get('/api/v1/exchange-rates?date=2026-11-22', otherCookie)).json().items).toEqual(
      [],
    );
  });

  it('converts an amount and shows the rate it used', async () => {
    const response = await get(
      '/api/v1/exchange-rates/convert?amount=10000&from=EUR&to=CZK&date=2026-11-20',
    );
    expect(response.json()).toEqual({
      from: { amount: 10000, currency: 'EUR' },
      to: { amount: 253050, currency: 'CZK' },
      rate: { source: 'ECB', date: '2026-11-20', base: 'EUR', quote: 'CZK', rate: '25.305' },
    });
    const none = await get(
      '/api/v1/exchange-rates/convert?amount=1&from=EUR&to=CZK&date=2026-11-20',
      otherCookie,
    );
    expect(none.statusCode).toBe(409);
    const bad = await get('/api/v1/exchange-rates/convert?amount=1&from=EUR&to=ABC');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/to');
  });

  it("takes the agency's own rate from an admin, not from an agent", async () => {
    const payload = { date: '2026-11-21', base: 'EUR', quote: 'CZK', rate: '25.5' };
    const denied = await app.inject({
      method: 'PUT',
      url: '/api/v1/exchange-rates',
      headers: { cookie: agentCookie },
      payload,
    });
    expect(denied.statusCode).toBe(403);
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/exchange-rates',
      headers: { cookie },
      payload,
    });
    expect(set.statusCode, set.body).toBe(200);
    const converted = await get(
      '/api/v1/exchange-rates/convert?amount=100&from=EUR&to=CZK&date=2026-11-21',
    );
    expect(converted.json().to).toEqual({ amount: 2550, currency: 'CZK' });
    expect(converted.json().rate.source).toBe('manual');
    // On a day with both, the agency's own rate wins over the ECB's.
    await app.inject({
      method: 'PUT',
      url: '/api/v1/exchange-rates',
      headers: { cookie },
      payload: { ...payload, date: '2026-11-20', rate: '26' },
    });
    const sameDay = await get(
      '/api/v1/exchange-rates/convert?amount=100&from=EUR&to=CZK&date=2026-11-20',
    );
    expect(sameDay.json().to).toEqual({ amount: 2600, currency: 'CZK' });
    const zero = await app.inject({
      method: 'PUT',
      url: '/api/v1/exchange-rates',
      headers: { cookie },
      payload: { ...payload, rate: '0' },
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe('/rate');
  });
});
