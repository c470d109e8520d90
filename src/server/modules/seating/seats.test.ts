// Seat maps through the API (I4, T2): a layout checked when it is saved (400 naming the field),
// seat maps drawn for the departures, travellers seated together when the booking is taken,
// moved by hand with an audit entry and a warning when a party is split, seats freed by a
// cancellation and given anew by a change of departure, a layout change that would take a
// sold seat away refused; other agencies' ids answer 404, outside roles 403 or only their own.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import {
  adult,
  bookCoach,
  child,
  coachLayout,
  makeSeatedCoach,
} from '../../../../tests/helpers/seat-factories.ts';
import { makeBus } from '../../../../tests/helpers/transport-factories.ts';

interface MapSeat {
  seatId: string;
  label: string;
  row: number;
  column: number;
  state: string;
  properties: string[];
  booking: {
    id: string;
    number: string;
    travellerIndex: number;
    name: string;
    child: boolean;
  } | null;
}

describeEachDatabase('seat maps', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let other: TestAgency;
  let staff: string;
  let customerService: string;
  let customerCookie: string;
  let otherStaff: string;
  let customerId: string;
  const customerEmail = `seat-customer-${Date.now()}@example.test`;

  beforeAll(async () => {
    app = await makeTestApp(database());
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: `seat-agent-${Date.now()}@example.test` },
        { role: 'customer_service', email: `seat-cs-${Date.now()}@example.test` },
        { role: 'customer', email: customerEmail },
      ],
    });
    other = await makeAgency(database());
    staff = (await signIn(app, agency.adminEmail)).cookie;
    const users = await database()
      .db.selectFrom('users')
      .select(['email', 'role'])
      .where('agencyId', '=', agency.agencyId)
      .execute();
    customerService = (
      await signIn(app, users.find((u) => u.role === 'customer_service')?.email as string)
    ).cookie;
    customerCookie = (await signIn(app, customerEmail)).cookie;
    otherStaff = (await signIn(app, other.adminEmail)).cookie;
    customerId = (await makePerson(agency, { firstName: 'Jana', lastName: 'Dvořáková' })).id;
  });
  afterAll(() => app.close());

  const call = (
    cookie: string,
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) => app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const seatMap = async (departureId: string, cookie = staff) => {
    const response = await call(cookie, 'GET', `/api/v1/transport-departures/${departureId}/seats`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { seats: MapSeat[]; classes: Record<string, number>[] };
  };
  const seatsOf = (map: { seats: MapSeat[] }, bookingId: string) =>
    map.seats
      .filter((s) => s.booking?.id === bookingId)
      .sort((a, b) => (a.booking?.travellerIndex ?? 0) - (b.booking?.travellerIndex ?? 0));

  describe('the layout', () => {
    it('is saved and read back, with its seats for sale per class and a version', async () => {
      const bus = await makeBus(agency, {
        departures: [{ date: '2030-07-01', seats: { STD: 12 } }],
      });
      const layout = coachLayout(3); // 3 rows × 4 = 12 seats for sale, driver and guide blocked
      const put = await call(staff, 'PUT', `/api/v1/transport/${bus.id}/layout`, layout);
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({
        version: 1,
        seatsForSale: { STD: 12 },
        name: layout.name,
      });
      const got = await call(staff, 'GET', `/api/v1/transport/${bus.id}/layout`);
      expect(got.json().decks[0].seats).toHaveLength(14);
      // Sent back as read, it is a new version of the same layout.
      const again = await call(staff, 'PUT', `/api/v1/transport/${bus.id}/layout`, got.json());
      expect(again.json().version).toBe(2);
      const map = await seatMap(bus.departures[0]?.id as string);
      expect(map.seats.filter((s) => s.state === 'free')).toHaveLength(12);
      expect(
        map.seats
          .filter((s) => s.state === 'blocked')
          .map((s) => s.seatId)
          .sort(),
      ).toEqual(['DRIVER', 'GUIDE']);
    });

    it('answers 400 naming the field: a repeated seat id, an unknown class, a seat count off', async () => {
      const bus = await makeBus(agency, {
        departures: [{ date: '2030-07-01', seats: { STD: 12 } }],
      });
      const url = `/api/v1/transport/${bus.id}/layout`;
      const layout = coachLayout(3);
      const seats = layout.decks[0]?.seats ?? [];

      const repeated = structuredClone(layout);
      (repeated.decks[0]?.seats[5] as { id: string }).id = seats[4]?.id as string;
      const dup = await call(staff, 'PUT', url, repeated);
      expect(dup.statusCode).toBe(400);
      expect(dup.json().errors).toContainEqual(
        expect.objectContaining({ path: '/decks/0/seats/5/id' }),
      );

      const unknown = structuredClone(layout);
      (unknown.decks[0]?.seats[3] as { classCode: string }).classCode = 'VIP';
      const cls = await call(staff, 'PUT', url, unknown);
      expect(cls.statusCode).toBe(400);
      expect(cls.json().errors[0].path).toBe('/decks/0/seats/3/classCode');

      // 4 rows: 16 seats for sale, the departure sells 12: 4 more in the layout.
      const longer = await call(staff, 'PUT', url, coachLayout(4));
      expect(longer.statusCode).toBe(400);
      expect(longer.json().errors[0].path).toBe('/decks');
      expect(longer.json().errors[0].message).toContain(
        '16 seats for sale, the departure of 2030-07-01 12 (4 more',
      );
      // …unless the departures are resized to it.
      const resized = await call(staff, 'PUT', `${url}?resizeDepartures=true`, coachLayout(4));
      expect(resized.statusCode, resized.body).toBe(200);
      const departure = await call(
        staff,
        'GET',
        `/api/v1/transport-departures/${bus.departures[0]?.id}`,
      );
      expect(departure.json().seats[0].capacity).toBe(16);
      // A departure added later sells the layout's seats and has its map; other counts are refused.
      const added = await call(staff, 'POST', `/api/v1/transport/${bus.id}/departures`, {
        departures: [{ date: '2030-07-08' }],
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json().departures[0].seats[0].capacity).toBe(16);
      expect((await seatMap(added.json().departures[0].id)).seats).toHaveLength(18);
      const wrong = await call(staff, 'POST', `/api/v1/transport/${bus.id}/departures`, {
        departures: [{ date: '2030-07-15', seats: { STD: 20 } }],
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].path).toBe('/departures/0/seats/STD');
    });

    it("answers 404 for another agency's transport and 403 to those who may not edit it", async () => {
      const bus = await makeBus(agency, {
        departures: [{ date: '2030-07-01', seats: { STD: 12 } }],
      });
      const url = `/api/v1/transport/${bus.id}/layout`;
      expect((await call(otherStaff, 'PUT', url, coachLayout(3))).statusCode).toBe(404);
      expect((await call(otherStaff, 'GET', url)).statusCode).toBe(404);
      expect((await call(customerService, 'PUT', url, coachLayout(3))).statusCode).toBe(403);
      expect((await call(customerCookie, 'PUT', url, coachLayout(3))).statusCode).toBe(403);
      expect((await call(customerCookie, 'GET', url)).statusCode).toBe(403);
      const departure = `/api/v1/transport-departures/${bus.departures[0]?.id}/seats`;
      expect((await call(otherStaff, 'GET', departure)).statusCode).toBe(404);
      expect((await call(customerCookie, 'GET', departure)).statusCode).toBe(403);
    });
  });

  describe('seating bookings', () => {
    it('seats a family together when the booking is taken, children beside an adult', async () => {
      const { bus, departureIds } = await makeSeatedCoach(
        agency,
        coachLayout(11, { backRow: true }),
      );
      const departureId = departureIds[0] as string;
      // 11 rows × 4 + a back row of 5 = 49 seats. Two bookings of one, then a family of 2
      // adults and 2 children (6).
      for (const name of ['Petr', 'Pavel']) {
        const one = await bookCoach(app, staff, {
          transportId: bus.id,
          departureId,
          customerId,
          travellers: [adult(name, 'Novák')],
        });
        expect(one.statusCode, one.body).toBe(201);
      }
      const family = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Jan'), adult('Eva'), child('Adam'), child('Bára')],
        childAges: [6, 6],
      });
      expect(family.statusCode, family.body).toBe(201);
      const map = await seatMap(departureId);
      const seats = seatsOf(map, family.json().id);
      expect(seats).toHaveLength(4);
      // One row, four neighbouring columns? A coach row has an aisle: 2 + 2 across it, or 4 in
      // the back row of 5. Either way one row.
      expect(new Set(seats.map((s) => s.row)).size).toBe(1);
      for (const kid of seats.filter((s) => s.booking?.child)) {
        const besideAdult = seats.some(
          (s) => !s.booking?.child && s.row === kid.row && Math.abs(s.column - kid.column) === 1,
        );
        expect(besideAdult, `${kid.label} beside an adult`).toBe(true);
      }
      // The map and the inventory agree: 1 + 1 + 4 seats sold.
      const std = map.classes[0] as Record<string, number>;
      expect(std.sold).toBe(6);
      expect(std.inventorySold).toBe(6);
      expect(std.free).toBe(49 - 6);
    });

    it('meets a wish for a window, and answers 400 for a wish of a traveller the booking lacks', async () => {
      const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(4));
      const departureId = departureIds[0] as string;
      const booked = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Ota')],
        seatPreferences: [{ travellerIndex: 0, prefer: ['window'] }],
      });
      expect(booked.statusCode, booked.body).toBe(201);
      const [seat] = seatsOf(await seatMap(departureId), booked.json().id);
      expect(seat?.properties).toContain('window');
      const wrong = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Ota')],
        seatPreferences: [{ travellerIndex: 3, prefer: ['window'] }],
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].path).toBe('/seatPreferences/0/travellerIndex');
    });

    it('moves travellers by hand: audited, a swap within the booking, warnings, 400 and 409', async () => {
      const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(6));
      const departureId = departureIds[0] as string;
      const pair = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Jan'), adult('Eva')],
      });
      const single = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Karel', 'Čapek')],
      });
      const id = pair.json().id;
      const before = seatsOf(await seatMap(departureId), id);
      const singleSeat = seatsOf(await seatMap(departureId), single.json().id)[0] as MapSeat;
      const url = `/api/v1/bookings/${id}/seats`;

      // Traveller 0 to traveller 1's seat: they swap.
      const swap = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: before[1]?.seatId }],
      });
      expect(swap.statusCode, swap.body).toBe(200);
      expect(swap.json().warnings).toEqual([]);
      const swapped = seatsOf(await seatMap(departureId), id);
      expect(swapped.map((s) => s.seatId)).toEqual([before[1]?.seatId, before[0]?.seatId]);

      // Traveller 1 to row 6: the party is split, and told so.
      const far = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 1, leg: 'outbound', seatId: '6D' }],
        reason: 'asked to sit at the back',
      });
      expect(far.statusCode, far.body).toBe(200);
      expect(far.json().warnings[0]).toContain('no longer sits together');
      const audit = await database()
        .db.selectFrom('auditLog')
        .select(['action', 'after', 'reason'])
        .where('agencyId', '=', agency.agencyId)
        .where('entityId', '=', id)
        .where('action', '=', 'booking.seats.assigned')
        .execute();
      expect(audit).toHaveLength(2);
      expect(audit.map((a) => a.reason)).toContain('asked to sit at the back');

      const taken = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: singleSeat.seatId }],
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors[0].path).toBe('/assignments/0/seatId');
      const unknown = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: '99Z' }],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors[0].path).toBe('/assignments/0/seatId');
      const blocked = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: 'DRIVER' }],
      });
      expect(blocked.statusCode).toBe(409);
      const noReturn = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 0, leg: 'return', seatId: '3A' }],
      });
      expect(noReturn.statusCode).toBe(400);
      expect(noReturn.json().errors[0].path).toBe('/assignments/0/leg');
      const noTraveller = await call(staff, 'POST', url, {
        assignments: [{ travellerIndex: 2, leg: 'outbound', seatId: '3A' }],
      });
      expect(noTraveller.statusCode).toBe(400);
      expect(noTraveller.json().errors[0].path).toBe('/assignments/0/travellerIndex');
      const neither = await call(staff, 'POST', url, {});
      expect(neither.statusCode).toBe(400);

      // Auto seats the pair together again.
      const auto = await call(staff, 'POST', url, { auto: true });
      expect(auto.statusCode, auto.body).toBe(200);
      const again = seatsOf(await seatMap(departureId), id);
      expect(again[0]?.row).toBe(again[1]?.row);
      expect(Math.abs((again[0]?.column ?? 0) - (again[1]?.column ?? 0))).toBe(1);

      // Another agency's staff: 404.
      expect((await call(otherStaff, 'POST', url, { auto: true })).statusCode).toBe(404);
    });

    it('lets staff swap the travellers of two bookings on the seat map', async () => {
      const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(4));
      const departureId = departureIds[0] as string;
      const a = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Alena')],
      });
      const b = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Boris')],
      });
      const map = await seatMap(departureId);
      const seatA = seatsOf(map, a.json().id)[0]?.seatId;
      const seatB = seatsOf(map, b.json().id)[0]?.seatId;
      const url = `/api/v1/transport-departures/${departureId}/seats/swap`;
      const swap = await call(customerService, 'POST', url, { from: seatA, to: seatB });
      expect(swap.statusCode, swap.body).toBe(200);
      const after = swap.json() as { seats: MapSeat[] };
      expect(seatsOf(after, a.json().id)[0]?.seatId).toBe(seatB);
      expect(seatsOf(after, b.json().id)[0]?.seatId).toBe(seatA);
      // A move to a free seat.
      const move = await call(staff, 'POST', url, { from: seatB, to: '4D' });
      expect(move.statusCode, move.body).toBe(200);
      expect(seatsOf(move.json(), a.json().id)[0]?.seatId).toBe('4D');
      expect(
        (await call(staff, 'POST', url, { from: '1A', to: 'NOPE' })).json().errors[0].path,
      ).toBe('/to');
      expect((await call(customerCookie, 'POST', url, { from: '4D', to: '1A' })).statusCode).toBe(
        403,
      );
      expect((await call(otherStaff, 'POST', url, { from: '4D', to: '1A' })).statusCode).toBe(404);
    });

    it('frees the seats of a cancelled booking and seats a changed one on its new departure', async () => {
      const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(3), {}, [
        '2030-07-01',
        '2030-07-08',
      ]);
      const [first, second] = departureIds as [string, string];
      const cancelled = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId: first,
        customerId,
        travellers: [adult('Jan'), adult('Eva')],
      });
      const changed = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId: first,
        customerId,
        travellers: [adult('Ivo'), adult('Iva')],
      });
      expect(seatsOf(await seatMap(first), cancelled.json().id)).toHaveLength(2);
      const cancel = await call(staff, 'POST', `/api/v1/bookings/${cancelled.json().id}/cancel`, {
        reason: 'plans changed',
      });
      expect(cancel.statusCode, cancel.body).toBe(200);
      expect(seatsOf(await seatMap(first), cancelled.json().id)).toHaveLength(0);
      expect((await seatMap(first)).classes[0]?.sold).toBe(2);
      const cancelledSeats = await call(
        staff,
        'POST',
        `/api/v1/bookings/${cancelled.json().id}/seats`,
        {
          auto: true,
        },
      );
      expect(cancelledSeats.statusCode).toBe(409);

      const id = changed.json().id;
      const preview = await call(staff, 'POST', `/api/v1/bookings/${id}/changes/preview`, {
        departureId: second,
      });
      expect(preview.statusCode, preview.body).toBe(201);
      const apply = await call(staff, 'POST', `/api/v1/bookings/${id}/changes`, {
        quoteId: preview.json().quote.id,
      });
      expect(apply.statusCode, apply.body).toBe(200);
      expect(seatsOf(await seatMap(first), id)).toHaveLength(0);
      const moved = seatsOf(await seatMap(second), id);
      expect(moved).toHaveLength(2);
      expect(moved[0]?.row).toBe(moved[1]?.row);
      const view = await call(staff, 'GET', `/api/v1/bookings/${id}/seats`);
      expect(view.json().legs).toMatchObject([
        { leg: 'outbound', departureId: second, travellers: 2 },
      ]);
      expect(view.json().legs[0].seats).toHaveLength(2);
    });

    it('refuses a layout that takes away a sold seat until the traveller is moved', async () => {
      const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(3));
      const departureId = departureIds[0] as string;
      const booked = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Jan')],
      });
      const seat = seatsOf(await seatMap(departureId), booked.json().id)[0] as MapSeat;
      // The same 12 seats for sale, but the sold seat renamed away (its id gone).
      const layout = coachLayout(3);
      const renamed = layout.decks[0]?.seats.find((s) => s.id === seat.seatId) as { id: string };
      renamed.id = `${seat.seatId}-NEW`;
      const url = `/api/v1/transport/${bus.id}/layout`;
      const refused = await call(staff, 'PUT', url, layout);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain(seat.label);
      const other = coachLayout(3).decks[0]?.seats.find(
        (s) => !s.blocked && s.id !== seat.seatId,
      )?.id;
      const moved = await call(staff, 'POST', `/api/v1/bookings/${booked.json().id}/seats`, {
        assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: other }],
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await call(staff, 'PUT', url, layout)).statusCode).toBe(200);
    });

    it('holds a seat out of sale with a note, one seat less for sale, and gives it back', async () => {
      const layout = coachLayout(3);
      const { bus, departureIds } = await makeSeatedCoach(agency, layout);
      const departureId = departureIds[0] as string;
      const url = `/api/v1/transport-departures/${departureId}/seats/1A`;
      const hold = await call(customerService, 'PATCH', url, { held: 'Tour leader' });
      expect(hold.statusCode, hold.body).toBe(200);
      const held = hold.json() as {
        seats: (MapSeat & { held: string })[];
        classes: Record<string, number>[];
      };
      expect(held.seats.find((s) => s.seatId === '1A')).toMatchObject({
        state: 'held',
        held: 'Tour leader',
      });
      // 12 seats for sale on the map, one held: the inventory sells 11.
      expect(held.classes[0]).toMatchObject({ held: 1, capacity: 11, free: 11 });
      // The same layout saved again still matches: 11 for sale + 1 held = 12.
      expect(
        (await call(staff, 'PUT', `/api/v1/transport/${bus.id}/layout`, layout)).statusCode,
      ).toBe(200);
      const booked = await bookCoach(app, staff, {
        transportId: bus.id,
        departureId,
        customerId,
        travellers: [adult('Jan'), adult('Eva')],
      });
      expect(booked.statusCode, booked.body).toBe(201);
      expect(
        seatsOf(await seatMap(departureId), booked.json().id).map((s) => s.seatId),
      ).not.toContain('1A');
      const onHeld = await call(staff, 'POST', `/api/v1/bookings/${booked.json().id}/seats`, {
        assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: '1A' }],
      });
      expect(onHeld.statusCode).toBe(409);
      const sold = seatsOf(await seatMap(departureId), booked.json().id)[0]?.seatId;
      const holdSold = await call(
        staff,
        'PATCH',
        `/api/v1/transport-departures/${departureId}/seats/${sold}`,
        {
          held: 'VIP',
        },
      );
      expect(holdSold.statusCode).toBe(409);
      expect((await call(customerCookie, 'PATCH', url, { held: null })).statusCode).toBe(403);
      expect((await call(otherStaff, 'PATCH', url, { held: null })).statusCode).toBe(404);
      const release = await call(staff, 'PATCH', url, { held: null });
      expect(release.statusCode, release.body).toBe(200);
      expect(release.json().classes[0]).toMatchObject({ held: 0, capacity: 12, sold: 2, free: 10 });
    });

    it('lets a customer choose seats on their own booking only where the transport allows it', async () => {
      const closed = await makeSeatedCoach(agency, coachLayout(3));
      const open = await makeSeatedCoach(agency, coachLayout(3, { customerChoice: true }));
      const customer = {
        kind: 'person',
        firstName: 'Zuzana',
        lastName: 'Malá',
        email: customerEmail,
      };
      const book = (coach: typeof open) =>
        bookCoach(app, customerCookie, {
          transportId: coach.bus.id,
          departureId: coach.departureIds[0] as string,
          customer,
          travellers: [adult('Zuzana', 'Malá')],
          channel: 'web',
        });
      const mine = await book(open);
      expect(mine.statusCode, mine.body).toBe(201);
      const view = await call(customerCookie, 'GET', `/api/v1/bookings/${mine.json().id}/seats`);
      expect(view.statusCode, view.body).toBe(200);
      const leg = view.json().legs[0];
      expect(leg.customerChoice).toBe(true);
      // The map shows no other booking's names.
      expect(JSON.stringify(leg.map)).not.toContain('booking');
      const choose = await call(
        customerCookie,
        'POST',
        `/api/v1/bookings/${mine.json().id}/seats`,
        {
          assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: '3D' }],
        },
      );
      expect(choose.statusCode, choose.body).toBe(200);
      expect(choose.json().legs[0].seats[0].seatId).toBe('3D');

      const notOpen = await book(closed);
      expect(notOpen.statusCode, notOpen.body).toBe(201);
      const refused = await call(
        customerCookie,
        'POST',
        `/api/v1/bookings/${notOpen.json().id}/seats`,
        {
          assignments: [{ travellerIndex: 0, leg: 'outbound', seatId: '3D' }],
        },
      );
      expect(refused.statusCode).toBe(403);

      const staffBooking = await bookCoach(app, staff, {
        transportId: open.bus.id,
        departureId: open.departureIds[0] as string,
        customerId,
        travellers: [adult('Jan')],
      });
      const notMine = await call(
        customerCookie,
        'POST',
        `/api/v1/bookings/${staffBooking.json().id}/seats`,
        {
          auto: true,
        },
      );
      expect(notMine.statusCode).toBe(404);
    });
  });
});
