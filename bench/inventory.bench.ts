// Inventory takes per second on PostgreSQL with 32 concurrent clients, single-component
// (3 room nights) and multi-component (3 room nights + a bus seat + its shared pool), beside
// pgbench running the same UPDATE statements in the same run on the same database. The
// ratio says what Caravel's take costs over the bare row updates: resolving ids, locking in
// order, checking, and writing the ledger (take + items) that makes release exact.
//
//   npm run bench -- inventory            (starts a throwaway PostgreSQL cluster)
//   BENCH_DATABASE_URL=postgres://… npm run bench -- inventory
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, todayUtc } from '../src/server/calendar.ts';
import type { Ctx } from '../src/server/context.ts';
import { systemActor } from '../src/server/context.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createAgencyWithUsers } from '../src/server/modules/identity/bootstrap.ts';
import { createPool } from '../src/server/modules/inventory/pools-service.ts';
import * as inventory from '../src/server/modules/inventory/service.ts';
import type { Component } from '../src/server/modules/inventory/types.ts';
import { insertBusDeparture, insertRoomType } from '../tests/helpers/inventory-fixtures.ts';
import { median } from './lib/figures.ts';
import { createDatabase, pgbenchBinary, serverVersion, startPostgres } from './lib/postgres.ts';
import { printTable } from './lib/table.ts';

const clients = Number(process.env.BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const roomTypes = 100;
const departures = 20;
const horizon = 30;

const postgres = startPostgres();

try {
  const databaseUrl = await createDatabase(postgres.url, 'caravel_bench');
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: clients });
  await migrateToLatest(database.db);
  const agencyId = await createAgencyWithUsers(
    database.db,
    { name: 'Bench', slug: 'bench', defaultLocale: 'en', baseCurrency: 'EUR' },
    [],
  );
  const ctx: Ctx = { db: database.db, agencyId, actor: systemActor };
  const first = addDays(todayUtc(), 10);
  const last = addDays(first, horizon + 3);

  console.log(
    `setting up ${roomTypes} room types × ${horizon + 3} nights, ${departures} bus departures…`,
  );
  const rooms: string[] = [];
  for (let i = 0; i < roomTypes; i += 1) {
    const { roomTypeId } = await insertRoomType(ctx);
    await inventory.setCapacity(ctx, { kind: 'room_type', ownerId: roomTypeId }, `room ${i}`, {
      from: first,
      to: last,
      kind: 'allotment',
      units: 1_000_000,
    });
    rooms.push(roomTypeId);
  }
  const buses: string[] = [];
  for (let i = 0; i < departures; i += 1) {
    const { departureId } = await insertBusDeparture(ctx, addDays(first, i));
    await inventory.setCapacity(
      ctx,
      { kind: 'transport_seats', ownerId: departureId, classCode: 'STD' },
      `bus ${i}`,
      { from: addDays(first, i), to: addDays(first, i), kind: 'allotment', units: 1_000_000 },
    );
    await createPool(ctx, {
      name: `charter ${i}`,
      capacity: 1_000_000,
      members: [{ kind: 'transport_departure', id: departureId }],
    });
    buses.push(departureId);
  }
  // pgbench addresses resources by number: the same rows, the same statements.
  await database.db.schema
    .createTable('bench_map')
    .addColumn('kind', 'text')
    .addColumn('n', 'integer')
    .addColumn('id', 'uuid')
    .execute();
  const resourceOf = async (ownerId: string) =>
    (
      await database.db
        .selectFrom('inventoryResources')
        .select('id')
        .where('ownerId', '=', ownerId)
        .executeTakeFirstOrThrow()
    ).id;
  for (const [n, id] of rooms.entries()) {
    await database.db
      .insertInto('bench_map' as never)
      .values({ kind: 'room', n, id: await resourceOf(id) } as never)
      .execute();
  }
  for (const [n, id] of buses.entries()) {
    const pool = await database.db
      .selectFrom('inventoryPoolMembers')
      .select('poolId')
      .where('memberId', '=', id)
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('bench_map' as never)
      .values([
        { kind: 'seat', n, id: await resourceOf(id) },
        { kind: 'pool', n, id: pool.poolId },
      ] as never)
      .execute();
  }

  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const single = (): Component[] => {
    const start = Math.floor(Math.random() * horizon);
    return [
      {
        type: 'room',
        roomTypeId: pick(rooms),
        checkIn: addDays(first, start),
        checkOut: addDays(first, start + 3),
        quantity: 1,
      },
    ];
  };
  const multi = (): Component[] => [
    ...single(),
    { type: 'seats', departureId: pick(buses), classCode: 'STD', quantity: 1 },
  ];

  async function caravel(make: () => Component[]): Promise<number> {
    let done = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < until) {
          await inventory.take(ctx, { components: make() });
          done += 1;
        }
      }),
    );
    return done / seconds;
  }

  const roomUpdate = `update inventory_days set sold = sold + 1, updated_at = now()
   where resource_id = (select id from bench_map where kind = 'room' and n = :r)
     and date >= '${first}'::date + :s and date < '${first}'::date + :s + 3
     and sold + held + 1 <= capacity;`;
  const scripts = {
    single: `\\set r random(0, ${roomTypes - 1})\n\\set s random(0, ${horizon - 1})\nbegin;\n${roomUpdate.replace(/\n\s*/g, ' ')}\ncommit;\n`,
    multi: `\\set r random(0, ${roomTypes - 1})\n\\set s random(0, ${horizon - 1})\n\\set b random(0, ${departures - 1})\nbegin;\n${roomUpdate.replace(/\n\s*/g, ' ')}\nupdate inventory_days set sold = sold + 1, updated_at = now() where resource_id = (select id from bench_map where kind = 'seat' and n = :b) and sold + held + 1 <= capacity;\nupdate inventory_pools set sold = sold + 1, updated_at = now() where id = (select id from bench_map where kind = 'pool' and n = :b) and sold + held + 1 <= capacity;\ncommit;\n`,
  };
  const pgbench = pgbenchBinary();
  function baseline(script: string): number {
    const file = path.join(os.tmpdir(), `caravel-bench-${process.pid}.sql`);
    fs.writeFileSync(file, script);
    const run = spawnSync(
      pgbench,
      ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file, databaseUrl],
      { encoding: 'utf8', ...(process.getuid?.() === 0 ? {} : {}) },
    );
    fs.rmSync(file, { force: true });
    const tps = /tps = ([\d.]+)/.exec(run.stdout);
    if (!tps) throw new Error(`pgbench failed: ${run.stderr || run.stdout}`);
    return Number(tps[1]);
  }

  console.log(
    `\n${clients} concurrent clients, ${rounds} rounds of ${seconds} s each, medians (PostgreSQL ${await serverVersion(database)})\n`,
  );
  const rows: string[][] = [];
  for (const [name, make] of [
    ['single (3 room nights)', single],
    ['multi (3 room nights + seat + pool)', multi],
  ] as const) {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      ours.push(await caravel(make));
      theirs.push(baseline(name.startsWith('single') ? scripts.single : scripts.multi));
    }
    const a = median(ours);
    const b = median(theirs);
    rows.push([name, a.toFixed(0), b.toFixed(0), (a / b).toFixed(2)]);
  }
  const header = ['take', 'Caravel takes/s', 'pgbench tx/s (same UPDATEs)', 'ratio'];
  printTable(header, rows, true);
  await database.close();
} finally {
  postgres.stop();
}
