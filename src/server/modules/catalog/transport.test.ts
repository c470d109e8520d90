import { describe, expect, it } from 'vitest';
import { type ApiRequest, useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeBus,
  makeFlight,
  makeTransport,
} from '../../../../tests/helpers/transport-factories.ts';
import { newId } from '../../db/ids.ts';
import { take } from '../inventory/service.ts';
import { findTransportDeparture } from './lookup.ts';
import { departureProblems, transportProblems } from './transport-rules.ts';

const stop = (name: string, time: string, extra: Record<string, unknown> = {}) => ({
  name,
  time,
  dayOffset: 0,
  ...extra,
});

describe('transport rules', () => {
  it('names the stop whose time goes backwards along the route', () => {
    const problems = transportProblems(
      'bus',
      [{ code: 'STD', name: 'Standard' }],
      [stop('A', '08:00'), stop('B', '09:30'), stop('C', '09:00')],
    );
    expect(problems).toEqual([expect.objectContaining({ path: '/stops/2/time' })]);
  });

  it('lets a route pass midnight with a day offset', () => {
    const problems = transportProblems(
      'train',
      [{ code: '2', name: 'Second' }],
      [stop('Praha', '22:00'), { ...stop('Kraków', '06:10'), dayOffset: 1 }],
    );
    expect(problems).toEqual([]);
  });

  it('wants exactly two stops with IATA codes for a flight, and unique class codes', () => {
    const problems = transportProblems(
      'flight',
      [
        { code: 'Y', name: 'Economy' },
        { code: 'Y', name: 'Economy again' },
      ],
      [stop('Prague', '08:00', { code: 'PRG' }), stop('Vienna', '09:00'), stop('X', '10:00')],
    );
    expect(problems.map((p) => p.path)).toEqual([
      '/classes/1/code',
      '/stops',
      '/stops/1/code',
      '/stops/2/code',
    ]);
  });

  it('refuses seats of a class the transport does not have, and a repeated date', () => {
    const problems = departureProblems(
      [
        { date: '2030-07-01', seats: { Y: 10, XYZ: 3 } },
        { date: '2030-07-01', seats: {} },
      ],
      [{ code: 'Y', name: 'Economy' }],
      '/departures',
    );
    expect(problems.map((p) => p.path)).toEqual(['/departures/0/seats/XYZ', '/departures/1/date']);
  });
});

