// The in-process outbox worker. It claims due jobs with FOR UPDATE SKIP LOCKED, so several
// workers (or servers) on PostgreSQL never take the same job, and leases them for a while
// instead of holding a transaction open while a job runs: on PGlite's single connection an
// open transaction would stall every request, and a crashed worker's lease simply expires.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB, OutboxJob } from '../../db/schema.ts';
import { type BackoffPolicy, defaultBackoff, retryDelayMs } from './backoff.ts';

export type JobHandler = (job: OutboxJob) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  onError?: (error: unknown, job?: OutboxJob) => void;
}

export interface RunSummary {
  claimed: number;
  done: number;
  failed: number;
  dead: number;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: WorkerOptions,
  ) {}

  /** Claims up to one batch of due jobs and runs them. */
  async runOnce(): Promise<RunSummary> {
    const jobs = await this.claim();
    const summary: RunSummary = { claimed: jobs.length, done: 0, failed: 0, dead: 0 };
    for (const job of jobs) {
      const outcome = await this.run(job);
      summary[outcome] += 1;
    }
    return summary;
  }

  /** Runs batches until no job is due. */
  async drain(): Promise<RunSummary> {
    const total: RunSummary = { claimed: 0, done: 0, failed: 0, dead: 0 };
    for (;;) {
      const summary = await this.runOnce();
      for (const key of Object.keys(total) as (keyof RunSummary)[]) total[key] += summary[key];
      if (summary.claimed === 0) return total;
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.drain().catch((error) => this.options.onError?.(error));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 1000);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async claim(): Promise<OutboxJob[]> {
    const leaseMs = this.options.leaseMs ?? 5 * 60_000;
    const batchSize = this.options.batchSize ?? 20;
    const result = await sql<OutboxJob>`
      update outbox
         set locked_until = now() + ${`${leaseMs} milliseconds`}::interval,
             attempts = attempts + 1
       where id in (
         select id from outbox
          where status = 'pending'
            and run_at <= now()
            and (locked_until is null or locked_until < now())
          order by run_at, id
          limit ${batchSize}
          for update skip locked)
      returning *`.execute(this.db);
    return result.rows;
  }

  private async run(job: OutboxJob): Promise<'done' | 'failed' | 'dead'> {
    const handler = this.options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for outbox jobs of kind "${job.kind}"`);
      await handler(job);
      await this.db
        .updateTable('outbox')
        .set({ status: 'done', doneAt: new Date(), lockedUntil: null, lastError: null })
        .where('id', '=', job.id)
        .execute();
      return 'done';
    } catch (error) {
      this.options.onError?.(error, job);
      const message = error instanceof Error ? error.message : String(error);
      const isDead = job.attempts >= job.maxAttempts;
      const delay = retryDelayMs(
        job.attempts,
        this.options.backoff ?? defaultBackoff,
        (this.options.random ?? Math.random)(),
      );
      await this.db
        .updateTable('outbox')
        .set({
          status: isDead ? 'dead' : 'pending',
          runAt: new Date(Date.now() + delay),
          lockedUntil: null,
          lastError: message.slice(0, 2000),
        })
        .where('id', '=', job.id)
        .execute();
      return isDead ? 'dead' : 'failed';
    }
  }
}
