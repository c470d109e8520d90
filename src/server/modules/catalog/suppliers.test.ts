import { expect, it } from 'vitest';
import { useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { makeSupplier } from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';

describeEachDatabase('suppliers API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAgent } = bed;

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
    const created = await asAgent('POST', '/api/v1/suppliers', body());
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
    const got = await asAgent('GET', `/api/v1/suppliers/${supplier.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(supplier);

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'actorType', 'after'])
      .where('agencyId', '=', bed.agency.agencyId)
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
    const created = await asAgent('POST', '/api/v1/suppliers', {
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
    const { agency: local, cookie } = await bed.newAgency();
    const first = await makeSupplier(local, { name: 'Aurora Hotels', kind: 'hotel' });
    const second = await makeSupplier(local, { name: 'Blue Sky Air', kind: 'carrier' });
    const third = await makeSupplier(local, { name: 'Aurora Beach Resorts', kind: 'hotel' });

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
    const supplier = (await asAgent('POST', '/api/v1/suppliers', body())).json();
    const patched = await asAgent('PATCH', `/api/v1/suppliers/${supplier.id}`, {
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
    const audit = await bed.auditedChange(supplier.id, 'catalog.supplier.updated');
    expect(audit.before).toMatchObject({ paymentTermsDays: 21 });
    expect(audit.after).toMatchObject({ paymentTermsDays: 45 });
  });

  it('archives: hidden from the default list, shown with archived=true, then restored', async () => {
    const { agency: local, cookie } = await bed.newAgency();
    const supplier = await makeSupplier(local);
    const { archived } = await bed.expectArchiveAndRestore(
      cookie,
      '/api/v1/suppliers',
      supplier.id,
    );
    expect(archived.statusCode).toBe(200);
    expect(await bed.listedIds(cookie, '/api/v1/suppliers')).toEqual([supplier.id]);

    expect(await bed.auditedActions(supplier.id)).toEqual([
      'catalog.supplier.created',
      'catalog.supplier.archived',
      'catalog.supplier.restored',
    ]);
  });

  it('names the invalid field with 400 problem+json', async () => {
    const badKind = await asAgent('POST', '/api/v1/suppliers', body({ kind: 'bank' }));
    expect(badKind.statusCode).toBe(400);
    expect(badKind.headers['content-type']).toContain('application/problem+json');
    expect(badKind.json().errors[0].path).toBe('/kind');

    const badContact = await asAgent(
      'POST',
      '/api/v1/suppliers',
      body({ contacts: [{ name: 'X', email: 'not-an-email' }] }),
    );
    expect(badContact.statusCode).toBe(400);
    expect(badContact.json().errors[0].path).toBe('/contacts/0/email');

    const badCurrency = await asAgent('POST', '/api/v1/suppliers', body({ currency: 'eur' }));
    expect(badCurrency.json().errors[0].path).toBe('/currency');
  });

  it("answers 404 for another agency's supplier and changes nothing", async () => {
    const theirs = await makeSupplier(bed.other, { name: 'Theirs' });
    await bed.expectEachAnswers(
      bed.agentCookie,
      [
        ['GET', `/api/v1/suppliers/${theirs.id}`],
        ['PATCH', `/api/v1/suppliers/${theirs.id}`, { name: 'Hijacked' }],
        ['POST', `/api/v1/suppliers/${theirs.id}/archive`],
        ['POST', `/api/v1/suppliers/${theirs.id}/restore`],
      ],
      { status: 404, problemJson: true },
    );
    const still = await call(bed.otherCookie, 'GET', `/api/v1/suppliers/${theirs.id}`);
    expect(still.json()).toMatchObject({ name: 'Theirs', archived: false });
    const mine = await asAgent('GET', '/api/v1/suppliers?limit=200');
    expect(mine.json().items.map((s: { id: string }) => s.id)).not.toContain(theirs.id);
  });

  it('lets an accountant read suppliers but not write them (403)', async () => {
    const supplier = await makeSupplier(bed.agency);
    expect(
      (await call(bed.accountantCookie, 'GET', `/api/v1/suppliers/${supplier.id}`)).statusCode,
    ).toBe(200);
    await bed.expectEachAnswers(
      bed.accountantCookie,
      [
        ['POST', '/api/v1/suppliers', body()],
        ['PATCH', `/api/v1/suppliers/${supplier.id}`, { name: 'Nope' }],
        ['POST', `/api/v1/suppliers/${supplier.id}/archive`],
      ],
      { status: 403 },
    );
    expect((await getName(supplier.id)).name).toBe(supplier.name);
  });

  const getName = (id: string) =>
    database()
      .db.selectFrom('suppliers')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
});
