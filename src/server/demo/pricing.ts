// The demo agency's prices: what Vltava Tours charges for the catalog of catalog.ts, so a new
// user can quote every product at once and see every price model of the engine at work.
// Sale prices are in CZK (amounts in haléře: 14 900 Kč is 1_490_000), the hotels' and
// ground handlers' prices (costs) in EUR as their contracts say, the carriers' in CZK.
// Everything goes through the pricing services, so the demo rows pass the same checks as
// the API's. Dates are relative to today, like the catalog's sale windows.
import { addDays, type CalendarDate, isoWeekday } from '../calendar.ts';
import type { Ctx } from '../context.ts';
import { getAccommodation } from '../modules/catalog/accommodations-service.ts';
import { getAttraction } from '../modules/catalog/attractions-service.ts';
import { getExtraService } from '../modules/catalog/extra-services-service.ts';
import { createChannelFee } from '../modules/pricing/channel-fees-service.ts';
import {
  type CreatePriceListInput,
  createPriceList,
  type PriceRowInput,
} from '../modules/pricing/price-lists-service.ts';
import { createPriceRule } from '../modules/pricing/price-rules-service.ts';
import { createPromoCode } from '../modules/pricing/promo-codes-service.ts';
import { setManualRate } from '../modules/pricing/rates.ts';
import type { DateRange, DemoCatalogSummary } from './catalog.ts';

/**
 * The Globex company, whose employees travel on its own (corporate) price list: a company
 * customer seeded with this fixed id by customers.ts (before the prices), and what staff
 * pass as `customerId` when they quote for Globex.
 */
export const demoCorporateCustomerId = '6b1f0c2e-4a7d-4e3b-9c58-2f1d7a9e0b41';

/** The agency's own rates, set for today: 1 EUR = 25 CZK = 4.25 PLN, so 1 CZK = 0.17 PLN. */
export const demoExchangeRates = { CZK: '25', PLN: '4.25' } as const;

export interface DemoPricingSummary {
  priceListIds: string[];
  ruleIds: {
    earlyBooking: string;
    lastMinute: string;
    summerPromo: string;
    springPromo: string;
    package: string;
    bogo: string;
    nonRefundable: string;
    minAdvance: string;
  };
  /** `valid`: LETO + the summer's year; `expired`: JARO + last year, valid last spring. */
  promoCodes: { valid: string; expired: string };
  corporateCustomerId: string;
  /** The coach tour's special week: the Saturday on or after 8 August, 7 nights. */
  peakWeek: DateRange;
  counts: {
    priceLists: number;
    priceRules: number;
    promoCodes: number;
    channelFees: number;
    exchangeRates: number;
  };
}

// --- helpers ------------------------------------------------------------------------------

/** Crowns (or euros) to minor units: kc(14_900) = 1_490_000 haléřů. */
const kc = (crowns: number) => crowns * 100;
const eur = (euros: number) => euros * 100;

type Charge = PriceRowInput['charge'];
type Fields = Omit<PriceRowInput, 'period' | 'charge' | 'basis'>;

const perStay = (period: string, charge: Charge, fields: Fields): PriceRowInput => ({
  period,
  charge,
  basis: 'stay',
  ...fields,
});
const perNight = (period: string, charge: Charge, fields: Fields): PriceRowInput => ({
  period,
  charge,
  basis: 'night',
  ...fields,
});

/** A price in Kč and its cost (in the list's cost currency, major units), per period. */
type SeasonPrices<S extends string> = Record<S, readonly [price: number, cost: number]>;

function entries<S extends string>(prices: SeasonPrices<S>): [S, number, number][] {
  return (Object.entries(prices) as [S, readonly [number, number]][]).map(([s, [p, c]]) => [
    s,
    p,
    c,
  ]);
}

const infantBand = (maxAge: number) => ({ code: 'INF', minAge: 0, maxAge, needsBed: false });
const childBand = (minAge: number, maxAge: number) => ({ code: 'CHD', minAge, maxAge });
/** Teenagers have a band without rows of their own: they pay as adults. */
const juniorBand = (minAge: number) => ({ code: 'JUN', minAge, maxAge: 18 });

