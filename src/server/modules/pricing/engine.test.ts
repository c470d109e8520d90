// Table tests of the pricing engine: each case a small request against a hand-computed
// figure, the arithmetic written beside it. Amounts are minor units (CZK haléře: 150_000 is
// 1 500,00 CZK). Dates are in 2027: booked on 15 January, 106 days before 1 May.
import { describe, expect, it } from 'vitest';
import { engineRow } from '../../../../tests/helpers/price-list-factories.ts';
import { Conflict, Invalid } from '../../errors.ts';
import { priceQuote } from './engine.ts';
import type {
  ExtraRequest,
  PricedProduct,
  PricingRequest,
  Quote,
  QuoteLine,
  RecordedRate,
  RoomRequest,
  RoomTypeInfo,
  TransportLeg,
} from './engine-types.ts';
import type {
  ChannelFee,
  ChildBand,
  PriceList,
  PricePeriod,
  PriceRow,
  PriceRule,
  RuleKind,
} from './types.ts';

// ---------------------------------------------------------------------------------------
// The builder: a tour with a double (2 standard beds + 1 extra, 3 adults, 2 children) and a
// single, a CZK price list with seasons low / high and a higher-priority special week.

const TOUR = 'tour-adriatic';
const DBL: RoomTypeInfo = {
  id: 'rt-dbl',
  code: 'DBL',
  name: 'Double',
  maxAdults: 3,
  maxChildren: 2,
  standardBeds: 2,
  extraBeds: 1,
};
const SGL: RoomTypeInfo = {
  id: 'rt-sgl',
  code: 'SGL',
  name: 'Single',
  maxAdults: 1,
  maxChildren: 1,
  standardBeds: 1,
  extraBeds: 0,
};
const tour: PricedProduct = {
  kind: 'tour',
  id: TOUR,
  name: 'Adriatic week',
  roomTypes: [DBL, SGL],
};

const periods: PricePeriod[] = [
  { code: 'low', name: 'Low season', from: '2027-01-01', to: '2027-06-30', priority: 0 },
  { code: 'high', name: 'High season', from: '2027-07-01', to: '2027-08-31', priority: 0 },
  { code: 'special', name: 'Special week', from: '2027-07-10', to: '2027-07-16', priority: 10 },
];
const bands: ChildBand[] = [
  { code: 'INF', minAge: 0, maxAge: 2, needsBed: false },
  { code: 'CHD', minAge: 2, maxAge: 12, needsBed: true },
];

const row = engineRow;

function priceList(rows: PriceRow[], more: Partial<PriceList> = {}): PriceList {
  return {
    id: 'pl-tour-czk',
    name: 'Adriatic 2027',
    productKind: 'tour',
    productId: TOUR,
    currency: 'CZK',
    costCurrency: null,
    customerId: null,
    periods,
    childBands: bands,
    rows,
    cancellation: [],
    dynamic: null,
    ...more,
  };
}

/** Adults pay 1 500,00 (low), 2 000,00 (high) and 2 500,00 (special) CZK a night. */
const adultRows = [
  row('low', 'person', 150_000),
  row('high', 'person', 200_000),
  row('special', 'person', 250_000),
];

function room(roomTypeId: string, adults: number, childAges: number[] = []): RoomRequest {
  return { roomTypeId, adults, childAges };
}

function rateTable(table: Record<string, string>) {
  return (from: string, to: string): RecordedRate | undefined => {
    const rate = table[`${from}>${to}`];
    return rate === undefined ? undefined : { from, to, rate, date: '2027-01-14', source: 'ECB' };
  };
}

/** Two adults in a double, 1–8 May 2027 (7 low nights), booked 15 January, in CZK. */
function request(more: Partial<PricingRequest> = {}): PricingRequest {
  return {
    product: tour,
    start: '2027-05-01',
    end: '2027-05-08',
    party: { adults: 2, childAges: [] },
    rooms: [room('rt-dbl', 2)],
    transport: [],
    extras: [],
    bookingDate: '2027-01-15',
    channel: 'web',
    customerId: null,
    currency: 'CZK',
    baseCurrency: 'CZK',
    promo: null,
    ratePlan: 'flexible',
    priceLists: [priceList(adultRows)],
    rules: [],
    fees: [],
    rate: rateTable({}),
    loadFactor: null,
    ...more,
  };
}

function rule(id: string, kind: RuleKind, more: Partial<PriceRule> = {}): PriceRule {
  return {
    id,
    name: id,
    kind,
    productIds: [],
    bookedFrom: null,
    bookedTo: null,
    travelFrom: null,
    travelTo: null,
    minDaysBefore: null,
    maxDaysBefore: null,
    percent: null,
    amount: null,
    amountPer: null,
    currency: null,
    bundleServiceIds: [],
    bundleTransport: false,
    buy: null,
    get: null,
    priority: 0,
    stackable: false,
    ...more,
  };
}

function serviceList(id: string, rows: PriceRow[], more: Partial<PriceList> = {}): PriceList {
  return priceList(rows, {
    id: `pl-${id}`,
    name: `${id} 2027`,
    productKind: 'extra_service',
    productId: id,
    ...more,
  });
}

const halfBoard: ExtraRequest = {
  service: { id: 'svc-hb', name: 'Half board', kind: 'board', unit: 'per_person_per_night' },
  quantity: null,
  date: null,
};
const transfer: ExtraRequest = {
  service: { id: 'svc-trf', name: 'Airport transfer', kind: 'local_service', unit: 'per_booking' },
  quantity: null,
  date: null,
};
const insurance: ExtraRequest = {
  service: { id: 'svc-ins', name: 'Travel insurance', kind: 'insurance', unit: 'per_person' },
  quantity: null,
  date: null,
};
const transferList = serviceList('svc-trf', [
  row('low', 'booking', 120_000, { basis: 'stay' }),
  row('high', 'booking', 120_000, { basis: 'stay' }),
]);
const insuranceList = serviceList('svc-ins', [
  row('low', 'person', null, { basis: 'stay', percentOfTrip: '4.5' }),
  row('high', 'person', null, { basis: 'stay', percentOfTrip: '4.5' }),
]);

const BUS = 'bus-prg-split';
const bus: PricedProduct = {
  kind: 'transport',
  id: BUS,
  name: 'Coach Prague–Split',
  classCodes: ['STD', 'BUS'],
};
const busList = priceList(
  [
    row('low', 'person', 80_000, { basis: 'stay', classCode: 'STD', boardingPoint: 'PRG' }),
    row('high', 'person', 90_000, { basis: 'stay', classCode: 'STD', boardingPoint: 'PRG' }),
    row('high', 'person', 70_000, { basis: 'stay', classCode: 'STD', boardingPoint: 'BRN' }),
    row('high', 'person', 150_000, { basis: 'stay', classCode: 'BUS' }),
    row('high', 'person', 40_000, { basis: 'stay', classCode: 'STD', childBand: 'CHD' }),
  ],
  { id: 'pl-bus', name: 'Coach 2027', productKind: 'transport', productId: BUS },
);
function leg(date: string, direction: TransportLeg['direction']): TransportLeg {
  return {
    transportId: BUS,
    name: 'Coach Prague–Split',
    date,
    classCode: 'STD',
    boardingPoint: 'PRG',
    direction,
  };
}

function fee(id: string, kind: ChannelFee['kind'], more: Partial<ChannelFee>): ChannelFee {
  return {
    id,
    name: id,
    channel: 'phone',
    kind,
    percent: null,
    amount: null,
    currency: null,
    ...more,
  };
}

// ---------------------------------------------------------------------------------------
// Reading quotes.

function linesOf(q: Quote, kind: QuoteLine['kind']): QuoteLine[] {
  return q.lines.filter((l) => l.kind === kind);
}

