import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeRoomType,
  makeSeason,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  uniqueSuffix,
} from '../../../../tests/helpers/factories.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { setAccommodationArchived, setRoomTypeArchived } from './accommodations-service.ts';
import { setTourArchived } from './tours-service.ts';

/** An attraction row, written directly: the search only reads the table. */
async function insertAttraction(
  ctx: Ctx,
  name: Record<string, string>,
  city: string,
  country: string,
) {
  const id = newId();
  await ctx.db
    .insertInto('attractions')
    .values({
      id,
      agencyId: ctx.agencyId,
      supplierId: null,
      name: json(name),
      description: json({}),
      city,
      country,
      address: null,
      latitude: null,
      longitude: null,
      photos: json([]),
      advanceBookingDays: 0,
      dated: true,
      validityDays: null,
      timeSlots: json([]),
      entrances: json([]),
      includedItems: json([]),
      archivedAt: null,
      updatedAt: new Date(),
    })
    .execute();
  return id;
}

describeEachDatabase('product search API', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let cookie: string;
  let accountantCookie: string;
  // Hotel Aurora, Hersonissos GR: DBL (2 adults + 1 child, 3 beds), FAM (4 + 1, 5 beds),
  // and BIG (6 adults), archived.
  let crete: Awaited<ReturnType<typeof makeTour>>;
  let creteByDays: Awaited<ReturnType<typeof makeTour>>;
  let split: Awaited<ReturnType<typeof makeTour>>;
  let knossos: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    const suffix = uniqueSuffix();
    agency = await makeAgency(database(), {
      users: [{ role: 'accountant', email: `accountant-${suffix}@example.test` }],
    });
    cookie = (await signIn(app, agency.adminEmail)).cookie;
    accountantCookie = (await signIn(app, `accountant-${suffix}@example.test`)).cookie;

    const aurora = await makeAccommodation(agency, {
      name: 'Hotel Aurora',
      city: 'Hersonissos',
      country: 'GR',
      roomTypes: [
        makeRoomType(),
        makeRoomType({ code: 'FAM', maxAdults: 4, maxChildren: 1, standardBeds: 4, extraBeds: 1 }),
        makeRoomType({ code: 'BIG', maxAdults: 6, maxChildren: 0, standardBeds: 6, extraBeds: 0 }),
      ],
    });
    const big = aurora.roomTypes.find((r) => r.code === 'BIG');
    await setRoomTypeArchived(agency.ctx, big?.id as string, true);
    const villa = await makeAccommodation(agency, {
      name: 'Villa Adriatic',
      city: 'Split',
      country: 'HR',
      boardTypes: [],
      roomTypes: [
        makeRoomType({ code: 'SGL', maxAdults: 1, maxChildren: 0, standardBeds: 1, extraBeds: 0 }),
      ],
    });
    const closed = await makeAccommodation(agency, { name: 'Closed Hotel', city: 'Hersonissos' });

    crete = await makeTour(agency, {
      accommodationId: aurora.id,
      name: { en: 'Crete for a week' },
      departures: [
        { startDate: '2030-07-06', nights: 7 },
        { startDate: '2030-07-13', nights: 7 },
        { startDate: '2030-07-20', nights: 7, status: 'cancelled' },
      ],
    });
    creteByDays = await makeTour(agency, {
      accommodationId: aurora.id,
      mode: 'by_days',
      name: { en: 'Crete your way', cs: 'Kréta po svém' },
      // July: any day, 3–14 nights; August: Saturdays, 7+ nights.
      seasons: [
        makeSeason(),
        makeSeason({
          name: 'August',
          startDate: '2030-08-01',
          endDate: '2030-08-31',
          minStay: 7,
          maxStay: null,
          arrivalWeekdays: [6],
        }),
      ],
    });
    split = await makeTour(agency, {
      accommodationId: villa.id,
      boardType: null,
      name: { en: 'Dalmatian coast' },
      departures: [{ startDate: '2030-07-06', nights: 7 }],
    });
    const archivedTour = await makeTour(agency, { accommodationId: aurora.id });
    await setTourArchived(agency.ctx, archivedTour.id, true);
    await makeTour(agency, { accommodationId: closed.id });
    await setAccommodationArchived(agency.ctx, closed.id, true);

    knossos = await insertAttraction(agency.ctx, { en: 'Palace of Knossos' }, 'Heraklion', 'GR');
    await insertAttraction(agency.ctx, { en: "Diocletian's Palace" }, 'Split', 'HR');

    // Another agency with a tour in the same place: never found by this agency.
    const other = await makeAgency(database());
    await makeTour(other, {
      accommodationId: (await makeAccommodation(other, { city: 'Hersonissos' })).id,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const search = async (query: string, as = cookie) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/search?${query}`,
      headers: { cookie: as },
    });
    return response;
  };
  const ids = async (query: string) => {
    const response = await search(query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: { id: string }) => item.id);
  };

  it("finds tours by their accommodation's city, newest first, never archived ones", async () => {
    expect(await ids('destination=HERSON')).toEqual([creteByDays.id, crete.id]);
  });

  it('finds tours by a name in any language and by accommodation name', async () => {
    expect(await ids('destination=kr%C3%A9ta')).toEqual([creteByDays.id]);
    expect(await ids('destination=adriatic')).toEqual([split.id]);
  });

  it('finds attractions by name or city and country, after the tours', async () => {
    expect(await ids('destination=knossos')).toEqual([knossos]);
    const response = await search('country=HR');
    expect(response.json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'tour',
      'attraction',
    ]);
    expect(response.json().items[1]).toMatchObject({
      kind: 'attraction',
      name: { en: "Diocletian's Palace" },
      city: 'Split',
      country: 'HR',
    });
    expect(await ids('country=HR&kind=tour')).toEqual([split.id]);
  });

  it('describes a tour hit with its accommodation, departures and room types', async () => {
    const response = await search('destination=dalmatian');
    expect(response.json().items).toEqual([
      {
        kind: 'tour',
        id: split.id,
        code: split.code,
        name: { en: 'Dalmatian coast' },
        mode: 'fixed_departures',
        accommodation: {
          id: split.accommodationId,
          name: 'Villa Adriatic',
          city: 'Split',
          country: 'HR',
          stars: 4,
        },
        departures: [expect.objectContaining({ startDate: '2030-07-06', status: 'open' })],
        seasons: [],
        roomTypes: [expect.objectContaining({ code: 'SGL' })],
        // No transport of the agency: nothing to board.
        boarding: null,
      },
    ]);
  });

  it('with dates, keeps fixed tours with an open departure in the range and by-days tours that accept the stay', async () => {
    const july = await search('country=GR&kind=tour&from=2030-07-05&to=2030-07-10');
    const items = july.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([creteByDays.id, crete.id]);
    expect(items[1].departures.map((d: { startDate: string }) => d.startDate)).toEqual([
      '2030-07-06',
    ]);
    expect(items[0].seasons.map((s: { name: string }) => s.name)).toEqual(['July']);

    // The only departure in range is cancelled; the by-days tour takes 7 July nights.
    expect(await ids('country=GR&kind=tour&from=2030-07-18&to=2030-07-25')).toEqual([
      creteByDays.id,
    ]);
    // August arrivals only on Saturdays (2030-08-02 is a Friday, 2030-08-03 a Saturday).
    expect(await ids('country=GR&kind=tour&from=2030-08-02&to=2030-08-09')).toEqual([]);
    expect(await ids('country=GR&kind=tour&from=2030-08-03&to=2030-08-10')).toEqual([
      creteByDays.id,
    ]);
    // A stay crossing from July into August follows July's rules.
    const crossing = await search('country=GR&kind=tour&from=2030-07-28&to=2030-08-04');
    expect(crossing.json().items).toEqual([
      expect.objectContaining({
        id: creteByDays.id,
        seasons: [
          expect.objectContaining({ name: 'July' }),
          expect.objectContaining({ name: 'August' }),
        ],
      }),
    ]);
    // Too short for July's minimum of 3 nights.
    expect(await ids('country=GR&kind=tour&from=2030-07-10&to=2030-07-12')).toEqual([]);
  });

  it('with a party, keeps tours with a room type that fits it in one room', async () => {
    const couple = await search('kind=tour&adults=2&childAges=5');
    expect(couple.json().items.map((i: { id: string }) => i.id)).toEqual([
      creteByDays.id,
      crete.id,
    ]);
    expect(couple.json().items[0].roomTypes.map((r: { code: string }) => r.code)).toEqual([
      'DBL',
      'FAM',
    ]);
    const twoChildren = await search('kind=tour&adults=2&childAges=5&childAges=8');
    expect(twoChildren.json().items[0].roomTypes.map((r: { code: string }) => r.code)).toEqual([
      'FAM',
    ]);
    expect(await ids('kind=tour&adults=2&childAges=5,8')).toEqual([creteByDays.id, crete.id]);
    // Only the archived BIG room takes six adults.
    expect(await ids('kind=tour&adults=6')).toEqual([]);
    expect(await ids('kind=tour&adults=4&childAges=3,6')).toEqual([]);
    expect(await ids('kind=tour&adults=1')).toEqual([split.id, creteByDays.id, crete.id]);
  });

  it('names the invalid parameter with 400 problem+json', async () => {
    const backwards = await search('from=2030-07-10&to=2030-07-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect(backwards.json().errors).toEqual([
      { path: '/to', message: 'must be on or after from (2030-07-10)' },
    ]);
    expect((await search('from=2030-07-10')).json().errors[0].path).toBe('/to');
    expect((await search('childAges=4')).json().errors[0].path).toBe('/adults');
    expect((await search('adults=2&childAges=18')).json().errors[0].path).toBe('/childAges');
    const garbage = await search('adults=2&childAges=abc');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().errors[0].path).toMatch(/^\/childAges/);
    expect((await search('to=2030-02-30&from=2030-02-01')).json().errors[0].path).toBe('/to');
  });

  it('is open to every back-office reader, and to no one signed out', async () => {
    expect((await search('destination=herson', accountantCookie)).statusCode).toBe(200);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/search' });
    expect(anonymous.statusCode).toBe(401);
  });
});