/** Cancellation fees of the tours: the usual tiers of a Czech tour operator's terms. */
const tourCancellation = [
  { daysBefore: 45, percent: '10' },
  { daysBefore: 30, percent: '30' },
  { daysBefore: 14, percent: '50' },
  { daysBefore: 0, percent: '100' },
];
/** Hotel stays: free up to 30 days before arrival. */
const stayCancellation = [
  { daysBefore: 30, percent: '0' },
  { daysBefore: 14, percent: '30' },
  { daysBefore: 7, percent: '50' },
  { daysBefore: 0, percent: '100' },
];

function firstSaturdayFrom(date: CalendarDate): CalendarDate {
  let day = date;
  while (isoWeekday(day) !== 6) day = addDays(day, 1);
  return day;
}

function idOf<T extends { id: string }>(items: T[], test: (item: T) => boolean, what: string) {
  const found = items.find(test);
  if (!found) throw new Error(`demo pricing: no ${what} in the demo catalog`);
  return found.id;
}

// --- the prices ---------------------------------------------------------------------------

/** Coach tour to Makarska: per person for the 7 nights with half board; hotel cost in EUR. */
const coachStay = {
  DBL: { lm: [9_900, 300], low: [11_900, 360], high: [14_900, 450], peak: [16_900, 510] },
  FAM: { lm: [10_900, 330], low: [12_900, 390], high: [15_900, 480], peak: [17_900, 540] },
  SGL: { lm: [12_900, 390], low: [15_900, 480], high: [19_900, 600], peak: [21_900, 660] },
} as const satisfies Record<string, SeasonPrices<'lm' | 'low' | 'high' | 'peak'>>;
/** A child of 2–11 on an extra bed, for the stay. */
const coachChildExtraBed = {
  lm: [4_900, 150],
  low: [5_900, 180],
  high: [6_900, 210],
  peak: [7_900, 240],
} as const;
/** The second bed of a double sold to one person, for the stay. */
const coachEmptyBed = {
  lm: [3_900, 120],
  low: [4_900, 150],
  high: [5_900, 180],
  peak: [6_900, 210],
} as const;
/** A child of 2–11 on a standard bed pays this share of the adult price. */
const coachChildPercent = '80';

/** The coach there (by boarding point) and back, one way per person; the carrier's CZK price. */
const coachFares = {
  outbound: [
    { stop: 'Praha, ÚAN Florenc', adult: [2_900, 1_900] },
    { stop: 'Brno, Hotel Grand (Benešova)', adult: [2_700, 1_750] },
    { stop: 'Bratislava, AS Nivy', adult: [2_500, 1_600] },
  ],
  outboundChild: [1_900, 1_250],
  back: [2_500, 1_600],
  backChild: [1_700, 1_100],
} as const;

/** Rimini, Hotel Bella Vista, full board: per night; hotel cost in EUR. */
const rimini = {
  CZK: {
    DBL: { lm: [1_290, 38], low: [1_450, 44], high: [1_890, 58] },
    DBLEmpty: { lm: [590, 15], low: [690, 18], high: [890, 24] },
    TRP3: { lm: [1_190, 35], low: [1_350, 40], high: [1_750, 52] },
    TRP2: { lm: [1_490, 45], low: [1_690, 50], high: [2_190, 66] },
    SGL: { lm: [1_790, 52], low: [1_990, 58], high: [2_590, 76] },
    childExtraBed: { lm: [490, 12], low: [590, 15], high: [790, 20] },
  },
  EUR: {
    DBL: { lm: [52, 38], low: [58, 44], high: [76, 58] },
    DBLEmpty: { lm: [24, 15], low: [28, 18], high: [36, 24] },
    TRP3: { lm: [48, 35], low: [54, 40], high: [70, 52] },
    TRP2: { lm: [60, 45], low: [68, 50], high: [88, 66] },
    SGL: { lm: [72, 52], low: [80, 58], high: [104, 76] },
    childExtraBed: { lm: [20, 12], low: [24, 15], high: [32, 20] },
  },
} as const satisfies Record<string, Record<string, SeasonPrices<'lm' | 'low' | 'high'>>>;
/** A child of 3–11 on a standard bed in Rimini pays this share of the adult price. */
const riminiChildPercent = '70';

