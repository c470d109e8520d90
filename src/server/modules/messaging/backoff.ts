// When a failed job runs again: exponential backoff with a ceiling. Pure, so it is tested
// without a clock; the worker adds jitter so failed jobs do not retry in lockstep.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 10_000, maxMs: 3_600_000 };

/** Delay before attempt `attempts + 1`, after `attempts` failures (1, 2, ...). */
export function retryDelayMs(
  attempts: number,
  policy: BackoffPolicy = defaultBackoff,
  jitter = 0,
): number {
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  // jitter in [0, 1): up to a quarter more, never past the ceiling
  return Math.min(policy.maxMs, Math.round(delay * (1 + jitter / 4)));
}
