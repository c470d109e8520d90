// Bulk capacity from a spreadsheet: hotel allotment contracts as CSV, one row per room type
// and date range. `parseCapacityCsv` reads and checks the file (pure, every problem with its
// line number); `importCapacity` resolves the room types and writes all rows in one
// transaction, or nothing.
import { parse } from 'csv-parse/sync';
import { type CalendarDate, daysBetween, isCalendarDate } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { Conflict, type FieldError, Invalid } from '../../errors.ts';
import { roomTypeLabel } from '../catalog/labels.ts';
import { findRoomType, findRoomTypesByCode } from '../catalog/lookup.ts';
import { capacityOf, maxRangeDays, setCapacity } from './service.ts';
import type { CapacityKind, CapacitySettings } from './types.ts';

/** One problem of an import, at a line of the file (the header is line 1). */
export interface ImportProblem {
  line: number;
  column?: string;
  message: string;
}

/** Which room type a row is for: by id, or by the accommodation's name and the room type code. */
export type RoomTypeTarget = { roomTypeId: string } | { accommodation: string; code: string };

export interface CapacityRow {
  /** The row's line in the file. */
  line: number;
  target: RoomTypeTarget;
  settings: CapacitySettings;
}

/** The columns a capacity file may have, with what each holds (used by `--help` too). */
export const capacityColumns = {
  accommodation: "the accommodation's name, exactly (case does not matter)",
  room_type: "the room type's code, e.g. DBL (with accommodation)",
  room_type_id: 'the room type id (UUID), instead of accommodation and room_type',
  from: 'first night, YYYY-MM-DD',
  to: 'last night, YYYY-MM-DD (on or after from)',
  kind: 'allotment or on_request (empty: allotment)',
  units: 'rooms per night, 0–100000',
  release_days:
    'allotment: unsold rooms go back this many days before the night, 0–365 (empty: none)',
  stop_sale: 'yes/no, true/false, 1/0 (empty: no)',
  min_stay: 'minimum stay in nights, 1–365 (empty: none)',
  closed_to_arrival: 'yes/no, true/false, 1/0 (empty: no)',
} as const;

type Column = keyof typeof capacityColumns;
const knownColumns = new Set<string>(Object.keys(capacityColumns));
const maxUnits = 100_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const wholeNumber = /^\d+$/;
const booleans: Record<string, boolean> = {
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/** "Room Type", "room-type" and "ROOM_TYPE" all name the column room_type. */
function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** `;` when the header line has more semicolons than commas (outside quotes), else `,`. */
function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

function countNewlines(values: Iterable<unknown>): number {
  let count = 0;
  for (const value of values) {
    if (typeof value === 'string') count += value.split('\n').length - 1;
  }
  return count;
}

/**
 * Reads a capacity CSV (`,` or `;`, with or without a BOM). Returns the rows that are valid
 * and every problem found, each with its line; a file with any problem must not be imported.
 */
export function parseCapacityCsv(text: string): { rows: CapacityRow[]; errors: ImportProblem[] } {
  // One newline convention, so csv-parse counts lines as an editor does.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return { rows: [], errors: [{ line: 1, message: 'the file is empty' }] };
  const headerLine = headerIndex + 1;

  const errors: ImportProblem[] = [];
  let columns: string[] = [];
  let syntaxBroken = false;
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(normalized, {
      columns: (header: string[]) => {
        columns = header.map(columnName);
        // A column without a name (a trailing delimiter) is left out.
        return columns.map((name) => name || undefined);
      },
      delimiter: detectDelimiter(lines[headerIndex] ?? ''),
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      bom: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (!error || syntaxBroken) return;
        // After a broken quote the parser's idea of lines is unreliable: report the first.
        if (error.code !== 'CSV_RECORD_INCONSISTENT_COLUMNS') syntaxBroken = true;
        const line = typeof error.lines === 'number' ? error.lines : headerLine;
        errors.push({ line, message: csvMessage(error.code, error.message) });
      },
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? headerLine;
    return { rows: [], errors: [{ line, message: (error as Error).message }] };
  }

  const named = columns.filter((name) => name !== '');
  const unknown = named.filter((name) => !knownColumns.has(name));
  if (unknown.length > 0) {
    errors.unshift({
      line: headerLine,
      message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${Object.keys(capacityColumns).join(', ')}`,
    });
  }
  const duplicates = [...new Set(named.filter((name, index) => named.indexOf(name) !== index))];
  for (const name of duplicates) {
    errors.push({ line: headerLine, column: name, message: 'appears more than once' });
  }
  const has = (name: Column) => named.includes(name);
  const missing = (['from', 'to', 'units'] as Column[]).filter((name) => !has(name));
  if (!has('room_type_id')) {
    if (!has('accommodation')) missing.push('accommodation');
    if (!has('room_type')) missing.push('room_type');
  }
  if (missing.length > 0) {
    errors.push({
      line: headerLine,
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${
        missing.includes('accommodation') || missing.includes('room_type')
          ? ' (or room_type_id instead of accommodation and room_type)'
          : ''
      }`,
    });
  }
  if (unknown.length > 0 || duplicates.length > 0 || missing.length > 0) {
    return { rows: [], errors: errors.sort((a, b) => a.line - b.line) };
  }

  const rows: CapacityRow[] = [];
  for (const { record, info } of records) {
    // info.lines is where the record ends; a quoted value may span lines.
    const line = info.lines - countNewlines(Object.values(record));
    const row = readRow(record, line);
    if ('problems' in row) errors.push(...row.problems);
    else rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ line: headerLine, message: 'the file has no rows under its header' });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}

