import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import type { Database } from '../../db/connect.ts';
import { type Claim, LoginThrottle, type ThrottleLimits } from './login-throttle.ts';

function clock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const limits: Partial<ThrottleLimits> = {
  perAccount: 5,
  perAddress: 20,
  perAccountGlobal: 12,
  windowMs: 15 * 60_000,
  accountLockoutMs: 60_000,
};

/** Names no other test uses (the tests share one database). */
const unique = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;

async function fail(throttle: LoginThrottle, database: Database, account: string, ip: string) {
  const claim = await throttle.claim(database.db, [account], ip);
  expect(claim.allowed).toBe(true);
  await throttle.failed(database.db);
  return claim;
}

const waitOf = (claim: Claim) => (claim.allowed ? 0 : claim.wait);

describeEachDatabase('LoginThrottle', (database) => {
  it('allows five failures for an account from an address and refuses the sixth attempt', async () => {
    const throttle = new LoginThrottle(limits, clock().now);
    const [account, ip] = [unique('a'), unique('ip')];
    for (let i = 0; i < 5; i++) await fail(throttle, database(), account, ip);
    expect(waitOf(await throttle.claim(database().db, [account], ip))).toBe(15 * 60);
    // another account from another address is not affected
    expect((await throttle.claim(database().db, [unique('b')], unique('ip'))).allowed).toBe(true);
  });

  it('counts in the database: a second throttle (another process) sees the first one’s failures', async () => {
    const time = clock();
    const first = new LoginThrottle(limits, time.now);
    const second = new LoginThrottle(limits, time.now);
    const [account, ip] = [unique('a'), unique('ip')];
    for (let i = 0; i < 3; i++) await fail(first, database(), account, ip);
    for (let i = 0; i < 2; i++) await fail(second, database(), account, ip);
    expect((await first.claim(database().db, [account], ip)).allowed).toBe(false);
    expect((await second.claim(database().db, [account], ip)).allowed).toBe(false);
  });

  it('counts parallel attempts: of twenty at once, at most five are let through', async () => {
    const throttle = new LoginThrottle(limits, clock().now);
    const [account, ip] = [unique('a'), unique('ip')];
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => throttle.claim(database().db, [account], ip)),
    );
    const allowed = claims.filter((claim) => claim.allowed).length;
    expect(allowed).toBeLessThanOrEqual(5);
    // Refused attempts leave nothing behind: the pair still has what the allowed ones left.
    for (let i = allowed; i < 5; i++) await fail(throttle, database(), account, ip);
    expect((await throttle.claim(database().db, [account], ip)).allowed).toBe(false);
  });

  it('lets the pair try again once the oldest failure leaves the window', async () => {
    const time = clock();
    const throttle = new LoginThrottle(limits, time.now);
    const [account, ip] = [unique('a'), unique('ip')];
    for (let i = 0; i < 5; i++) await fail(throttle, database(), account, ip);
    time.advance(10 * 60_000);
    expect(waitOf(await throttle.claim(database().db, [account], ip))).toBe(5 * 60);
    time.advance(5 * 60_000 + 1);
    expect((await throttle.claim(database().db, [account], ip)).allowed).toBe(true);
  });

  it("does not lock the account's owner out from their own address after failures elsewhere", async () => {
    const time = clock();
    const throttle = new LoginThrottle(limits, time.now);
    const [account, attacker, owner] = [unique('a'), unique('ip'), unique('ip')];
    for (let i = 0; i < 5; i++) await fail(throttle, database(), account, attacker);
    expect((await throttle.claim(database().db, [account], attacker)).allowed).toBe(false);
    expect((await throttle.claim(database().db, [account], owner)).allowed).toBe(true);
  });

  it('limits one address guessing many accounts, and no other address', async () => {
    const throttle = new LoginThrottle(limits, clock().now);
    const ip = unique('ip');
    for (let i = 0; i < 20; i++) await fail(throttle, database(), unique('user'), ip);
    expect((await throttle.claim(database().db, [unique('fresh')], ip)).allowed).toBe(false);
    expect((await throttle.claim(database().db, [unique('fresh')], unique('ip'))).allowed).toBe(
      true,
    );
  });

  it('locks an account guessed from many addresses, but only for a short while', async () => {
    const time = clock();
    const throttle = new LoginThrottle(limits, time.now);
    const account = unique('a');
    for (let i = 0; i < 12; i++) await fail(throttle, database(), account, unique('ip'));
    expect(waitOf(await throttle.claim(database().db, [account], unique('ip')))).toBe(60);
    time.advance(60_001);
    expect((await throttle.claim(database().db, [account], unique('ip'))).allowed).toBe(true);
  });

  it('forgives the pair after a successful sign-in', async () => {
    const throttle = new LoginThrottle(limits, clock().now);
    const [account, ip] = [unique('a'), unique('ip')];
    for (let i = 0; i < 4; i++) await fail(throttle, database(), account, ip);
    const success = await throttle.claim(database().db, [account], ip);
    if (!success.allowed) throw new Error('the fifth attempt should go ahead');
    await throttle.succeeded(database().db, success.attemptId, account, ip);
    for (let i = 0; i < 4; i++) await fail(throttle, database(), account, ip);
    expect((await throttle.claim(database().db, [account], ip)).allowed).toBe(true);
  });
});
