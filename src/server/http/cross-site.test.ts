// Cross-site writes with the session cookie: refused unless they come from our own pages and
// carry what the route takes. API-token calls are not browser requests and are not checked.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSupplier } from '../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../tests/helpers/factories.ts';

describeEachDatabase('cross-site writes', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let cookie: string;
  // makeTestApp's configuration leaves CARAVEL_PUBLIC_URL at its default.
  const ownOrigin = 'http://127.0.0.1:3000';
  const evil = 'https://evil.example';

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    cookie = (await signIn(app, agency.adminEmail)).cookie;
  });
  afterAll(async () => {
    await app.close();
  });

  const archive = async (headers: Record<string, string>, payload?: string) => {
    const supplier = await makeSupplier(agency);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/suppliers/${supplier.id}/archive`,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/suppliers/${supplier.id}`,
      headers: { cookie },
    });
    return { response, archived: after.json().archived as boolean };
  };

  it('refuses a cookie write from another origin, text/plain or bodiless, with 403 problem+json', async () => {
    for (const headers of <Record<string, string>[]>[
      { cookie, origin: evil, 'content-type': 'text/plain' },
      { cookie, origin: evil },
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site', origin: 'https://other.127.0.0.1.example' },
      { cookie, origin: 'null' },
    ]) {
      const { response, archived } = await archive(
        headers,
        headers['content-type'] ? 'x' : undefined,
      );
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(archived).toBe(false);
    }
  });

  it('refuses a cookie write whose content type the route does not take (415), whatever the origin', async () => {
    const plain = await archive({ cookie, 'content-type': 'text/plain' }, '{}');
    expect(plain.response.statusCode).toBe(415);
    expect(plain.response.headers['content-type']).toContain('application/problem+json');
    expect(plain.archived).toBe(false);

    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/suppliers',
      headers: { cookie, origin: ownOrigin, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Forged&kind=other&currency=EUR',
    });
    expect(form.statusCode).toBe(415);
  });

  it('accepts what the web app sends: JSON, or no body and no content type, from its own origin', async () => {
    for (const headers of <Record<string, string>[]>[
      { cookie },
      { cookie, origin: ownOrigin, 'sec-fetch-site': 'same-origin' },
      // The host the browser used, when it is not the configured public URL.
      { cookie, origin: 'http://localhost:80', host: 'localhost:80' },
    ]) {
      const { response, archived } = await archive(headers);
      expect(response.statusCode, `${JSON.stringify(headers)} ${response.body}`).toBe(200);
      expect(archived).toBe(true);
    }
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/suppliers',
      headers: { cookie, origin: ownOrigin, 'sec-fetch-site': 'same-origin' },
      payload: { name: 'Same-origin Supplier', kind: 'other', currency: 'EUR' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('does not check API-token calls, which carry no ambient credential', async () => {
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        headers: { cookie },
        payload: { name: 'integration' },
      })
    ).json().token;
    const { response, archived } = await archive({
      authorization: `Bearer ${token}`,
      origin: evil,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(archived).toBe(true);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: evil },
      payload: { email: agency.adminEmail, password: 'whatever it is' },
    });
    expect(response.statusCode).toBe(403);
  });
});
