// S4: a user of one agency can never read or change another agency's rows: every id of
// agency B answers 404 to agency A, exactly like an id that does not exist.
// Later modules add their tables' endpoints to `probes`.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './helpers/database.ts';
import { makeAgency, makeTestApp, signIn, type TestAgency } from './helpers/factories.ts';

describeEachDatabase('tenant isolation', (database) => {
  let app: FastifyInstance;
  let agencyA: TestAgency;
  let agencyB: TestAgency;
  let cookieA: string;
  let idsOfB: { userId: string; tokenId: string; token: string };

  beforeAll(async () => {
    app = await makeTestApp(database());
    agencyA = await makeAgency(database());
    agencyB = await makeAgency(database(), { users: [{ role: 'agent' }] });
    cookieA = (await signIn(app, agencyA.adminEmail)).cookie;
    const b = await signIn(app, agencyB.adminEmail);
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: b.cookie },
      payload: { name: 'B integration' },
    });
    idsOfB = { userId: b.user.id, tokenId: token.json().id, token: token.json().token };
  });
  afterAll(async () => {
    await app.close();
  });

  const probes = () => [
    { method: 'GET' as const, url: `/api/v1/users/${idsOfB.userId}` },
    {
      method: 'PATCH' as const,
      url: `/api/v1/users/${idsOfB.userId}`,
      payload: { name: 'hijacked' },
    },
    { method: 'GET' as const, url: `/api/v1/api-tokens/${idsOfB.tokenId}` },
    { method: 'DELETE' as const, url: `/api/v1/api-tokens/${idsOfB.tokenId}` },
  ];

  it('answers 404 for every id of another agency, and changes nothing', async () => {
    for (const probe of probes()) {
      const response = await app.inject({ ...probe, headers: { cookie: cookieA } });
      expect(response.statusCode, `${probe.method} ${probe.url}`).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const userB = await database()
      .db.selectFrom('users')
      .select('name')
      .where('id', '=', idsOfB.userId)
      .executeTakeFirstOrThrow();
    expect(userB.name).toBe('Admin');
    const tokenB = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${idsOfB.token}` },
    });
    expect(tokenB.statusCode).toBe(200);
  });

  it("lists only the agency's own users and tokens", async () => {
    const users = await app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=200',
      headers: { cookie: cookieA },
    });
    const agencies = new Set(users.json().items.map((u: { agencyId: string }) => u.agencyId));
    expect([...agencies]).toEqual([agencyA.agencyId]);
    const tokens = await app.inject({
      method: 'GET',
      url: '/api/v1/api-tokens',
      headers: { cookie: cookieA },
    });
    expect(tokens.json().items.map((t: { id: string }) => t.id)).not.toContain(idsOfB.tokenId);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityId=${idsOfB.userId}`,
      headers: { cookie: cookieA },
    });
    expect(audit.json().items).toEqual([]);
  });

  it("hides another user's token within the same agency from a non-admin", async () => {
    const agentB = await signIn(app, `agent-0-${agencyB.slug.replace('agency-', '')}@example.test`);
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${idsOfB.tokenId}`,
      headers: { cookie: agentB.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});
