// SQL for tours, their fixed departures and their by-days seasons. Every query names its
// agency.
import {
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Updateable,
} from 'kysely';
import type {
  DB,
  TourDeparturesTable,
  TourMode,
  TourSeasonsTable,
  ToursTable,
} from '../../db/schema.ts';
import type { ArchivedFilter } from './common.ts';
import { containsPattern, localizedContains } from './text-search.ts';

type Db = Kysely<DB>;
export type TourRow = Selectable<ToursTable>;
export type TourDepartureRow = Selectable<TourDeparturesTable>;
export type TourSeasonRow = Selectable<TourSeasonsTable>;

export interface TourFilter {
  mode?: TourMode;
  accommodationId?: string;
  country?: string;
  q?: string;
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

export function findTour(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('tours')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listTours(db: Db, agencyId: string, filter: TourFilter) {
  return db
    .selectFrom('tours')
    .selectAll('tours')
    .where('tours.agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('tours.archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('tours.archivedAt', 'is not', null))
    .$if(filter.mode !== undefined, (qb) => qb.where('tours.mode', '=', filter.mode as TourMode))
    .$if(filter.accommodationId !== undefined, (qb) =>
      qb.where('tours.accommodationId', '=', filter.accommodationId as string),
    )
    .$if(filter.country !== undefined, (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('accommodations as a')
            .select(sql`1`.as('one'))
            .whereRef('a.agencyId', '=', 'tours.agencyId')
            .whereRef('a.id', '=', 'tours.accommodationId')
            .where('a.country', '=', filter.country as string),
        ),
      ),
    )
    .$if(filter.q !== undefined, (qb) => {
      const pattern = containsPattern(filter.q as string);
      return qb.where((eb: ExpressionBuilder<DB, 'tours'>) =>
        eb.or([eb('tours.code', 'ilike', pattern), localizedContains('tours.name', pattern)]),
      );
    })
    .$if(filter.before !== undefined, (qb) => qb.where('tours.id', '<', filter.before as string))
    .orderBy('tours.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function insertTour(db: Db, row: Insertable<ToursTable>) {
  return db.insertInto('tours').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateTour(db: Db, agencyId: string, id: string, change: Updateable<ToursTable>) {
  return db
    .updateTable('tours')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findTourByCode(db: Db, agencyId: string, code: string) {
  return db
    .selectFrom('tours')
    .select(['id', 'code'])
    .where('agencyId', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** True when `id` is a transport (flight, train, bus) of the agency. */
export async function isTransportOfAgency(db: Db, agencyId: string, id: string) {
  const row = await db
    .selectFrom('transports')
    .select('id')
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

// --- departures ---------------------------------------------------------------------------

/** Departures of these tours in date order. */
export function listDepartures(db: Db, agencyId: string, tourIds: string[]) {
  if (tourIds.length === 0) return Promise.resolve([] as TourDepartureRow[]);
  return db
    .selectFrom('tourDepartures')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('tourId', 'in', tourIds)
    .orderBy('startDate', 'asc')
    .orderBy('nights', 'asc')
    .execute();
}

export function findDeparture(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('tourDepartures')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertDepartures(db: Db, rows: Insertable<TourDeparturesTable>[]) {
  if (rows.length === 0) return Promise.resolve([] as TourDepartureRow[]);
  return db.insertInto('tourDepartures').values(rows).returningAll().execute();
}

export function updateDeparture(
  db: Db,
  agencyId: string,
  id: string,
  change: Updateable<TourDeparturesTable>,
) {
  return db
    .updateTable('tourDepartures')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// --- seasons ------------------------------------------------------------------------------

/** Seasons of these tours in date order. */
export function listSeasons(db: Db, agencyId: string, tourIds: string[]) {
  if (tourIds.length === 0) return Promise.resolve([] as TourSeasonRow[]);
  return db
    .selectFrom('tourSeasons')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('tourId', 'in', tourIds)
    .orderBy('startDate', 'asc')
    .execute();
}

export function findSeason(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('tourSeasons')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertSeasons(db: Db, rows: Insertable<TourSeasonsTable>[]) {
  if (rows.length === 0) return Promise.resolve([] as TourSeasonRow[]);
  return db.insertInto('tourSeasons').values(rows).returningAll().execute();
}

export function updateSeason(
  db: Db,
  agencyId: string,
  id: string,
  change: Updateable<TourSeasonsTable>,
) {
  return db
    .updateTable('tourSeasons')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Locks the tour's row, so two writers adding seasons to one tour take turns and the
 * overlap check of each sees the other's seasons.
 */
export function lockTour(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('tours')
    .select('id')
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
