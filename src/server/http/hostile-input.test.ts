// Inputs that once reached a 500 (issue 16, section 3): deep nesting, oversized bodies,
// unpaired surrogates, blank-after-trim text, and URLs the router refuses. Each must answer a
// 4xx problem+json naming the problem, and none may log a stack at error level.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import { makeAgency, signIn, testPassword } from '../../../tests/helpers/factories.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { LoginThrottle } from '../modules/identity/login-throttle.ts';
import { fieldOfCheck, problemFromError } from './problem.ts';
import {
  findNulCharacter,
  findUnstorableText,
  jsonNestsDeeperThan,
  maxJsonDepth,
} from './text-guard.ts';

describe('jsonNestsDeeperThan', () => {
  it('counts brackets outside strings only, without recursion', () => {
    expect(jsonNestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(jsonNestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
    expect(jsonNestsDeeperThan('['.repeat(200_000), maxJsonDepth)).toBe(true);
  });
});

describe('findUnstorableText', () => {
  it('names the first string or key with U+0000 or an unpaired surrogate', () => {
    expect(findUnstorableText({ name: { en: 'ok', cs: 'ab\ud800' } })).toEqual({
      path: '/name/cs',
      message: 'must not contain an unpaired UTF-16 surrogate',
    });
    expect(findUnstorableText({ items: ['x', { 'a/b\udc00': 'y' }] })?.path).toBe(
      '/items/1/a~1b\udc00',
    );
    expect(findUnstorableText(['fine', 'a\u0000b'])?.message).toContain('U+0000');
    expect(findNulCharacter({ items: ['x', { 'a/b': '\u0000' }] })).toBe('/items/1/a~1b');
  });

  it('accepts paired surrogates (emoji) and other values', () => {
    expect(findUnstorableText({ name: 'Praha 🏰', n: 3, list: [null, true] })).toBeNull();
  });

  it('walks any depth without overflowing the stack', () => {
    let deep: unknown = 'a\ud800';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep)?.path).toBe(`${'/0'.repeat(200_000)}`);
  });
});

describe('fieldOfCheck', () => {
  it("names a column's CHECK by its field, and no field for a table's CHECK", () => {
    expect(fieldOfCheck('document_templates', 'document_templates_display_name_check')).toBe(
      '/displayName',
    );
    expect(fieldOfCheck('bookings', 'bookings_pnr_check')).toBe('/pnr');
    expect(fieldOfCheck('customers', 'customers_check1')).toBeNull();
    expect(fieldOfCheck('customers', 'customers_check')).toBeNull();
    expect(fieldOfCheck('offers', 'other_name_check')).toBeNull();
  });
});

