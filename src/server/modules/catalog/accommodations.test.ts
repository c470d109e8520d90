import { expect, it } from 'vitest';
import { useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import {
  makeAccommodation,
  makeRoomType,
  makeSupplier,
} from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { findRoomType } from './lookup.ts';

describeEachDatabase('accommodations API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAgent } = bed;

  const body = (extra: Record<string, unknown> = {}) => ({
    name: 'Hotel Knossos Royal',
    kind: 'resort',
    street: 'Limenas Chersonisou',
    city: 'Hersonissos',
    postalCode: '70014',
    country: 'GR',
    latitude: 35.32,
    longitude: 25.39,
    stars: 4.5,
    boardTypes: ['HB', 'AI'],
    photos: ['https://img.example/knossos-1.jpg'],
    description: { en: 'By the beach.', cs: 'U pláže.' },
    roomTypes: [
      makeRoomType(),
      makeRoomType({
        code: 'SGL',
        name: { en: 'Single' },
        maxAdults: 1,
        maxChildren: 0,
        standardBeds: 1,
        extraBeds: 0,
      }),
    ],
    ...extra,
  });

  it('creates an accommodation with room types, reads it back and audits it', async () => {
    const supplier = await makeSupplier(bed.agency);
    const created = await asAgent(
      'POST',
      '/api/v1/accommodations',
      body({ supplierId: supplier.id }),
    );
    expect(created.statusCode).toBe(201);
    const hotel = created.json();
    expect(hotel).toMatchObject({
      supplierId: supplier.id,
      name: 'Hotel Knossos Royal',
      kind: 'resort',
      city: 'Hersonissos',
      country: 'GR',
      stars: 4.5,
      boardTypes: ['HB', 'AI'],
      description: { en: 'By the beach.', cs: 'U pláže.' },
      archived: false,
    });
    expect(hotel.roomTypes).toEqual([
      expect.objectContaining({
        code: 'DBL',
        maxAdults: 2,
        maxChildren: 1,
        standardBeds: 2,
        extraBeds: 1,
        archived: false,
        accommodationId: hotel.id,
      }),
      expect.objectContaining({ code: 'SGL', maxAdults: 1, maxChildren: 0, archived: false }),
    ]);
    const got = await asAgent('GET', `/api/v1/accommodations/${hotel.id}`);
    expect(got.json()).toEqual(hotel);

    const actions = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('agencyId', '=', bed.agency.agencyId)
      .where('entityId', 'in', [hotel.id, ...hotel.roomTypes.map((r: { id: string }) => r.id)])
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'catalog.accommodation.created',
      'catalog.room_type.created',
      'catalog.room_type.created',
    ]);
  });

  it('refuses a room type with more guests than beds, naming /roomTypes/1/maxChildren', async () => {
    const response = await asAgent(
      'POST',
      '/api/v1/accommodations',
      body({
        roomTypes: [makeRoomType(), makeRoomType({ code: 'TRP', maxAdults: 2, maxChildren: 2 })],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: '/roomTypes/1/maxChildren' }),
    ]);
  });

  it('refuses a room type code repeated in the body with 400 naming the field', async () => {
    const response = await asAgent(
      'POST',
      '/api/v1/accommodations',
      body({ roomTypes: [makeRoomType(), makeRoomType({ name: { en: 'Another double' } })] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/roomTypes/1/code');
  });

  it('refuses a supplier of another agency with 400 naming /supplierId', async () => {
    const theirs = await makeSupplier(bed.other);
    const response = await asAgent(
      'POST',
      '/api/v1/accommodations',
      body({ supplierId: theirs.id }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: '/supplierId', message: 'is not a supplier of this agency' },
    ]);
  });

  it('refuses stars that are not whole or half, and an unknown board type', async () => {
    const stars = await asAgent('POST', '/api/v1/accommodations', body({ stars: 3.3 }));
    expect(stars.statusCode).toBe(400);
    expect(stars.json().errors[0].path).toBe('/stars');
    const board = await asAgent('POST', '/api/v1/accommodations', body({ boardTypes: ['XX'] }));
    expect(board.json().errors[0].path).toBe('/boardTypes/0');
  });

  it('lists newest first with filters by country, city, name and supplier, and pages', async () => {
    const { agency: local, cookie } = await bed.newAgency();
    const supplier = await makeSupplier(local);
    const crete = await makeAccommodation(local, {
      name: 'Aurora Crete',
      city: 'Hersonissos',
      country: 'GR',
    });
    const split = await makeAccommodation(local, {
      name: 'Villa Split',
      city: 'Split',
      country: 'HR',
      supplierId: supplier.id,
    });
    const rhodes = await makeAccommodation(local, {
      name: 'Aurora Rhodes',
      city: 'Rhodes',
      country: 'GR',
    });
    const ids = (query: string) => bed.listedIds(cookie, `/api/v1/accommodations${query}`);

    expect(await ids('')).toEqual([rhodes.id, split.id, crete.id]);
    expect(await ids('?country=GR')).toEqual([rhodes.id, crete.id]);
    expect(await ids('?city=split')).toEqual([split.id]);
    expect(await ids('?q=aurora')).toEqual([rhodes.id, crete.id]);
    expect(await ids(`?supplierId=${supplier.id}`)).toEqual([split.id]);

    const page1 = (await call(cookie, 'GET', '/api/v1/accommodations?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].roomTypes).toHaveLength(2);
    const page2 = (
      await call(cookie, 'GET', `/api/v1/accommodations?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id: crete.id })], nextCursor: null });
  });

  it('patches only the fields given and keeps the room types', async () => {
    const hotel = await makeAccommodation(bed.agency);
    const patched = await asAgent('PATCH', `/api/v1/accommodations/${hotel.id}`, {
      stars: 5,
      boardTypes: ['AI'],
      postalCode: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: hotel.name,
      stars: 5,
      boardTypes: ['AI'],
      postalCode: null,
      city: 'Hersonissos',
    });
    expect(patched.json().roomTypes.map((r: { code: string }) => r.code)).toEqual(['DBL', 'FAM']);
    const audit = await bed.auditedChange(hotel.id, 'catalog.accommodation.updated');
    expect(audit.before).toMatchObject({ stars: 4 });
    expect(audit.after).toMatchObject({ stars: 5 });

    const roomTypesInPatch = await asAgent('PATCH', `/api/v1/accommodations/${hotel.id}`, {
      roomTypes: [],
    });
    expect(roomTypesInPatch.statusCode).toBe(400);
    expect(roomTypesInPatch.json().errors[0].path).toBe('/roomTypes');
  });

  it('archives an accommodation out of the default list and restores it', async () => {
    const { agency: local, cookie } = await bed.newAgency();
    const hotel = await makeAccommodation(local);
    await bed.expectArchiveAndRestore(cookie, '/api/v1/accommodations', hotel.id);
    expect((await call(cookie, 'GET', '/api/v1/accommodations')).json().items).toHaveLength(1);
  });

  it('adds, reads, changes, archives and restores a room type on its own endpoints', async () => {
    const hotel = await makeAccommodation(bed.agency);
    const added = await asAgent('POST', `/api/v1/accommodations/${hotel.id}/room-types`, {
      code: 'APP4',
      name: { en: 'Apartment for four' },
      maxAdults: 4,
      standardBeds: 4,
    });
    expect(added.statusCode).toBe(201);
    const room = added.json();
    expect(room).toMatchObject({
      accommodationId: hotel.id,
      code: 'APP4',
      maxChildren: 0,
      extraBeds: 0,
      archived: false,
    });
    const got = await asAgent('GET', `/api/v1/room-types/${room.id}`);
    expect(got.json()).toEqual(room);

    const patched = await asAgent('PATCH', `/api/v1/room-types/${room.id}`, {
      maxChildren: 1,
      extraBeds: 1,
    });
    expect(patched.json()).toMatchObject({ maxChildren: 1, extraBeds: 1, maxAdults: 4 });

    const archived = await asAgent('POST', `/api/v1/room-types/${room.id}/archive`);
    expect(archived.json().archived).toBe(true);
    expect((await findRoomType(bed.agency.ctx, room.id))?.archived).toBe(true);
    const inHotel = (await asAgent('GET', `/api/v1/accommodations/${hotel.id}`)).json();
    expect(inHotel.roomTypes.find((r: { id: string }) => r.id === room.id).archived).toBe(true);
    const restored = await asAgent('POST', `/api/v1/room-types/${room.id}/restore`);
    expect(restored.json().archived).toBe(false);

    expect(await bed.auditedActions(room.id)).toEqual([
      'catalog.room_type.created',
      'catalog.room_type.updated',
      'catalog.room_type.archived',
      'catalog.room_type.restored',
    ]);
  });

  it('answers a room type code the accommodation already has with 409, and too many guests with 400', async () => {
    const hotel = await makeAccommodation(bed.agency);
    const duplicate = await asAgent(
      'POST',
      `/api/v1/accommodations/${hotel.id}/room-types`,
      makeRoomType(),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].path).toBe('/code');

    const fam = hotel.roomTypes.find((r) => r.code === 'FAM');
    const renamed = await asAgent('PATCH', `/api/v1/room-types/${fam?.id}`, {
      code: 'DBL',
    });
    expect(renamed.statusCode).toBe(409);

    const crowded = await asAgent('PATCH', `/api/v1/room-types/${fam?.id}`, {
      maxChildren: 3,
    });
    expect(crowded.statusCode).toBe(400);
    expect(crowded.json().errors[0].path).toBe('/maxChildren');
    const unchanged = await asAgent('GET', `/api/v1/room-types/${fam?.id}`);
    expect(unchanged.json()).toMatchObject({ code: 'FAM', maxChildren: 1 });
  });

  it("answers 404 for another agency's accommodation and room type, and changes nothing", async () => {
    const theirs = await makeAccommodation(bed.other, { name: 'Theirs' });
    const theirRoom = theirs.roomTypes[0]?.id as string;
    await bed.expectEachAnswers(
      bed.agentCookie,
      [
        ['GET', `/api/v1/accommodations/${theirs.id}`],
        ['PATCH', `/api/v1/accommodations/${theirs.id}`, { name: 'Hijacked' }],
        ['POST', `/api/v1/accommodations/${theirs.id}/archive`],
        ['POST', `/api/v1/accommodations/${theirs.id}/restore`],
        ['POST', `/api/v1/accommodations/${theirs.id}/room-types`, makeRoomType({ code: 'NEW' })],
        ['GET', `/api/v1/room-types/${theirRoom}`],
        ['PATCH', `/api/v1/room-types/${theirRoom}`, { maxAdults: 1 }],
        ['POST', `/api/v1/room-types/${theirRoom}/archive`],
        ['POST', `/api/v1/room-types/${theirRoom}/restore`],
      ],
      { status: 404 },
    );
    const still = (
      await call(bed.otherCookie, 'GET', `/api/v1/accommodations/${theirs.id}`)
    ).json();
    expect(still).toMatchObject({ name: 'Theirs', archived: false });
    expect(still.roomTypes).toHaveLength(2);
    expect(still.roomTypes[0]).toMatchObject({ maxAdults: 2, archived: false });
  });

  it('lets an accountant read but not write (403)', async () => {
    const hotel = await makeAccommodation(bed.agency);
    expect((await call(bed.accountantCookie, 'GET', '/api/v1/accommodations')).statusCode).toBe(
      200,
    );
    await bed.expectEachAnswers(
      bed.accountantCookie,
      [
        ['POST', '/api/v1/accommodations', body()],
        ['PATCH', `/api/v1/accommodations/${hotel.id}`, { stars: 1 }],
        ['POST', `/api/v1/room-types/${hotel.roomTypes[0]?.id}/archive`],
      ],
      { status: 403 },
    );
    expect((await asAgent('GET', `/api/v1/accommodations/${hotel.id}`)).json().stars).toBe(4);
  });
});
