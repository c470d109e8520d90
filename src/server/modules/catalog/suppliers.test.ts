import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSupplier } from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  uniqueSuffix,
} from '../../../../tests/helpers/factories.ts';

describeEachDatabase('suppliers API', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let other: TestAgency;
  let agentCookie: string;
  let accountantCookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    const suffix = uniqueSuffix();
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `agent-${suffix}@example.test` },
        { role: 'accountant', email: `accountant-${suffix}@example.test` },
      ],
    });
    other = await makeAgency(database());
    agentCookie = (await signIn(app, `agent-${suffix}@example.test`)).cookie;
    accountantCookie = (await signIn(app, `accountant-${suffix}@example.test`)).cookie;
    otherCookie = (await signIn(app, other.adminEmail)).cookie;
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (
    cookie: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) => app.inject({ method, url, headers: { cookie }, payload });

  const body = (extra: Record<string, unknown> = {}) => ({
    name: 'Minoan Transfers',
    kind: 'ground_handler',
    currency: 'EUR',
    paymentTermsDays: 21,
    email: 'ops@minoan.example',
    phone: '+30 2810 000000',
    vatId: 'EL123456789',
    address: { street: 'Odos 1', city: 'Heraklion', postalCode: '71202', country: 'GR' },
    contacts: [{ name: 'Eleni', role: 'operations', email: 'eleni@minoan.example' }],
    notes: 'Pays by bank transfer',
    ...extra,
  });

  it('creates a supplier, reads it back and records the audit entry', async () => {
    const created = await call(agentCookie, 'POST', '/api/v1/suppliers', body());
    expect(created.statusCode).toBe(201);
    const supplier = created.json();
    expect(supplier).toMatchObject({
      name: 'Minoan Transfers',
      kind: 'ground_handler',
      currency: 'EUR',
      paymentTermsDays: 21,
      address: { city: 'Heraklion', country: 'GR' },
      contacts: [{ name: 'Eleni', role: 'operations', email: 'eleni@minoan.example' }],
      archived: false,
      archivedAt: null,
    });
    const got = await call(agentCookie, 'GET', `/api/v1/suppliers/${supplier.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(supplier);

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'actorType', 'after'])
      .where('agencyId', '=', agency.agencyId)
      .where('entityId', '=', supplier.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'catalog.supplier.created',
        actorType: 'user',
        after: expect.objectContaining({ name: 'Minoan Transfers' }),
      }),
    ]);
  });

  it('defaults the payment terms to 14 days and the contacts to none', async () => {
    const created = await call(agentCookie, 'POST', '/api/v1/suppliers', {
      name: 'Bare',
      kind: 'other',
      currency: 'CZK',
    });
    expect(created.json()).toMatchObject({
      paymentTermsDays: 14,
      contacts: [],
      address: null,
      email: null,
    });
  });

  it('lists newest first, filters by kind and name, pages with the cursor', async () => {
    const local = await makeAgency(database());
    const first = await makeSupplier(local, { name: 'Aurora Hotels', kind: 'hotel' });
    const second = await makeSupplier(local, { name: 'Blue Sky Air', kind: 'carrier' });
    const third = await makeSupplier(local, { name: 'Aurora Beach Resorts', kind: 'hotel' });
    const cookie = (await signIn(app, local.adminEmail)).cookie;

    const hotels = await call(cookie, 'GET', '/api/v1/suppliers?kind=hotel');
    expect(hotels.json().items.map((s: { id: string }) => s.id)).toEqual([third.id, first.id]);

    const named = await call(cookie, 'GET', '/api/v1/suppliers?q=aURORA%20b');
    expect(named.json().items.map((s: { id: string }) => s.id)).toEqual([third.id]);

    const page1 = await call(cookie, 'GET', '/api/v1/suppliers?limit=2');
    expect(page1.json().items.map((s: { id: string }) => s.id)).toEqual([third.id, second.id]);
    const cursor = page1.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const page2 = await call(cookie, 'GET', `/api/v1/suppliers?limit=2&cursor=${cursor}`);
    expect(page2.json()).toEqual({
      items: [expect.objectContaining({ id: first.id })],
      nextCursor: null,
    });
  });

  it('changes only the fields given, and null clears an optional one', async () => {
    const supplier = (await call(agentCookie, 'POST', '/api/v1/suppliers', body())).json();
    const patched = await call(agentCookie, 'PATCH', `/api/v1/suppliers/${supplier.id}`, {
      paymentTermsDays: 45,
      email: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Minoan Transfers',
      paymentTermsDays: 45,
      email: null,
      phone: '+30 2810 000000',
    });
    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'before', 'after'])
      .where('entityId', '=', supplier.id)
      .where('action', '=', 'catalog.supplier.updated')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ paymentTermsDays: 21 });
    expect(audit.after).toMatchObject({ paymentTermsDays: 45 });
  });

  it('archives: hidden from the default list, shown with archived=true, then restored', async () => {
    const local = await makeAgency(database());
    const cookie = (await signIn(app, local.adminEmail)).cookie;
    const supplier = await makeSupplier(local);
    const archived = await call(cookie, 'POST', `/api/v1/suppliers/${supplier.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, archivedAt: expect.any(String) });

    const active = await call(cookie, 'GET', '/api/v1/suppliers');
    expect(active.json().items).toEqual([]);
    const onlyArchived = await call(cookie, 'GET', '/api/v1/suppliers?archived=true');
    expect(onlyArchived.json().items.map((s: { id: string }) => s.id)).toEqual([supplier.id]);

    const restored = await call(cookie, 'POST', `/api/v1/suppliers/${supplier.id}/restore`);
    expect(restored.json()).toMatchObject({ archived: false, archivedAt: null });
    const again = await call(cookie, 'GET', '/api/v1/suppliers');
    expect(again.json().items.map((s: { id: string }) => s.id)).toEqual([supplier.id]);

    const actions = await database()
      .db.selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', supplier.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'catalog.supplier.created',
      'catalog.supplier.archived',
      'catalog.supplier.restored',
    ]);
  });

  it('names the invalid field with 400 problem+json', async () => {
    const badKind = await call(agentCookie, 'POST', '/api/v1/suppliers', body({ kind: 'bank' }));
    expect(badKind.statusCode).toBe(400);
    expect(badKind.headers['content-type']).toContain('application/problem+json');
    expect(badKind.json().errors[0].path).toBe('/kind');

    const badContact = await call(
      agentCookie,
      'POST',
      '/api/v1/suppliers',
      body({ contacts: [{ name: 'X', email: 'not-an-email' }] }),
    );
    expect(badContact.statusCode).toBe(400);
    expect(badContact.json().errors[0].path).toBe('/contacts/0/email');

    const badCurrency = await call(
      agentCookie,
      'POST',
      '/api/v1/suppliers',
      body({ currency: 'eur' }),
    );
    expect(badCurrency.json().errors[0].path).toBe('/currency');
  });

  it("answers 404 for another agency's supplier and changes nothing", async () => {
    const theirs = await makeSupplier(other, { name: 'Theirs' });
    for (const [method, url, payload] of [
      ['GET', `/api/v1/suppliers/${theirs.id}`, undefined],
      ['PATCH', `/api/v1/suppliers/${theirs.id}`, { name: 'Hijacked' }],
      ['POST', `/api/v1/suppliers/${theirs.id}/archive`, undefined],
      ['POST', `/api/v1/suppliers/${theirs.id}/restore`, undefined],
    ] as const) {
      const response = await call(agentCookie, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const still = await call(otherCookie, 'GET', `/api/v1/suppliers/${theirs.id}`);
    expect(still.json()).toMatchObject({ name: 'Theirs', archived: false });
    const mine = await call(agentCookie, 'GET', '/api/v1/suppliers?limit=200');
    expect(mine.json().items.map((s: { id: string }) => s.id)).not.toContain(theirs.id);
  });

  it('lets an accountant read suppliers but not write them (403)', async () => {
    const supplier = await makeSupplier(agency);
    expect(
      (await call(accountantCookie, 'GET', `/api/v1/suppliers/${supplier.id}`)).statusCode,
    ).toBe(200);
    const created = await call(accountantCookie, 'POST', '/api/v1/suppliers', body());
    expect(created.statusCode).toBe(403);
    const patched = await call(accountantCookie, 'PATCH', `/api/v1/suppliers/${supplier.id}`, {
      name: 'Nope',
    });
    expect(patched.statusCode).toBe(403);
    const archived = await call(
      accountantCookie,
      'POST',
      `/api/v1/suppliers/${supplier.id}/archive`,
    );
    expect(archived.statusCode).toBe(403);
    expect((await getName(supplier.id)).name).toBe(supplier.name);
  });

  const getName = (id: string) =>
    database()
      .db.selectFrom('suppliers')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
});
