// T1, T3 on hand-made departures, on both databases: a coach sold seat-only from two stops
// (the run sheet and the driver's list), and a fixed-departure week at a hotel (the tour
// leader's list, the rooming list, its versions sent to the hotel over real SMTP on loopback
// and the change list after a cancellation, a correction and a new booking). Another
// agency's departure is a 404; ?lang=cs prints Czech headings.
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeSupplier,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
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
  child,
  coachLayout,
  makeSeatedCoach,
} from '../../../../tests/helpers/seat-factories.ts';
import { type LoopbackSmtp, startLoopbackSmtp } from '../../../../tests/helpers/smtp-server.ts';
import { outboxHandlers } from '../../outbox-handlers.ts';
import { setCapacity } from '../inventory/service.ts';
import { createMailer, type Mailer } from '../messaging/mailer.ts';
import { logSmsProvider } from '../messaging/sms.ts';
import { OutboxWorker } from '../messaging/worker.ts';
import { createPriceList } from '../pricing/price-lists-service.ts';

const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

describeEachDatabase('operational lists', (database) => {
  let app: FastifyInstance;
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  let worker: OutboxWorker;
  let agency: TestAgency;
  let cookie: string;

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: { cookie }, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };
  const json = async (url: string) => (await call('GET', url)).json();

  beforeAll(async () => {
    app = await makeTestApp(database());
    smtp = await startLoopbackSmtp();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Agency <ops@agency.example>',
      outboxDir: '/nonexistent',
    });
    worker = new OutboxWorker(database().db, {
      handlers: outboxHandlers({
        db: database().db,
        mailer,
        sms: logSmsProvider({ outboxDir: '/tmp', log: () => {} }),
        publicUrl: 'https://agency.example',
      }),
    });
    agency = await makeAgency(database());
    cookie = (await signIn(app, agency.adminEmail)).cookie;
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await app.close();
  });

  async function bookSeats(
    transportId: string,
    departureId: string,
    boardingPoint: string,
    travellers: object[],
    childAges: number[] = [],
  ) {
    const customer = await makePerson(agency);
    const quote = await call('POST', '/api/v1/quotes', {
      productId: transportId,
      departureId,
      party: { adults: travellers.length - childAges.length, childAges },
      classCode: 'STD',
      boardingPoint,
      channel: 'phone',
    });
    return (
      await call('POST', '/api/v1/bookings', {
        quoteId: quote.json().id,
        customerId: customer.id,
        travellers,
      })
    ).json();
  }

  it('runs the coach stop by stop: who gets on where, the load on each leg, the driver’s list', async () => {
    // Brno → Praha → Split; two travellers board in Brno, three (one a child) in Praha.
    const { bus, departureIds } = await makeSeatedCoach(agency, coachLayout(6));
    const departureId = departureIds[0] as string;
    const brno = await bookSeats(bus.id, departureId, 'Brno, Grand Hotel', [
      adult('Jan'),
      adult('Eva'),
    ]);
    const praha = await bookSeats(
      bus.id,
      departureId,
      'Praha, Florenc',
      [adult('Petr', 'Malý'), adult('Olga', 'Malá'), child('Ivo', 'Malý')],
      [6],
    );
    const sheet = await json(`/api/v1/transport-departures/${departureId}/run-sheet`);
    expect(sheet.stops.map((s: { boarding: { count: number } }) => s.boarding.count)).toEqual([
      2, 3, 0,
    ]);
    expect(sheet.stops.map((s: { alighting: { count: number } }) => s.alighting.count)).toEqual([
      0, 0, 5,
    ]);
    // Brno → Praha carries 2, Praha → Split 2 + 3 = 5.
    expect(sheet.legs.map((l: { load: number }) => l.load)).toEqual([2, 5]);

    const seats = (await json(`/api/v1/transport-departures/${departureId}/seats`)).seats.filter(
      (s: { booking: unknown }) => s.booking,
    );
    const seatOf = (name: string) =>
      seats.find((s: { booking: { name: string } }) => s.booking.name === name)?.label;

    const csv: string[][] = parse(
      (await call('GET', `/api/v1/transport-departures/${departureId}/manifest.csv`)).body,
      { bom: true },
    );
    const rows = csv.slice(1, -1);
    expect(rows.map((r) => r[5]).sort()).toEqual([
      'Eva Dvořák',
      'Ivo Malý',
      'Jan Dvořák',
      'Olga Malá',
      'Petr Malý',
    ]);
    for (const row of rows) {
      expect(row[4]).toBe(seatOf(row[5] as string));
      expect(row[1]).toBe(row[5]?.includes('Dvořák') ? 'Brno, Grand Hotel' : 'Praha, Florenc');
    }
    // 50,00 EUR a seat, children half: the Brno booking owes 100,00, the Praha one 125,00, on
    // each booking's first passenger only.
    expect(
      rows
        .filter((r) => r[8] !== '')
        .map((r) => r[8])
        .sort(),
    ).toEqual(['100.00', '125.00']);
    expect(csv.at(-1)?.[8]).toBe('225.00');
    expect([brno.number, praha.number].sort()).toEqual([...new Set(rows.map((r) => r[7]))].sort());

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await call('GET', `/api/v1/transport-departures/${departureId}/manifest.xlsx`))
        .rawPayload as unknown as ArrayBuffer,
    );
    const names = book.worksheets[0]?.getColumn(6).values.slice(2, -1);
    expect(names).toHaveLength(5);

    const pdf = pdfText(
      (await call('GET', `/api/v1/transport-departures/${departureId}/manifest.pdf`)).rawPayload,
    );
    for (const name of ['Jan Dvořák', 'Eva Dvořák', 'Petr Malý', 'Olga Malá', 'Ivo Malý']) {
      expect(pdf.split(name).length - 1, name).toBe(2); // its row, and the "getting off" line
    }
    const czech = pdfText(
      (await call('GET', `/api/v1/transport-departures/${departureId}/manifest.pdf?lang=cs`))
        .rawPayload,
    );
    // The e-ticket carries each traveller's seat and the stop, date and time they board at.
    const ticket = pdfText(
      (await call('GET', `/api/v1/bookings/${praha.id}/documents/eticket.pdf?locale=en`))
        .rawPayload,
    );
    expect(ticket).toContain(`Petr Malý (seat ${seatOf('Petr Malý')})`);
    expect(ticket).toMatch(/Boarding\s+Praha, Florenc · July 1, 2030 16:30/);
    expect(czech).toContain('Seznam pro řidiče');
    expect(czech).toContain('Nastupují: 2');
  });

  /** A fixed-departure week at a hotel with doubles and singles, 100,00 EUR a person and night. */
  async function makeHotelWeek() {
    const supplier = await makeSupplier(agency, { email: 'rooms@hotel-sole.example' });
    const hotel = await makeAccommodation(agency, { supplierId: supplier.id, country: 'GR' });
    const tour = await makeTour(agency, {
      accommodationId: hotel.id,
      departures: [{ startDate: '2030-07-06', nights: 7 }],
    });
    const dbl = hotel.roomTypes[0]?.id as string;
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: dbl }, 'DBL', {
      from: '2030-07-01',
      to: '2030-07-31',
      kind: 'allotment',
      units: 10,
    });
    await createPriceList(agency.ctx, {
      name: 'July',
      productKind: 'tour',
      productId: tour.id,
      currency: 'EUR',
      periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
      childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
      rows: [{ period: 'july', charge: 'person', basis: 'night', amount: 100_00 }],
    } as Parameters<typeof createPriceList>[1]);
    const departureId = tour.departures[0]?.id as string;
    const book = async (travellers: object[]) => {
      const customer = await makePerson(agency);
      const quote = await call('POST', '/api/v1/quotes', {
        productId: tour.id,
        departureId,
        party: { adults: travellers.length, childAges: [] },
        rooms: [{ roomTypeId: dbl, adults: travellers.length, childAges: [] }],
        channel: 'phone',
      });
      return (
        await call('POST', '/api/v1/bookings', {
          quoteId: quote.json().id,
          customerId: customer.id,
          travellers,
        })
      ).json();
    };
    return { departureId, book };
  }

  it('lists the week for the tour leader and the hotel, each traveller once in their room', async () => {
    const { departureId, book } = await makeHotelWeek();
    await book([
      {
        ...adult('Jan', 'Horák'),
        diet: 'Vegetarian',
        emergencyContact: 'Eva Horáková +420 602 000 111',
      },
      { ...adult('Marta', 'Horáková'), medicalNotes: 'Asthma, carries an inhaler' },
    ]);
    await book([adult('Ola', 'Nowak'), adult('Kasia', 'Lis')]);

    const guide = await json(`/api/v1/tour-departures/${departureId}/guide-list`);
    expect(guide.rows.map((r: { name: string }) => r.name).sort()).toEqual([
      'Horák, Jan',
      'Horáková, Marta',
      'Lis, Kasia',
      'Nowak, Ola',
    ]);
    const jan = guide.rows.find((r: { name: string }) => r.name === 'Horák, Jan');
    expect(jan).toMatchObject({
      diet: 'Vegetarian',
      emergencyContact: 'Eva Horáková +420 602 000 111',
    });
    // Greece from nowhere else: no border crossed on the agency's transport, no documents.
    expect(guide.columns.map((c: { key: string }) => c.key)).not.toContain('document');

    const rooming = await json(`/api/v1/tour-departures/${departureId}/rooming-list`);
    expect(rooming.rooms).toHaveLength(2);
    const roomOf = (guest: string) =>
      rooming.rooms.find((r: { guests: string[] }) => r.guests.includes(guest));
    expect(roomOf('Horák, Jan')?.bedding).toBe('double'); // one family name: a couple
    expect(roomOf('Nowak, Ola')?.bedding).toBe('twin'); // two names: two beds
    expect(roomOf('Horák, Jan')?.requests).toBe('Jan: Vegetarian');
    for (const row of guide.rows) expect(roomOf(row.name)?.ref).toBe(row.room);

    const guideCsv: string[][] = parse(
      (await call('GET', `/api/v1/tour-departures/${departureId}/guide-list.csv`)).body,
      { bom: true },
    );
    expect(guideCsv.slice(1, -1)).toHaveLength(4);
    const guidePdf = pdfText(
      (await call('GET', `/api/v1/tour-departures/${departureId}/guide-list.pdf?lang=cs`))
        .rawPayload,
    );
    expect(guidePdf).toContain('Seznam pro delegáta');
    expect(guidePdf).toContain('Kontakt v nouzi');
    expect(guidePdf).toContain('Asthma'); // the column wraps the rest
    const roomingPdf = pdfText(
      (await call('GET', `/api/v1/tour-departures/${departureId}/rooming-list.pdf`)).rawPayload,
    );
    for (const guest of ['Horák, Jan', 'Horáková, Marta', 'Nowak, Ola', 'Lis, Kasia']) {
      expect(roomingPdf.split(guest).length - 1, guest).toBe(1);
    }
  });

  it('sends the rooming list to the hotel, then only what changed since: cancelled, changed, added', async () => {
    const { departureId, book } = await makeHotelWeek();
    const horak = await book([adult('Jan', 'Horák'), adult('Marta', 'Horáková')]);
    const nowak = await book([adult('Ola', 'Nowak'), adult('Kasia', 'Lis')]);
    const kral = await book([adult('Petr', 'Král'), adult('Iva', 'Králová')]);

    const first = (
      await call('POST', `/api/v1/tour-departures/${departureId}/rooming-list/send`, {})
    ).json();
    expect(first).toMatchObject({
      version: 1,
      sentTo: 'rooms@hotel-sole.example',
      rooms: 3,
      since: null,
    });
    const run = await worker.drain();
    expect(run.failed + run.dead).toBe(0);
    // The worker also sends the bookings' own e-mails, in no fixed order: read the hotel's.
    const toHotel = () =>
      smtp.received.filter((m) => m.to.includes('rooms@hotel-sole.example')).at(-1)?.raw ?? '';
    const mail = await simpleParser(toHotel());
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('rooms@hotel-sole.example');
    const attached = mail.attachments.find((a) => a.contentType === 'application/pdf');
    const sentText = pdfText(attached?.content as Buffer);
    expect(sentText).toContain('Version 1');
    for (const guest of ['Horák, Jan', 'Nowak, Ola', 'Král, Petr'])
      expect(sentText).toContain(guest);

    // After version 1: the Nowak room is cancelled, Iva Králová's name is corrected, a new
    // couple books.
    await call('POST', `/api/v1/bookings/${nowak.id}/cancel`, { reason: 'Illness' });
    await call('PUT', `/api/v1/bookings/${kral.id}/travellers`, {
      travellers: [adult('Petr', 'Král'), adult('Ivana', 'Králová')],
    });
    await book([adult('Tomáš', 'Beneš'), adult('Lea', 'Benešová')]);

    const since = (await json(`/api/v1/tour-departures/${departureId}/rooming-list?since=1`)).since;
    expect(since.added.map((r: { guests: string[] }) => r.guests)).toEqual([
      ['Beneš, Tomáš', 'Benešová, Lea'],
    ]);
    expect(since.cancelled.map((r: { guests: string[] }) => r.guests)).toEqual([
      ['Nowak, Ola', 'Lis, Kasia'],
    ]);
    expect(since.changed).toHaveLength(1);
    expect(since.changed[0]).toMatchObject({
      fields: ['guests'],
      room: { guests: ['Král, Petr', 'Králová, Ivana'] },
      before: { guests: ['Král, Petr', 'Králová, Iva'] },
    });
    // The unchanged Horák room is in none of the three.
    expect(JSON.stringify(since)).not.toContain('Horák');
    expect(horak.number).toBeTruthy();

    const changeCsv: string[][] = parse(
      (await call('GET', `/api/v1/tour-departures/${departureId}/rooming-list.csv?since=1`)).body,
      { bom: true },
    );
    expect(changeCsv.slice(1, -1).map((r) => [r[0], r[7]])).toEqual([
      ['Added', 'Beneš, Tomáš / Benešová, Lea'],
      ['Changed', 'Král, Petr / Králová, Ivana'],
      ['Cancelled', 'Nowak, Ola / Lis, Kasia'],
    ]);

    const second = (
      await call('POST', `/api/v1/tour-departures/${departureId}/rooming-list/send?lang=cs`, {})
    ).json();
    expect(second).toMatchObject({
      version: 2,
      since: { version: 1, added: 1, changed: 1, cancelled: 1 },
    });
    await worker.drain();
    const again = await simpleParser(toHotel());
    const changes = pdfText(again.attachments[0]?.content as Buffer);
    expect(changes).toContain('Změny od verze 1');
    expect(changes).toContain('Zrušeno: 1');

    const none = await app.inject({
      method: 'GET',
      url: `/api/v1/tour-departures/${departureId}/rooming-list?since=7`,
      headers: { cookie },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('/since');
  });

  it('answers 404 for another agency’s departures', async () => {
    const other = await makeAgency(database());
    const { departureIds } = await makeSeatedCoach(other, coachLayout(2));
    const tour = await makeTour(other);
    for (const url of [
      `/api/v1/transport-departures/${departureIds[0]}/manifest.pdf`,
      `/api/v1/transport-departures/${departureIds[0]}/run-sheet`,
      `/api/v1/tour-departures/${tour.departures[0]?.id}/guide-list.csv`,
      `/api/v1/tour-departures/${tour.departures[0]?.id}/rooming-list`,
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, url).toBe(404);
    }
    const sent = await app.inject({
      method: 'POST',
      url: `/api/v1/tour-departures/${tour.departures[0]?.id}/rooming-list/send`,
      headers: { cookie },
      payload: {},
    });
    expect(sent.statusCode).toBe(404);
  });
});
