// What a quote costs. Over HTTP: POST /api/v1/quotes as a signed-in agent (session, schema
// validation, catalog reads, price lists, rules, fees, the engine, an inventory hold and the
// stored quote) at 64 concurrent connections, beside a bare Fastify POST route answering a
// pre-serialised body of the same size as the quote's, in the same run. Then the engine
// alone: priceQuote() in-process on a 7-night stay across two periods for 2 adults and a
// child, with a flight, two extras, three rules and a channel fee. Prints medians of rounds.
//
//   npm run bench -- quote                       (starts a throwaway PostgreSQL cluster)
//   BENCH_DATABASE_URL=postgres://… npm run bench -- quote
//   BENCH_PGLITE=1 npm run bench -- quote        (PGlite, as `caravel serve` without a URL)
//   BENCH_SECONDS=3 BENCH_ROUNDS=1 npm run bench -- quote
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { todayUtc } from '../src/server/calendar.ts';
import { loadConfig } from '../src/server/config.ts';
import { firstText } from '../src/server/modules/catalog/labels.ts';
import { setCapacity } from '../src/server/modules/inventory/service.ts';
import {
  createChannelFee,
  loadChannelFees,
} from '../src/server/modules/pricing/channel-fees-service.ts';
import { priceQuote } from '../src/server/modules/pricing/engine.ts';
import type { PricingRequest } from '../src/server/modules/pricing/engine-types.ts';
import {
  type CreatePriceListInput,
  createPriceList,
  loadPriceLists,
} from '../src/server/modules/pricing/price-lists-service.ts';
import { createPriceRule, loadRules } from '../src/server/modules/pricing/price-rules-service.ts';
import { type RunningServer, startServer } from '../src/server/runtime.ts';
import { makeAccommodation, makeSeason, makeTour } from '../tests/helpers/catalog-factories.ts';
import { makeAgency, testPassword, uniqueSuffix } from '../tests/helpers/factories.ts';
import { makeExtraService, makeFlight } from '../tests/helpers/transport-factories.ts';
import { median, percentile } from './lib/figures.ts';
import {
  createDatabase,
  type PostgresServer,
  serverVersion,
  startPostgres,
} from './lib/postgres.ts';
import { printTable } from './lib/table.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
/** Room nights each room type can hold: 64 clients never sell out, holds are never swept. */
const capacity = 10_000_000;

const dataDir = `/tmp/caravel-bench-quote-${process.pid}`;

// --- the database: PostgreSQL unless told otherwise, PGlite when no server can be had -------

let postgres: PostgresServer | null = null;
let databaseUrl: string | null = null;
let fallback = '';
if (process.env.BENCH_PGLITE !== '1') {
  try {
    postgres = startPostgres({ quiet: true });
  } catch (error) {
    fallback = ` (no PostgreSQL could be started: ${(error as Error).message.split('\n')[0]})`;
  }
  if (postgres) databaseUrl = await createDatabase(postgres.url, 'caravel_bench_quote');
}

