import { describe, expect, it } from 'vitest';
import { type ApiRequest, useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAttraction } from '../../../../tests/helpers/transport-factories.ts';
import { newId } from '../../db/ids.ts';
import { take } from '../inventory/service.ts';
import { attractionProblems, ticketTypeProblems } from './attractions-service.ts';
import { findAttraction } from './lookup.ts';

describe('attraction rules', () => {
  it('wants a validity for open tickets and none for dated ones', () => {
    expect(attractionProblems({ dated: false, validityDays: null, timeSlots: [] })).toEqual([
      expect.objectContaining({ path: '/validityDays' }),
    ]);
    expect(attractionProblems({ dated: true, validityDays: 3, timeSlots: [] })).toEqual([
      expect.objectContaining({ path: '/validityDays' }),
    ]);
    expect(attractionProblems({ dated: false, validityDays: 3, timeSlots: [] })).toEqual([]);
  });

  it('names a repeated time slot and refuses slots on open tickets', () => {
    expect(
      attractionProblems({
        dated: true,
        validityDays: null,
        timeSlots: ['09:00', '10:00', '09:00'],
      }),
    ).toEqual([expect.objectContaining({ path: '/timeSlots/2' })]);
    expect(attractionProblems({ dated: false, validityDays: 1, timeSlots: ['09:00'] })).toEqual([
      expect.objectContaining({ path: '/timeSlots' }),
    ]);
  });

  it('refuses a maximum age below the minimum', () => {
    expect(ticketTypeProblems({ minAge: 12, maxAge: 6 }, '/ticketTypes/1')).toEqual([
      expect.objectContaining({ path: '/ticketTypes/1/maxAge' }),
    ]);
    expect(ticketTypeProblems({ minAge: 6, maxAge: 6 }, '')).toEqual([]);
  });
});