function only(q: Quote, kind: QuoteLine['kind']): QuoteLine {
  const found = linesOf(q, kind);
  expect(found, `exactly one ${kind} line`).toHaveLength(1);
  return found[0] as QuoteLine;
}

/** The error the request is refused with. */
function refusal(req: PricingRequest): Invalid | Conflict {
  try {
    priceQuote(req);
  } catch (error) {
    if (error instanceof Invalid || error instanceof Conflict) return error;
    throw error;
  }
  throw new Error('the request was priced, not refused');
}

function firstError(error: Invalid | Conflict): { path: string; message: string } {
  expect(error.errors.length).toBeGreaterThan(0);
  return error.errors[0] as { path: string; message: string };
}

/** The invariants every quote keeps (P7): labels, amount = unit × quantity, lines sum to total. */
function expectConsistent(q: Quote): void {
  for (const line of q.lines) {
    expect(line.label.length, 'every line has a label').toBeGreaterThan(0);
    expect(line.amount).toBe(line.unitPrice * line.quantity);
    expect(Number.isInteger(line.amount)).toBe(true);
  }
  expect(q.lines.reduce((n, l) => n + l.amount, 0)).toBe(q.total);
}

// ---------------------------------------------------------------------------------------

describe('P1 accommodation', () => {
  it('per person per night over one season', () => {
    const q = priceQuote(request());
    expect(q.total).toBe(2 * 7 * 150_000); // 2 adults × 7 nights × 1 500,00 CZK
    const line = only(q, 'person');
    expect(line).toMatchObject({
      unitPrice: 150_000,
      quantity: 14,
      nights: 7,
      from: '2027-05-01',
      to: '2027-05-08',
      period: 'low',
      travellers: [0, 1],
      room: 0,
    });
    expect(q.priceListIds).toEqual(['pl-tour-czk']);
    expect(q.rates).toEqual([]);
    expectConsistent(q);
  });

  it('prices a stay crossing two seasons night by night', () => {
    // 28–30 June are low (3 nights), 1–2 July high (2 nights).
    const q = priceQuote(request({ start: '2027-06-28', end: '2027-07-03' }));
    expect(q.total).toBe(2 * 3 * 150_000 + 2 * 2 * 200_000); // 900 000 + 800 000
    const [low, high] = linesOf(q, 'person');
    expect(low).toMatchObject({
      period: 'low',
      from: '2027-06-28',
      to: '2027-07-01',
      nights: 3,
      quantity: 6,
      unitPrice: 150_000,
      amount: 900_000,
    });
    expect(high).toMatchObject({
      period: 'high',
      from: '2027-07-01',
      to: '2027-07-03',
      nights: 2,
      quantity: 4,
      unitPrice: 200_000,
      amount: 800_000,
    });
    expectConsistent(q);
  });

  it('per room per night', () => {
    const list = priceList([row('low', 'room', 300_000, { roomTypeId: 'rt-dbl' })]);
    const q = priceQuote(request({ priceLists: [list] }));
    expect(q.total).toBe(7 * 300_000); // 1 room × 7 nights × 3 000,00
    expect(only(q, 'room')).toMatchObject({ quantity: 7, unitPrice: 300_000, travellers: [0, 1] });
    expect(linesOf(q, 'person')).toEqual([]);
  });

  it('room price by number of occupants', () => {
    const list = priceList([
      row('low', 'room', 220_000, { roomTypeId: 'rt-dbl', occupancy: 1 }),
      row('low', 'room', 300_000, { roomTypeId: 'rt-dbl', occupancy: 2 }),
    ]);
    const one = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 1, childAges: [] },
        rooms: [room('rt-dbl', 1)],
      }),
    );
    expect(one.total).toBe(7 * 220_000); // DBL for one: 7 × 2 200,00
    const two = priceQuote(request({ priceLists: [list] }));
    expect(two.total).toBe(7 * 300_000); // DBL for two: 7 × 3 000,00
  });

  it('per-person price by persons in the room', () => {
    const list = priceList([
      row('low', 'person', 250_000, { occupancy: 1 }),
      row('low', 'person', 150_000, { occupancy: 2 }),
    ]);
    const q = priceQuote(
      request({
        start: '2027-05-01',
        end: '2027-05-04',
        party: { adults: 3, childAges: [] },
        rooms: [room('rt-sgl', 1), room('rt-dbl', 2)],
        priceLists: [list],
      }),
    );
    // SGL: 1 × 3 nights × 2 500,00 = 750 000; DBL: 2 × 3 × 1 500,00 = 900 000.
    expect(q.total).toBe(1 * 3 * 250_000 + 2 * 3 * 150_000);
    const [single, double] = linesOf(q, 'person');
    expect(single).toMatchObject({ room: 0, travellers: [0], unitPrice: 250_000, quantity: 3 });
    expect(double).toMatchObject({ room: 1, travellers: [1, 2], unitPrice: 150_000, quantity: 6 });
  });

  it('a row naming the room type beats the row for every room type', () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'person', 180_000, { roomTypeId: 'rt-sgl' }),
    ]);
    const q = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 3, childAges: [] },
        rooms: [room('rt-sgl', 1), room('rt-dbl', 2)],
      }),
    );
    expect(q.total).toBe(7 * 180_000 + 2 * 7 * 150_000); // SGL 1 × 7 × 1 800 + DBL 2 × 7 × 1 500
  });

  it('charges the empty bed of a double sold to one adult', () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'empty_bed', 60_000, { roomTypeId: 'rt-dbl' }),
    ]);
    const q = priceQuote(
      request({
        priceLists: [list],
        start: '2027-05-01',
        end: '2027-05-05',
        party: { adults: 1, childAges: [] },
        rooms: [room('rt-dbl', 1)],
      }),
    );
    expect(q.total).toBe(4 * 150_000 + 4 * 60_000); // 4 nights × (1 500,00 + empty bed 600,00)
    expect(only(q, 'empty_bed')).toMatchObject({ quantity: 4, unitPrice: 60_000, nights: 4 });
    // Two adults fill both beds: no empty bed.
    expect(linesOf(priceQuote(request({ priceLists: [list] })), 'empty_bed')).toEqual([]);
  });

  it('extra bed for a child (child band row) and for an adult', () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'extra_bed', 50_000, { childBand: 'CHD' }),
      row('low', 'extra_bed', 90_000),
    ]);
    const child = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 2, childAges: [8] },
        rooms: [room('rt-dbl', 2, [8])],
      }),
    );
    // Adults on the standard beds, the child on the extra bed: 2 × 7 × 1 500 + 7 × 500.
    expect(child.total).toBe(2 * 7 * 150_000 + 7 * 50_000);
    expect(only(child, 'extra_bed')).toMatchObject({
      childBand: 'CHD',
      travellers: [2],
      unitPrice: 50_000,
      quantity: 7,
    });

    const adult = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 3, childAges: [] },
        rooms: [room('rt-dbl', 3)],
      }),
    );
    expect(adult.total).toBe(2 * 7 * 150_000 + 7 * 90_000); // third adult: 7 × 900,00
    const extra = only(adult, 'extra_bed');
    expect(extra).toMatchObject({ childBand: null, unitPrice: 90_000, quantity: 7 });
    expect(extra.travellers).toHaveLength(1);
  });

  it('the oldest child gets the standard bed, the younger one the extra bed', () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'person', 100_000, { childBand: 'CHD' }),
      row('low', 'extra_bed', 50_000, { childBand: 'CHD' }),
    ]);
    const q = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 1, childAges: [4, 9] },
        rooms: [room('rt-dbl', 1, [4, 9])],
      }),
    );
    // Adult + child 9 on the standard beds, child 4 on the extra bed.
    expect(q.total).toBe(7 * 150_000 + 7 * 100_000 + 7 * 50_000);
    expect(only(q, 'extra_bed').travellers).toEqual([1]); // child index 0 is aged 4
  });

  it('a child band at 50 % of the adult price, rounded half up', () => {
    const list = priceList([
      row('low', 'person', 149_999),
      row('low', 'person', null, { childBand: 'CHD', percentOfAdult: '50' }),
    ]);
    const q = priceQuote(
      request({
        priceLists: [list],
        start: '2027-05-01',
        end: '2027-05-04',
        party: { adults: 1, childAges: [5] },
        rooms: [room('rt-dbl', 1, [5])],
      }),
    );
    // 50 % of 1 499,99 = 749,995 → 750,00; 3 × 1 499,99 + 3 × 750,00.
    expect(q.total).toBe(3 * 149_999 + 3 * 75_000);
    const child = linesOf(q, 'person').find((l) => l.childBand === 'CHD');
    expect(child).toMatchObject({ unitPrice: 75_000, quantity: 3, travellers: [1] });
  });

  it('a child without a row of their band pays the adult price', () => {
    const q = priceQuote(
      request({ party: { adults: 1, childAges: [6] }, rooms: [room('rt-dbl', 1, [6])] }),
    );
    expect(q.total).toBe(2 * 7 * 150_000); // adult and child both 7 × 1 500,00
  });

  it('child bands: minAge inclusive, maxAge exclusive', () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'person', 10_000, { childBand: 'INF' }),
      row('low', 'person', 100_000, { childBand: 'CHD' }),
    ]);
    const priceFor = (age: number) =>
      priceQuote(
        request({
          priceLists: [list],
          party: { adults: 1, childAges: [age] },
          rooms: [room('rt-dbl', 1, [age])],
        }),
      ).total -
      7 * 150_000;
    expect(priceFor(0)).toBe(7 * 10_000); // 0 is INF
    expect(priceFor(1)).toBe(7 * 10_000); // 1 (to 1.99) is INF
    expect(priceFor(2)).toBe(7 * 100_000); // 2 is CHD
    expect(priceFor(11)).toBe(7 * 100_000); // 11 (to 11.99) is CHD
  });

  it('an infant (0–1.99) takes no bed and travels free without a row', () => {
    const list = priceList([row('low', 'person', 150_000), row('low', 'extra_bed', 90_000)]);
    const q = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 2, childAges: [1] },
        rooms: [room('rt-dbl', 2, [1])],
      }),
    );
    expect(q.total).toBe(2 * 7 * 150_000); // the infant adds nothing; no extra bed is used
    // …and has a line of 0 for the 7 nights, so the quote explains every traveller (P7).
    const infantLines = q.lines.filter((l) => l.travellers.length === 1 && l.travellers[0] === 2);
    expect(infantLines).toHaveLength(1);
    expect(infantLines[0]).toMatchObject({
      kind: 'person',
      childBand: 'INF',
      unitPrice: 0,
      quantity: 7,
      amount: 0,
      cost: 0,
      from: '2027-05-01',
      to: '2027-05-08',
    });
    expect(infantLines[0]?.label).toContain('free');
    expect(linesOf(q, 'extra_bed')).toEqual([]);

    // Three adults and an infant fit a double: the infant needs no bed.
    const full = priceQuote(
      request({
        priceLists: [list],
        party: { adults: 3, childAges: [0] },
        rooms: [room('rt-dbl', 3, [0])],
      }),
    );
    expect(full.total).toBe(2 * 7 * 150_000 + 7 * 90_000);
  });

  it('per-stay rows are charged once', () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'room', 80_000, { basis: 'stay', roomTypeId: 'rt-dbl' }), // final cleaning
    ]);
    const q = priceQuote(request({ priceLists: [list] }));
    expect(q.total).toBe(2 * 7 * 150_000 + 80_000); // 2 × 7 × 1 500 + cleaning 800 once
    expect(only(q, 'room')).toMatchObject({
      quantity: 1,
      unitPrice: 80_000,
      from: '2027-05-01',
      to: '2027-05-08',
      nights: 7,
    });
    // Across two seasons a per-stay row is still charged once, at the first night's period.
    const both = priceList([
      ...adultRows,
      row('low', 'room', 80_000, { basis: 'stay' }),
      row('high', 'room', 100_000, { basis: 'stay' }),
    ]);
    const crossing = priceQuote(
      request({ priceLists: [both], start: '2027-06-28', end: '2027-07-03' }),
    );
    expect(crossing.total).toBe(2 * 3 * 150_000 + 2 * 2 * 200_000 + 80_000);
    expect(only(crossing, 'room')).toMatchObject({ period: 'low', quantity: 1, nights: 5 });
  });

  it('a special-price period beats its season on its nights', () => {
    // 8–19 July: 8–9 high, 10–16 special (priority 10), 17–18 high.
    const q = priceQuote(request({ start: '2027-07-08', end: '2027-07-19' }));
    expect(q.total).toBe(2 * 2 * 200_000 + 2 * 7 * 250_000 + 2 * 2 * 200_000); // 5 100 000
    expect(linesOf(q, 'person').map((l) => [l.period, l.from, l.to, l.nights, l.quantity])).toEqual(
      [
        ['high', '2027-07-08', '2027-07-10', 2, 4],
        ['special', '2027-07-10', '2027-07-17', 7, 14],
        ['high', '2027-07-17', '2027-07-19', 2, 4],
      ],
    );
    expectConsistent(q);
  });
});