describeEachDatabase('transport API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAdmin } = bed;

  const flightBody = (code: string, extra: Record<string, unknown> = {}) => ({
    kind: 'flight',
    code,
    name: `Prague – Heraklion ${code}`,
    carrier: 'Smartwings',
    classes: [
      { code: 'Y', name: 'Economy' },
      { code: 'J', name: 'Business' },
    ],
    stops: [
      {
        name: 'Václav Havel Airport',
        code: 'PRG',
        city: 'Prague',
        country: 'CZ',
        time: '06:10',
        dayOffset: 0,
      },
      {
        name: 'Heraklion',
        code: 'HER',
        city: 'Heraklion',
        country: 'GR',
        time: '10:05',
        dayOffset: 0,
      },
    ],
    departures: [
      { date: '2030-07-04', seats: { Y: 150, J: 12 } },
      { date: '2030-07-11', seats: { Y: 150 } },
    ],
    ...extra,
  });

  it('creates a flight with departures whose seats come from the inventory', async () => {
    const created = await asAdmin('POST', '/api/v1/transport', flightBody('QS 1150'));
    expect(created.statusCode, created.body).toBe(201);
    const flight = created.json();
    expect(flight).toMatchObject({
      kind: 'flight',
      code: 'QS 1150',
      carrier: 'Smartwings',
      supplierId: null,
      archived: false,
      archivedAt: null,
    });
    expect(flight.departures).toHaveLength(2);
    expect(flight.departures[0]).toMatchObject({
      date: '2030-07-04',
      status: 'open',
      seats: [
        { classCode: 'Y', capacity: 150, sold: 0, held: 0, available: 150 },
        { classCode: 'J', capacity: 12, sold: 0, held: 0, available: 12 },
      ],
    });
    // J was not given seats on the second date: none to sell.
    expect(flight.departures[1].seats).toEqual([
      { classCode: 'Y', capacity: 150, sold: 0, held: 0, available: 150 },
      { classCode: 'J', capacity: 0, sold: 0, held: 0, available: 0 },
    ]);

    // The seats live only in the inventory, one resource per departure and class.
    const days = await database()
      .db.selectFrom('inventoryDays')
      .innerJoin('inventoryResources', 'inventoryResources.id', 'inventoryDays.resourceId')
      .select([
        'inventoryResources.ownerId',
        'inventoryResources.classCode',
        'inventoryDays.capacity',
      ])
      .where('inventoryResources.agencyId', '=', bed.agency.agencyId)
      .where('inventoryResources.ownerId', '=', flight.departures[0].id)
      .orderBy('inventoryResources.classCode')
      .execute();
    expect(days.map((d) => [d.classCode, d.capacity])).toEqual([
      ['J', 12],
      ['Y', 150],
    ]);

    const fetched = await asAdmin('GET', `/api/v1/transport/${flight.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(flight);

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'actorType'])
      .where('agencyId', '=', bed.agency.agencyId)
      .where('entityId', '=', flight.id)
      .execute();
    expect(audit).toEqual([{ action: 'catalog.transport.created', actorType: 'user' }]);
  });

  it('refuses a second transport of the same kind and code with 409, but not of another kind', async () => {
    expect((await asAdmin('POST', '/api/v1/transport', flightBody('OK 777'))).statusCode).toBe(201);
    const again = await asAdmin(
      'POST',
      '/api/v1/transport',
      flightBody('OK 777', { departures: [] }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('/code');
    const bus = await asAdmin('POST', '/api/v1/transport', {
      kind: 'bus',
      code: 'OK 777',
      name: 'Shuttle',
      classes: [{ code: 'STD', name: 'Standard' }],
      stops: [stop('Hotel', '08:00'), stop('Airport', '08:45')],
    });
    expect(bus.statusCode, bus.body).toBe(201);
  });

  it('answers invalid routes, classes and seats with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        flightBody('V 1', {
          kind: 'train',
          stops: [stop('Praha', '08:00'), stop('Brno', '10:30'), stop('Břeclav', '10:00')],
        }),
        '/stops/2/time',
      ],
      [
        flightBody('V 2', { departures: [{ date: '2030-07-04', seats: { XYZ: 3 } }] }),
        '/departures/0/seats/XYZ',
      ],
      [flightBody('V 3', { stops: [stop('Prague', '06:00', { code: 'PRG' })] }), '/stops'],
      [flightBody('V 4', { classes: [] }), '/classes'],
      [flightBody('V 5', { supplierId: newId() }), '/supplierId'],
      [flightBody('V 6', { departures: [{ date: '2030-02-30' }] }), '/departures/0/date'],
      [flightBody('V 7', { unknown: 1 }), '/unknown'],
      [
        flightBody('V 8', { stops: [stop('Prague', '6:00'), stop('Vienna', '07:00')] }),
        '/stops/0/time',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await asAdmin('POST', '/api/v1/transport', body);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path, response.body).toBe(path);
    }
    const stored = await database()
      .db.selectFrom('transports')
      .select('code')
      .where('agencyId', '=', bed.agency.agencyId)
      .where('code', 'like', 'V %')
      .execute();
    expect(stored).toEqual([]);
  });

  it('lists newest first with kind, from, to, date and text filters, page by page', async () => {
    const { agency: lister, cookie: listCookie } = await bed.newAgency();
    const bus = await makeBus(lister, {
      code: 'B1',
      departures: [{ date: '2030-08-01', seats: { STD: 40 } }],
    });
    const flight = await makeFlight(lister, { code: 'OK 1' });
    const train = await makeTransport(lister, {
      kind: 'train',
      code: 'EC 171',
      carrier: 'České dráhy',
      classes: [
        { code: '1', name: 'First' },
        { code: '2', name: 'Second' },
      ],
      stops: [
        { name: 'Praha hl.n.', city: 'Praha', time: '07:00', dayOffset: 0 },
        { name: 'Brno hl.n.', city: 'Brno', time: '09:30', dayOffset: 0 },
        { name: 'Wien Hbf', city: 'Wien', code: 'WIEN', time: '11:00', dayOffset: 0 },
      ],
      departures: [{ date: '2030-08-01', seats: { '1': 20, '2': 200 } }],
    });
    const ids = async (query: string) => {
      const response = await call(listCookie, 'GET', `/api/v1/transport?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((t: { id: string }) => t.id);
    };
    expect(await ids('')).toEqual([train.id, flight.id, bus.id]);
    expect(await ids('kind=train')).toEqual([train.id]);
    expect(await ids('from=brno')).toEqual([train.id, bus.id]);
    expect(await ids('to=brno')).toEqual([train.id]); // the bus starts in Brno
    expect(await ids('from=wien')).toEqual([]); // the last stop: nothing leaves from there
    expect(await ids('from=brno&to=praha')).toEqual([bus.id]); // the train goes the other way
    expect(await ids('from=praha&to=wien')).toEqual([train.id]);
    expect(await ids('to=HER')).toEqual([flight.id]);
    expect(await ids('date=2030-08-01')).toEqual([train.id, bus.id]);
    expect(await ids('q=dráhy')).toEqual([train.id]);

    const first = await call(listCookie, 'GET', '/api/v1/transport?limit=2');
    expect(first.json().items.map((t: { id: string }) => t.id)).toEqual([train.id, flight.id]);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await call(listCookie, 'GET', `/api/v1/transport?limit=2&cursor=${cursor}`);
    expect(second.json()).toMatchObject({ items: [{ id: bus.id }], nextCursor: null });
    expect(second.json().items[0].departures[0].seats).toEqual([
      { classCode: 'STD', capacity: 40, sold: 0, held: 0, available: 40 },
    ]);

    const bad = await call(listCookie, 'GET', '/api/v1/transport?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/cursor');
  });

  it('changes a transport with PATCH, checking the route as a whole', async () => {
    const flight = await makeFlight(bed.agency, { code: 'P 1' });
    const patched = await asAdmin('PATCH', `/api/v1/transport/${flight.id}`, {
      name: 'Renamed',
      carrier: null,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Renamed', carrier: null, code: 'P 1' });
    expect(patched.json().departures).toHaveLength(flight.departures.length);

    const toTrain = await asAdmin('PATCH', `/api/v1/transport/${flight.id}`, {
      kind: 'train',
      stops: [stop('Praha', '08:00'), stop('Brno', '10:00'), stop('Wien', '09:00')],
    });
    expect(toTrain.statusCode).toBe(400);
    expect(toTrain.json().errors[0].path).toBe('/stops/2/time');

    const dropJ = await asAdmin('PATCH', `/api/v1/transport/${flight.id}`, {
      classes: [{ code: 'Y', name: 'Economy' }],
    });
    expect(dropJ.statusCode).toBe(409);
    expect(dropJ.json().errors[0].path).toBe('/classes');

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'before', 'after'])
      .where('entityId', '=', flight.id)
      .where('action', '=', 'catalog.transport.updated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ name: flight.name, carrier: 'Smartwings' });
    expect(audit[0]?.after).toMatchObject({ name: 'Renamed', carrier: null });
  });

  it('archives and restores, hiding archived transport from the default list', async () => {
    const { agency: lister, cookie: listCookie } = await bed.newAgency();
    const flight = await makeFlight(lister, { code: 'A 1' });
    const { archived } = await bed.expectArchiveAndRestore(
      listCookie,
      '/api/v1/transport',
      flight.id,
      {
        async whileArchived() {
          expect(await bed.listedIds(listCookie, '/api/v1/transport?archived=all')).toEqual([
            flight.id,
          ]);
          const addToArchived = await call(
            listCookie,
            'POST',
            `/api/v1/transport/${flight.id}/departures`,
            { departures: [{ date: '2030-09-01' }] },
          );
          expect(addToArchived.statusCode).toBe(409);
        },
      },
    );
    expect(archived.statusCode).toBe(200);
    expect(await bed.listedIds(listCookie, '/api/v1/transport')).toEqual([flight.id]);
    expect(await bed.auditedActions(flight.id)).toEqual([
      'catalog.transport.created',
      'catalog.transport.archived',
      'catalog.transport.restored',
    ]);
  });

  it('adds departures in a batch, refusing a date it already departs on with 409', async () => {
    const bus = await makeBus(bed.agency, {
      code: 'D 1',
      departures: [{ date: '2030-06-01', seats: { STD: 50 } }],
    });
    const added = await asAdmin('POST', `/api/v1/transport/${bus.id}/departures`, {
      departures: [
        { date: '2030-06-02', seats: { STD: 45 } },
        { date: '2030-06-03', seats: { STD: 30 } },
      ],
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(
      added
        .json()
        .departures.map((d: { date: string; seats: { capacity: number }[] }) => [
          d.date,
          d.seats[0]?.capacity,
        ]),
    ).toEqual([
      ['2030-06-02', 45],
      ['2030-06-03', 30],
    ]);

    const duplicate = await asAdmin('POST', `/api/v1/transport/${bus.id}/departures`, {
      departures: [{ date: '2030-06-04' }, { date: '2030-06-01' }],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].path).toBe('/departures/1/date');
    const dates = (await asAdmin('GET', `/api/v1/transport/${bus.id}`))
      .json()
      .departures.map((d: { date: string }) => d.date);
    expect(dates).toEqual(['2030-06-01', '2030-06-02', '2030-06-03']);
  });

  it('changes seats through the inventory and refuses fewer than are sold', async () => {
    const flight = await makeFlight(bed.agency, { code: 'S 1' });
    const departure = flight.departures[0];
    if (!departure) throw new Error('the factory made no departure');
    await take(bed.agency.ctx, {
      components: [{ type: 'seats', departureId: departure.id, classCode: 'Y', quantity: 5 }],
    });

    const shown = await asAdmin('GET', `/api/v1/transport-departures/${departure.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().seats[0]).toEqual({
      classCode: 'Y',
      capacity: 150,
      sold: 5,
      held: 0,
      available: 145,
    });

    const raised = await asAdmin('PATCH', `/api/v1/transport-departures/${departure.id}`, {
      seats: { Y: 160, J: 0 },
      status: 'closed',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({
      status: 'closed',
      seats: [
        { classCode: 'Y', capacity: 160, sold: 5, held: 0, available: 155 },
        { classCode: 'J', capacity: 0, sold: 0, held: 0, available: 0 },
      ],
    });

    const below = await asAdmin('PATCH', `/api/v1/transport-departures/${departure.id}`, {
      seats: { Y: 4 },
      status: 'open',
    });
    expect(below.statusCode).toBe(409);
    expect(below.json().errors[0].path).toBe('/seats/Y');
    const after = (await asAdmin('GET', `/api/v1/transport-departures/${departure.id}`)).json();
    expect(after.status).toBe('closed'); // the whole change rolled back
    expect(after.seats[0].capacity).toBe(160);

    const unknownClass = await asAdmin('PATCH', `/api/v1/transport-departures/${departure.id}`, {
      seats: { F: 4 },
    });
    expect(unknownClass.statusCode).toBe(400);
    expect(unknownClass.json().errors[0].path).toBe('/seats/F');

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['before', 'after'])
      .where('entityId', '=', departure.id)
      .where('action', '=', 'catalog.transport_departure.updated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ status: 'open' });
    expect(audit[0]?.after).toMatchObject({ status: 'closed' });

    expect(await findTransportDeparture(bed.agency.ctx, departure.id)).toEqual({
      id: departure.id,
      transportId: flight.id,
      date: departure.date,
      status: 'closed',
      kind: 'flight',
      classes: flight.classes,
    });
    expect(await findTransportDeparture(bed.other.ctx, departure.id)).toBeUndefined();
  });

  it("answers 404 for another agency's transport and departures, and changes nothing", async () => {
    const flight = await makeFlight(bed.agency, { code: 'T 1' });
    const departureId = flight.departures[0]?.id;
    const probes: ApiRequest[] = [
      ['GET', `/api/v1/transport/${flight.id}`],
      ['PATCH', `/api/v1/transport/${flight.id}`, { name: 'hijacked' }],
      ['POST', `/api/v1/transport/${flight.id}/archive`],
      ['POST', `/api/v1/transport/${flight.id}/restore`],
      [
        'POST',
        `/api/v1/transport/${flight.id}/departures`,
        { departures: [{ date: '2031-01-01' }] },
      ],
      ['GET', `/api/v1/transport-departures/${departureId}`],
      [
        'PATCH',
        `/api/v1/transport-departures/${departureId}`,
        { seats: { Y: 0 }, status: 'cancelled' },
      ],
      ['GET', `/api/v1/transport/${newId()}`],
    ];
    await bed.expectEachAnswers(bed.otherCookie, probes, { status: 404, problemJson: true });
    const unchanged = (await asAdmin('GET', `/api/v1/transport/${flight.id}`)).json();
    expect(unchanged).toEqual(flight);
  });

  it('lets an accountant read but not write', async () => {
    const flight = await makeFlight(bed.agency, { code: 'R 1' });
    expect(
      (await call(bed.accountantCookie, 'GET', `/api/v1/transport/${flight.id}`)).statusCode,
    ).toBe(200);
    const writes: ApiRequest[] = [
      ['POST', '/api/v1/transport', flightBody('R 2')],
      ['PATCH', `/api/v1/transport/${flight.id}`, { name: 'x' }],
      ['POST', `/api/v1/transport/${flight.id}/archive`],
      [
        'POST',
        `/api/v1/transport/${flight.id}/departures`,
        { departures: [{ date: '2031-01-01' }] },
      ],
      ['PATCH', `/api/v1/transport-departures/${flight.departures[0]?.id}`, { status: 'closed' }],
    ];
    await bed.expectEachAnswers(bed.accountantCookie, writes, { status: 403 });
    expect((await asAdmin('GET', `/api/v1/transport/${flight.id}`)).json()).toEqual(flight);
  });
});