describeEachDatabase('attractions API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAdmin } = bed;

  const body = (extra: Record<string, unknown> = {}) => ({
    name: { en: 'Acropolis', cs: 'Akropole' },
    description: { en: 'The citadel of Athens.' },
    city: 'Athens',
    country: 'GR',
    address: 'Dionysiou Areopagitou',
    latitude: 37.9715,
    longitude: 23.7257,
    photos: ['https://example.com/acropolis.jpg'],
    advanceBookingDays: 1,
    dated: true,
    timeSlots: ['11:00', '08:00', '09:30'],
    entrances: ['Main gate', 'South slope'],
    includedItems: [{ en: 'Audio guide', cs: 'Audioprůvodce' }],
    ticketTypes: [
      { category: 'adult', name: { en: 'Adult' }, minAge: 25 },
      { category: 'student', name: { en: 'EU student' }, minAge: 18, maxAge: 25 },
    ],
    ...extra,
  });

  it('creates an attraction with ticket types and sorted time slots, and shows it', async () => {
    const created = await asAdmin('POST', '/api/v1/attractions', body());
    expect(created.statusCode, created.body).toBe(201);
    const attraction = created.json();
    expect(attraction).toMatchObject({
      name: { en: 'Acropolis', cs: 'Akropole' },
      city: 'Athens',
      country: 'GR',
      latitude: 37.9715,
      dated: true,
      validityDays: null,
      timeSlots: ['08:00', '09:30', '11:00'],
      includedItems: [{ en: 'Audio guide', cs: 'Audioprůvodce' }],
      supplierId: null,
      archived: false,
    });
    expect(
      attraction.ticketTypes.map(
        (t: { category: string; minAge: number; maxAge: number | null }) => [
          t.category,
          t.minAge,
          t.maxAge,
        ],
      ),
    ).toEqual([
      ['adult', 25, null],
      ['student', 18, 25],
    ]);
    const fetched = await asAdmin('GET', `/api/v1/attractions/${attraction.id}`);
    expect(fetched.json()).toEqual(attraction);
    expect(await findAttraction(bed.agency.ctx, attraction.id)).toEqual({
      id: attraction.id,
      dated: true,
      timeSlots: ['08:00', '09:30', '11:00'],
      advanceBookingDays: 1,
    });
    expect(await findAttraction(bed.other.ctx, attraction.id)).toBeUndefined();
    expect(await bed.auditedActions(attraction.id)).toEqual(['catalog.attraction.created']);
  });

  it('answers invalid attractions with 400 naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body({ dated: false, timeSlots: [] }), '/validityDays'],
      [body({ timeSlots: ['09:00', '09:00'] }), '/timeSlots/1'],
      [body({ timeSlots: ['9:00'] }), '/timeSlots/0'],
      [body({ supplierId: newId() }), '/supplierId'],
      [
        body({
          ticketTypes: [{ category: 'child', name: { en: 'Child' }, minAge: 12, maxAge: 3 }],
        }),
        '/ticketTypes/0/maxAge',
      ],
      [
        body({ ticketTypes: [{ category: 'pensioner', name: { en: 'X' } }] }),
        '/ticketTypes/0/category',
      ],
      [body({ name: {} }), '/name'],
      [body({ country: 'Greece' }), '/country'],
    ];
    for (const [payload, path] of cases) {
      const response = await asAdmin('POST', '/api/v1/attractions', {
        ...payload,
        city: 'Nowhere-invalid',
      });
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path, response.body).toBe(path);
    }
    const stored = await database()
      .db.selectFrom('attractions')
      .select('id')
      .where('city', '=', 'Nowhere-invalid')
      .execute();
    expect(stored).toEqual([]);
  });

  it('lists newest first with city, country and text filters, page by page', async () => {
    const { agency: lister, cookie: listCookie } = await bed.newAgency();
    const knossos = await makeAttraction(lister);
    const louvre = await makeAttraction(lister, {
      name: { en: 'Louvre', cs: 'Louvre' },
      city: 'Paris',
      country: 'FR',
      timeSlots: [],
    });
    const pass = await makeAttraction(lister, {
      name: { en: 'Paris museum pass', cs: 'Pařížská muzejní karta' },
      city: 'Paris',
      country: 'FR',
      dated: false,
      validityDays: 2,
      timeSlots: [],
    });
    const ids = async (query: string) => {
      const response = await call(listCookie, 'GET', `/api/v1/attractions?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((a: { id: string }) => a.id);
    };
    expect(await ids('')).toEqual([pass.id, louvre.id, knossos.id]);
    expect(await ids('country=FR')).toEqual([pass.id, louvre.id]);
    expect(await ids('city=herak')).toEqual([knossos.id]);
    expect(await ids('q=muzejn')).toEqual([pass.id]);
    // The language keys ("en", "cs") are not text: searching them finds nothing.
    expect(await ids('q="cs"')).toEqual([]);
    const first = (await call(listCookie, 'GET', '/api/v1/attractions?limit=2')).json();
    expect(first.items.map((a: { id: string }) => a.id)).toEqual([pass.id, louvre.id]);
    const second = (
      await call(listCookie, 'GET', `/api/v1/attractions?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toMatchObject({ items: [{ id: knossos.id }], nextCursor: null });
    expect(second.items[0].ticketTypes).toHaveLength(2);
  });

  it('changes an attraction with PATCH, checking its ticket rules as a whole', async () => {
    const attraction = await makeAttraction(bed.agency, { timeSlots: [] });
    const open = await asAdmin('PATCH', `/api/v1/attractions/${attraction.id}`, {
      dated: false,
      validityDays: 3,
      address: 'Knossos 714 09',
    });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ dated: false, validityDays: 3, address: 'Knossos 714 09' });

    const noValidity = await asAdmin('PATCH', `/api/v1/attractions/${attraction.id}`, {
      validityDays: null,
    });
    expect(noValidity.statusCode).toBe(400);
    expect(noValidity.json().errors[0].path).toBe('/validityDays');

    const dated = await asAdmin('PATCH', `/api/v1/attractions/${attraction.id}`, {
      dated: true,
      timeSlots: ['14:00', '10:00'],
    });
    expect(dated.statusCode, dated.body).toBe(200);
    expect(dated.json()).toMatchObject({
      dated: true,
      validityDays: null,
      timeSlots: ['10:00', '14:00'],
    });

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['before', 'after'])
      .where('entityId', '=', attraction.id)
      .where('action', '=', 'catalog.attraction.updated')
      .orderBy('id')
      .execute();
    expect(
      audit.map((a) => [
        (a.before as { dated: boolean }).dated,
        (a.after as { dated: boolean }).dated,
      ]),
    ).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('archives and restores attractions and ticket types', async () => {
    const { agency: lister, cookie: listCookie } = await bed.newAgency();
    const attraction = await makeAttraction(lister);
    await bed.expectArchiveAndRestore(listCookie, '/api/v1/attractions', attraction.id);
    expect(await bed.listedIds(listCookie, '/api/v1/attractions')).toEqual([attraction.id]);

    const child = attraction.ticketTypes[1];
    if (!child) throw new Error('the factory made no child ticket');
    const archivedType = await call(listCookie, 'POST', `/api/v1/ticket-types/${child.id}/archive`);
    expect(archivedType.statusCode).toBe(200);
    expect(archivedType.json()).toMatchObject({ id: child.id, archived: true });
    const shown = (await call(listCookie, 'GET', `/api/v1/attractions/${attraction.id}`)).json();
    expect(shown.ticketTypes.map((t: { archived: boolean }) => t.archived)).toEqual([false, true]);
    const restoredType = await call(listCookie, 'POST', `/api/v1/ticket-types/${child.id}/restore`);
    expect(restoredType.json().archived).toBe(false);

    const actions = await database()
      .db.selectFrom('auditLog')
      .select('action')
      .where('agencyId', '=', lister.agencyId)
      .where('action', 'like', 'catalog.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'catalog.attraction.created',
      'catalog.attraction.archived',
      'catalog.attraction.restored',
      'catalog.ticket_type.archived',
      'catalog.ticket_type.restored',
    ]);
  });

  it('adds and changes ticket types', async () => {
    const attraction = await makeAttraction(bed.agency);
    const added = await asAdmin('POST', `/api/v1/attractions/${attraction.id}/ticket-types`, {
      category: 'family',
      name: { en: 'Family (2 + 2)' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      attractionId: attraction.id,
      category: 'family',
      minAge: null,
      maxAge: null,
    });
    const patched = await asAdmin('PATCH', `/api/v1/ticket-types/${added.json().id}`, {
      name: { en: 'Family', cs: 'Rodinná' },
      maxAge: 99,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: { en: 'Family', cs: 'Rodinná' }, maxAge: 99 });
    const child = attraction.ticketTypes[1];
    const inverted = await asAdmin('PATCH', `/api/v1/ticket-types/${child?.id}`, { maxAge: 2 });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().errors[0].path).toBe('/maxAge');
    const shown = (await asAdmin('GET', `/api/v1/attractions/${attraction.id}`)).json();
    expect(shown.ticketTypes.map((t: { category: string }) => t.category)).toEqual([
      'adult',
      'child',
      'family',
    ]);
  });

  it('sets ticket capacity per slot through the inventory and shows availability', async () => {
    const attraction = await makeAttraction(bed.agency);
    const set = await asAdmin('PUT', `/api/v1/attractions/${attraction.id}/capacity`, {
      from: '2030-05-01',
      to: '2030-05-03',
      timeSlot: '09:00',
      units: 40,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items).toHaveLength(3);
    await take(bed.agency.ctx, {
      components: [
        {
          type: 'tickets',
          attractionId: attraction.id,
          date: '2030-05-02',
          timeSlot: '09:00',
          quantity: 4,
        },
      ],
    });
    const availability = await asAdmin(
      'GET',
      `/api/v1/attractions/${attraction.id}/availability?from=2030-05-02&to=2030-05-03`,
    );
    expect(availability.statusCode, availability.body).toBe(200);
    expect(availability.json().items).toEqual([
      {
        date: '2030-05-02',
        timeSlot: '09:00',
        capacity: 40,
        sold: 4,
        held: 0,
        available: 36,
        stopSale: false,
      },
      {
        date: '2030-05-02',
        timeSlot: '11:00',
        capacity: 0,
        sold: 0,
        held: 0,
        available: 0,
        stopSale: false,
      },
      {
        date: '2030-05-03',
        timeSlot: '09:00',
        capacity: 40,
        sold: 0,
        held: 0,
        available: 40,
        stopSale: false,
      },
      {
        date: '2030-05-03',
        timeSlot: '11:00',
        capacity: 0,
        sold: 0,
        held: 0,
        available: 0,
        stopSale: false,
      },
    ]);

    const below = await asAdmin('PUT', `/api/v1/attractions/${attraction.id}/capacity`, {
      from: '2030-05-01',
      to: '2030-05-03',
      timeSlot: '09:00',
      units: 3,
    });
    expect(below.statusCode).toBe(409);
    const stopped = await asAdmin('PUT', `/api/v1/attractions/${attraction.id}/capacity`, {
      from: '2030-05-02',
      to: '2030-05-02',
      timeSlot: '09:00',
      units: 40,
      stopSale: true,
    });
    expect(stopped.json().items).toEqual([
      {
        date: '2030-05-02',
        timeSlot: '09:00',
        capacity: 40,
        sold: 4,
        held: 0,
        available: 0,
        stopSale: true,
      },
    ]);
    const oneSlot = await asAdmin(
      'GET',
      `/api/v1/attractions/${attraction.id}/availability?from=2030-05-03&to=2030-05-03&timeSlot=09:00`,
    );
    expect(oneSlot.json().items).toEqual([
      {
        date: '2030-05-03',
        timeSlot: '09:00',
        capacity: 40,
        sold: 0,
        held: 0,
        available: 40,
        stopSale: false,
      },
    ]);

    const audit = await database()
      .db.selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', attraction.id)
      .where('action', '=', 'catalog.attraction.capacity_set')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('keeps tickets without slots under the empty slot', async () => {
    const attraction = await makeAttraction(bed.agency, { timeSlots: [] });
    const set = await asAdmin('PUT', `/api/v1/attractions/${attraction.id}/capacity`, {
      from: '2030-05-01',
      to: '2030-05-01',
      units: 500,
    });
    expect(set.json().items).toEqual([
      {
        date: '2030-05-01',
        timeSlot: null,
        capacity: 500,
        sold: 0,
        held: 0,
        available: 500,
        stopSale: false,
      },
    ]);
    const withSlot = await asAdmin('PUT', `/api/v1/attractions/${attraction.id}/capacity`, {
      from: '2030-05-01',
      to: '2030-05-01',
      timeSlot: '09:00',
      units: 5,
    });
    expect(withSlot.statusCode).toBe(400);
    expect(withSlot.json().errors[0].path).toBe('/timeSlot');
  });

  it('answers invalid capacity and availability requests with 400 naming the field', async () => {
    const attraction = await makeAttraction(bed.agency);
    const put = (payload: Record<string, unknown>) =>
      asAdmin('PUT', `/api/v1/attractions/${attraction.id}/capacity`, {
        from: '2030-05-01',
        to: '2030-05-02',
        timeSlot: '09:00',
        units: 10,
        ...payload,
      });
    const cases: [ReturnType<typeof asAdmin>, string][] = [
      [put({ timeSlot: '10:00' }), '/timeSlot'],
      [put({ timeSlot: undefined }), '/timeSlot'],
      [put({ to: '2030-04-30' }), '/to'],
      [put({ to: '2031-05-02' }), '/to'],
      [put({ units: -1 }), '/units'],
      [
        asAdmin(
          'GET',
          `/api/v1/attractions/${attraction.id}/availability?from=2030-05-02&to=2030-05-01`,
        ),
        '/to',
      ],
      [
        asAdmin(
          'GET',
          `/api/v1/attractions/${attraction.id}/availability?from=2030-01-01&to=2031-01-02`,
        ),
        '/to',
      ],
      [
        asAdmin(
          'GET',
          `/api/v1/attractions/${attraction.id}/availability?from=2030-05-01&to=2030-05-02&timeSlot=12:00`,
        ),
        '/timeSlot',
      ],
      [asAdmin('GET', `/api/v1/attractions/${attraction.id}/availability?from=2030-05-01`), '/to'],
    ];
    for (const [request, path] of cases) {
      const response = await request;
      expect(response.statusCode, path).toBe(400);
      expect(response.json().errors[0].path).toBe(path);
    }
    const stored = await asAdmin(
      'GET',
      `/api/v1/attractions/${attraction.id}/availability?from=2030-05-01&to=2030-05-02&timeSlot=09:00`,
    );
    expect(stored.json().items.map((d: { capacity: number }) => d.capacity)).toEqual([0, 0]);
  });

  it("answers 404 for another agency's attraction and ticket types, and changes nothing", async () => {
    const attraction = await makeAttraction(bed.agency);
    const ticketTypeId = attraction.ticketTypes[0]?.id;
    const probes: ApiRequest[] = [
      ['GET', `/api/v1/attractions/${attraction.id}`],
      ['PATCH', `/api/v1/attractions/${attraction.id}`, { city: 'hijacked' }],
      ['POST', `/api/v1/attractions/${attraction.id}/archive`],
      ['POST', `/api/v1/attractions/${attraction.id}/restore`],
      [
        'POST',
        `/api/v1/attractions/${attraction.id}/ticket-types`,
        { category: 'adult', name: { en: 'X' } },
      ],
      [
        'PUT',
        `/api/v1/attractions/${attraction.id}/capacity`,
        { from: '2030-05-01', to: '2030-05-01', timeSlot: '09:00', units: 1 },
      ],
      ['GET', `/api/v1/attractions/${attraction.id}/availability?from=2030-05-01&to=2030-05-01`],
      ['GET', `/api/v1/ticket-types/${ticketTypeId}`],
      ['PATCH', `/api/v1/ticket-types/${ticketTypeId}`, { name: { en: 'hijacked' } }],
      ['POST', `/api/v1/ticket-types/${ticketTypeId}/archive`],
      ['POST', `/api/v1/ticket-types/${ticketTypeId}/restore`],
      ['GET', `/api/v1/attractions/${newId()}`],
    ];
    await bed.expectEachAnswers(bed.otherCookie, probes, { status: 404, problemJson: true });
    expect((await asAdmin('GET', `/api/v1/attractions/${attraction.id}`)).json()).toEqual(
      attraction,
    );
    const availability = await asAdmin(
      'GET',
      `/api/v1/attractions/${attraction.id}/availability?from=2030-05-01&to=2030-05-01&timeSlot=09:00`,
    );
    expect(availability.json().items[0].capacity).toBe(0);
  });

  it('lets an accountant read but not write', async () => {
    const attraction = await makeAttraction(bed.agency);
    expect(
      (await call(bed.accountantCookie, 'GET', `/api/v1/attractions/${attraction.id}`)).statusCode,
    ).toBe(200);
    const writes: ApiRequest[] = [
      ['POST', '/api/v1/attractions', body()],
      ['PATCH', `/api/v1/attractions/${attraction.id}`, { city: 'x' }],
      ['POST', `/api/v1/attractions/${attraction.id}/archive`],
      [
        'POST',
        `/api/v1/attractions/${attraction.id}/ticket-types`,
        { category: 'adult', name: { en: 'X' } },
      ],
      ['PATCH', `/api/v1/ticket-types/${attraction.ticketTypes[0]?.id}`, { name: { en: 'x' } }],
      [
        'PUT',
        `/api/v1/attractions/${attraction.id}/capacity`,
        { from: '2030-05-01', to: '2030-05-01', timeSlot: '09:00', units: 1 },
      ],
    ];
    await bed.expectEachAnswers(bed.accountantCookie, writes, { status: 403 });
    expect((await asAdmin('GET', `/api/v1/attractions/${attraction.id}`)).json()).toEqual(
      attraction,
    );
  });
});
