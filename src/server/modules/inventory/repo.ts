// SQL of the inventory ledger. Every statement is scoped by agency; every statement that
// locks several rows locks them in one global order — day rows by (resource id, date),
// then pools by id — so two bookings can never wait on each other in a cycle.
import { type Kysely, sql } from 'kysely';
import type { CalendarDate } from '../../calendar.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { DB, TakeStatus } from '../../db/schema.ts';
import type {
  CapacitySettings,
  DayCounter,
  PoolCounter,
  ResourceRef,
  Take,
  TakeItem,
} from './types.ts';

type Db = Kysely<DB>;

export async function findResource(db: Db, agencyId: string, ref: ResourceRef) {
  return db
    .selectFrom('inventoryResources')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('kind', '=', ref.kind)
    .where('ownerId', '=', ref.ownerId)
    .where('classCode', '=', ref.classCode ?? '')
    .executeTakeFirst();
}

export async function findResourceById(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('inventoryResources')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The resource's id, creating the resource the first time capacity is given to it. */
export async function ensureResource(
  db: Db,
  agencyId: string,
  ref: ResourceRef,
  label: string,
): Promise<string> {
  await db
    .insertInto('inventoryResources')
    .values({
      id: newId(),
      agencyId,
      kind: ref.kind,
      ownerId: ref.ownerId,
      classCode: ref.classCode ?? '',
      label,
      lowStockThreshold: null,
      alertUserIds: json([]),
    })
    .onConflict((oc) => oc.columns(['agencyId', 'kind', 'ownerId', 'classCode']).doNothing())
    .execute();
  const row = await findResource(db, agencyId, ref);
  if (!row) throw new Error('inventory resource vanished after insert');
  return row.id;
}

export async function listResources(db: Db, agencyId: string, ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('inventoryResources')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('ownerId', 'in', ownerIds)
    .orderBy('ownerId')
    .orderBy('classCode')
    .execute();
}

const dayColumns = [
  'resourceId',
  'date',
  'kind',
  'capacity',
  'sold',
  'held',
  'releaseDays',
  'stopSale',
  'minStay',
  'closedToArrival',
] as const;

/** Day counters of the resources between two dates (inclusive), without locking. */
export async function readDays(
  db: Db,
  agencyId: string,
  resourceIds: string[],
  from: CalendarDate,
  to: CalendarDate,
): Promise<DayCounter[]> {
  if (resourceIds.length === 0) return [];
  return db
    .selectFrom('inventoryDays')
    .select(dayColumns)
    .where('agencyId', '=', agencyId)
    .where('resourceId', 'in', resourceIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('resourceId')
    .orderBy('date')
    .execute();
}

/**
 * Units still counted as held on the resources' days between two dates (inclusive) by holds
 * past their expiry that the sweeper has not released yet, by `dayKey`-style
 * "resourceId|date" keys: what a look at availability leaves out.
 */
export async function expiredHeldOnDays(
  db: Db,
  agencyId: string,
  resourceIds: string[],
  from: CalendarDate,
  to: CalendarDate,
  now: Date,
): Promise<Map<string, number>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('inventoryTakes as t')
    .innerJoin('inventoryTakeItems as i', (join) =>
      join.onRef('i.agencyId', '=', 't.agencyId').onRef('i.takeId', '=', 't.id'),
    )
    .select(['i.resourceId', 'i.date', (eb) => eb.fn.sum<string>('i.quantity').as('quantity')])
    .where('t.agencyId', '=', agencyId)
    .where('t.status', '=', 'held')
    .where('t.expiresAt', '<=', now)
    .where('i.resourceId', 'in', resourceIds)
    .where('i.date', '>=', from)
    .where('i.date', '<=', to)
    .groupBy(['i.resourceId', 'i.date'])
    .execute();
  return new Map(rows.map((r) => [`${r.resourceId}|${r.date}`, Number(r.quantity)]));
}

/**
 * Locks the given day rows in (resource id, date) order and returns them. Rows that do not
 * exist (no capacity defined) are simply absent from the answer. The cells travel as two
 * array parameters, whatever their number: a row-value `in (…)` list of a few hundred pairs
 * overflows PGlite's stack.
 */
function daysOfCells(
  db: Db,
  agencyId: string,
  cells: { resourceId: string; date: CalendarDate }[],
) {
  const resourceIds = cells.map((c) => c.resourceId);
  const dates = cells.map((c) => c.date);
  return db
    .selectFrom('inventoryDays')
    .select(dayColumns)
    .where('agencyId', '=', agencyId)
    .where(
      sql<boolean>`(resource_id, date) in (select * from unnest(${resourceIds}::uuid[], ${dates}::date[]))`,
    )
    .orderBy('resourceId')
    .orderBy('date');
}

export async function lockDays(
  db: Db,
  agencyId: string,
  cells: { resourceId: string; date: CalendarDate }[],
): Promise<DayCounter[]> {
  if (cells.length === 0) return [];
  return daysOfCells(db, agencyId, cells).forUpdate().execute();
}

/** The same rows as lockDays, read without a lock: for a look, never for a write. */
export async function peekDays(
  db: Db,
  agencyId: string,
  cells: { resourceId: string; date: CalendarDate }[],
): Promise<DayCounter[]> {
  if (cells.length === 0) return [];
  return daysOfCells(db, agencyId, cells).execute();
}

/** Adds (or with negative numbers, removes) sold and held units on many day rows at once. */
export async function adjustDays(
  db: Db,
  agencyId: string,
  changes: { resourceId: string; date: CalendarDate; sold: number; held: number }[],
): Promise<void> {
  if (changes.length === 0) return;
  await sql`
    update inventory_days d
       set sold = d.sold + v.sold, held = d.held + v.held, updated_at = now()
      from unnest(
             ${changes.map((c) => c.resourceId)}::uuid[],
             ${changes.map((c) => c.date)}::date[],
             ${changes.map((c) => c.sold)}::int[],
             ${changes.map((c) => c.held)}::int[]
           ) as v (resource_id, date, sold, held)
     where d.agency_id = ${agencyId} and d.resource_id = v.resource_id and d.date = v.date`.execute(
    db,
  );
}

function poolsById(db: Db, agencyId: string, poolIds: string[]) {
  return db
    .selectFrom('inventoryPools')
    .select(['id', 'name', 'capacity', 'sold', 'held', 'lowStockThreshold', 'alertUserIds'])
    .where('agencyId', '=', agencyId)
    .where('id', 'in', poolIds)
    .orderBy('id');
}

export async function lockPools(
  db: Db,
  agencyId: string,
  poolIds: string[],
): Promise<PoolCounter[]> {
  if (poolIds.length === 0) return [];
  return poolsById(db, agencyId, poolIds).forUpdate().execute();
}

/** The pools, read without a lock: for a look, never for a write. */
export async function peekPools(
  db: Db,
  agencyId: string,
  poolIds: string[],
): Promise<PoolCounter[]> {
  if (poolIds.length === 0) return [];
  return poolsById(db, agencyId, poolIds).execute();
}

export async function adjustPools(
  db: Db,
  agencyId: string,
  changes: { poolId: string; sold: number; held: number }[],
): Promise<void> {
  if (changes.length === 0) return;
  const values = sql.join(
    changes.map((c) => sql`(${c.poolId}::uuid, ${c.sold}::int, ${c.held}::int)`),
  );
  await sql`
    update inventory_pools p
       set sold = p.sold + v.sold, held = p.held + v.held, updated_at = now()
      from (values ${values}) as v (id, sold, held)
     where p.agency_id = ${agencyId} and p.id = v.id`.execute(db);
}

/** Writes capacity for every date given, keeping what is already sold and held. */
export async function upsertDays(
  db: Db,
  agencyId: string,
  resourceId: string,
  dates: CalendarDate[],
  settings: Omit<CapacitySettings, 'from' | 'to'>,
): Promise<void> {
  if (dates.length === 0) return;
  await db
    .insertInto('inventoryDays')
    .values(
      dates.map((date) => ({
        resourceId,
        agencyId,
        date,
        kind: settings.kind,
        capacity: settings.units,
        releaseDays: settings.releaseDays ?? null,
        stopSale: settings.stopSale ?? false,
        minStay: settings.minStay ?? null,
        closedToArrival: settings.closedToArrival ?? false,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['resourceId', 'date']).doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        capacity: eb.ref('excluded.capacity'),
        releaseDays: eb.ref('excluded.releaseDays'),
        stopSale: eb.ref('excluded.stopSale'),
        minStay: eb.ref('excluded.minStay'),
        closedToArrival: eb.ref('excluded.closedToArrival'),
        updatedAt: sql`now()`,
      })),
    )
    .execute();
}

