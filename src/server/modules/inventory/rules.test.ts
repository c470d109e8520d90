import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar.ts';
import {
  availableOn,
  crossesThreshold,
  dayKey,
  planTake,
  type ResolvedComponent,
} from './rules.ts';
import type { DayCounter, PoolCounter } from './types.ts';

const today = '2027-01-01';
const resources = ['r1', 'r2', 'r3'];
const dates = Array.from({ length: 5 }, (_, i) => addDays('2027-02-01', i));

const dayArb = fc
  .record({
    capacity: fc.integer({ min: 0, max: 6 }),
    sold: fc.integer({ min: 0, max: 6 }),
    held: fc.integer({ min: 0, max: 6 }),
    stopSale: fc.boolean(),
    onRequest: fc.boolean(),
  })
  .map((d) => ({
    ...d,
    sold: Math.min(d.sold, d.capacity),
    held: Math.min(d.held, d.capacity - Math.min(d.sold, d.capacity)),
  }));

const worldArb = fc.record({
  days: fc.array(dayArb, {
    minLength: resources.length * dates.length,
    maxLength: resources.length * dates.length,
  }),
  pool: fc.record({
    capacity: fc.integer({ min: 0, max: 8 }),
    sold: fc.integer({ min: 0, max: 8 }),
  }),
  components: fc.array(
    fc.record({
      resource: fc.constantFrom(...resources),
      start: fc.integer({ min: 0, max: 4 }),
      nights: fc.integer({ min: 1, max: 3 }),
      quantity: fc.integer({ min: 1, max: 4 }),
      pooled: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

function build(world: typeof worldArb extends fc.Arbitrary<infer T> ? T : never) {
  const days = new Map<string, DayCounter>();
  let i = 0;
  for (const resourceId of resources) {
    for (const date of dates) {
      const d = world.days[i++] as (typeof world.days)[number];
      days.set(dayKey(resourceId, date), {
        resourceId,
        date,
        kind: d.onRequest ? 'on_request' : 'allotment',
        capacity: d.capacity,
        sold: d.sold,
        held: d.held,
        releaseDays: null,
        stopSale: d.stopSale,
        minStay: null,
        closedToArrival: false,
      });
    }
  }
  const pool: PoolCounter = {
    id: 'p1',
    name: 'pool',
    capacity: world.pool.capacity,
    sold: Math.min(world.pool.sold, world.pool.capacity),
    held: 0,
    lowStockThreshold: null,
    alertUserIds: [],
  };
  const components: ResolvedComponent[] = world.components.map((c, index) => ({
    path: `/components/${index}`,
    resourceId: c.resource,
    dates: dates.slice(c.start, c.start + c.nights),
    quantity: c.quantity,
    isStay: true,
    poolIds: c.pooled ? ['p1'] : [],
  }));
  return { days, pools: new Map([['p1', pool]]), components };
}

describe('planTake', () => {
  it('accepts a take only when every counter it touches stays within capacity', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { days, pools, components } = build(world);
        const plan = planTake(components, days, pools, today);
        const fits =
          plan.dayChanges.every((c) => {
            const day = days.get(dayKey(c.resourceId, c.date));
            return (
              day !== undefined && !day.stopSale && day.sold + day.held + c.quantity <= day.capacity
            );
          }) &&
          plan.poolChanges.every((c) => {
            const pool = pools.get(c.poolId) as PoolCounter;
            return pool.sold + pool.held + c.quantity <= pool.capacity;
          });
        // All or nothing: the plan is refused exactly when some counter would overflow.
        expect(plan.unavailable.length === 0).toBe(fits);
        // Applying an accepted plan never leaves a counter below zero available.
        if (fits) {
          for (const c of plan.dayChanges) {
            const day = days.get(dayKey(c.resourceId, c.date)) as DayCounter;
            expect(
              availableOn({ ...day, held: day.held + c.quantity }, today),
            ).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('adds up components that share a night before comparing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (a, b) => {
        const day: DayCounter = {
          resourceId: 'r1',
          date: dates[0] as string,
          kind: 'allotment',
          capacity: 5,
          sold: 0,
          held: 0,
          releaseDays: null,
          stopSale: false,
          minStay: null,
          closedToArrival: false,
        };
        const component = (quantity: number, index: number): ResolvedComponent => ({
          path: `/components/${index}`,
          resourceId: 'r1',
          dates: [day.date],
          quantity,
          isStay: false,
          poolIds: [],
        });
        const plan = planTake(
          [component(a, 0), component(b, 1)],
          new Map([[dayKey('r1', day.date), day]]),
          new Map(),
          today,
        );
        expect(plan.unavailable.length === 0).toBe(a + b <= 5);
      }),
    );
  });

  it('flags on-request components and enforces min stay on the arrival night', () => {
    const day = (date: string, over: Partial<DayCounter> = {}): DayCounter => ({
      resourceId: 'r1',
      date,
      kind: 'on_request',
      capacity: 3,
      sold: 0,
      held: 0,
      releaseDays: null,
      stopSale: false,
      minStay: 3,
      closedToArrival: false,
      ...over,
    });
    const days = new Map(dates.map((d) => [dayKey('r1', d), day(d)]));
    const plan = planTake(
      [
        {
          path: '/components/0',
          resourceId: 'r1',
          dates: dates.slice(0, 2),
          quantity: 1,
          isStay: true,
          poolIds: [],
        },
      ],
      days,
      new Map(),
      today,
    );
    expect(plan.onRequest).toEqual([true]);
    expect(plan.invalid).toEqual([
      { path: '/components/0/checkOut', message: expect.stringContaining('minimum stay of 3') },
    ]);
  });
});

describe('crossesThreshold', () => {
  it('fires only when going from above the threshold to at or below it', () => {
    expect(crossesThreshold(3, 2, 2)).toBe(true);
    expect(crossesThreshold(5, 0, 2)).toBe(true);
    expect(crossesThreshold(2, 1, 2)).toBe(false);
    expect(crossesThreshold(4, 3, 2)).toBe(false);
    expect(crossesThreshold(4, 1, null)).toBe(false);
  });
});