/**
 * Fly and stay: per night, per person by room type (Makarska) or per apartment (Split), and
 * a service charge per person per stay (guide, airport taxes); hotel cost in EUR.
 */
const airMakarska = {
  public: { DBL: [1_690, 48], FAM: [1_890, 54], SGL: [2_390, 68], service: [1_290, 20] },
  globex: { DBL: [1_490, 48], FAM: [1_690, 54], SGL: [2_090, 68], service: [990, 20] },
} as const;
const airSplit = {
  STU: [1_900, 55],
  APP2: [2_600, 75],
  APP4: [3_900, 110],
  service: [1_290, 20],
} as const;
const airChildPercent = '75';
/** The charter, one way per person, class Y; Smartwings' CZK price. */
const charterFares = { adult: [3_900, 3_100], child: [2_900, 2_300], infant: [590, 400] } as const;

// --- seeding ------------------------------------------------------------------------------

/**
 * Price lists for every product of the demo catalog, the discount rules, promo codes,
 * channel fees and today's exchange rates (call it inside the demo's transaction, after
 * `seedDemoCatalog`).
 */
export async function seedDemoPricing(
  ctx: Ctx,
  catalog: DemoCatalogSummary,
  today: CalendarDate,
): Promise<DemoPricingSummary> {
  const { lastMinute, summer } = catalog.windows;
  const year = summer.year;
  const { tours, transports } = catalog;
  const [airMakarskaId, airSplitId] = tours.airTourIds as [string, string];
  const peakFrom = firstSaturdayFrom(`${year}-08-08`);
  const peakWeek = { from: peakFrom, to: addDays(peakFrom, 6) };

  // What the rows name: room types by code, ticket types by category, services by code.
  const hotels = await Promise.all(catalog.accommodations.map((a) => getAccommodation(ctx, a.id)));
  const hotelIn = (city: string) => {
    const hotel = hotels.find((h) => h.city === city);
    if (!hotel) throw new Error(`demo pricing: no hotel in ${city}`);
    return (code: string) => idOf(hotel.roomTypes, (r) => r.code === code, `${city} ${code}`);
  };
  const adriatic = hotelIn('Makarska');
  const marina = hotelIn('Split');
  const bellaVista = hotelIn('Rimini');
  const sights = await Promise.all(catalog.attractionIds.map((id) => getAttraction(ctx, id)));
  const sightIn = (city: string) => {
    const sight = sights.find((a) => a.city === city);
    if (!sight) throw new Error(`demo pricing: no attraction in ${city}`);
    const ticket = (category: string) =>
      idOf(sight.ticketTypes, (t) => t.category === category, `${city} ${category} ticket`);
    return { id: sight.id, ticket };
  };
  const palace = sightIn('Split');
  const krka = sightIn('Skradin');
  const miniatura = sightIn('Rimini');
  const services = await Promise.all(catalog.extraServiceIds.map((id) => getExtraService(ctx, id)));
  const service = (code: string) => idOf(services, (s) => s.code === code, `service ${code}`);

  const periods = {
    lm: { code: 'lm', name: 'Last minute', ...lastMinute },
    low: { code: 'low', name: `Léto ${year} – vedlejší sezóna`, from: summer.from, to: summer.to },
    high: {
      code: 'high',
      name: `Léto ${year} – hlavní sezóna`,
      from: `${year}-07-01`,
      to: `${year}-08-31`,
      priority: 1,
    },
    peak: { code: 'peak', name: 'Špička: týden Velike Gospe (15. 8.)', ...peakWeek, priority: 2 },
    /** Transport, tickets and services: one price from today to the end of the summer. */
    season: { code: 'season', name: `Sezóna ${year}`, from: today, to: addDays(summer.to, 14) },
  };

  const listIds: string[] = [];
  const list = async (input: CreatePriceListInput) => {
    listIds.push((await createPriceList(ctx, input)).id);
  };

  // The coach tour: per person per stay by room type, the mid-August week on top of the
  // high season; children 2–11 at 80 % on a bed or a flat price on an extra bed, infants
  // free in a cot; a double sold to one person pays for its empty bed.
  await list({
    name: `Makarská autobusem ${year}`,
    productKind: 'tour',
    productId: tours.busTourId,
    currency: 'CZK',
    costCurrency: 'EUR',
    periods: [periods.lm, periods.low, periods.high, periods.peak],
    childBands: [infantBand(2), childBand(2, 12)],
    cancellation: tourCancellation,
    rows: [
      ...Object.entries(coachStay).flatMap(([code, prices]) =>
        entries(prices).map(([period, price, cost]) =>
          perStay(period, 'person', {
            roomTypeId: adriatic(code),
            amount: kc(price),
            cost: eur(cost),
          }),
        ),
      ),
      ...entries(coachStay.DBL).flatMap(([period]) => [
        perStay(period, 'person', { childBand: 'CHD', percentOfAdult: coachChildPercent }),
        perStay(period, 'person', { childBand: 'INF', amount: 0, cost: 0 }),
      ]),
      ...entries(coachChildExtraBed).map(([period, price, cost]) =>
        perStay(period, 'extra_bed', { childBand: 'CHD', amount: kc(price), cost: eur(cost) }),
      ),
      ...entries(coachEmptyBed).map(([period, price, cost]) =>
        perStay(period, 'empty_bed', {
          roomTypeId: adriatic('DBL'),
          amount: kc(price),
          cost: eur(cost),
        }),
      ),
    ],
  });

  // Its coach: there by boarding point, back at one fare (the return leg has no boarding
  // point); children 2–11 at a child fare, infants on a lap free.
  const fare = { period: 'season', classCode: 'STD' };
  await list({
    name: 'Autobus VT 801 Praha – Makarska',
    productKind: 'transport',
    productId: transports.busId,
    currency: 'CZK',
    costCurrency: 'CZK',
    periods: [periods.season],
    childBands: [infantBand(2), childBand(2, 12)],
    rows: [
      // Without a boarding point: the Prague fare.
      perStay('season', 'person', {
        ...fare,
        amount: kc(coachFares.outbound[0].adult[0]),
        cost: kc(coachFares.outbound[0].adult[1]),
      }),
      ...coachFares.outbound.map(({ stop, adult: [price, cost] }) =>
        perStay('season', 'person', {
          ...fare,
          boardingPoint: stop,
          amount: kc(price),
          cost: kc(cost),
        }),
      ),
      perStay('season', 'person', {
        ...fare,
        childBand: 'CHD',
        amount: kc(coachFares.outboundChild[0]),
        cost: kc(coachFares.outboundChild[1]),
      }),
    ],
  });
  await list({
    name: 'Autobus VT 802 Makarska – Praha',
    productKind: 'transport',
    productId: transports.busReturnId,
    currency: 'CZK',
    costCurrency: 'CZK',
    periods: [periods.season],
    childBands: [infantBand(2), childBand(2, 12)],
    rows: [
      perStay('season', 'person', {
        ...fare,
        amount: kc(coachFares.back[0]),
        cost: kc(coachFares.back[1]),
      }),
      perStay('season', 'person', {
        ...fare,
        childBand: 'CHD',
        amount: kc(coachFares.backChild[0]),
        cost: kc(coachFares.backChild[1]),
      }),
    ],
  });

  // Rimini by days: per person per night in last minute, low and high season (a stay
  // crossing them pays each night at its own price); the single by the room, the triple
  // per person by how many share it; demand pricing; and the same in EUR for customers
  // paying in euros (Slovakia).
  for (const currency of ['CZK', 'EUR'] as const) {
    const p = rimini[currency];
    const amount = currency === 'CZK' ? kc : eur;
    const priced = (prices: SeasonPrices<'lm' | 'low' | 'high'>, charge: Charge, fields: Fields) =>
      entries(prices).map(([period, price, cost]) =>
        perNight(period, charge, { ...fields, amount: amount(price), cost: eur(cost) }),
      );
    await list({
      name: `Rimini – Hotel Bella Vista ${year} (${currency})`,
      productKind: 'tour',
      productId: tours.byDaysTourId,
      currency,
      costCurrency: 'EUR',
      periods: [periods.lm, periods.low, periods.high],
      childBands: [infantBand(3), childBand(3, 12)],
      cancellation: stayCancellation,
      dynamic: {
        tiers: [
          { minLoadFactor: '0.8', adjustPercent: '10' },
          { maxDaysToDeparture: 7, adjustPercent: '-10' },
        ],
        floorPercent: '-15',
        ceilingPercent: '15',
      },
      rows: [
        ...priced(p.DBL, 'person', { roomTypeId: bellaVista('DBL') }),
        ...priced(p.DBLEmpty, 'empty_bed', { roomTypeId: bellaVista('DBL') }),
        ...priced(p.TRP3, 'person', { roomTypeId: bellaVista('TRP'), occupancy: 3 }),
        ...priced(p.TRP2, 'person', { roomTypeId: bellaVista('TRP'), occupancy: 2 }),
        ...priced(p.SGL, 'room', { roomTypeId: bellaVista('SGL'), occupancy: 1 }),
        ...priced(p.childExtraBed, 'extra_bed', { childBand: 'CHD' }),
        ...(['lm', 'low', 'high'] as const).flatMap((period) => [
          perNight(period, 'person', { childBand: 'CHD', percentOfAdult: riminiChildPercent }),
          perNight(period, 'person', { childBand: 'INF', amount: 0, cost: 0 }),
        ]),
      ],
    });
  }

  // Fly and stay: per person per night and a service charge per stay (guide, airport taxes),
  // the charter priced on its own lists; Globex has its own, lower list for Makarska.
  const summerOnly = { ...periods.low, code: 'summer', name: `Léto ${year}` };
  const airChildRows = [
    perNight('summer', 'person', { childBand: 'CHD', percentOfAdult: airChildPercent }),
    perStay('summer', 'person', { childBand: 'CHD', percentOfAdult: airChildPercent }),
    perStay('summer', 'extra_bed', { childBand: 'CHD', percentOfAdult: airChildPercent }),
  ];
  for (const [who, prices] of Object.entries(airMakarska)) {
    const { service: serviceCharge, ...rooms } = prices;
    await list({
      name:
        who === 'globex'
          ? `Makarská letecky ${year} – Globex (firemní)`
          : `Makarská letecky ${year}`,
      productKind: 'tour',
      productId: airMakarskaId,
      currency: 'CZK',
      costCurrency: 'EUR',
      customerId: who === 'globex' ? demoCorporateCustomerId : null,
      periods: [summerOnly],
      childBands: [infantBand(2), childBand(2, 12)],
      cancellation: tourCancellation,
      rows: [
        ...Object.entries(rooms).map(([code, [price, cost]]) =>
          perNight('summer', 'person', {
            roomTypeId: adriatic(code),
            amount: kc(price),
            cost: eur(cost),
          }),
        ),
        perStay('summer', 'person', { amount: kc(serviceCharge[0]), cost: eur(serviceCharge[1]) }),
        perNight('summer', 'extra_bed', { childBand: 'CHD', amount: kc(690), cost: eur(20) }),
        ...airChildRows,
      ],
    });
  }
  {
    const { service: serviceCharge, ...apartments } = airSplit;
    await list({
      name: `Split letecky ${year}`,
      productKind: 'tour',
      productId: airSplitId,
      currency: 'CZK',
      costCurrency: 'EUR',
      periods: [summerOnly],
      childBands: [infantBand(2), childBand(2, 12)],
      cancellation: tourCancellation,
      rows: [
        ...Object.entries(apartments).map(([code, [price, cost]]) =>
          perNight('summer', 'room', {
            roomTypeId: marina(code),
            amount: kc(price),
            cost: eur(cost),
          }),
        ),
        perStay('summer', 'person', { amount: kc(serviceCharge[0]), cost: eur(serviceCharge[1]) }),
        perNight('summer', 'extra_bed', { childBand: 'CHD', amount: kc(300), cost: eur(8) }),
        ...airChildRows,
      ],
    });
  }
  for (const [productId, name] of [
    [transports.flightId, 'Charter QS 1234 Praha – Split'],
    [transports.flightReturnId, 'Charter QS 1235 Split – Praha'],
  ] as const) {
    const { adult, child, infant } = charterFares;
    await list({
      name,
      productKind: 'transport',
      productId,
      currency: 'CZK',
      costCurrency: 'CZK',
      periods: [periods.season],
      childBands: [infantBand(2), childBand(2, 12)],
      rows: [
        perStay('season', 'person', { classCode: 'Y', amount: kc(adult[0]), cost: kc(adult[1]) }),
        // Business: two and a half times the economy fare.
        perStay('season', 'person', {
          classCode: 'J',
          amount: kc(adult[0] * 2.5),
          cost: kc(adult[1] * 2),
        }),
        ...(
          [
            ['CHD', child],
            ['INF', infant],
          ] as const
        ).map(([band, [price, cost]]) =>
          perStay('season', 'person', {
            classCode: 'Y',
            childBand: band,
            amount: kc(price),
            cost: kc(cost),
          }),
        ),
      ],
    });
  }

  // The airport shuttle: one fare a seat, children 2–11 half, infants on a lap free.
  await list({
    name: 'Shuttle DT 15 Split Airport – Makarska',
    productKind: 'transport',
    productId: transports.shuttleId,
    currency: 'CZK',
    costCurrency: 'CZK',
    periods: [periods.season],
    childBands: [infantBand(2), childBand(2, 12)],
    rows: [
      perStay('season', 'person', { classCode: 'STD', amount: kc(490), cost: kc(350) }),
      perStay('season', 'person', { childBand: 'CHD', percentOfAdult: '50' }),
      perStay('season', 'person', { childBand: 'INF', amount: kc(0), cost: kc(0) }),
    ],
  });

  // The train contingent: by class; children 6–14 half price, under 6 free, 15+ as adults.
  await list({
    name: 'RJ 73 Praha – Wien, skupinové jízdné',
    productKind: 'transport',
    productId: transports.trainId,
    currency: 'CZK',
    costCurrency: 'CZK',
    periods: [{ code: 'contingent', name: 'Kontingent', from: today, to: addDays(today, 30) }],
    childBands: [infantBand(6), childBand(6, 15), juniorBand(15)],
    rows: [
      perStay('contingent', 'person', { classCode: '2', amount: kc(449), cost: kc(350) }),
      perStay('contingent', 'person', { classCode: '1', amount: kc(749), cost: kc(590) }),
      perStay('contingent', 'person', { childBand: 'CHD', percentOfAdult: '50' }),
    ],
  });

  // Attractions: a price per ticket type; Krka dearer in summer.
  const tickets = (
    period: string,
    sight: ReturnType<typeof sightIn>,
    prices: Record<string, readonly [number, number]>,
  ) =>
    Object.entries(prices).map(([category, [price, cost]]) =>
      perStay(period, 'person', {
        ticketTypeId: sight.ticket(category),
        amount: kc(price),
        cost: eur(cost),
      }),
    );
  const sightsSeason = { ...periods.season, to: summer.to };
  await list({
    name: `Diokleciánův palác – vstupné ${year}`,
    productKind: 'attraction',
    productId: palace.id,
    currency: 'CZK',
    costCurrency: 'EUR',
    periods: [sightsSeason],
    rows: tickets('season', palace, {
      adult: [650, 22],
      child: [350, 12],
      student: [450, 15],
      senior: [450, 15],
    }),
  });
  await list({
    name: `NP Krka – vstupné ${year}`,
    productKind: 'attraction',
    productId: krka.id,
    currency: 'CZK',
    costCurrency: 'EUR',
    periods: [
      { code: 'off', name: 'Mimo sezónu', from: today, to: addDays(summer.from, -1) },
      { code: 'summer', name: `Léto ${year}`, from: summer.from, to: summer.to },
    ],
    rows: [
      ...tickets('off', krka, { adult: [500, 19], child: [150, 6], student: [350, 13] }),
      ...tickets('summer', krka, { adult: [1_000, 38], child: [380, 14], student: [750, 28] }),
    ],
  });
  await list({
    name: `Italia in Miniatura – vstupné ${year}`,
    productKind: 'attraction',
    productId: miniatura.id,
    currency: 'CZK',
    costCurrency: 'EUR',
    periods: [sightsSeason],
    rows: tickets('season', miniatura, {
      adult: [700, 25],
      child: [500, 18],
      senior: [500, 18],
      family: [2_100, 75],
    }),
  });

  // Extra services, each by its unit: insurance a share of the trip, transfers per booking,
  // the half-board supplement per person and night (children half), diving per person.
  const extra = (
    code: string,
    name: string,
    rows: PriceRowInput[],
    more: Partial<CreatePriceListInput> = {},
  ) =>
    list({
      name,
      productKind: 'extra_service',
      productId: service(code),
      currency: 'CZK',
      costCurrency: 'EUR',
      periods: [periods.season],
      ...more,
      rows,
    });
  const kidsHalf = { childBands: [infantBand(2), childBand(2, 12), juniorBand(12)] };
  await extra(
    'INS-KOMPLET',
    'Pojištění Komplet – 3,5 % z ceny zájezdu',
    [perStay('season', 'person', { percentOfTrip: '3.5' })],
    { costCurrency: null },
  );
  await extra('TRF-SPU-MAK', 'Transfer letiště Split – Makarská', [
    perStay('season', 'booking', { amount: kc(2_900), cost: eur(95) }),
  ]);
  await extra('TRF-SPU-SPL', 'Transfer letiště Split – Split', [
    perStay('season', 'booking', { amount: kc(1_500), cost: eur(45) }),
  ]);
  await extra(
    'HB-SUPP-SPLIT',
    'Příplatek za polopenzi, konoba Firule',
    [
      perNight('season', 'person', { amount: kc(590), cost: eur(18) }),
      perNight('season', 'person', { childBand: 'CHD', percentOfAdult: '50' }),
    ],
    kidsHalf,
  );
  await extra('DIVE-DISCOVER', 'Potápěčský kurz Discover Scuba', [
    perStay('season', 'person', { amount: kc(2_490), cost: eur(80) }),
  ]);
  await extra(
    'BOAT-BRAC-HVAR',
    'Výlet lodí Brač a Hvar',
    [
      perStay('season', 'person', { amount: kc(1_290), cost: eur(40) }),
      perStay('season', 'person', { childBand: 'CHD', percentOfAdult: '50' }),
    ],
    kidsHalf,
  );

  // Rules: first and last minute (exclusive, the higher priority wins), promo codes on top,
  // a July package, a family offer at Italia in Miniatura, a non-refundable rate in Rimini
  // and the train's booking deadline.
  const allTours = [tours.busTourId, tours.byDaysTourId, airMakarskaId, airSplitId];
  const rule = async (input: Parameters<typeof createPriceRule>[1]) =>
    (await createPriceRule(ctx, input)).id;
  const ruleIds = {
    earlyBooking: await rule({
      name: 'First minute −10 % (60 a více dní před odjezdem)',
      kind: 'early_booking',
      productIds: [
        ...allTours,
        transports.busId,
        transports.busReturnId,
        transports.flightId,
        transports.flightReturnId,
      ],
      minDaysBefore: 60,
      percent: '10',
      priority: 10,
      stackable: false,
    }),
    lastMinute: await rule({
      name: 'Last minute −15 % (nejvýše 14 dní před odjezdem)',
      kind: 'last_minute',
      productIds: [tours.busTourId, tours.byDaysTourId, transports.busId, transports.busReturnId],
      maxDaysBefore: 14,
      percent: '15',
      priority: 20,
      stackable: false,
    }),
    summerPromo: await rule({
      name: `Letní sleva 500 Kč (kód LETO${year})`,
      kind: 'promo_code',
      productIds: allTours,
      amount: kc(500),
      amountPer: 'booking',
      currency: 'CZK',
      stackable: true,
    }),
    springPromo: await rule({
      name: 'Jarní akce −5 %',
      kind: 'promo_code',
      productIds: allTours,
      percent: '5',
      stackable: true,
    }),
    package: await rule({
      name: 'Červencový balíček: zájezd, autobus tam i zpět a pojištění za 17 990 Kč',
      kind: 'package',
      productIds: [tours.busTourId],
      bundleServiceIds: [service('INS-KOMPLET')],
      bundleTransport: true,
      travelFrom: `${year}-07-01`,
      travelTo: `${year}-07-31`,
      amount: kc(17_990),
      amountPer: 'person',
      currency: 'CZK',
      priority: 15,
      stackable: false,
    }),
    bogo: await rule({
      name: 'Italia in Miniatura: 2 + 1 zdarma (nejlevnější vstupenka)',
      kind: 'bogo',
      productIds: [miniatura.id],
      buy: 2,
      get: 1,
      percent: '100',
      priority: 5,
      stackable: false,
    }),
    nonRefundable: await rule({
      name: 'Nevratná sazba −8 %',
      kind: 'non_refundable',
      productIds: [tours.byDaysTourId],
      percent: '8',
    }),
    minAdvance: await rule({
      name: 'Skupinové jízdenky nejpozději 3 dny předem',
      kind: 'min_advance',
      productIds: [transports.trainId],
      minDaysBefore: 3,
    }),
  };

  const lastYear = Number(today.slice(0, 4)) - 1;
  const promoCodes = { valid: `LETO${year}`, expired: `JARO${lastYear}` };
  await createPromoCode(ctx, {
    code: promoCodes.valid,
    ruleId: ruleIds.summerPromo,
    validFrom: today,
    validTo: `${year}-08-31`,
    maxUses: 200,
  });
  await createPromoCode(ctx, {
    code: promoCodes.expired,
    ruleId: ruleIds.springPromo,
    validFrom: `${lastYear}-03-01`,
    validTo: `${lastYear}-05-31`,
    maxUses: 100,
  });

  // Channels: bookings by phone or e-mail pay a handling fee; the marketplace takes 12 %.
  const fees = [
    { name: 'Poplatek za rezervaci po telefonu', channel: 'phone' as const },
    { name: 'Poplatek za rezervaci e-mailem', channel: 'email' as const },
  ];
  for (const fee of fees) {
    await createChannelFee(ctx, { ...fee, kind: 'fee', amount: kc(250), currency: 'CZK' });
  }
  await createChannelFee(ctx, {
    name: 'Provize DealHub 12 %',
    channel: 'marketplace',
    kind: 'commission',
    percent: '12',
  });

  // Today's rates, entered by hand: hotel costs in EUR, quotes in PLN for Polish customers.
  for (const [quote, rate] of Object.entries(demoExchangeRates)) {
    await setManualRate(ctx, { date: today, base: 'EUR', quote, rate });
  }

  return {
    priceListIds: listIds,
    ruleIds,
    promoCodes,
    corporateCustomerId: demoCorporateCustomerId,
    peakWeek,
    counts: {
      priceLists: listIds.length,
      priceRules: Object.keys(ruleIds).length,
      promoCodes: 2,
      channelFees: fees.length + 1,
      exchangeRates: Object.keys(demoExchangeRates).length,
    },
  };
}