describe('P2 transport and extra services', () => {
  const alone = (more: Partial<PricingRequest>) =>
    request({
      product: bus,
      start: '2027-07-03',
      end: '2027-07-03',
      party: { adults: 2, childAges: [8] },
      rooms: [],
      classCode: 'STD',
      boardingPoint: 'PRG',
      priceLists: [busList],
      ...more,
    });

  it('transport by date, class and boarding point, with a child fare', () => {
    const prg = priceQuote(alone({}));
    expect(prg.total).toBe(2 * 90_000 + 40_000); // 2 adults × 900 from Prague + child 400
    expect(linesOf(prg, 'transport').map((l) => [l.childBand, l.unitPrice, l.quantity])).toEqual([
      [null, 90_000, 2],
      ['CHD', 40_000, 1],
    ]);

    const brn = priceQuote(alone({ boardingPoint: 'BRN' }));
    expect(brn.total).toBe(2 * 70_000 + 40_000); // from Brno 700 + child 400

    const business = priceQuote(alone({ classCode: 'BUS' }));
    expect(business.total).toBe(3 * 150_000); // no child fare in BUS: the child pays 1 500 too

    const low = priceQuote(alone({ start: '2027-05-03', end: '2027-05-03' }));
    expect(low.total).toBe(3 * 80_000); // low season; no child fare then: 3 × 800
  });

  it('an infant travels free without an infant fare; with one, pays it', () => {
    const infant = priceQuote(alone({ party: { adults: 2, childAges: [1] } }));
    expect(infant.total).toBe(2 * 90_000); // the infant (INF, no seat) has no fare row: free
    // A line of 0 says so (P7: the quote explains every traveller).
    expect(
      linesOf(infant, 'transport').map((l) => [l.childBand, l.travellers, l.unitPrice, l.amount]),
    ).toEqual([
      [null, [0, 1], 90_000, 180_000],
      ['INF', [2], 0, 0],
    ]);
    const withFare = priceQuote(
      alone({
        party: { adults: 2, childAges: [1] },
        priceLists: [
          {
            ...busList,
            rows: [
              ...busList.rows,
              row('high', 'person', 5_000, { basis: 'stay', childBand: 'INF' }),
            ],
          },
        ],
      }),
    );
    expect(withFare.total).toBe(2 * 90_000 + 5_000); // infant fare 50,00
  });

  it('transport legs beside a tour', () => {
    const q = priceQuote(
      request({
        start: '2027-07-20',
        end: '2027-07-27',
        transport: [leg('2027-07-20', 'outbound'), leg('2027-07-27', 'return')],
        priceLists: [priceList(adultRows), busList],
      }),
    );
    // Stay 2 × 7 × 2 000 = 2 800 000; coach there and back 2 × 2 × 900 = 360 000.
    expect(q.total).toBe(2 * 7 * 200_000 + 2 * 2 * 90_000);
    expect(linesOf(q, 'transport').map((l) => [l.from, l.quantity, l.amount])).toEqual([
      ['2027-07-20', 2, 180_000],
      ['2027-07-27', 2, 180_000],
    ]);
    expect(q.priceListIds).toEqual(['pl-bus', 'pl-tour-czk']);
  });

  it('board supplement per person per night', () => {
    const tourList = priceList([
      row('high', 'person', 200_000),
      row('high', 'extra_bed', 60_000, { childBand: 'CHD' }),
    ]);
    const boardList = serviceList('svc-hb', [
      row('high', 'person', 40_000),
      row('high', 'person', null, { childBand: 'CHD', percentOfAdult: '50' }),
    ]);
    const q = priceQuote(
      request({
        start: '2027-07-20',
        end: '2027-07-27',
        party: { adults: 2, childAges: [8] },
        rooms: [room('rt-dbl', 2, [8])],
        extras: [halfBoard],
        priceLists: [tourList, boardList],
      }),
    );
    const stay = 2 * 7 * 200_000 + 7 * 60_000; // 2 800 000 + child on the extra bed 420 000
    const board = 2 * 7 * 40_000 + 7 * 20_000; // adults 400/night, child 50 % = 200/night
    expect(q.total).toBe(stay + board);
    expect(linesOf(q, 'service').map((l) => [l.childBand, l.unitPrice, l.quantity])).toEqual([
      [null, 40_000, 14],
      ['CHD', 20_000, 7],
    ]);
  });

  it('board supplement over a season change: each night at its own season', () => {
    const tourList = priceList([row('low', 'person', 150_000), row('high', 'person', 200_000)]);
    const boardList = serviceList('svc-hb', [
      row('low', 'person', 30_000),
      row('high', 'person', 40_000),
    ]);
    // 27 June – 4 July: nights 27, 28, 29, 30 June are low, 1, 2, 3 July high.
    const q = priceQuote(
      request({
        start: '2027-06-27',
        end: '2027-07-04',
        extras: [halfBoard],
        priceLists: [tourList, boardList],
      }),
    );
    const stay = 2 * 4 * 150_000 + 2 * 3 * 200_000; // 1 200 000 + 1 200 000
    const board = 2 * 4 * 30_000 + 2 * 3 * 40_000; // 240 000 + 240 000
    expect(q.total).toBe(stay + board);
    expect(
      linesOf(q, 'service').map((l) => [l.period, l.from, l.to, l.unitPrice, l.quantity]),
    ).toEqual([
      ['low', '2027-06-27', '2027-07-01', 30_000, 8],
      ['high', '2027-07-01', '2027-07-04', 40_000, 6],
    ]);
    // A fixed departure sells every night, the board included, at its start date's season.
    const fixed = priceQuote(
      request({
        start: '2027-06-27',
        end: '2027-07-04',
        extras: [halfBoard],
        priceLists: [tourList, boardList],
        fixedDeparture: true,
      }),
    );
    expect(fixed.total).toBe(2 * 7 * 150_000 + 2 * 7 * 30_000);
  });

  it('a per-person quantity is per traveller: 2 ski passes each for 2 adults are 4', () => {
    const skiPass: ExtraRequest = {
      service: { id: 'svc-ski', name: 'Ski pass', kind: 'local_service', unit: 'per_person' },
      quantity: 2,
      date: null,
    };
    const skiList = serviceList('svc-ski', [row('low', 'person', 90_000, { basis: 'stay' })]);
    const q = priceQuote(
      request({ extras: [skiPass], priceLists: [priceList(adultRows), skiList] }),
    );
    expect(only(q, 'service')).toMatchObject({ unitPrice: 90_000, quantity: 4, amount: 360_000 });
    expect(q.total).toBe(2 * 7 * 150_000 + 2 * 2 * 90_000);
    // Without a quantity each traveller takes one.
    const one = priceQuote(
      request({
        extras: [{ ...skiPass, quantity: null }],
        priceLists: [priceList(adultRows), skiList],
      }),
    );
    expect(only(one, 'service')).toMatchObject({ quantity: 2, amount: 180_000 });
    // Per person per night: 2 each a night, 2 adults, 7 nights = 28.
    const hb = priceQuote(
      request({
        extras: [{ ...halfBoard, quantity: 2 }],
        priceLists: [priceList(adultRows), serviceList('svc-hb', [row('low', 'person', 30_000)])],
      }),
    );
    expect(only(hb, 'service')).toMatchObject({ quantity: 28, amount: 28 * 30_000 });
  });

  it('an infant takes a per-person service free without a price of their band: a 0 line', () => {
    const list = priceList([row('low', 'person', 150_000)]);
    const q = priceQuote(
      request({
        party: { adults: 2, childAges: [1] },
        rooms: [room('rt-dbl', 2, [1])],
        extras: [halfBoard],
        priceLists: [list, serviceList('svc-hb', [row('low', 'person', 30_000)])],
      }),
    );
    expect(q.total).toBe(2 * 7 * 150_000 + 2 * 7 * 30_000);
    expect(linesOf(q, 'service').map((l) => [l.travellers, l.quantity, l.amount])).toEqual([
      [[0, 1], 14, 420_000],
      [[2], 7, 0],
    ]);
  });

  it('a per-booking transfer', () => {
    const q = priceQuote(
      request({ extras: [transfer], priceLists: [priceList(adultRows), transferList] }),
    );
    expect(q.total).toBe(2 * 7 * 150_000 + 120_000); // stay + one transfer 1 200,00
    expect(only(q, 'service')).toMatchObject({
      quantity: 1,
      unitPrice: 120_000,
      travellers: [0, 1],
    });
  });

  it("insurance as a percentage of the trip's list price, rounded half up", () => {
    const list = priceList([
      row('low', 'person', 150_000),
      row('low', 'person', 411_500, { roomTypeId: 'rt-sgl' }),
    ]);
    const q = priceQuote(
      request({
        start: '2027-05-01',
        end: '2027-05-04',
        party: { adults: 1, childAges: [] },
        rooms: [room('rt-sgl', 1)],
        extras: [insurance],
        priceLists: [list, insuranceList],
      }),
    );
    const trip = 3 * 411_500; // 12 345,00 CZK
    // 4.5 % of 12 345,00 = 555,525 → 555,53 (half up)
    expect(only(q, 'service')).toMatchObject({ amount: 55_553, unitPrice: 55_553, quantity: 1 });
    expect(q.total).toBe(trip + 55_553);
    expectConsistent(q);
  });
});

