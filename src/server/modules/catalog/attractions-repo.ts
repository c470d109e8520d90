// SQL for attractions and their ticket types. Every query names its agency. Ticket
// capacity is not here: it lives in the inventory.
import type { Kysely } from 'kysely';
import { json } from '../../db/json.ts';
import type { DB, LocalizedText, TicketCategory } from '../../db/schema.ts';
import type { ArchivedFilter } from './common.ts';
import { containsPattern, localizedContains } from './text-search.ts';

type Db = Kysely<DB>;

export interface AttractionRow {
  id: string;
  agencyId: string;
  supplierId: string | null;
  name: LocalizedText;
  description: LocalizedText;
  city: string;
  country: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: string[];
  advanceBookingDays: number;
  dated: boolean;
  validityDays: number | null;
  timeSlots: string[];
  entrances: string[];
  includedItems: LocalizedText[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type AttractionFields = Omit<
  AttractionRow,
  'agencyId' | 'archivedAt' | 'createdAt' | 'updatedAt'
>;

export interface TicketTypeRow {
  id: string;
  agencyId: string;
  attractionId: string;
  category: TicketCategory;
  name: LocalizedText;
  minAge: number | null;
  maxAge: number | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttractionFilter {
  city?: string;
  country?: string;
  supplierId?: string;
  q?: string;
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

/** A jsonb value to write, or undefined (Kysely leaves undefined columns alone). */
function jsonOrKeep<T>(value: T | undefined) {
  return value === undefined ? undefined : json(value);
}

function jsonColumns(values: Partial<AttractionFields>) {
  return {
    name: jsonOrKeep(values.name),
    description: jsonOrKeep(values.description),
    photos: jsonOrKeep(values.photos),
    timeSlots: jsonOrKeep(values.timeSlots),
    entrances: jsonOrKeep(values.entrances),
    includedItems: jsonOrKeep(values.includedItems),
  };
}

export function findAttraction(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('attractions')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<AttractionRow | undefined>;
}

export function listAttractions(db: Db, agencyId: string, filter: AttractionFilter) {
  return db
    .selectFrom('attractions')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(filter.city !== undefined, (qb) =>
      qb.where('city', 'ilike', containsPattern(filter.city as string)),
    )
    .$if(filter.country !== undefined, (qb) => qb.where('country', '=', filter.country as string))
    .$if(filter.supplierId !== undefined, (qb) =>
      qb.where('supplierId', '=', filter.supplierId as string),
    )
    .$if(filter.q !== undefined, (qb) => {
      const pattern = containsPattern(filter.q as string);
      // The name in any language: its jsonb text holds every translation.
      return qb.where((eb) =>
        eb.or([localizedContains('name', pattern), eb('city', 'ilike', pattern)]),
      );
    })
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute() as Promise<AttractionRow[]>;
}

export function insertAttraction(db: Db, row: AttractionFields & { agencyId: string }) {
  return db
    .insertInto('attractions')
    .values({ ...row, ...jsonColumns(row) })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<AttractionRow>;
}

export function updateAttraction(
  db: Db,
  agencyId: string,
  id: string,
  change: Partial<Omit<AttractionFields, 'id'>> & { archivedAt?: Date | null },
) {
  return db
    .updateTable('attractions')
    .set({ ...change, ...jsonColumns(change), updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<AttractionRow>;
}

/** Ticket types of these attractions, oldest first. */
export function listTicketTypes(db: Db, agencyId: string, attractionIds: string[]) {
  if (attractionIds.length === 0) return Promise.resolve([] as TicketTypeRow[]);
  return db
    .selectFrom('ticketTypes')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('attractionId', 'in', attractionIds)
    .orderBy('id')
    .execute() as Promise<TicketTypeRow[]>;
}

export function findTicketType(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('ticketTypes')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<TicketTypeRow | undefined>;
}

export function insertTicketTypes(
  db: Db,
  rows: {
    id: string;
    agencyId: string;
    attractionId: string;
    category: TicketCategory;
    name: LocalizedText;
    minAge: number | null;
    maxAge: number | null;
  }[],
) {
  if (rows.length === 0) return Promise.resolve([] as TicketTypeRow[]);
  return db
    .insertInto('ticketTypes')
    .values(rows.map((row) => ({ ...row, name: json(row.name) })))
    .returningAll()
    .execute() as Promise<TicketTypeRow[]>;
}

export function updateTicketType(
  db: Db,
  agencyId: string,
  id: string,
  change: {
    category?: TicketCategory;
    name?: LocalizedText;
    minAge?: number | null;
    maxAge?: number | null;
    archivedAt?: Date | null;
  },
) {
  const { name, ...plain } = change;
  return db
    .updateTable('ticketTypes')
    .set({ ...plain, ...(name === undefined ? {} : { name: json(name) }), updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<TicketTypeRow>;
}