function csvMessage(code: string, message: string): string {
  if (code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    const match = /columns length is (\d+), got (\d+)/.exec(message);
    if (match) return `has ${match[2]} fields, the header has ${match[1]}`;
  }
  return message;
}

function readRow(
  record: Record<string, string>,
  line: number,
): CapacityRow | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const value = (column: Column) => (record[column] ?? '').trim();
  const problem = (column: Column, message: string) => problems.push({ line, column, message });

  const wholeIn = (column: Column, min: number, max: number): number | null => {
    const raw = value(column);
    if (raw === '') return null;
    const parsed = Number(raw);
    if (!wholeNumber.test(raw) || parsed < min || parsed > max) {
      problem(column, `must be a whole number from ${min} to ${max}, got "${raw}"`);
      return null;
    }
    return parsed;
  };
  const flag = (column: Column): boolean => {
    const raw = value(column).toLowerCase();
    if (raw === '') return false;
    const parsed = booleans[raw];
    if (parsed === undefined) {
      problem(column, `must be yes or no (true/false, 1/0), got "${value(column)}"`);
      return false;
    }
    return parsed;
  };
  const date = (column: 'from' | 'to'): CalendarDate | null => {
    const raw = value(column);
    if (raw === '') problem(column, 'is required (YYYY-MM-DD)');
    else if (!isCalendarDate(raw)) problem(column, `must be a date as YYYY-MM-DD, got "${raw}"`);
    else return raw;
    return null;
  };

  // The room type.
  let target: RoomTypeTarget | null = null;
  const id = value('room_type_id');
  const accommodation = value('accommodation');
  const code = value('room_type');
  if (id !== '') {
    if (accommodation !== '' || code !== '') {
      problem('room_type_id', 'give room_type_id or accommodation and room_type, not both');
    } else if (!uuidPattern.test(id)) problem('room_type_id', `must be a UUID, got "${id}"`);
    else target = { roomTypeId: id.toLowerCase() };
  } else if (accommodation === '' && code === '') {
    problem('room_type', 'is required: accommodation and room_type, or room_type_id');
  } else if (accommodation === '') problem('accommodation', 'is required with room_type');
  else if (code === '') problem('room_type', 'is required with accommodation');
  else target = { accommodation, code };

  // The range.
  const from = date('from');
  const to = date('to');
  if (from && to) {
    if (to < from) problem('to', `must be on or after from (${from})`);
    else if (daysBetween(from, to) >= maxRangeDays) {
      problem('to', `must be less than ${maxRangeDays} days after from`);
    }
  }

  // What is sold.
  const rawKind = value('kind')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  let kind: CapacityKind = 'allotment';
  if (rawKind === 'on_request') kind = 'on_request';
  else if (rawKind !== '' && rawKind !== 'allotment') {
    problem('kind', `must be allotment or on_request, got "${value('kind')}"`);
  }
  const units = wholeIn('units', 0, maxUnits);
  if (value('units') === '') problem('units', 'is required');
  const releaseDays = wholeIn('release_days', 0, 365);
  const minStay = wholeIn('min_stay', 1, 365);
  const stopSale = flag('stop_sale');
  const closedToArrival = flag('closed_to_arrival');

  if (problems.length > 0 || !target || !from || !to || units === null) return { problems };
  return {
    line,
    target,
    settings: { from, to, kind, units, releaseDays, stopSale, minStay, closedToArrival },
  };
}

