// SQL for transport (flights, trains, buses) and their dated departures. Every query names
// its agency. Seats are not here: they live in the inventory.
import { type Kysely, sql } from 'kysely';
import { json } from '../../db/json.ts';
import type {
  DB,
  DepartureStatus,
  TransportClass,
  TransportKind,
  TransportStop,
} from '../../db/schema.ts';
import type { ArchivedFilter } from './common.ts';
import { containsPattern } from './text-search.ts';

type Db = Kysely<DB>;

export interface TransportRow {
  id: string;
  agencyId: string;
  supplierId: string | null;
  kind: TransportKind;
  code: string;
  name: string;
  carrier: string | null;
  classes: TransportClass[];
  stops: TransportStop[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DepartureRow {
  id: string;
  agencyId: string;
  transportId: string;
  date: string;
  status: DepartureStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransportFilter {
  kind?: TransportKind;
  from?: string;
  to?: string;
  date?: string;
  q?: string;
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

export function findTransport(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('transports')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<TransportRow | undefined>;
}

// A stop matches a place when its city, code or name contains the text. `from` is a stop
// the transport leaves from (any stop but the last), `to` one it arrives at (any but the
// first), and with both, the `from` stop comes before the `to` stop.
const stopMatches = (alias: string, pattern: string) =>
  sql`(${sql.ref(`${alias}.stop`)}->>'city' ilike ${pattern} or ${sql.ref(`${alias}.stop`)}->>'code' ilike ${pattern} or ${sql.ref(`${alias}.stop`)}->>'name' ilike ${pattern})`;

export function listTransports(db: Db, agencyId: string, filter: TransportFilter) {
  const fromPattern = filter.from === undefined ? undefined : containsPattern(filter.from);
  const toPattern = filter.to === undefined ? undefined : containsPattern(filter.to);
  let query = db
    .selectFrom('transports')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind as TransportKind))
    .$if(filter.q !== undefined, (qb) => {
      const pattern = containsPattern(filter.q as string);
      return qb.where((eb) =>
        eb.or([
          eb('code', 'ilike', pattern),
          eb('name', 'ilike', pattern),
          eb('carrier', 'ilike', pattern),
        ]),
      );
    })
    .$if(filter.date !== undefined, (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('transportDepartures as d')
            .select(sql`1`.as('one'))
            .whereRef('d.agencyId', '=', 'transports.agencyId')
            .whereRef('d.transportId', '=', 'transports.id')
            .where('d.date', '=', filter.date as string),
        ),
      ),
    );
  if (fromPattern !== undefined && toPattern !== undefined) {
    query = query.where(
      sql<boolean>`exists (select 1
        from jsonb_array_elements(transports.stops) with ordinality as a(stop, n),
             jsonb_array_elements(transports.stops) with ordinality as b(stop, n)
        where a.n < b.n and ${stopMatches('a', fromPattern)} and ${stopMatches('b', toPattern)})`,
    );
  } else if (fromPattern !== undefined) {
    query = query.where(
      sql<boolean>`exists (select 1
        from jsonb_array_elements(transports.stops) with ordinality as a(stop, n)
        where a.n < jsonb_array_length(transports.stops) and ${stopMatches('a', fromPattern)})`,
    );
  } else if (toPattern !== undefined) {
    query = query.where(
      sql<boolean>`exists (select 1
        from jsonb_array_elements(transports.stops) with ordinality as b(stop, n)
        where b.n > 1 and ${stopMatches('b', toPattern)})`,
    );
  }
  return query
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute() as Promise<TransportRow[]>;
}

export function insertTransport(
  db: Db,
  row: {
    id: string;
    agencyId: string;
    supplierId: string | null;
    kind: TransportKind;
    code: string;
    name: string;
    carrier: string | null;
    classes: TransportClass[];
    stops: TransportStop[];
  },
) {
  return db
    .insertInto('transports')
    .values({ ...row, classes: json(row.classes), stops: json(row.stops) })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<TransportRow>;
}

export function updateTransport(
  db: Db,
  agencyId: string,
  id: string,
  change: {
    supplierId?: string | null;
    kind?: TransportKind;
    code?: string;
    name?: string;
    carrier?: string | null;
    classes?: TransportClass[];
    stops?: TransportStop[];
    archivedAt?: Date | null;
  },
) {
  const { classes, stops, ...plain } = change;
  return db
    .updateTable('transports')
    .set({
      ...plain,
      ...(classes === undefined ? {} : { classes: json(classes) }),
      ...(stops === undefined ? {} : { stops: json(stops) }),
      updatedAt: new Date(),
    })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<TransportRow>;
}

/** The departures of these transports, by date. */
export function listDepartures(db: Db, agencyId: string, transportIds: string[]) {
  if (transportIds.length === 0) return Promise.resolve([] as DepartureRow[]);
  return db
    .selectFrom('transportDepartures')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('transportId', 'in', transportIds)
    .orderBy('transportId')
    .orderBy('date')
    .execute() as Promise<DepartureRow[]>;
}

export function findDeparture(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('transportDepartures')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<DepartureRow | undefined>;
}

export function findDepartureDates(db: Db, agencyId: string, transportId: string, dates: string[]) {
  if (dates.length === 0) return Promise.resolve([] as string[]);
  return db
    .selectFrom('transportDepartures')
    .select('date')
    .where('agencyId', '=', agencyId)
    .where('transportId', '=', transportId)
    .where('date', 'in', dates)
    .orderBy('date')
    .execute()
    .then((rows) => rows.map((row) => row.date));
}

export function insertDepartures(
  db: Db,
  rows: { id: string; agencyId: string; transportId: string; date: string }[],
) {
  if (rows.length === 0) return Promise.resolve([] as DepartureRow[]);
  return db
    .insertInto('transportDepartures')
    .values(rows.map((row) => ({ ...row, status: 'open' as const })))
    .returningAll()
    .execute() as Promise<DepartureRow[]>;
}

export function updateDeparture(
  db: Db,
  agencyId: string,
  id: string,
  change: { status?: DepartureStatus },
) {
  return db
    .updateTable('transportDepartures')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<DepartureRow>;
}
