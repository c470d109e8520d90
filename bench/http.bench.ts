// HTTP overhead of Caravel's stack: an authenticated API request (session lookup, role
// check, query, serialisation) and the health route, beside a bare Fastify route returning
// the same JSON in the same run. Prints medians of several rounds and the ratios.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/runtime.ts';
import { median } from './lib/figures.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function measure(url: string, headers: Record<string, string> = {}) {
  const results: { rps: number; p50: number; p99: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    const result = await autocannon({ url, connections, duration: seconds, headers });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    results.push({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
    });
  }
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
  };
}

const databaseUrl = process.env.BENCH_DATABASE_URL;
const config = loadConfig({
  CARAVEL_DATA_DIR: `/tmp/caravel-bench-${process.pid}`,
  PORT: '0',
  LOG_LEVEL: 'warn',
  CARAVEL_ADMIN_PASSWORD: 'bench password 1',
  CARAVEL_DEMO: '0',
  CARAVEL_WORKER: '0',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const server = await startServer(config, { logger: false });
const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@example.com', password: 'bench password 1' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const meBody = await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json();

const bare = Fastify();
bare.get('/me', async () => meBody);
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/me`;

console.log(
  `database: ${server.database.kind}; ${connections} connections, ${rounds} × ${seconds} s rounds (medians)`,
);
const baseline = await measure(bareUrl);
const me = await measure(`${server.url}/api/v1/me`, { cookie });
const health = await measure(`${server.url}/api/health`);
const row = (label: string, r: typeof baseline) =>
  console.log(
    `${label.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(4)} ms  ${(r.rps / baseline.rps).toFixed(2)}× baseline`,
  );
row('bare Fastify route (baseline)', baseline);
row('GET /api/v1/me (session + query)', me);
row('GET /api/health (2 queries)', health);

await bare.close();
await server.close();
