// Price list use cases: a product's prices in one currency (public, or for one corporate
// customer), written whole or row by row, and loaded for the quote engine as `PriceList`s.
// Every write locks its list first (see `lockPriceList`) and records an audit entry.
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { type ArchivedFilter, lifecycle } from '../catalog/common.ts';
import { throwIfAny } from '../catalog/transport-rules.ts';
import { requireActiveCompany } from '../customers/service.ts';
import { recordAudit } from '../identity/audit.ts';
import { listProblems, usageProblems } from './price-list-checks.ts';
import {
  type CellKeyInput,
  normalizeCellKey,
  normalizeListParts,
  normalizeRow,
  type PriceListInput,
  type PriceRowInput,
} from './price-list-input.ts';
import type { PriceListFields, PriceListRow, StoredPriceRow } from './price-lists-repo.ts';
import * as repo from './price-lists-repo.ts';
import { cellKey, rowProblems } from './price-row-checks.ts';
import { productFacts } from './product-facts.ts';
import type { PriceList, PriceRow } from './types.ts';

// The quote service takes its loaders from here and from price-rules-service.ts.
export type { CellKeyInput, PriceListInput, PriceRowInput } from './price-list-input.ts';

export type CreatePriceListInput = PriceListInput & { rows?: PriceRowInput[] };
export type UpdatePriceListInput = Partial<Omit<PriceListInput, 'productKind' | 'productId'>>;

export interface UpsertRowsInput {
  rows: PriceRowInput[];
  /** Cells to delete, by their key (period, charge, basis and the optional attributes). */
  remove?: CellKeyInput[];
}

export interface PriceListQuery {
  limit: number;
  cursor?: string;
  productId?: string;
  customerId?: string;
  currency?: string;
  archived?: ArchivedFilter;
}

// --- presenting ---------------------------------------------------------------------------

function toPriceRow({ id: _id, priceListId: _list, ...row }: StoredPriceRow): PriceRow {
  return row;
}

function toPriceList(list: PriceListRow, rows: StoredPriceRow[]): PriceList {
  return {
    id: list.id,
    name: list.name,
    productKind: list.productKind,
    productId: list.productId,
    currency: list.currency,
    costCurrency: list.costCurrency,
    customerId: list.customerId,
    periods: list.periods,
    childBands: list.childBands,
    rows: rows.map(toPriceRow),
    cancellation: list.cancellation,
    dynamic: list.dynamic,
    changeFee: list.changeFee ?? null,
  };
}

function present(list: PriceListRow, rows: StoredPriceRow[]) {
  return { ...toPriceList(list, rows), ...lifecycle(list) };
}

export type PriceListView = ReturnType<typeof present>;

async function presentById(ctx: Ctx, list: PriceListRow): Promise<PriceListView> {
  return present(list, await repo.listRows(ctx.db, ctx.agencyId, [list.id]));
}

// --- helpers ------------------------------------------------------------------------------

function fieldsOf(list: PriceListRow): PriceListFields {
  const {
    id: _id,
    agencyId: _agency,
    archivedAt: _a,
    createdAt: _c,
    updatedAt: _u,
    ...fields
  } = list;
  return fields;
}

function duplicateList(list: { currency: string; customerId: string | null }): Conflict {
  const whose = list.customerId ? `customer ${list.customerId}'s` : 'the public';
  return new Conflict(`this product already has ${whose} active price list in ${list.currency}`, [
    {
      path: '/currency',
      message: `already has ${whose} active price list for this product; archive that one first`,
    },
  ]);
}

/** At most one active list per product, currency and customer (or public). */
async function checkSingleActive(ctx: Ctx, list: Parameters<typeof repo.findActiveTwin>[2]) {
  if (await repo.findActiveTwin(ctx.db, ctx.agencyId, list)) throw duplicateList(list);
}

/** The unique index is the last guard against two requests creating twins at once. */
function twinGuard(list: { currency: string; customerId: string | null }) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, 'price_lists_active_key')) throw duplicateList(list);
    throw error;
  };
}

