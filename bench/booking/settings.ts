// The booking bench's knobs, from the environment and --quick (see bench/booking.bench.ts).

export const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
export const clients = Number(process.env.BENCH_CONNECTIONS ?? 32);
export const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
/** Seconds of each timed run (booking pre-made quotes books those one run made). */
export const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 5 : 10));
export const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? (quick ? 100_000 : 1_000_000));
export const exportRounds = Number(process.env.BENCH_EXPORT_ROUNDS ?? 1);
/** Minutes to wait for GET /api/v1/bookings/export.csv to appear (it is being built). */
export const exportWaitMinutes = Number(process.env.BENCH_EXPORT_WAIT_MINUTES ?? 0);
