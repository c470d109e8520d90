// The captured statements of one quote and one booking, turned into pgbench script lines that
// replay them iteration after iteration (pgbench.ts runs them).
import pg from 'pg';
import type { Captured } from './capture.ts';

export interface Replay {
  quote: string[];
  booking: string[];
  notes: string[];
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Turns the captured statements into pgbench script lines. Parameters are inlined as untyped
 * literals (the server types them from context, as it types untyped parameters). Each id
 * made during the requests (UUIDv7 newer than the capture) becomes a per-client, per-iteration
 * id `7:bench_i-:bench_c-7000-8000-<n>`, the same in every statement that used it; the booking
 * number becomes the counter's returned value (`\gset`); everything else is replayed verbatim.
 */
export function buildReplay(
  quote: Captured[],
  booking: Captured[],
  bookingNumber: string,
  capturedSince: number,
): Replay {
  const fresh = new Map<string, string>();
  const notes: string[] = [];
  const isFresh = (id: string) => {
    if (id[14] !== '7') return false; // not a UUIDv7: an id of the catalog, a session, …
    const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    return ms >= capturedSince;
  };
  const inline = (statement: Captured) =>
    statement.sql.replace(/\$(\d+)/g, (_, n: string) => {
      const value = statement.params[Number(n) - 1];
      return value === null || value === undefined ? 'null' : pg.escapeLiteral(value);
    });
  const [year, sequence] = bookingNumber.split('-') as [string, string];
  let counter = false;
  const toLines = (statements: Captured[]) =>
    statements.map((statement) => {
      let text = inline(statement).replace(uuidPattern, (id) => {
        if (!isFresh(id)) return id;
        let replacement = fresh.get(id);
        if (!replacement) {
          replacement = `7:bench_i-:bench_c-7000-8000-${String(fresh.size + 1).padStart(12, '0')}`;
          fresh.set(id, replacement);
        }
        return replacement;
      });
      text = text.split(bookingNumber).join(`${year}-:bench_number`);
      if (/^\s*insert into "?booking_numbers"?/i.test(statement.sql)) {
        counter = true;
        return `with bench_counter as (${text.trim()}) select lpad(last::text, ${sequence.length}, '0') as number from bench_counter \\gset bench_`;
      }
      return `${text.trim()};`;
    });
  const lines = { quote: toLines(quote), booking: toLines(booking) };
  if (!counter) throw new Error('no booking number counter among the captured statements');
  notes.push(
    `${fresh.size} ids made in the requests (UUIDv7 from the app) become per-iteration ids (7:bench_i-:bench_c-7000-8000-n), ordered by iteration as v7 ids are by time`,
  );
  notes.push(
    `the booking number ${bookingNumber} becomes ${year}-<counter>: the counter's statement is wrapped (with … select lpad(last) … \\gset) to keep what it returns`,
  );
  notes.push(
    'timestamps and the request id are replayed as captured (one instant, every iteration)',
  );
  const parallel = [...quote, ...booking].filter(
    (s, i, all) =>
      i > 0 &&
      all.slice(0, i).some((p) => p.connection !== s.connection && p.endedAt > s.startedAt),
  ).length;
  if (parallel > 0) {
    notes.push(
      `${parallel} statement(s) the app ran concurrently on other pool connections (Promise.all) run one after another on pgbench's one connection`,
    );
  }
  return { ...lines, notes };
}
