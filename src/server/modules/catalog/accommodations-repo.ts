// SQL for accommodations and their room types. Every query names its agency.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AccommodationsTable, DB, RoomTypesTable } from '../../db/schema.ts';
import type { ArchivedFilter } from './common.ts';
import { containsPattern, escapeLike } from './text-search.ts';

type Db = Kysely<DB>;
export type AccommodationRow = Selectable<AccommodationsTable>;
export type RoomTypeRow = Selectable<RoomTypesTable>;

export interface AccommodationFilter {
  country?: string;
  city?: string;
  q?: string;
  supplierId?: string;
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

export function findAccommodation(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('accommodations')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listAccommodations(db: Db, agencyId: string, filter: AccommodationFilter) {
  return db
    .selectFrom('accommodations')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(filter.country !== undefined, (qb) => qb.where('country', '=', filter.country as string))
    .$if(filter.city !== undefined, (qb) =>
      // Equal but for case: `city=split` finds Split, not Splitska.
      qb.where('city', 'ilike', escapeLike(filter.city as string)),
    )
    .$if(filter.q !== undefined, (qb) =>
      qb.where('name', 'ilike', containsPattern(filter.q as string)),
    )
    .$if(filter.supplierId !== undefined, (qb) =>
      qb.where('supplierId', '=', filter.supplierId as string),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function insertAccommodation(db: Db, row: Insertable<AccommodationsTable>) {
  return db.insertInto('accommodations').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateAccommodation(
  db: Db,
  agencyId: string,
  id: string,
  change: Updateable<AccommodationsTable>,
) {
  return db
    .updateTable('accommodations')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Room types of these accommodations (archived ones included), oldest first. */
export function listRoomTypes(db: Db, agencyId: string, accommodationIds: string[]) {
  if (accommodationIds.length === 0) return Promise.resolve([] as RoomTypeRow[]);
  return db
    .selectFrom('roomTypes')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('accommodationId', 'in', accommodationIds)
    .orderBy('id', 'asc')
    .execute();
}

export function findRoomType(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('roomTypes')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertRoomTypes(db: Db, rows: Insertable<RoomTypesTable>[]) {
  if (rows.length === 0) return Promise.resolve([] as RoomTypeRow[]);
  return db.insertInto('roomTypes').values(rows).returningAll().execute();
}

export function updateRoomType(
  db: Db,
  agencyId: string,
  id: string,
  change: Updateable<RoomTypesTable>,
) {
  return db
    .updateTable('roomTypes')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
