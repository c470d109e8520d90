import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres } from '../../../tests/helpers/database.ts';
import { makeAgency, makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import { hashRequestBody } from './idempotency.ts';

it('hashes the same JSON content the same whatever the key order', () => {
  expect(hashRequestBody({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
    hashRequestBody({ b: { d: 'x', c: [1, 2] }, a: 1 }),
  );
  expect(hashRequestBody({ a: 1 })).not.toBe(hashRequestBody({ a: 2 }));
});

function createUserRequest(cookie: string, key: string, email: string, name = 'Retry Safe') {
  return {
    method: 'POST' as const,
    url: '/api/v1/users',
    headers: { cookie, 'idempotency-key': key },
    payload: { email, name, role: 'agent' as const, password: 'long enough password' },
  };
}

describeEachDatabase('Idempotency-Key', (database) => {
  let app: FastifyInstance;
  let cookie: string;
  let slug: string;
  let secondAdminCookie: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    const secondEmail = `second-${Date.now()}@example.test`;
    const agency = await makeAgency(database(), {
      users: [{ role: 'admin', email: secondEmail }],
    });
    slug = agency.slug;
    cookie = (await signIn(app, agency.adminEmail)).cookie;
    secondAdminCookie = (await signIn(app, secondEmail)).cookie;
  });
  afterAll(async () => {
    await app.close();
  });

  it('replays the first response to a retry instead of doing the work twice', async () => {
    const email = `retry-${slug}@example.test`;
    const first = await app.inject(createUserRequest(cookie, 'key-1', email));
    const retry = await app.inject(createUserRequest(cookie, 'key-1', email));
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const count = await database()
      .db.selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("never replays one caller's reply to another caller who sends the same key and body", async () => {
    const request = createUserRequest(cookie, 'shared-key', `shared-${slug}@example.test`);
    const first = await app.inject(request);
    expect(first.statusCode).toBe(201);
    // Another user of the same agency, same key, same body: their own request runs (and the
    // e-mail is taken by now), instead of receiving the first caller's stored 201.
    const other = await app.inject({
      ...request,
      headers: { ...request.headers, cookie: secondAdminCookie },
    });
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.statusCode).toBe(409);
    // An API token is a caller of its own, even the same user's.
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie },
      payload: { name: 'idempotency' },
    });
    const byToken = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${token.json().token}`, 'idempotency-key': 'shared-key' },
      payload: request.payload,
    });
    expect(byToken.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses the same key with a different body with 409', async () => {
    await app.inject(createUserRequest(cookie, 'key-2', `a-${slug}@example.test`));
    const other = await app.inject(createUserRequest(cookie, 'key-2', `b-${slug}@example.test`));
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toContain('Idempotency-Key');
  });

  it('does not keep the key of a request that failed, so a corrected retry goes through', async () => {
    const bad = await app.inject({
      ...createUserRequest(cookie, 'key-3', `c-${slug}@example.test`),
      payload: { email: `c-${slug}@example.test`, name: 'C', role: 'agent', password: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    const keys = await database()
      .db.selectFrom('idempotencyKeys')
      .select('key')
      .where('key', '=', 'key-3')
      .execute();
    expect(keys).toEqual([]);
  });

  it('refuses a malformed key naming the header', async () => {
    const response = await app.inject(
      createUserRequest(cookie, 'x'.repeat(300), `d-${slug}@example.test`),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/Idempotency-Key');
  });
});

describeOnPostgres('Idempotency-Key under concurrent retries', (database) => {
  it('creates exactly one user when 20 retries with one key arrive at once', async () => {
    const app = await makeTestApp(database());
    const agency = await makeAgency(database());
    const { cookie } = await signIn(app, agency.adminEmail);
    const email = `race-${agency.slug}@example.test`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => app.inject(createUserRequest(cookie, 'race-key', email))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json().user.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    await app.close();
  });

  it('control: without a key, the same concurrent requests race and only the unique index stops them', async () => {
    const app = await makeTestApp(database());
    const agency = await makeAgency(database());
    const { cookie } = await signIn(app, agency.adminEmail);
    const email = `nokey-${agency.slug}@example.test`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { cookie },
          payload: { email, name: 'No key', role: 'agent', password: 'long enough password' },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    // Retries without a key are not replays: all but one fail, none may be a 500.
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    await app.close();
  });
});