describe('P3 discounts and surcharges', () => {
  const base = 2 * 7 * 150_000; // 2 100 000: 2 adults × 7 low nights × 1 500,00

  it('early booking: booked at least N days ahead', () => {
    const early = rule('early', 'early_booking', { minDaysBefore: 90, percent: '10' });
    const q = priceQuote(request({ rules: [early] }));
    expect(q.total).toBe(base - 210_000); // 106 days ahead: −10 % of 2 100 000
    expect(only(q, 'discount')).toMatchObject({
      amount: -210_000,
      quantity: 1,
      rule: { id: 'early', kind: 'early_booking' },
    });
    // 61 days ahead: too late for the early-booking price.
    expect(priceQuote(request({ rules: [early], bookingDate: '2027-03-01' })).total).toBe(base);
    // exactly 90 days ahead still counts
    expect(priceQuote(request({ rules: [early], bookingDate: '2027-01-31' })).total).toBe(
      base - 210_000,
    );
  });

  it('last minute: booked at most N days ahead', () => {
    const last = rule('last', 'last_minute', { maxDaysBefore: 14, percent: '15' });
    const q = priceQuote(request({ rules: [last], bookingDate: '2027-04-20' }));
    expect(q.total).toBe(base - 315_000); // 11 days ahead: −15 %
    expect(priceQuote(request({ rules: [last], bookingDate: '2027-04-10' })).total).toBe(base);
  });

  describe('promo codes', () => {
    const promoRule = rule('r-promo', 'promo_code', { percent: '5' });
    const code = {
      code: 'SUMMER5',
      ruleId: 'r-promo',
      validFrom: null,
      validTo: '2027-02-28',
      maxUses: 100,
      used: 3,
    };
    const withCode = (
      more: Partial<PricingRequest> = {},
      found: { v: typeof code | undefined } = { v: code },
    ) => request({ rules: [promoRule], promo: { code: 'summer5', found: found.v }, ...more });

    it('a valid code', () => {
      const q = priceQuote(withCode());
      expect(q.total).toBe(base - 105_000); // −5 %
      expect(q.promoCode).toBe('SUMMER5');
      // Without the code the promo rule does not apply.
      expect(priceQuote(request({ rules: [promoRule] })).total).toBe(base);
    });

    it('an expired code', () => {
      const error = refusal(withCode({ bookingDate: '2027-03-05' }));
      expect(error).toBeInstanceOf(Invalid);
      expect(firstError(error).path).toBe('/promoCode');
      expect(firstError(error).message).toContain('expired');
    });

    it('a used-up code', () => {
      const error = refusal(withCode({}, { v: { ...code, used: 100 } }));
      expect(firstError(error).path).toBe('/promoCode');
      expect(firstError(error).message).toContain('used up');
    });

    it('an unknown code', () => {
      const error = refusal(withCode({}, { v: undefined }));
      expect(firstError(error).path).toBe('/promoCode');
      expect(firstError(error).message).toContain('not a promo code');
    });

    it('a code not applying to the product', () => {
      const other = rule('r-promo', 'promo_code', { percent: '5', productIds: ['tour-other'] });
      const error = refusal(withCode({ rules: [other] }));
      expect(firstError(error).path).toBe('/promoCode');
      expect(firstError(error).message).toContain('does not apply');
    });
  });

  it('of two non-stackable rules only the higher priority applies', () => {
    const early = rule('early', 'early_booking', { minDaysBefore: 90, percent: '10', priority: 5 });
    const autumn = rule('autumn', 'discount', { percent: '20', priority: 1 });
    const q = priceQuote(request({ rules: [autumn, early] }));
    expect(q.total).toBe(base - 210_000); // early booking −10 %, not autumn −20 %
    expect(only(q, 'discount').rule?.id).toBe('early');
  });

  it('stackable and non-stackable rules together, each from the pre-rule price', () => {
    const early = rule('early', 'early_booking', { minDaysBefore: 90, percent: '10', priority: 5 });
    const loyalty = rule('loyalty', 'discount', { percent: '3', stackable: true });
    const q = priceQuote(request({ rules: [loyalty, early] }));
    // −10 % of 2 100 000 = −210 000 and −3 % of 2 100 000 (not of 1 890 000) = −63 000.
    expect(q.total).toBe(base - 210_000 - 63_000);
    expect(linesOf(q, 'discount').map((l) => l.amount)).toEqual([-210_000, -63_000]);
  });

  it('a surcharge adds', () => {
    const peak = rule('peak', 'surcharge', {
      amount: 50_000,
      amountPer: 'person',
      currency: 'CZK',
    });
    const q = priceQuote(request({ rules: [peak] }));
    expect(q.total).toBe(base + 2 * 50_000); // 500,00 per person
    expect(only(q, 'surcharge').amount).toBe(100_000);
  });

  it('a package price for tour + transfer + insurance', () => {
    const pkg = rule('pkg', 'package', {
      productIds: [TOUR],
      bundleServiceIds: ['svc-trf', 'svc-ins'],
      amount: 1_000_000,
      amountPer: 'person',
      currency: 'CZK',
    });
    const lists = [priceList(adultRows), transferList, insuranceList];
    const q = priceQuote(
      request({ rules: [pkg], extras: [transfer, insurance], priceLists: lists }),
    );
    // List price: stay 2 100 000 + transfer 120 000 + insurance 4.5 % of 2 220 000 = 99 900.
    const listPrice = base + 120_000 + 99_900;
    expect(q.total).toBe(2 * 1_000_000); // 2 persons × 10 000,00
    expect(only(q, 'discount').amount).toBe(2_000_000 - listPrice); // −319 900
    // Without the insurance the package does not apply.
    const partial = priceQuote(request({ rules: [pkg], extras: [transfer], priceLists: lists }));
    expect(partial.total).toBe(base + 120_000);
  });

  it('buy one get one on attraction tickets: the cheaper one free', () => {
    const park: PricedProduct = {
      kind: 'attraction',
      id: 'attr-aqua',
      name: 'Aquapark',
      ticketTypes: [
        { id: 'tt-adult', category: 'adult', name: 'Adult', minAge: null, maxAge: null },
        { id: 'tt-child', category: 'child', name: 'Child', minAge: 3, maxAge: 14 },
      ],
    };
    const list = priceList(
      [
        row('low', 'person', 50_000, { basis: 'stay', ticketTypeId: 'tt-adult' }),
        row('low', 'person', 30_000, { basis: 'stay', ticketTypeId: 'tt-child' }),
      ],
      { id: 'pl-aqua', productKind: 'attraction', productId: 'attr-aqua', childBands: [] },
    );
    const bogo = rule('bogo', 'bogo', { buy: 1, get: 1 });
    const ask = (adults: number, childAges: number[]) =>
      request({
        product: park,
        start: '2027-05-01',
        end: '2027-05-01',
        party: { adults, childAges },
        rooms: [],
        priceLists: [list],
        rules: [bogo],
      });
    const pair = priceQuote(ask(1, [8]));
    expect(pair.total).toBe(50_000 + 30_000 - 30_000); // adult 500 + child 300, child free
    expect(only(pair, 'discount').travellers).toEqual([1]);

    const four = priceQuote(ask(2, [8, 10]));
    // 4 tickets are 2 pairs: 2 free, the 2 cheapest of the group (both children, −2 × 300).
    expect(four.total).toBe(2 * 50_000 + 2 * 30_000 - 2 * 30_000);
    expect(only(four, 'discount').travellers).toEqual([2, 3]);

    const three = priceQuote(ask(2, [8]));
    // One full pair in 3 tickets: one free, the cheapest — the child's 300, not an adult's 500.
    expect(three.total).toBe(2 * 50_000 + 30_000 - 30_000);
    expect(only(three, 'discount')).toMatchObject({ amount: -30_000, travellers: [2] });

    // Buy 2 get 1 with 4 adults and 2 children: 6 tickets, 2 free: both children.
    const six = priceQuote({
      ...ask(4, [8, 10]),
      rules: [rule('b2g1', 'bogo', { buy: 2, get: 1 })],
    });
    expect(six.total).toBe(4 * 50_000);
  });

  it('a rule for every product (no productIds) discounts transport legs and extras too', () => {
    const early = rule('early', 'early_booking', { percent: '10', minDaysBefore: 60 });
    const q = priceQuote(
      request({
        start: '2027-07-20',
        end: '2027-07-27',
        transport: [leg('2027-07-20', 'outbound'), leg('2027-07-27', 'return')],
        extras: [transfer],
        priceLists: [priceList(adultRows), busList, transferList],
        rules: [early],
      }),
    );
    const listPrice = 2 * 7 * 200_000 + 2 * 2 * 90_000 + 120_000; // 2 800 000 + 360 000 + 120 000
    expect(only(q, 'discount').amount).toBe(-328_000); // 10 % of 3 280 000
    expect(q.total).toBe(listPrice - 328_000);
    // Naming the tour only still discounts the tour's lines only.
    const tourOnly = priceQuote(
      request({
        start: '2027-07-20',
        end: '2027-07-27',
        transport: [leg('2027-07-20', 'outbound'), leg('2027-07-27', 'return')],
        extras: [transfer],
        priceLists: [priceList(adultRows), busList, transferList],
        rules: [{ ...early, productIds: [TOUR] }],
      }),
    );
    expect(only(tourOnly, 'discount').amount).toBe(-280_000); // 10 % of 2 800 000
  });

  it('a child younger than every child ticket needs no ticket: a free line, not an adult ticket', () => {
    const park: PricedProduct = {
      kind: 'attraction',
      id: 'attr-zoo',
      name: 'Zoo',
      ticketTypes: [
        { id: 'tt-adult', category: 'adult', name: 'Adult', minAge: null, maxAge: null },
        { id: 'tt-child', category: 'child', name: 'Child', minAge: 3, maxAge: 14 },
      ],
    };
    const list = priceList(
      [
        row('low', 'person', 50_000, { basis: 'stay', ticketTypeId: 'tt-adult' }),
        row('low', 'person', 30_000, { basis: 'stay', ticketTypeId: 'tt-child' }),
      ],
      { id: 'pl-zoo', productKind: 'attraction', productId: 'attr-zoo', childBands: [] },
    );
    const ask = (childAges: number[], product = park) =>
      request({
        product,
        start: '2027-05-01',
        end: '2027-05-01',
        party: { adults: 2, childAges },
        rooms: [],
        priceLists: [list],
      });
    const q = priceQuote(ask([1, 5]));
    // 2 adults × 500 + the 5-year-old's child ticket 300; the 1-year-old needs none.
    expect(q.total).toBe(2 * 50_000 + 30_000);
    expect(linesOf(q, 'ticket').map((l) => [l.travellers, l.unitPrice, l.amount])).toEqual([
      [[0, 1], 50_000, 100_000],
      [[2], 0, 0],
      [[3], 30_000, 30_000],
    ]);
    expectConsistent(q);
    // A child older than the child tickets still pays as an adult.
    expect(priceQuote(ask([15])).total).toBe(3 * 50_000);
    // An attraction that charges the youngest says so with a ticket from 0.
    const toddler = priceQuote({
      ...ask([1], {
        ...park,
        ticketTypes: [
          ...park.ticketTypes,
          { id: 'tt-baby', category: 'child', name: 'Toddler', minAge: 0, maxAge: 2 },
        ],
      }),
      priceLists: [
        {
          ...list,
          rows: [
            ...list.rows,
            row('low', 'person', 10_000, { basis: 'stay', ticketTypeId: 'tt-baby' }),
          ],
        },
      ],
    });
    expect(toddler.total).toBe(2 * 50_000 + 10_000);
    expect(toddler.lines.find((l) => l.travellers.includes(2))?.label).toContain('Toddler');
  });

  it('min_advance refuses a late booking', () => {
    const advance = rule('adv', 'min_advance', { minDaysBefore: 30 });
    expect(priceQuote(request({ rules: [advance] })).total).toBe(base); // 106 days: fine
    const error = refusal(request({ rules: [advance], bookingDate: '2027-04-20' }));
    expect(error).toBeInstanceOf(Invalid);
    expect(firstError(error).path).toBe('/from');
    expect(firstError(error).message).toContain('at least 30 days');
  });

  it('a non-refundable rate plan: a discount and no refunds', () => {
    const nonRef = rule('nr', 'non_refundable', { percent: '8' });
    const cancellation = [
      { daysBefore: 7, percent: '50' },
      { daysBefore: 30, percent: '20' },
    ];
    const lists = [priceList(adultRows, { cancellation })];
    const q = priceQuote(
      request({ rules: [nonRef], ratePlan: 'non_refundable', priceLists: lists }),
    );
    expect(q.total).toBe(base - 168_000); // −8 % of 2 100 000
    expect(q.cancellationPolicy).toEqual({
      nonRefundable: true,
      tiers: [{ daysBefore: 0, percent: '100', fee: base - 168_000 }],
      changeFee: null,
    });
    const flexible = priceQuote(request({ rules: [nonRef], priceLists: lists }));
    expect(flexible.total).toBe(base); // the flexible plan gets no discount
    expect(flexible.cancellationPolicy).toEqual({
      nonRefundable: false,
      tiers: [
        { daysBefore: 30, percent: '20', fee: 420_000 }, // 20 % of 2 100 000
        { daysBefore: 7, percent: '50', fee: 1_050_000 }, // 50 % of 2 100 000
      ],
      changeFee: null,
    });
  });

  it('discounts never take the price below zero', () => {
    const big = rule('big', 'discount', { percent: '60', stackable: true, priority: 2 });
    const more = rule('more', 'discount', { percent: '50', stackable: true, priority: 1 });
    const q = priceQuote(request({ rules: [more, big] }));
    // −60 % = −1 260 000; −50 % = −1 050 000 is cut to the 840 000 left.
    expect(linesOf(q, 'discount').map((l) => l.amount)).toEqual([-1_260_000, -840_000]);
    expect(q.total).toBe(0);
    expect(linesOf(q, 'discount')[1]?.rule?.detail).toContain('limited');

    const flat = rule('flat', 'discount', {
      amount: 3_000_000,
      amountPer: 'booking',
      currency: 'CZK',
    });
    expect(priceQuote(request({ rules: [flat] })).total).toBe(0); // 30 000 off 21 000 → 0
  });
});

