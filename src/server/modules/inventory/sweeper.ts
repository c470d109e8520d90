// Runs `sweepExpiredHolds` on a timer in the server process, so abandoned quotes and carts
// give their units back within a minute of expiring.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { sweepExpiredHolds } from './service.ts';

export class HoldSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: {
      intervalMs?: number;
      onError?: (error: unknown) => void;
      onReleased?: (count: number) => void;
    } = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, this.options.intervalMs ?? 30_000);
    this.timer.unref();
  }

  async sweep(): Promise<void> {
    try {
      const count = await sweepExpiredHolds(this.db);
      if (count > 0) this.options.onReleased?.(count);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
