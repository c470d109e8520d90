import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { type ApiRequest, useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import {
  makeAccommodation,
  makeSeason,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { uniqueSuffix } from '../../../../tests/helpers/factories.ts';
import { insertBusDeparture } from '../../../../tests/helpers/inventory-fixtures.ts';

describeEachDatabase('tours API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAgent } = bed;
  let hotelId: string;

  beforeAll(async () => {
    hotelId = (await makeAccommodation(bed.agency)).id;
  });

  const fixedBody = (extra: Record<string, unknown> = {}) => ({
    accommodationId: hotelId,
    code: `CRE7-${uniqueSuffix()}`,
    name: { en: 'Crete for a week', cs: 'Kréta na týden' },
    description: { en: 'Seven nights at the sea.' },
    mode: 'fixed_departures',
    boardType: 'HB',
    photos: ['https://img.example/crete.jpg'],
    departures: [
      { startDate: '2030-07-13', nights: 7 },
      { startDate: '2030-07-06', nights: 7, status: 'closed' },
    ],
    ...extra,
  });
  const byDaysBody = (extra: Record<string, unknown> = {}) => ({
    accommodationId: hotelId,
    code: `CREBD-${uniqueSuffix()}`,
    name: { en: 'Crete, your own dates' },
    mode: 'by_days',
    seasons: [
      {
        name: 'August',
        startDate: '2030-08-01',
        endDate: '2030-08-31',
        minStay: 7,
        arrivalWeekdays: [6],
      },
      { name: 'July', startDate: '2030-07-01', endDate: '2030-07-31', minStay: 3, maxStay: 14 },
    ],
    ...extra,
  });

  it('creates a fixed-departure tour with its departures, reads it back and audits it', async () => {
    const created = await asAgent('POST', '/api/v1/tours', fixedBody());
    expect(created.statusCode).toBe(201);
    const tour = created.json();
    expect(tour).toMatchObject({
      mode: 'fixed_departures',
      accommodationId: hotelId,
      transportId: null,
      boardType: 'HB',
      name: { en: 'Crete for a week', cs: 'Kréta na týden' },
      seasons: [],
      archived: false,
    });
    expect(
      tour.departures.map((d: { startDate: string; status: string }) => [d.startDate, d.status]),
    ).toEqual([
      ['2030-07-06', 'closed'],
      ['2030-07-13', 'open'],
    ]);
    expect((await asAgent('GET', `/api/v1/tours/${tour.id}`)).json()).toEqual(tour);
    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityId', '=', tour.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'catalog.tour.created',
        after: expect.objectContaining({ code: tour.code }),
      }),
    ]);
  });

  it('creates a by-days tour with its seasons in date order, all weekdays by default', async () => {
    const created = await asAgent('POST', '/api/v1/tours', byDaysBody());
    expect(created.statusCode).toBe(201);
    expect(created.json().departures).toEqual([]);
    expect(created.json().seasons).toEqual([
      expect.objectContaining({
        name: 'July',
        minStay: 3,
        maxStay: 14,
        arrivalWeekdays: [1, 2, 3, 4, 5, 6, 7],
      }),
      expect.objectContaining({ name: 'August', minStay: 7, maxStay: null, arrivalWeekdays: [6] }),
    ]);
  });

  it('names the field of an invalid season: end before start, overlap, maximum below minimum', async () => {
    const endBefore = await asAgent(
      'POST',
      '/api/v1/tours',
      byDaysBody({
        seasons: [makeSeason({ startDate: '2030-07-10', endDate: '2030-07-01' })],
      }),
    );
    expect(endBefore.statusCode).toBe(400);
    expect(endBefore.headers['content-type']).toContain('application/problem+json');
    expect(endBefore.json().errors[0].path).toBe('/seasons/0/endDate');

    const overlap = await asAgent(
      'POST',
      '/api/v1/tours',
      byDaysBody({
        seasons: [
          makeSeason({ name: 'July' }),
          makeSeason({ name: 'Late July', startDate: '2030-07-31', endDate: '2030-08-10' }),
        ],
      }),
    );
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors).toEqual([
      expect.objectContaining({ path: '/seasons/1/startDate' }),
    ]);

    const maxBelowMin = await asAgent(
      'POST',
      '/api/v1/tours',
      byDaysBody({ seasons: [makeSeason({ minStay: 7, maxStay: 5 })] }),
    );
    expect(maxBelowMin.json().errors[0].path).toBe('/seasons/0/maxStay');
    const badWeekday = await asAgent(
      'POST',
      '/api/v1/tours',
      byDaysBody({ seasons: [makeSeason({ arrivalWeekdays: [0] })] }),
    );
    expect(badWeekday.json().errors[0].path).toBe('/seasons/0/arrivalWeekdays/0');
  });

  it('refuses seasons on a fixed-departure tour and departures on a by-days tour', async () => {
    const fixedWithSeasons = await asAgent(
      'POST',
      '/api/v1/tours',
      fixedBody({ seasons: [makeSeason()] }),
    );
    expect(fixedWithSeasons.statusCode).toBe(400);
    expect(fixedWithSeasons.json().errors[0].path).toBe('/seasons');
    const byDaysWithDepartures = await asAgent(
      'POST',
      '/api/v1/tours',
      byDaysBody({ departures: [{ startDate: '2030-07-06', nights: 7 }] }),
    );
    expect(byDaysWithDepartures.statusCode).toBe(400);
    expect(byDaysWithDepartures.json().errors[0].path).toBe('/departures');
  });

  it("refuses another agency's accommodation, transport and transport departure with 400", async () => {
    const theirHotel = await makeAccommodation(bed.other);
    const theirBus = await insertBusDeparture(bed.other.ctx, '2030-07-06');
    const accommodation = await asAgent(
      'POST',
      '/api/v1/tours',
      fixedBody({ accommodationId: theirHotel.id }),
    );
    expect(accommodation.statusCode).toBe(400);
    expect(accommodation.json().errors[0]).toEqual({
      path: '/accommodationId',
      message: 'is not an accommodation of this agency',
    });
    const transport = await asAgent(
      'POST',
      '/api/v1/tours',
      fixedBody({ transportId: theirBus.transportId }),
    );
    expect(transport.json().errors[0].path).toBe('/transportId');
    const departure = await asAgent(
      'POST',
      '/api/v1/tours',
      fixedBody({
        departures: [
          { startDate: '2030-07-06', nights: 7, transportDepartureId: theirBus.departureId },
        ],
      }),
    );
    expect(departure.statusCode).toBe(400);
    expect(departure.json().errors[0].path).toBe('/departures/0/transportDepartureId');
  });

  it('refuses a board type the accommodation does not offer', async () => {
    // makeAccommodation offers BB and HB.
    const response = await asAgent('POST', '/api/v1/tours', fixedBody({ boardType: 'AI' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/boardType');
  });

  it('answers a tour code already used in the agency with 409', async () => {
    const first = await asAgent('POST', '/api/v1/tours', fixedBody({ code: 'DUP-1' }));
    expect(first.statusCode).toBe(201);
    const second = await asAgent('POST', '/api/v1/tours', byDaysBody({ code: 'DUP-1' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('DUP-1');
    const elsewhere = await call(
      bed.otherCookie,
      'POST',
      '/api/v1/tours',
      fixedBody({ code: 'DUP-1', accommodationId: (await makeAccommodation(bed.other)).id }),
    );
    expect(elsewhere.statusCode).toBe(201);
  });

  it('lists newest first with filters by mode, accommodation, country and name, and pages', async () => {
    const { agency: local, cookie } = await bed.newAgency();
    const greek = await makeAccommodation(local, { country: 'GR' });
    const croatian = await makeAccommodation(local, { country: 'HR', city: 'Split' });
    const a = await makeTour(local, { accommodationId: greek.id, name: { cs: 'Kréta s dětmi' } });
    const b = await makeTour(local, { accommodationId: croatian.id, mode: 'by_days' });
    const c = await makeTour(local, { accommodationId: greek.id, mode: 'by_days' });
    const ids = (query: string) => bed.listedIds(cookie, `/api/v1/tours${query}`);

    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?mode=by_days')).toEqual([c.id, b.id]);
    expect(await ids(`?accommodationId=${croatian.id}`)).toEqual([b.id]);
    expect(await ids('?country=GR')).toEqual([c.id, a.id]);
    expect(await ids('?q=d%C4%9Btmi')).toEqual([a.id]);
    expect(await ids(`?q=${encodeURIComponent(b.code.toLowerCase())}`)).toEqual([b.id]);

    const page1 = (await call(cookie, 'GET', '/api/v1/tours?limit=2')).json();
    expect(page1.items.map((t: { id: string }) => t.id)).toEqual([c.id, b.id]);
    expect(page1.items[1].seasons).toHaveLength(1);
    const page2 = (
      await call(cookie, 'GET', `/api/v1/tours?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
  });

  it('patches a tour, but not its mode once it has departures', async () => {
    const tour = await makeTour(bed.agency, { accommodationId: hotelId });
    const patched = await asAgent('PATCH', `/api/v1/tours/${tour.id}`, {
      name: { en: 'Crete, seven nights' },
      boardType: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: { en: 'Crete, seven nights' },
      boardType: null,
      code: tour.code,
    });
    expect(patched.json().departures).toHaveLength(2);
    const mode = await asAgent('PATCH', `/api/v1/tours/${tour.id}`, { mode: 'by_days' });
    expect(mode.statusCode).toBe(409);
    expect(mode.json().errors[0].path).toBe('/mode');
    const audit = await bed.auditedChange(tour.id, 'catalog.tour.updated');
    expect(audit.before).toMatchObject({ boardType: 'HB' });
    expect(audit.after).toMatchObject({ boardType: null });
  });

  it('archives a tour out of the default list and restores it', async () => {
    const { agency: local, cookie } = await bed.newAgency();
    const tour = await makeTour(local);
    await bed.expectArchiveAndRestore(cookie, '/api/v1/tours', tour.id);
    expect(await bed.auditedActions(tour.id)).toEqual([
      'catalog.tour.created',
      'catalog.tour.archived',
      'catalog.tour.restored',
    ]);
  });

  it('adds departures one at a time, in a batch, or as a series, and refuses a repeat with 409', async () => {
    const tour = await makeTour(bed.agency, { accommodationId: hotelId, departures: [] });
    const url = `/api/v1/tours/${tour.id}/departures`;
    const bus = await insertBusDeparture(bed.agency.ctx, '2030-06-01');

    const one = await asAgent('POST', url, {
      startDate: '2030-06-01',
      nights: 10,
      transportDepartureId: bus.departureId,
    });
    expect(one.statusCode).toBe(201);
    expect(one.json().departures).toEqual([
      expect.objectContaining({
        startDate: '2030-06-01',
        nights: 10,
        status: 'open',
        transportDepartureId: bus.departureId,
        tourId: tour.id,
      }),
    ]);

    const batch = await asAgent('POST', url, {
      departures: [
        { startDate: '2030-06-11', nights: 7 },
        { startDate: '2030-06-11', nights: 14 },
      ],
    });
    expect(batch.json().departures.map((d: { nights: number }) => d.nights)).toEqual([7, 14]);

    const series = await asAgent('POST', url, {
      series: { firstStart: '2030-09-07', every: 7, count: 3, nights: 7 },
    });
    expect(series.statusCode).toBe(201);
    expect(series.json().departures.map((d: { startDate: string }) => d.startDate)).toEqual([
      '2030-09-07',
      '2030-09-14',
      '2030-09-21',
    ]);

    const repeat = await asAgent('POST', url, { startDate: '2030-09-14', nights: 7 });
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json().errors[0].path).toBe('/startDate');
    const both = await asAgent('POST', url, {
      startDate: '2030-10-01',
      nights: 7,
      departures: [{ startDate: '2030-10-08', nights: 7 }],
    });
    expect(both.statusCode).toBe(400);
    const missingNights = await asAgent('POST', url, { startDate: '2030-10-01' });
    expect(missingNights.json().errors[0].path).toBe('/nights');

    const all = (await asAgent('GET', `/api/v1/tours/${tour.id}`)).json().departures;
    expect(all).toHaveLength(6);
    const audited = await database()
      .db.selectFrom('auditLog')
      .select('entityId')
      .where('action', '=', 'catalog.tour_departure.created')
      .where(
        'entityId',
        'in',
        all.map((d: { id: string }) => d.id),
      )
      .execute();
    expect(audited).toHaveLength(6);

    const byDays = await makeTour(bed.agency, { accommodationId: hotelId, mode: 'by_days' });
    const wrongMode = await asAgent('POST', `/api/v1/tours/${byDays.id}/departures`, {
      startDate: '2030-07-06',
      nights: 7,
    });
    expect(wrongMode.statusCode).toBe(409);
  });

  it("changes a departure's status, nights and transport, refusing another agency's transport", async () => {
    const tour = await makeTour(bed.agency, { accommodationId: hotelId });
    const departure = tour.departures[0] as { id: string };
    const bus = await insertBusDeparture(bed.agency.ctx, '2030-07-06');
    const theirs = await insertBusDeparture(bed.other.ctx, '2030-07-06');

    const patched = await asAgent('PATCH', `/api/v1/tour-departures/${departure.id}`, {
      status: 'closed',
      nights: 8,
      transportDepartureId: bus.departureId,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      status: 'closed',
      nights: 8,
      transportDepartureId: bus.departureId,
    });
    expect((await asAgent('GET', `/api/v1/tour-departures/${departure.id}`)).json()).toEqual(
      patched.json(),
    );

    const foreign = await asAgent('PATCH', `/api/v1/tour-departures/${departure.id}`, {
      returnTransportDepartureId: theirs.departureId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('/returnTransportDepartureId');
    const cleared = await asAgent('PATCH', `/api/v1/tour-departures/${departure.id}`, {
      transportDepartureId: null,
    });
    expect(cleared.json().transportDepartureId).toBeNull();
  });

  it('adds and edits seasons without overlap, and never deletes one', async () => {
    const tour = await makeTour(bed.agency, { accommodationId: hotelId, mode: 'by_days' });
    const july = tour.seasons[0] as { id: string };
    const added = await asAgent('POST', `/api/v1/tours/${tour.id}/seasons`, {
      name: 'August',
      startDate: '2030-08-01',
      endDate: '2030-08-31',
      minStay: 7,
      arrivalWeekdays: [6, 3],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ tourId: tour.id, arrivalWeekdays: [3, 6], maxStay: null });

    const overlapping = await asAgent('POST', `/api/v1/tours/${tour.id}/seasons`, {
      name: 'Mid-summer',
      startDate: '2030-07-20',
      endDate: '2030-08-05',
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().errors[0].path).toBe('/startDate');

    const stretched = await asAgent('PATCH', `/api/v1/tour-seasons/${july.id}`, {
      endDate: '2030-08-02',
    });
    expect(stretched.statusCode).toBe(400);
    const edited = await asAgent('PATCH', `/api/v1/tour-seasons/${july.id}`, {
      minStay: 5,
      maxStay: null,
    });
    expect(edited.json()).toMatchObject({ minStay: 5, maxStay: null, endDate: '2030-07-31' });
    const inverted = await asAgent('PATCH', `/api/v1/tour-seasons/${july.id}`, {
      startDate: '2030-08-15',
    });
    expect(inverted.json().errors.map((e: { path: string }) => e.path)).toContain('/endDate');

    const deleted = await asAgent('DELETE', `/api/v1/tour-seasons/${july.id}`);
    expect(deleted.statusCode).toBe(404);
    expect((await asAgent('GET', `/api/v1/tour-seasons/${july.id}`)).statusCode).toBe(200);

    const fixed = await makeTour(bed.agency, { accommodationId: hotelId });
    const wrongMode = await asAgent('POST', `/api/v1/tours/${fixed.id}/seasons`, makeSeason());
    expect(wrongMode.statusCode).toBe(409);
    expect(await bed.auditedActions(july.id)).toEqual(['catalog.tour_season.updated']);
  });

  it('checks a stay: accepted with its nights, too short is a 400 naming /checkOut', async () => {
    // July: any weekday, 3–14 nights.
    const tour = await makeTour(bed.agency, { accommodationId: hotelId, mode: 'by_days' });
    const url = `/api/v1/tours/${tour.id}/check-stay`;
    const ok = await asAgent('POST', url, { checkIn: '2030-07-10', checkOut: '2030-07-17' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      ok: true,
      nights: 7,
      seasonId: tour.seasons[0]?.id,
      departureId: null,
    });
    const short = await asAgent('POST', url, { checkIn: '2030-07-10', checkOut: '2030-07-12' });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json().errors).toEqual([
      {
        path: '/checkOut',
        message: 'stay of 2 nights is shorter than the minimum of 3 for arrivals on 2030-07-10',
      },
    ]);
    const outside = await asAgent('POST', url, { checkIn: '2030-06-28', checkOut: '2030-07-05' });
    expect(outside.json().errors[0].path).toBe('/checkIn');

    const fixed = await makeTour(bed.agency, { accommodationId: hotelId });
    const fixedUrl = `/api/v1/tours/${fixed.id}/check-stay`;
    const departure = await asAgent('POST', fixedUrl, {
      checkIn: '2030-07-06',
      checkOut: '2030-07-13',
    });
    expect(departure.json()).toMatchObject({
      ok: true,
      nights: 7,
      departureId: expect.any(String),
    });
    const noDeparture = await asAgent('POST', fixedUrl, {
      checkIn: '2030-07-07',
      checkOut: '2030-07-14',
    });
    expect(noDeparture.statusCode).toBe(400);
    expect(noDeparture.json().errors[0].path).toBe('/checkIn');
    const wrongLength = await asAgent('POST', fixedUrl, {
      checkIn: '2030-07-06',
      checkOut: '2030-07-10',
    });
    expect(wrongLength.json().errors[0].path).toBe('/checkOut');
  });

  it("answers 404 for another agency's tour, departure and season, and changes nothing", async () => {
    const fixed = await makeTour(bed.other, { name: { en: 'Theirs' } });
    const byDays = await makeTour(bed.other, { mode: 'by_days' });
    const departureId = fixed.departures[0]?.id as string;
    const seasonId = byDays.seasons[0]?.id as string;
    const probes: ApiRequest[] = [
      ['GET', `/api/v1/tours/${fixed.id}`],
      ['PATCH', `/api/v1/tours/${fixed.id}`, { name: { en: 'Hijacked' } }],
      ['POST', `/api/v1/tours/${fixed.id}/archive`],
      ['POST', `/api/v1/tours/${fixed.id}/restore`],
      ['POST', `/api/v1/tours/${fixed.id}/departures`, { startDate: '2030-12-01', nights: 7 }],
      [
        'POST',
        `/api/v1/tours/${byDays.id}/seasons`,
        makeSeason({ startDate: '2031-01-01', endDate: '2031-01-31' }),
      ],
      [
        'POST',
        `/api/v1/tours/${byDays.id}/check-stay`,
        { checkIn: '2030-07-10', checkOut: '2030-07-17' },
      ],
      ['GET', `/api/v1/tour-departures/${departureId}`],
      ['PATCH', `/api/v1/tour-departures/${departureId}`, { status: 'cancelled' }],
      ['GET', `/api/v1/tour-seasons/${seasonId}`],
      ['PATCH', `/api/v1/tour-seasons/${seasonId}`, { minStay: 1 }],
    ];
    await bed.expectEachAnswers(bed.agentCookie, probes, { status: 404 });
    const still = (await call(bed.otherCookie, 'GET', `/api/v1/tours/${fixed.id}`)).json();
    expect(still).toMatchObject({ name: { en: 'Theirs' }, archived: false });
    expect(still.departures.map((d: { status: string }) => d.status)).toEqual(['open', 'open']);
    const season = (await call(bed.otherCookie, 'GET', `/api/v1/tour-seasons/${seasonId}`)).json();
    expect(season.minStay).toBe(3);
    expect(
      (await call(bed.otherCookie, 'GET', `/api/v1/tours/${byDays.id}`)).json().seasons,
    ).toHaveLength(1);
  });

  it('never answers arbitrary input to the tour endpoints with a 5xx', async () => {
    const tour = await makeTour(bed.agency, { accommodationId: hotelId });
    const byDays = await makeTour(bed.agency, { accommodationId: hotelId, mode: 'by_days' });
    const targets = [
      { method: 'POST' as const, url: '/api/v1/tours' },
      { method: 'PATCH' as const, url: `/api/v1/tours/${tour.id}` },
      { method: 'POST' as const, url: `/api/v1/tours/${tour.id}/departures` },
      { method: 'POST' as const, url: `/api/v1/tours/${byDays.id}/seasons` },
      { method: 'PATCH' as const, url: `/api/v1/tour-seasons/${byDays.seasons[0]?.id}` },
      { method: 'POST' as const, url: `/api/v1/tours/${byDays.id}/check-stay` },
    ];
    const date = fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const value = fc.oneof(
      date,
      fc.string(),
      fc.integer({ min: -5, max: 100_000 }),
      fc.constant(null),
      fc.array(fc.integer({ min: -1, max: 9 }), { maxLength: 8 }),
      fc.record({
        firstStart: date,
        every: fc.integer(),
        count: fc.integer(),
        nights: fc.integer(),
      }),
    );
    const body = fc.dictionary(
      fc.constantFrom(
        'accommodationId',
        'code',
        'mode',
        'startDate',
        'endDate',
        'nights',
        'minStay',
        'maxStay',
        'arrivalWeekdays',
        'series',
        'checkIn',
        'checkOut',
        'boardType',
        'name',
      ),
      value,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, payload) => {
        const response = await asAgent(target.method, target.url, payload);
        expect(response.statusCode, response.body).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
    const search = fc.record({
      from: date,
      to: date,
      adults: fc.integer({ min: -1, max: 60 }),
      childAges: fc.string(),
    });
    await fc.assert(
      fc.asyncProperty(search, async (query) => {
        const response = await asAgent(
          'GET',
          `/api/v1/search?${new URLSearchParams(
            Object.entries(query).map(([k, v]) => [k, String(v)]),
          )}`,
        );
        expect(response.statusCode, response.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('lets an accountant read tours but not write them (403)', async () => {
    const tour = await makeTour(bed.agency, { accommodationId: hotelId });
    expect((await call(bed.accountantCookie, 'GET', `/api/v1/tours/${tour.id}`)).statusCode).toBe(
      200,
    );
    await bed.expectEachAnswers(
      bed.accountantCookie,
      [
        ['POST', '/api/v1/tours', fixedBody()],
        ['POST', `/api/v1/tours/${tour.id}/archive`],
        ['PATCH', `/api/v1/tour-departures/${tour.departures[0]?.id}`, { status: 'cancelled' }],
      ],
      { status: 403 },
    );
    const after = (await asAgent('GET', `/api/v1/tours/${tour.id}`)).json();
    expect(after.archived).toBe(false);
    expect(after.departures[0].status).toBe('open');
  });
});