// --- importing ----------------------------------------------------------------------------

export interface ResolvedCapacityRow extends CapacityRow {
  roomTypeId: string;
  /** "Hotel Adriatic Makarska – Double room", the resource's label. */
  label: string;
  nights: number;
}

function linePath(line: number, column?: string): string {
  return `/lines/${line}${column ? `/${column}` : ''}`;
}

function listed(problems: ImportProblem[]): string {
  return problems
    .map((p) => `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`)
    .join('; ');
}

function asFieldErrors(problems: ImportProblem[]): FieldError[] {
  return problems.map((p) => ({ path: linePath(p.line, p.column), message: p.message }));
}

function targetName(target: RoomTypeTarget): string {
  return 'roomTypeId' in target
    ? `room type ${target.roomTypeId}`
    : `"${target.accommodation}" ${target.code}`;
}

/**
 * Finds the room type of every row in the agency of `ctx`. Every row whose room type is
 * unknown, archived or ambiguous is reported at once, as one `Invalid` naming the lines.
 */
export async function resolveCapacityRows(
  ctx: Ctx,
  rows: CapacityRow[],
): Promise<ResolvedCapacityRow[]> {
  const found = new Map<string, { id: string } | { column: string; message: string }>();
  const resolveTarget = async (target: RoomTypeTarget) => {
    if ('roomTypeId' in target) {
      const room = await findRoomType(ctx, target.roomTypeId);
      if (!room) return { column: 'room_type_id', message: 'is not a room type of this agency' };
      if (room.archived) return { column: 'room_type_id', message: 'is archived' };
      return { id: room.id };
    }
    const matches = await findRoomTypesByCode(ctx, target.accommodation, target.code);
    const active = matches.filter((m) => !m.archived);
    const exact = active.filter((m) => m.code === target.code);
    const chosen = active.length === 1 ? active : exact;
    if (chosen.length === 1 && chosen[0]) return { id: chosen[0].id };
    if (active.length > 1) {
      return {
        column: 'accommodation',
        message: `${active.length} room types match "${target.accommodation}" ${target.code}; use room_type_id`,
      };
    }
    if (matches.length > 0) {
      return {
        column: 'room_type',
        message: `"${target.accommodation}" ${target.code} is archived`,
      };
    }
    return {
      column: 'room_type',
      message: `no room type "${target.code}" in an accommodation named "${target.accommodation}"`,
    };
  };

  const problems: ImportProblem[] = [];
  const resolved: ResolvedCapacityRow[] = [];
  const labels = new Map<string, string>();
  for (const row of rows) {
    const key =
      'roomTypeId' in row.target
        ? `id|${row.target.roomTypeId}`
        : `code|${row.target.accommodation.toLowerCase()}|${row.target.code.toUpperCase()}`;
    let result = found.get(key);
    if (!result) {
      result = await resolveTarget(row.target);
      found.set(key, result);
    }
    if (!('id' in result)) {
      problems.push({ line: row.line, column: result.column, message: result.message });
      continue;
    }
    let label = labels.get(result.id);
    if (label === undefined) {
      label = (await roomTypeLabel(ctx, result.id)) ?? targetName(row.target);
      labels.set(result.id, label);
    }
    resolved.push({
      ...row,
      roomTypeId: result.id,
      label,
      nights: daysBetween(row.settings.from, row.settings.to) + 1,
    });
  }
  if (problems.length > 0) {
    throw new Invalid(
      `${problems.length} row${problems.length > 1 ? 's name' : ' names'} no room type of this agency: ${listed(problems)}`,
      asFieldErrors(problems),
    );
  }
  return resolved;
}