let server: RunningServer | null = null;
const bare = Fastify();
try {
  const config = loadConfig({
    CARAVEL_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    CARAVEL_ADMIN_PASSWORD: 'bench password 1',
    CARAVEL_DEMO: '0',
    CARAVEL_WORKER: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  server = await startServer(config, { logger: false });
  const database = server.database;

  // --- an agency selling a by-days tour, a flight and two extras, with prices and rules ---

  console.log(
    `setting up an agency, ${connections} by-days tours with room types and prices, a flight, extras, rules, a fee…`,
  );
  const agentEmail = `agent-${uniqueSuffix()}@bench.test`;
  const agency = await makeAgency(database, { users: [{ role: 'agent', email: agentEmail }] });
  const ctx = agency.ctx;
  const childBands = [
    { code: 'infant', minAge: 0, maxAge: 2, needsBed: false },
    { code: 'child', minAge: 2, maxAge: 12 },
  ];
  const summer = [{ code: 'summer', name: 'Summer 2030', from: '2030-06-01', to: '2030-08-31' }];
  const list = (
    productKind: CreatePriceListInput['productKind'],
    productId: string,
    fields: Partial<CreatePriceListInput>,
  ): CreatePriceListInput => ({
    name: `Bench ${productKind}`,
    productKind,
    productId,
    currency: 'EUR',
    costCurrency: 'EUR',
    periods: summer,
    childBands,
    ...fields,
  });

  /** A hotel (double and family rooms) with a by-days July tour, its capacity and prices. */
  async function benchTour() {
    const hotel = await makeAccommodation(agency);
    const tour = await makeTour(agency, {
      accommodationId: hotel.id,
      mode: 'by_days',
      seasons: [makeSeason()],
    });
    const [double, family] = hotel.roomTypes.map((r) => r.id) as [string, string];
    for (const roomTypeId of [double, family]) {
      await setCapacity(ctx, { kind: 'room_type', ownerId: roomTypeId }, 'bench room', {
        from: '2030-07-01',
        to: '2030-07-31',
        kind: 'allotment',
        units: capacity,
      });
    }
    // Two periods: the stay of 10–17 July has four nights in the first, three in the second.
    const rows = (
      [
        ['early', 120_00, 180_00, 40_00],
        ['high', 150_00, 220_00, 50_00],
      ] as const
    ).flatMap(
      ([period, dbl, fam, bed]): NonNullable<CreatePriceListInput['rows']> => [
        {
          period,
          charge: 'room',
          basis: 'night',
          roomTypeId: double,
          amount: dbl,
          cost: dbl - 30_00,
        },
        {
          period,
          charge: 'room',
          basis: 'night',
          roomTypeId: family,
          amount: fam,
          cost: fam - 40_00,
        },
        { period, charge: 'extra_bed', basis: 'night', amount: bed, cost: bed / 2 },
        { period, charge: 'extra_bed', basis: 'night', childBand: 'child', percentOfAdult: '50' },
        { period, charge: 'person', basis: 'night', childBand: 'infant', amount: 0 },
        { period, charge: 'booking', basis: 'stay', amount: 25_00, cost: 0 },
      ],
    );
    await createPriceList(
      ctx,
      list('tour', tour.id, {
        periods: [
          { code: 'early', name: 'July, first half', from: '2030-07-01', to: '2030-07-13' },
          { code: 'high', name: 'July, second half', from: '2030-07-14', to: '2030-07-31' },
        ],
        rows,
        cancellation: [
          { daysBefore: 30, percent: '10' },
          { daysBefore: 7, percent: '50' },
          { daysBefore: 0, percent: '100' },
        ],
      }),
    );
    return { hotel, tour, double };
  }
  // One tour every client quotes (they all hold the same seven room nights), and as many
  // tours as connections for the spread run, quoted in turn, so that clients rarely wait on
  // each other's row locks: the difference between the two is the cost of the hot rows.
  const main = await benchTour();
  const { hotel, tour, double } = main;
  const spread = [main];
  while (spread.length < connections) spread.push(await benchTour());
  const flight = await makeFlight(agency, {
    departures: [{ date: '2030-07-10', seats: { Y: 150, J: 12 } }],
  });
  const transfer = await makeExtraService(agency);
  const insurance = await makeExtraService(agency, {
    kind: 'insurance',
    code: `INS-${uniqueSuffix()}`,
    name: { en: 'Travel insurance' },
    unit: 'per_booking',
  });

  await createPriceList(
    ctx,
    list('transport', flight.id, {
      rows: [
        {
          period: 'summer',
          charge: 'person',
          basis: 'stay',
          classCode: 'Y',
          amount: 189_00,
          cost: 150_00,
        },
        {
          period: 'summer',
          charge: 'person',
          basis: 'stay',
          classCode: 'Y',
          childBand: 'child',
          percentOfAdult: '75',
        },
        {
          period: 'summer',
          charge: 'person',
          basis: 'stay',
          classCode: 'J',
          amount: 490_00,
          cost: 400_00,
        },
      ],
    }),
  );
  await createPriceList(
    ctx,
    list('extra_service', transfer.id, {
      rows: [
        { period: 'summer', charge: 'person', basis: 'stay', amount: 25_00, cost: 15_00 },
        {
          period: 'summer',
          charge: 'person',
          basis: 'stay',
          childBand: 'child',
          amount: 12_50,
          cost: 7_50,
        },
      ],
    }),
  );
  await createPriceList(
    ctx,
    list('extra_service', insurance.id, {
      rows: [
        { period: 'summer', charge: 'booking', basis: 'stay', percentOfTrip: '3.5', cost: 10_00 },
      ],
    }),
  );
  await createPriceRule(ctx, {
    name: 'Early booking',
    kind: 'early_booking',
    minDaysBefore: 60,
    percent: '10',
    priority: 10,
    stackable: true,
  });
  await createPriceRule(ctx, {
    name: 'High-season surcharge',
    kind: 'surcharge',
    travelFrom: '2030-07-01',
    travelTo: '2030-08-31',
    amount: 20_00,
    amountPer: 'person',
    currency: 'EUR',
    stackable: true,
  });
  await createPriceRule(ctx, {
    name: 'Family discount',
    kind: 'discount',
    percent: '5',
    stackable: true,
  });
  await createChannelFee(ctx, {
    name: 'Phone booking fee',
    channel: 'phone',
    kind: 'fee',
    amount: 15_00,
    currency: 'EUR',
  });

  // --- over HTTP ----------------------------------------------------------------------------

  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: agentEmail, password: testPassword }),
  });
  if (!login.ok) throw new Error(`agent sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const party = { adults: 2, childAges: [8] };
  const bodyFor = (t: { tour: { id: string }; double: string }) =>
    JSON.stringify({
      productId: t.tour.id,
      from: '2030-07-10',
      to: '2030-07-17',
      party,
      rooms: [{ roomTypeId: t.double, ...party }],
      extras: [{ serviceId: transfer.id }, { serviceId: insurance.id }],
      channel: 'phone',
    });
  const body = bodyFor(main);
  const spreadBodies = spread.map(bodyFor);
  const headers = { 'content-type': 'application/json', cookie };
  const first = await fetch(`${server.url}/api/v1/quotes`, { method: 'POST', headers, body });
  const quoteText = await first.text();
  if (first.status !== 201) throw new Error(`POST /api/v1/quotes: ${first.status} ${quoteText}`);
  const sample = JSON.parse(quoteText) as { total: number; lines: { kind: string }[] };
  const adjustments = sample.lines.filter((l) => ['discount', 'surcharge', 'fee'].includes(l.kind));
  if (adjustments.length !== 4) throw new Error(`expected 3 rules and a fee: ${quoteText}`);
  const size = Buffer.byteLength(quoteText);

  // The same JSON, serialised once: what Fastify costs with nothing of Caravel behind it.
  bare.post('/quotes', async (_request, reply) =>
    reply.code(201).type('application/json; charset=utf-8').send(quoteText),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/quotes`;

  const kind =
    database.kind === 'postgres'
      ? `PostgreSQL ${await serverVersion(database)} (pool of 20)`
      : `PGlite${fallback}`;
  console.log(
    `\ndatabase: ${kind}; ${os.cpus().length} CPUs; ${connections} connections, ${rounds} × ${seconds} s rounds (medians)`,
  );
  console.log(
    `quote: 7 nights (4 + 3 in two periods), 2 adults + child in a double, 2 extras, 3 rules, a fee: ${sample.lines.length} lines, total ${sample.total}, response ${size} bytes\n`,
  );

  interface HttpFigures {
    rps: number;
    p50: number;
    p99: number;
    non2xx: number;
    errors: number;
  }
  /** One autocannon run; with several bodies, request i sends body i mod n (round robin). */
  const once = async (url: string, bodies: string[] = [body]) => {
    let next = 0;
    const result = await autocannon({
      url,
      method: 'POST',
      connections,
      duration: seconds,
      headers,
      body,
      ...(bodies.length > 1
        ? {
            requests: [
              {
                setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
              },
            ],
          }
        : {}),
    });
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  };
  const summarise = (results: HttpFigures[]): HttpFigures => ({
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
  });
  const bareRuns: HttpFigures[] = [];
  const quoteRuns: HttpFigures[] = [];
  const spreadRuns: HttpFigures[] = [];
  for (let round = 0; round < rounds; round += 1) {
    bareRuns.push(await once(bareUrl));
    quoteRuns.push(await once(`${server.url}/api/v1/quotes`));
    spreadRuns.push(await once(`${server.url}/api/v1/quotes`, spreadBodies));
  }
  const baseline = summarise(bareRuns);
  const quotes = summarise(quoteRuns);
  const spreadQuotes = summarise(spreadRuns);

  // --- the engine alone -----------------------------------------------------------------

  const productIds = [tour.id, flight.id, transfer.id, insurance.id];
  const extraOf = (service: typeof transfer) => ({
    service: {
      id: service.id,
      name: firstText(service.name),
      kind: service.kind,
      unit: service.unit,
    },
    quantity: null,
    date: null,
  });
  const request: PricingRequest = {
    product: {
      kind: 'tour',
      id: tour.id,
      name: firstText(tour.name),
      roomTypes: hotel.roomTypes.map((r) => ({
        id: r.id,
        code: r.code,
        name: firstText(r.name),
        maxAdults: r.maxAdults,
        maxChildren: r.maxChildren,
        standardBeds: r.standardBeds,
        extraBeds: r.extraBeds,
      })),
    },
    start: '2030-07-10',
    end: '2030-07-17',
    party,
    rooms: [{ roomTypeId: double, ...party }],
    transport: [
      {
        transportId: flight.id,
        name: `${flight.code} ${flight.name}`,
        date: '2030-07-10',
        classCode: 'Y',
        boardingPoint: null,
        direction: 'outbound',
      },
    ],
    extras: [extraOf(transfer), extraOf(insurance)],
    bookingDate: todayUtc(),
    channel: 'phone',
    customerId: null,
    currency: 'EUR',
    baseCurrency: 'EUR',
    promo: null,
    ratePlan: 'flexible',
    priceLists: await loadPriceLists(ctx, productIds),
    rules: await loadRules(ctx, productIds),
    fees: await loadChannelFees(ctx, 'phone'),
    rate: () => undefined,
    loadFactor: '0.0000',
  };
  const engineQuote = priceQuote(request);
  const applied = engineQuote.lines.filter((l) => l.rule !== null).length;
  if (applied !== 4) throw new Error(`expected 3 rules and a fee in the quote, got ${applied}`);

  const runEngine = (forSeconds: number) => {
    let times = new Float64Array(1 << 16);
    let n = 0;
    const started = performance.now();
    const until = started + forSeconds * 1000;
    let now = started;
    while (now < until) {
      const before = now;
      priceQuote(request);
      now = performance.now();
      if (n === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[n] = now - before;
      n += 1;
    }
    const sorted = times.subarray(0, n).sort();
    return {
      qps: n / ((now - started) / 1000),
      p50: percentile(sorted, 0.5) * 1000,
      p99: percentile(sorted, 0.99) * 1000,
    };
  };
  runEngine(Math.min(2, seconds)); // warm-up: let the JIT settle
  const engineRuns = Array.from({ length: rounds }, () => runEngine(seconds));
  const engine = {
    qps: median(engineRuns.map((r) => r.qps)),
    p50: median(engineRuns.map((r) => r.p50)),
    p99: median(engineRuns.map((r) => r.p99)),
  };

  // --- the tables -------------------------------------------------------------------------

  const httpRow = (label: string, r: HttpFigures) => [
    label,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    String(r.non2xx),
    String(r.errors),
    `${(r.rps / baseline.rps).toFixed(3)}×`,
  ];
  printTable(
    ['over HTTP', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'vs bare'],
    [
      httpRow(`bare Fastify POST, ${size} B body (baseline)`, baseline),
      httpRow('POST /api/v1/quotes, one tour (shared rows)', quotes),
      httpRow(`POST /api/v1/quotes, ${spread.length} tours (a tour each)`, spreadQuotes),
    ],
  );
  console.log('');
  printTable(
    ['engine alone, in-process', 'quotes/s', 'p50 µs', 'p99 µs'],
    [
      [
        `priceQuote(): ${engineQuote.lines.length} lines, + flight leg`,
        engine.qps.toFixed(0),
        engine.p50.toFixed(1),
        engine.p99.toFixed(1),
      ],
    ],
  );
  const failed = [baseline, quotes, spreadQuotes].reduce((n, r) => n + r.non2xx + r.errors, 0);
  if (failed > 0) console.log(`\nwarning: ${failed} requests failed (non-2xx or errors)`);
} finally {
  await bare.close();
  await server?.close();
  postgres?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
