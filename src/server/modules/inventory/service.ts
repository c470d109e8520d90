// Inventory use cases: set capacity, read availability, and take what a booking needs —
// all of it or nothing — as a hold that expires or as a firm take; release gives back
// exactly what a take recorded. The booking and quote services call these inside their own
// transactions (`inTransaction` joins them).
import {
  addDays,
  type CalendarDate,
  datesFromTo,
  daysBetween,
  nightsOfStay,
  todayUtc,
} from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { PoolMemberKind } from '../../db/schema.ts';
import { withTransaction } from '../../db/transaction.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import {
  findAttraction,
  findExtraService,
  findRoomType,
  findTour,
  findTransportDeparture,
} from '../catalog/lookup.ts';
import { recordAudit } from '../identity/audit.ts';
import { findActiveUsers } from '../identity/repo.ts';
import { notifyLowStock } from './alerts.ts';
import * as repo from './repo.ts';
import { availableOn, dayKey, planTake, poolAvailable, type ResolvedComponent } from './rules.ts';
import type {
  CapacitySettings,
  Component,
  DayCounter,
  PoolCounter,
  ResourceAlertSettings,
  ResourceRef,
  RestrictionSettings,
  Take,
  TakeItem,
} from './types.ts';

/** The longest range one capacity call may write or read: two years of nights. */
export const maxRangeDays = 731;
/** The longest stay one component may ask for. */
export const maxStayNights = 365;

function checkRange(from: CalendarDate, to: CalendarDate, prefix = ''): void {
  if (to < from) throw Invalid.field(`${prefix}/to`, `must be on or after from (${from})`);
  if (daysBetween(from, to) >= maxRangeDays) {
    throw Invalid.field(`${prefix}/to`, `must be less than ${maxRangeDays} days after from`);
  }
}

/**
 * Sets the capacity of a resource for every date from `from` to `to` inclusive, creating
 * the resource on first use. What is already sold or held stays; capacity below it is a
 * conflict naming the dates, and nothing is written.
 */
export async function setCapacity(
  ctx: Ctx,
  ref: ResourceRef,
  label: string,
  settings: CapacitySettings,
): Promise<void> {
  checkRange(settings.from, settings.to);
  if (!Number.isInteger(settings.units) || settings.units < 0) {
    throw Invalid.field('/units', 'must be a whole number of at least 0');
  }
  const dates = datesFromTo(settings.from, settings.to);
  await inTransaction(ctx, async (tx) => {
    const resourceId = await repo.ensureResource(tx.db, tx.agencyId, ref, label);
    const locked = await repo.lockDays(
      tx.db,
      tx.agencyId,
      dates.map((date) => ({ resourceId, date })),
    );
    const below = locked.filter((day) => day.sold + day.held > settings.units);
    if (below.length > 0) {
      throw new Conflict(
        `capacity ${settings.units} is below what is already sold or held on ${below
          .map((d) => `${d.date} (${d.sold + d.held})`)
          .join(', ')}`,
        [{ path: '/units', message: 'is below units already sold or held' }],
      );
    }
    await repo.upsertDays(tx.db, tx.agencyId, resourceId, dates, settings);
    await recordAudit(tx, {
      action: 'inventory.capacity.set',
      entityType: 'inventory_resource',
      entityId: resourceId,
      after: { label, ...settings },
    });
  });
}

/**
 * Changes stop-sale, minimum stay, closed-to-arrival or release days on dates that already
 * have capacity, leaving units alone (the bulk edit of the capacity calendar).
 */
export async function setRestrictions(
  ctx: Ctx,
  ref: ResourceRef,
  settings: RestrictionSettings,
): Promise<number> {
  checkRange(settings.from, settings.to);
  return inTransaction(ctx, async (tx) => {
    const resource = await repo.findResource(tx.db, tx.agencyId, ref);
    if (!resource) throw Invalid.field('/from', 'there is no capacity to restrict in this range');
    const changed = await repo.updateRestrictions(tx.db, tx.agencyId, resource.id, settings);
    await recordAudit(tx, {
      action: 'inventory.restrictions.set',
      entityType: 'inventory_resource',
      entityId: resource.id,
      after: settings,
    });
    return changed;
  });
}

export interface CapacityRow {
  ref: ResourceRef;
  date: CalendarDate;
  kind: DayCounter['kind'];
  capacity: number;
  sold: number;
  held: number;
  available: number;
  stopSale: boolean;
}

