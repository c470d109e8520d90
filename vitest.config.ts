import os from 'node:os';
import { defineConfig } from 'vitest/config';

// At least two workers even on a 2-core machine (Vitest's default there is one): most test
// time is spent waiting on PostgreSQL, PGlite or Chromium, not on the CPU. At most four, so
// the test cluster's connections (20 per file, 200 in the race test) stay under its limit.
const workers = Math.min(4, Math.max(2, os.availableParallelism()));

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    pool: 'forks',
    maxWorkers: workers,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll waits 1 s by default: too short for a page on a loaded 2-core CI machine,
    // where one list request behind a debounce took longer and failed an e2e step.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
  },
});
