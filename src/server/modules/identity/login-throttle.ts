// Slows down password guessing. Every sign-in attempt is written to `login_failures` before
// the password is checked, under three keys, so every process serving the installation (and
// every attempt racing in parallel) counts against the same budget:
// - the account from this address: a few failures, then that pair waits out the window;
// - the address over all accounts: a higher limit (an office shares one address), against one
//   client trying many accounts;
// - the account over all addresses: against guesses spread over many addresses; it locks the
//   account only briefly, so that someone else's guessing cannot keep its owner out for long.
// A refused attempt is not recorded (hammering does not extend a lock); a successful one is
// removed again, with its pair's earlier failures.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';

export interface ThrottleLimits {
  /** Failures allowed per account from one address in the window; the next attempt waits. */
  perAccount: number;
  /** Failures allowed per client address in the window, over all accounts. */
  perAddress: number;
  /** Failures allowed per account in the window, over all addresses. */
  perAccountGlobal: number;
  windowMs: number;
  /** How long an account over its global limit stays locked after its latest failure. */
  accountLockoutMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = {
  perAccount: 5,
  perAddress: 50,
  perAccountGlobal: 20,
  windowMs: 15 * 60 * 1000,
  accountLockoutMs: 60 * 1000,
};

/** The account of a sign-in: the user it names, or the e-mail when it names none. */
export function accountKeyOfUser(user: { agencyId: string; id: string }): string {
  return `user:${user.agencyId}:${user.id}`;
}

export function accountKeyOfEmail(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export type Claim = { allowed: true; attemptId: string } | { allowed: false; wait: number };

// Rows older than this are gone for every limit; a throttle with a short window (tests) must
// not delete what a longer one in another process still counts.
const keepRowsMs = 24 * 3600_000;

export class LoginThrottle {
  readonly limits: ThrottleLimits;

  constructor(
    limits: Partial<ThrottleLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...defaultThrottleLimits, ...limits };
  }

  /**
   * Records an attempt for the accounts (the users a sign-in could open) from the address, or
   * refuses it with the seconds to wait. An allowed attempt counts as a failure until
   * `succeeded` removes it.
   */
  async claim(db: Kysely<DB>, accounts: readonly string[], address: string): Promise<Claim> {
    const attemptId = newId();
    const at = new Date(this.now());
    const keys = new Map<string, (others: Date[]) => number>();
    keys.set(`addr:${address}`, (others) => this.slidingWait(others, this.limits.perAddress));
    for (const account of accounts) {
      keys.set(pairKey(account, address), (others) =>
        this.slidingWait(others, this.limits.perAccount),
      );
      keys.set(`acct:${account}`, (others) => this.lockoutWait(others));
    }
    await db
      .insertInto('loginFailures')
      .values([...keys.keys()].map((key) => ({ attemptId, key, at })))
      .execute();

    const since = new Date(this.now() - this.limits.windowMs);
    const rows = await db
      .selectFrom('loginFailures')
      .select(['key', 'at', 'attemptId'])
      .where('key', 'in', [...keys.keys()])
      .where('at', '>', since)
      .where('attemptId', '!=', attemptId)
      .orderBy('at', 'desc')
      .execute();
    let wait = 0;
    for (const [key, waitOf] of keys) {
      const others = rows.filter((row) => row.key === key).map((row) => new Date(row.at));
      wait = Math.max(wait, waitOf(others));
    }
    if (wait === 0) return { allowed: true, attemptId };
    await db.deleteFrom('loginFailures').where('attemptId', '=', attemptId).execute();
    return { allowed: false, wait };
  }

  /** The attempt opened a session: it was no failure, and the pair's earlier ones are forgiven. */
  async succeeded(
    db: Kysely<DB>,
    attemptId: string,
    account: string,
    address: string,
  ): Promise<void> {
    await db
      .deleteFrom('loginFailures')
      .where((eb) =>
        eb.or([eb('attemptId', '=', attemptId), eb('key', '=', pairKey(account, address))]),
      )
      .execute();
  }

  /** The attempt failed: it stays counted; rows no limit looks at any more are dropped. */
  async failed(db: Kysely<DB>): Promise<void> {
    const horizon = Math.max(keepRowsMs, this.limits.windowMs, this.limits.accountLockoutMs);
    await db
      .deleteFrom('loginFailures')
      .where('at', '<', new Date(this.now() - horizon))
      .execute();
  }

  /** At the limit: wait until the oldest failure that counts leaves the window. */
  private slidingWait(others: Date[], limit: number): number {
    if (others.length < limit) return 0;
    const oldestThatCounts = others[limit - 1] ?? new Date(this.now());
    return this.secondsUntil(oldestThatCounts.getTime() + this.limits.windowMs);
  }

  /** Over the account's global limit: locked for a short while after the latest failure. */
  private lockoutWait(others: Date[]): number {
    const latest = others[0];
    if (others.length < this.limits.perAccountGlobal || !latest) return 0;
    const until = latest.getTime() + this.limits.accountLockoutMs;
    return until > this.now() ? this.secondsUntil(until) : 0;
  }

  private secondsUntil(at: number): number {
    return Math.max(1, Math.ceil((at - this.now()) / 1000));
  }
}

function pairKey(account: string, address: string): string {
  return `pair:${account}@${address}`;
}
