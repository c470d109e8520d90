// Recording, in the server's process, the statements its pg client is asked to run: the SQL
// of one quote or booking, to replay with pgbench (statements.ts).
import pg from 'pg';

/** One statement as the server's pg client was asked to run it. */
export interface Captured {
  connection: number;
  sql: string;
  /** The parameters as pg sends them (text), null for SQL NULL. */
  params: (string | null)[];
  startedAt: number;
  endedAt: number;
}

/**
 * Wraps pg's Client#query for good; it records only between `start()` and `stop()`, which
 * returns what was recorded since `start()`.
 */
export function recordStatements() {
  const captured: Captured[] = [];
  let capturing = false;
  const connections = new Map<object, number>();
  const prepareValue = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils
    .prepareValue;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  // Kysely's PostgresDriver runs everything, `begin` and `commit` included, through
  // Client#query(text, values): wrapping it sees exactly what the server is sent.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = query.apply(this, args);
    if (!capturing || typeof args[0] !== 'string') return result;
    let connection = connections.get(this);
    if (connection === undefined) {
      connection = connections.size + 1;
      connections.set(this, connection);
    }
    const entry: Captured = {
      connection,
      sql: args[0],
      params: (Array.isArray(args[1]) ? args[1] : []).map((value) => {
        const prepared = prepareValue(value);
        if (prepared === null || prepared === undefined) return null;
        if (Buffer.isBuffer(prepared)) return `\\x${prepared.toString('hex')}`;
        return String(prepared);
      }),
      startedAt: performance.now(),
      endedAt: Number.POSITIVE_INFINITY,
    };
    captured.push(entry);
    if (result instanceof Promise) {
      void result.then(
        () => {
          entry.endedAt = performance.now();
        },
        () => {
          entry.endedAt = performance.now();
        },
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;

  return {
    start() {
      captured.length = 0;
      capturing = true;
    },
    stop(): Captured[] {
      capturing = false;
      return [...captured];
    },
  };
}