describeEachDatabase('hostile input over HTTP', (database) => {
  let app: FastifyInstance;
  let logs: { level: number; msg?: string; err?: unknown }[] = [];
  let cookie: string;
  let slug: string;

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
        callback();
      },
    });
    app = await buildApp({
      config: loadConfig({ CARAVEL_DATA_DIR: '/nonexistent/caravel-test', LOG_LEVEL: 'info' }),
      database: database(),
      logger: { level: 'info', stream },
      throttle: new LoginThrottle({ perAccount: 1000, perAddress: 1000, windowMs: 1 }),
      webDir: '/nonexistent/caravel-web',
    });
    await app.ready();
    const agency = await makeAgency(database());
    slug = agency.slug;
    ({ cookie } = await signIn(app, agency.adminEmail, testPassword));
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    logs = [];
  });

  function expectProblem(response: { statusCode: number; headers: Record<string, unknown> }) {
    expect(response.headers['content-type']).toContain('application/problem+json');
  }
  function expectNoErrorLogs() {
    expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);
  }

  it('answers deeply nested JSON with 400 on every kind of route, logging no error', async () => {
    const bodies = [
      '['.repeat(200_000),
      `${'['.repeat(3000)}${']'.repeat(3000)}`,
      `{"email":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    ];
    const targets = [
      { method: 'POST' as const, url: '/api/v1/auth/login', auth: false },
      { method: 'POST' as const, url: `/api/v1/portal/${slug}/quotes`, auth: false },
      { method: 'PUT' as const, url: '/api/v1/settings/document-template', auth: true },
      { method: 'POST' as const, url: '/api/v1/customers', auth: true },
    ];
    for (const target of targets) {
      for (const payload of bodies) {
        const response = await app.inject({
          method: target.method,
          url: target.url,
          headers: { 'content-type': 'application/json', ...(target.auth ? { cookie } : {}) },
          payload,
        });
        expect(response.statusCode, `${target.url}: ${response.body}`).toBe(400);
        expectProblem(response);
        expect(response.json().errors).toEqual([
          {
            path: '/',
            in: 'body',
            message: `nests arrays or objects deeper than ${maxJsonDepth} levels`,
          },
        ]);
      }
    }
    expectNoErrorLogs();
  });

  it('accepts nesting up to the limit (the parser still decides what is JSON)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":${'['.repeat(maxJsonDepth - 1)}${']'.repeat(maxJsonDepth - 1)},"password":"x"}`,
    });
    // Deep enough to parse, and refused by the schema: email must be a string.
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: '/email', in: 'body' });
  });

  it('answers a body over the size limit with 413 problem+json', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.cz', password: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expectProblem(response);
    expectNoErrorLogs();
  });

  it('refuses an unpaired surrogate with 400 naming the field, in JSON and text columns', async () => {
    const template = {
      displayName: 'Vltava Tours',
      addressLines: [],
      contactLines: [],
      emergencyPhone: null,
      primaryColor: '#1f4e79',
      accentColor: '#e38b06',
      footer: { en: 'ok' },
    };
    const cases = [
      { body: { ...template, footer: { en: 'ab\ud800' } }, path: '/footer/en' },
      { body: { ...template, addressLines: ['x', '\udc00y'] }, path: '/addressLines/1' },
      { body: { ...template, displayName: 'ab\ud800' }, path: '/displayName' },
    ];
    for (const { body, path } of cases) {
      const response = await app.inject({
        method: 'PUT',
        url: '/api/v1/settings/document-template',
        headers: { cookie, 'content-type': 'application/json' },
        // JSON.stringify writes a lone surrogate as the escape \ud800, as an attacker would.
        payload: JSON.stringify(body),
      });
      expect(response.statusCode, response.body).toBe(400);
      expectProblem(response);
      expect(response.json().errors).toEqual([
        { path, in: 'body', message: 'must not contain an unpaired UTF-16 surrogate' },
      ]);
    }
    const fine = await app.inject({
      method: 'PUT',
      url: '/api/v1/settings/document-template',
      headers: { cookie },
      payload: { ...template, footer: { en: 'Bon voyage 🧳' } },
    });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json().footer.en).toBe('Bon voyage 🧳');
    expectNoErrorLogs();
  });

  it("answers the router's errors (bad percent-encoding, a long path parameter) as problem+json", async () => {
    const badUrl = await app.inject({ method: 'GET', url: '/api/v1/public/vouchers/%C3%28' });
    expect(badUrl.statusCode).toBe(400);
    expectProblem(badUrl);
    expect(badUrl.json()).toMatchObject({
      status: 400,
      code: 'FST_ERR_BAD_URL',
      errors: [{ path: '/', in: 'path', message: 'is not valid percent-encoded UTF-8' }],
    });

    const long = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/${'a'.repeat(101)}/quotes`,
      payload: {},
    });
    expect(long.statusCode).toBe(414);
    expectProblem(long);
    expect(long.json()).toMatchObject({ status: 414, title: 'URI Too Long' });
    expect(long.json().detail).toBe('a path parameter is longer than 100 characters');
    // Answered before routing, they still carry the request id and the security headers.
    for (const response of [badUrl, long]) {
      expect(response.headers['x-request-id']).toBeTruthy();
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    expectNoErrorLogs();
  });

  it('refuses text that is blank after trimming with 400 "must not be blank"', async () => {
    const template = await app.inject({
      method: 'PUT',
      url: '/api/v1/settings/document-template',
      headers: { cookie },
      payload: {
        displayName: '   ',
        addressLines: [],
        contactLines: [],
        emergencyPhone: null,
        primaryColor: '#1f4e79',
        accentColor: '#e38b06',
        footer: {},
      },
    });
    expect(template.statusCode, template.body).toBe(400);
    expectProblem(template);
    expect(template.json().errors).toEqual([
      { path: '/displayName', in: 'body', message: 'must not be blank' },
    ]);

    const offer = await app.inject({
      method: 'POST',
      url: '/api/v1/promotions',
      headers: { cookie },
      payload: { code: 'SUMMER', name: ' \t\u00a0' },
    });
    expect(offer.statusCode, offer.body).toBe(400);
    expect(offer.json().errors).toEqual([
      { path: '/name', in: 'body', message: 'must not be blank' },
    ]);
    expectNoErrorLogs();
  });

  it('maps a CHECK the request schema let through to 400 naming the field, not a 500', async () => {
    const agency = await makeAgency(database());
    const error = await sql`insert into document_templates (agency_id, display_name)
      values (${agency.agencyId}, ${'  '})`
      .execute(database().db)
      .then(
        () => null,
        (e: unknown) => e,
      );
    const response = problemFromError(error);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: '/displayName', message: 'is not an accepted value' },
    ]);
    expect(response.logLevel).toBe('warn');
  });
});
