// Reading one export to its end: GET /api/v1/bookings/export.csv streamed over HTTP, with the
// server's memory around it, and the baseline, psql's COPY … TO STDOUT of the same rows and
// columns; each counted, timed and hashed so that the two can be compared.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { pgbenchBinary } from '../lib/postgres.ts';
import type { HttpClient } from './http-client.ts';
import { memoryOf, type ServerProcess } from './server.ts';

/** The export's columns in SQL, for COPY: the same rows, in the same order, as CSV. */
function copySelect(agencyId: string) {
  const money = (column: string) => `to_char(${column} / 100.0, 'FM9999999999990.00')`;
  return `select b.number as "Number", b.status as "Status", b.channel as "Channel",
      case when b.channel in ('web', 'marketplace', 'gds', 'api') then 'yes' else 'no' end as "Online",
      to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "Created at",
      b.start_date as "Departure", b.end_date as "Return", b.product_name as "Product",
      b.destination as "Destination", o.code as "Offer code", b.variant_id as "Variant",
      case when c.kind = 'company' then c.company_name
           -- A name in an East Asian script: family name first, no space (displayNameOf).
           when concat(c.first_name, c.last_name) ~ '[一-鿿぀-ヿ가-힯]'
             then concat(c.last_name, c.first_name)
           else concat_ws(' ', c.first_name, c.last_name) end as "Customer",
      c.email as "Customer e-mail", c.phone as "Customer phone",
      (select concat_ws(' ', t.first_name, t.last_name) from booking_travellers t
        where t.agency_id = b.agency_id and t.booking_id = b.id order by t.position limit 1) as "Lead traveller",
      b.party ->> 'adults' as "Adults", jsonb_array_length(b.party -> 'childAges') as "Children",
      (select string_agg(concat_ws(' ', t.first_name, t.last_name), '; ' order by t.position)
         from booking_travellers t where t.agency_id = b.agency_id and t.booking_id = b.id) as "Travellers",
      b.currency as "Currency", ${money('b.total')} as "Total",
      b.open_actions as "Open required actions", b.approval as "Approval", b.pnr as "PNR",
      ${money('b.cost')} as "Cost", ${money('(b.total - b.cost)')} as "Margin"
    from bookings b
    join customers c on c.agency_id = b.agency_id and c.id = b.customer_id
    left join offers o on o.agency_id = b.agency_id and o.id = b.offer_id
    where b.agency_id = ${pg.escapeLiteral(agencyId)}
    order by b.created_at desc, b.id desc`;
}

/** A stream's first lines and the SHA-1 of all of it (BOM dropped), to compare exports. */
class Digest {
  private text = '';
  private readonly hash = createHash('sha1');
  private started = false;

  add(chunk: Uint8Array) {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.started && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    this.started = true;
    this.hash.update(bytes);
    if (this.text.length < 4000) this.text += bytes.toString('utf8');
  }

  lines(count: number) {
    return this.text.split('\n').slice(0, count);
  }

  sha1() {
    return this.hash.digest('hex');
  }
}

/** Newline bytes in a stream of chunks: the lines, without keeping the body. */
function countLines(chunk: Uint8Array) {
  let lines = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  return lines;
}

export interface ExportRun {
  rows: number;
  seconds: number;
  bytes: number;
  firstByteMs: number;
  peakRssKb: number;
  idleRssKb: number;
  /** The server's maximum RSS over its whole life so far (getrusage). */
  lifetimeMaxRssKb: number;
  head: string[];
  sha1: string;
}

export async function exportOverHttp(server: ServerProcess, http: HttpClient): Promise<ExportRun> {
  const idle = await server.ask({ type: 'memory' }, 'memory');
  const reset = await server.ask({ type: 'reset-peak' }, 'reset-peak');
  // Sampled too, in case the kernel does not reset VmHWM: the peak of the samples.
  let sampledKb = memoryOf(server.pid).rssKb;
  const sampler = setInterval(() => {
    sampledKb = Math.max(sampledKb, memoryOf(server.pid).rssKb);
  }, 20);
  const started = performance.now();
  let firstByteMs = 0;
  let lines = 0;
  let bytes = 0;
  const head = new Digest();
  try {
    const response = await fetch(`${http.baseUrl}/api/v1/bookings/export.csv`, {
      headers: { cookie: http.cookie },
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(
        `GET /api/v1/bookings/export.csv: ${response.status} ${await response.text()}`,
      );
    }
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += read.value.length;
      lines += countLines(read.value);
      head.add(read.value);
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await server.ask({ type: 'memory' }, 'memory');
  return {
    rows: lines - 1,
    seconds,
    bytes,
    firstByteMs,
    peakRssKb: reset.ok ? Math.max(after.hwmKb, sampledKb) : sampledKb,
    idleRssKb: idle.rssKb,
    lifetimeMaxRssKb: after.maxRssKb,
    head: head.lines(6),
    sha1: head.sha1(),
  };
}

export async function exportByCopy(databaseUrl: string, agencyId: string) {
  const psql = path.join(path.dirname(pgbenchBinary()), 'psql');
  const started = performance.now();
  const child = spawn(psql, [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-d',
    databaseUrl,
    '-c',
    `COPY (${copySelect(agencyId)}) TO STDOUT WITH (FORMAT csv, HEADER)`,
  ]);
  let lines = 0;
  let bytes = 0;
  let errors = '';
  const head = new Digest();
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  for await (const chunk of child.stdout) {
    bytes += (chunk as Buffer).length;
    lines += countLines(chunk as Buffer);
    head.add(chunk as Buffer);
  }
  const code = await new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`psql COPY failed (${code}): ${errors}`);
  return {
    rows: lines - 1,
    seconds: (performance.now() - started) / 1000,
    bytes,
    head: head.lines(6),
    sha1: head.sha1(),
  };
}
export type CopyRun = Awaited<ReturnType<typeof exportByCopy>>;
