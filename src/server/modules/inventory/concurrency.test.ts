// I5–I7 under real concurrency, on PostgreSQL only (PGlite has one session, so a race there
// proves nothing): 200 clients, each on its own connection, race for the last 10 units of a
// room type that shares a pool with a bus departure. Exactly 10 win, the losers get a
// Conflict (never a deadlock or a serialization error), and every counter equals the sum of
// what the ledger recorded. Repeated so that a lucky interleaving cannot pass it.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../../../tests/helpers/database.ts';
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

const clients = 200;
const lastUnits = 10;
const rounds = 5;

describeOnPostgres(
  'inventory under 200 concurrent clients',
  (database) => {
    for (let round = 1; round <= rounds; round += 1) {
      // Odd rounds: the room type's own counter is the last 10; even rounds: the pool is.
      const poolBinds = round % 2 === 0;
      it(`round ${round}: exactly ${lastUnits} of ${clients} takes succeed (${poolBinds ? 'pool' : 'room nights'} binding)`, async () => {
        const agency: TestAgency = await makeAgency(database());
        const ctx = agency.ctx;
        const checkIn = addDays(todayUtc(), 30 + round);
        const checkOut = addDays(checkIn, 3);
        const { roomTypeId } = await insertRoomType(ctx);
        const { departureId } = await insertBusDeparture(ctx, checkIn);
        await inventory.setCapacity(ctx, { kind: 'room_type', ownerId: roomTypeId }, 'room', {
          from: checkIn,
          to: addDays(checkOut, -1),
          kind: 'allotment',
          units: poolBinds ? 100 : 30,
        });
        await inventory.setCapacity(
          ctx,
          { kind: 'transport_seats', ownerId: departureId, classCode: 'STD' },
          'bus',
          { from: checkIn, to: checkIn, kind: 'allotment', units: 400 },
        );
        const pool = await createPool(ctx, {
          name: `charter ${round}`,
          capacity: poolBinds ? 40 : 500,
          members: [
            { kind: 'room_type', id: roomTypeId },
            { kind: 'transport_departure', id: departureId },
          ],
        });
        // Sell all but the last 10: 20 rooms (room-bound) or 30 pool units (pool-bound).
        const room = (quantity: number): Component => ({
          type: 'room',
          roomTypeId,
          checkIn,
          checkOut,
          quantity,
        });
        const seat = (quantity: number): Component => ({
          type: 'seats',
          departureId,
          classCode: 'STD',
          quantity,
        });
        await inventory.take(ctx, { components: [room(20)] });
        if (poolBinds) await inventory.take(ctx, { components: [seat(10)] });

        // Room-bound rounds: half the clients also take a bus seat, listing the components in
        // either order — without the fixed lock order these would deadlock. Pool-bound rounds:
        // each client takes one pool unit, half through the room type, half through the bus.
        const attempts = Array.from({ length: clients }, (_, i) => {
          const mixed = [[room(1)], [room(1), seat(1)], [seat(1), room(1)], [room(1)]];
          const components = poolBinds ? (i % 2 === 0 ? [room(1)] : [seat(1)]) : mixed[i % 4];
          return inventory.take(ctx, { components: components ?? [], reference: `client ${i}` });
        });
        const results = await Promise.allSettled(attempts);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        const unexpected = lost.filter((r) => !(r.reason instanceof Conflict));
        expect(unexpected.map((r) => String(r.reason))).toEqual([]);
        expect(won).toHaveLength(lastUnits);
        expect(lost).toHaveLength(clients - lastUnits);

        // Counters equal the ledger: sold per night and per pool is the sum of live take items.
        const ledger = await sql<{
          resourceId: string | null;
          date: string | null;
          poolId: string | null;
          total: number;
        }>`
          select i.resource_id, i.date::text as date, i.pool_id, sum(i.quantity)::int as total
            from inventory_take_items i join inventory_takes t on t.id = i.take_id
           where t.agency_id = ${agency.agencyId} and t.status = 'taken'
           group by i.resource_id, i.date, i.pool_id`.execute(database().db);
        const days = await database()
          .db.selectFrom('inventoryDays')
          .select(['resourceId', 'date', 'sold', 'held', 'capacity'])
          .where('agencyId', '=', agency.agencyId)
          .execute();
        for (const d of days) {
          const recorded = ledger.rows.find(
            (r) => r.resourceId === d.resourceId && r.date === d.date,
          );
          expect(d.sold, `${d.date}`).toBe(recorded?.total ?? 0);
          expect(d.held).toBe(0);
          expect(d.sold).toBeLessThanOrEqual(d.capacity);
        }
        const poolRow = await database()
          .db.selectFrom('inventoryPools')
          .select(['sold', 'held', 'capacity'])
          .where('id', '=', pool.id)
          .executeTakeFirstOrThrow();
        expect(poolRow.sold).toBe(ledger.rows.find((r) => r.poolId === pool.id)?.total ?? 0);
        expect(poolRow.sold).toBeLessThanOrEqual(poolRow.capacity);
        const roomNights = await inventory.availability(
          ctx,
          { kind: 'room_type', ownerId: roomTypeId },
          checkIn,
          addDays(checkOut, -1),
        );
        expect(roomNights.map((n) => n.available)).toEqual([0, 0, 0]);
        if (poolBinds) expect(poolRow.sold).toBe(poolRow.capacity);
      }, 60_000);
    }
  },
  { poolSize: clients },
);
