// The inventory ledger through its service and its HTTP API, on PGlite and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  userByEmail,
} from '../../../../tests/helpers/factories.ts';
import {
  insertBusDeparture,
  insertRoomType,
  insertTour,
} from '../../../../tests/helpers/inventory-fixtures.ts';
import { addDays, todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { Conflict, Invalid } from '../../errors.ts';
import { createPool } from './pools-service.ts';
import * as inventory from './service.ts';

const day = (offset: number) => addDays(todayUtc(), offset);

async function counters(ctx: Ctx, roomTypeId: string, from: string, to: string) {
  const days = await inventory.availability(
    ctx,
    { kind: 'room_type', ownerId: roomTypeId },
    from,
    to,
  );
  return days.map((d) => ({ date: d.date, sold: d.sold, held: d.held, available: d.available }));
}

describeEachDatabase('inventory', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let cookie: string;
  let roomTypeId: string;
  let accommodationId: string;

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database(), { users: [{ role: 'agent' }, { role: 'accountant' }] });
    cookie = (await signIn(app, agency.adminEmail)).cookie;
    ({ roomTypeId, accommodationId } = await insertRoomType(agency.ctx));
  });
  afterAll(async () => {
    await app.close();
  });

  const put = (id: string, payload: object) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/room-types/${id}/capacity`,
      headers: { cookie },
      payload,
    });

  describe('capacity and availability', () => {
    it('sets capacity night by night and reports every night of the range', async () => {
      const response = await put(roomTypeId, {
        from: day(30),
        to: day(39),
        kind: 'allotment',
        units: 5,
        releaseDays: 3,
      });
      expect(response.statusCode, response.body).toBe(200);
      const availability = await app.inject({
        method: 'GET',
        url: `/api/v1/room-types/${roomTypeId}/availability?from=${day(29)}&to=${day(40)}`,
        headers: { cookie },
      });
      expect(availability.statusCode).toBe(200);
      const items = availability.json().items;
      expect(items).toHaveLength(12);
      expect(items[0]).toMatchObject({ date: day(29), kind: null, capacity: 0, available: 0 });
      expect(items[1]).toMatchObject({
        date: day(30),
        kind: 'allotment',
        capacity: 5,
        sold: 0,
        held: 0,
        available: 5,
        stopSale: false,
        releaseDays: 3,
      });
      expect(items[11].kind).toBeNull();
    });

    it('sets capacity for the whole allowed range (731 nights) in one call, twice', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      const payload = { from: day(400), to: day(1130), kind: 'allotment', units: 3 };
      const first = await put(room, payload);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().items).toHaveLength(731);
      // The second call finds (and locks) 731 existing rows before updating them.
      const second = await put(room, { ...payload, units: 4 });
      expect(second.statusCode, second.body).toBe(200);
      const items = second.json().items;
      expect(items).toHaveLength(731);
      expect(items[0]).toMatchObject({ date: day(400), capacity: 4, available: 4 });
      expect(items[730]).toMatchObject({ date: day(1130), capacity: 4, available: 4 });
      expect(items.every((item: { capacity: number }) => item.capacity === 4)).toBe(true);
    });

    it('keeps an explicit null (no minimum stay, no release) as null', async () => {
      const response = await put(roomTypeId, {
        from: day(41),
        to: day(41),
        kind: 'allotment',
        units: 2,
        minStay: null,
        releaseDays: null,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().items[0]).toMatchObject({
        minStay: null,
        releaseDays: null,
        capacity: 2,
      });
    });

    it('answers bad ranges, negative units and unknown room types with problems naming the field', async () => {
      const backwards = await put(roomTypeId, {
        from: day(40),
        to: day(30),
        kind: 'allotment',
        units: 1,
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.headers['content-type']).toContain('application/problem+json');
      expect(backwards.json().errors[0].path).toBe('/to');

      const negative = await put(roomTypeId, {
        from: day(30),
        to: day(31),
        kind: 'allotment',
        units: -1,
      });
      expect(negative.statusCode).toBe(400);
      expect(negative.json().errors[0].path).toBe('/units');

      const unknown = await put('0190a0a0-0000-7000-8000-000000000000', {
        from: day(30),
        to: day(31),
        kind: 'allotment',
        units: 1,
      });
      expect(unknown.statusCode).toBe(404);

      const availability = await app.inject({
        method: 'GET',
        url: `/api/v1/room-types/${roomTypeId}/availability?from=${day(10)}&to=${day(5)}`,
        headers: { cookie },
      });
      expect(availability.statusCode).toBe(400);
      expect(availability.json().errors[0].path).toBe('/to');
    });

    it('lets an accountant read availability but not change capacity', async () => {
      const accountant = await signIn(
        app,
        `accountant-1-${agency.slug.replace('agency-', '')}@example.test`,
      );
      const write = await app.inject({
        method: 'PUT',
        url: `/api/v1/room-types/${roomTypeId}/capacity`,
        headers: { cookie: accountant.cookie },
        payload: { from: day(30), to: day(30), kind: 'allotment', units: 9 },
      });
      expect(write.statusCode).toBe(403);
      const read = await app.inject({
        method: 'GET',
        url: `/api/v1/room-types/${roomTypeId}/availability?from=${day(30)}&to=${day(30)}`,
        headers: { cookie: accountant.cookie },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().items[0].capacity).toBe(5);
    });

    it('refuses to lower capacity under what is sold, and writes nothing', async () => {
      const taken = await inventory.take(agency.ctx, {
        components: [
          { type: 'room', roomTypeId, checkIn: day(31), checkOut: day(33), quantity: 3 },
        ],
      });
      const response = await put(roomTypeId, {
        from: day(30),
        to: day(35),
        kind: 'allotment',
        units: 2,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain(day(31));
      const after = await counters(agency.ctx, roomTypeId, day(30), day(30));
      expect(after[0]?.available).toBe(5);
      await inventory.release(agency.ctx, taken.id);
    });

    it('closes nights to sale with stop-sale and gives released allotment back', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'x', {
        from: day(2),
        to: day(20),
        kind: 'allotment',
        units: 4,
        releaseDays: 7,
      });
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/v1/room-types/${room}/restrictions`,
        headers: { cookie },
        payload: { from: day(15), to: day(16), stopSale: true },
      });
      expect(response.statusCode).toBe(200);
      const days = await inventory.availability(
        agency.ctx,
        { kind: 'room_type', ownerId: room },
        day(2),
        day(20),
      );
      const byDate = new Map(days.map((d) => [d.date, d]));
      expect(byDate.get(day(15))).toMatchObject({ stopSale: true, available: 0, capacity: 4 });
      // Release 7 days: six days ahead is released, seven days ahead still sells.
      expect(byDate.get(day(6))).toMatchObject({ released: true, available: 0 });
      expect(byDate.get(day(7))).toMatchObject({ released: false, available: 4 });
      await expect(
        inventory.take(agency.ctx, {
          components: [
            { type: 'room', roomTypeId: room, checkIn: day(14), checkOut: day(16), quantity: 1 },
          ],
        }),
      ).rejects.toThrow(Conflict);
      await expect(
        inventory.take(agency.ctx, {
          components: [
            { type: 'room', roomTypeId: room, checkIn: day(5), checkOut: day(8), quantity: 1 },
          ],
        }),
      ).rejects.toThrow(/release/);
    });
  });

  describe('takes', () => {
    it('takes a room and bus seats together, or nothing when the bus is full', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      const { departureId } = await insertBusDeparture(agency.ctx, day(50));
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'room', {
        from: day(50),
        to: day(56),
        kind: 'allotment',
        units: 3,
      });
      await inventory.setCapacity(
        agency.ctx,
        { kind: 'transport_seats', ownerId: departureId, classCode: 'STD' },
        'bus',
        { from: day(50), to: day(50), kind: 'allotment', units: 2 },
      );
      const components = (seats: number) => [
        {
          type: 'room' as const,
          roomTypeId: room,
          checkIn: day(50),
          checkOut: day(57),
          quantity: 1,
        },
        { type: 'seats' as const, departureId, classCode: 'STD', quantity: seats },
      ];
      const first = await inventory.take(agency.ctx, { components: components(2) });
      expect(first.status).toBe('taken');
      expect(first.items.filter((i) => i.resourceId !== null)).toHaveLength(8);

      const before = await counters(agency.ctx, room, day(50), day(56));
      const full = await inventory.take(agency.ctx, { components: components(1) }).catch((e) => e);
      expect(full).toBeInstanceOf(Conflict);
      expect((full as Conflict).errors.map((e) => e.path)).toEqual(['/components/1']);
      expect(await counters(agency.ctx, room, day(50), day(56))).toEqual(before);

      const released = await inventory.release(agency.ctx, first.id);
      expect(released.status).toBe('released');
      const again = await inventory.release(agency.ctx, first.id);
      expect(again.status).toBe('released');
      const after = await counters(agency.ctx, room, day(50), day(56));
      expect(after.every((d) => d.sold === 0 && d.held === 0 && d.available === 3)).toBe(true);
    });

    it('holds until expiry, confirms a live hold, and the sweeper releases expired ones', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'room', {
        from: day(60),
        to: day(62),
        kind: 'allotment',
        units: 2,
      });
      const component = {
        type: 'room' as const,
        roomTypeId: room,
        checkIn: day(60),
        checkOut: day(62),
        quantity: 1,
      };
      const kept = await inventory.hold(agency.ctx, { components: [component], minutes: 15 });
      const abandoned = await inventory.hold(agency.ctx, { components: [component], minutes: 15 });
      expect(kept.status).toBe('held');
      expect((await counters(agency.ctx, room, day(60), day(60)))[0]).toMatchObject({
        held: 2,
        available: 0,
      });

      const confirmed = await inventory.confirmHold(agency.ctx, kept.id);
      expect(confirmed.status).toBe('taken');
      expect((await counters(agency.ctx, room, day(60), day(60)))[0]).toMatchObject({
        sold: 1,
        held: 1,
      });

      const later = new Date(Date.now() + 16 * 60_000);
      await expect(inventory.confirmHold(agency.ctx, abandoned.id, later)).rejects.toThrow(
        /expired/,
      );
      const swept = await inventory.sweepExpiredHolds(database().db, later);
      expect(swept).toBeGreaterThanOrEqual(1);
      expect((await inventory.getTake(agency.ctx, abandoned.id)).status).toBe('expired');
      expect(
        (await counters(agency.ctx, room, day(60), day(61))).map((d) => [d.sold, d.held]),
      ).toEqual([
        [1, 0],
        [1, 0],
      ]);
      await expect(inventory.confirmHold(agency.ctx, abandoned.id)).rejects.toThrow(Conflict);
    });

    it('lets a take have the units of a hold past its expiry before the sweeper has run', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'room', {
        from: day(64),
        to: day(66),
        kind: 'allotment',
        units: 2,
      });
      const stay = (checkIn: string, checkOut: string, quantity: number) => ({
        type: 'room' as const,
        roomTypeId: room,
        checkIn,
        checkOut,
        quantity,
      });
      const abandoned = await inventory.hold(agency.ctx, {
        components: [stay(day(64), day(67), 2)],
        minutes: 10,
      });
      const soon = new Date(Date.now() + 5 * 60_000);
      // While the hold lives, nothing is left.
      expect(await inventory.canTake(agency.ctx, [stay(day(64), day(65), 1)], soon)).toBe(false);
      const ref = { kind: 'room_type' as const, ownerId: room };
      expect(
        (await inventory.availability(agency.ctx, ref, day(64), day(66), soon)).map(
          (d) => d.available,
        ),
      ).toEqual([0, 0, 0]);
      await expect(
        inventory.take(agency.ctx, { components: [stay(day(64), day(65), 1)], now: soon }),
      ).rejects.toThrow(Conflict);

      // Past its expiry, before any sweep: the units are free to look at and to take.
      const later = new Date(Date.now() + 11 * 60_000);
      expect(await inventory.canTake(agency.ctx, [stay(day(64), day(65), 2)], later)).toBe(true);
      expect(
        (await inventory.availability(agency.ctx, ref, day(64), day(66), later)).map((d) => [
          d.held,
          d.available,
        ]),
      ).toEqual([
        [0, 2],
        [0, 2],
        [0, 2],
      ]);
      const sold = await inventory.take(agency.ctx, {
        components: [stay(day(64), day(65), 2)],
        now: later,
      });
      expect(sold.status).toBe('taken');
      // The expired hold was released whole, on the nights the take did not touch as well.
      expect((await inventory.getTake(agency.ctx, abandoned.id)).status).toBe('expired');
      expect(
        (await counters(agency.ctx, room, day(64), day(66))).map((d) => [d.sold, d.held]),
      ).toEqual([
        [2, 0],
        [0, 0],
        [0, 0],
      ]);
      expect(await inventory.sweepExpiredHolds(database().db, later)).toBe(0);
      await expect(inventory.confirmHold(agency.ctx, abandoned.id, later)).rejects.toThrow(
        Conflict,
      );
    });

    it('enforces minimum stay and closed-to-arrival with 400 naming the field', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'room', {
        from: day(70),
        to: day(80),
        kind: 'allotment',
        units: 2,
        minStay: 3,
      });
      await inventory.setRestrictions(
        agency.ctx,
        { kind: 'room_type', ownerId: room },
        {
          from: day(75),
          to: day(75),
          closedToArrival: true,
        },
      );
      const short = await app.inject({
        method: 'POST',
        url: '/api/v1/inventory/holds',
        headers: { cookie },
        payload: {
          minutes: 10,
          components: [
            { type: 'room', roomTypeId: room, checkIn: day(70), checkOut: day(72), quantity: 1 },
          ],
        },
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0].path).toBe('/components/0/checkOut');
      expect(short.json().errors[0].message).toContain('minimum stay of 3');

      const closed = await inventory
        .take(agency.ctx, {
          components: [
            { type: 'room', roomTypeId: room, checkIn: day(75), checkOut: day(78), quantity: 1 },
          ],
        })
        .catch((e) => e);
      expect(closed).toBeInstanceOf(Invalid);
      expect((closed as Invalid).errors[0]?.path).toBe('/components/0/checkIn');

      const unknown = await app.inject({
        method: 'POST',
        url: '/api/v1/inventory/takes',
        headers: { cookie },
        payload: {
          components: [
            {
              type: 'room',
              roomTypeId: '0190a0a0-0000-7000-8000-000000000000',
              checkIn: day(70),
              checkOut: day(73),
              quantity: 1,
            },
          ],
        },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors[0].path).toBe('/components/0/roomTypeId');
    });

    it('marks on-request nights so the booking line waits for the supplier', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'room', {
        from: day(90),
        to: day(91),
        kind: 'on_request',
        units: 10,
      });
      const result = await inventory.take(agency.ctx, {
        components: [
          { type: 'room', roomTypeId: room, checkIn: day(90), checkOut: day(92), quantity: 1 },
        ],
      });
      expect(result.onRequest).toEqual([true]);
      expect((await inventory.getTake(agency.ctx, result.id)).onRequest).toEqual([true]);
    });
  });

  describe('shared pools and low-stock alerts', () => {
    it('sells a pool once across a room type, a bus and a tour, and alerts once per crossing', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      const { departureId } = await insertBusDeparture(agency.ctx, day(100));
      const tourId = await insertTour(agency.ctx, accommodationId);
      await inventory.setCapacity(agency.ctx, { kind: 'room_type', ownerId: room }, 'room', {
        from: day(100),
        to: day(106),
        kind: 'allotment',
        units: 20,
      });
      await inventory.setCapacity(
        agency.ctx,
        { kind: 'transport_seats', ownerId: departureId, classCode: 'STD' },
        'bus',
        { from: day(100), to: day(100), kind: 'allotment', units: 40 },
      );
      const agent = await userByEmail(
        database(),
        agency.agencyId,
        `agent-0-${agency.slug.replace('agency-', '')}@example.test`,
      );
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/pools',
        headers: { cookie },
        payload: {
          name: 'Charter July',
          capacity: 5,
          lowStockThreshold: 2,
          alertUserIds: [agent.id],
          members: [
            { kind: 'room_type', id: room },
            { kind: 'transport_departure', id: departureId },
            { kind: 'tour', id: tourId },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const poolId = response.json().id;

      await inventory.take(agency.ctx, {
        components: [
          { type: 'room', roomTypeId: room, checkIn: day(100), checkOut: day(107), quantity: 1 },
        ],
      });
      await inventory.take(agency.ctx, {
        components: [{ type: 'seats', departureId, classCode: 'STD', quantity: 1 }],
      });
      const alerts = () =>
        database()
          .db.selectFrom('notifications')
          .select(['title', 'body'])
          .where('agencyId', '=', agency.agencyId)
          .where('userId', '=', agent.id)
          .execute();
      expect(await alerts()).toHaveLength(0);
      // 5 - 3 = 2 left: the threshold is reached, one alert (and one e-mail in the outbox).
      const third = await inventory.take(agency.ctx, {
        components: [{ type: 'tour', tourId, quantity: 1 }],
      });
      expect(await alerts()).toHaveLength(1);
      const emails = await database()
        .db.selectFrom('outbox')
        .select('payload')
        .where('agencyId', '=', agency.agencyId)
        .execute();
      expect(JSON.stringify(emails)).toContain('Low stock: pool Charter July');
      // Going further down is the same crossing: no second alert.
      const fourth = await inventory.take(agency.ctx, {
        components: [{ type: 'tour', tourId, quantity: 1 }],
      });
      expect(await alerts()).toHaveLength(1);
      // The pool is down to 1: a take of 2 fails although the room type has 18 rooms left.
      await expect(
        inventory.take(agency.ctx, {
          components: [
            { type: 'room', roomTypeId: room, checkIn: day(100), checkOut: day(101), quantity: 2 },
          ],
        }),
      ).rejects.toThrow(/shared pool Charter July has 1 left/);
      const availability = await inventory.availability(
        agency.ctx,
        { kind: 'room_type', ownerId: room },
        day(100),
        day(100),
      );
      expect(availability[0]).toMatchObject({ available: 1, pool: { id: poolId, available: 1 } });
      // Back above the threshold and down again: a new crossing, a second alert.
      await inventory.release(agency.ctx, fourth.id);
      await inventory.release(agency.ctx, third.id);
      await inventory.take(agency.ctx, { components: [{ type: 'tour', tourId, quantity: 1 }] });
      expect(await alerts()).toHaveLength(2);

      const pool = await app.inject({
        method: 'GET',
        url: `/api/v1/pools/${poolId}`,
        headers: { cookie },
      });
      expect(pool.json()).toMatchObject({ capacity: 5, sold: 3, available: 2 });
      const lower = await app.inject({
        method: 'PATCH',
        url: `/api/v1/pools/${poolId}`,
        headers: { cookie },
        payload: { capacity: 2 },
      });
      expect(lower.statusCode).toBe(409);
      expect(lower.json().errors[0].path).toBe('/capacity');

      const agentCookie = (await signIn(app, agent.email)).cookie;
      const mine = await app.inject({
        method: 'GET',
        url: '/api/v1/notifications?unread=true',
        headers: { cookie: agentCookie },
      });
      expect(mine.json().items).toHaveLength(2);
      const read = await app.inject({
        method: 'POST',
        url: `/api/v1/notifications/${mine.json().items[0].id}/read`,
        headers: { cookie: agentCookie },
      });
      expect(read.json().readAt).not.toBeNull();
    });

    it('refuses a member that is already in another pool, and unknown members', async () => {
      const { roomTypeId: room } = await insertRoomType(agency.ctx, { accommodationId });
      await createPool(agency.ctx, {
        name: 'A',
        capacity: 3,
        members: [{ kind: 'room_type', id: room }],
      });
      const twice = await app.inject({
        method: 'POST',
        url: '/api/v1/pools',
        headers: { cookie },
        payload: { name: 'B', capacity: 3, members: [{ kind: 'room_type', id: room }] },
      });
      expect(twice.statusCode).toBe(409);
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/v1/pools',
        headers: { cookie },
        payload: {
          name: 'C',
          capacity: 3,
          members: [{ kind: 'tour', id: '0190a0a0-0000-7000-8000-000000000000' }],
        },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors[0].path).toBe('/members/0/id');
    });
  });
});