/** Stored counters of the given resources between two dates (dates without capacity are left out). */
export async function capacityOf(
  ctx: Ctx,
  refs: ResourceRef[],
  from: CalendarDate,
  to: CalendarDate,
  now: Date = new Date(),
): Promise<CapacityRow[]> {
  checkRange(from, to);
  // One query for every resource of the owners, then keep the ones asked for.
  const wanted = new Set(refs.map((ref) => `${ref.kind}|${ref.ownerId}|${ref.classCode ?? ''}`));
  const resources = (
    await repo.listResources(ctx.db, ctx.agencyId, [...new Set(refs.map((ref) => ref.ownerId))])
  ).filter((r) => wanted.has(`${r.kind}|${r.ownerId}|${r.classCode}`));
  const byId = new Map(resources.map((r) => [r.id, r]));
  const days = await liveDays(ctx, [...byId.keys()], from, to, now);
  const today = todayUtc(now);
  return days.map((day) => {
    const resource = byId.get(day.resourceId);
    return {
      ref: {
        kind: resource?.kind ?? 'room_type',
        ownerId: resource?.ownerId ?? '',
        classCode: resource?.classCode ?? '',
      },
      date: day.date,
      kind: day.kind,
      capacity: day.capacity,
      sold: day.sold,
      held: day.held,
      available: availableOn(day, today),
      stopSale: day.stopSale,
    };
  });
}

const memberKindOf: Record<ResourceRef['kind'], PoolMemberKind> = {
  room_type: 'room_type',
  transport_seats: 'transport_departure',
  ticket_slot: 'attraction',
  service: 'service',
};

export interface AvailabilityDay {
  date: CalendarDate;
  kind: DayCounter['kind'] | null;
  capacity: number;
  sold: number;
  held: number;
  available: number;
  stopSale: boolean;
  minStay: number | null;
  closedToArrival: boolean;
  releaseDays: number | null;
  released: boolean;
  pool: { id: string; name: string; available: number } | null;
}

/**
 * Availability of one resource for every date from `from` to `to`: what is stored, what is
 * left, and the shared pool that limits it (available is the smaller of the two).
 */
export async function availability(
  ctx: Ctx,
  ref: ResourceRef,
  from: CalendarDate,
  to: CalendarDate,
  now: Date = new Date(),
): Promise<AvailabilityDay[]> {
  checkRange(from, to);
  const today = todayUtc(now);
  const resource = await repo.findResource(ctx.db, ctx.agencyId, ref);
  const days = resource ? await liveDays(ctx, [resource.id], from, to, now) : [];
  const byDate = new Map(days.map((d) => [d.date, d]));
  const memberships = await repo.poolsOfMembers(ctx.db, ctx.agencyId, [
    { kind: memberKindOf[ref.kind], id: ref.ownerId, classCode: ref.classCode ?? '' },
  ]);
  const poolId = memberships.find(
    (m) =>
      m.memberKind === memberKindOf[ref.kind] &&
      (m.classCode === '' || m.classCode === (ref.classCode ?? '')),
  )?.poolId;
  const pool = poolId ? await livePool(ctx, poolId, now) : undefined;
  const poolLeft = pool ? poolAvailable(pool) : null;
  return datesFromTo(from, to).map((date) => {
    const day = byDate.get(date);
    const own = day ? availableOn(day, today) : 0;
    return {
      date,
      kind: day?.kind ?? null,
      capacity: day?.capacity ?? 0,
      sold: day?.sold ?? 0,
      held: day?.held ?? 0,
      available: poolLeft === null ? own : Math.min(own, poolLeft),
      stopSale: day?.stopSale ?? false,
      minStay: day?.minStay ?? null,
      closedToArrival: day?.closedToArrival ?? false,
      releaseDays: day?.releaseDays ?? null,
      released: day ? day.kind === 'allotment' && own === 0 && isReleasedDay(day, today) : false,
      pool:
        pool && poolLeft !== null ? { id: pool.id, name: pool.name, available: poolLeft } : null,
    };
  });
}

/**
 * Day counters as they stand for a look: units of holds past their expiry that the sweeper
 * has not released yet are not held any more (the next take releases them).
 */
