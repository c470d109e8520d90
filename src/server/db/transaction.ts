// Transactions, and a guard against a mistake that hangs PGlite: a query sent on the database
// itself (not on the transaction) by code running inside a transaction. PGlite has a single
// connection, which the transaction holds, so that query waits for the transaction, and the
// transaction for the query: nothing moves again, and no error ever says why. On PostgreSQL
// the query runs on a second connection, outside the transaction, which is a bug there too (it
// does not see the transaction's writes, and a full pool hangs the same way).
//
// The guard fails such a query at once: each query asks the driver for a connection, and the
// wrapped driver refuses before it waits (on PGlite, before it queues for the one connection).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dialect, Kysely, Transaction } from 'kysely';

/** The databases whose transaction the running code is inside of. */
const openTransactions = new AsyncLocalStorage<ReadonlySet<object>>();
const guardTokens = new WeakMap<Kysely<never>, object>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super(
      'a query was sent on the database by code running inside one of its transactions: ' +
        'it would wait for the transaction to end, which waits for it (pass the transaction down)',
    );
    this.name = 'QueryOutsideTransactionError';
  }
}

/**
 * Wraps a dialect so that its connections refuse to be taken from inside one of its own
 * transactions. `token` names the database; `registerGuard` ties it to the Kysely instance.
 */
export function guardedDialect(dialect: Dialect, token: object): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const driver = dialect.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = () => {
        if (openTransactions.getStore()?.has(token)) throw new QueryOutsideTransactionError();
        return acquire();
      };
      return driver;
    },
  };
}

export function registerGuard(db: Kysely<never>, token: object): void {
  guardTokens.set(db, token);
}

/**
 * Runs `work` in a transaction of `db`. While it runs, a query on `db` itself (rather than on
 * the transaction it was given) fails with `QueryOutsideTransactionError`.
 */
export function withTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const token = guardTokens.get(db as unknown as Kysely<never>);
  if (!token) return db.transaction().execute(work);
  return db.transaction().execute((trx) => {
    const open = new Set(openTransactions.getStore() ?? []);
    open.add(token);
    return openTransactions.run(open, () => work(trx));
  });
}
