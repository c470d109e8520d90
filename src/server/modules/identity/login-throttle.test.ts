import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
  const limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

  it('allows five failures for an account and refuses the sixth attempt', () => {
    const time = clock();
    const throttle = new LoginThrottle(limits, time.now);
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterSeconds('a@x', '1.1.1.1')).toBe(0);
      throttle.recordFailure('a@x', '1.1.1.1');
    }
    expect(throttle.retryAfterSeconds('a@x', '1.1.1.1')).toBe(15 * 60);
    // another account from another address is not affected
    expect(throttle.retryAfterSeconds('b@x', '2.2.2.2')).toBe(0);
  });

  it('lets the account try again once the oldest failure leaves the window', () => {
    const time = clock();
    const throttle = new LoginThrottle(limits, time.now);
    for (let i = 0; i < 5; i++) throttle.recordFailure('a@x', '1.1.1.1');
    time.advance(10 * 60_000);
    expect(throttle.retryAfterSeconds('a@x', '1.1.1.1')).toBe(5 * 60);
    time.advance(5 * 60_000 + 1);
    expect(throttle.retryAfterSeconds('a@x', '1.1.1.1')).toBe(0);
  });

  it('limits one address guessing many accounts', () => {
    const throttle = new LoginThrottle(limits, clock().now);
    for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}@x`, '6.6.6.6');
    expect(throttle.retryAfterSeconds('fresh@x', '6.6.6.6')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('fresh@x', '7.7.7.7')).toBe(0);
  });

  it('clears the account after a successful sign-in', () => {
    const throttle = new LoginThrottle(limits, clock().now);
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@x', '1.1.1.1');
    throttle.recordSuccess('a@x');
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@x', '1.1.1.1');
    expect(throttle.retryAfterSeconds('a@x', '1.1.1.1')).toBe(0);
  });
});
