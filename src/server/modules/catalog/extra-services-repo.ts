// SQL for extra services (transfers, board, local services, insurance). Every query names its
// agency. The daily capacity of limited services lives in the inventory.
import type { Kysely } from 'kysely';
import { json } from '../../db/json.ts';
import type { DB, ExtraServiceKind, ExtraServiceUnit, LocalizedText } from '../../db/schema.ts';
import type { ArchivedFilter } from './common.ts';
import { containsPattern, localizedContains } from './text-search.ts';

type Db = Kysely<DB>;

export interface ExtraServiceRow {
  id: string;
  agencyId: string;
  supplierId: string | null;
  kind: ExtraServiceKind;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  unit: ExtraServiceUnit;
  city: string | null;
  country: string | null;
  limited: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ExtraServiceFields = Omit<
  ExtraServiceRow,
  'agencyId' | 'archivedAt' | 'createdAt' | 'updatedAt'
>;

export interface ExtraServiceFilter {
  kind?: ExtraServiceKind;
  country?: string;
  q?: string;
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

export function findExtraService(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('extraServices')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<ExtraServiceRow | undefined>;
}

export function listExtraServices(db: Db, agencyId: string, filter: ExtraServiceFilter) {
  return db
    .selectFrom('extraServices')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind as ExtraServiceKind))
    .$if(filter.country !== undefined, (qb) => qb.where('country', '=', filter.country as string))
    .$if(filter.q !== undefined, (qb) => {
      const pattern = containsPattern(filter.q as string);
      // The name in any language: its jsonb text holds every translation.
      return qb.where((eb) =>
        eb.or([
          eb('code', 'ilike', pattern),
          localizedContains('name', pattern),
          eb('city', 'ilike', pattern),
        ]),
      );
    })
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute() as Promise<ExtraServiceRow[]>;
}

export function insertExtraService(db: Db, row: ExtraServiceFields & { agencyId: string }) {
  return db
    .insertInto('extraServices')
    .values({ ...row, name: json(row.name), description: json(row.description) })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<ExtraServiceRow>;
}

export function updateExtraService(
  db: Db,
  agencyId: string,
  id: string,
  change: Partial<Omit<ExtraServiceFields, 'id'>> & { archivedAt?: Date | null },
) {
  const { name, description, ...plain } = change;
  return db
    .updateTable('extraServices')
    .set({
      ...plain,
      ...(name === undefined ? {} : { name: json(name) }),
      ...(description === undefined ? {} : { description: json(description) }),
      updatedAt: new Date(),
    })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<ExtraServiceRow>;
}
