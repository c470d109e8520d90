// What the price list API accepts: the defaults and normal form a list gets, every invalid
// list refused with 400 (problem+json) naming the field by its JSON pointer, nothing stored,
// and what each kind of product is priced by (rooms, classes and stops, ticket types, trip %).
import { expect, it } from 'vitest';
import { useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeTourWithRooms,
  priceChildBands,
  pricePeriods,
  priceRow,
  tourPriceList,
} from '../../../../tests/helpers/price-list-factories.ts';
import {
  makeAttraction,
  makeBus,
  makeExtraService,
} from '../../../../tests/helpers/transport-factories.ts';
import { newId } from '../../db/ids.ts';

describeEachDatabase('price list validation', (database) => {
  const bed = useApiTestBed(database);
  const create = (payload: object) => bed.asAdmin('POST', '/api/v1/price-lists', payload);

  it('fills defaults and keeps percentages as canonical decimal strings', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const created = await create({
      name: '  Minimal  ',
      productKind: 'tour',
      productId: tour.id,
      currency: 'CZK',
      periods: [{ code: 'all', name: 'All year', from: '2030-01-01', to: '2030-12-31' }],
      childBands: [{ code: 'kid', minAge: 3, maxAge: 12 }],
      rows: [
        { period: 'all', charge: 'person', basis: 'night', roomTypeId: double, amount: 150000 },
        {
          period: 'all',
          charge: 'person',
          basis: 'night',
          childBand: 'kid',
          percentOfAdult: '12.50',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Minimal',
      costCurrency: null,
      periods: [{ code: 'all', priority: 0 }],
      childBands: [{ code: 'kid', needsBed: true }],
      rows: [
        priceRow({
          period: 'all',
          charge: 'person',
          basis: 'night',
          roomTypeId: double,
          amount: 150000,
        }),
        priceRow({
          period: 'all',
          charge: 'person',
          basis: 'night',
          childBand: 'kid',
          percentOfAdult: '12.5',
        }),
      ],
      cancellation: [],
      dynamic: null,
    });
  });

  it('answers invalid lists with 400 naming the field, and stores nothing', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const { family: foreignRoom } = await makeTourWithRooms(bed.agency);
    const base = tourPriceList(tour.id, double);
    const rows = (...items: Record<string, unknown>[]) => ({ ...base, rows: items });
    const adult = { period: 'summer', charge: 'person', basis: 'night', amount: 100 };
    const cases: [object, string][] = [
      [{ ...base, productId: newId() }, '/productId'],
      [{ ...base, productKind: 'attraction' }, '/productId'],
      [{ ...base, currency: 'XYZ' }, '/currency'],
      [{ ...base, costCurrency: 'ABC' }, '/costCurrency'],
      [
        { ...base, periods: [pricePeriods[0], { ...pricePeriods[1], from: '2030-09-01' }] },
        '/periods/1/to',
      ],
      [
        { ...base, periods: [pricePeriods[0], { ...pricePeriods[1], priority: 0 }] },
        '/periods/1/from',
      ],
      [
        { ...base, periods: [pricePeriods[0], { ...pricePeriods[1], code: 'summer' }] },
        '/periods/1/code',
      ],
      [
        { ...base, childBands: [{ code: 'x', minAge: 5, maxAge: 5 }], rows: [] },
        '/childBands/0/maxAge',
      ],
      [
        { ...base, childBands: [priceChildBands[1], { code: 'teen', minAge: 10, maxAge: 16 }] },
        '/childBands/1/minAge',
      ],
      [{ ...base, cancellation: [{ daysBefore: 7, percent: '120' }] }, '/cancellation/0/percent'],
      [
        {
          ...base,
          cancellation: [
            { daysBefore: 7, percent: '10' },
            { daysBefore: 7, percent: '20' },
          ],
        },
        '/cancellation/1/daysBefore',
      ],
      [{ ...base, changeFee: { amount: -1, freeDaysBefore: null } }, '/changeFee/amount'],
      [{ ...base, changeFee: { amount: 1.5 } }, '/changeFee/amount'],
      [{ ...base, changeFee: { amount: 100, freeDaysBefore: -1 } }, '/changeFee/freeDaysBefore'],
      [{ ...base, dynamic: { ...base.dynamic, floorPercent: '5' } }, '/dynamic/floorPercent'],
      [{ ...base, dynamic: { ...base.dynamic, ceilingPercent: '-1' } }, '/dynamic/ceilingPercent'],
      [rows({ ...adult, period: 'winter' }), '/rows/0/period'],
      [
        rows(adult, { ...adult, period: 'peak' }, { ...adult, childBand: 'teen' }),
        '/rows/2/childBand',
      ],
      [rows({ ...adult, roomTypeId: foreignRoom }), '/rows/0/roomTypeId'],
      [rows({ ...adult, classCode: 'Y' }), '/rows/0/classCode'],
      [rows({ ...adult, amount: null, percentOfAdult: '50' }), '/rows/0/percentOfAdult'],
      [rows({ ...adult, amount: null, percentOfTrip: '5' }), '/rows/0/percentOfTrip'],
      [rows({ ...adult, childBand: 'child', percentOfAdult: '50' }), '/rows/0/percentOfAdult'],
      [rows({ ...adult, amount: null }), '/rows/0/amount'],
      [rows({ ...adult, amount: -1 }), '/rows/0/amount'],
      [
        rows({ ...adult, percentOfAdult: '12.34567', childBand: 'child' }),
        '/rows/0/percentOfAdult',
      ],
      [{ ...rows({ ...adult, cost: 80 }), costCurrency: null }, '/rows/0/cost'],
      [rows(adult, { ...adult, period: 'peak' }, { ...adult, amount: 120 }), '/rows/2'],
    ];
    for (const [payload, path] of cases) {
      const response = await create(payload);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path, response.body).toBe(path);
    }
    const stored = await database()
      .db.selectFrom('priceLists')
      .select('id')
      .where('productId', '=', tour.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('prices transport by class and stop, tickets by type, insurance by percent of the trip', async () => {
    const bus = await makeBus(bed.agency);
    const attraction = await makeAttraction(bed.agency);
    const [adultTicket] = attraction.ticketTypes.map((t: { id: string }) => t.id);
    const insurance = await makeExtraService(bed.agency, { kind: 'insurance', unit: 'per_person' });
    const year = [{ code: 'y', name: '2030', from: '2030-01-01', to: '2030-12-31' }];
    const make = (productKind: string, productId: string, rows: object[]) =>
      create({ name: productKind, productKind, productId, currency: 'EUR', periods: year, rows });

    const busList = await make('transport', bus.id, [
      {
        period: 'y',
        charge: 'person',
        basis: 'stay',
        classCode: 'STD',
        boardingPoint: 'Brno, Grand Hotel',
        amount: 4500,
      },
      {
        period: 'y',
        charge: 'person',
        basis: 'stay',
        classCode: 'STD',
        boardingPoint: 'Praha, Florenc',
        amount: 3900,
      },
    ]);
    expect(busList.statusCode, busList.body).toBe(201);
    const wrongStop = await make('transport', bus.id, [
      { period: 'y', charge: 'person', basis: 'stay', boardingPoint: 'Vienna', amount: 1 },
    ]);
    expect(wrongStop.json().errors[0].path).toBe('/rows/0/boardingPoint');
    const roomOnBus = await make('transport', bus.id, [
      { period: 'y', charge: 'room', basis: 'night', amount: 1 },
    ]);
    expect(roomOnBus.json().errors[0].path).toBe('/rows/0/charge');

    const foreign = await makeAttraction(bed.agency);
    const tickets = await make('attraction', attraction.id, [
      { period: 'y', charge: 'person', basis: 'stay', ticketTypeId: adultTicket, amount: 1500 },
    ]);
    expect(tickets.statusCode, tickets.body).toBe(201);
    const foreignTicket = await make('attraction', attraction.id, [
      {
        period: 'y',
        charge: 'person',
        basis: 'stay',
        ticketTypeId: foreign.ticketTypes[0]?.id,
        amount: 1,
      },
    ]);
    expect(foreignTicket.json().errors[0].path).toBe('/rows/0/ticketTypeId');

    const insured = await make('extra_service', insurance.id, [
      { period: 'y', charge: 'person', basis: 'stay', percentOfTrip: '3.5' },
    ]);
    expect(insured.statusCode, insured.body).toBe(201);
    expect(insured.json().rows).toEqual([
      priceRow({ period: 'y', charge: 'person', basis: 'stay', percentOfTrip: '3.5' }),
    ]);
  });
});
