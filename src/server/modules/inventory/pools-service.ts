// Shared pools (I5): one capacity serving several products and channels — e.g. the 40 seats
// of a charter used by three tours. Each unit a member's component takes comes out of the
// pool too, so the pool is never sold twice whichever product sells it.
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { PoolMemberKind } from '../../db/schema.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import {
  findAttraction,
  findExtraService,
  findRoomType,
  findTour,
  findTransportDeparture,
} from '../catalog/lookup.ts';
import { recordAudit } from '../identity/audit.ts';
import { findActiveUsers } from '../identity/repo.ts';
import { poolAvailable } from './rules.ts';

export interface PoolMember {
  kind: PoolMemberKind;
  id: string;
  classCode?: string;
}

export interface PoolInput {
  name: string;
  capacity: number;
  lowStockThreshold?: number | null;
  alertUserIds?: string[];
  members: PoolMember[];
}

export interface PresentedPool {
  id: string;
  name: string;
  capacity: number;
  sold: number;
  held: number;
  available: number;
  lowStockThreshold: number | null;
  alertUserIds: string[];
  members: { kind: PoolMemberKind; id: string; classCode: string }[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

async function memberExists(ctx: Ctx, member: PoolMember): Promise<string | null> {
  switch (member.kind) {
    case 'room_type':
      return (await findRoomType(ctx, member.id)) ? null : 'is not a room type of this agency';
    case 'transport_departure': {
      const departure = await findTransportDeparture(ctx, member.id);
      if (!departure) return 'is not a transport departure of this agency';
      if (member.classCode && !departure.classes.some((c) => c.code === member.classCode)) {
        return `has no class ${member.classCode}`;
      }
      return null;
    }
    case 'tour':
      return (await findTour(ctx, member.id)) ? null : 'is not a tour of this agency';
    case 'attraction':
      return (await findAttraction(ctx, member.id)) ? null : 'is not an attraction of this agency';
    case 'service':
      return (await findExtraService(ctx, member.id))
        ? null
        : 'is not an extra service of this agency';
  }
}

async function validate(ctx: Ctx, input: Partial<PoolInput>): Promise<void> {
  const errors: FieldError[] = [];
  for (const [index, member] of (input.members ?? []).entries()) {
    const problem = await memberExists(ctx, member);
    if (problem) errors.push({ path: `/members/${index}/id`, message: problem });
  }
  const seen = new Set<string>();
  for (const [index, member] of (input.members ?? []).entries()) {
    const key = `${member.kind}|${member.id}|${member.classCode ?? ''}`;
    if (seen.has(key)) errors.push({ path: `/members/${index}`, message: 'is listed twice' });
    seen.add(key);
  }
  const userIds = [...new Set(input.alertUserIds ?? [])];
  if (userIds.length > 0) {
    const found = new Set((await findActiveUsers(ctx.db, ctx.agencyId, userIds)).map((u) => u.id));
    for (const [index, userId] of (input.alertUserIds ?? []).entries()) {
      if (!found.has(userId)) {
        errors.push({
          path: `/alertUserIds/${index}`,
          message: 'is not an active user of this agency',
        });
      }
    }
  }
  if (errors.length > 0)
    throw new Invalid(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}

/** Pools with their members, two queries whatever the number of pools (a list page). */
async function readPools(ctx: Ctx, ids: string[]): Promise<PresentedPool[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('inventoryPools')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('id', 'in', ids)
    .orderBy('id', 'desc')
    .execute();
  const members = await ctx.db
    .selectFrom('inventoryPoolMembers')
    .select(['poolId', 'memberKind', 'memberId', 'classCode'])
    .where('agencyId', '=', ctx.agencyId)
    .where('poolId', 'in', ids)
    .orderBy('memberKind')
    .orderBy('memberId')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    capacity: row.capacity,
    sold: row.sold,
    held: row.held,
    available: poolAvailable(row),
    lowStockThreshold: row.lowStockThreshold,
    alertUserIds: row.alertUserIds,
    members: members
      .filter((m) => m.poolId === row.id)
      .map((m) => ({ kind: m.memberKind, id: m.memberId, classCode: m.classCode })),
    archived: row.archivedAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }));
}

