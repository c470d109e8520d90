// Slows down password guessing: after too many failures in a window, further attempts for
// that account (or from that address) are refused until the window has passed.
// Kept in memory: one Caravel process serves an installation; several processes would
// each allow their own budget, which still bounds guessing.

export interface ThrottleLimits {
  /** Failures allowed per account in the window; the next attempt is refused. */
  perAccount: number;
  /** Failures allowed per client address in the window (higher: offices share an address). */
  perAddress: number;
  windowMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60 * 1000,
};

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until an attempt is allowed again, or 0 when it may go ahead now. */
  retryAfterSeconds(account: string, address: string): number {
    const accountWait = this.wait(`a:${account}`, this.limits.perAccount);
    const addressWait = this.wait(`i:${address}`, this.limits.perAddress);
    return Math.max(accountWait, addressWait);
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`a:${account}`, `i:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  /** A successful login clears the account's failures (not the address's). */
  recordSuccess(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private wait(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    const oldestThatCounts = list[list.length - limit] ?? this.now();
    return Math.max(1, Math.ceil((oldestThatCounts + this.limits.windowMs - this.now()) / 1000));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of this.failures.keys()) {
      const list = this.recent(key);
      if (list.length === 0) this.failures.delete(key);
      else this.failures.set(key, list);
    }
  }
}
