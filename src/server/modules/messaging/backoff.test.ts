import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  const policy = { baseMs: 10_000, maxMs: 3_600_000 };

  it('doubles from the base delay', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it('never waits less than the base nor more than the ceiling, and never shrinks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (n, jitter) => {
          const delay = retryDelayMs(n, policy, jitter);
          expect(delay).toBeGreaterThanOrEqual(policy.baseMs);
          expect(delay).toBeLessThanOrEqual(policy.maxMs);
          expect(retryDelayMs(n + 1, policy)).toBeGreaterThanOrEqual(retryDelayMs(n, policy));
        },
      ),
    );
  });
});