async function liveDays(
  ctx: Ctx,
  resourceIds: string[],
  from: CalendarDate,
  to: CalendarDate,
  now: Date,
): Promise<DayCounter[]> {
  const [days, expired] = await Promise.all([
    repo.readDays(ctx.db, ctx.agencyId, resourceIds, from, to),
    repo.expiredHeldOnDays(ctx.db, ctx.agencyId, resourceIds, from, to, now),
  ]);
  if (expired.size === 0) return days;
  return days.map((d) => ({
    ...d,
    held: d.held - (expired.get(dayKey(d.resourceId, d.date)) ?? 0),
  }));
}

/** A pool as it stands for a look, like `liveDays`. */
async function livePool(ctx: Ctx, poolId: string, now: Date) {
  const [pool, expired] = await Promise.all([
    repo.readPool(ctx.db, ctx.agencyId, poolId),
    repo.expiredHoldsOn(ctx.db, ctx.agencyId, [], [poolId], now, { lock: false }),
  ]);
  if (!pool) return undefined;
  const stale = expired.items
    .filter((item) => item.poolId === poolId)
    .reduce((sum, item) => sum + item.quantity, 0);
  return { ...pool, held: pool.held - stale };
}

function isReleasedDay(day: DayCounter, today: CalendarDate): boolean {
  return day.releaseDays !== null && daysBetween(today, day.date) < day.releaseDays;
}

// --- taking -------------------------------------------------------------------------------

interface Resolution {
  components: ResolvedComponent[];
  /** Components whose resource has no capacity at all. */
  missing: FieldError[];
  /** Alert settings of the resources involved, read with them (no second query). */
  resources: Map<string, ResourceAlertSettings>;
}

/** Member keys a component may be pooled under, e.g. a seat class or every class of a departure. */
function memberKeys(kind: PoolMemberKind, id: string, classCode = ''): string[] {
  return classCode === '' ? [`${kind}|${id}|`] : [`${kind}|${id}|${classCode}`, `${kind}|${id}|`];
}

