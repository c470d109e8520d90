// The demo's prices, quoted through the API as an agent and a customer would: every total
// below is worked out by hand from the prices pricing.ts seeds (Kč, written in haléře:
// 16 900 Kč is 1_690_000), the arithmetic beside it. Quotes are booked today (UTC); the
// departures are chosen so that which rule applies (first minute ≥ 60 days, last minute
// ≤ 14 days) follows from the sale windows, whatever the day the test runs.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import { addDays, daysBetween, isoWeekday, todayUtc } from '../calendar.ts';
import { systemActor } from '../context.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { createUser } from '../modules/identity/users-service.ts';
import { demoCorporateCustomerId } from './pricing.ts';
import { type DemoResult, demoPassword, demoStaff, seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};
const customerLogin = { email: 'karel.zakaznik@example.test', password: 'customer password 1' };

// biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
type Json = any;
interface Line {
  kind: string;
  amount: number;
  unitPrice: number;
  quantity: number;
  period: string | null;
  cost?: number | null;
  margin?: number | null;
  rule: { kind: string } | null;
}

/** `pct` % of a (positive) amount in minor units, rounded half up as the engine does. */
const percent = (amount: number, pct: number) => Math.round((amount * pct) / 100);

describeEachDatabase('demo prices quoted through the API', (database) => {
  let app: FastifyInstance;
  let agent: string;
  let customer: string;
  let demo: DemoResult;
  const today = todayUtc();

  const catalog = () => {
    if (!demo.catalog) throw new Error('the demo catalog was not created');
    return demo.catalog;
  };
  const year = () => catalog().windows.summer.year;
  let roomType: (city: string, code: string) => string;
  let busDepartures: Array<{ id: string; startDate: string; nights: number }>;
  let insuranceId: () => string;

  beforeAll(async () => {
    demo = await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    const agentEmail = demoStaff.find((user) => user.role === 'agent')?.email as string;
    agent = (await signIn(app, agentEmail, demoPassword)).cookie;
    await createUser(
      { db: database().db, agencyId: demo.agencyId, actor: systemActor },
      { ...customerLogin, name: 'Karel Zákazník', role: 'customer', locale: 'cs' },
    );
    customer = (await signIn(app, customerLogin.email, customerLogin.password)).cookie;

    const hotels = (await get('/api/v1/accommodations?limit=100')).items;
    roomType = (city, code) =>
      hotels.find((h: Json) => h.city === city).roomTypes.find((r: Json) => r.code === code).id;
    busDepartures = (await get(`/api/v1/tours/${catalog().tours.busTourId}`)).departures;
    const services = (await get('/api/v1/extra-services?limit=100')).items;
    const insurance = services.find((s: Json) => s.code === 'INS-KOMPLET').id;
    insuranceId = () => insurance;
  });

  afterAll(async () => {
    await app?.close();
  });

  async function get(url: string): Promise<Json> {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: agent } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  }
  const post = (body: object, cookie = agent) =>
    app.inject({ method: 'POST', url: '/api/v1/quotes', headers: { cookie }, payload: body });
  async function quote(body: object, cookie = agent): Promise<Json> {
    const response = await post(body, cookie);
    expect(response.statusCode, response.body).toBe(201);
    const body201 = response.json();
    // Every quote explains its total to the haléř.
    expect(body201.lines.reduce((n: number, l: Line) => n + l.amount, 0)).toBe(body201.total);
    return body201;
  }
  async function refused(body: object, path: string) {
    const response = await post(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const error = response.json().errors?.find((e: { path: string }) => e.path === path);
    expect(error, response.body).toBeDefined();
    return error as { path: string; message: string };
  }
  const departureOn = (startDate: string) => {
    const departure = busDepartures.find((d) => d.startDate === startDate);
    if (!departure) throw new Error(`no coach departure on ${startDate}`);
    return departure.id;
  };
  /** The first coach departure of July: high season, at least 60 days ahead (first minute). */
  const julyDeparture = () => {
    const first = busDepartures.find((d) => d.startDate >= `${year()}-07-01`);
    if (!first) throw new Error('no July departure');
    expect(daysBetween(today, first.startDate)).toBeGreaterThanOrEqual(60);
    return first;
  };
  const lines = (q: Json, kind: string): Line[] => q.lines.filter((l: Line) => l.kind === kind);
  const twoInADouble = (city: string) => [
    { roomTypeId: roomType(city, 'DBL'), adults: 2, childAges: [] },
  ];

  it('seeds prices for every product, the rules, codes, fees and rates in the same demo', () => {
    const { pricing, counts } = catalog();
    // Every product has a list; Rimini (EUR) and Makarska by air (Globex) have a second one.
    expect(pricing.counts).toEqual({
      priceLists: counts.tours + counts.transports + counts.attractions + counts.extraServices + 2,
      priceRules: 8,
      promoCodes: 2,
      channelFees: 3,
      exchangeRates: 2,
    });
    expect(pricing.corporateCustomerId).toBe(demoCorporateCustomerId);
    expect(pricing.promoCodes).toEqual({
      valid: `LETO${year()}`,
      expired: `JARO${Number(today.slice(0, 4)) - 1}`,
    });
    expect(isoWeekday(pricing.peakWeek.from)).toBe(6);
    expect(pricing.peakWeek.from >= `${year()}-08-08`).toBe(true);
    expect(pricing.peakWeek.from <= `${year()}-08-14`).toBe(true);
  });

  it('prices the coach tour for 2 adults and a child from Brno in the peak week of August', async () => {
    const start = catalog().pricing.peakWeek.from;
    const q = await quote({
      productId: catalog().tours.busTourId,
      departureId: departureOn(start),
      party: { adults: 2, childAges: [8] },
      rooms: [{ roomTypeId: roomType('Makarska', 'DBL'), adults: 2, childAges: [8] }],
      boardingPoint: 'Brno, Hotel Grand (Benešova)',
      channel: 'web',
    });
    // Stay (peak week, per person per stay): 2 × 16 900 + child on the extra bed 7 900.
    const stay = 2 * 1_690_000 + 790_000;
    // Coach there from Brno 2 × 2 700 + child 1 900; back 2 × 2 500 + child 1 700.
    const coach = 2 * 270_000 + 190_000 + 2 * 250_000 + 170_000;
    // First minute (≥ 60 days before August): −10 % of stay and coach, 55 700 → −5 570.
    expect(daysBetween(today, start)).toBeGreaterThanOrEqual(60);
    const early = -percent(stay + coach, 10);
    expect(early).toBe(-557_000);
    expect(q.total).toBe(stay + coach + early); // 50 130 Kč
    expect(q.total).toBe(5_013_000);
    expect(lines(q, 'person')).toEqual([
      expect.objectContaining({ unitPrice: 1_690_000, quantity: 2, period: 'peak' }),
    ]);
    expect(lines(q, 'extra_bed')).toEqual([
      expect.objectContaining({ unitPrice: 790_000, quantity: 1, period: 'peak' }),
    ]);
    expect(lines(q, 'transport').map((l) => l.unitPrice)).toEqual(
      expect.arrayContaining([270_000, 190_000, 250_000, 170_000]),
    );
    expect(lines(q, 'discount')).toEqual([
      expect.objectContaining({
        amount: early,
        rule: expect.objectContaining({ kind: 'early_booking' }),
      }),
    ]);
    // Costs: hotel 2 × 510 € + 240 € at 25 Kč/€ = 31 500 Kč; coach 2 × 1 750 + 1 250
    // + 2 × 1 600 + 1 100 = 9 050 Kč.
    expect(q.cost).toBe(2 * 1_275_000 + 600_000 + 2 * 175_000 + 125_000 + 2 * 160_000 + 110_000);
    expect(q.margin).toBe(q.total - q.cost);
    expect(q.rates).toEqual([
      expect.objectContaining({ from: 'EUR', to: 'CZK', rate: '25', source: 'manual' }),
    ]);
    expect(q.cancellationPolicy.tiers).toEqual([
      { daysBefore: 45, percent: '10', fee: percent(q.total, 10) },
      { daysBefore: 30, percent: '30', fee: percent(q.total, 30) },
      { daysBefore: 14, percent: '50', fee: percent(q.total, 50) },
      { daysBefore: 0, percent: '100', fee: q.total },
    ]);
  });

  it('charges the empty bed of a double sold to one, a phone fee, and shows staff cost and margin', async () => {
    const july = julyDeparture();
    const ask = {
      productId: catalog().tours.busTourId,
      departureId: july.id,
      party: { adults: 1, childAges: [] },
      rooms: [{ roomTypeId: roomType('Makarska', 'DBL'), adults: 1, childAges: [] }],
      boardingPoint: 'Praha, ÚAN Florenc',
    };
    const q = await quote({ ...ask, channel: 'phone' });
    // High season: adult 14 900 + empty bed 5 900; coach from Praha 2 900, back 2 500.
    const listPrice = 1_490_000 + 590_000 + 290_000 + 250_000; // 26 200 Kč
    const early = -percent(listPrice, 10); // −2 620 Kč
    const phoneFee = 25_000; // 250 Kč per booking
    expect(q.total).toBe(listPrice + early + phoneFee); // 23 830 Kč
    expect(q.total).toBe(2_383_000);
    expect(lines(q, 'empty_bed')).toEqual([
      expect.objectContaining({ unitPrice: 590_000, quantity: 1, period: 'high' }),
    ]);
    expect(lines(q, 'fee')).toEqual([expect.objectContaining({ amount: phoneFee, cost: 0 })]);
    // Cost: hotel 450 € + empty bed 180 € at 25 = 15 750 Kč; coach 1 900 + 1 600.
    const cost = 450 * 25_00 + 180 * 25_00 + 190_000 + 160_000;
    expect(q.cost).toBe(cost); // 19 250 Kč
    expect(q.margin).toBe(2_383_000 - cost); // 4 580 Kč
    for (const line of q.lines) expect(line).toHaveProperty('cost');

    // A customer of the portal (web only) gets the same price without the fee, and never
    // sees what it costs the agency.
    const own = await quote({ ...ask, channel: 'web' }, customer);
    expect(own.total).toBe(listPrice + early); // 23 580 Kč
    expect(own).not.toHaveProperty('cost');
    expect(own).not.toHaveProperty('margin');
    for (const line of own.lines) {
      expect(line).not.toHaveProperty('cost');
      expect(line).not.toHaveProperty('margin');
    }
  });

  it('prices a Rimini stay across high and low season night by night, with insurance at 3.5 %', async () => {
    const stay = { from: `${year()}-08-28`, to: `${year()}-09-04` };
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      ...stay,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      extras: [{ serviceId: insuranceId() }],
      channel: 'web',
    });
    // 28–31 August: 4 high nights × 2 × 1 890; 1–3 September: 3 low nights × 2 × 1 450.
    const high = 4 * 2 * 189_000; // 15 120 Kč
    const low = 3 * 2 * 145_000; // 8 700 Kč
    const insurance = percent(high + low, 3.5); // 3.5 % of 23 820 = 833,70 Kč
    expect(insurance).toBe(83_370);
    const early = -percent(high + low, 10); // the insurance is not discounted: −2 382 Kč
    expect(q.total).toBe(high + low + insurance + early);
    expect(q.total).toBe(2_227_170);
    expect(lines(q, 'person').map((l) => [l.period, l.unitPrice, l.quantity, l.amount])).toEqual([
      ['high', 189_000, 8, high],
      ['low', 145_000, 6, low],
    ]);
    expect(lines(q, 'service')).toEqual([
      expect.objectContaining({ amount: insurance, unitPrice: insurance, quantity: 1 }),
    ]);
    // No demand adjustment: the hotel is nearly empty and the stay is months away.
    expect(lines(q, 'dynamic')).toEqual([]);
  });

  it('prices the same stay from the EUR list when asked in euros', async () => {
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      from: `${year()}-08-28`,
      to: `${year()}-09-04`,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      currency: 'EUR',
      channel: 'web',
    });
    // 4 × 2 × 76 € + 3 × 2 × 58 € = 956 €, first minute −95,60 €: 860,40 €.
    expect(q.currency).toBe('EUR');
    expect(lines(q, 'person').map((l) => l.unitPrice)).toEqual([7_600, 5_800]);
    expect(q.total).toBe(4 * 2 * 7_600 + 3 * 2 * 5_800 - 9_560);
    expect(q.total).toBe(86_040);
    expect(q.rates).toEqual([]);
  });

  it('converts the CZK list into złoty at the cross rate of the day', async () => {
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      from: `${year()}-08-28`,
      to: `${year()}-09-04`,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      currency: 'PLN',
      channel: 'web',
    });
    // 1 CZK = 4.25 / 25 = 0.17 PLN: 1 890 Kč → 321,30 zł, 1 450 Kč → 246,50 zł a night.
    expect(q.currency).toBe('PLN');
    expect(lines(q, 'person').map((l) => l.unitPrice)).toEqual([32_130, 24_650]);
    const listPrice = 8 * 32_130 + 6 * 24_650; // 4 049,40 zł
    expect(q.total).toBe(listPrice - percent(listPrice, 10)); // −404,94 zł
    expect(q.total).toBe(364_446);
    expect(q.rates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'CZK', to: 'PLN', rate: '0.17', date: today }),
        expect.objectContaining({ from: 'EUR', to: 'PLN', rate: '4.25', source: 'manual' }),
      ]),
    );
  });

  it('prices Globex from its corporate list, everyone else from the public one', async () => {
    const airTour = await get(`/api/v1/tours/${catalog().tours.airTourIds[0]}`);
    const week = airTour.departures.find((d: { nights: number }) => d.nights === 7);
    const ask = {
      productId: airTour.id,
      departureId: week.id,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Makarska'),
      channel: 'web',
    };
    const globex = await quote({ ...ask, customerId: demoCorporateCustomerId });
    const everyone = await quote(ask);
    // The charter there and back: 2 × 3 900 each way, the same for both.
    const flights = 2 * 2 * 390_000; // 15 600 Kč
    // Globex: 2 × 7 nights × 1 490 + service 2 × 990; public: 2 × 7 × 1 690 + 2 × 1 290.
    const globexList = 2 * 7 * 149_000 + 2 * 99_000 + flights; // 38 440 Kč
    const publicList = 2 * 7 * 169_000 + 2 * 129_000 + flights; // 41 840 Kč
    // The charter flies on the first summer Saturday: first minute only if 60+ days away.
    const early = daysBetween(today, week.startDate) >= 60 ? 10 : 0;
    expect(globex.total).toBe(globexList - percent(globexList, early));
    expect(everyone.total).toBe(publicList - percent(publicList, early));
    expect(lines(globex, 'person').map((l) => l.unitPrice)).toEqual(
      expect.arrayContaining([149_000, 99_000]),
    );
    expect(lines(globex, 'transport').map((l) => l.amount)).toEqual([2 * 390_000, 2 * 390_000]);
  });

  it('takes 500 Kč off with the summer promo code on top of first minute', async () => {
    const code = catalog().pricing.promoCodes.valid;
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      from: `${year()}-07-10`,
      to: `${year()}-07-17`,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      promoCode: code.toLowerCase(),
      channel: 'web',
    });
    // 2 × 7 high nights × 1 890 = 26 460; first minute −2 646; promo −500 per booking.
    expect(q.total).toBe(2 * 7 * 189_000 - 264_600 - 50_000);
    expect(q.total).toBe(2_331_400);
    expect(q.promoCode).toBe(code);
    expect(lines(q, 'discount').map((l) => [l.rule?.kind, l.amount])).toEqual([
      ['early_booking', -264_600],
      ['promo_code', -50_000],
    ]);
  });

  it('books the marketplace commission as a cost: the customer pays the same', async () => {
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      from: `${year()}-07-10`,
      to: `${year()}-07-17`,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      channel: 'marketplace',
    });
    // 26 460 Kč − first minute 2 646 = 23 814 Kč; DealHub's 12 % of it is the agency's cost.
    expect(q.total).toBe(2_381_400);
    const commission = percent(2_381_400, 12); // 2 857,68 Kč
    expect(lines(q, 'commission')).toEqual([
      expect.objectContaining({ amount: 0, cost: commission }),
    ]);
    // The hotel: 2 × 7 nights × 58 € at 25 Kč/€ = 20 300 Kč.
    expect(q.cost).toBe(2 * 7 * 145_000 + commission);
    expect(q.margin).toBe(2_381_400 - 2_030_000 - commission); // 656,32 Kč
  });

  it('sells the July package for its price per person', async () => {
    const q = await quote({
      productId: catalog().tours.busTourId,
      departureId: julyDeparture().id,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Makarska'),
      boardingPoint: 'Praha, ÚAN Florenc',
      extras: [{ serviceId: insuranceId() }],
      channel: 'web',
    });
    // List: 2 × (14 900 + 2 900 + 2 500) = 40 600, insurance 3.5 % = 1 421: 42 021 Kč. The
    // package (priority 15) beats first minute (10): 2 × 17 990 = 35 980 Kč, −6 041 Kč.
    expect(q.total).toBe(2 * 1_799_000);
    expect(lines(q, 'discount')).toEqual([
      expect.objectContaining({
        amount: 2 * 1_799_000 - 4_202_100,
        rule: expect.objectContaining({ kind: 'package' }),
      }),
    ]);
  });

  it('gives last minute 15 % off a stay starting in 14 days', async () => {
    const from = catalog().windows.lastMinute.from;
    expect(daysBetween(today, from)).toBe(14);
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      from,
      to: addDays(from, 3),
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      channel: 'web',
    });
    // 2 × 3 nights × 1 290 = 7 740 Kč, −15 % = −1 161 Kč.
    expect(q.total).toBe(2 * 3 * 129_000 - 116_100);
    expect(lines(q, 'discount')).toEqual([
      expect.objectContaining({ rule: expect.objectContaining({ kind: 'last_minute' }) }),
    ]);
  });

  it('takes 8 % more off for the non-refundable rate, which then refunds nothing', async () => {
    const q = await quote({
      productId: catalog().tours.byDaysTourId,
      from: `${year()}-07-10`,
      to: `${year()}-07-17`,
      party: { adults: 2, childAges: [] },
      rooms: twoInADouble('Rimini'),
      ratePlan: 'non_refundable',
      channel: 'web',
    });
    // 26 460 Kč − first minute 2 646 − non-refundable 8 % of 26 460 = 2 116,80 Kč.
    expect(q.total).toBe(2_646_000 - 264_600 - 211_680);
    expect(q.cancellationPolicy).toEqual({
      nonRefundable: true,
      tiers: [{ daysBefore: 0, percent: '100', fee: q.total }],
      changeFee: null,
    });
  });

  it('sells train tickets by class, children half, no later than 3 days ahead', async () => {
    const train = await get(`/api/v1/transport/${catalog().transports.trainId}`);
    const on = (date: string) => train.departures.find((d: { date: string }) => d.date === date).id;
    const ask = { productId: train.id, classCode: '2', channel: 'web' };
    const q = await quote({
      ...ask,
      departureId: on(addDays(today, 3)),
      party: { adults: 2, childAges: [10] },
    });
    // 2 × 449 Kč + child 50 % = 224,50 Kč.
    expect(q.total).toBe(2 * 44_900 + 22_450);
    const late = await refused(
      { ...ask, departureId: on(addDays(today, 1)), party: { adults: 1, childAges: [] } },
      '/from',
    );
    expect(late.message).toMatch(/at least 3 days/);
  });

  it('refuses what it cannot price, naming the field and the reason', async () => {
    const coach = {
      productId: catalog().tours.busTourId,
      departureId: julyDeparture().id,
      channel: 'web',
    };
    const expired = await refused(
      {
        productId: catalog().tours.byDaysTourId,
        from: `${year()}-07-10`,
        to: `${year()}-07-17`,
        party: { adults: 2, childAges: [] },
        promoCode: catalog().pricing.promoCodes.expired,
        channel: 'web',
      },
      '/promoCode',
    );
    expect(expired.message).toMatch(/expired/);
    // A double has 2 beds and 1 extra bed: not enough for 2 adults and 2 children.
    const crowded = await refused(
      {
        ...coach,
        party: { adults: 2, childAges: [5, 9] },
        rooms: [{ roomTypeId: roomType('Makarska', 'DBL'), adults: 2, childAges: [5, 9] }],
      },
      '/rooms/0',
    );
    expect(crowded.message).toMatch(/beds/);
    // The coach tour's children are under 12: a 14-year-old books as an adult.
    const teen = await refused(
      { ...coach, party: { adults: 2, childAges: [14] } },
      '/party/childAges/0',
    );
    expect(teen.message).toMatch(/over the child bands/);
    const currency = await refused(
      { ...coach, party: { adults: 2, childAges: [] }, currency: 'XYZ' },
      '/currency',
    );
    expect(currency.message).toMatch(/ISO 4217/);
  });

  it('offers Rimini stays and tickets for a family, priced and sorted by total', async () => {
    const from = `${year()}-07-10`;
    const to = `${year()}-07-17`;
    const { items } = await get(
      `/api/v1/offers?destination=Rimini&from=${from}&to=${to}&adults=2&childAges=8`,
    );
    // Italia in Miniatura: 2 adults × 700 + child 500 = 1 900 Kč; 2 + 1 free takes the
    // cheapest ticket off: 1 400 Kč.
    const tickets = 2 * 70_000 + 50_000 - 50_000;
    // Rimini in a double, 7 high nights: 2 × 7 × 1 890 + the child's extra bed 7 × 790
    // = 31 990 Kč, first minute −3 199: 28 791 Kč. (The triple: 2 × 7 × 1 750 + child 70 %
    // 7 × 1 225 = 33 075 Kč before the discount, dearer.)
    const stay = 2 * 7 * 189_000 + 7 * 79_000;
    const stayTotal = stay - percent(stay, 10);
    expect(items.map((o: Json) => [o.kind, o.total])).toEqual([
      ['tickets', tickets],
      ['stay', stayTotal],
    ]);
    expect(stayTotal).toBe(2_879_100);
    expect(items[1]).toMatchObject({
      productId: catalog().tours.byDaysTourId,
      currency: 'CZK',
      nights: 7,
      rooms: [{ roomTypeId: roomType('Rimini', 'DBL'), adults: 2, childAges: [8] }],
      perPerson: Math.round(stayTotal / 3),
      freeCancellationDaysBefore: 30,
    });
    const totals = items.map((o: Json) => o.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });
});
