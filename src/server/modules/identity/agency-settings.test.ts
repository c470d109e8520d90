// The agency's base currency through the API: an admin sets it while no money is recorded in
// the old one; an ISO 4217 code only; others may not.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency, makeTestApp, signIn } from '../../../../tests/helpers/factories.ts';
import {
  makeTourWithRooms,
  tourPriceList,
} from '../../../../tests/helpers/price-list-factories.ts';

describeEachDatabase('agency settings', (database) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeTestApp(database());
  });
  afterAll(async () => {
    await app.close();
  });

  const patch = (cookie: string, payload: object) =>
    app.inject({ method: 'PATCH', url: '/api/v1/settings/agency', headers: { cookie }, payload });

  describe('base currency', () => {
    it('a new agency (EUR) becomes a Czech agency (CZK), seen in its settings and in /me', async () => {
      const agency = await makeAgency(database());
      const { cookie } = await signIn(app, agency.adminEmail);
      const before = await app.inject({
        method: 'GET',
        url: '/api/v1/settings/agency',
        headers: { cookie },
      });
      expect(before.statusCode).toBe(200);
      expect(before.json().baseCurrency).toBe('EUR');

      const changed = await patch(cookie, { baseCurrency: 'CZK' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ baseCurrency: 'CZK', slug: agency.slug });
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(me.json().agency.baseCurrency).toBe('CZK');
    });

    it('refuses a code that is not ISO 4217, naming the field', async () => {
      const agency = await makeAgency(database());
      const { cookie } = await signIn(app, agency.adminEmail);
      for (const baseCurrency of ['XYZ', 'czk!', 'EURO']) {
        const response = await patch(cookie, { baseCurrency });
        expect(response.statusCode, baseCurrency).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().errors[0].path).toBe('/baseCurrency');
      }
    });

    it('is for admins only', async () => {
      const agency = await makeAgency(database(), { users: [{ role: 'agent' }] });
      const agent = await signIn(app, `agent-0-${agency.slug.replace('agency-', '')}@example.test`);
      expect((await patch(agent.cookie, { baseCurrency: 'CZK' })).statusCode).toBe(403);
      const read = await app.inject({
        method: 'GET',
        url: '/api/v1/settings/agency',
        headers: { cookie: agent.cookie },
      });
      expect(read.statusCode).toBe(403);
    });

    it('is refused with 409 once a price list exists in the old currency', async () => {
      const agency = await makeAgency(database());
      const { cookie } = await signIn(app, agency.adminEmail);
      const { tour, double } = await makeTourWithRooms(agency);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/price-lists',
        headers: { cookie },
        payload: tourPriceList(tour.id, double), // in EUR, the agency's currency
      });
      expect(created.statusCode, created.body).toBe(201);

      const refused = await patch(cookie, { baseCurrency: 'CZK' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors[0].path).toBe('/baseCurrency');
      expect(refused.json().detail).toContain('1 price lists');
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(me.json().agency.baseCurrency).toBe('EUR');
      // Asking for the currency it already has changes nothing and is no conflict.
      expect((await patch(cookie, { baseCurrency: 'EUR' })).statusCode).toBe(200);
    });
  });
});
