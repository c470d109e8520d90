import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  describeOnPostgres,
  testDatabaseUrl,
} from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  testPassword,
} from '../../../../tests/helpers/factories.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { LoginThrottle } from './login-throttle.ts';

describeEachDatabase('identity API', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  const agentEmail = () => `agent-0-${agency.slug.replace('agency-', '')}@example.test`;

  beforeAll(async () => {
    app = await makeTestApp(database(), {
      throttle: new LoginThrottle({ perAccount: 5, perAddress: 50, windowMs: 60_000 }),
    });
    agency = await makeAgency(database(), { users: [{ role: 'agent' }] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs in with a session cookie that is httpOnly and SameSite=Lax', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agency.adminEmail.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      email: agency.adminEmail,
      role: 'admin',
      agencyId: agency.agencyId,
    });
    const cookie = response.cookies.find((c) => c.name === 'caravel_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.body).not.toContain('passwordHash');
  });

  it('answers a wrong password and an unknown e-mail alike with 401', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agency.adminEmail, password: 'not the password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.test', password: 'whatever' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toBe('e-mail or password is wrong');
    }
  });

  it('refuses the sixth fast wrong sign-in with 429 and Retry-After, even with the right password', async () => {
    const target = await makeAgency(database());
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: target.adminEmail, password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
    const sixth = await attempt(testPassword);
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(sixth.json().status).toBe(429);
  });

  it('counts the account by its user: naming the agency opens no further guesses', async () => {
    const target = await makeAgency(database());
    const attempt = (password: string, agencyCode?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: {
          email: target.adminEmail.toUpperCase(),
          password,
          ...(agencyCode ? { agency: agencyCode } : {}),
        },
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
    expect((await attempt('another guess', target.slug)).statusCode).toBe(429);
  });

  it('trusts only the configured proxy hop: forged X-Forwarded-For entries do not escape the per-address limit', async () => {
    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent', CARAVEL_TRUST_PROXY: '1' }),
      dataDir: '/nonexistent/caravel-test',
    };
    const proxied = await buildApp({
      config,
      database: database(),
      logger: false,
      throttle: new LoginThrottle({ perAccount: 5, perAddress: 20, windowMs: 60_000 }),
      webDir: '/nonexistent/caravel-web',
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const response = await proxied.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          // The client forges a first hop; the one proxy appends the address it saw.
          headers: { 'x-forwarded-for': `10.9.${i}.1, 203.0.113.77` },
          payload: { email: `sprayed-${i}-${agency.slug}@example.test`, password: 'guess' },
        });
        statuses.push(response.statusCode);
      }
      expect(
        statuses.slice(0, 20).every((status) => status === 401),
        statuses.join(),
      ).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('names the field of a malformed sign-in with 400 problem+json', async () => {
    const badEmail = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors).toContainEqual(
      expect.objectContaining({ path: '/email', in: 'body' }),
    );

    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.cz' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { path: '/password', message: 'is required', in: 'body' },
    ]);

    const brokenJson = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.cz", ',
    });
    expect(brokenJson.statusCode).toBe(400);
    expect(brokenJson.headers['content-type']).toContain('application/problem+json');
  });

  it('shows the signed-in user with role and agency, and forgets them after logout', async () => {
    const { cookie } = await signIn(app, agency.adminEmail);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      role: 'admin',
      agencyId: agency.agencyId,
      agency: { slug: agency.slug },
    });

    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('lets only admins manage users (403 for an agent, 401 for nobody)', async () => {
    const { cookie } = await signIn(app, agentEmail());
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('names the approvers to every staff member, and no one else of the agency', async () => {
    const other = await makeAgency(database(), {
      users: [
        { role: 'approver', name: 'Zdena Schvalovatelka' },
        { role: 'approver', name: 'Adam Approver' },
        { role: 'agent' },
        { role: 'partner' },
      ],
    });
    // Another agency's approver is not listed.
    await makeAgency(database(), { users: [{ role: 'approver', name: 'Foreign Approver' }] });
    const agent = await signIn(app, `agent-2-${other.slug.replace('agency-', '')}@example.test`);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/approvers',
      headers: { cookie: agent.cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response.json().items.map((u: { name: string; disabled: boolean }) => [u.name, u.disabled]),
    ).toEqual([
      ['Adam Approver', false],
      ['Zdena Schvalovatelka', false],
    ]);
    const partner = await signIn(
      app,
      `partner-3-${other.slug.replace('agency-', '')}@example.test`,
    );
    const refused = await app.inject({
      method: 'GET',
      url: '/api/v1/approvers',
      headers: { cookie: partner.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('creates a user with a generated password shown once, who can then sign in', async () => {
    const { cookie } = await signIn(app, agency.adminEmail);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: {
        email: `new-${agency.slug}@example.test`,
        name: 'Nová Kolegyně',
        role: 'accountant',
        locale: 'cs',
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, generatedPassword } = created.json();
    expect(user).toMatchObject({ role: 'accountant', locale: 'cs', disabled: false });
    expect(generatedPassword).toMatch(/^[\w-]{16}$/);
    await signIn(app, user.email, generatedPassword);

    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: { cookie },
    });
    expect(again.json()).not.toHaveProperty('generatedPassword');

    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: { email: user.email.toUpperCase(), name: 'Twin', role: 'agent' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('disables a user: their session ends and they cannot sign in', async () => {
    const { cookie: adminCookie } = await signIn(app, agency.adminEmail);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: adminCookie },
      payload: {
        email: `leaver-${agency.slug}@example.test`,
        name: 'Leaver',
        role: 'agent',
        password: testPassword,
      },
    });
    const leaver = created.json().user;
    const { cookie } = await signIn(app, leaver.email);
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${leaver.id}`,
      headers: { cookie: adminCookie },
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode,
    ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: leaver.email, password: testPassword },
    });
    expect(login.statusCode).toBe(401);
  });

  it('keeps at least one active admin', async () => {
    const solo = await makeAgency(database());
    const { cookie, user } = await signIn(app, solo.adminEmail);
    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { cookie },
      payload: { role: 'agent' },
    });
    expect(demote.statusCode).toBe(409);
  });

  it('issues an API token shown once, stored hashed, usable as Bearer and revocable', async () => {
    const { cookie } = await signIn(app, agentEmail());
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie },
      payload: { name: 'booking import script' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix } = created.json();
    expect(token).toMatch(/^cvt_[\w-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const stored = await database()
      .db.selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token.slice(4));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/api-tokens',
      headers: { cookie },
    });
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(id);
    expect(list.body).not.toContain(token);

    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ role: 'agent', via: 'api_token' });

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${id}`,
      headers: { cookie },
    });
    expect(revoked.json().revoked).toBe(true);
    const refused = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.statusCode).toBe(401);
  });

  it('lets only a signed-in session create API tokens: a token cannot mint another (403)', async () => {
    const { cookie } = await signIn(app, agentEmail());
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie },
      payload: { name: 'first' },
    });
    expect(first.statusCode).toBe(201);
    const minted = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { authorization: `Bearer ${first.json().token}` },
      payload: { name: 'minted by a token' },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.headers['content-type']).toContain('application/problem+json');
    const count = await database()
      .db.selectFrom('apiTokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'minted by a token')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('revokes the API tokens and ends the other sessions on a change of own password', async () => {
    const owner = await makeAgency(database(), { users: [{ role: 'agent' }] });
    const email = `agent-0-${owner.slug.replace('agency-', '')}@example.test`;
    const here = await signIn(app, email);
    const elsewhere = await signIn(app, email);
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        headers: { cookie: here.cookie },
        payload: { name: 'script' },
      })
    ).json().token;
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(200);

    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: here.cookie },
      payload: { currentPassword: testPassword, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const me = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect((await me(bearer)).statusCode).toBe(401);
    expect((await me({ cookie: elsewhere.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: here.cookie })).statusCode).toBe(200);
  });

  it("revokes the API tokens and ends the sessions when an admin sets a user's password", async () => {
    const owner = await makeAgency(database(), { users: [{ role: 'agent' }] });
    const email = `agent-0-${owner.slug.replace('agency-', '')}@example.test`;
    const agent = await signIn(app, email);
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        headers: { cookie: agent.cookie },
        payload: { name: 'script' },
      })
    ).json().token;
    const admin = await signIn(app, owner.adminEmail);
    const reset = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${agent.user.id}`,
      headers: { cookie: admin.cookie },
      payload: { password: 'an admin chose this one' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const me = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await me({ cookie: agent.cookie })).statusCode).toBe(401);
    // A change that sets no password keeps the tokens.
    const kept = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        headers: { cookie: (await signIn(app, email, 'an admin chose this one')).cookie },
        payload: { name: 'kept' },
      })
    ).json().token;
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${agent.user.id}`,
      headers: { cookie: admin.cookie },
      payload: { name: 'Renamed' },
    });
    expect((await me({ authorization: `Bearer ${kept}` })).statusCode).toBe(200);
  });

  it('records sign-ins and user changes in the audit log with who did them', async () => {
    const { cookie } = await signIn(app, agency.adminEmail);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: { email: `audited-${agency.slug}@example.test`, name: 'Audited', role: 'agent' },
    });
    const userId = created.json().user.id;
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${userId}`,
      headers: { cookie },
      payload: { role: 'customer_service' },
    });
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityType=user&entityId=${userId}`,
      headers: { cookie },
    });
    const entries = audit.json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'user.updated',
      'user.created',
    ]);
    expect(entries[0]).toMatchObject({
      actorName: 'Admin',
      actorType: 'user',
      before: { role: 'agent' },
      after: { role: 'customer_service' },
    });
    expect(JSON.stringify(entries)).not.toContain('scrypt$');
  });
});

