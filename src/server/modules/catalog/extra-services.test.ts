import { expect, it } from 'vitest';
import { type ApiRequest, useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeExtraService } from '../../../../tests/helpers/transport-factories.ts';
import { newId } from '../../db/ids.ts';
import { take } from '../inventory/service.ts';
import { findExtraService } from './lookup.ts';

describeEachDatabase('extra services API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAdmin } = bed;

  const body = (code: string, extra: Record<string, unknown> = {}) => ({
    kind: 'board',
    code,
    name: { en: 'Half board', cs: 'Polopenze' },
    description: { en: 'Breakfast and dinner' },
    unit: 'per_person_per_night',
    city: 'Heraklion',
    country: 'GR',
    ...extra,
  });

  it('creates an extra service, shows it, and refuses its code twice with 409', async () => {
    const created = await asAdmin('POST', '/api/v1/extra-services', body('HB'));
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      kind: 'board',
      code: 'HB',
      name: { en: 'Half board', cs: 'Polopenze' },
      unit: 'per_person_per_night',
      city: 'Heraklion',
      country: 'GR',
      supplierId: null,
      limited: false,
      archived: false,
    });
    expect((await asAdmin('GET', `/api/v1/extra-services/${service.id}`)).json()).toEqual(service);
    expect(await findExtraService(bed.agency.ctx, service.id)).toEqual({
      id: service.id,
      limited: false,
      unit: 'per_person_per_night',
      kind: 'board',
    });
    expect(await findExtraService(bed.other.ctx, service.id)).toBeUndefined();

    const again = await asAdmin(
      'POST',
      '/api/v1/extra-services',
      body('HB', { kind: 'insurance' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('/code');
    // Codes are per agency: another agency may use the same one.
    expect(
      (await call(bed.otherCookie, 'POST', '/api/v1/extra-services', body('HB'))).statusCode,
    ).toBe(201);

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityId', '=', service.id)
      .execute();
    expect(audit).toEqual([{ action: 'catalog.extra_service.created', after: service }]);
  });

  it('answers invalid services with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body('X1', { kind: 'spa' }), '/kind'],
      [body('X2', { unit: 'per_week' }), '/unit'],
      [body('X3', { supplierId: newId() }), '/supplierId'],
      [body('X4', { country: 'gr' }), '/country'],
      [body('', {}), '/code'],
      [body('X5', { price: 10 }), '/price'],
    ];
    for (const [payload, path] of cases) {
      const response = await asAdmin('POST', '/api/v1/extra-services', payload);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path).toBe(path);
    }
    const stored = await database()
      .db.selectFrom('extraServices')
      .select('code')
      .where('agencyId', '=', bed.agency.agencyId)
      .where('code', 'like', 'X%')
      .execute();
    expect(stored).toEqual([]);
  });

  it('lists newest first with kind, country and text filters, page by page', async () => {
    const { agency: lister, cookie: listCookie } = await bed.newAgency();
    const transfer = await makeExtraService(lister);
    const insurance = await makeExtraService(lister, {
      kind: 'insurance',
      code: 'INS-1',
      name: { en: 'Travel insurance', cs: 'Cestovní pojištění' },
      unit: 'per_person_per_day',
      city: null,
      country: 'CZ',
    });
    const guide = await makeExtraService(lister, {
      kind: 'local_service',
      code: 'GUIDE',
      name: { en: 'Local guide' },
      unit: 'per_booking',
    });
    const ids = async (query: string) => {
      const response = await call(listCookie, 'GET', `/api/v1/extra-services?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((s: { id: string }) => s.id);
    };
    expect(await ids('')).toEqual([guide.id, insurance.id, transfer.id]);
    expect(await ids('kind=insurance')).toEqual([insurance.id]);
    expect(await ids('country=GR')).toEqual([guide.id, transfer.id]);
    expect(await ids('q=pojišt')).toEqual([insurance.id]);
    expect(await ids('q=guide')).toEqual([guide.id]);
    expect(await ids('q="en":')).toEqual([]);
    const first = (await call(listCookie, 'GET', '/api/v1/extra-services?limit=2')).json();
    expect(first.items.map((s: { id: string }) => s.id)).toEqual([guide.id, insurance.id]);
    const second = (
      await call(listCookie, 'GET', `/api/v1/extra-services?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toEqual({ items: [transfer], nextCursor: null });
  });

  it('changes a service with PATCH, archives and restores it, with audit entries', async () => {
    const service = await makeExtraService(bed.agency);
    const patched = await asAdmin('PATCH', `/api/v1/extra-services/${service.id}`, {
      name: { en: 'Private transfer' },
      city: null,
      unit: 'per_booking',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: { en: 'Private transfer' },
      city: null,
      unit: 'per_booking',
    });
    const taken = await makeExtraService(bed.agency);
    const clash = await asAdmin('PATCH', `/api/v1/extra-services/${service.id}`, {
      code: taken.code,
    });
    expect(clash.statusCode).toBe(409);

    const archived = await asAdmin('POST', `/api/v1/extra-services/${service.id}/archive`);
    expect(archived.json()).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    const listed = (await asAdmin('GET', '/api/v1/extra-services?limit=200')).json();
    expect(listed.items.map((s: { id: string }) => s.id)).not.toContain(service.id);
    const archivedList = (await asAdmin('GET', '/api/v1/extra-services?archived=true')).json();
    expect(archivedList.items.map((s: { id: string }) => s.id)).toContain(service.id);
    const restored = await asAdmin('POST', `/api/v1/extra-services/${service.id}/restore`);
    expect(restored.json()).toMatchObject({ archived: false, archivedAt: null });

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'before', 'after'])
      .where('entityId', '=', service.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'catalog.extra_service.created',
      'catalog.extra_service.updated',
      'catalog.extra_service.archived',
      'catalog.extra_service.restored',
    ]);
    expect(audit[1]?.before).toMatchObject({ unit: 'per_person', city: 'Heraklion' });
    expect(audit[1]?.after).toMatchObject({ unit: 'per_booking', city: null });
  });

  it('sets daily capacity of a limited service through the inventory', async () => {
    const service = await makeExtraService(
      bed.agency,
      {},
      { from: '2030-06-01', to: '2030-06-03', units: 8 },
    );
    await take(bed.agency.ctx, {
      components: [{ type: 'service', serviceId: service.id, date: '2030-06-02', quantity: 3 }],
    });
    const availability = await asAdmin(
      'GET',
      `/api/v1/extra-services/${service.id}/availability?from=2030-06-02&to=2030-06-04`,
    );
    expect(availability.statusCode, availability.body).toBe(200);
    expect(availability.json().items).toEqual([
      { date: '2030-06-02', capacity: 8, sold: 3, held: 0, available: 5, stopSale: false },
      { date: '2030-06-03', capacity: 8, sold: 0, held: 0, available: 8, stopSale: false },
      { date: '2030-06-04', capacity: 0, sold: 0, held: 0, available: 0, stopSale: false },
    ]);

    const raised = await asAdmin('PUT', `/api/v1/extra-services/${service.id}/capacity`, {
      from: '2030-06-02',
      to: '2030-06-02',
      units: 10,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().items).toEqual([
      { date: '2030-06-02', capacity: 10, sold: 3, held: 0, available: 7, stopSale: false },
    ]);
    const below = await asAdmin('PUT', `/api/v1/extra-services/${service.id}/capacity`, {
      from: '2030-06-01',
      to: '2030-06-03',
      units: 2,
    });
    expect(below.statusCode).toBe(409);
    expect(below.headers['content-type']).toContain('application/problem+json');
    const after = (
      await asAdmin(
        'GET',
        `/api/v1/extra-services/${service.id}/availability?from=2030-06-01&to=2030-06-01`,
      )
    ).json();
    expect(after.items[0].capacity).toBe(8); // nothing of the refused change was written
  });

  it('refuses capacity for a service that is not limited, and bad ranges, with 400', async () => {
    const unlimited = await makeExtraService(bed.agency);
    const notLimited = await asAdmin('PUT', `/api/v1/extra-services/${unlimited.id}/capacity`, {
      from: '2030-06-01',
      to: '2030-06-01',
      units: 5,
    });
    expect(notLimited.statusCode).toBe(400);
    expect(notLimited.json().errors[0].path).toBe('/units');

    const limited = await makeExtraService(bed.agency, { limited: true });
    const backwards = await asAdmin('PUT', `/api/v1/extra-services/${limited.id}/capacity`, {
      from: '2030-06-02',
      to: '2030-06-01',
      units: 5,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('/to');
    const tooLong = await asAdmin(
      'GET',
      `/api/v1/extra-services/${limited.id}/availability?from=2030-01-01&to=2031-06-01`,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe('/to');
  });

  it("answers 404 for another agency's service, and changes nothing", async () => {
    const service = await makeExtraService(
      bed.agency,
      {},
      { from: '2030-06-01', to: '2030-06-01', units: 4 },
    );
    const probes: ApiRequest[] = [
      ['GET', `/api/v1/extra-services/${service.id}`],
      ['PATCH', `/api/v1/extra-services/${service.id}`, { name: { en: 'hijacked' } }],
      ['POST', `/api/v1/extra-services/${service.id}/archive`],
      ['POST', `/api/v1/extra-services/${service.id}/restore`],
      [
        'PUT',
        `/api/v1/extra-services/${service.id}/capacity`,
        { from: '2030-06-01', to: '2030-06-01', units: 0 },
      ],
      ['GET', `/api/v1/extra-services/${service.id}/availability?from=2030-06-01&to=2030-06-01`],
      ['GET', `/api/v1/extra-services/${newId()}`],
    ];
    await bed.expectEachAnswers(bed.otherCookie, probes, { status: 404, problemJson: true });
    expect((await asAdmin('GET', `/api/v1/extra-services/${service.id}`)).json()).toEqual(service);
    const availability = (
      await asAdmin(
        'GET',
        `/api/v1/extra-services/${service.id}/availability?from=2030-06-01&to=2030-06-01`,
      )
    ).json();
    expect(availability.items[0].capacity).toBe(4);
  });

  it('lets an accountant read but not write', async () => {
    const service = await makeExtraService(bed.agency, { limited: true });
    expect(
      (await call(bed.accountantCookie, 'GET', `/api/v1/extra-services/${service.id}`)).statusCode,
    ).toBe(200);
    const writes: ApiRequest[] = [
      ['POST', '/api/v1/extra-services', body('ACC')],
      ['PATCH', `/api/v1/extra-services/${service.id}`, { limited: false }],
      ['POST', `/api/v1/extra-services/${service.id}/archive`],
      [
        'PUT',
        `/api/v1/extra-services/${service.id}/capacity`,
        { from: '2030-06-01', to: '2030-06-01', units: 1 },
      ],
    ];
    await bed.expectEachAnswers(bed.accountantCookie, writes, { status: 403 });
    expect((await asAdmin('GET', `/api/v1/extra-services/${service.id}`)).json()).toEqual(service);
  });
});