/**
 * Rows whose units would fall below what is already sold or held, all at once, as one
 * `Conflict` naming the lines (read only: `setCapacity` checks again under its locks).
 */
async function checkAgainstSold(ctx: Ctx, rows: ResolvedCapacityRow[]): Promise<void> {
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const { from, to, units } = row.settings;
    const days = await capacityOf(ctx, [{ kind: 'room_type', ownerId: row.roomTypeId }], from, to);
    const below = days.filter((day) => day.sold + day.held > units);
    if (below.length > 0) {
      problems.push({
        line: row.line,
        column: 'units',
        message: `${units} is below what is already sold or held on ${below
          .map((d) => `${d.date} (${d.sold + d.held})`)
          .join(', ')}`,
      });
    }
  }
  if (problems.length > 0) {
    throw new Conflict(
      `capacity below what is sold or held: ${listed(problems)}`,
      asFieldErrors(problems),
    );
  }
}

/** The same error, saying which line of the file it comes from. */
function atLine(line: number, error: unknown): Error {
  const message = `line ${line}: ${error instanceof Error ? error.message : String(error)}`;
  const errors = (fieldErrors: FieldError[]) =>
    fieldErrors.map((e) => ({ path: `${linePath(line)}${e.path}`, message: e.message }));
  if (error instanceof Conflict) return new Conflict(message, errors(error.errors));
  if (error instanceof Invalid) return new Invalid(message, errors(error.errors));
  return new Error(message, { cause: error });
}

/**
 * What an import would write, checked as the import checks it (room types, then units
 * against what is sold or held), writing nothing: the dry run.
 */
export async function planCapacityImport(
  ctx: Ctx,
  rows: CapacityRow[],
): Promise<ResolvedCapacityRow[]> {
  const resolved = await resolveCapacityRows(ctx, rows);
  await checkAgainstSold(ctx, resolved);
  return resolved;
}

/**
 * Writes every row's capacity in one transaction: all rows or none. Room types are resolved
 * first (every unknown one reported at once) and nothing is written while any is missing;
 * a row that fails later (capacity below sold, a bad range) rolls back the rows before it,
 * and the error names its line. Rows are written in file order, so a later row wins where
 * two overlap. `onProgress` hears after each row.
 */
export async function importCapacity(
  ctx: Ctx,
  rows: CapacityRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ rows: number; nights: number }> {
  return inTransaction(ctx, async (tx) => {
    const resolved = await planCapacityImport(tx, rows);
    let nights = 0;
    for (const [index, row] of resolved.entries()) {
      try {
        await setCapacity(
          tx,
          { kind: 'room_type', ownerId: row.roomTypeId },
          row.label,
          row.settings,
        );
      } catch (error) {
        throw atLine(row.line, error);
      }
      nights += row.nights;
      onProgress?.(index + 1, resolved.length);
    }
    return { rows: resolved.length, nights };
  });
}

/**
 * The problems an import error names, one per line of the file, for the command line: from
 * an `Invalid` or `Conflict` of this module, else the message alone.
 */
export function importErrorLines(error: unknown): string[] {
  if ((error instanceof Invalid || error instanceof Conflict) && error.errors.length > 0) {
    const lines = error.errors.map((e) => {
      const match = /^\/lines\/(\d+)(?:\/([^/]+))?/.exec(e.path);
      if (!match) return `${e.path}: ${e.message}`;
      return `line ${match[1]}${match[2] ? ` (${match[2]})` : ''}: ${e.message}`;
    });
    if (lines.length > 1 || !error.message.startsWith('line ')) return lines;
  }
  return [error instanceof Error ? error.message : String(error)];
}

/** `1,104 nights`, `1 row`: counts in the command line's summaries. */
export function counted(value: number, noun: string): string {
  return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}