export async function getPool(ctx: Ctx, id: string): Promise<PresentedPool> {
  const [pool] = await readPools(ctx, [id]);
  if (!pool) throw new NotFound('pool', id);
  return pool;
}

export async function listPools(
  ctx: Ctx,
  query: { limit: number; cursor?: string; archived?: 'false' | 'true' | 'all' },
) {
  const before = decodeCursor(query.cursor);
  const archived = query.archived ?? 'false';
  const rows = await ctx.db
    .selectFrom('inventoryPools')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .$if(archived === 'false', (qb) => qb.where('archivedAt', 'is', null))
    .$if(archived === 'true', (qb) => qb.where('archivedAt', 'is not', null))
    .$if(before !== undefined, (qb) => qb.where('id', '<', before as string))
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit);
  const items = await readPools(
    ctx,
    page.items.map((row) => row.id),
  );
  return { items, nextCursor: page.nextCursor };
}

async function insertMembers(ctx: Ctx, poolId: string, members: PoolMember[]): Promise<void> {
  if (members.length === 0) return;
  try {
    await ctx.db
      .insertInto('inventoryPoolMembers')
      .values(
        members.map((m) => ({
          poolId,
          agencyId: ctx.agencyId,
          memberKind: m.kind,
          memberId: m.id,
          classCode: m.classCode ?? '',
        })),
      )
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Conflict('a member already belongs to another pool; remove it there first', [
        { path: '/members', message: 'a member already belongs to another pool' },
      ]);
    }
    throw error;
  }
}

export async function createPool(ctx: Ctx, input: PoolInput): Promise<PresentedPool> {
  return inTransaction(ctx, async (tx) => {
    await validate(tx, input);
    const id = newId();
    await tx.db
      .insertInto('inventoryPools')
      .values({
        id,
        agencyId: tx.agencyId,
        name: input.name.trim(),
        capacity: input.capacity,
        lowStockThreshold: input.lowStockThreshold ?? null,
        alertUserIds: json([...new Set(input.alertUserIds ?? [])]),
      })
      .execute();
    await insertMembers(tx, id, input.members);
    const pool = await getPool(tx, id);
    await recordAudit(tx, {
      action: 'inventory.pool.created',
      entityType: 'pool',
      entityId: id,
      after: pool,
    });
    return pool;
  });
}

/**
 * Changes a pool. `members`, when given, replaces the list. Capacity below what is sold and
 * held is a conflict (the row is locked first, so a concurrent take cannot slip between).
 */
export async function updatePool(
  ctx: Ctx,
  id: string,
  change: Partial<PoolInput> & { archived?: boolean },
): Promise<PresentedPool> {
  return inTransaction(ctx, async (tx) => {
    const locked = await tx.db
      .selectFrom('inventoryPools')
      .select(['id', 'sold', 'held'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw new NotFound('pool', id);
    const before = await getPool(tx, id);
    await validate(tx, change);
    if (change.capacity !== undefined && change.capacity < locked.sold + locked.held) {
      throw new Conflict(
        `capacity ${change.capacity} is below the ${locked.sold + locked.held} units already sold or held`,
        [{ path: '/capacity', message: 'is below units already sold or held' }],
      );
    }
    await tx.db
      .updateTable('inventoryPools')
      .set({
        ...(change.name !== undefined ? { name: change.name.trim() } : {}),
        ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
        ...(change.lowStockThreshold !== undefined
          ? { lowStockThreshold: change.lowStockThreshold }
          : {}),
        ...(change.alertUserIds !== undefined
          ? { alertUserIds: json([...new Set(change.alertUserIds)]) }
          : {}),
        ...(change.archived !== undefined
          ? { archivedAt: change.archived ? new Date() : null }
          : {}),
        updatedAt: new Date(),
      })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    if (change.members !== undefined) {
      await tx.db
        .deleteFrom('inventoryPoolMembers')
        .where('agencyId', '=', tx.agencyId)
        .where('poolId', '=', id)
        .execute();
      await insertMembers(tx, id, change.members);
    }
    const after = await getPool(tx, id);
    const action =
      change.archived === true
        ? 'inventory.pool.archived'
        : change.archived === false
          ? 'inventory.pool.restored'
          : 'inventory.pool.updated';
    await recordAudit(tx, { action, entityType: 'pool', entityId: id, before, after });
    return after;
  });
}