async function lockList(ctx: Ctx, id: string): Promise<PriceListRow> {
  const row = await repo.lockPriceList(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('price list', id);
  return row;
}

/** Changes of a list its rows would no longer fit: a 409 naming what is in use. */
function throwIfInUse(rows: StoredPriceRow[], before: PriceListRow, next: PriceListFields) {
  const problems = usageProblems(rows, before, next);
  if (problems.length > 0) {
    throw new Conflict(
      problems.map((p) => `${p.path.slice(1)}: ${p.message}`).join('; '),
      problems,
    );
  }
}

async function audited(
  ctx: Ctx,
  action: string,
  list: PriceListRow,
  before: PriceListView | undefined,
): Promise<PriceListView> {
  const after = await presentById(ctx, list);
  await recordAudit(ctx, {
    action: `pricing.price_list.${action}`,
    entityType: 'price_list',
    entityId: list.id,
    before,
    after,
  });
  return after;
}

// --- use cases ----------------------------------------------------------------------------

export async function listPriceLists(ctx: Ctx, query: PriceListQuery) {
  const rows = await repo.listPriceLists(ctx.db, ctx.agencyId, {
    productId: query.productId,
    customerId: query.customerId,
    currency: query.currency,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  const counts = await repo.countRows(
    ctx.db,
    ctx.agencyId,
    page.items.map((l) => l.id),
  );
  return {
    items: page.items.map((list) => {
      const { rows: _rows, ...summary } = present(list, []);
      return { ...summary, rowCount: counts.get(list.id) ?? 0 };
    }),
    nextCursor: page.nextCursor,
  };
}

/** One price list with its whole matrix. */
export async function getPriceList(ctx: Ctx, id: string): Promise<PriceListView> {
  const list = await repo.findPriceList(ctx.db, ctx.agencyId, id);
  if (!list) throw new NotFound('price list', id);
  return presentById(ctx, list);
}

/** Creates a list with its periods, child bands, rows, cancellation tiers and demand pricing. */
export async function createPriceList(
  ctx: Ctx,
  input: CreatePriceListInput,
): Promise<PriceListView> {
  const fields = normalizeListParts(input);
  const rows = (input.rows ?? []).map(normalizeRow);
  throwIfAny(listProblems(fields));
  return inTransaction(ctx, async (tx) => {
    const product = await productFacts(tx, fields.productKind, fields.productId);
    throwIfAny(rowProblems(rows, fields, product));
    if (fields.customerId !== null) await requireActiveCompany(tx, fields.customerId);
    const id = newId();
    await checkSingleActive(tx, { id, ...fields });
    const list = await repo
      .insertPriceList(tx.db, { id, agencyId: tx.agencyId, ...fields })
      .catch(twinGuard(fields));
    await repo.insertRows(
      tx.db,
      tx.agencyId,
      rows.map((row) => ({ ...row, id: newId(), priceListId: id })),
    );
    return audited(tx, 'created', list, undefined);
  });
}

/**
 * Changes a list's name, currencies, customer, periods, bands, cancellation or demand pricing.
 * A period or band still used by rows cannot go (409 naming it), nor can the currencies
 * change under rows priced in them.
 */
export async function updatePriceList(
  ctx: Ctx,
  id: string,
  input: UpdatePriceListInput,
): Promise<PriceListView> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockList(tx, id);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const next = normalizeListParts({ ...fieldsOf(before), ...given });
    throwIfAny(listProblems(next));
    // A corporate list's customer is checked when it is set, not again on every change.
    if (next.customerId !== null && next.customerId !== before.customerId) {
      await requireActiveCompany(tx, next.customerId);
    }
    const rows = await repo.listRows(tx.db, tx.agencyId, [id]);
    throwIfInUse(rows, before, next);
    if (before.archivedAt === null) await checkSingleActive(tx, { id, ...next });
    const after = await repo.updatePriceList(tx.db, tx.agencyId, id, next).catch(twinGuard(next));
    return audited(tx, 'updated', after, present(before, rows));
  });
}