/** Pools that the given members belong to (a member with class '' covers every class). */
export async function poolsOfMembers(
  db: Db,
  agencyId: string,
  members: { kind: string; id: string; classCode: string }[],
) {
  if (members.length === 0) return [];
  return db
    .selectFrom('inventoryPoolMembers')
    .innerJoin('inventoryPools', 'inventoryPools.id', 'inventoryPoolMembers.poolId')
    .select([
      'inventoryPoolMembers.poolId',
      'inventoryPoolMembers.memberKind',
      'inventoryPoolMembers.memberId',
      'inventoryPoolMembers.classCode',
    ])
    .where('inventoryPoolMembers.agencyId', '=', agencyId)
    .where('inventoryPools.archivedAt', 'is', null)
    .where(
      'inventoryPoolMembers.memberId',
      'in',
      members.map((m) => m.id),
    )
    .execute();
}

export async function updateRestrictions(
  db: Db,
  agencyId: string,
  resourceId: string,
  settings: {
    from: CalendarDate;
    to: CalendarDate;
    stopSale?: boolean;
    minStay?: number | null;
    closedToArrival?: boolean;
    releaseDays?: number | null;
  },
): Promise<number> {
  const change = {
    ...(settings.stopSale !== undefined ? { stopSale: settings.stopSale } : {}),
    ...(settings.minStay !== undefined ? { minStay: settings.minStay } : {}),
    ...(settings.closedToArrival !== undefined
      ? { closedToArrival: settings.closedToArrival }
      : {}),
    ...(settings.releaseDays !== undefined ? { releaseDays: settings.releaseDays } : {}),
  };
  if (Object.keys(change).length === 0) return 0;
  const result = await db
    .updateTable('inventoryDays')
    .set({ ...change, updatedAt: sql`now()` })
    .where('agencyId', '=', agencyId)
    .where('resourceId', '=', resourceId)
    .where('date', '>=', settings.from)
    .where('date', '<=', settings.to)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function readPool(db: Db, agencyId: string, poolId: string) {
  return db
    .selectFrom('inventoryPools')
    .select(['id', 'name', 'capacity', 'sold', 'held', 'lowStockThreshold', 'alertUserIds'])
    .where('agencyId', '=', agencyId)
    .where('id', '=', poolId)
    .executeTakeFirst();
}

/** Writes a take and its items in one statement (a data-modifying CTE: one round trip). */
export async function insertTake(
  db: Db,
  agencyId: string,
  take: {
    id: string;
    status: TakeStatus;
    reference: string | null;
    expiresAt: Date | null;
    items: TakeItem[];
  },
): Promise<void> {
  const header = {
    id: take.id,
    agencyId,
    status: take.status,
    reference: take.reference,
    expiresAt: take.expiresAt,
  };
  if (take.items.length === 0) {
    await db.insertInto('inventoryTakes').values(header).execute();
    return;
  }
  await db
    .with('header', (qc) => qc.insertInto('inventoryTakes').values(header))
    .insertInto('inventoryTakeItems')
    .values(take.items.map((item) => ({ id: newId(), agencyId, takeId: take.id, ...item })))
    .execute();
}

export function lockTake(db: Db, agencyId: string, takeId: string) {
  return db
    .selectFrom('inventoryTakes')
    .select(['id', 'status', 'expiresAt'])
    .where('agencyId', '=', agencyId)
    .where('id', '=', takeId)
    .forUpdate()
    .executeTakeFirst();
}

export function lockTakeSkipLocked(db: Db, agencyId: string, takeId: string) {
  return db
    .selectFrom('inventoryTakes')
    .select(['id', 'status'])
    .where('agencyId', '=', agencyId)
    .where('id', '=', takeId)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function setTakeStatus(
  db: Db,
  agencyId: string,
  takeId: string,
  status: TakeStatus,
): Promise<void> {
  const ended = status === 'released' || status === 'expired';
  await db
    .updateTable('inventoryTakes')
    .set({ status, updatedAt: sql`now()`, ...(ended ? { releasedAt: sql`now()` } : {}) })
    .where('agencyId', '=', agencyId)
    .where('id', '=', takeId)
    .execute();
}

export function readTakeItems(db: Db, agencyId: string, takeId: string): Promise<TakeItem[]> {
  return db
    .selectFrom('inventoryTakeItems')
    .select(['component', 'resourceId', 'date', 'poolId', 'quantity', 'onRequest'])
    .where('agencyId', '=', agencyId)
    .where('takeId', '=', takeId)
    .orderBy('component')
    .orderBy('resourceId')
    .orderBy('date')
    .orderBy('poolId')
    .execute();
}

/** The items of several takes (their order does not matter to the caller). */
export function readTakeItemsOf(db: Db, agencyId: string, takeIds: string[]): Promise<TakeItem[]> {
  if (takeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inventoryTakeItems')
    .select(['component', 'resourceId', 'date', 'poolId', 'quantity', 'onRequest'])
    .where('agencyId', '=', agencyId)
    .where('takeId', 'in', takeIds)
    .execute();
}

export async function readTake(
  db: Db,
  agencyId: string,
  takeId: string,
): Promise<Take | undefined> {
  const row = await db
    .selectFrom('inventoryTakes')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', takeId)
    .executeTakeFirst();
  if (!row) return undefined;
  const items = await readTakeItems(db, agencyId, takeId);
  const components = items.reduce((max, item) => Math.max(max, item.component + 1), 0);
  const onRequest = Array.from({ length: components }, (_, index) =>
    items.some((item) => item.component === index && item.onRequest),
  );
  return {
    id: row.id,
    status: row.status,
    reference: row.reference,
    expiresAt: row.expiresAt ? new Date(row.expiresAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
    onRequest,
    items,
  };
}

/** Holds past their expiry, oldest first, across every agency (for the sweeper). */
export function findExpiredHolds(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('inventoryTakes')
    .select(['id', 'agencyId'])
    .where('status', '=', 'held')
    .where('expiresAt', '<=', now)
    .orderBy('expiresAt')
    .limit(limit)
    .execute();
}

/**
 * Holds past their expiry that the sweeper has not released yet and that hold units of the
 * given day rows or pools. Their units still sit in the `held` counters, but they are no
 * longer anyone's: a take releases them first (`lock`: their take rows are locked, skipping
 * any a sweeper or a confirmation is working on), a look leaves them out. Starts from the
 * held takes past their expiry (the partial expiry index), which the sweeper keeps few.
 */
export async function expiredHoldsOn(
  db: Db,
  agencyId: string,
  cells: { resourceId: string; date: CalendarDate }[],
  poolIds: string[],
  now: Date,
  { lock }: { lock: boolean },
): Promise<{ takeIds: string[]; items: TakeItem[] }> {
  if (cells.length === 0 && poolIds.length === 0) return { takeIds: [], items: [] };
  const touches = [
    ...(cells.length > 0
      ? [
          sql<boolean>`(i.resource_id, i.date) in (${sql.join(
            cells.map((c) => sql`(${c.resourceId}::uuid, ${c.date}::date)`),
          )})`,
        ]
      : []),
    ...(poolIds.length > 0
      ? [sql<boolean>`i.pool_id in (${sql.join(poolIds.map((id) => sql`${id}::uuid`))})`]
      : []),
  ];
  const found = await sql<{ id: string }>`
    select t.id from inventory_takes t
     where t.agency_id = ${agencyId} and t.status = 'held' and t.expires_at <= ${now}
       and exists (select 1 from inventory_take_items i
                    where i.agency_id = t.agency_id and i.take_id = t.id
                      and (${sql.join(touches, sql` or `)}))
     order by t.id
     ${lock ? sql`for update of t skip locked` : sql``}`.execute(db);
  const takeIds = found.rows.map((r) => r.id);
  return { takeIds, items: await readTakeItemsOf(db, agencyId, takeIds) };
}

export async function updateResourceAlerts(
  db: Db,
  agencyId: string,
  id: string,
  change: { lowStockThreshold?: number | null; alertUserIds?: string[] },
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db
    .updateTable('inventoryResources')
    .set({
      ...(change.lowStockThreshold !== undefined
        ? { lowStockThreshold: change.lowStockThreshold }
        : {}),
      ...(change.alertUserIds !== undefined ? { alertUserIds: json(change.alertUserIds) } : {}),
    })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .execute();
}
