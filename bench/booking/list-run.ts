// Part 3 of the bench: the back-office list (GET /api/v1/bookings) on the bookings the export
// part generated (100,000 with --quick): the time of one page for the filters staff use most,
// one request at a time as a person clicking would, beside GET /api/v1/me (a signed-in request
// that reads one row) measured in the same run as the baseline.
import { median, percentile } from '../lib/figures.ts';
import { printTable } from '../lib/table.ts';
import type { HttpClient } from './http-client.ts';
import { quick } from './settings.ts';

const requests = Number(process.env.BENCH_LIST_REQUESTS ?? (quick ? 20 : 50));

interface Timing {
  label: string;
  url: string;
  items: number;
  medianMs: number;
  p95Ms: number;
}

async function getJson(http: HttpClient, url: string) {
  const response = await fetch(`${http.baseUrl}${url}`, { headers: { cookie: http.cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as { items?: unknown[]; nextCursor?: string | null };
}

async function time(http: HttpClient, label: string, url: string): Promise<Timing> {
  let items = 0;
  for (let i = 0; i < 3; i += 1) items = (await getJson(http, url)).items?.length ?? 0;
  const ms: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = performance.now();
    await getJson(http, url);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { label, url, items, medianMs: median(ms), p95Ms: percentile(ms, 0.95) };
}

export async function measureList(http: HttpClient, total: number) {
  const lastYear = new Date().getUTCFullYear() - 1;
  const first = await getJson(http, '/api/v1/bookings?limit=50');
  const cases: Array<[string, string]> = [
    ['newest first (the default view)', '/api/v1/bookings?limit=50'],
    ['the next page (keyset cursor)', `/api/v1/bookings?limit=50&cursor=${first.nextCursor}`],
    ['status confirmed or paid', '/api/v1/bookings?limit=50&status=confirmed,paid'],
    ['offline channels', '/api/v1/bookings?limit=50&online=false'],
    ['required action not done', '/api/v1/bookings?limit=50&actionDone=false'],
    [
      `departing in July ${lastYear}, by departure`,
      `/api/v1/bookings?limit=50&from=${lastYear}-07-01&to=${lastYear}-07-31&sort=from`,
    ],
    [
      'destination Makarska',
      `/api/v1/bookings?limit=50&destination=${encodeURIComponent('Makarska')}`,
    ],
    ['search "stastna" (a traveller name)', '/api/v1/bookings?limit=50&q=stastna'],
    ['search a booking number', `/api/v1/bookings?limit=50&q=${lastYear}-0004`],
    ['most expensive first', '/api/v1/bookings?limit=50&sort=-total'],
  ];
  console.log(
    `\nthe bookings list over HTTP, ${total.toLocaleString('en')} bookings: ${requests} requests one after another per row, after 3 to warm up`,
  );
  const baseline = await time(http, 'GET /api/v1/me (baseline)', '/api/v1/me');
  const timings: Timing[] = [];
  for (const [label, url] of cases) timings.push(await time(http, label, url));
  printTable(
    ['request', 'rows', 'median ms', 'p95 ms', '× baseline'],
    [baseline, ...timings].map((t) => [
      t.label,
      t === baseline ? '-' : String(t.items),
      t.medianMs.toFixed(1),
      t.p95Ms.toFixed(1),
      (t.medianMs / baseline.medianMs).toFixed(1),
    ]),
  );
}