describe('P4 demand pricing', () => {
  const base = 2 * 7 * 150_000; // 2 100 000
  const dynamicList = (dynamic: PriceList['dynamic']) => [priceList(adultRows, { dynamic })];
  const tiers = {
    tiers: [
      {
        minLoadFactor: '0.8',
        minDaysToDeparture: null,
        maxDaysToDeparture: null,
        adjustPercent: '10',
      },
      { minLoadFactor: null, minDaysToDeparture: null, maxDaysToDeparture: 30, adjustPercent: '8' },
    ],
    floorPercent: '-15',
    ceilingPercent: '12',
  };

  it('a load-factor tier at 0.8 or more: +10 %', () => {
    const q = priceQuote(request({ priceLists: dynamicList(tiers), loadFactor: '0.8' }));
    expect(only(q, 'dynamic').amount).toBe(210_000); // +10 % of 2 100 000
    expect(q.total).toBe(base + 210_000);
    const quiet = priceQuote(request({ priceLists: dynamicList(tiers), loadFactor: '0.79' }));
    expect(linesOf(quiet, 'dynamic')).toEqual([]);
    expect(quiet.total).toBe(base);
  });

  it('load factor and days to departure, the sum held to the ceiling', () => {
    const q = priceQuote(
      request({ priceLists: dynamicList(tiers), loadFactor: '0.85', bookingDate: '2027-04-20' }),
    );
    // +10 % + 8 % = 18 %, held to the 12 % ceiling: +252 000.
    expect(only(q, 'dynamic').amount).toBe(252_000);
    expect(q.total).toBe(base + 252_000);
    expect(only(q, 'dynamic').rule?.detail).toContain('held to 12');
  });

  it('a negative tier held to the floor', () => {
    const q = priceQuote(
      request({
        priceLists: dynamicList({
          tiers: [
            {
              minLoadFactor: null,
              minDaysToDeparture: 60,
              maxDaysToDeparture: null,
              adjustPercent: '-20',
            },
          ],
          floorPercent: '-15',
          ceilingPercent: '10',
        }),
      }),
    );
    expect(only(q, 'dynamic').amount).toBe(-315_000); // −20 % held to −15 % of 2 100 000
    expect(q.total).toBe(base - 315_000);
  });
});

