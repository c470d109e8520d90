// The load over HTTP: `clients` concurrent travel-agent clients quoting and booking through
// the REST API, with latencies per iteration and the rate over the run's wall time.
import { v7 as uuidv7 } from 'uuid';
import { percentile } from '../lib/figures.ts';
import type { HttpClient } from './http-client.ts';
import { clients, seconds } from './settings.ts';
import type { SetUp } from './setup.ts';

export interface HttpRun {
  /** Iterations per second, over the wall time of the whole run. */
  rate: number;
  p50: number;
  p95: number;
  failed: number;
  quoteIds: string[];
}

/** The booking flow as a travel agent's client drives it. */
export class BookingFlow {
  constructor(
    readonly http: HttpClient,
    readonly setup: SetUp,
  ) {}

  readonly travellers = [
    {
      firstName: 'Zdeňka',
      lastName: 'Šťastná',
      birthDate: '1979-02-14',
      email: 'zdenka@example.test',
    },
    { firstName: 'Łukasz', lastName: 'Żółkiewski', birthDate: '1977-11-03' },
    { firstName: 'Eliška', lastName: 'Šťastná', birthDate: '2029-03-10' },
  ];

  async quote(): Promise<string> {
    const reply = await this.http.post('/api/v1/quotes', {
      productId: this.setup.tourId,
      from: '2030-07-06',
      party: { adults: 2, childAges: [1] },
      rooms: [{ roomTypeId: this.setup.double, adults: 2, childAges: [1] }],
      channel: 'phone',
    });
    if (reply.status !== 201) throw new Error(`POST /api/v1/quotes: ${reply.status} ${reply.text}`);
    return (JSON.parse(reply.text) as { id: string }).id;
  }

  async book(quoteId: string): Promise<{ id: string; number: string }> {
    const reply = await this.http.post(
      '/api/v1/bookings',
      { quoteId, customerId: this.setup.customerId, travellers: this.travellers },
      { 'idempotency-key': `bench-${uuidv7()}` },
    );
    if (reply.status !== 201)
      throw new Error(`POST /api/v1/bookings: ${reply.status} ${reply.text}`);
    return JSON.parse(reply.text) as { id: string; number: string };
  }

  async quoteAndBook() {
    return this.book(await this.quote());
  }

  /**
   * `clients` loops for `seconds` (quote+booking, quote); or, given quotes, until every one of
   * them is booked. Latency per iteration; the rate over the wall time of the whole run.
   */
  async run(kind: 'quote+booking' | 'quote' | 'booking', quotes: string[] = []): Promise<HttpRun> {
    const latencies: number[] = [];
    const quoteIds: string[] = [];
    const queue = [...quotes];
    let failed = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    const more = () => (kind === 'booking' ? queue.length > 0 : performance.now() < until);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (more()) {
          const before = performance.now();
          try {
            if (kind === 'quote+booking') await this.quoteAndBook();
            else if (kind === 'quote') quoteIds.push(await this.quote());
            else await this.book(queue.pop() as string);
            latencies.push(performance.now() - before);
          } catch (error) {
            failed += 1;
            if (failed <= 3) console.error(`  ${kind}: ${(error as Error).message.slice(0, 300)}`);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      rate: latencies.length / elapsed,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      failed,
      quoteIds,
    };
  }
}