describeOnPostgres('sign-in throttle across processes', (database) => {
  it('shares one budget between two servers on one database: 3 + 2 failures, then 429 on both', async () => {
    // The second server has its own connection pool, as a second process would.
    const name = (
      await sql<{ name: string }>`select current_database() as name`.execute(database().db)
    ).rows[0]?.name;
    const url = new URL(testDatabaseUrl() as string);
    url.pathname = `/${name}`;
    const otherDatabase = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolSize: 2,
    });
    const throttle = () => new LoginThrottle({ perAccount: 5, perAddress: 50, windowMs: 60_000 });
    const first = await makeTestApp(database(), { throttle: throttle() });
    const second = await makeTestApp(otherDatabase, { throttle: throttle() });
    try {
      const target = await makeAgency(database());
      const attempt = (server: FastifyInstance, password: string) =>
        server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: target.adminEmail, password },
        });
      for (let i = 0; i < 3; i++) expect((await attempt(first, `guess-${i}`)).statusCode).toBe(401);
      for (let i = 0; i < 2; i++)
        expect((await attempt(second, `again-${i}`)).statusCode).toBe(401);
      expect((await attempt(first, testPassword)).statusCode).toBe(429);
      expect((await attempt(second, testPassword)).statusCode).toBe(429);
    } finally {
      await first.close();
      await second.close();
      await otherDatabase.close();
    }
  });
});
