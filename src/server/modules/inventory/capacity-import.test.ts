// Capacity from a spreadsheet: the CSV reader (pure), and the import on PGlite and
// PostgreSQL — all rows or none, with the lines of the file in every error.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAccommodation } from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency, type TestAgency } from '../../../../tests/helpers/factories.ts';
import { addDays, todayUtc } from '../../calendar.ts';
import { Conflict, Invalid } from '../../errors.ts';
import type { AccommodationView } from '../catalog/accommodations-service.ts';
import {
  type CapacityRow,
  importCapacity,
  importErrorLines,
  parseCapacityCsv,
  planCapacityImport,
} from './capacity-import.ts';
import { availability, take } from './service.ts';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const header = 'accommodation,room_type,from,to,kind,units';

function parsed(text: string): CapacityRow[] {
  const { rows, errors } = parseCapacityCsv(text);
  expect(errors).toEqual([]);
  return rows;
}

describe('parseCapacityCsv', () => {
  it('reads comma-separated rows with every column', () => {
    const rows = parsed(
      csv(
        'accommodation,room_type,from,to,kind,units,release_days,stop_sale,min_stay,closed_to_arrival',
        'Hotel Adriatic Makarska,DBL,2030-06-01,2030-06-30,allotment,20,14,no,7,yes',
        'Hotel Adriatic Makarska,FAM,2030-07-01,2030-07-31,on_request,3,,true,,0',
      ),
    );
    expect(rows).toEqual([
      {
        line: 2,
        target: { accommodation: 'Hotel Adriatic Makarska', code: 'DBL' },
        settings: {
          from: '2030-06-01',
          to: '2030-06-30',
          kind: 'allotment',
          units: 20,
          releaseDays: 14,
          stopSale: false,
          minStay: 7,
          closedToArrival: true,
        },
      },
      {
        line: 3,
        target: { accommodation: 'Hotel Adriatic Makarska', code: 'FAM' },
        settings: {
          from: '2030-07-01',
          to: '2030-07-31',
          kind: 'on_request',
          units: 3,
          releaseDays: null,
          stopSale: true,
          minStay: null,
          closedToArrival: false,
        },
      },
    ]);
  });

  it('reads semicolons (a European spreadsheet), a BOM, CRLF and headers in any case', () => {
    const text =
      '\uFEFFAccommodation;Room Type;FROM;To;Units;Stop_Sale\r\n' +
      '"Hotel Adriatic; Makarska";SGL;2030-06-01;2030-06-01;4;YES\r\n' +
      '\r\n' +
      ' Villa Marina Split ; APP2 ;2030-06-01;2030-06-10; 2 ;\r\n';
    const rows = parsed(text);
    expect(rows.map((r) => [r.line, r.target, r.settings.units, r.settings.stopSale])).toEqual([
      [2, { accommodation: 'Hotel Adriatic; Makarska', code: 'SGL' }, 4, true],
      [4, { accommodation: 'Villa Marina Split', code: 'APP2' }, 2, false],
    ]);
    // Optional columns left out entirely: their defaults.
    expect(rows[1]?.settings).toMatchObject({
      kind: 'allotment',
      releaseDays: null,
      minStay: null,
      closedToArrival: false,
    });
  });

  it('takes room_type_id instead of accommodation and room_type', () => {
    const id = '0195c9f1-8a2b-7c3d-9e4f-a1b2c3d4e5f6';
    const rows = parsed(csv('room_type_id,from,to,units', `${id},2030-06-01,2030-06-02,1`));
    expect(rows[0]?.target).toEqual({ roomTypeId: id });
  });

  it('reads every boolean spelling and skips blank lines and rows of empty fields', () => {
    const lines = ['yes', 'no', 'true', 'false', '1', '0', 'Yes', 'FALSE', ''].map(
      (value, index) => `Hotel,DBL,2030-06-0${index + 1},2030-06-0${index + 1},1,${value},${value}`,
    );
    const rows = parsed(
      csv(
        'accommodation,room_type,from,to,units,stop_sale,closed_to_arrival',
        ...lines.slice(0, 4),
        '',
        ',,,,,,',
        ...lines.slice(4),
      ),
    );
    expect(rows.map((r) => r.settings.stopSale)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 8, 9, 10, 11, 12]);
    expect(rows.every((r) => r.settings.stopSale === r.settings.closedToArrival)).toBe(true);
  });

  it('reports every bad value with its line and column', () => {
    const { rows, errors } = parseCapacityCsv(
      csv(
        'accommodation,room_type,room_type_id,from,to,kind,units,release_days,stop_sale,min_stay,closed_to_arrival',
        'Hotel,DBL,,2030-06-01,2030-06-30,allotment,20,,,,', // fine
        'Hotel,DBL,,2030-02-30,2030-06-30,,1,,,,',
        'Hotel,DBL,,2030-06-10,2030-06-01,,1,,,,',
        'Hotel,DBL,,01.06.2030,,,1,,,,',
        'Hotel,DBL,,2030-06-01,2030-06-02,sold_out,-1,,,,',
        'Hotel,DBL,,2030-06-01,2030-06-02,,2.5,366,maybe,0,2',
        'Hotel,DBL,,2030-06-01,2030-06-02,,,,,,',
        ',DBL,,2030-06-01,2030-06-02,,1,,,,',
        'Hotel,,,2030-06-01,2030-06-02,,1,,,,',
        ',,not-a-uuid,2030-06-01,2030-06-02,,1,,,,',
        'Hotel,DBL,0195c9f1-8a2b-7c3d-9e4f-a1b2c3d4e5f6,2030-06-01,2030-06-02,,1,,,,',
        'Hotel,DBL,,2030-01-01,2032-01-02,,1,,,,',
        'Hotel,DBL,,2030-06-01',
        ',,,2030-06-01,2030-06-02,,100001,,,366,',
      ),
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [3, 'from'],
      [4, 'to'],
      [5, 'from'],
      [5, 'to'],
      [6, 'kind'],
      [6, 'units'],
      [7, 'units'],
      [7, 'release_days'],
      [7, 'min_stay'],
      [7, 'stop_sale'],
      [7, 'closed_to_arrival'],
      [8, 'units'],
      [9, 'accommodation'],
      [10, 'room_type'],
      [11, 'room_type_id'],
      [12, 'room_type_id'],
      [13, 'to'],
      [14, null],
      [15, 'room_type'],
      [15, 'units'],
      [15, 'min_stay'],
    ]);
    const message = (line: number, column?: string) =>
      errors.find((e) => e.line === line && e.column === column)?.message;
    expect(message(3, 'from')).toBe('must be a date as YYYY-MM-DD, got "2030-02-30"');
    expect(message(4, 'to')).toBe('must be on or after from (2030-06-10)');
    expect(message(5, 'to')).toBe('is required (YYYY-MM-DD)');
    expect(message(6, 'kind')).toBe('must be allotment or on_request, got "sold_out"');
    expect(message(6, 'units')).toBe('must be a whole number from 0 to 100000, got "-1"');
    expect(message(7, 'release_days')).toBe('must be a whole number from 0 to 365, got "366"');
    expect(message(7, 'min_stay')).toBe('must be a whole number from 1 to 365, got "0"');
    expect(message(7, 'stop_sale')).toBe('must be yes or no (true/false, 1/0), got "maybe"');
    expect(message(8, 'units')).toBe('is required');
    expect(message(12, 'room_type_id')).toMatch(/not both/);
    expect(message(13, 'to')).toMatch(/less than 731 days/);
    expect(message(14)).toBe('has 4 fields, the header has 11');
  });

  it('names unknown columns, so a typo is not silently ignored', () => {
    const { rows, errors } = parseCapacityCsv(
      csv(
        'accommodation,room_type,from,to,units,relase_days,Notes',
        'Hotel,DBL,2030-06-01,2030-06-02,1,14,',
      ),
    );
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1 });
    expect(errors[0]?.message).toMatch(/^unknown columns "relase_days", "notes"; the columns are/);
  });

  it('names missing and repeated columns, an empty file and a file without rows', () => {
    expect(parseCapacityCsv(csv('accommodation,from,units,units')).errors).toEqual([
      { line: 1, column: 'units', message: 'appears more than once' },
      {
        line: 1,
        message:
          'missing columns to, room_type (or room_type_id instead of accommodation and room_type)',
      },
    ]);
    expect(parseCapacityCsv('').errors).toEqual([{ line: 1, message: 'the file is empty' }]);
    expect(parseCapacityCsv(csv(header)).errors).toEqual([
      { line: 1, message: 'the file has no rows under its header' },
    ]);
  });

  it('reports a broken quote at its line', () => {
    const { errors } = parseCapacityCsv(
      csv(header, 'Hotel,DBL,2030-06-01,2030-06-02,,1', '"Hotel" x,DBL,2030-06-01,2030-06-02,,1'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
  });

  it('gives the first line of a row whose quoted value spans lines', () => {
    const rows = parsed(csv(header, '"Hotel', 'Adriatic",DBL,2030-06-01,2030-06-02,,1'));
    expect(rows[0]?.line).toBe(2);
  });
});