describe('P5 channels and customers', () => {
  const base = 2 * 7 * 150_000;

  it('a phone channel fee per booking', () => {
    const phoneFee = fee('phone-fee', 'fee', { amount: 25_000, currency: 'CZK' });
    const q = priceQuote(request({ channel: 'phone', fees: [phoneFee] }));
    expect(q.total).toBe(base + 25_000); // + 250,00 CZK
    expect(only(q, 'fee')).toMatchObject({ amount: 25_000, quantity: 1 });
    expect(priceQuote(request({ channel: 'web', fees: [phoneFee] })).total).toBe(base);
  });

  it('a marketplace commission of 12 %: a cost, not a price', () => {
    const list = priceList([row('low', 'person', 150_000, { cost: 110_000 })], {
      costCurrency: 'CZK',
    });
    const commission = fee('mkt', 'commission', { channel: 'marketplace', percent: '12' });
    const q = priceQuote(
      request({ channel: 'marketplace', fees: [commission], priceLists: [list] }),
    );
    const line = only(q, 'commission');
    expect(line).toMatchObject({ amount: 0, cost: 252_000, margin: -252_000 }); // 12 % of 2 100 000
    expect(q.total).toBe(base);
    expect(q.cost).toBe(14 * 110_000 + 252_000); // 1 540 000 + 252 000
    expect(q.margin).toBe(base - 14 * 110_000 - 252_000); // 308 000
    const direct = priceQuote(request({ priceLists: [list], fees: [commission] }));
    expect(direct.margin).toBe(base - 14 * 110_000); // 560 000 without the commission
  });

  it('a corporate list beats the public list, for that customer only', () => {
    const corporate = priceList([row('low', 'person', 120_000)], {
      id: 'pl-acme',
      customerId: 'cust-acme',
    });
    const lists = [priceList(adultRows), corporate];
    const acme = priceQuote(request({ priceLists: lists, customerId: 'cust-acme' }));
    expect(acme.total).toBe(2 * 7 * 120_000); // 1 200,00 a night for ACME
    expect(acme.priceListIds).toEqual(['pl-acme']);
    const other = priceQuote(request({ priceLists: lists, customerId: 'cust-other' }));
    expect(other.total).toBe(base);
    expect(priceQuote(request({ priceLists: lists })).total).toBe(base);
  });
});

