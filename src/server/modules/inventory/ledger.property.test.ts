// Properties of the ledger on a real database: whatever sequence of takes, holds, confirms
// and releases happens, no counter goes below zero available, a refused take changes
// nothing, and releasing everything returns every counter to where it started.
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency, type TestAgency } from '../../../../tests/helpers/factories.ts';
import {
  insertBusDeparture,
  insertRoomType,
} from '../../../../tests/helpers/inventory-fixtures.ts';
import { addDays, todayUtc } from '../../calendar.ts';
import { Conflict } from '../../errors.ts';
import { createPool } from './pools-service.ts';
import * as inventory from './service.ts';
import type { Component } from './types.ts';

const first = addDays(todayUtc(), 40);
const nights = 4;

const componentArb = fc.oneof(
  fc.record({
    type: fc.constant('room' as const),
    start: fc.integer({ min: 0, max: nights - 1 }),
    length: fc.integer({ min: 1, max: nights }),
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ type: fc.constant('seats' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
);
const opArb = fc.oneof(
  fc.record({
    op: fc.constantFrom('take' as const, 'hold' as const),
    components: fc.array(componentArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ op: fc.constantFrom('release' as const, 'confirm' as const), pick: fc.nat() }),
);

describeEachDatabase('inventory ledger properties', (database) => {
  let agency: TestAgency;

  beforeAll(async () => {
    agency = await makeAgency(database());
  });

  it('keeps counters within bounds, refuses atomically, and release restores them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const ctx = agency.ctx;
        const { roomTypeId } = await insertRoomType(ctx);
        const { departureId } = await insertBusDeparture(ctx, first);
        await inventory.setCapacity(ctx, { kind: 'room_type', ownerId: roomTypeId }, 'room', {
          from: first,
          to: addDays(first, nights - 1),
          kind: 'allotment',
          units: 4,
        });
        await inventory.setCapacity(
          ctx,
          { kind: 'transport_seats', ownerId: departureId, classCode: 'STD' },
          'bus',
          { from: first, to: first, kind: 'allotment', units: 3 },
        );
        const pool = await createPool(ctx, {
          name: 'p',
          capacity: 5,
          members: [
            { kind: 'room_type', id: roomTypeId },
            { kind: 'transport_departure', id: departureId },
          ],
        });
        const snapshot = async () => {
          const rooms = await inventory.availability(
            ctx,
            { kind: 'room_type', ownerId: roomTypeId },
            first,
            addDays(first, nights - 1),
          );
          const seats = await inventory.availability(
            ctx,
            { kind: 'transport_seats', ownerId: departureId, classCode: 'STD' },
            first,
            first,
          );
          return [...rooms, ...seats].map((d) => [d.sold, d.held, d.available, d.pool?.available]);
        };
        const initial = await snapshot();
        const live: string[] = [];

        for (const step of ops) {
          if (step.op === 'take' || step.op === 'hold') {
            const components: Component[] = step.components.map((c) =>
              c.type === 'room'
                ? {
                    type: 'room',
                    roomTypeId,
                    checkIn: addDays(first, c.start),
                    checkOut: addDays(first, Math.min(nights, c.start + c.length)),
                    quantity: c.quantity,
                  }
                : { type: 'seats', departureId, classCode: 'STD', quantity: c.quantity },
            );
            const before = await snapshot();
            try {
              const result = await inventory.take(ctx, {
                components,
                ...(step.op === 'hold' ? { holdMinutes: 10 } : {}),
              });
              live.push(result.id);
            } catch (error) {
              expect(error).toBeInstanceOf(Conflict);
              expect(await snapshot()).toEqual(before);
            }
          } else if (live.length > 0 && 'pick' in step) {
            const id = live[step.pick % live.length] as string;
            if (step.op === 'release') {
              await inventory.release(ctx, id);
              live.splice(live.indexOf(id), 1);
            } else {
              const current = await inventory.getTake(ctx, id);
              if (current.status === 'held') await inventory.confirmHold(ctx, id);
            }
          }
          const now = await snapshot();
          for (const [, , available, poolLeft] of now) {
            expect(available).toBeGreaterThanOrEqual(0);
            expect(poolLeft).toBeGreaterThanOrEqual(0);
          }
          const poolNow = await poolCounters(pool.id);
          expect(poolNow.sold + poolNow.held).toBeLessThanOrEqual(poolNow.capacity);
        }
        for (const id of live) await inventory.release(ctx, id);
        expect(await snapshot()).toEqual(initial);
      }),
      { numRuns: 20 },
    );

    async function poolCounters(id: string) {
      return database()
        .db.selectFrom('inventoryPools')
        .select(['sold', 'held', 'capacity'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    }
  }, 120_000);
});