describeEachDatabase('capacity import', (database) => {
  let agency: TestAgency;
  let hotel: AccommodationView;
  let dbl: string;
  let fam: string;
  const day = (offset: number) => addDays(todayUtc(), offset);

  beforeAll(async () => {
    agency = await makeAgency(database());
    hotel = await makeAccommodation(agency);
    dbl = hotel.roomTypes.find((r) => r.code === 'DBL')?.id as string;
    fam = hotel.roomTypes.find((r) => r.code === 'FAM')?.id as string;
  });

  const capacities = async (roomTypeId: string, from: string, to: string) =>
    (await availability(agency.ctx, { kind: 'room_type', ownerId: roomTypeId }, from, to)).map(
      (d) => d.capacity,
    );

  it('writes every row and reports rows and nights', async () => {
    const rows = parsed(
      csv(
        'accommodation,room_type,room_type_id,from,to,kind,units,release_days,min_stay,stop_sale',
        // The name in another case.
        `${hotel.name.toUpperCase()},DBL,,${day(40)},${day(49)},allotment,6,7,3,no`,
        `,,${fam},${day(40)},${day(44)},on_request,2,,,yes`,
        // A later row wins where it overlaps an earlier one.
        `${hotel.name},dbl,,${day(45)},${day(46)},,9,,,`,
      ),
    );
    const progress: [number, number][] = [];
    const result = await importCapacity(agency.ctx, rows, (done, total) =>
      progress.push([done, total]),
    );
    expect(result).toEqual({ rows: 3, nights: 17 });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(await capacities(dbl, day(39), day(50))).toEqual([0, 6, 6, 6, 6, 6, 9, 9, 6, 6, 6, 0]);
    const doubles = await availability(
      agency.ctx,
      { kind: 'room_type', ownerId: dbl },
      day(40),
      day(40),
    );
    expect(doubles[0]).toMatchObject({ kind: 'allotment', releaseDays: 7, minStay: 3 });
    const families = await availability(
      agency.ctx,
      { kind: 'room_type', ownerId: fam },
      day(40),
      day(44),
    );
    expect(families.map((d) => [d.kind, d.capacity, d.stopSale])).toEqual(
      Array(5).fill(['on_request', 2, true]),
    );
  });

  it('writes a row spanning the whole allowed range (731 nights), also over existing nights', async () => {
    const rows = parsed(
      csv(
        'room_type_id,from,to,units',
        `${fam},${day(500)},${day(1230)},3`,
        `${fam},${day(500)},${day(1230)},4`,
      ),
    );
    expect(await importCapacity(agency.ctx, rows)).toEqual({ rows: 2, nights: 1462 });
    const written = await capacities(fam, day(500), day(1230));
    expect(written).toHaveLength(731);
    expect(written.every((units) => units === 4)).toBe(true);
  });

  it('writes nothing when a room type is unknown, and names every such line', async () => {
    const other = await makeAgency(database());
    const foreign = (await makeAccommodation(other)).roomTypes[0]?.id as string;
    const rows = parsed(
      csv(
        'accommodation,room_type,room_type_id,from,to,units',
        `${hotel.name},DBL,,${day(60)},${day(62)},5`,
        `${hotel.name},XXL,,${day(60)},${day(62)},5`,
        `Hotel Nowhere,DBL,,${day(60)},${day(62)},5`,
        `,,${foreign},${day(60)},${day(62)},5`,
      ),
    );
    const error = await importCapacity(agency.ctx, rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).errors.map((e) => e.path)).toEqual([
      '/lines/3/room_type',
      '/lines/4/room_type',
      '/lines/5/room_type_id',
    ]);
    expect(importErrorLines(error)).toEqual([
      `line 3 (room_type): no room type "XXL" in an accommodation named "${hotel.name}"`,
      `line 4 (room_type): no room type "DBL" in an accommodation named "Hotel Nowhere"`,
      'line 5 (room_type_id): is not a room type of this agency',
    ]);
    expect(await capacities(dbl, day(60), day(62))).toEqual([0, 0, 0]);
  });

  it('asks for room_type_id when two accommodations share the name', async () => {
    const twin = await makeAccommodation(agency);
    await makeAccommodation(agency, { name: twin.name });
    const rows = parsed(csv(header, `${twin.name},DBL,${day(60)},${day(60)},,1`));
    await expect(planCapacityImport(agency.ctx, rows)).rejects.toThrow(
      /line 2 \(accommodation\): 2 room types match .* use room_type_id/,
    );
  });

  it('rolls back every row when one would fall below what is sold, naming its line', async () => {
    const setUp = parsed(csv(header, `${hotel.name},DBL,${day(80)},${day(84)},allotment,5`));
    await importCapacity(agency.ctx, setUp);
    await take(agency.ctx, {
      components: [
        { type: 'room', roomTypeId: dbl, checkIn: day(81), checkOut: day(83), quantity: 3 },
      ],
    });

    const rows = parsed(
      csv(
        header,
        `${hotel.name},FAM,${day(80)},${day(84)},allotment,4`,
        `${hotel.name},DBL,${day(80)},${day(80)},allotment,1`,
        `${hotel.name},DBL,${day(80)},${day(84)},allotment,2`,
      ),
    );
    const error = await importCapacity(agency.ctx, rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(importErrorLines(error)).toEqual([
      `line 4 (units): 2 is below what is already sold or held on ${day(81)} (3), ${day(82)} (3)`,
    ]);
    // Nothing written: not the family rooms of line 2, not the double of line 3.
    expect(await capacities(fam, day(80), day(84))).toEqual([0, 0, 0, 0, 0]);
    expect(await capacities(dbl, day(80), day(84))).toEqual([5, 5, 5, 5, 5]);

    // What is sold stays the floor: 3 is enough.
    const raised = parsed(csv(header, `${hotel.name},DBL,${day(80)},${day(84)},allotment,3`));
    expect(await importCapacity(agency.ctx, raised)).toEqual({ rows: 1, nights: 5 });
    expect(await capacities(dbl, day(80), day(84))).toEqual([3, 3, 3, 3, 3]);
  });
});