async function resolveComponents(
  ctx: Ctx,
  components: Component[],
  today: CalendarDate,
): Promise<Resolution> {
  const invalid: FieldError[] = [];
  const missing: FieldError[] = [];
  const resolved: (ResolvedComponent & { keys: string[]; ref: ResourceRef | null })[] = [];

  for (const [index, component] of components.entries()) {
    const path = `/components/${index}`;
    const base = { path, quantity: component.quantity, poolIds: [] as string[] };
    if (!Number.isInteger(component.quantity) || component.quantity < 1) {
      invalid.push({ path: `${path}/quantity`, message: 'must be a whole number of at least 1' });
      continue;
    }
    switch (component.type) {
      case 'room': {
        const room = await findRoomType(ctx, component.roomTypeId);
        if (!room || room.archived) {
          invalid.push({
            path: `${path}/roomTypeId`,
            message: 'is not a room type of this agency',
          });
          continue;
        }
        if (component.checkOut <= component.checkIn) {
          invalid.push({
            path: `${path}/checkOut`,
            message: `must be after checkIn (${component.checkIn})`,
          });
          continue;
        }
        if (daysBetween(component.checkIn, component.checkOut) > maxStayNights) {
          invalid.push({
            path: `${path}/checkOut`,
            message: `a stay is at most ${maxStayNights} nights`,
          });
          continue;
        }
        resolved.push({
          ...base,
          resourceId: null,
          dates: nightsOfStay(component.checkIn, component.checkOut),
          isStay: true,
          ref: { kind: 'room_type', ownerId: room.id },
          keys: memberKeys('room_type', room.id),
        });
        break;
      }
      case 'seats': {
        const departure = await findTransportDeparture(ctx, component.departureId);
        if (!departure) {
          invalid.push({
            path: `${path}/departureId`,
            message: 'is not a transport departure of this agency',
          });
          continue;
        }
        if (!departure.classes.some((c) => c.code === component.classCode)) {
          invalid.push({
            path: `${path}/classCode`,
            message: `must be one of ${departure.classes.map((c) => c.code).join(', ')}`,
          });
          continue;
        }
        if (departure.status !== 'open') {
          missing.push({
            path,
            message: `the departure of ${departure.date} is ${departure.status}`,
          });
          continue;
        }
        resolved.push({
          ...base,
          resourceId: null,
          dates: [departure.date],
          isStay: false,
          ref: { kind: 'transport_seats', ownerId: departure.id, classCode: component.classCode },
          keys: memberKeys('transport_departure', departure.id, component.classCode),
        });
        break;
      }
      case 'tickets': {
        const attraction = await findAttraction(ctx, component.attractionId);
        if (!attraction) {
          invalid.push({
            path: `${path}/attractionId`,
            message: 'is not an attraction of this agency',
          });
          continue;
        }
        const slot = component.timeSlot ?? '';
        if (attraction.timeSlots.length > 0 && !attraction.timeSlots.includes(slot)) {
          invalid.push({
            path: `${path}/timeSlot`,
            message: `must be one of ${attraction.timeSlots.join(', ')}`,
          });
          continue;
        }
        if (daysBetween(today, component.date) < attraction.advanceBookingDays) {
          invalid.push({
            path: `${path}/date`,
            message: `must be booked at least ${attraction.advanceBookingDays} days ahead (from ${addDays(today, attraction.advanceBookingDays)})`,
          });
          continue;
        }
        resolved.push({
          ...base,
          resourceId: null,
          dates: [component.date],
          isStay: false,
          ref: { kind: 'ticket_slot', ownerId: attraction.id, classCode: slot },
          keys: memberKeys('attraction', attraction.id, slot),
        });
        break;
      }
      case 'service': {
        const service = await findExtraService(ctx, component.serviceId);
        if (!service) {
          invalid.push({
            path: `${path}/serviceId`,
            message: 'is not an extra service of this agency',
          });
          continue;
        }
        resolved.push({
          ...base,
          resourceId: null,
          dates: service.limited ? [component.date] : [],
          isStay: false,
          ref: service.limited ? { kind: 'service', ownerId: service.id } : null,
          keys: memberKeys('service', service.id),
        });
        break;
      }
      case 'tour': {
        const tour = await findTour(ctx, component.tourId);
        if (!tour) {
          invalid.push({ path: `${path}/tourId`, message: 'is not a tour of this agency' });
          continue;
        }
        resolved.push({
          ...base,
          resourceId: null,
          dates: [],
          isStay: false,
          ref: null,
          keys: memberKeys('tour', tour.id),
        });
        break;
      }
    }
  }
  if (invalid.length > 0)
    throw new Invalid(invalid.map((e) => `${e.path} ${e.message}`).join('; '), invalid);

  // Resources: a component whose resource has never had capacity cannot be taken.
  const resources = new Map<string, ResourceAlertSettings>();
  for (const component of resolved) {
    if (!component.ref) continue;
    const resource = await repo.findResource(ctx.db, ctx.agencyId, component.ref);
    if (resource) {
      component.resourceId = resource.id;
      resources.set(resource.id, resource);
    } else missing.push({ path: component.path, message: 'has no capacity' });
  }
  // Pools: each component takes from the pool its member belongs to, once per unit.
  const memberships = await repo.poolsOfMembers(
    ctx.db,
    ctx.agencyId,
    resolved.flatMap((c) =>
      c.keys.map((key) => {
        const [kind = '', id = '', classCode = ''] = key.split('|');
        return { kind, id, classCode };
      }),
    ),
  );
  const poolByKey = new Map(
    memberships.map((m) => [`${m.memberKind}|${m.memberId}|${m.classCode}`, m.poolId]),
  );
  for (const component of resolved) {
    const poolIds = component.keys
      .map((key) => poolByKey.get(key))
      .filter((id) => id !== undefined);
    component.poolIds = [...new Set(poolIds)];
  }
  return { components: resolved, missing, resources };
}

export interface TakeRequest {
  components: Component[];
  /** A quote or a booking id, to find the take again. */
  reference?: string | null;
  /** Hold for this many minutes instead of taking firmly. */
  holdMinutes?: number;
  /**
   * A hold this take replaces (the same trip priced again): released in the same
   * transaction, before the check, so its units count for the new take. Ignored unless
   * it is still held.
   */
  replaces?: string | null;
  now?: Date;
}

/**
 * Takes every component of a booking at once, or nothing. Rows are locked in one global
 * order (day rows by resource and date, then pools by id) so concurrent takes queue instead
 * of deadlocking, and each check runs on the locked, current counters.
 */
