// pgbench running the replayed statements (statements.ts) as custom scripts: quote and
// booking per iteration, quotes alone, and the booking of those quotes; each run checked to
// have booked what it should have.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/server/db/connect.ts';
import { clients, seconds } from './settings.ts';
import type { Replay } from './statements.ts';

export interface PgBenchRun {
  tps: number;
  latencyMs: number;
  transactions: number;
}

export class PgBench {
  private readonly files: Record<'both' | 'quote' | 'booking', string>;
  /** Each run starts its clients' iteration counters here; never reused. */
  private nextIteration = 1_000_000;

  constructor(
    readonly binary: string,
    readonly url: string,
    dir: string,
    replay: Replay,
  ) {
    const header = ['\\set bench_i :bench_i + 1', '\\set bench_c :client_id + 1000'];
    const write = (name: string, lines: string[]) => {
      const file = path.join(dir, `${name}.sql`);
      fs.writeFileSync(file, `${[...header, ...lines].join('\n')}\n`);
      return file;
    };
    this.files = {
      both: write('quote-and-booking', [...replay.quote, ...replay.booking]),
      quote: write('quote', replay.quote),
      booking: write('booking', replay.booking),
    };
  }

  private exec(
    script: keyof PgBench['files'],
    limit: { transactions: number } | { seconds: number },
    firstIteration: number,
    connections = clients,
  ): PgBenchRun {
    const run = spawnSync(
      this.binary,
      [
        '-n',
        '-c',
        String(connections),
        '-j',
        String(Math.min(2, connections)),
        ...('seconds' in limit
          ? ['-T', String(limit.seconds)]
          : ['-t', String(limit.transactions)]),
        '-D',
        `bench_i=${firstIteration}`,
        '-f',
        this.files[script],
        this.url,
      ],
      { encoding: 'utf8' },
    );
    const figure = (pattern: RegExp) => Number(pattern.exec(run.stdout)?.[1] ?? Number.NaN);
    const tps = figure(/tps = ([\d.]+)/);
    const failed = figure(/number of failed transactions: (\d+)/);
    if (run.status !== 0 || Number.isNaN(tps) || failed > 0) {
      throw new Error(`pgbench ${script} failed (${run.status}): ${run.stderr}\n${run.stdout}`);
    }
    return {
      tps,
      latencyMs: figure(/latency average = ([\d.]+) ms/),
      transactions: figure(/number of transactions actually processed: (\d+)/),
    };
  }

  private async bookings(database: Database) {
    const row = await database.db
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Runs `script` and checks that it booked what it should have: one per transaction. */
  private async counted(
    database: Database,
    script: keyof PgBench['files'],
    limit: { transactions: number } | { seconds: number },
    firstIteration: number,
    connections = clients,
  ) {
    const before = await this.bookings(database);
    const run = this.exec(script, limit, firstIteration, connections);
    const made = (await this.bookings(database)) - before;
    const expected = script === 'quote' ? 0 : run.transactions;
    if (made !== expected)
      throw new Error(`pgbench ${script} made ${made} bookings, not ${expected}`);
    return run;
  }

  private claim() {
    const first = this.nextIteration;
    this.nextIteration += 100_000; // more iterations than any client runs in one run
    if (this.nextIteration > 9_999_999) throw new Error('pgbench iteration counters used up');
    return first;
  }

  /** One client, one iteration of each script: the replay runs and books. */
  async check(database: Database) {
    await this.counted(database, 'both', { transactions: 1 }, this.claim(), 1);
    const first = this.claim();
    await this.counted(database, 'quote', { transactions: 1 }, first, 1);
    await this.counted(database, 'booking', { transactions: 1 }, first, 1);
  }

  /** Quote and booking per iteration, for `seconds`. */
  both(database: Database) {
    return this.counted(database, 'both', { seconds }, this.claim());
  }

  /**
   * Quotes first (a figure of their own), then the booking script books them: client c's
   * iteration i books the ids its iteration i of the quote run made, since both runs start
   * their counters at the same value.
   */
  async quotesThenBookings(database: Database, perClient: number) {
    const first = this.claim();
    const quote = await this.counted(database, 'quote', { transactions: perClient }, first);
    const booking = await this.counted(database, 'booking', { transactions: perClient }, first);
    return { quote, booking };
  }
}
