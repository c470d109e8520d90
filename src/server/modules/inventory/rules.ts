// The inventory's business rules, pure: what is available on a date, whether a take fits,
// and when a low-stock threshold is crossed. No I/O; the service feeds in locked rows.
import { type CalendarDate, daysBetween } from '../../calendar.ts';
import type { FieldError } from '../../errors.ts';
import type { DayCounter, PoolCounter } from './types.ts';

/**
 * An allotment night whose release period has begun has given its unsold units back to the
 * hotel: with `releaseDays` 7, the night of 10 July can be sold up to 3 July inclusive.
 */
export function isReleased(day: DayCounter, today: CalendarDate): boolean {
  return (
    day.kind === 'allotment' &&
    day.releaseDays !== null &&
    daysBetween(today, day.date) < day.releaseDays
  );
}

/** Units that can still be taken on this date (never below zero). */
export function availableOn(day: DayCounter, today: CalendarDate): number {
  if (day.stopSale || day.date < today || isReleased(day, today)) return 0;
  return Math.max(0, day.capacity - day.sold - day.held);
}

export function poolAvailable(pool: PoolCounter): number {
  return Math.max(0, pool.capacity - pool.sold - pool.held);
}

/** Why a date cannot be sold, for error messages; null when it can. */
export function unavailableReason(
  day: DayCounter | undefined,
  today: CalendarDate,
  quantity: number,
): string | null {
  if (!day) return 'has no capacity';
  if (day.date < today) return 'is in the past';
  if (day.stopSale) return 'is on stop-sale';
  if (isReleased(day, today)) return 'is past the allotment release';
  const available = availableOn(day, today);
  if (available < quantity) return `has ${available} left, ${quantity} asked`;
  return null;
}

/** One part of a booking, resolved to the counters it needs. */
export interface ResolvedComponent {
  /** JSON Pointer of the component in the request, e.g. `/components/1`. */
  path: string;
  resourceId: string | null;
  dates: CalendarDate[];
  quantity: number;
  /** Room stays: the first date is the arrival, so min-stay and closed-to-arrival apply. */
  isStay: boolean;
  poolIds: string[];
}

export interface TakePlan {
  dayChanges: { resourceId: string; date: CalendarDate; quantity: number }[];
  poolChanges: { poolId: string; quantity: number }[];
  /** Per component: true when any of its dates is on request. */
  onRequest: boolean[];
  /** Request errors (min stay, closed to arrival): the caller answers 400. */
  invalid: FieldError[];
  /** Capacity errors (sold out, stop-sale, release): the caller answers 409. */
  unavailable: FieldError[];
}

export const dayKey = (resourceId: string, date: CalendarDate) => `${resourceId}|${date}`;

/**
 * Decides whether all components fit at once. Quantities of components that share a date
 * of a resource (or a pool) are added up before comparing, so two rooms of one type asked
 * in two lines cannot each pass on the last unit.
 */
export function planTake(
  components: ResolvedComponent[],
  days: ReadonlyMap<string, DayCounter>,
  pools: ReadonlyMap<string, PoolCounter>,
  today: CalendarDate,
): TakePlan {
  const invalid: FieldError[] = [];
  const unavailable: FieldError[] = [];
  const dayTotals = new Map<
    string,
    { resourceId: string; date: CalendarDate; quantity: number; paths: string[] }
  >();
  const poolTotals = new Map<string, { quantity: number; paths: string[] }>();
  const onRequest = components.map(() => false);

  components.forEach((component, index) => {
    if (component.resourceId !== null) {
      for (const date of component.dates) {
        const key = dayKey(component.resourceId, date);
        const total = dayTotals.get(key) ?? {
          resourceId: component.resourceId,
          date,
          quantity: 0,
          paths: [],
        };
        total.quantity += component.quantity;
        total.paths.push(component.path);
        dayTotals.set(key, total);
        if (days.get(key)?.kind === 'on_request') onRequest[index] = true;
      }
      const arrival = component.dates[0];
      const first =
        arrival === undefined ? undefined : days.get(dayKey(component.resourceId, arrival));
      if (component.isStay && first) {
        if (first.closedToArrival) {
          invalid.push({
            path: `${component.path}/checkIn`,
            message: `${first.date} is closed to arrival`,
          });
        }
        if (first.minStay !== null && component.dates.length < first.minStay) {
          invalid.push({
            path: `${component.path}/checkOut`,
            message: `a stay of ${component.dates.length} nights is shorter than the minimum stay of ${first.minStay} nights from ${first.date}`,
          });
        }
      }
    }
    for (const poolId of component.poolIds) {
      const total = poolTotals.get(poolId) ?? { quantity: 0, paths: [] };
      total.quantity += component.quantity;
      total.paths.push(component.path);
      poolTotals.set(poolId, total);
    }
  });

  for (const [key, total] of dayTotals) {
    const reason = unavailableReason(days.get(key), today, total.quantity);
    if (reason) {
      for (const path of new Set(total.paths)) {
        unavailable.push({ path, message: `${total.date} ${reason}` });
      }
    }
  }
  for (const [poolId, total] of poolTotals) {
    const pool = pools.get(poolId);
    const available = pool ? poolAvailable(pool) : 0;
    if (available < total.quantity) {
      for (const path of new Set(total.paths)) {
        unavailable.push({
          path,
          message: `the shared pool ${pool?.name ?? poolId} has ${available} left, ${total.quantity} asked`,
        });
      }
    }
  }

  return {
    dayChanges: [...dayTotals.values()].map(({ resourceId, date, quantity }) => ({
      resourceId,
      date,
      quantity,
    })),
    poolChanges: [...poolTotals].map(([poolId, total]) => ({ poolId, quantity: total.quantity })),
    onRequest,
    invalid,
    unavailable,
  };
}

/** A threshold is crossed when availability goes from above it to at or below it. */
export function crossesThreshold(before: number, after: number, threshold: number | null): boolean {
  return threshold !== null && before > threshold && after <= threshold;
}
