// SQL for suppliers. Every query names its agency.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, SuppliersTable } from '../../db/schema.ts';
import type { ArchivedFilter } from './common.ts';
import { containsPattern } from './text-search.ts';

type Db = Kysely<DB>;
export type SupplierRow = Selectable<SuppliersTable>;
export type SupplierKind = SuppliersTable['kind'];

export function findSupplier(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('suppliers')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listSuppliers(
  db: Db,
  agencyId: string,
  filter: {
    kind?: SupplierKind;
    q?: string;
    archived: ArchivedFilter;
    before?: string;
    limit: number;
  },
) {
  return db
    .selectFrom('suppliers')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind as SupplierKind))
    .$if(filter.q !== undefined, (qb) =>
      qb.where('name', 'ilike', containsPattern(filter.q as string)),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function insertSupplier(db: Db, supplier: Insertable<SuppliersTable>) {
  return db.insertInto('suppliers').values(supplier).returningAll().executeTakeFirstOrThrow();
}

export function updateSupplier(
  db: Db,
  agencyId: string,
  id: string,
  change: Updateable<SuppliersTable>,
) {
  return db
    .updateTable('suppliers')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
