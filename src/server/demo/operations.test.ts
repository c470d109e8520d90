// Issue 19's acceptance on the demo: the coach tour and the charter flight have seated
// passengers, and their driver's, tour leader's and rooming lists read back (PDF through
// pdftotext, CSV parsed, XLSX through exceljs) with every traveller once, in the right seat
// and room, the coach's travellers boarding where they booked.
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};

const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

// On the embedded database only: seeding the demo is slow; operations.test.ts runs the same
// SQL on both databases.
describeOnDatabase('pglite', 'demo operational lists', (database) => {
  let app: FastifyInstance;
  let cookie: string;
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  /** The tour departure a traveller of that family name is booked on, with its legs. */
  async function departureOf(lastName: string) {
    const db = database().db;
    const booking = await db
      .selectFrom('bookingTravellers as t')
      .innerJoin('bookings as b', 'b.id', 't.bookingId')
      .select(['b.productId', 'b.startDate', 'b.endDate', 'b.agencyId'])
      .where('t.lastName', '=', lastName)
      .executeTakeFirstOrThrow();
    const departures = await db
      .selectFrom('tourDepartures')
      .selectAll()
      .where('tourId', '=', booking.productId)
      .where('startDate', '=', booking.startDate)
      .execute();
    const departure = departures.find(
      (d) => Number(new Date(booking.endDate)) - Number(new Date(d.startDate)) === d.nights * 864e5,
    );
    if (!departure?.transportDepartureId) throw new Error(`no departure for ${lastName}`);
    const travellers = await db
      .selectFrom('bookingTravellers as t')
      .innerJoin('bookings as b', 'b.id', 't.bookingId')
      .select(['t.firstName', 't.lastName', 't.bookingId', 't.position'])
      .where('b.productId', '=', booking.productId)
      .where('b.startDate', '=', booking.startDate)
      .where('b.endDate', '=', booking.endDate)
      .where('b.status', '!=', 'cancelled')
      .execute();
    const seats = await db
      .selectFrom('departureSeats')
      .select(['bookingId', 'traveller', 'label'])
      .where('departureId', '=', departure.transportDepartureId)
      .where('bookingId', 'is not', null)
      .execute();
    const seatOf = (t: { bookingId: string; position: number }) =>
      seats.find((s) => s.bookingId === t.bookingId && s.traveller === t.position)?.label;
    return { departure, travellers, seatOf };
  }

  beforeAll(async () => {
    await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    cookie = (await signIn(app, admin.email, admin.password)).cookie;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives the coach driver every passenger once, seated, boarding where they booked', async () => {
    const { departure, travellers, seatOf } = await departureOf('Kováč');
    // Černý (Praha), Svobodová and Procházková (Brno), the Kováč family (Bratislava).
    expect(travellers.length).toBeGreaterThanOrEqual(7);
    const id = departure.transportDepartureId as string;

    const sheet = (await get(`/api/v1/transport-departures/${id}/run-sheet`)).json();
    const boardedAt = (name: string) =>
      sheet.stops.find((s: { boarding: { passengers: { name: string }[] } }) =>
        s.boarding.passengers.some((p) => p.name === name),
      )?.name;
    expect(boardedAt('Petr Černý')).toBe('Praha, ÚAN Florenc');
    expect(boardedAt('Marie Svobodová')).toBe('Brno, Hotel Grand (Benešova)');
    expect(boardedAt('Ema Kováč')).toBe('Bratislava, AS Nivy');
    // Everyone gets off at Makarska; the load grows stop by stop to everyone.
    expect(sheet.stops.at(-1).alighting.count).toBe(travellers.length);
    expect(sheet.legs.at(-1).load).toBe(travellers.length);

    const csv: string[][] = parse(
      (await get(`/api/v1/transport-departures/${id}/manifest.csv`)).body,
      {
        bom: true,
      },
    );
    const rows = csv.slice(1, -1);
    expect(rows).toHaveLength(travellers.length);
    for (const t of travellers) {
      const row = rows.filter((r) => r[5] === `${t.firstName} ${t.lastName}`);
      expect(row, `${t.firstName} ${t.lastName}`).toHaveLength(1);
      expect(row[0]?.[4]).toBe(seatOf(t));
    }

    const pdf = pdfText((await get(`/api/v1/transport-departures/${id}/manifest.pdf`)).rawPayload);
    expect(pdf).toContain('Driver list');
    for (const t of travellers) expect(pdf).toContain(`${t.firstName} ${t.lastName}`);
  });

  it('gives the tour leader and the hotel the coach tour and the charter, rooms and seats agreeing', async () => {
    for (const family of ['Kováč', 'Kowalski']) {
      const { departure, travellers, seatOf } = await departureOf(family);
      const guide = (await get(`/api/v1/tour-departures/${departure.id}/guide-list`)).json();
      expect(guide.rows).toHaveLength(travellers.length);
      for (const t of travellers) {
        const row = guide.rows.find(
          (r: { name: string }) => r.name === `${t.lastName}, ${t.firstName}`,
        );
        expect(row?.seatOut, `${t.firstName} ${t.lastName}`).toBe(seatOf(t));
        expect(row?.room).toMatch(/^R\d+$/);
      }
      const rooming = (await get(`/api/v1/tour-departures/${departure.id}/rooming-list`)).json();
      const listed = rooming.rooms.flatMap((r: { guests: string[]; ref: string }) =>
        r.guests.map((g) => [g, r.ref]),
      );
      expect(listed).toHaveLength(travellers.length);
      for (const [name, ref] of listed) {
        expect(guide.rows.find((r: { name: string }) => r.name === name)?.room).toBe(ref);
      }
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await get(`/api/v1/tour-departures/${departure.id}/rooming-list.xlsx`))
          .rawPayload as unknown as ArrayBuffer,
      );
      expect(book.worksheets[0]?.rowCount).toBe(rooming.rooms.length + 2);
      const pdf = pdfText(
        (await get(`/api/v1/tour-departures/${departure.id}/guide-list.pdf`)).rawPayload,
      );
      expect(pdf).toContain('Tour leader list');
      for (const t of travellers) expect(pdf).toContain(`${t.lastName}, ${t.firstName}`);
      const czech = pdfText(
        (await get(`/api/v1/tour-departures/${departure.id}/rooming-list.pdf?lang=cs`)).rawPayload,
      );
      expect(czech).toContain('Příjezd');
    }
  });
});
