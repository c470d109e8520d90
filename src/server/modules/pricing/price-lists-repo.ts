// SQL for price lists and their rows. Every query names its agency. Percentages are numeric
// columns read back as text, so no float ever touches them.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { json } from '../../db/json.ts';
import type { DB } from '../../db/schema.ts';
import type { ArchivedFilter } from '../catalog/common.ts';
import { canonicalDecimalOrNull } from './decimal-text.ts';
import type {
  CancellationTier,
  ChangeFee,
  ChildBand,
  DynamicPricing,
  PricePeriod,
  PriceRow,
  ProductKind,
} from './types.ts';

type Db = Kysely<DB>;

export interface PriceListRow {
  id: string;
  agencyId: string;
  name: string;
  productKind: ProductKind;
  productId: string;
  currency: string;
  costCurrency: string | null;
  customerId: string | null;
  periods: PricePeriod[];
  childBands: ChildBand[];
  cancellation: CancellationTier[];
  dynamic: DynamicPricing | null;
  changeFee: ChangeFee | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type PriceListFields = Omit<
  PriceListRow,
  'id' | 'agencyId' | 'archivedAt' | 'createdAt' | 'updatedAt'
>;

/** A stored row of the matrix: the engine's `PriceRow` with its id and list. */
export interface StoredPriceRow extends PriceRow {
  id: string;
  priceListId: string;
}

export interface PriceListFilter {
  productId?: string;
  customerId?: string;
  currency?: string;
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

function rowColumns(eb: ExpressionBuilder<DB, 'priceRows'>) {
  return [
    'id',
    'priceListId',
    'period',
    'charge',
    'basis',
    'roomTypeId',
    'classCode',
    'boardingPoint',
    'ticketTypeId',
    'occupancy',
    'childBand',
    'amount',
    eb.cast<string | null>('percentOfAdult', 'text').as('percentOfAdult'),
    eb.cast<string | null>('percentOfTrip', 'text').as('percentOfTrip'),
    'cost',
  ] as const;
}

function jsonFields(fields: Partial<PriceListFields>) {
  const { periods, childBands, cancellation, dynamic, changeFee, ...plain } = fields;
  return {
    ...plain,
    ...(periods === undefined ? {} : { periods: json(periods) }),
    ...(childBands === undefined ? {} : { childBands: json(childBands) }),
    ...(cancellation === undefined ? {} : { cancellation: json(cancellation) }),
    ...(dynamic === undefined ? {} : { dynamic: dynamic === null ? null : json(dynamic) }),
    ...(changeFee === undefined ? {} : { changeFee: changeFee === null ? null : json(changeFee) }),
  };
}

export function findPriceList(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('priceLists')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<PriceListRow | undefined>;
}

/**
 * The list, locked until the transaction ends: every write to a list or its rows takes this
 * one lock first, so a period cannot be removed while another request adds a row using it.
 */
export function lockPriceList(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('priceLists')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst() as Promise<PriceListRow | undefined>;
}

export function listPriceLists(db: Db, agencyId: string, filter: PriceListFilter) {
  return db
    .selectFrom('priceLists')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(filter.productId !== undefined, (qb) =>
      qb.where('productId', '=', filter.productId as string),
    )
    .$if(filter.customerId !== undefined, (qb) =>
      qb.where('customerId', '=', filter.customerId as string),
    )
    .$if(filter.currency !== undefined, (qb) =>
      qb.where('currency', '=', filter.currency as string),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute() as Promise<PriceListRow[]>;
}

/** The active lists of the products, public and corporate, in every currency. */
export function activeListsOf(db: Db, agencyId: string, productIds: readonly string[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('priceLists')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('productId', 'in', [...productIds])
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute() as Promise<PriceListRow[]>;
}

/** The other active list of the same product, currency and customer (or public), if any. */
export function findActiveTwin(
  db: Db,
  agencyId: string,
  list: { id: string; productId: string; currency: string; customerId: string | null },
) {
  return db
    .selectFrom('priceLists')
    .select(['id', 'name'])
    .where('agencyId', '=', agencyId)
    .where('productId', '=', list.productId)
    .where('currency', '=', list.currency)
    .where((eb) =>
      list.customerId === null
        ? eb('customerId', 'is', null)
        : eb('customerId', '=', list.customerId),
    )
    .where('archivedAt', 'is', null)
    .where('id', '<>', list.id)
    .executeTakeFirst();
}

export function insertPriceList(db: Db, row: PriceListFields & { id: string; agencyId: string }) {
  return db
    .insertInto('priceLists')
    .values({
      ...row,
      periods: json(row.periods),
      childBands: json(row.childBands),
      cancellation: json(row.cancellation),
      dynamic: row.dynamic === null ? null : json(row.dynamic),
      changeFee: row.changeFee === null ? null : json(row.changeFee),
    })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<PriceListRow>;
}

export function updatePriceList(
  db: Db,
  agencyId: string,
  id: string,
  change: Partial<PriceListFields> & { archivedAt?: Date | null },
) {
  return db
    .updateTable('priceLists')
    .set({ ...jsonFields(change), updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<PriceListRow>;
}

/** Rows of the lists, oldest first (the order they were given in). */
export async function listRows(
  db: Db,
  agencyId: string,
  listIds: readonly string[],
): Promise<StoredPriceRow[]> {
  if (listIds.length === 0) return [];
  const rows = await db
    .selectFrom('priceRows')
    .select(rowColumns)
    .where('agencyId', '=', agencyId)
    .where('priceListId', 'in', [...listIds])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    percentOfAdult: canonicalDecimalOrNull(row.percentOfAdult),
    percentOfTrip: canonicalDecimalOrNull(row.percentOfTrip),
  }));
}

/** How many rows each list has. */
export async function countRows(db: Db, agencyId: string, listIds: readonly string[]) {
  if (listIds.length === 0) return new Map<string, number>();
  const counts = await db
    .selectFrom('priceRows')
    .select(['priceListId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('agencyId', '=', agencyId)
    .where('priceListId', 'in', [...listIds])
    .groupBy('priceListId')
    .execute();
  return new Map(counts.map((c) => [c.priceListId, Number(c.count)]));
}

// 16 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 parameters a statement.
const insertChunk = 1000;

export async function insertRows(
  db: Db,
  agencyId: string,
  rows: readonly StoredPriceRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += insertChunk) {
    await db
      .insertInto('priceRows')
      .values(rows.slice(start, start + insertChunk).map((row) => ({ ...row, agencyId })))
      .execute();
  }
}

/** Deletes rows of one list: those with the ids given, or every row when `ids` is omitted. */
export async function deleteRows(
  db: Db,
  agencyId: string,
  listId: string,
  ids?: readonly string[],
): Promise<void> {
  if (ids !== undefined && ids.length === 0) return;
  await db
    .deleteFrom('priceRows')
    .where('agencyId', '=', agencyId)
    .where('priceListId', '=', listId)
    .$if(ids !== undefined, (qb) => qb.where('id', 'in', [...(ids as string[])]))
    .execute();
}