describe('P6 currencies', () => {
  const eurList = priceList([row('low', 'person', 6_000)], { id: 'pl-tour-eur', currency: 'EUR' });

  it('a list in EUR is used when the quote asks EUR', () => {
    const lists = [priceList(adultRows), eurList];
    const q = priceQuote(request({ currency: 'EUR', priceLists: lists }));
    expect(q.total).toBe(2 * 7 * 6_000); // 2 × 7 × 60,00 EUR
    expect(q.currency).toBe('EUR');
    expect(q.rates).toEqual([]);
    expect(q.priceListIds).toEqual(['pl-tour-eur']);
    expect(priceQuote(request({ priceLists: lists })).total).toBe(2 * 7 * 150_000);
  });

  it('a quote in PLN priced from the CZK list at a recorded rate', () => {
    const list = priceList([row('low', 'person', 150_050)]);
    const q = priceQuote(
      request({ currency: 'PLN', priceLists: [list], rate: rateTable({ 'CZK>PLN': '0.17' }) }),
    );
    // 1 500,50 CZK × 0.17 = 255,085 PLN → 255,09 (half up); × 2 adults × 7 nights.
    expect(only(q, 'person').unitPrice).toBe(25_509);
    expect(q.total).toBe(14 * 25_509);
    expect(q.rates).toEqual([
      { from: 'CZK', to: 'PLN', rate: '0.17', date: '2027-01-14', source: 'ECB' },
    ]);
  });

  it('a quote without a rate to its currency is a conflict', () => {
    const error = refusal(request({ currency: 'PLN' }));
    expect(error).toBeInstanceOf(Conflict);
    expect(firstError(error).path).toBe('/currency');
  });

  it('cost in EUR converted once per unit; margin per line and in total', () => {
    const list = priceList([row('low', 'person', 150_000, { cost: 4_001 })], {
      costCurrency: 'EUR',
    });
    const q = priceQuote(request({ priceLists: [list], rate: rateTable({ 'EUR>CZK': '25.305' }) }));
    // 40,01 EUR × 25.305 = 1 012,45305 CZK → 1 012,45 per unit; × 14 = 14 174,30.
    // (Converting the 14 units at once would give 560,14 × 25.305 = 14 174,34.)
    const cost = 14 * 101_245;
    const line = only(q, 'person');
    expect(line.cost).toBe(cost);
    expect(line.margin).toBe(14 * 150_000 - cost); // 682 570
    expect(q.cost).toBe(cost);
    expect(q.margin).toBe(2 * 7 * 150_000 - cost);
    expect(q.rates.map((r) => [r.from, r.to, r.rate])).toEqual([['EUR', 'CZK', '25.305']]);
  });

  it('a currency with no decimals (JPY)', () => {
    const list = priceList([row('low', 'person', 150_100)]);
    const q = priceQuote(
      request({ currency: 'JPY', priceLists: [list], rate: rateTable({ 'CZK>JPY': '6.5' }) }),
    );
    // 1 501,00 CZK × 6.5 = 9 756.5 JPY → 9 757 (half up); 14 units.
    expect(only(q, 'person').unitPrice).toBe(9_757);
    expect(q.total).toBe(14 * 9_757);
    // A percentage rounds to whole yen: −10 % of 136 598 = 13 659.8 → 13 660.
    const early = rule('early', 'early_booking', { minDaysBefore: 90, percent: '10' });
    const discounted = priceQuote(
      request({
        currency: 'JPY',
        priceLists: [list],
        rate: rateTable({ 'CZK>JPY': '6.5' }),
        rules: [early],
      }),
    );
    expect(only(discounted, 'discount').amount).toBe(-13_660);
  });

  it('a currency with three decimals (BHD, KWD)', () => {
    const list = priceList([row('low', 'person', 150_100)]);
    const bhd = priceQuote(
      request({ currency: 'BHD', priceLists: [list], rate: rateTable({ 'CZK>BHD': '0.0165' }) }),
    );
    // 1 501,00 CZK × 0.0165 = 24.7665 BHD → 24.767 (half up) = 24 767 fils.
    expect(only(bhd, 'person').unitPrice).toBe(24_767);
    expect(bhd.total).toBe(14 * 24_767);
    const kwd = priceQuote(
      request({ currency: 'KWD', priceLists: [list], rate: rateTable({ 'CZK>KWD': '0.01305' }) }),
    );
    // 1 501,00 × 0.01305 = 19.58805 KWD → 19.588
    expect(only(kwd, 'person').unitPrice).toBe(19_588);
  });
});

