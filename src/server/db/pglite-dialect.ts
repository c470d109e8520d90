// Kysely's dialect for the embedded PGlite. Kysely ships one from 0.29 on, but 0.29 declares
// Node ≥ 22 and Caravel runs on Node 20, so the dialect is here, on Kysely 0.28's public
// driver interface. PGlite has a single connection: the driver hands it to one user at a time
// (a transaction holds it from BEGIN to COMMIT), the way Kysely's own SQLite driver does.
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

class PGliteAdapter extends PostgresAdapter {
  // The migrator holds the only connection from lock to unlock: nobody else can migrate.
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { affectedRows, rows } = await this.pglite.query<R>(
      compiled.sql,
      compiled.parameters as unknown[],
      { rowMode: 'object' },
    );
    return {
      numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined,
      rows: rows ?? [],
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors to stream from
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

/** One holder at a time; the others wait in the order they asked. */
class ConnectionMutex {
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  unlock(): void {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }
}

const SAVEPOINT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function savepointSql(command: string, name: string): CompiledQuery {
  if (!SAVEPOINT_NAME.test(name)) throw new Error(`invalid savepoint name: ${name}`);
  return CompiledQuery.raw(`${command} "${name}"`);
}

class PGliteDriver implements Driver {
  private readonly mutex = new ConnectionMutex();
  private readonly connection: PGliteConnection;

  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointSql('savepoint', name));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointSql('rollback to savepoint', name));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointSql('release savepoint', name));
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly config: { pglite: PGlite }) {}
  createAdapter() {
    return new PGliteAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.config.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