export async function take(ctx: Ctx, request: TakeRequest): Promise<Take> {
  if (request.components.length === 0) throw Invalid.field('/components', 'must not be empty');
  if (
    request.holdMinutes !== undefined &&
    (request.holdMinutes < 1 || request.holdMinutes > 7 * 24 * 60)
  ) {
    throw Invalid.field('/holdMinutes', 'must be between 1 minute and 7 days');
  }
  const now = request.now ?? new Date();
  const today = todayUtc(now);
  return inTransaction(ctx, async (tx) => {
    const { components, missing, resources } = await resolveComponents(
      tx,
      request.components,
      today,
    );
    if (missing.length > 0) {
      throw new Conflict(
        `not available: ${missing.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        missing,
      );
    }
    const cells = components
      .flatMap((c) =>
        c.resourceId ? c.dates.map((date) => ({ resourceId: c.resourceId as string, date })) : [],
      )
      .sort(compareCells);
    const poolIds = [...new Set(components.flatMap((c) => c.poolIds))].sort();
    await releaseBeforeTaking(tx, uniqueCells(cells), poolIds, now, request.replaces ?? null);
    const lockedDays = await repo.lockDays(tx.db, tx.agencyId, uniqueCells(cells));
    const lockedPools = await repo.lockPools(tx.db, tx.agencyId, poolIds);
    const days = new Map(lockedDays.map((d) => [dayKey(d.resourceId, d.date), d]));
    const pools = new Map(lockedPools.map((p) => [p.id, p]));

    const plan = planTake(components, days, pools, today);
    if (plan.invalid.length > 0) {
      throw new Invalid(plan.invalid.map((e) => `${e.path} ${e.message}`).join('; '), plan.invalid);
    }
    if (plan.unavailable.length > 0) {
      throw new Conflict(
        `not available: ${plan.unavailable.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        plan.unavailable,
      );
    }

    const held = request.holdMinutes !== undefined;
    const field = (quantity: number) =>
      held ? { sold: 0, held: quantity } : { sold: quantity, held: 0 };
    await repo.adjustDays(
      tx.db,
      tx.agencyId,
      plan.dayChanges.map((c) => ({
        resourceId: c.resourceId,
        date: c.date,
        ...field(c.quantity),
      })),
    );
    await repo.adjustPools(
      tx.db,
      tx.agencyId,
      plan.poolChanges.map((c) => ({ poolId: c.poolId, ...field(c.quantity) })),
    );

    const takeId = newId();
    const expiresAt = held
      ? new Date(now.getTime() + (request.holdMinutes as number) * 60_000)
      : null;
    const items: TakeItem[] = components.flatMap((c, index) => [
      ...(c.resourceId
        ? c.dates.map((date) => ({
            component: index,
            resourceId: c.resourceId,
            date,
            poolId: null,
            quantity: c.quantity,
            onRequest: days.get(dayKey(c.resourceId as string, date))?.kind === 'on_request',
          }))
        : []),
      ...c.poolIds.map((poolId) => ({
        component: index,
        resourceId: null,
        date: null,
        poolId,
        quantity: c.quantity,
        onRequest: false,
      })),
    ]);
    await repo.insertTake(tx.db, tx.agencyId, {
      id: takeId,
      status: held ? 'held' : 'taken',
      reference: request.reference ?? null,
      expiresAt,
      items,
    });

    await notifyLowStock(tx, {
      resources,
      days: plan.dayChanges.map((c) => {
        const before = days.get(dayKey(c.resourceId, c.date)) as DayCounter;
        return { before, after: { ...before, ...addTo(before, field(c.quantity)) } };
      }),
      pools: plan.poolChanges.map((c) => {
        const before = pools.get(c.poolId) as PoolCounter;
        return { before, after: { ...before, ...addTo(before, field(c.quantity)) } };
      }),
      today,
    });

    return {
      id: takeId,
      status: held ? 'held' : 'taken',
      reference: request.reference ?? null,
      expiresAt: expiresAt?.toISOString() ?? null,
      createdAt: now.toISOString(),
      onRequest: plan.onRequest,
      items,
    };
  });
}

function addTo(counter: { sold: number; held: number }, change: { sold: number; held: number }) {
  return { sold: counter.sold + change.sold, held: counter.held + change.held };
}

function compareCells(
  a: { resourceId: string; date: CalendarDate },
  b: { resourceId: string; date: CalendarDate },
): number {
  if (a.resourceId !== b.resourceId) return a.resourceId < b.resourceId ? -1 : 1;
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function uniqueCells<T extends { resourceId: string; date: CalendarDate }>(cells: T[]): T[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = dayKey(c.resourceId, c.date);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether every component could be taken now, without taking anything or locking a row: the
 * offer search shows only what is available. A later take decides for real.
 */
export async function canTake(
  ctx: Ctx,
  components: Component[],
  now: Date = new Date(),
): Promise<boolean> {
  if (components.length === 0) return true;
  const today = todayUtc(now);
  try {
    const resolved = await resolveComponents(ctx, components, today);
    if (resolved.missing.length > 0) return false;
    const cells = resolved.components
      .flatMap((c) =>
        c.resourceId ? c.dates.map((date) => ({ resourceId: c.resourceId as string, date })) : [],
      )
      .sort(compareCells);
    const poolIds = [...new Set(resolved.components.flatMap((c) => c.poolIds))];
    const [dayRows, poolRows, expired] = await Promise.all([
      repo.peekDays(ctx.db, ctx.agencyId, uniqueCells(cells)),
      repo.peekPools(ctx.db, ctx.agencyId, poolIds),
      repo.expiredHoldsOn(ctx.db, ctx.agencyId, uniqueCells(cells), poolIds, now, {
        lock: false,
      }),
    ]);
    // Units of holds past their expiry are free to take (a take releases them first).
    const { dayTotals, poolTotals } = totalsOf(expired.items);
    const days = new Map(
      dayRows.map((d) => {
        const key = dayKey(d.resourceId, d.date);
        return [key, { ...d, held: d.held - (dayTotals.get(key)?.quantity ?? 0) }];
      }),
    );
    const pools = new Map(
      poolRows.map((p) => [p.id, { ...p, held: p.held - (poolTotals.get(p.id) ?? 0) }]),
    );
    const plan = planTake(resolved.components, days, pools, today);
    return plan.invalid.length === 0 && plan.unavailable.length === 0;
  } catch (error) {
    if (error instanceof Invalid || error instanceof Conflict) return false;
    throw error;
  }
}

/** A hold, without its expiry: convenience for quotes and carts. */
export function hold(ctx: Ctx, request: Omit<TakeRequest, 'holdMinutes'> & { minutes: number }) {
  return take(ctx, { ...request, holdMinutes: request.minutes });
}

export async function getTake(ctx: Ctx, takeId: string): Promise<Take> {
  const found = await repo.readTake(ctx.db, ctx.agencyId, takeId);
  if (!found) throw new NotFound('inventory take', takeId);
  return found;
}

/** One transport departure's class a take holds seats on (a leg of a booking). */
export interface SeatLeg {
  departureId: string;
  classCode: string;
  date: CalendarDate;
  quantity: number;
}

/** The transport seats a take holds or took, one entry per departure and class, by date. */
export async function seatLegsOfTake(ctx: Ctx, takeId: string): Promise<SeatLeg[]> {
  const items = await repo.readTakeItems(ctx.db, ctx.agencyId, takeId);
  const legs = new Map<string, SeatLeg>();
  for (const item of items) {
    if (!item.resourceId || !item.date) continue;
    const known = legs.get(item.resourceId);
    if (known) {
      known.quantity += item.quantity;
      continue;
    }
    const resource = await repo.findResourceById(ctx.db, ctx.agencyId, item.resourceId);
    if (resource?.kind !== 'transport_seats') continue;
    legs.set(item.resourceId, {
      departureId: resource.ownerId,
      classCode: resource.classCode,
      date: item.date,
      quantity: item.quantity,
    });
  }
  return [...legs.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.departureId.localeCompare(b.departureId),
  );
}

/**
 * Turns a hold into a firm take (the booking was saved). A hold past its expiry is a
 * conflict even before the sweeper has released it: the caller takes afresh.
 */
export async function confirmHold(ctx: Ctx, takeId: string, now: Date = new Date()): Promise<Take> {
  return inTransaction(ctx, async (tx) => {
    const current = await repo.lockTake(tx.db, tx.agencyId, takeId);
    if (!current) throw new NotFound('inventory take', takeId);
    if (current.status === 'taken')
      return (await repo.readTake(tx.db, tx.agencyId, takeId)) as Take;
    if (current.status !== 'held') throw new Conflict(`the hold was already ${current.status}`);
    if (current.expiresAt && new Date(current.expiresAt) <= now) {
      throw new Conflict(`the hold expired at ${new Date(current.expiresAt).toISOString()}`);
    }
    await moveItems(tx, takeId, (quantity) => ({ sold: quantity, held: -quantity }));
    await repo.setTakeStatus(tx.db, tx.agencyId, takeId, 'taken');
    return (await repo.readTake(tx.db, tx.agencyId, takeId)) as Take;
  });
}

/**
 * Gives back exactly what a take recorded. Releasing twice changes nothing the second time,
 * so a retried cancellation cannot return units twice.
 */
export async function release(
  ctx: Ctx,
  takeId: string,
  outcome: 'released' | 'expired' = 'released',
): Promise<Take> {
  return inTransaction(ctx, async (tx) => {
    const current = await repo.lockTake(tx.db, tx.agencyId, takeId);
    if (!current) throw new NotFound('inventory take', takeId);
    if (current.status === 'held' || current.status === 'taken') {
      const wasHeld = current.status === 'held';
      await moveItems(tx, takeId, (quantity) =>
        wasHeld ? { sold: 0, held: -quantity } : { sold: -quantity, held: 0 },
      );
      await repo.setTakeStatus(tx.db, tx.agencyId, takeId, outcome);
    }
    return (await repo.readTake(tx.db, tx.agencyId, takeId)) as Take;
  });
}

/**
 * Releases, in the caller's take, what no longer holds anything for anyone before the take
 * checks its rows: the holds past their expiry on the cells or pools it is about to take,
 * before the sweeper gets to them (an abandoned hold must not refuse a sale once its time is
 * up), and the hold the take replaces. Their rows are locked together with the take's own,
 * in the global order, so this adds no new way to deadlock.
 */
async function releaseBeforeTaking(
  tx: Ctx,
  cells: { resourceId: string; date: CalendarDate }[],
  poolIds: string[],
  now: Date,
  replaces: string | null,
): Promise<void> {
  const ended: { takeId: string; status: 'released' | 'expired' }[] = [];
  const items: TakeItem[] = [];
  if (replaces) {
    const replaced = await repo.lockTake(tx.db, tx.agencyId, replaces);
    if (replaced?.status === 'held') {
      ended.push({ takeId: replaces, status: 'released' });
      items.push(...(await repo.readTakeItems(tx.db, tx.agencyId, replaces)));
    }
  }
  const expired = await repo.expiredHoldsOn(tx.db, tx.agencyId, cells, poolIds, now, {
    lock: true,
  });
  if (expired.takeIds.some((id) => id !== replaces)) {
    const others = expired.takeIds.filter((id) => id !== replaces);
    ended.push(...others.map((takeId) => ({ takeId, status: 'expired' as const })));
    items.push(
      ...(replaces && expired.takeIds.includes(replaces)
        ? await repo.readTakeItemsOf(tx.db, tx.agencyId, others)
        : expired.items),
    );
  }
  if (ended.length === 0) return;
  await moveTotals(tx, items, (quantity) => ({ sold: 0, held: -quantity }), {
    cells,
    poolIds,
  });
  for (const { takeId, status } of ended) {
    await repo.setTakeStatus(tx.db, tx.agencyId, takeId, status);
  }
}

/** Units per day row and per pool of some take items. */
function totalsOf(items: TakeItem[]) {
  const dayTotals = new Map<string, { resourceId: string; date: CalendarDate; quantity: number }>();
  const poolTotals = new Map<string, number>();
  for (const item of items) {
    if (item.resourceId && item.date) {
      const key = dayKey(item.resourceId, item.date);
      const total = dayTotals.get(key) ?? {
        resourceId: item.resourceId,
        date: item.date,
        quantity: 0,
      };
      total.quantity += item.quantity;
      dayTotals.set(key, total);
    } else if (item.poolId) {
      poolTotals.set(item.poolId, (poolTotals.get(item.poolId) ?? 0) + item.quantity);
    }
  }
  return { dayTotals, poolTotals };
}

/** Applies a change to every counter a take touched, locking in the global order. */
async function moveItems(
  tx: Ctx,
  takeId: string,
  change: (quantity: number) => { sold: number; held: number },
): Promise<void> {
  await moveTotals(tx, await repo.readTakeItems(tx.db, tx.agencyId, takeId), change);
}

/**
 * Applies a change to the counters of some take items. Every row is locked first in the
 * global order (day rows, then pools), together with the rows in `alsoLock` that the caller
 * goes on to change in the same transaction.
 */
async function moveTotals(
  tx: Ctx,
  items: TakeItem[],
  change: (quantity: number) => { sold: number; held: number },
  alsoLock: { cells: { resourceId: string; date: CalendarDate }[]; poolIds: string[] } = {
    cells: [],
    poolIds: [],
  },
): Promise<void> {
  const { dayTotals, poolTotals } = totalsOf(items);
  const cells = [...dayTotals.values()].sort(compareCells);
  await repo.lockDays(
    tx.db,
    tx.agencyId,
    uniqueCells([...cells, ...alsoLock.cells].sort(compareCells)),
  );
  const poolIds = [...poolTotals.keys()].sort();
  await repo.lockPools(tx.db, tx.agencyId, [...new Set([...poolIds, ...alsoLock.poolIds])].sort());
  await repo.adjustDays(
    tx.db,
    tx.agencyId,
    cells.map((c) => ({ resourceId: c.resourceId, date: c.date, ...change(c.quantity) })),
  );
  await repo.adjustPools(
    tx.db,
    tx.agencyId,
    poolIds.map((poolId) => ({ poolId, ...change(poolTotals.get(poolId) as number) })),
  );
}

/**
 * Releases holds past their expiry, across agencies, one hold per transaction. Holds being
 * confirmed or released right now are skipped (SKIP LOCKED) and seen on the next sweep.
 */
export async function sweepExpiredHolds(
  db: Ctx['db'],
  now: Date = new Date(),
  limit = 100,
): Promise<number> {
  const expired = await repo.findExpiredHolds(db, now, limit);
  let released = 0;
  for (const holdRow of expired) {
    const done = await withTransaction(db, async (trx) => {
      const ctx: Ctx = {
        db: trx,
        agencyId: holdRow.agencyId,
        actor: { type: 'system', id: null, userId: null, name: 'hold sweeper', role: null },
      };
      const locked = await repo.lockTakeSkipLocked(trx, holdRow.agencyId, holdRow.id);
      if (locked?.status !== 'held') return false;
      await release(ctx, holdRow.id, 'expired');
      return true;
    });
    if (done) released += 1;
  }
  return released;
}

// --- resource settings --------------------------------------------------------------------

export interface PresentedResource {
  id: string;
  kind: ResourceRef['kind'];
  ownerId: string;
  classCode: string;
  label: string;
  lowStockThreshold: number | null;
  alertUserIds: string[];
}

export async function listResourcesOf(ctx: Ctx, ownerId: string): Promise<PresentedResource[]> {
  const rows = await repo.listResources(ctx.db, ctx.agencyId, [ownerId]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ownerId: r.ownerId,
    classCode: r.classCode,
    label: r.label,
    lowStockThreshold: r.lowStockThreshold,
    alertUserIds: r.alertUserIds,
  }));
}

/** Sets the low-stock threshold of a resource and the staff it alerts. */
export async function updateResourceAlerts(
  ctx: Ctx,
  id: string,
  change: { lowStockThreshold?: number | null; alertUserIds?: string[] },
): Promise<PresentedResource> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findResourceById(tx.db, tx.agencyId, id);
    if (!before) throw new NotFound('inventory resource', id);
    const userIds = [...new Set(change.alertUserIds ?? [])];
    const found = new Set(
      (await findActiveUsers(tx.db, tx.agencyId, userIds)).map((user) => user.id),
    );
    const unknown = (change.alertUserIds ?? []).findIndex((userId) => !found.has(userId));
    if (unknown >= 0) {
      throw Invalid.field(`/alertUserIds/${unknown}`, 'is not an active user of this agency');
    }
    await repo.updateResourceAlerts(tx.db, tx.agencyId, id, {
      ...(change.lowStockThreshold !== undefined
        ? { lowStockThreshold: change.lowStockThreshold }
        : {}),
      ...(change.alertUserIds !== undefined ? { alertUserIds: userIds } : {}),
    });
    const after = await repo.findResourceById(tx.db, tx.agencyId, id);
    await recordAudit(tx, {
      action: 'inventory.resource.alerts_set',
      entityType: 'inventory_resource',
      entityId: id,
      before: { lowStockThreshold: before.lowStockThreshold, alertUserIds: before.alertUserIds },
      after: change,
    });
    return (await listResourcesOf(tx, (after ?? before).ownerId)).find(
      (r) => r.id === id,
    ) as PresentedResource;
  });
}
