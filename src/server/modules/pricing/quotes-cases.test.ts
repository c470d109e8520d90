// Pricing cases reproduced through the quote API, each total computed by hand: a stay over a
// season change with half board and ski passes, an infant, and tickets for a toddler and a
// family buying one, getting one.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeSeason,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { makeAttraction, makeExtraService } from '../../../../tests/helpers/transport-factories.ts';
import { setCapacity } from '../inventory/service.ts';
import { createPriceList } from './price-lists-service.ts';
import { createPriceRule } from './price-rules-service.ts';

type Line = {
  kind: string;
  travellers: number[];
  unitPrice: number;
  quantity: number;
  amount: number;
  period: string | null;
  label: string;
  productId: string;
};

const periods = [
  { code: 'june', name: 'June', from: '2030-06-01', to: '2030-06-30' },
  { code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' },
];
const bands = [
  { code: 'infant', minAge: 0, maxAge: 2, needsBed: false },
  { code: 'child', minAge: 2, maxAge: 12, needsBed: true },
];

describeEachDatabase('quote cases', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let cookie: string;
  const quote = (body: object) =>
    app.inject({ method: 'POST', url: '/api/v1/quotes', headers: { cookie }, payload: body });

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database());
    cookie = (await signIn(app, agency.adminEmail)).cookie;
  });
  afterAll(async () => {
    await app.close();
  });

  it('a stay over a season change: each night, and each night of half board, at its own season; 2 ski passes each; the infant on 0 lines', async () => {
    const hotel = await makeAccommodation(agency);
    const double = hotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
    const tour = await makeTour(agency, {
      accommodationId: hotel.id,
      mode: 'by_days',
      seasons: [makeSeason({ name: 'Summer', startDate: '2030-06-20' })],
    });
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'room', {
      from: '2030-06-20',
      to: '2030-07-31',
      kind: 'allotment',
      units: 3,
    });
    const list = (productKind: string, productId: string, rows: object[]) =>
      createPriceList(agency.ctx, {
        name: `${productKind} 2030`,
        productKind,
        productId,
        currency: 'EUR',
        periods,
        childBands: bands,
        rows,
      } as Parameters<typeof createPriceList>[1]);
    const perPerson = (period: string, amount: number, basis = 'night') => ({
      period,
      charge: 'person',
      basis,
      amount,
    });
    await list('tour', tour.id, [perPerson('june', 100_00), perPerson('july', 120_00)]);
    const halfBoard = await makeExtraService(agency, {
      kind: 'board',
      name: { en: 'Half board' },
      unit: 'per_person_per_night',
    });
    await list('extra_service', halfBoard.id, [perPerson('june', 20_00), perPerson('july', 30_00)]);
    const skiPass = await makeExtraService(agency, {
      kind: 'local_service',
      name: { en: 'Ski pass' },
      unit: 'per_person',
    });
    await list('extra_service', skiPass.id, [
      perPerson('june', 50_00, 'stay'),
      perPerson('july', 50_00, 'stay'),
    ]);

    const response = await quote({
      productId: tour.id,
      from: '2030-06-28',
      to: '2030-07-03',
      party: { adults: 2, childAges: [1] },
      rooms: [{ roomTypeId: double, adults: 2, childAges: [1] }],
      extras: [{ serviceId: halfBoard.id }, { serviceId: skiPass.id, quantity: 2 }],
      channel: 'web',
    });
    expect(response.statusCode, response.body).toBe(201);
    const made = response.json();
    const lines: Line[] = made.lines;
    // Nights 28, 29, 30 June (100,00) and 1, 2 July (120,00), two adults: 2 × 540,00.
    const stay = 2 * (3 * 100_00 + 2 * 120_00);
    // Half board the same nights: 20,00 in June, 30,00 in July, two adults: 2 × 120,00.
    const board = 2 * (3 * 20_00 + 2 * 30_00);
    // Two ski passes each for two adults: 4 × 50,00.
    const ski = 2 * 2 * 50_00;
    expect(made.total).toBe(stay + board + ski);
    const of = (productId: string) =>
      lines
        .filter((l) => l.productId === productId)
        .map((l) => [l.period, l.travellers, l.unitPrice, l.quantity, l.amount]);
    expect(of(halfBoard.id)).toEqual([
      ['june', [0, 1], 20_00, 6, 120_00],
      ['june', [2], 0, 3, 0],
      ['july', [0, 1], 30_00, 4, 120_00],
      ['july', [2], 0, 2, 0],
    ]);
    expect(of(skiPass.id)).toEqual([
      ['june', [0, 1], 50_00, 4, 200_00],
      ['june', [2], 0, 2, 0],
    ]);
    // The infant (traveller 2) pays nothing and still has a line of the stay.
    const infantStay = lines.filter((l) => l.productId === tour.id && l.travellers.join() === '2');
    expect(infantStay.map((l) => l.amount)).toEqual([0, 0]);
    expect(infantStay.every((l) => l.label.includes('free'))).toBe(true);
  });

  it('tickets: a 1-year-old needs no ticket (a 0 line, not an adult ticket); buy one get one frees the cheapest', async () => {
    const attraction = await makeAttraction(
      agency,
      {
        ticketTypes: [
          { category: 'adult', name: { en: 'Adult' } },
          { category: 'child', name: { en: 'Child' }, minAge: 3, maxAge: 14 },
        ],
      },
      { from: '2030-07-01', to: '2030-07-31', units: 50 },
    );
    const [adult, child] = attraction.ticketTypes.map((t: { id: string }) => t.id) as [
      string,
      string,
    ];
    await createPriceList(agency.ctx, {
      name: 'Knossos 2030',
      productKind: 'attraction',
      productId: attraction.id,
      currency: 'EUR',
      periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
      rows: [
        { period: 'july', charge: 'person', basis: 'stay', ticketTypeId: adult, amount: 20_00 },
        { period: 'july', charge: 'person', basis: 'stay', ticketTypeId: child, amount: 12_00 },
      ],
    } as Parameters<typeof createPriceList>[1]);
    const ask = (childAges: number[]) =>
      quote({
        productId: attraction.id,
        from: '2030-07-06',
        party: { adults: 2, childAges },
        timeSlot: '09:00',
        channel: 'web',
      });

    const toddler = await ask([1, 5]);
    expect(toddler.statusCode, toddler.body).toBe(201);
    // 2 adults × 20,00 + the 5-year-old's child ticket 12,00; the 1-year-old nothing.
    expect(toddler.json().total).toBe(2 * 20_00 + 12_00);
    const free = (toddler.json().lines as Line[]).filter((l) => l.travellers.join() === '2');
    expect(free).toHaveLength(1);
    expect(free[0]).toMatchObject({ kind: 'ticket', amount: 0 });

    await createPriceRule(agency.ctx, {
      name: 'Buy one get one',
      kind: 'bogo',
      productIds: [attraction.id],
      buy: 1,
      get: 1,
      priority: 0,
      stackable: false,
    } as Parameters<typeof createPriceRule>[1]);
    const family = await ask([5]);
    expect(family.statusCode, family.body).toBe(201);
    // 3 tickets, one pair: one free, the cheapest — the child's 12,00, not an adult's 20,00.
    expect(family.json().total).toBe(2 * 20_00 + 12_00 - 12_00);
    const discount = (family.json().lines as Line[]).filter((l) => l.kind === 'discount');
    expect(discount.map((l) => [l.amount, l.travellers])).toEqual([[-12_00, [2]]]);
  });
});
