// The API's promises that hold for every route: health, a valid OpenAPI document that
// covers every route, problem+json for every failure, and no input that reaches a 500.
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestMigration } from '../src/server/db/migrate.ts';
import { describeEachDatabase } from './helpers/database.ts';
import { makeAgency, makeTestApp, signIn } from './helpers/factories.ts';
import {
  hostileQueryValues,
  hostileTexts,
  nestedJson,
  type Operation,
  operationsOf,
  replaceAt,
  sampleOf,
  textLeavesOf,
} from './helpers/openapi-requests.ts';

describeEachDatabase('API contract', (database, kind) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeTestApp(database());
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports health with the database kind and the latest migration', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind, migration: latestMigration });
  });

  it('publishes a valid OpenAPI 3.1 document covering every /api/v1 route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document));
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    expect(app.apiRoutes.length).toBeGreaterThan(10);
    for (const route of app.apiRoutes) expect(documented, route).toContain(route);
    expect(documented).toContain('GET /api/health');
    expect(documented).toContain('POST /api/v1/auth/login');
    expect(documented).toContain('DELETE /api/v1/api-tokens/{id}');
  });

  it('renders the browsable API reference at /api/docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });

  it('answers unknown API routes with 404 problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'no route GET /api/v1/nothing-here',
    });
  });

  it('answers a malformed id with 400 naming the path parameter', async () => {
    const agency = await makeAgency(database());
    const { cookie } = await signIn(app, agency.adminEmail);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users/not-a-uuid',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: '/id', in: 'path' });
  });

  it('never answers arbitrary JSON input with a 5xx', async () => {
    const agency = await makeAgency(database());
    const { cookie } = await signIn(app, agency.adminEmail);
    // Routes of one booking: an id no booking has (the body is checked before it is looked up).
    const someId = '00000000-0000-4000-8000-000000000000';
    const targets = [
      { method: 'POST' as const, url: '/api/v1/auth/login', auth: false },
      { method: 'POST' as const, url: '/api/v1/users', auth: true },
      { method: 'PATCH' as const, url: '/api/v1/me', auth: true },
      { method: 'POST' as const, url: '/api/v1/api-tokens', auth: true },
      { method: 'GET' as const, url: '/api/v1/users', auth: true },
      { method: 'POST' as const, url: '/api/v1/suppliers', auth: true },
      { method: 'POST' as const, url: '/api/v1/accommodations', auth: true },
      { method: 'POST' as const, url: '/api/v1/tours', auth: true },
      { method: 'POST' as const, url: '/api/v1/transport', auth: true },
      { method: 'POST' as const, url: '/api/v1/attractions', auth: true },
      { method: 'POST' as const, url: '/api/v1/extra-services', auth: true },
      { method: 'POST' as const, url: '/api/v1/pools', auth: true },
      { method: 'POST' as const, url: '/api/v1/inventory/holds', auth: true },
      { method: 'POST' as const, url: '/api/v1/inventory/takes', auth: true },
      { method: 'GET' as const, url: '/api/v1/search', auth: true },
      { method: 'GET' as const, url: '/api/v1/pools', auth: true },
      { method: 'POST' as const, url: '/api/v1/price-lists', auth: true },
      { method: 'GET' as const, url: '/api/v1/price-lists', auth: true },
      { method: 'POST' as const, url: '/api/v1/price-rules', auth: true },
      { method: 'POST' as const, url: '/api/v1/promo-codes', auth: true },
      { method: 'POST' as const, url: '/api/v1/channel-fees', auth: true },
      { method: 'POST' as const, url: '/api/v1/quotes', auth: true },
      { method: 'GET' as const, url: '/api/v1/offers', auth: true },
      { method: 'POST' as const, url: '/api/v1/bookings', auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/cancel`, auth: true },
      { method: 'GET' as const, url: `/api/v1/bookings/${someId}/cancellation`, auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/changes/preview`, auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/changes`, auth: true },
      { method: 'PUT' as const, url: `/api/v1/bookings/${someId}/travellers`, auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/payments`, auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/payments/checkout`, auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/documents/send`, auth: true },
      { method: 'POST' as const, url: `/api/v1/payments/${someId}/confirm`, auth: true },
      { method: 'GET' as const, url: '/api/v1/payments/overdue', auth: true },
      { method: 'GET' as const, url: '/api/v1/dashboard', auth: true },
      { method: 'PUT' as const, url: '/api/v1/settings/payment-terms', auth: true },
      { method: 'PATCH' as const, url: '/api/v1/settings/agency', auth: true },
      { method: 'GET' as const, url: '/api/v1/bookings', auth: true },
      { method: 'GET' as const, url: '/api/v1/bookings/export.csv', auth: true },
      { method: 'POST' as const, url: '/api/v1/customers', auth: true },
      { method: 'GET' as const, url: '/api/v1/customers', auth: true },
      { method: 'POST' as const, url: `/api/v1/bookings/${someId}/invoices`, auth: true },
      { method: 'POST' as const, url: `/api/v1/invoices/${someId}/credit-notes`, auth: true },
      { method: 'GET' as const, url: '/api/v1/invoices', auth: true },
      { method: 'GET' as const, url: '/api/v1/invoices/export.csv', auth: true },
      { method: 'GET' as const, url: '/api/v1/approvers', auth: true },
      { method: 'PUT' as const, url: '/api/v1/settings/invoicing', auth: true },
      { method: 'GET' as const, url: `/api/v1/portal/${agency.slug}/offers`, auth: false },
      { method: 'POST' as const, url: `/api/v1/portal/${agency.slug}/quotes`, auth: false },
      { method: 'POST' as const, url: `/api/v1/portal/${agency.slug}/bookings`, auth: false },
      { method: 'POST' as const, url: `/api/v1/portal/${agency.slug}/magic-link`, auth: false },
      {
        method: 'POST' as const,
        url: `/api/v1/portal/${agency.slug}/magic-link/redeem`,
        auth: false,
      },
      {
        method: 'GET' as const,
        url: `/api/v1/portal/${agency.slug}/products/${someId}/calendar`,
        auth: false,
      },
      {
        method: 'PUT' as const,
        url: `/api/v1/portal/${agency.slug}/bookings/${someId}/travellers`,
        auth: true,
      },
    ];
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.emailAddress(),
      fc.array(fc.string()),
      fc.constant('nul \u0000 inside'),
      fc.constantFrom(...Object.values(hostileTexts)),
      fc.constantFrom('2027-07-01', '2027-02-30', 'EUR', 'HR', 'allotment', 'room'),
      fc.constantFrom('tour', 'promo_code', 'phone', '12.5', '-0', '999.9999', 'XXX'),
      fc.constantFrom('person', 'company', 'Dvořák', '%_\\', '1899-12-31', '2999-01-01'),
      fc.record({
        maxPricePerNight: fc.oneof(
          fc.constant(null),
          fc.record({ amount: fc.integer(), currency: fc.constantFrom('CZK', 'ABC', 'czk') }),
        ),
        allowedRoomTypeCodes: fc.oneof(fc.constant(null), fc.array(fc.string())),
        minAdvanceDays: fc.oneof(fc.integer(), fc.constant(null)),
        requireApproval: fc.boolean(),
      }),
      fc.uuid(),
      fc.array(
        fc.record({
          code: fc.constantFrom('a', 'b', ''),
          name: fc.string(),
          from: fc.constantFrom('2030-01-01', '2030-12-31', '2030-02-30'),
          to: fc.constantFrom('2030-01-01', '2030-12-31'),
          priority: fc.integer({ min: -2, max: 2 }),
        }),
      ),
      fc.array(
        fc.record({
          period: fc.constantFrom('a', 'b'),
          charge: fc.constantFrom('room', 'person', 'booking'),
          basis: fc.constantFrom('night', 'stay'),
          amount: fc.oneof(fc.integer(), fc.constant(null)),
          percentOfAdult: fc.constantFrom('50', '-1', '999.9999', null),
          childBand: fc.constantFrom('a', null),
        }),
      ),
      fc.dictionary(fc.constantFrom('en', 'cs', 'xx', 'type', 'roomTypeId'), fc.string()),
      fc.array(
        fc.record({
          type: fc.constantFrom('room', 'seats', 'tour'),
          quantity: fc.integer(),
          roomTypeId: fc.uuid(),
        }),
      ),
    );
    const body = fc.oneof(
      fc.dictionary(
        fc.constantFrom(
          'email',
          'password',
          'name',
          'role',
          'locale',
          'expiresAt',
          'agency',
          'x',
          'kind',
          'code',
          'currency',
          'city',
          'country',
          'mode',
          'accommodationId',
          'members',
          'capacity',
          'components',
          'minutes',
          'departures',
          'roomTypes',
          'seasons',
          'classes',
          'stops',
          'unit',
          'productKind',
          'productId',
          'periods',
          'childBands',
          'rows',
          'cancellation',
          'dynamic',
          'percent',
          'amount',
          'ruleId',
          'channel',
          'lastName',
          'companyName',
          'companyId',
          'birthDate',
          'travelPolicy',
          'costCentres',
          'tags',
          'reason',
          'lines',
          'vatRates',
          'defaultVatRate',
          'quoteId',
          'travellers',
          'party',
          'from',
          'to',
          'contact',
          'acceptTerms',
          'token',
          'month',
        ),
        field,
      ),
      fc.json().map((text) => text),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        body,
        fc.string(),
        async (target, payload, query) => {
          const response = await app.inject({
            method: target.method,
            url: `${target.url}?limit=${encodeURIComponent(query)}&cursor=${encodeURIComponent(query)}`,
            headers: {
              'content-type': 'application/json',
              ...(target.auth ? { cookie } : {}),
            },
            payload:
              target.method === 'GET'
                ? undefined
                : typeof payload === 'string'
                  ? payload
                  : JSON.stringify(payload),
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers hostile shapes on every operation of the OpenAPI document with a 4xx problem+json, never a 5xx', async () => {
    const agency = await makeAgency(database());
    const { cookie } = await signIn(app, agency.adminEmail);
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const someId = '00000000-0000-4000-8000-000000000000';
    // Signing out ends the session the others use: it goes last.
    const operations = operationsOf(document).sort(
      (a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')),
    );
    expect(operations.length).toBeGreaterThan(150);

    const pathValue = (name: string) =>
      name === 'agency'
        ? agency.slug
        : name === 'code'
          ? 'abc'
          : name === 'position'
            ? '0'
            : someId;
    const urlOf = (operation: Operation, override: Record<string, string> = {}, query = '') => {
      const path = operation.path.replace(
        /\{(\w+)\}/g,
        (_, name: string) => override[name] ?? pathValue(name),
      );
      const required = operation.queryParams
        .filter((p) => p.required)
        .map((p) => `${p.name}=${encodeURIComponent(String(sampleOf(document, p.schema)))}`);
      const parts = [...required, query].filter(Boolean);
      return parts.length ? `${path}?${parts.join('&')}` : path;
    };

    const failures: string[] = [];
    let requests = 0;
    const send = async (
      operation: Operation,
      what: string,
      url: string,
      payload?: string,
    ): Promise<void> => {
      requests += 1;
      const response = await app.inject({
        method: operation.method,
        url,
        headers: {
          cookie,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { payload }),
      });
      const status = response.statusCode;
      const type = String(response.headers['content-type'] ?? '');
      if (status >= 500 || (status >= 400 && !type.includes('application/problem+json'))) {
        failures.push(
          `${operation.method} ${operation.path} [${what}] → ${status} ${type} ${response.body.slice(0, 200)}`,
        );
      }
    };

    const started = Date.now();
    for (const operation of operations) {
      if (operation.path.endsWith('/logout')) {
        // The session survived the others, so every operation was tried signed in.
        const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
        expect(me.statusCode).toBe(200);
      }
      const url = urlOf(operation);
      const takesBody = operation.method !== 'GET';
      if (takesBody) {
        await send(operation, 'nested 200,000', url, nestedJson(200_000));
        await send(operation, 'nested 3,000', url, nestedJson(3000));
      }
      if (operation.body) {
        for (const requiredOnly of [false, true]) {
          const sample = sampleOf(document, operation.body, 0, { requiredOnly });
          const leaves = textLeavesOf(document, operation.body);
          // A deep value in place of the first field, the rest as the schema wants.
          const [first] = Object.keys((sample ?? {}) as object);
          if (first) {
            const text = JSON.stringify({ ...(sample as object), [first]: '@deep@' });
            await send(
              operation,
              `deep /${first}`,
              url,
              text.replace('"@deep@"', nestedJson(3000)),
            );
          }
          // Each hostile text in every free-text field, one field at a time (so the others
          // stay valid and the value can reach the service and the database).
          for (const [kind, value] of Object.entries(hostileTexts)) {
            if (kind === 'long' && requiredOnly) continue;
            for (const leaf of leaves) {
              if (!requiredOnly && !['surrogate', 'blank', 'long'].includes(kind)) continue;
              const body = JSON.stringify(replaceAt(sample, leaf, value));
              await send(operation, `${kind} at ${leaf}`, url, body);
            }
          }
          for (const leaf of textLeavesOf(document, operation.body, '', 0, 'number')) {
            for (const value of [2 ** 31, 2 ** 53, -(2 ** 53), 1e300, 0.1]) {
              const body = JSON.stringify(replaceAt(sample, leaf, value));
              await send(operation, `number ${value} at ${leaf}`, url, body);
            }
          }
          await send(operation, 'sample', url, JSON.stringify(sample));
        }
      }
      for (const param of operation.pathParams) {
        await send(
          operation,
          `bad encoding in {${param.name}}`,
          urlOf(operation, { [param.name]: '%C3%28' }),
        );
        await send(
          operation,
          `long {${param.name}}`,
          urlOf(operation, { [param.name]: 'a'.repeat(101) }),
        );
        await send(
          operation,
          `blank {${param.name}}`,
          urlOf(operation, { [param.name]: '%20%20%20' }),
        );
      }
      for (const value of hostileQueryValues) {
        const query = operation.queryParams.map((p) => `${p.name}=${value}`).join('&');
        if (query)
          await send(operation, `query ${value.slice(0, 12)}`, urlOf(operation, {}, query));
      }
    }
    const seconds = (Date.now() - started) / 1000;
    expect(failures, `${failures.length} of ${requests} requests (${seconds} s)`).toEqual([]);
  }, 300_000);
});