describe('P7 lines explain the total', () => {
  it('every line has a label, amount = unit price × quantity, lines sum to the total', () => {
    const tourList = priceList(
      [
        row('high', 'person', 200_000, { cost: 150_000 }),
        row('high', 'extra_bed', 60_000, { childBand: 'CHD', cost: 40_000 }),
        row('high', 'room', 50_000, { basis: 'stay', cost: 0 }),
      ],
      { costCurrency: 'CZK', dynamic: { tiers: [], floorPercent: '0', ceilingPercent: '0' } },
    );
    const boardList = serviceList('svc-hb', [
      row('high', 'person', 40_000),
      row('high', 'person', null, { childBand: 'CHD', percentOfAdult: '50' }),
    ]);
    const q = priceQuote(
      request({
        start: '2027-07-20',
        end: '2027-07-27',
        party: { adults: 2, childAges: [8, 1] },
        rooms: [room('rt-dbl', 2, [8, 1])],
        transport: [leg('2027-07-20', 'outbound'), leg('2027-07-27', 'return')],
        extras: [halfBoard, transfer, insurance],
        priceLists: [tourList, boardList, busList, transferList, insuranceList],
        rules: [
          rule('early', 'early_booking', { minDaysBefore: 90, percent: '7.5' }),
          rule('loyalty', 'discount', { percent: '2.5', stackable: true }),
        ],
        channel: 'phone',
        fees: [fee('phone', 'fee', { percent: '1.5' })],
      }),
    );
    expect(q.lines.length).toBeGreaterThan(8);
    expectConsistent(q);
    for (const line of q.lines.filter((l) => l.rule !== null)) expect(line.quantity).toBe(1);
  });
});

describe('invalid requests', () => {
  it('more people than the room holds', () => {
    const adults = refusal(
      request({ party: { adults: 4, childAges: [] }, rooms: [room('rt-dbl', 4)] }),
    );
    expect(adults).toBeInstanceOf(Invalid);
    expect(firstError(adults).path).toBe('/rooms/0/adults');
    expect(firstError(adults).message).toContain('at most 3 adults');

    const beds = refusal(
      request({ party: { adults: 2, childAges: [8, 5] }, rooms: [room('rt-dbl', 2, [8, 5])] }),
    );
    expect(firstError(beds).path).toBe('/rooms/0');
    expect(firstError(beds).message).toContain('4 beds');
  });

  it('a child older than the bands', () => {
    const error = refusal(
      request({ party: { adults: 1, childAges: [12] }, rooms: [room('rt-dbl', 1, [12])] }),
    );
    expect(error).toBeInstanceOf(Invalid);
    expect(firstError(error).path).toBe('/party/childAges/0');
    expect(firstError(error).message).toContain('child bands');
    expect(firstError(error).message).toContain('as an adult');
  });

  it('an unknown currency', () => {
    const error = refusal(request({ currency: 'XYZ' }));
    expect(error).toBeInstanceOf(Invalid);
    expect(firstError(error).path).toBe('/currency');
    expect(firstError(error).message).toContain('ISO 4217');
  });

  it('no price for a night is a conflict (409)', () => {
    // 30–31 August are high season; 1 September has no period.
    const error = refusal(request({ start: '2027-08-30', end: '2027-09-02' }));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.kind).toBe('conflict');
    expect(firstError(error).path).toBe('/from');
    expect(firstError(error).message).toContain('2027-09-01');
  });

  it('rooms not matching the party', () => {
    const error = refusal(request({ party: { adults: 3, childAges: [] } }));
    expect(error).toBeInstanceOf(Invalid);
    expect(firstError(error).path).toBe('/rooms');
    expect(firstError(error).message).toContain('3 adults');
  });
});

describe('fixed departures', () => {
  it('charges a per-stay price once for a stay of many nights', () => {
    // Per person per stay: 2 adults × 12 900,00 for the whole week; no night is unpriced.
    const q = priceQuote(
      request({ priceLists: [priceList([row('low', 'person', 1_290_000, { basis: 'stay' })])] }),
    );
    expect(q.total).toBe(2 * 1_290_000);
    expect(q.lines).toHaveLength(1);
    expect(q.lines[0]).toMatchObject({
      quantity: 2,
      nights: 7,
      from: '2027-05-01',
      to: '2027-05-08',
    });
  });

  it('prices every night of a departure by the period of its start date', () => {
    // 28 June – 5 July crosses from low into high. Sold by days: 3 low nights × 1 500,00 +
    // 4 high × 2 000,00 per adult; as a fixed departure: 7 low nights × 1 500,00 per adult.
    const stay = { start: '2027-06-28', end: '2027-07-05' };
    expect(priceQuote(request(stay)).total).toBe(2 * (3 * 150_000 + 4 * 200_000));
    const fixed = priceQuote(request({ ...stay, fixedDeparture: true }));
    expect(fixed.total).toBe(2 * 7 * 150_000);
    expect(fixed.lines.map((l) => l.period)).toEqual(['low']);
  });
});

describe('B6 change fee', () => {
  const tiers = [{ daysBefore: 30, percent: '20' }];

  it('puts the list’s change fee in the policy, in the list currency when the quote is', () => {
    const list = priceList(adultRows, {
      cancellation: tiers,
      changeFee: { amount: 50_000, freeDaysBefore: 60 },
    });
    const q = priceQuote(request({ priceLists: [list] }));
    expect(q.cancellationPolicy.changeFee).toEqual({ amount: 50_000, freeDaysBefore: 60 });
    expect(q.rates).toEqual([]);
  });

  it('has no change fee when the list has none: changes are free', () => {
    expect(priceQuote(request()).cancellationPolicy.changeFee).toBeNull();
    const explicit = priceList(adultRows, { changeFee: null });
    expect(priceQuote(request({ priceLists: [explicit] })).cancellationPolicy.changeFee).toBeNull();
  });

  it('converts the change fee into the quote currency at the rate used, rounded once', () => {
    const list = priceList(adultRows, { changeFee: { amount: 50_050, freeDaysBefore: null } });
    const q = priceQuote(
      request({ currency: 'PLN', priceLists: [list], rate: rateTable({ 'CZK>PLN': '0.17' }) }),
    );
    // 500,50 CZK × 0.17 = 85,085 PLN → 85,09 (half up).
    expect(q.cancellationPolicy.changeFee).toEqual({ amount: 8_509, freeDaysBefore: null });
    expect(q.rates.map((r) => [r.from, r.to, r.rate])).toEqual([['CZK', 'PLN', '0.17']]);
  });

  it('converts into a currency without minor units (JPY)', () => {
    const list = priceList(adultRows, { changeFee: { amount: 50_000, freeDaysBefore: 14 } });
    const q = priceQuote(
      request({ currency: 'JPY', priceLists: [list], rate: rateTable({ 'CZK>JPY': '6.5' }) }),
    );
    // 500,00 CZK × 6.5 = 3 250 JPY (no minor unit).
    expect(q.cancellationPolicy.changeFee).toEqual({ amount: 3_250, freeDaysBefore: 14 });
  });

  it('keeps the change fee on a non-refundable rate (its bookings cannot be changed)', () => {
    const nonRef = rule('nr', 'non_refundable', { percent: '8' });
    const list = priceList(adultRows, {
      cancellation: tiers,
      changeFee: { amount: 50_000, freeDaysBefore: null },
    });
    const q = priceQuote(
      request({ rules: [nonRef], ratePlan: 'non_refundable', priceLists: [list] }),
    );
    expect(q.cancellationPolicy).toEqual({
      nonRefundable: true,
      tiers: [{ daysBefore: 0, percent: '100', fee: q.total }],
      changeFee: { amount: 50_000, freeDaysBefore: null },
    });
  });
});