/** Replaces the whole matrix of a list with `rows`, in the order given. */
export async function replacePriceRows(
  ctx: Ctx,
  id: string,
  input: PriceRowInput[],
): Promise<PriceListView> {
  const rows = input.map(normalizeRow);
  return inTransaction(ctx, async (tx) => {
    const list = await lockList(tx, id);
    const product = await productFacts(tx, list.productKind, list.productId);
    throwIfAny(rowProblems(rows, list, product));
    const before = await presentById(tx, list);
    await repo.deleteRows(tx.db, tx.agencyId, id);
    await repo.insertRows(
      tx.db,
      tx.agencyId,
      rows.map((row) => ({ ...row, id: newId(), priceListId: id })),
    );
    const touched = await repo.updatePriceList(tx.db, tx.agencyId, id, {});
    return audited(tx, 'rows_replaced', touched, before);
  });
}

/**
 * Upserts rows by their cell key: a row for a cell the list has replaces its price (keeping
 * its place), a row for a new cell is added, every other row is kept; `remove` deletes cells.
 */
export async function upsertPriceRows(
  ctx: Ctx,
  id: string,
  input: UpsertRowsInput,
): Promise<PriceListView> {
  const rows = input.rows.map(normalizeRow);
  const removals = (input.remove ?? []).map(normalizeCellKey);
  return inTransaction(ctx, async (tx) => {
    const list = await lockList(tx, id);
    const product = await productFacts(tx, list.productKind, list.productId);
    const existing = await repo.listRows(tx.db, tx.agencyId, [id]);
    const byKey = new Map(existing.map((row) => [cellKey(row), row]));
    const upserted = new Set(rows.map(cellKey));
    const problems = rowProblems(rows, list, product);
    removals.forEach((key, index) => {
      const path = `/remove/${index}`;
      if (!byKey.has(cellKey(key))) {
        problems.push({ path, message: 'matches no row of this price list' });
      } else if (upserted.has(cellKey(key))) {
        problems.push({ path, message: 'is also given in rows: a cell is either set or removed' });
      }
    });
    throwIfAny(problems);
    const before = present(list, existing);
    const stored = rows.map((row) => ({
      ...row,
      id: byKey.get(cellKey(row))?.id ?? newId(),
      priceListId: id,
    }));
    const replaced = [...rows, ...removals].flatMap((key) => {
      const match = byKey.get(cellKey(key));
      return match ? [match.id] : [];
    });
    await repo.deleteRows(tx.db, tx.agencyId, id, replaced);
    await repo.insertRows(tx.db, tx.agencyId, stored);
    const touched = await repo.updatePriceList(tx.db, tx.agencyId, id, {});
    return audited(tx, 'rows_upserted', touched, before);
  });
}

/** Archives (true) or restores (false) a list; restoring next to an active twin is a 409. */
export async function setPriceListArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<PriceListView> {
  return inTransaction(ctx, async (tx) => {
    const list = await lockList(tx, id);
    const before = await presentById(tx, list);
    if ((list.archivedAt !== null) === archived) return before;
    if (!archived) await checkSingleActive(tx, list);
    const after = await repo
      .updatePriceList(tx.db, tx.agencyId, id, { archivedAt: archived ? new Date() : null })
      .catch(twinGuard(list));
    return audited(tx, archived ? 'archived' : 'restored', after, before);
  });
}

/**
 * Every active list of the products (public and corporate, in every currency) with its
 * rows, for the quote engine: two queries, however many lists.
 */
export async function loadPriceLists(ctx: Ctx, productIds: string[]): Promise<PriceList[]> {
  const lists = await repo.activeListsOf(ctx.db, ctx.agencyId, productIds);
  const rows = await repo.listRows(
    ctx.db,
    ctx.agencyId,
    lists.map((l) => l.id),
  );
  const rowsOf = new Map(lists.map((list) => [list.id, [] as StoredPriceRow[]]));
  for (const row of rows) rowsOf.get(row.priceListId)?.push(row);
  return lists.map((list) => toPriceList(list, rowsOf.get(list.id) ?? []));
}
